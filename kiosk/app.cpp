#include "kiosk/app.h"

#include "kiosk/content_watch.h"

#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

namespace kiosk {

using namespace ui;

namespace {

constexpr double kLongPressSeconds = 2.0; // the staff's hidden entry on the top bar's title

} // namespace

App::~App() = default;

App::App(content::LoadedPack pack, const Options& options, scoring::Store* store, std::string store_problem)
    : m_pack(std::move(pack)), m_staff(store, std::move(store_problem), m_pack.content, options.staff_idle_s),
      m_idle_timeout_s(options.idle_timeout_s) {
    m_status.pack = &m_pack;
    m_status.loaded_at = LocalClock();
    m_start_lang = options.language == "en" ? content::Lang::English : content::Lang::Bengali;
    m_ui.lang = m_start_lang;
}

void App::OnInput(double now) {
    m_last_input = now;
    m_staff.Touched(now);
}

double App::NextWake() const {
    if (m_router.Current().screen == ScreenId::Attract) return m_attract.NextChange(m_ui.now);
    double wake = std::min(m_last_input + m_idle_timeout_s, m_staff.LogoutAt());
    if (m_router.Current().screen == ScreenId::Staff)
        wake = std::min(wake, m_staff_screen.NextChange(m_ui.now));
    // A finger resting still draws nothing, yet a long press must fire on time.
    if (m_ui.touch.Down() && !m_ui.touch.Consumed())
        wake = std::min(wake, m_ui.touch.PressTime() + kLongPressSeconds);
    return wake;
}

void App::WatchContent(std::function<void()> wake) {
    if (!m_pack.content.folder.empty())
        m_watch = std::make_unique<ContentWatch>(m_pack.content.folder, std::move(wake));
}

bool App::OfferContent(content::LoadedPack pack, double now) {
    if (!pack.fair_ok) {
        std::fprintf(stderr,
                     "kiosk: the changed content pack cannot be shown; the kiosk keeps the one before\n");
        for (const content::PackProblem& problem : pack.problems)
            std::fprintf(stderr, "kiosk: %s\n", content::FormatProblem(problem, problem.file).c_str());
        m_status.refused = std::move(pack);
        m_status.refused_at = LocalClock();
        return false;
    }
    m_pack = std::move(pack);
    m_status.refused.reset();
    m_status.loaded_at = LocalClock();
    m_ui.pictures.Clear(); // a picture file may have changed under the same name
    std::fprintf(stderr, "kiosk: content updated: %zu innovations\n", m_pack.content.innovations.size());
    // A visitor on a screen that is gone goes home; the rest stay where they are.
    if (!Exists(m_router.Current())) Navigate(Route{ScreenId::Home, {}}, now);
    return true;
}

// Whether a route can be shown now: its office, category or entry is in the pack, and the
// staff's screens have their staff logged in.
bool App::Exists(const Route& route) {
    const content::FairContent& fair = m_pack.content;
    switch (route.screen) {
    case ScreenId::Office:
        return fair.FindOffice(route.id) != nullptr;
    case ScreenId::Category:
        return fair.FindCategory(route.id) != nullptr;
    case ScreenId::Innovation:
        return fair.FindInnovation(route.id) != nullptr;
    case ScreenId::Organiser:
        return m_staff.Organiser();
    case ScreenId::Judge:
        return m_staff.Judge() != nullptr;
    case ScreenId::Scorecard:
    case ScreenId::Review:
        return m_staff.Judge() != nullptr && fair.FindInnovation(route.id) != nullptr;
    case ScreenId::JudgeSetup: {
        if (!m_staff.Organiser()) return false;
        const std::optional<scoring::JudgeId> id = ParseJudgeId(route.id);
        return route.id == "new" || (id && m_staff.Judging().Registry().Find(*id).has_value());
    }
    default:
        return true;
    }
}

// Staff leave (a tap on Log out, the kiosk left alone, the attract screen): their screens close
// and the next person finds the visitors' home.
void App::LogOut(double now) {
    if (!m_staff.LoggedIn()) return;
    m_staff.LogOut();
    m_staff_screen.Reset();
    m_scorecard = ScorecardScreen{};
    m_review = ReviewScreen{};
    m_judge_setup.Forget(); // a draft PIN is not kept for the next person
    if (m_router.Current().screen != ScreenId::Attract) Navigate(Route{ScreenId::Home, {}}, now);
}

bool App::Go(const std::string& text, double now) {
    const std::optional<Route> route = ParseRoute(text);
    if (!route || !Exists(*route)) return false;
    Navigate(*route, now);
    return true;
}

void App::Back(double now) {
    m_router.Back();
    Arrive(now);
}

void App::Navigate(const Route& route, double now) {
    m_router.Current().scroll = m_scroller.Offset(); // Back comes back to the same place
    if (route.screen == ScreenId::Attract)
        m_router.Attract();
    else
        m_router.Push(route);
    Arrive(now);
}

void App::Replace(const Route& route, double now) {
    m_router.Replace(route);
    Arrive(now);
}

// After the router moved: start the attract show, or restore the screen's scroll position.
void App::Arrive(double now) {
    if (m_router.Current().screen == ScreenId::Attract) {
        LogOut(now); // nobody stays logged in to a kiosk showing its attract loop
        m_attract.started = now;
        m_ui.lang = m_start_lang; // the next visitor starts in the kiosk's own language
        m_ui.theme.large_text = false;
    }
    m_scroller.SetOffset(m_router.Current().scroll);
    m_content_height = m_router.Current().scroll + m_ui.screen.y; // until the new screen measures itself
}

std::string App::TitleOf(const Route& route) const {
    const content::FairContent& fair = m_pack.content;
    switch (route.screen) {
    case ScreenId::Attract:
    case ScreenId::Home:
        return m_ui.L(fair.fair.name);
    case ScreenId::Organiser:
        return m_ui.T("আয়োজকের জন্য", "For the organiser");
    case ScreenId::Staff:
        return m_ui.T("বিচারক ও আয়োজকের প্রবেশ", "Judges and organiser");
    case ScreenId::Judge:
        return m_ui.T("বিচারকের পাতা", "Judging");
    case ScreenId::Scorecard:
        return m_ui.T("স্কোরকার্ড", "Scorecard");
    case ScreenId::Review:
        return m_ui.T("পর্যালোচনা ও জমা", "Review and submit");
    case ScreenId::JudgeSetup:
        return m_ui.T("আয়োজকের জন্য: বিচারক", "For the organiser: judges");
    case ScreenId::Office:
        if (const content::Office* o = fair.FindOffice(route.id)) return m_ui.L(o->ShortName());
        break;
    case ScreenId::Category:
        if (const content::Category* c = fair.FindCategory(route.id)) return m_ui.L(c->name);
        break;
    case ScreenId::Innovation:
        if (const content::Innovation* i = fair.FindInnovation(route.id)) return m_ui.L(i->title);
        break;
    }
    return {};
}

// Home and Back on the left, where the screen is in the middle, the language on the right.
void App::DrawTopBar(Navigation& nav, float height) {
    ImDrawList* draw = m_ui.draw;
    const float w = m_ui.screen.x, pad = m_ui.Px(16), button_h = height - 2 * pad;
    draw->AddRectFilled({0, 0}, {w, height}, color::kSurface);
    draw->AddRectFilled({0, height}, {w, height + m_ui.Px(4)}, color::kShadow);
    draw->AddRectFilled({0, height - m_ui.Px(4)}, {w, height}, color::kGreen);

    const bool compact = w < m_ui.Px(1300);
    const float home_w = compact ? button_h : m_ui.Px(170), back_w = compact ? button_h : m_ui.Px(190);
    const Rect home{pad, pad, home_w, button_h};
    const Rect back{home.Right() + pad, pad, back_w, button_h};
    // Staff have their own home: the judge's entries, the organiser's screen.
    const ScreenId home_screen = m_staff.Judge()       ? ScreenId::Judge
                                 : m_staff.Organiser() ? ScreenId::Organiser
                                                       : ScreenId::Home;
    const bool at_home = m_router.Current().screen == home_screen;
    const bool can_back = m_router.CanGoBack();

    auto icon_button = [&](const Rect& r, const char* label, bool enabled, auto icon) {
        const bool pressing = enabled && m_ui.Pressing(r);
        draw->AddRectFilled(r.Min(), r.Max(),
                            pressing  ? color::kGreenDark
                            : enabled ? color::kGreen
                                      : color::kGreenLight,
                            r.h * 0.5f);
        const ImU32 ink = enabled ? color::kTextOnDark : color::Rgb(0x7fa596);
        const float icon_size = m_ui.Px(34);
        const float icon_x = compact ? r.x + r.w * 0.5f : r.x + m_ui.Px(24) + icon_size * 0.5f;
        icon(draw, ImVec2{icon_x, r.y + r.h * 0.5f}, icon_size, ink);
        if (!compact)
            DrawText(draw, m_ui.theme, TextStyle::BodyBold,
                     {icon_x + icon_size * 0.5f + m_ui.Px(10),
                      r.y + (r.h - LineHeight(m_ui.theme, TextStyle::BodyBold)) * 0.5f},
                     label, ink, {r.Right() - icon_x - m_ui.Px(20), 1});
        return enabled && m_ui.Tapped(r);
    };
    if (icon_button(home, m_ui.T("হোম", "Home"), !at_home, HomeIcon)) nav.go = Route{home_screen, {}};
    if (icon_button(back, m_ui.T("পিছনে", "Back"), can_back, BackIcon)) nav.back = true;

    const float lang_w = m_ui.Px(compact ? 150 : 180);
    const Rect lang{w - pad - lang_w, pad, lang_w, button_h};
    if (Button(m_ui, lang, m_ui.Bengali() ? "English" : "বাংলা")) {
        m_ui.lang = m_ui.Bengali() ? content::Lang::English : content::Lang::Bengali;
    }
    // Larger text for visitors who need it (WCAG 1.4.4); the next visitor starts with normal text.
    const bool large = m_ui.theme.large_text;
    const float size_w = m_ui.Px(compact ? 110 : 230);
    const Rect text_size{lang.x - pad - size_w, pad, size_w, button_h};
    const char* size_label =
        compact ? (large ? m_ui.T("অ−", "A−") : m_ui.T("অ+", "A+"))
                : (large ? m_ui.T("সাধারণ লেখা", "Normal text") : m_ui.T("বড় লেখা", "Larger text"));
    if (Button(m_ui, text_size, size_label, large ? ButtonKind::Primary : ButtonKind::Secondary))
        m_ui.theme.large_text = !large;

    // Logged-in staff see who they are and how to leave, in blue so a visitor sees it is not theirs.
    float title_end = text_size.x;
    if (m_staff.LoggedIn()) {
        const std::string who = m_staff.Judge() ? m_staff.Judge()->Who().name : m_ui.T("আয়োজক", "Organiser");
        const std::string label = std::string(m_ui.T("লগ আউট", "Log out")) + (compact ? "" : " · " + who);
        const float out_w = std::min(m_ui.Px(compact ? 170 : 420),
                                     MeasureText(m_ui.theme, TextStyle::BodyBold, label).x + m_ui.Px(60));
        const Rect out{text_size.x - pad - out_w, pad, out_w, button_h};
        draw->AddRectFilled({0, height - m_ui.Px(4)}, {w, height}, color::kBlue);
        if (Button(m_ui, out, label)) nav.logout = true;
        title_end = out.x;
    }
    const float title_x = back.Right() + m_ui.Px(28);
    if (m_ui.touch.LongPressed({title_x, 0, title_end - title_x, height}, m_ui.now, kLongPressSeconds)) {
        m_staff_screen.Reset();
        nav.go = Route{m_staff.LoggedIn() ? home_screen : ScreenId::Staff, {}};
    }
    DrawText(draw, m_ui.theme, TextStyle::Heading,
             {title_x, (height - LineHeight(m_ui.theme, TextStyle::Heading)) * 0.5f},
             TitleOf(m_router.Current()), color::kText, {title_end - title_x - m_ui.Px(28), 1});
}

void App::Frame(double now) {
    m_ui.now = now;
    m_ui.dt = m_last_frame < 0 ? 0.f : static_cast<float>(now - m_last_frame);
    m_last_frame = now;
    m_ui.screen = ImGui::GetIO().DisplaySize;
    m_ui.draw = ImGui::GetBackgroundDrawList();
    m_ui.animating = false;
    m_ui.typing = false;
    m_ui.clip = {0, 0, m_ui.screen.x, m_ui.screen.y};
    m_ui.touch.Update(now, m_ui.Px(18));
    if (m_watch)
        if (std::optional<content::LoadedPack> changed = m_watch->TakeNew())
            OfferContent(std::move(*changed), now);
    if (m_ui.pictures.Update()) m_ui.animating = true; // more decoded pictures to upload next frame

    if (m_router.Current().screen != ScreenId::Attract && now - m_last_input >= m_idle_timeout_s)
        Navigate(Route{ScreenId::Attract, {}}, now);
    if (now >= m_staff.LogoutAt()) LogOut(now);
    if (!Exists(m_router.Current()))
        Navigate(Route{ScreenId::Home, {}}, now); // its staff left, or its entry went

    const Route route = m_router.Current();
    if (route.screen == ScreenId::Attract) {
        if (m_ui.touch.Pressed()) {
            m_ui.touch.Consume(); // the touch that wakes the kiosk presses nothing on the home screen
            Navigate(Route{ScreenId::Home, {}}, now);
        } else {
            m_attract.Draw(m_ui, m_pack.content);
            return;
        }
    }

    Navigation nav;
    const float bar_h = m_ui.Px(104);
    const Rect view{0, bar_h, m_ui.screen.x, m_ui.screen.y - bar_h};
    m_ui.draw->AddRectFilled({0, 0}, m_ui.screen, color::kBackground);
    const float offset = m_scroller.Update(m_ui.touch, view, m_content_height, m_ui.dt);
    const ScrollFrame frame{view, view.y - offset};
    m_ui.clip = view;
    m_ui.draw->PushClipRect(view.Min(), view.Max());
    if (m_router.Current().screen != ScreenId::JudgeSetup)
        m_judge_setup.Forget(); // a draft left by Back or Home is not kept
    switch (m_router.Current().screen) {
    case ScreenId::Home:
        m_content_height = m_home.Draw(m_ui, m_pack.content, frame, nav);
        break;
    case ScreenId::Office:
    case ScreenId::Category:
        m_content_height = m_list.Draw(m_ui, m_pack.content, m_router.Current(), frame, nav);
        break;
    case ScreenId::Innovation:
        m_content_height = m_innovation.Draw(m_ui, m_pack.content, m_router.Current(), frame, nav);
        break;
    case ScreenId::Organiser:
        m_content_height = m_organiser.Draw(m_ui, m_status, m_staff, frame, nav);
        break;
    case ScreenId::Staff:
        m_content_height = m_staff_screen.Draw(m_ui, m_staff, frame, nav);
        break;
    case ScreenId::Judge:
        m_content_height = m_judge.Draw(m_ui, m_staff, frame, nav);
        break;
    case ScreenId::Scorecard:
        m_content_height = m_scorecard.Draw(m_ui, m_staff, m_router.Current(), frame, nav);
        break;
    case ScreenId::Review:
        m_content_height = m_review.Draw(m_ui, m_staff, m_router.Current(), frame, nav);
        break;
    case ScreenId::JudgeSetup:
        m_content_height = m_judge_setup.Draw(m_ui, m_staff, m_router.Current(), frame, nav);
        if (!m_judge_setup.saved.empty()) { // said on the organiser's judging tab, where the screen returns
            m_organiser.done = std::exchange(m_judge_setup.saved, {});
            m_organiser.tab = OrganiserScreen::Tab::Judging;
        }
        break;
    case ScreenId::Attract:
        break;
    }
    m_ui.draw->PopClipRect();
    m_ui.clip = {0, 0, m_ui.screen.x, m_ui.screen.y};
    DrawTopBar(nav, bar_h);
    m_ui.animating |= m_scroller.Animating();

    if (!m_ui.typing && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) ||
                         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))))
        nav.back = true;
    if (nav.logout)
        LogOut(now);
    else if (nav.back)
        Back(now);
    else if (nav.go && nav.replace)
        Replace(*nav.go, now);
    else if (nav.go)
        Navigate(*nav.go, now);
    if (nav.back || nav.go || nav.logout) m_ui.animating = true; // the new screen draws on the next frame
}

} // namespace kiosk
