#include "kiosk/screens/organiser_screen.h"

#include "content/locale.h"
#include "kiosk/ui/problem_words.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include "kiosk/screens/judge_screen.h"
#include "kiosk/screens/scorecard_screen.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace kiosk {

using namespace ui;

namespace {

std::string Clock(const Context& ui, const std::string& time) {
    return ui.Bengali() ? content::ToBengaliDigits(time) : time;
}

// Paths relative to the pack, as the organiser wrote them.
std::string Where(const content::PackProblem& problem, const std::string& folder) {
    std::error_code error;
    const std::filesystem::path relative = std::filesystem::path(problem.file).lexically_relative(folder);
    const std::string file =
        relative.empty() || relative.native().rfind("..", 0) == 0 ? problem.file : relative.string();
    return content::FormatProblem(problem, file);
}

float DrawProblems(Context& ui, const content::LoadedPack& pack, float x, float y, float width,
                   const ScrollFrame& frame) {
    const float start = y;
    for (content::Severity severity : {content::Severity::Error, content::Severity::Warning}) {
        for (const content::PackProblem& problem : pack.problems) {
            if (problem.severity != severity) continue;
            const std::string text = Where(problem, pack.content.folder);
            const TextOptions wrap{width - ui.Px(40), 0};
            const float h = MeasureText(ui.theme, TextStyle::Caption, text, wrap).y + ui.Px(16);
            if (y + h > frame.view.y && y < frame.view.Bottom()) {
                const bool error = severity == content::Severity::Error;
                ui.draw->AddRectFilled({x, y}, {x + ui.Px(8), y + h - ui.Px(8)},
                                       error ? color::kRed : color::kAmber, ui.Px(3));
                DrawText(ui.draw, ui.theme, TextStyle::Caption, {x + ui.Px(24), y}, text, color::kText, wrap);
            }
            y += h;
        }
    }
    if (pack.NotListed() >
        0) { // only the first few hundred are kept: a pack gone wild stays in bounded memory
        const std::string more = ui.Bengali()
                                     ? "… এবং আরও " + ui.Number(static_cast<double>(pack.NotListed())) + "টি"
                                     : "… and " + ui.Number(static_cast<double>(pack.NotListed())) + " more";
        y += DrawText(ui.draw, ui.theme, TextStyle::Caption, {x + ui.Px(24), y}, more, color::kTextMuted,
                      {width, 1})
                 .y;
    }
    return y - start;
}

} // namespace

float OrganiserTabs(Context& ui, float x, float y, float width, OrganiserTab current, Navigation& nav) {
    constexpr int kTabs = 4;
    const float tab_w = std::min(ui.Px(360), (width - ui.Px(12) * (kTabs - 1)) / kTabs), tab_h = ui.Px(76);
    const struct {
        OrganiserTab tab;
        const char *name, *bn, *en;
    } tabs[] = {{OrganiserTab::Judging, "organiser/tab/judging", "বিচার", "Judging"},
                {OrganiserTab::Content, "organiser/tab/content", "কনটেন্ট", "Content"},
                {OrganiserTab::Results, "organiser/tab/results", "ফলাফল", "Results"},
                {OrganiserTab::Sync, "organiser/tab/sync", "সিঙ্ক", "Sync"}};
    for (int i = 0; i < kTabs; ++i) {
        ui.Name(tabs[i].name);
        if (Button(ui, {x + static_cast<float>(i) * (tab_w + ui.Px(12)), y, tab_w, tab_h},
                   ui.T(tabs[i].bn, tabs[i].en),
                   current == tabs[i].tab ? ButtonKind::Primary : ButtonKind::Secondary) &&
            current != tabs[i].tab) {
            nav.go = tabs[i].tab == OrganiserTab::Sync      ? Route{ScreenId{"sync"}, {}}
                     : tabs[i].tab == OrganiserTab::Results ? Route{ScreenId{"results"}, {}}
                     : tabs[i].tab == OrganiserTab::Content ? Route{ScreenId::Organiser, "content"}
                                                            : Route{ScreenId::Organiser, {}};
            nav.replace = true; // tabs, not a path: Back leaves the console's tabs together
        }
    }
    return y + tab_h;
}

