#include "kiosk/app.h"

#include "kiosk/content_watch.h"
#include "kiosk/sync_worker.h"

#include "content/rubric_change.h"

#include "kiosk/ui/problem_words.h"
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

App::App(content::LoadedPack pack, const Options& options, scoring::Store* store,
         std::optional<scoring::StoreFailure> store_problem)
    : m_pack(std::move(pack)), m_staff(store, std::move(store_problem), m_pack.content, options.staff_idle_s),
      m_hub(options.hub), m_idle_timeout_s(options.idle_timeout_s) {
    m_status.pack = &m_pack;
    m_status.accept_rubric = [this] { return AcceptHeldRubric(); };
    m_status.loaded_at = LocalClock();
    m_start_lang = options.language == "en" ? content::Lang::English : content::Lang::Bengali;
    m_ui.lang = m_start_lang;
}

void App::OnInput(double now) {
    m_last_input = now;
    m_staff.Touched(now);
}

double App::NextWake() const {
    const ScreenId showing = m_router.Current().screen;
    if (showing == ScreenId::Attract) return m_screens.NextChange(showing, m_ui.now);
    double wake = std::min(m_last_input + m_idle_timeout_s, m_staff.LogoutAt());
    if ((m_opener && !m_staff.Available()) || m_backups) // retry the store, take the next backup
        wake = std::min(wake, m_next_refresh + (m_backups && m_staff.Available() ? 30.0 : 0.0));
    wake = std::min(wake, m_screens.NextChange(showing, m_ui.now)); // a countdown, say
    // A finger resting still draws nothing, yet a long press must fire on time.
    if (m_ui.touch.Down() && !m_ui.touch.Consumed())
        wake = std::min(wake, m_ui.touch.PressTime() + kLongPressSeconds);
    return wake;
}

void App::WatchContent(std::function<void()> wake) {
    if (!m_pack.content.folder.empty())
        m_watch = std::make_unique<ContentWatch>(m_pack.content.folder, std::move(wake));
}

void App::StartSync(std::function<void()> wake) {
    if (!m_staff.Available()) return;
    BackgroundSync::Settings settings;
    settings.db_path = m_staff.StoreDescription();
    settings.hub = m_hub;
    settings.wake = std::move(wake);
    m_sync = std::make_unique<BackgroundSync>(std::move(settings));
    m_staff.SetSync(m_sync.get());
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
    KeepJudgesRubric(pack);
    m_pack = std::move(pack);
    if (m_staff.Available()) m_staff.Judging().ContentChanged();
    m_status.refused.reset();
    m_status.loaded_at = LocalClock();
    m_ui.pictures.Clear(); // a picture file may have changed under the same name
    std::fprintf(stderr, "kiosk: content updated: %zu innovations\n", m_pack.content.innovations.size());
    // A visitor on a screen that is gone goes home; the rest stay where they are.
    if (!Exists(m_router.Current())) Navigate(Route{ScreenId::Home, {}}, now);
    return true;
}

// A judge must never find the criteria swapped under the card: a rubric that cannot be read keeps
// the one before, and a changed one waits, once scores exist, for the organiser to accept it.
void App::KeepJudgesRubric(content::LoadedPack& pack) {
    const bool scores = m_staff.Available() && m_staff.Judging().Log().Book().Events() > 0;
    const content::Rubric& current = m_pack.content.rubric;
    const content::RubricUpdate update = content::DecideRubric(current, pack, scores);
    m_status.rubric_kept.clear();
    if (update == content::RubricUpdate::Same || update == content::RubricUpdate::Take) {
        m_status.held_rubric.reset();
        return;
    }
    if (update == content::RubricUpdate::Hold) {
        m_status.held_change = content::CompareRubrics(current, pack.content.rubric).Describe();
        m_status.held_rubric = std::move(pack.content.rubric);
        m_status.held_at = LocalClock();
        std::fprintf(stderr,
                     "kiosk: rubric.json changed (%s): judges keep the rubric they have until the "
                     "organiser accepts it on the Content tab\n",
                     m_status.held_change.c_str());
    } else {
        m_status.rubric_kept = update == content::RubricUpdate::KeepUnreadable ? "rubric.json cannot be read"
                                                                               : "rubric.json is gone";
        std::fprintf(stderr, "kiosk: %s: judges keep the rubric they have\n", m_status.rubric_kept.c_str());
    }
    pack.content.rubric = current;
}

