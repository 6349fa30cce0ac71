#include "kiosk/screens/judge_screen.h"

#include "kiosk/ui/problem_words.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>

namespace kiosk {

using namespace ui;
using scoring::CardStatus;

StatusLook LookOf(const Context& ui, const scoring::Assignment& a) {
    switch (a.status) {
    case CardStatus::ToScore:
        return {ui.T("নম্বর দেওয়া হয়নি", "Not scored yet"), color::kAmber, color::kAmberLight};
    case CardStatus::Scoring:
        return {ui.Bengali() ? Fraction(ui, a.scored, a.criteria) + " মানদণ্ডে নম্বর, জমা বাকি"
                             : Fraction(ui, a.scored, a.criteria) + " criteria scored, not submitted",
                color::kBlue, color::kBlueLight};
    case CardStatus::Submitted:
        return {ui.T("জমা দেওয়া হয়েছে", "Submitted"), color::kGreenDark, color::kGreenLight};
    case CardStatus::RecusedOwnOffice:
        return {ui.T("নিজ দপ্তর: নম্বর দেবেন না", "Own office: not yours to score"), color::kTextMuted,
                color::Rgb(0xe9ecea)};
    case CardStatus::ConflictDeclared:
        return {ui.T("স্বার্থের সংঘাত ঘোষিত", "Conflict of interest declared"), color::kTextMuted,
                color::Rgb(0xe9ecea)};
    }
    return {"?", color::kText, color::kSurface};
}

namespace {

// The greeting, then the judge's progress: "৭/১২ জমা দেওয়া হয়েছে" and a bar. Returns the y below.
float DrawProgress(Context& ui, const scoring::JudgeSession& session, int submitted, int to_score, float x,
                   float y, float width, float margin) {
    const std::string greeting =
        ui.Bengali() ? session.Who().name + ", আপনার এন্ট্রিগুলো" : "Your entries, " + session.Who().name;
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y}, greeting, color::kText, {width, 2}).y +
         ui.Px(8);

    const std::string progress = ui.Bengali() ? Fraction(ui, submitted, to_score) + " জমা দেওয়া হয়েছে"
                                              : Fraction(ui, submitted, to_score) + " submitted";
    const float bar_h = ui.Px(18), label_w = MeasureText(ui.theme, TextStyle::Heading, progress).x;
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {x, y}, progress,
             submitted == to_score && to_score > 0 ? color::kGreen : color::kText);
    const float bar_x = x + label_w + ui.Px(28), bar_w = std::max(ui.Px(120), width - label_w - ui.Px(28));
    const float bar_y = y + (LineHeight(ui.theme, TextStyle::Heading) - bar_h) * 0.5f;
    ui.draw->AddRectFilled({bar_x, bar_y}, {bar_x + bar_w, bar_y + bar_h}, color::kGreenLight, bar_h * 0.5f);
    if (to_score > 0 && submitted > 0)
        ui.draw->AddRectFilled(
            {bar_x, bar_y},
            {bar_x + bar_w * static_cast<float>(submitted) / static_cast<float>(to_score), bar_y + bar_h},
            color::kGreen, bar_h * 0.5f);
    return y + LineHeight(ui.theme, TextStyle::Heading) + margin * 0.5f;
}