float OrganiserScreen::Draw(Context& ui, const ContentStatus& status, Staff& staff, const Route& route,
                            const ScrollFrame& frame, Navigation& nav) {
    if (reopen_judge) return DrawReopen(ui, staff, frame);
    const float margin = PageMargin(ui);
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    const OrganiserTab tab = route.id == "content" ? OrganiserTab::Content : OrganiserTab::Judging;
    const float y = OrganiserTabs(ui, x, frame.top + margin * 0.6f, width, tab, nav) + margin * 0.5f;
    if (nav.go) done.clear();
    return tab == OrganiserTab::Judging ? DrawJudging(ui, staff, x, y, width, frame, nav)
                                        : DrawContent(ui, status, x, y, width, frame);
}

// The rubric judges score with: kept when rubric.json cannot be read, and a changed one held back
// (once scores exist) until the organiser accepts it here (content/rubric_change.h).
float OrganiserScreen::DrawRubricState(Context& ui, const ContentStatus& status, float x, float y,
                                       float width) {
    const float margin = PageMargin(ui);
    if (!status.rubric_kept.empty()) {
        y = SectionHeading(ui, x, y, width,
                           ui.T("মূল্যায়নের মানদণ্ড আগেরটিই আছে", "The judges keep their rubric"));
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                      ui.Bengali()
                          ? "rubric.json পড়া যাচ্ছে না বা নেই; বিচারকেরা আগের মানদণ্ডেই নম্বর দিচ্ছেন। "
                            "ফাইলটি ঠিক করে আবার রাখুন।"
                          : status.rubric_kept + ": the judges go on with the rubric they had. Fix the "
                                                 "file and save it again (see the problems below).",
                      color::kRed, {width, 0})
                 .y +
             margin * 0.5f;
    }
    if (!status.held_rubric) return y;
    y = SectionHeading(
        ui, x, y, width,
        std::string(ui.T("নতুন মানদণ্ড আপনার অনুমোদনের অপেক্ষায়", "A changed rubric waits for you")) + " (" +
            Clock(ui, status.held_at) + ")");
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                  std::string(ui.T("নম্বর দেওয়া শুরু হয়ে গেছে, তাই বিচারকেরা আগের মানদণ্ডেই আছেন। যা বদলেছে: ",
                                   "Scores exist, so the judges keep the rubric they have. What changed: ")) +
                      status.held_change,
                  color::kText, {width, 0})
             .y +
         ui.Px(12);
    const Rect accept{x, y, std::min(width, ui.Px(560)), ui.Px(72)};
    ui.Name("organiser/content/accept-rubric");
    if (Button(ui, accept, ui.T("নতুন মানদণ্ড গ্রহণ করুন", "Accept the new rubric"), ButtonKind::Primary) &&
        status.accept_rubric)
        rubric_error = status.accept_rubric();
    y += accept.h + ui.Px(12);
    if (!rubric_error.empty())
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, rubric_error, color::kRed, {width, 0}).y;
    return y + margin * 0.5f;
}