std::string App::AcceptHeldRubric() {
    if (!m_status.held_rubric || !m_staff.Available()) return {};
    try {
        m_staff.Judging().Log().AcceptRubric(m_status.held_change);
    } catch (const std::exception& e) { // StoreFailure, Refused: nothing changed; the organiser may retry
        return ui::Words(ui::Problem::Of(e), m_ui.lang);
    }
    m_pack.content.rubric = std::move(*m_status.held_rubric);
    m_status.held_rubric.reset();
    m_staff.Judging().ContentChanged();
    m_status.rubric_accepted_at = LocalClock();
    m_rubric_seen.clear();
    std::fprintf(stderr, "kiosk: the organiser accepted the changed rubric (%s)\n",
                 m_status.held_change.c_str());
    return {};
}

std::string App::RubricNotice() {
    scoring::JudgeSession* judge = m_staff.Judge();
    if (!judge || m_status.rubric_accepted_at.empty() || m_rubric_seen.count(judge->Who().id)) return {};
    return m_ui.Bengali() ? "আয়োজক " + m_status.rubric_accepted_at +
                                "-এ মূল্যায়নের মানদণ্ড বদলেছেন: আপনার স্কোরকার্ডগুলো দেখে নিন। বন্ধ করতে ছুঁয়ে দিন।"
                          : "The organiser changed the rubric at " + m_status.rubric_accepted_at +
                                ": check your scorecards. Tap to close.";
}

// Whether a route can be shown now (the screen table says what each screen needs).
bool App::Exists(const Route& route) {
    return m_screens.MayOpen(route, m_pack.content, m_staff);
}

