#include "kiosk/screens/results_screen.h"

#include "content/locale.h"
#include "kiosk/screens/organiser_screen.h"
#include "kiosk/ui/problem_words.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk {

using namespace ui;
namespace ranking = scoring::ranking;

namespace {

constexpr float kSettleBesideWidth = 1300; // design px: narrower rows put "settle" under the entry

// "১ম", "২য়", "৩য়", "৪র্থ"... / "1st", "2nd", "3rd", "4th"...
std::string Place(const Context& ui, int place) {
    const std::string n = ui.Number(place);
    if (ui.Bengali()) {
        static const char* kSuffix[] = {"", "ম", "য়", "য়", "র্থ", "ম", "ষ্ঠ", "ম", "ম", "ম", "ম"};
        return n + (place >= 1 && place <= 10 ? kSuffix[place] : "তম");
    }
    const int tens = place % 100, ones = place % 10;
    const char* suffix = tens >= 11 && tens <= 13 ? "th"
                         : ones == 1              ? "st"
                         : ones == 2              ? "nd"
                         : ones == 3              ? "rd"
                                                  : "th";
    return n + suffix;
}

// A figure with exactly `decimals` decimals ("86.0", "৮৬.০"): scores line up and read alike.
std::string Fixed(const Context& ui, double value, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return ui.Bengali() ? content::ToBengaliDigits(buffer) : std::string(buffer);
}

std::string Percent(const Context& ui, double fraction) {
    return ui.Number(std::round(fraction * 100.0)) + "%";
}

// "+2.5" / "–2.5" (an en dash: the fonts have no minus sign), in the screen's digits.
std::string Signed(const Context& ui, double value, int decimals) {
    const std::string shown = Fixed(ui, std::fabs(value), decimals);
    const bool zero = std::round(std::fabs(value) * std::pow(10.0, decimals)) == 0;
    return std::string(zero ? "" : value < 0 ? "–" : "+") + shown;
}

std::string MethodWords(const Context& ui, ranking::Method method) {
    switch (method) {
    case ranking::Method::Mean:
        return ui.T("গড়", "Mean");
    case ranking::Method::TrimmedMean:
        return ui.T("ছাঁটাই গড়", "Trimmed mean");
    case ranking::Method::JudgeCorrected:
        return ui.T("বিচারক-সংশোধিত", "Judge-corrected");
    }
    return "?";
}

std::string StepWords(const Context& ui, ranking::Step step) {
    switch (step) {
    case ranking::Step::Score:
        return ui.T("নম্বর", "score");
    case ranking::Step::HeadToHead:
        return ui.T("মুখোমুখি তুলনা", "head-to-head");
    case ranking::Step::Median:
        return ui.T("মধ্যমা", "median");
    case ranking::Step::TopCriterion:
        return ui.T("প্রধান মানদণ্ড", "top criterion");
    case ranking::Step::FirstChoices:
        return ui.T("প্রথম পছন্দ", "first choices");
    }
    return "?";
}

// What separated an entry from the one below it, as a phrase; empty for the last ranked entry.
std::string DecisionWords(const Context& ui, const ranking::Decision& decision) {
    switch (decision.kind) {
    case ranking::Decision::Kind::LadderStep:
        return std::string(ui.T("নির্ধারণ: ", "decided by ")) + StepWords(ui, decision.step);
    case ranking::Decision::Kind::Organiser:
        return std::string(ui.T("আয়োজকের নিষ্পত্তি: ", "settled by the organiser: ")) + decision.reason;
    case ranking::Decision::Kind::DeclaredTie:
        return ui.T("ঘোষিত সমতা", "declared tie");
    case ranking::Decision::Kind::Last:
        return {};
    }
    return {};
}

std::string LadderWords(const Context& ui, const ranking::Ladder& ladder) {
    std::string text;
    for (ranking::Step step : ladder)
        text += (text.empty() ? "" : " › ") + StepWords(ui, step);
    return text;
}

std::string EntryTitle(const Context& ui, const content::FairContent& fair, const std::string& id) {
    const content::Innovation* entry = fair.FindInnovation(id);
    return entry ? ui.L(entry->title) : id;
}

std::string EntryOffice(const Context& ui, const content::FairContent& fair, const std::string& id) {
    const content::Innovation* entry = fair.FindInnovation(id);
    const content::Office* office = entry ? fair.FindOffice(entry->office_id) : nullptr;
    return office ? ui.L(office->ShortName()) : entry ? entry->office_id : std::string();
}

std::string JudgeName(const std::vector<scoring::Judge>& judges, const std::string& key) {
    for (const scoring::Judge& judge : judges)
        if (judge.key == key) return judge.name;
    return key.substr(0, 8); // a judge removed since: the key's start
}

std::string Names(const std::vector<scoring::Judge>& judges, const std::vector<std::string>& keys) {
    std::string text;
    for (const std::string& key : keys)
        text += (text.empty() ? "" : ", ") + JudgeName(judges, key);
    return text;
}

// The category shown: the one chosen if the results still have it, else the first.
const scoring::CategoryStandings* Shown(const scoring::FairResults& results, const std::string& id) {
    for (const scoring::CategoryStandings& standings : results.categories)
        if (standings.result.category == id) return &standings;
    return results.categories.empty() ? nullptr : &results.categories.front();
}

// What `problem` says, as the organiser reads it.
std::string ProblemWords(const Context& ui, const Problem& problem) {
    if (problem.failure)
        return std::string(ui.T("হয়নি: ", "Not done: ")) + WhatFailed(*problem.failure, ui.lang);
    return Words(problem, ui.lang);
}

// A tied entry's group: the others sharing its place.
std::vector<std::string> TiedWith(const scoring::CategoryStandings& standings, const std::string& entry) {
    std::optional<int> place;
    for (const ranking::Standing& s : standings.result.standings)
        if (s.entry == entry && s.tie) place = s.place;
    std::vector<std::string> others;
    for (const ranking::Standing& s : standings.result.standings)
        if (place && s.tie && s.place == place && s.entry != entry) others.push_back(s.entry);
    return others;
}

} // namespace