float OrganiserScreen::DrawContent(Context& ui, const ContentStatus& status, float x, float y, float width,
                                   const ScrollFrame& frame) {
    const float margin = PageMargin(ui);
    const content::LoadedPack& pack = *status.pack;

    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y},
                  ui.T("আয়োজকের জন্য: কনটেন্ট", "For the organiser: content"), color::kText, {width, 2})
             .y +
         ui.Px(12);
    const std::string counts =
        ui.Bengali()
            ? ui.Number(static_cast<double>(pack.content.innovations.size())) + "টি উদ্ভাবন, " +
                  ui.Number(static_cast<double>(pack.content.offices.size())) + "টি দপ্তর, " +
                  ui.Number(static_cast<double>(pack.content.categories.size())) + "টি বিভাগ দেখানো হচ্ছে"
            : "Showing " + ui.Number(static_cast<double>(pack.content.innovations.size())) +
                  " innovations, " + ui.Number(static_cast<double>(pack.content.offices.size())) +
                  " offices, " + ui.Number(static_cast<double>(pack.content.categories.size())) +
                  " categories";
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, counts, color::kText, {width, 2}).y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                  std::string(ui.T("প্যাক: ", "Pack: ")) + pack.content.folder + "  ·  " +
                      ui.T("লোড: ", "loaded ") + Clock(ui, status.loaded_at),
                  color::kTextMuted, {width, 2})
             .y +
         margin * 0.5f;

    y = DrawRubricState(ui, status, x, y, width);
    if (status.refused) {
        y = SectionHeading(ui, x, y, width,
                           std::string(ui.T("নতুন প্যাক নেওয়া হয়নি", "The new pack was not taken")) + " (" +
                               Clock(ui, status.refused_at) + ")");
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                      ui.T("আগের কনটেন্টই দেখানো হচ্ছে। নিচের সমস্যাগুলো ঠিক করে আবার ফাইলগুলো রাখুন।",
                           "The kiosk keeps showing the content before it. Fix what is below and save the "
                           "files again."),
                      color::kText, {width, 0})
                 .y +
             ui.Px(12);
        y += DrawProblems(ui, *status.refused, x, y, width, frame) + margin * 0.5f;
    }

    const size_t errors = pack.Count(content::Severity::Error),
                 warnings = pack.Count(content::Severity::Warning);
    const std::string heading =
        ui.Bengali() ? "বাদ পড়েছে ও সতর্কতা: " + ui.Number(static_cast<double>(errors)) + "টি ত্রুটি, " +
                           ui.Number(static_cast<double>(warnings)) + "টি সতর্কতা"
                     : "Left out and warnings: " + ui.Number(static_cast<double>(errors)) + " errors, " +
                           ui.Number(static_cast<double>(warnings)) + " warnings";
    y = SectionHeading(ui, x, y, width, heading);
    if (pack.problems.empty()) {
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                      ui.T("প্যাকে কোনো সমস্যা নেই।", "The pack has no problems."), color::kGreen, {width, 1})
                 .y;
    } else {
        y += DrawText(
                 ui.draw, ui.theme, TextStyle::Caption, {x, y},
                 ui.T("ত্রুটি থাকা উদ্ভাবন দেখানো হয় না; সতর্কতা থাকলেও দেখানো হয়। একই তালিকা দেখায়: kiosk check",
                      "Innovations with errors are left out; those with warnings are shown. The same list: "
                      "kiosk check"),
                 color::kTextMuted, {width, 0})
                 .y +
             ui.Px(12);
        y += DrawProblems(ui, pack, x, y, width, frame);
    }
    return y + margin - frame.top;
}

float OrganiserScreen::DrawJudging(Context& ui, Staff& staff, float x, float y, float width,
                                   const ScrollFrame& frame, Navigation& nav) {
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    // "Add a judge" beside the heading when there is room (landscape), else under it.
    const float add_w = ui.Px(380), add_h = ui.Px(76);
    const bool add_beside = width >= ui.Px(1300);
    const float heading_y = y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y},
                  ui.T("আয়োজকের জন্য: বিচারের অগ্রগতি", "For the organiser: judging progress"), color::kText,
                  {add_beside ? width - add_w - gap : width, 2})
             .y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Caption, {x, y},
                  std::string(ui.T("নম্বর এখানে দেখানো হয় না, শুধু অগ্রগতি। ডেটাবেস: ",
                                   "Scores are not shown here, only progress. Database: ")) +
                      staff.StoreDescription(),
                  color::kTextMuted, {add_beside ? width - add_w - gap : width, 2})
             .y +
         ui.Px(12);
    if (staff.Available()) {
        const Rect add = add_beside ? Rect{x + width - add_w, heading_y, add_w, add_h}
                                    : Rect{x, y, std::min(width, add_w), add_h};
        if (!add_beside) y += add_h + gap;
        ui.Name("organiser/add-judge");
        if (Button(ui, add, ui.T("বিচারক যোগ করুন", "Add a judge"), ButtonKind::Primary))
            nav.go = Route{ScreenId::JudgeSetup, "new"}, done.clear();
    }
    if (!done.empty()) y += Banner(ui, x, y, width, done, color::kGreen, color::kGreenLight) + gap;
    if (!staff.Available()) return y + margin - frame.top;

    const std::vector<scoring::JudgeProgress>& overview = staff.Judging().Overview();
    if (overview.empty())
        y +=
            Banner(
                ui, x, y, width,
                ui.T("এখনো কোনো বিচারক নেই। যোগ করুন \"বিচারক যোগ করুন\" দিয়ে, বা: kiosk judges import "
                     "judges.csv",
                     "No judges yet. Add them with \"Add a judge\", or with: kiosk judges import judges.csv"),
                color::kAmber, color::kAmberLight) +
            gap;
    const float pad = ui.Px(24), line = LineHeight(ui.theme, TextStyle::Body), row_h = ui.Px(72);
    for (const scoring::JudgeProgress& progress : overview) {
        std::vector<const scoring::Assignment*> submitted;
        for (const scoring::Assignment& a : progress.assignments)
            if (a.status == scoring::CardStatus::Submitted) submitted.push_back(&a);
        const float head_h = LineHeight(ui.theme, TextStyle::Heading) + line + ui.Px(8);
        const float card_h = pad * 2 + head_h + static_cast<float>(submitted.size()) * row_h;
        const Rect card{x, y, width, card_h};
        y += card_h + gap;
        if (card.Bottom() < frame.view.y || card.y > frame.view.Bottom()) continue;
        DrawJudgeCard(ui, staff, progress, submitted, card, nav);
    }
    return y + margin - frame.top;
}

