#include "kiosk/screens/judge_screen.h"

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

} // namespace kiosk