float ResultsScreen::Draw(Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav) {
    staff.WantResults();
    if (staff.ResultsPending()) ui.animating = true; // Staff computes them before the next frame
    if (mode == Mode::Settle) return DrawSettle(ui, staff, frame);
    if (mode == Mode::Reopen) return DrawReopen(ui, staff, frame);
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y =
        OrganiserTabs(ui, x, frame.top + margin * 0.6f, width, OrganiserTab::Results, nav) + margin * 0.5f;
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y},
                  ui.T("আয়োজকের জন্য: ফলাফল", "For the organiser: results"), color::kText, {width, 2})
             .y +
         ui.Px(12);
    y = DrawSaid(ui, x, y, width);
    if (staff.ResultsProblem())
        y += Banner(ui, x, y, width,
                    std::string(ui.T("ফলাফল এখন হিসাব করা গেল না (আগেরটাই দেখানো হচ্ছে): ",
                                     "The results could not be computed now (the last ones are shown): ")) +
                        ProblemWords(ui, *staff.ResultsProblem()),
                    color::kRed, color::Rgb(0xfde8ea)) +
             gap;
    const scoring::FairResults* results = staff.Results();
    if (!results) {
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                      ui.T("ফলাফল হিসাব হচ্ছে…", "Computing the results…"), color::kTextMuted)
                 .y;
        return y + margin - frame.top;
    }
    y = DrawMethod(ui, staff, *results, x, y, width) + gap;
    y = DrawState(ui, staff, *results, x, y, width) + gap;
    y = DrawCategoryPicker(ui, staff.Fair(), *results, x, y, width) + gap;
    if (const scoring::CategoryStandings* shown = Shown(*results, category)) {
        y = DrawStandings(ui, staff, *shown, !results->final, x, y, width, frame);
    }
    y = DrawRejudge(ui, staff, *results, x, y, width) + gap;
    y = DrawDiagnostics(ui, staff, *results, x, y, width, frame) + ui.Px(8);
    y += DrawText(
             ui.draw, ui.theme, TextStyle::Caption, {x, y},
             ui.T("এই পাতা শুধু আয়োজকের: বিচারকেরা নম্বর বা স্থান দেখেন না। পদ্ধতির ব্যাখ্যা: docs/results.md",
                  "For the organiser only: judges never see scores or places. The methods are explained in "
                  "docs/results.md"),
             color::kTextMuted, {width, 0})
             .y;
    return y + margin - frame.top;
}

float ResultsScreen::DrawSaid(Context& ui, float x, float y, float width) {
    const float gap = ui.theme.Gap();
    if (problem)
        y += Banner(ui, x, y, width, ProblemWords(ui, *problem), color::kRed, color::Rgb(0xfde8ea)) + gap;
    if (!note.Empty())
        y += Banner(ui, x, y, width, ui.Bengali() ? note.bn : note.en, color::kAmber, color::kAmberLight) +
             gap;
    if (!done.Empty())
        y += Banner(ui, x, y, width, ui.Bengali() ? done.bn : done.en, color::kGreen, color::kGreenLight) +
             gap;
    return y;
}