// Staff leave (a tap on Log out, the kiosk left alone, the attract screen): their screens close
// and the next person finds the visitors' home.
void App::LogOut(double now) {
    if (!m_staff.LoggedIn()) return;
    m_staff.LogOut();
    m_screens.ForgetAtLogout(); // a draft PIN or a half-typed reason is not kept for the next person
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

void App::Navigate(const Route& route, double now, std::string notice) {
    m_router.Current().scroll = m_scroller.Offset(); // Back comes back to the same place
    if (route.screen == ScreenId::Attract)
        m_router.Attract();
    else
        m_router.Push(route);
    Arrive(now, std::move(notice));
}

void App::Replace(const Route& route, double now, std::string notice) {
    m_router.Replace(route);
    Arrive(now, std::move(notice));
}

// After the router moved: the screen hears of it (and of any notice for it); the attract show
// logs staff out; the screen's scroll position comes back.
void App::Arrive(double now, std::string notice) {
    m_caught = {}; // another screen: it draws itself
    m_screens.Arrive(m_router.Current().screen, Arrival{now, std::move(notice)});
    if (m_router.Current().screen == ScreenId::Attract) {
        LogOut(now);              // nobody stays logged in to a kiosk showing its attract loop
        m_ui.lang = m_start_lang; // the next visitor starts in the kiosk's own language
        m_ui.theme.large_text = false;
    }
    m_scroller.SetOffset(m_router.Current().scroll);
    m_content_height = m_router.Current().scroll + m_ui.screen.y; // until the new screen measures itself
}

namespace {

// A top-bar button: green, an icon, and its word beside it when the bar has room; true when tapped.
bool IconButton(Context& ui, const char* name, const Rect& r, const char* label, bool enabled, bool compact,
                void (*icon)(ImDrawList*, ImVec2, float, ImU32)) {
    ui.AddTarget(name, r, enabled);
    const bool pressing = enabled && ui.Pressing(r);
    ui.draw->AddRectFilled(r.Min(), r.Max(),
                           pressing  ? color::kGreenDark
                           : enabled ? color::kGreen
                                     : color::kGreenLight,
                           r.h * 0.5f);
    const ImU32 ink = enabled ? color::kTextOnDark : color::Rgb(0x7fa596);
    const float icon_size = ui.Px(34);
    const float icon_x = compact ? r.x + r.w * 0.5f : r.x + ui.Px(24) + icon_size * 0.5f;
    icon(ui.draw, ImVec2{icon_x, r.y + r.h * 0.5f}, icon_size, ink);
    if (!compact)
        DrawText(ui.draw, ui.theme, TextStyle::BodyBold,
                 {icon_x + icon_size * 0.5f + ui.Px(10),
                  r.y + (r.h - LineHeight(ui.theme, TextStyle::BodyBold)) * 0.5f},
                 label, ink, {r.Right() - icon_x - ui.Px(20), 1});
    return enabled && ui.Tapped(r);
}

// The language and the text size, at the bar's right end; returns the x where they begin.
float DrawLanguageAndTextSize(Context& ui, bool compact, float pad, float button_h) {
    const float lang_w = ui.Px(compact ? 150 : 180);
    const Rect lang{ui.screen.x - pad - lang_w, pad, lang_w, button_h};
    ui.Name("lang");
    if (Button(ui, lang, ui.Bengali() ? "English" : "বাংলা")) {
        ui.lang = ui.Bengali() ? content::Lang::English : content::Lang::Bengali;
    }
    // Larger text for visitors who need it (WCAG 1.4.4); the next visitor starts with normal text.
    const bool large = ui.theme.large_text;
    const float size_w = ui.Px(compact ? 110 : 230);
    const Rect text_size{lang.x - pad - size_w, pad, size_w, button_h};
    const char* size_label =
        compact ? (large ? ui.T("অ−", "A−") : ui.T("অ+", "A+"))
                : (large ? ui.T("সাধারণ লেখা", "Normal text") : ui.T("বড় লেখা", "Larger text"));
    ui.Name("text-size");
    if (Button(ui, text_size, size_label, large ? ButtonKind::Primary : ButtonKind::Secondary))
        ui.theme.large_text = !large;
    return text_size.x;
}

// Logged-in staff see who they are and how to leave, left of `right`, and the bar's edge turns
// blue so a visitor sees it is not theirs; returns the x where the button begins.
float DrawLogOut(Context& ui, Staff& staff, Navigation& nav, bool compact, float right, float pad,
                 float height) {
    const float button_h = height - 2 * pad;
    const std::string who = staff.Judge() ? staff.Judge()->Who().name : ui.T("আয়োজক", "Organiser");
    const std::string label = std::string(ui.T("লগ আউট", "Log out")) + (compact ? "" : " · " + who);
    const float out_w =
        std::min(ui.Px(compact ? 170 : 420), MeasureText(ui.theme, TextStyle::BodyBold, label).x + ui.Px(60));
    const Rect out{right - pad - out_w, pad, out_w, button_h};
    ui.draw->AddRectFilled({0, height - ui.Px(4)}, {ui.screen.x, height}, color::kBlue);
    ui.Name("logout");
    if (Button(ui, out, label)) nav.logout = true;
    return out.x;
}

} // namespace

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
    if (IconButton(m_ui, "home", home, m_ui.T("হোম", "Home"), !at_home, compact, HomeIcon))
        nav.go = Route{home_screen, {}};
    if (IconButton(m_ui, "back", back, m_ui.T("পিছনে", "Back"), m_router.CanGoBack(), compact, BackIcon))
        nav.back = true;

    float title_end = DrawLanguageAndTextSize(m_ui, compact, pad, button_h);
    if (m_staff.LoggedIn()) title_end = DrawLogOut(m_ui, m_staff, nav, compact, title_end, pad, height);
    const float title_x = back.Right() + m_ui.Px(28);
    const Rect title{title_x, 0, title_end - title_x, height};
    m_ui.AddTarget("title", title); // a long press opens the staff's door
    if (m_ui.touch.LongPressed(title, m_ui.now, kLongPressSeconds)) {
        m_screens.Forget(ScreenId::Staff); // the door opens at "who are you"
        nav.go = Route{m_staff.LoggedIn() ? home_screen : ScreenId::Staff, {}};
    }
    DrawText(draw, m_ui.theme, TextStyle::Heading,
             {title_x, (height - LineHeight(m_ui.theme, TextStyle::Heading)) * 0.5f},
             m_screens.Title(m_router.Current(), m_ui, m_pack.content), color::kText,
             {title_end - title_x - m_ui.Px(28), 1});
}