// An entry's row: its picture, title, office and category, and where its card stands; a tap
// opens its scorecard. Entries set aside (own office, conflict declared) are greyed.
void DrawEntryRow(Context& ui, const content::FairContent& fair, const scoring::Assignment& a,
                  const content::Innovation& entry, const Rect& row, Navigation& nav) {
    const float pad = ui.Px(20), thumb_w = ui.Px(200);
    const bool set_aside =
        a.status == CardStatus::RecusedOwnOffice || a.status == CardStatus::ConflictDeclared;
    ui.Name("entry/" + a.entry);
    if (Card(ui, row, set_aside ? color::Rgb(0xf1f3f2) : color::kSurface))
        nav.go = Route{ScreenId::Scorecard, a.entry};
    Picture(ui, {row.x, row.y, thumb_w, row.h}, CoverPath(entry.photos), ui.theme.Radius(),
            ImDrawFlags_RoundCornersLeft);
    if (set_aside)
        ui.draw->AddRectFilled(row.Min(), {row.x + thumb_w, row.Bottom()}, color::Rgb(0xf4f6f2, 170),
                               ui.theme.Radius(), ImDrawFlags_RoundCornersLeft);
    const float tx = row.x + thumb_w + pad, tw = row.Right() - tx - pad;
    float ty = row.y + pad;
    ty += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {tx, ty}, ui.L(entry.title),
                   set_aside ? color::kTextMuted : color::kText, {tw, 2})
              .y;
    const content::Office* office = fair.FindOffice(entry.office_id);
    const content::Category* category = fair.FindCategory(entry.category_id);
    std::string where = office ? ui.L(office->ShortName()) : entry.office_id;
    if (category) where += "  ·  " + ui.L(category->name);
    DrawText(ui.draw, ui.theme, TextStyle::Caption, {tx, ty}, where, color::kTextMuted, {tw, 1});
    const StatusLook look = LookOf(ui, a);
    const float chip_y = row.Bottom() - pad - ChipHeight(ui);
    const float chip_w = Chip(ui, {tx, chip_y}, look.text, look.ink, look.fill);
    if (a.status == CardStatus::Submitted)
        CheckIcon(ui.draw, {tx + chip_w + ui.Px(24), chip_y + ChipHeight(ui) * 0.5f}, ui.Px(30),
                  color::kGreen, ui.Px(5));
}

} // namespace

float JudgeScreen::Draw(Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav) {
    scoring::JudgeSession* session = staff.Judge();
    if (!session) return 0;
    const content::FairContent& fair = staff.Fair();
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;

    const std::vector<scoring::Assignment> assignments = session->Assignments();
    const auto [submitted, to_score] = scoring::CountProgress(assignments);
    float y = DrawProgress(ui, *session, submitted, to_score, x, frame.top + margin * 0.6f, width, margin);
    y = DrawQuestions(ui, staff, x, y, width);

    if (assignments.empty()) {
        y += Banner(
            ui, x, y, width,
            ui.T("আপনার বিভাগে এই মেলায় কোনো এন্ট্রি নেই। আয়োজকের সাথে কথা বলুন।",
                 "There are no entries in your categories at this fair. Please speak to the organiser."),
            color::kAmber, color::kAmberLight);
        return y + margin - frame.top;
    }

    // One row per entry, in one or two columns; only the rows in view are drawn.
    const int columns = GridColumns(ui, width, 760, 2);
    const float row_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float row_h =
        std::max(ui.Px(150), ui.Px(20) * 2 + LineHeight(ui.theme, TextStyle::BodyBold) * 2 +
                                 LineHeight(ui.theme, TextStyle::Caption) + ChipHeight(ui) + ui.Px(12));
    for (size_t i = 0; i < assignments.size(); ++i) {
        const content::Innovation* entry = fair.FindInnovation(assignments[i].entry);
        if (!entry) continue;
        const Rect row{x + static_cast<float>(i % columns) * (row_w + gap),
                       y + static_cast<float>(i / columns) * (row_h + gap), row_w, row_h};
        if (row.Bottom() < frame.view.y || row.y > frame.view.Bottom()) continue;
        DrawEntryRow(ui, fair, assignments[i], *entry, row, nav);
    }
    const size_t rows = (assignments.size() + columns - 1) / columns;
    y += static_cast<float>(rows) * (row_h + gap);
    y += DrawText(
             ui.draw, ui.theme, TextStyle::Caption, {x, y},
             ui.T("কোনো এন্ট্রি ছুঁয়ে তার স্কোরকার্ড খুলুন। প্রতিটি নম্বর সঙ্গে সঙ্গে সংরক্ষিত হয়। কাজ শেষে লগ আউট করুন।",
                  "Touch an entry to open its scorecard. Every mark is saved the moment you give it. Log out "
                  "when you are done."),
             color::kTextMuted, {width, 0})
             .y;
    return y + margin - frame.top;
}