// The method as a segmented control (kept in the store), and the ladder that breaks ties.
float ResultsScreen::DrawMethod(Context& ui, Staff& staff, const scoring::FairResults& results, float x,
                                float y, float width) {
    const std::string label = ui.T("পদ্ধতি:", "Method:");
    const float label_w = MeasureText(ui.theme, TextStyle::BodyBold, label).x + ui.Px(20);
    const bool beside = width >= ui.Px(1100);
    const float button_h = ui.Px(72), seg_x = beside ? x + label_w : x;
    if (!beside) {
        y += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {x, y}, label, color::kText).y + ui.Px(8);
    } else {
        DrawText(ui.draw, ui.theme, TextStyle::BodyBold,
                 {x, y + (button_h - LineHeight(ui.theme, TextStyle::BodyBold)) * 0.5f}, label, color::kText);
    }
    const float seg_w = std::min(ui.Px(330), (x + width - seg_x - ui.Px(16)) / 3);
    const ranking::Method methods[] = {ranking::Method::Mean, ranking::Method::TrimmedMean,
                                       ranking::Method::JudgeCorrected};
    for (int i = 0; i < 3; ++i) {
        ui.Name(std::string("results/method/") + ranking::MethodName(methods[i]));
        const bool chosen = results.options.method == methods[i];
        // While final the method stays as finalised: reopened first, like every other change.
        if (Button(ui, {seg_x + static_cast<float>(i) * (seg_w + ui.Px(8)), y, seg_w, button_h},
                   MethodWords(ui, methods[i]), chosen ? ButtonKind::Primary : ButtonKind::Secondary,
                   chosen || !results.final) &&
            !chosen) {
            Clear();
            try {
                staff.SetResultsMethod(methods[i]);
            } catch (const std::exception& e) {
                problem = Problem::Of(e);
            }
        }
    }
    const std::string ladder =
        std::string(ui.T("সমতা ভাঙার ধাপ: ", "Tie-break ladder: ")) + LadderWords(ui, results.options.ladder);
    const float ladder_x = seg_x + 3 * seg_w + ui.Px(16) + ui.Px(24), ladder_w = x + width - ladder_x;
    if (ladder_w >= ui.Px(420)) { // beside the method, one or two lines
        const TextOptions wrap{ladder_w, 2};
        const float h = MeasureText(ui.theme, TextStyle::Caption, ladder, wrap).y;
        DrawText(ui.draw, ui.theme, TextStyle::Caption, {ladder_x, y + (button_h - h) * 0.5f}, ladder,
                 color::kTextMuted, wrap);
        return y + button_h;
    }
    y += button_h + ui.Px(12);
    y += DrawText(ui.draw, ui.theme, TextStyle::Caption, {x, y}, ladder, color::kTextMuted, {width, 0}).y;
    return y;
}

namespace {

struct StateWords {
    std::string text;
    ImU32 ink, fill;
};

// Provisional (how many cards are missing), ready, final and intact, or final and changed since.
StateWords StateOf(const Context& ui, const scoring::FairResults& results) {
    size_t missing = 0;
    for (const scoring::CategoryStandings& standings : results.categories)
        missing += standings.missing.size();
    const std::string hash = results.final ? results.final->hash.substr(0, 12) : "";
    if (results.final && results.final->intact)
        return {
            std::string(ui.T("চূড়ান্ত ফলাফল। হ্যাশ ", "Final results. Hash ")) + hash +
                ui.T(" — অক্ষত: ইভেন্টগুলো এখনো একই হ্যাশ দেয়।", " — intact: the events still hash the same."),
            color::kGreen, color::kGreenLight};
    if (results.final)
        return {std::string(ui.T(
                    "সতর্কতা: চূড়ান্ত করার পর নম্বর বা সিদ্ধান্ত বদলেছে! হ্যাশ ",
                    "WARNING: the scores or decisions changed after the results were finalised! Hash ")) +
                    hash +
                    ui.T(" আর মেলে না। ফলাফল আবার খুলে কারণ লিখুন, তারপর আবার চূড়ান্ত করুন।",
                         " no longer matches. Reopen the results with a reason, then finalise again."),
                color::kRed, color::Rgb(0xfde8ea)};
    if (missing > 0)
        return {ui.Bengali() ? "অস্থায়ী ফলাফল: এখনো " + ui.Number(static_cast<double>(missing)) +
                                   "টি কার্ড জমা পড়েনি (প্রতিটি বিভাগের নিচে তালিকা)।"
                             : "Provisional: " + ui.Number(static_cast<double>(missing)) +
                                   (missing == 1 ? " scorecard is" : " scorecards are") +
                                   " still to come (listed under each category).",
                color::kAmber, color::kAmberLight};
    return {ui.T("সব কার্ড জমা পড়েছে: ফলাফল চূড়ান্ত করা যায়।",
                 "Every scorecard is in: the results can be finalised."),
            color::kBlue, color::kBlueLight};
}

} // namespace