void OrganiserScreen::DrawJudgeCard(Context& ui, Staff& staff, const scoring::JudgeProgress& progress,
                                    const std::vector<const scoring::Assignment*>& submitted,
                                    const Rect& card, Navigation& nav) {
    const content::FairContent& fair = staff.Fair();
    const float pad = ui.Px(24), line = LineHeight(ui.theme, TextStyle::Body), row_h = ui.Px(72);
    const float width = card.w;
    const bool locked = progress.judge.locked_until_ms > scoring::SystemClockMs();
    ui.draw->AddRectFilled({card.x, card.y + ui.Px(3)}, {card.Right(), card.Bottom() + ui.Px(4)},
                           color::kShadow, ui.theme.Radius());
    ui.draw->AddRectFilled(card.Min(), card.Max(), color::kSurface, ui.theme.Radius());

    float cy = card.y + pad;
    const std::string count = ui.Bengali()
                                  ? Fraction(ui, progress.submitted, progress.to_score) + " জমা"
                                  : Fraction(ui, progress.submitted, progress.to_score) + " submitted";
    const float count_w = MeasureText(ui.theme, TextStyle::Heading, count).x;
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {card.x + pad, cy}, progress.judge.name, color::kText,
             {width - count_w - 3 * pad, 1});
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {card.Right() - pad - count_w, cy}, count,
             progress.submitted == progress.to_score ? color::kGreen : color::kText);
    cy += LineHeight(ui.theme, TextStyle::Heading);
    const content::Office* office = fair.FindOffice(progress.judge.office);
    std::string about = office ? ui.L(office->name) : progress.judge.office;
    if (locked) about += ui.T("  ·  ভুল পিনের জন্য লক করা", "  ·  locked out after wrong PINs");
    DrawText(ui.draw, ui.theme, TextStyle::Body, {card.x + pad, cy}, about,
             locked ? color::kRed : color::kTextMuted, {width * 0.6f, 1});
    // Under the count: Change (name, office, categories, PIN; or removing), and Unlock beside it.
    const float change_w = ui.Px(220), button_h = ui.Px(64), button_y = cy - ui.Px(6);
    const std::string who = "organiser/judge/" + progress.judge.name;
    ui.Name(who + "/change");
    if (Button(ui, {card.Right() - pad - change_w, button_y, change_w, button_h}, ui.T("বদলান", "Change")))
        nav.go = Route{ScreenId::JudgeSetup, std::to_string(progress.judge.id)}, done.clear();
    if (locked) ui.Name(who + "/unlock");
    if (locked &&
        Button(ui, {card.Right() - pad - change_w - ui.Px(16) - ui.Px(220), button_y, ui.Px(220), button_h},
               ui.T("লক খুলুন", "Unlock"))) {
        staff.Judging().Registry().Unlock(progress.judge.id);
        done = progress.judge.name + ui.T(": লক খোলা হয়েছে", ": unlocked");
    }
    cy += line + ui.Px(8);
    for (const scoring::Assignment* a : submitted) {
        const content::Innovation* entry = fair.FindInnovation(a->entry);
        DrawText(ui.draw, ui.theme, TextStyle::Body, {card.x + pad, cy + (row_h - line) * 0.5f},
                 std::string(ui.T("জমা: ", "Submitted: ")) + (entry ? ui.L(entry->title) : a->entry),
                 color::kText, {width * 0.65f, 1});
        ui.Name(who + "/reopen/" + a->entry);
        if (Button(ui, {card.Right() - pad - ui.Px(300), cy + ui.Px(6), ui.Px(300), row_h - ui.Px(12)},
                   ui.T("আবার খুলুন", "Reopen"))) {
            reopen_judge = progress.judge.id, reopen_entry = a->entry, reason.clear(), error.clear(),
            done.clear();
            keyboard.layout = ui.lang;
        }
        cy += row_h;
    }
}