void App::KeepStore(scoring::StoreOpener* opener, scoring::BackupSchedule* backups) {
    m_opener = opener;
    m_backups = backups;
    if (backups) m_staff.RescueFirstTo(backups->Folder());
}

// Opens the store again while it could not be opened (the opener paces its tries).
void App::RetryStore(double now) {
    if (!m_opener || m_staff.Available()) return;
    if (scoring::Store* store = m_opener->Open(now)) {
        std::fprintf(stderr, "kiosk: the judging database %s opened: judging is on\n", store->Path().c_str());
        m_staff.Adopt(store);
    } else if (m_opener->Failure()) {
        m_staff.SetOpenFailure(*m_opener->Failure());
    }
}

// A backup when one is due, on the schedule's own thread; its outcome in the log.
void App::TickBackups(double now) {
    if (!m_backups) return;
    if (m_staff.Available() && m_staff.RescuedCopy().empty()) m_backups->Tick(now);
    if (const std::string report = m_backups->TakeReport(); !report.empty())
        std::fprintf(stderr, "kiosk: %s\n", report.c_str());
}

// Takes in what other programs wrote to the judging database, and logs a failure once when it
// starts and once when it is over (the banner shows it meanwhile).
void App::RefreshStore(double now) {
    m_next_refresh = now + 1.0;
    RetryStore(now);
    m_staff.Refresh();
    TickBackups(now);
    const scoring::StoreFailure* failure = m_staff.LastProblem();
    const std::string failing = failure ? failure->what() : "";
    if (failing != m_logged_failure) {
        if (failure)
            std::fprintf(stderr, "kiosk: the judging database fails: %s\n", failing.c_str());
        else
            std::fprintf(stderr, "kiosk: the judging database works again\n");
        m_logged_failure = failing;
    }
}

// What is wrong with judging, over the staff's screens (visitors are not troubled with it).
std::string App::StoreBanner() {
    if (m_staff.SavesJournaled() != m_saves_when_caught) m_caught = {}; // a change saved since: it passed
    if (!m_caught.Empty())
        return m_caught.failure ? BannerWords(*m_caught.failure, m_ui.lang) : Words(m_caught, m_ui.lang);
    const bool staff_screen = m_staff.LoggedIn() || m_router.Current().screen == ScreenId::Staff;
    const scoring::StoreFailure* failure = m_staff.LastProblem();
    if (!failure || !staff_screen) return std::string();
    std::string words = BannerWords(*failure, m_ui.lang);
    if (!m_staff.RescuedCopy().empty()) // the file vanished: where every saved change is now
        words += m_ui.Bengali()
                     ? " সংরক্ষিত সব পরিবর্তনের একটি কপি রাখা হয়েছে: " + m_staff.RescuedCopy()
                     : " A copy of every saved change was written to " + m_staff.RescuedCopy() + ".";
    return words;
}

// The screen boundary: whatever a screen throws while it draws or handles a tap (the database
// failing, a bug) stops here. The area under the top bar then says what is wrong instead; Home
// and Back still work. Later frames draw the screen again under a banner saying what failed, until
// another screen shows or a change is saved (the store works again).
float App::DrawScreen(ScreenArgs& args, const Rect& area) {
    const int clips = m_ui.draw->_ClipRectStack.Size;
    const size_t targets = m_ui.targets.size();
    try {
        return m_screens.Draw(args);
    } catch (const std::exception& e) {
        const ui::Problem problem = ui::Problem::Of(e);
        if (problem.English() != m_caught.English())
            std::fprintf(stderr, "kiosk: the screen %s failed: %s\n", ToString(args.route).c_str(),
                         problem.English().c_str());
        m_caught = problem;
        m_saves_when_caught = m_staff.SavesJournaled();
    }
    while (m_ui.draw->_ClipRectStack.Size > clips)
        m_ui.draw->PopClipRect();
    m_ui.targets.erase(m_ui.targets.begin() + static_cast<std::ptrdiff_t>(targets),
                       m_ui.targets.end()); // what it drew before it threw cannot be touched
    m_ui.clip = area;
    m_ui.draw->PushClipRect(area.Min(), area.Max()); // over any banner drawn before the screen, too
    m_ui.draw->AddRectFilled(area.Min(), area.Max(), color::kBackground);
    const float margin = PageMargin(m_ui);
    Banner(m_ui, area.x + margin, area.y + m_ui.Px(16), area.w - 2 * margin, StoreBanner(), color::kRed,
           color::Rgb(0xfde8ea));
    m_ui.draw->PopClipRect();
    return area.h;
}