// The results' state, with Finalise (or Reopen) beside it when there is room, else under it.
float ResultsScreen::DrawState(Context& ui, Staff& staff, const scoring::FairResults& results, float x,
                               float y, float width) {
    const float gap = ui.theme.Gap(), button_w = ui.Px(420);
    const StateWords state = StateOf(ui, results);
    const bool beside = width >= ui.Px(1300) && !confirm_finalise;
    const float h =
        Banner(ui, x, y, beside ? width - button_w - gap : width, state.text, state.ink, state.fill);
    if (!beside) return DrawFinaliseButtons(ui, staff, results, x, y + h + gap, width);
    const float below = DrawFinaliseButtons(ui, staff, results, x + width - button_w, y, button_w);
    return std::max(y + h, below);
}

float ResultsScreen::DrawFinaliseButtons(Context& ui, Staff& staff, const scoring::FairResults& results,
                                         float x, float y, float width) {
    const float button_h = ui.Px(76), button_w = std::min(ui.Px(420), width);
    if (confirm_finalise) {
        y += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {x, y},
                      ui.T("ফলাফল চূড়ান্ত করবেন? স্থানগুলো একটি হ্যাশসহ রাখা হবে; পরে বদলাতে হলে কারণ লিখে আবার "
                           "খুলতে হবে।",
                           "Finalise the results? The places are kept with a hash; changing them later means "
                           "reopening them with a reason."),
                      color::kText, {width, 0})
                 .y +
             ui.Px(12);
        ui.Name("results/yes-finalise");
        if (Button(ui, {x, y, button_w, button_h}, ui.T("হ্যাঁ, চূড়ান্ত করুন", "Yes, finalise"),
                   ButtonKind::Primary)) {
            confirm_finalise = false;
            Clear();
            try {
                staff.FinaliseResults();
                done = {"ফলাফল চূড়ান্ত করা হয়েছে।", "The results are final."};
            } catch (const std::exception& e) {
                problem = Problem::Of(e);
            }
        }
        ui.Name("results/not-yet");
        if (Button(ui, {x + button_w + ui.Px(16), y, button_w, button_h}, ui.T("এখন না", "Not yet")))
            confirm_finalise = false;
        return y + button_h;
    }
    if (results.final) { // final, intact or not: reopened (with a reason) before anything changes
        ui.Name("results/reopen");
        if (Button(ui, {x, y, button_w, button_h}, ui.T("ফলাফল আবার খুলুন", "Reopen the results"))) {
            Clear();
            mode = Mode::Reopen, reason.clear();
            keyboard.layout = ui.lang;
        }
        return y + button_h;
    }
    ui.Name("results/finalise");
    if (Button(ui, {x, y, button_w, button_h}, ui.T("ফলাফল চূড়ান্ত করুন", "Finalise the results"),
               ButtonKind::Primary)) {
        Clear();
        if (results.Provisional()) {
            try {
                staff.FinaliseResults(); // refused while provisional: the refusal is worded
            } catch (const std::exception& e) {
                problem = Problem::Of(e);
            }
        } else {
            confirm_finalise = true; // it asks once more
        }
    }
    return y + button_h;
}

float ResultsScreen::DrawCategoryPicker(Context& ui, const content::FairContent& fair,
                                        const scoring::FairResults& results, float x, float y, float width) {
    const scoring::CategoryStandings* shown = Shown(results, category);
    const float button_h = ui.Px(72), gap = ui.Px(12);
    float bx = x;
    for (const scoring::CategoryStandings& standings : results.categories) {
        const content::Category* found = fair.FindCategory(standings.result.category);
        const std::string label = found ? ui.L(found->name) : standings.result.category;
        const float w = std::min(width, MeasureText(ui.theme, TextStyle::BodyBold, label).x + ui.Px(56));
        if (bx > x && bx + w > x + width) bx = x, y += button_h + gap;
        ui.Name("results/category/" + standings.result.category);
        if (Button(ui, {bx, y, w, button_h}, label,
                   &standings == shown ? ButtonKind::Primary : ButtonKind::Secondary))
            category = standings.result.category, confirm_finalise = false;
        bx += w + gap;
    }
    return y + button_h;
}