// Reopening a submitted card: the reason is required and kept in the audit trail.
float OrganiserScreen::DrawReopen(Context& ui, Staff& staff, const ScrollFrame& frame) {
    ui.typing = true;
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = frame.view.y + margin * 0.5f;
    const content::Innovation* entry = staff.Fair().FindInnovation(reopen_entry);
    const std::optional<scoring::Judge> judge = staff.Judging().Registry().Find(*reopen_judge);
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y},
                  ui.T("জমা দেওয়া কার্ড আবার খুলুন", "Reopen a submitted card"), color::kText, {width, 1})
             .y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                  (judge ? judge->name : std::string("?")) + "  ·  " +
                      (entry ? ui.L(entry->title) : reopen_entry),
                  color::kTextMuted, {width, 1})
             .y +
         ui.Px(8);
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                  ui.T("খোলার পর বিচারক নম্বর বদলে আবার জমা দেবেন। কারণটি অডিট ট্রেইলে থেকে যাবে।",
                       "Once reopened, the judge can change the marks and submit again. The reason stays in "
                       "the audit trail."),
                  color::kText, {width, 0})
             .y +
         ui.Px(12);
    const float field_h = ui.Px(130);
    TextField(ui, {x, y, width, field_h}, reason, ui.T("কারণ লিখুন (আবশ্যক)", "Type the reason (required)"),
              true);
    y += field_h + gap;
    if (!error.empty()) {
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, error, color::kRed, {width, 2}).y;
    }
    switch (keyboard.DrawAtFoot(ui, x, width, y, frame.view.Bottom() - margin * 0.5f, reason)) {
    case KeyboardAction::Done:
        try {
            staff.Judging().Reopen(*reopen_judge, reopen_entry, reason);
            std::fprintf(stderr, "kiosk: organiser reopened %s for judge %lld: %s\n", reopen_entry.c_str(),
                         static_cast<long long>(*reopen_judge), reason.c_str());
            done = std::string(ui.T("কার্ড আবার খোলা হয়েছে: ", "Card reopened: ")) +
                   (entry ? ui.L(entry->title) : reopen_entry);
            reopen_judge.reset();
        } catch (const std::exception& e) {
            const Problem problem = Problem::Of(e);
            error = std::string(ui.T("খোলা যায়নি: ", "Not reopened: ")) +
                    (problem.failure ? WhatFailed(*problem.failure, ui.lang) +
                                           ui.T("। আয়োজককে ডাকুন।", ". Please call the organiser.")
                                     : Words(problem, ui.lang));
            std::fprintf(stderr, "kiosk: NOT reopened: %s for judge %lld: %s\n", reopen_entry.c_str(),
                         static_cast<long long>(*reopen_judge), problem.English().c_str());
        }
        break;
    case KeyboardAction::Cancel:
        reopen_judge.reset();
        break;
    default:
        break;
    }
    return frame.view.h;
}

} // namespace kiosk