void App::Frame(double now) {
    m_ui.now = now;
    m_ui.dt = m_last_frame < 0 ? 0.f : static_cast<float>(now - m_last_frame);
    m_last_frame = now;
    m_ui.screen = ImGui::GetIO().DisplaySize;
    m_ui.draw = ImGui::GetBackgroundDrawList();
    m_ui.animating = false;
    m_ui.typing = false;
    m_ui.targets.clear(); // drawn afresh each frame, so a script presses what is on screen now
    m_ui.next_name.clear();
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
    if (now >= m_next_refresh) RefreshStore(now); // outside drawing; an idle kiosk draws no frames
    m_staff.UpdateResults(); // outside drawing too: only when a screen showing them asked, and changed

    Navigation nav;
    if (m_router.Current().screen == ScreenId::Attract) {
        if (m_ui.touch.Pressed()) {
            m_ui.touch.Consume(); // the touch that wakes the kiosk presses nothing on the home screen
            Navigate(Route{ScreenId::Home, {}}, now);
        } else {
            const ScrollFrame whole{{0, 0, m_ui.screen.x, m_ui.screen.y}, 0};
            ScreenArgs args{m_ui, m_pack.content, m_status, m_staff, m_router.Current(), whole, nav};
            DrawScreen(args, whole.view); // no top bar, no scrolling: a slideshow
            return;
        }
    }

    const float bar_h = m_ui.Px(104);
    const Rect below_bar{0, bar_h, m_ui.screen.x, m_ui.screen.y - bar_h};
    m_ui.draw->AddRectFilled({0, 0}, m_ui.screen, color::kBackground);
    Rect view = below_bar; // under the store's banner, when there is one
    if (const std::string banner = StoreBanner(); !banner.empty()) {
        const float margin = PageMargin(m_ui);
        const float h = Banner(m_ui, margin, bar_h + m_ui.Px(16), m_ui.screen.x - 2 * margin, banner,
                               color::kRed, color::Rgb(0xfde8ea));
        view.y += h + m_ui.Px(16), view.h -= h + m_ui.Px(16);
    }
    if (const std::string notice = RubricNotice(); !notice.empty()) { // shown to each judge until closed
        const float margin = PageMargin(m_ui);
        const float h = Banner(m_ui, margin, view.y + m_ui.Px(16), m_ui.screen.x - 2 * margin, notice,
                               color::kText, color::Rgb(0xfff4d6));
        const Rect notice_rect{margin, view.y + m_ui.Px(16), m_ui.screen.x - 2 * margin, h};
        m_ui.AddTarget("rubric-notice", notice_rect);
        if (m_ui.Tapped(notice_rect)) m_rubric_seen.insert(m_staff.Judge()->Who().id);
        view.y += h + m_ui.Px(16), view.h -= h + m_ui.Px(16);
    }
    const float offset = m_scroller.Update(m_ui.touch, view, m_content_height, m_ui.dt);
    const ScrollFrame frame{view, view.y - offset};
    m_ui.clip = view;
    m_ui.draw->PushClipRect(view.Min(), view.Max());
    m_screens.Showing(m_router.Current().screen); // a draft left by Back or Home is not kept
    const Route route = m_router.Current();
    ScreenArgs args{m_ui, m_pack.content, m_status, m_staff, route, frame, nav};
    m_content_height = DrawScreen(args, below_bar);
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
        Replace(*nav.go, now, std::move(nav.notice));
    else if (nav.go)
        Navigate(*nav.go, now, std::move(nav.notice));
    if (nav.back || nav.go || nav.logout) m_ui.animating = true; // the new screen draws on the next frame
}

} // namespace kiosk