// The category's standings: a refusal in words, or a row per entry, best first.
float ResultsScreen::DrawStandings(Context& ui, Staff& staff, const scoring::CategoryStandings& standings,
                                   bool may_settle, float x, float y, float width, const ScrollFrame& frame) {
    const content::FairContent& fair = staff.Fair();
    const ranking::CategoryResult& result = standings.result;
    const content::Category* found = fair.FindCategory(result.category);
    y = SectionHeading(
        ui, x, y, width,
        (found ? ui.L(found->name) : result.category) + "  ·  " + MethodWords(ui, result.method) + "  ·  " +
            (standings.Provisional() ? ui.T("অস্থায়ী", "provisional") : ui.T("সব কার্ড জমা", "all cards in")));
    if (result.refused) {
        const std::string title =
            result.refused->entry.empty() ? "" : EntryTitle(ui, fair, result.refused->entry);
        y += Banner(ui, x, y, width, Words(*result.refused, title, ui.lang), color::kAmber,
                    color::kAmberLight) +
             ui.theme.Gap();
    }
    y = DrawMissing(ui, fair, standings, x, y, width);
    const float row_h = ui.Px(24) * 2 + LineHeight(ui.theme, TextStyle::BodyBold) +
                        LineHeight(ui.theme, TextStyle::Caption) * 2 + ui.Px(8);
    for (const ranking::Standing& standing : result.standings) {
        const bool settle = standing.tie && may_settle;
        // Narrow (portrait): "settle" goes under the entry's lines rather than beside them.
        const float h = settle && width < ui.Px(kSettleBesideWidth) ? row_h + ui.Px(72 + 12) : row_h;
        const Rect row{x, y, width, h};
        y += h + ui.Px(12);
        if (row.Bottom() < frame.view.y || row.y > frame.view.Bottom()) continue;
        // A declared tie is settled before finalising (a settlement after it would break the hash).
        if (DrawStanding(ui, fair, standing, settle, row)) {
            Clear();
            const std::vector<std::string> others = TiedWith(standings, standing.entry);
            settle_higher = standing.entry;
            settle_lower = others.size() == 1 ? others.front() : std::string();
            mode = Mode::Settle, reason.clear();
            keyboard.layout = ui.lang;
        }
    }
    return y;
}

bool ResultsScreen::DrawStanding(Context& ui, const content::FairContent& fair,
                                 const ranking::Standing& standing, bool settle, const Rect& row) {
    const float pad = ui.Px(24), badge_w = ui.Px(120);
    const bool podium = standing.place && *standing.place <= 3;
    ui.draw->AddRectFilled({row.x, row.y + ui.Px(3)}, {row.Right(), row.Bottom() + ui.Px(4)}, color::kShadow,
                           ui.theme.Radius());
    ui.draw->AddRectFilled(row.Min(), row.Max(), standing.tie ? color::kAmberLight : color::kSurface,
                           ui.theme.Radius());
    const std::string place = standing.place ? Place(ui, *standing.place) : "—";
    DrawText(ui.draw, ui.theme, TextStyle::Title,
             {row.x + pad, row.y + (row.h - LineHeight(ui.theme, TextStyle::Title)) * 0.5f}, place,
             podium ? color::kGreen : color::kTextMuted, {badge_w - pad, 1});

    // The right column: the score, and the tie marks under it.
    const std::string tie = ui.T("সমতা", "tie"), stat = ui.T("পরিসংখ্যানগত সমতা", "statistical tie");
    const float right_w = std::max(ui.Px(200), ChipWidth(ui, stat));
    const float right_x = row.Right() - pad - right_w;
    const std::string score = standing.score ? Fixed(ui, *standing.score, 1) : "—";
    DrawText(ui.draw, ui.theme, TextStyle::Title, {right_x, row.y + pad}, score, color::kText,
             {right_w, 1, Align::Right});
    float chip_y = row.y + pad + LineHeight(ui.theme, TextStyle::Title);
    if (standing.tie) {
        Chip(ui, {row.Right() - pad - ChipWidth(ui, tie), chip_y}, tie, color::kAmber, color::Rgb(0xffe2a8));
        chip_y += ChipHeight(ui) + ui.Px(6);
    }
    if (standing.statistical_tie)
        Chip(ui, {row.Right() - pad - ChipWidth(ui, stat), chip_y}, stat, color::kBlue, color::kBlueLight);

    bool pressed = false;
    float text_right = right_x - pad;
    const float tx = row.x + pad + badge_w;
    if (settle) {
        const float settle_w = ui.Px(250), settle_h = ui.Px(72);
        const bool beside = row.w >= ui.Px(kSettleBesideWidth);
        if (beside) text_right -= settle_w + pad;
        ui.Name("results/settle/" + standing.entry);
        pressed = Button(
            ui,
            beside ? Rect{right_x - pad - settle_w, row.y + (row.h - settle_h) * 0.5f, settle_w, settle_h}
                   : Rect{tx, row.Bottom() - pad - settle_h, settle_w, settle_h},
            ui.T("এটি ওপরে রাখুন", "Put this higher"));
    }
    const float tw = std::max(ui.Px(100), text_right - tx);
    float ty = row.y + pad;
    ty += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {tx, ty}, EntryTitle(ui, fair, standing.entry),
                   color::kText, {tw, 1})
              .y;
    ty += DrawText(ui.draw, ui.theme, TextStyle::Caption, {tx, ty}, EntryOffice(ui, fair, standing.entry),
                   color::kTextMuted, {tw, 1})
              .y;
    std::string about;
    if (!standing.score && standing.judges == 0) {
        about = ui.T("এখনো নম্বর নেই", "not scored yet");
    } else {
        about = ui.Bengali()           ? "বিচারক " + ui.Number(standing.judges) + " জন"
                : standing.judges == 1 ? std::string("1 judge")
                                       : ui.Number(standing.judges) + " judges";
        if (standing.p_top3)
            about += std::string(ui.T(" · সেরা ৩-এ: ", " · top 3 in ")) + Percent(ui, *standing.p_top3) +
                     ui.T("", " of resamples");
        if (const std::string decided = DecisionWords(ui, standing.decided_by); !decided.empty())
            about += " · " + decided;
    }
    DrawText(ui.draw, ui.theme, TextStyle::Caption, {tx, ty}, about, color::kText, {tw, 1});
    return pressed;
}