// "Which is better?": one card per pair the results ask this judge about, each entry a big button.
// The answer is saved at once (a `prefer` event) and the question goes.
float JudgeScreen::DrawQuestions(Context& ui, Staff& staff, float x, float y, float width) {
    staff.WantResults(); // the questions come from the results, computed between frames
    if (staff.ResultsPending()) ui.animating = true;
    const float gap = ui.theme.Gap(), pad = ui.Px(28);
    if (problem)
        y += Banner(ui, x, y, width, Words(*problem, ui.lang), color::kRed, color::Rgb(0xfde8ea)) + gap;
    const std::vector<scoring::RejudgePair> questions = staff.HeadToHeadQuestions();
    if (answered)
        y += Banner(ui, x, y, width,
                    ui.T("ধন্যবাদ: আপনার উত্তর সংরক্ষিত হয়েছে।", "Thank you: your answer is saved."),
                    color::kGreen, color::kGreenLight) +
             gap;
    const content::FairContent& fair = staff.Fair();
    const bool side_by_side = width >= ui.Px(1100);
    const float choice_h = ui.Px(150);
    for (const scoring::RejudgePair& pair : questions) {
        const float choices_h = side_by_side ? choice_h : 2 * choice_h + ui.Px(16);
        const content::Category* category = fair.FindCategory(pair.category);
        const std::string ask =
            (category ? ui.L(category->name) + ": " : std::string()) +
            ui.T("আয়োজক এই দুটি এন্ট্রিকে আলাদা করতে আপনার মত চান: দুটিই আপনি নম্বর দিয়েছেন। যেটি ভালো "
                 "মনে করেন, সেটি ছুঁয়ে দিন।",
                 "The organiser asks your view to tell these two entries apart: you scored both. "
                 "Touch the one you think is better.");
        const float head_h = LineHeight(ui.theme, TextStyle::Title) +
                             MeasureText(ui.theme, TextStyle::Body, ask, {width - 2 * pad, 0}).y + ui.Px(20);
        const Rect box{x, y, width, pad * 2 + head_h + choices_h};
        ui.draw->AddRectFilled(box.Min(), box.Max(), color::kBlueLight, ui.theme.Radius());
        ui.draw->AddRectFilled(box.Min(), {box.x + ui.Px(8), box.Bottom()}, color::kBlue, ui.theme.Radius(),
                               ImDrawFlags_RoundCornersLeft);
        float ty = box.y + pad;
        ty += DrawText(ui.draw, ui.theme, TextStyle::Title, {x + pad, ty},
                       ui.T("কোনটি ভালো?", "Which is better?"), color::kText, {width - 2 * pad, 1})
                  .y;
        DrawText(ui.draw, ui.theme, TextStyle::Body, {x + pad, ty}, ask, color::kText, {width - 2 * pad, 0});
        const float cy = box.y + pad + head_h, inner = width - 2 * pad;
        const float cw = side_by_side ? (inner - ui.Px(16)) / 2 : inner;
        const std::string* entries[] = {&pair.upper, &pair.lower};
        for (int i = 0; i < 2; ++i) {
            const Rect choice =
                side_by_side
                    ? Rect{x + pad + static_cast<float>(i) * (cw + ui.Px(16)), cy, cw, choice_h}
                    : Rect{x + pad, cy + static_cast<float>(i) * (choice_h + ui.Px(16)), cw, choice_h};
            const std::string& entry = *entries[i];
            const std::string& other = *entries[1 - i];
            ui.Name("h2h/better/" + entry);
            if (Card(ui, choice)) {
                problem.reset();
                try {
                    staff.AnswerHeadToHead(entry, other);
                    answered = true;
                } catch (const std::exception& e) {
                    problem = Problem::Of(e);
                }
            }
            const content::Innovation* found = fair.FindInnovation(entry);
            const content::Office* office = found ? fair.FindOffice(found->office_id) : nullptr;
            float ey = choice.y + ui.Px(20);
            ey += DrawText(ui.draw, ui.theme, TextStyle::Heading, {choice.x + ui.Px(24), ey},
                           found ? ui.L(found->title) : entry, color::kText, {choice.w - ui.Px(48), 2})
                      .y;
            DrawText(ui.draw, ui.theme, TextStyle::Caption, {choice.x + ui.Px(24), ey},
                     office ? ui.L(office->ShortName()) : std::string(), color::kTextMuted,
                     {choice.w - ui.Px(48), 1});
        }
        y = box.Bottom() + gap;
    }
    return y;
}

} // namespace kiosk