// The cards the result still waits for: judge and entry.
float ResultsScreen::DrawMissing(Context& ui, const content::FairContent& fair,
                                 const scoring::CategoryStandings& standings, float x, float y, float width) {
    if (standings.missing.empty()) return y;
    y += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {x, y},
                  ui.Bengali() ? "যে কার্ডগুলো এখনো আসেনি (" +
                                     ui.Number(static_cast<double>(standings.missing.size())) + "টি):"
                               : "Scorecards still to come (" +
                                     ui.Number(static_cast<double>(standings.missing.size())) + "):",
                  color::kAmber, {width, 1})
             .y;
    for (const scoring::MissingCard& card : standings.missing) {
        const std::string state =
            card.status == scoring::CardStatus::Scoring ? ui.T(" (নম্বর দেওয়া চলছে)", " (being scored)") : "";
        y += DrawText(ui.draw, ui.theme, TextStyle::Caption, {x + ui.Px(24), y},
                      card.judge_name + "  —  " + EntryTitle(ui, fair, card.entry) + state, color::kText,
                      {width - ui.Px(24), 1})
                 .y;
    }
    return y + ui.Px(16);
}

// The pairs a head-to-head re-judge could separate, and whom to ask: the judges see the question
// on their own screen when they log in.
float ResultsScreen::DrawRejudge(Context& ui, Staff& staff, const scoring::FairResults& results, float x,
                                 float y, float width) {
    y += ui.Px(16);
    y = SectionHeading(ui, x, y, width, ui.T("মুখোমুখি পুনর্বিচারের তালিকা", "Head-to-head re-judge queue"));
    if (results.rejudge.empty()) {
        return y + DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                            ui.T("কোনো পরিসংখ্যানগত সমতা নেই: পুনর্বিচার লাগবে না।",
                                 "No statistical ties: nothing to re-judge."),
                            color::kTextMuted, {width, 0})
                       .y;
    }
    y +=
        DrawText(
            ui.draw, ui.theme, TextStyle::Caption, {x, y},
            ui.T("এই জোড়াগুলো নম্বরে প্রায় সমান। তালিকার বিচারকেরা লগ ইন করলে নিজের পাতায় প্রশ্নটি দেখবেন: কোনটি "
                 "ভালো?",
                 "These pairs are too close to call. The judges listed see the question \"Which is better?\" "
                 "on their own screen when they log in."),
            color::kTextMuted, {width, 0})
            .y +
        ui.Px(8);
    const content::FairContent& fair = staff.Fair();
    const std::vector<scoring::Judge> judges = staff.Judges();
    for (const scoring::RejudgePair& pair : results.rejudge) {
        y += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {x, y},
                      EntryTitle(ui, fair, pair.upper) + ui.T("  বনাম  ", "  vs  ") +
                          EntryTitle(ui, fair, pair.lower),
                      color::kText, {width, 2})
                 .y;
        const content::Category* in = fair.FindCategory(pair.category);
        std::string about = (in ? ui.L(in->name) + " · " : std::string()) + ui.T("অদলবদল: ", "swap in ") +
                            Percent(ui, pair.swap_rate) + ui.T("", " of resamples");
        about += std::string(ui.T(" · জিজ্ঞেস করা বাকি: ", " · still to ask: ")) +
                 (pair.judges_to_ask.empty() ? ui.T("কেউ নেই", "nobody") : Names(judges, pair.judges_to_ask));
        if (!pair.answered.empty())
            about += std::string(ui.T(" · উত্তর দিয়েছেন: ", " · answered: ")) + Names(judges, pair.answered);
        y += DrawText(ui.draw, ui.theme, TextStyle::Caption, {x + ui.Px(24), y}, about, color::kTextMuted,
                      {width - ui.Px(24), 0})
                 .y +
             ui.Px(10);
    }
    return y;
}

// Each judge's severity, spread and agreement; a flagged judge's row is tinted with why.
float ResultsScreen::DrawDiagnostics(Context& ui, Staff& staff, const scoring::FairResults& results, float x,
                                     float y, float width, const ScrollFrame& frame) {
    y = SectionHeading(ui, x, y, width, ui.T("বিচারকদের বিশ্লেষণ", "The judges' diagnostics"));
    y += DrawText(
             ui.draw, ui.theme, TextStyle::Caption, {x, y},
             ui.T("কঠোরতা: একই এন্ট্রিতে অন্যদের গড়ের চেয়ে কত বেশি (+) বা কম (–)। বিস্তার: নম্বর কতটা ছড়ানো। "
                  "মিল: অন্যদের ক্রমের সাথে মিল (১ = একই ক্রম)। চিহ্ন মানে দেখার কারণ, রায় নয়।",
                  "Severity: points above (+) or below (–) the others on the same entries. Spread: how much "
                  "the totals vary. Agreement: with the others' order (1 = the same order). A flag is a "
                  "reason to look, not a verdict."),
             color::kTextMuted, {width, 0})
             .y +
         ui.Px(8);
    const std::vector<scoring::Judge> judges = staff.Judges();
    const float pad = ui.Px(20), row_h = pad * 2 + LineHeight(ui.theme, TextStyle::BodyBold) +
                                         LineHeight(ui.theme, TextStyle::Caption) + ChipHeight(ui) + ui.Px(8);
    for (const ranking::JudgeDiagnostics& d : results.diagnostics) {
        const bool flagged = d.flat || d.disagrees;
        const float h = flagged ? row_h : row_h - ChipHeight(ui) - ui.Px(8);
        const Rect row{x, y, width, h};
        y += h + ui.Px(10);
        if (row.Bottom() < frame.view.y || row.y > frame.view.Bottom()) continue;
        ui.draw->AddRectFilled(row.Min(), row.Max(), flagged ? color::kAmberLight : color::kSurface,
                               ui.theme.Radius());
        if (flagged)
            ui.draw->AddRectFilled(row.Min(), {row.x + ui.Px(8), row.Bottom()}, color::kAmber,
                                   ui.theme.Radius(), ImDrawFlags_RoundCornersLeft);
        float ty = row.y + pad;
        ty += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {row.x + pad, ty}, JudgeName(judges, d.judge),
                       color::kText, {width - 2 * pad, 1})
                  .y;
        const std::string none = "—";
        std::string figures = ui.Bengali() ? ui.Number(d.cards) + "টি কার্ড" : ui.Number(d.cards) + " cards";
        figures += std::string(ui.T(" · গড় ", " · mean ")) + Fixed(ui, d.mean_total, 1);
        figures += std::string(ui.T(" · কঠোরতা ", " · severity ")) +
                   (d.severity ? Signed(ui, *d.severity, 1) : none);
        figures +=
            std::string(ui.T(" · বিস্তার ", " · spread ")) + (d.spread ? Fixed(ui, *d.spread, 1) : none);
        figures += std::string(ui.T(" · মিল ", " · agreement ")) +
                   (d.agreement ? Signed(ui, *d.agreement, 2) : none);
        ty += DrawText(ui.draw, ui.theme, TextStyle::Caption, {row.x + pad, ty}, figures, color::kText,
                       {width - 2 * pad, 1})
                  .y +
              ui.Px(8);
        float cx = row.x + pad;
        if (d.flat)
            cx += Chip(ui, {cx, ty}, ui.T("প্রায় সবাইকে একই নম্বর দেন", "gives everyone nearly the same marks"),
                       color::kAmber, color::Rgb(0xffe2a8)) +
                  ui.Px(12);
        if (d.disagrees)
            Chip(ui, {cx, ty}, ui.T("অন্য বিচারকদের সাথে মেলে না", "disagrees with the others"), color::kRed,
                 color::Rgb(0xfde8ea));
    }
    return y;
}

// Settling a declared tie: which entry goes higher (chosen on its row), which below it (asked here
// in a tie of three or more), and the reason, required and kept with the result.
float ResultsScreen::DrawSettle(Context& ui, Staff& staff, const ScrollFrame& frame) {
    ui.typing = true;
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    const content::FairContent& fair = staff.Fair();
    float y = frame.view.y + margin * 0.5f;
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y},
                  ui.T("ঘোষিত সমতার নিষ্পত্তি", "Settle a declared tie"), color::kText, {width, 1})
             .y;
    y += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {x, y},
                  std::string(ui.T("ওপরে: ", "Higher: ")) + EntryTitle(ui, fair, settle_higher),
                  color::kGreen, {width, 1})
             .y;
    std::vector<std::string> others;
    if (const scoring::FairResults* results = staff.Results())
        if (const scoring::CategoryStandings* shown = Shown(*results, category))
            others = TiedWith(*shown, settle_higher);
    if (others.size() > 1) { // a tie of three or more: which one goes below it
        const float button_h = ui.Px(64);
        for (const std::string& other : others) {
            ui.Name("results/settle/below/" + other);
            if (Button(ui, {x, y + ui.Px(6), width, button_h},
                       std::string(ui.T("নিচে: ", "Below: ")) + EntryTitle(ui, fair, other),
                       other == settle_lower ? ButtonKind::Primary : ButtonKind::Secondary))
                settle_lower = other, note = {};
            y += button_h + ui.Px(8);
        }
    } else {
        y += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {x, y},
                      std::string(ui.T("নিচে: ", "Below: ")) + EntryTitle(ui, fair, settle_lower),
                      color::kText, {width, 1})
                 .y;
    }
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y + ui.Px(8)},
                  ui.T("কারণটি ফলাফলের সাথে থেকে যাবে এবং স্থানের পাশে দেখানো হবে।",
                       "The reason is kept with the result and shown beside the place."),
                  color::kText, {width, 0})
             .y +
         ui.Px(20);
    const float field_h = ui.Px(130);
    TextField(ui, {x, y, width, field_h}, reason, ui.T("কারণ লিখুন (আবশ্যক)", "Type the reason (required)"),
              true);
    y = DrawSaid(ui, x, y + field_h + gap, width);
    switch (keyboard.DrawAtFoot(ui, x, width, y, frame.view.Bottom() - margin * 0.5f, reason)) {
    case KeyboardAction::Done:
        Clear();
        if (settle_lower.empty()) {
            note = {"কোন এন্ট্রি নিচে যাবে, বেছে নিন।", "Choose the entry that goes below it."};
            break;
        }
        try {
            staff.Settle(settle_higher, settle_lower, reason);
            done = {"সমতার নিষ্পত্তি হয়েছে: " + EntryTitle(ui, fair, settle_higher) + " ওপরে।",
                    "Tie settled: " + EntryTitle(ui, fair, settle_higher) + " goes higher."};
            mode = Mode::Standings;
        } catch (const std::exception& e) {
            problem = Problem::Of(e);
        }
        break;
    case KeyboardAction::Cancel:
        Clear();
        mode = Mode::Standings;
        break;
    default:
        break;
    }
    return frame.view.h;
}

// Reopening final results: the reason is required and kept in the audit trail.
float ResultsScreen::DrawReopen(Context& ui, Staff& staff, const ScrollFrame& frame) {
    ui.typing = true;
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = frame.view.y + margin * 0.5f;
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y}, ui.T("ফলাফল আবার খুলুন", "Reopen the results"),
                  color::kText, {width, 1})
             .y;
    y +=
        DrawText(
            ui.draw, ui.theme, TextStyle::Body, {x, y},
            ui.T(
                "খোলার পর ফলাফল আবার অস্থায়ী: কার্ড খোলা, সমতার নিষ্পত্তি ও পুনর্বিচার চলবে, তারপর আবার চূড়ান্ত করুন। "
                "কারণটি অডিট ট্রেইলে থেকে যাবে।",
                "Once reopened, the results are no longer final: cards can be reopened, ties settled and "
                "pairs re-judged; then finalise again. The reason stays in the audit trail."),
            color::kText, {width, 0})
            .y +
        ui.Px(12);
    const float field_h = ui.Px(130);
    TextField(ui, {x, y, width, field_h}, reason, ui.T("কারণ লিখুন (আবশ্যক)", "Type the reason (required)"),
              true);
    y = DrawSaid(ui, x, y + field_h + gap, width);
    switch (keyboard.DrawAtFoot(ui, x, width, y, frame.view.Bottom() - margin * 0.5f, reason)) {
    case KeyboardAction::Done:
        Clear();
        try {
            staff.ReopenResults(reason);
            done = {"ফলাফল আবার খোলা হয়েছে।", "The results are open again."};
            mode = Mode::Standings;
        } catch (const std::exception& e) {
            problem = Problem::Of(e);
        }
        break;
    case KeyboardAction::Cancel:
        Clear();
        mode = Mode::Standings;
        break;
    default:
        break;
    }
    return frame.view.h;
}

} // namespace kiosk
