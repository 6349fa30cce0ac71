#include "kiosk/screens/review_screen.h"

#include "kiosk/screens/scorecard_screen.h"
#include "kiosk/ui/problem_words.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

using namespace ui;
using scoring::CardStatus;

namespace {

// The next entry the judge still has to score, after `entry` in browsing order (wrapping round).
std::string NextToScore(scoring::JudgeSession& session, const std::string& entry) {
    const std::vector<scoring::Assignment> assignments = session.Assignments();
    const auto here = std::find_if(assignments.begin(), assignments.end(),
                                   [&](const scoring::Assignment& a) { return a.entry == entry; });
    const size_t start = here == assignments.end() ? 0 : static_cast<size_t>(here - assignments.begin()) + 1;
    for (size_t i = 0; i < assignments.size(); ++i) {
        const scoring::Assignment& a = assignments[(start + i) % assignments.size()];
        if (a.entry != entry && (a.status == CardStatus::ToScore || a.status == CardStatus::Scoring))
            return a.entry;
    }
    return {};
}

bool IsOpen(const scoring::Scorecard& card) {
    return card.status == CardStatus::ToScore || card.status == CardStatus::Scoring;
}

// Where the action buttons go: a row of equal buttons under the banners, `column` counting from 0.
Rect ButtonAt(const Context& ui, float x, float y, float width, int column) {
    const float button_h = ui.Px(88), button_w = std::min(width, ui.Px(560));
    return {x + static_cast<float>(column) * (button_w + ui.theme.Gap()), y, button_w, button_h};
}

// The marks, one row each; touching a row of a card not yet submitted goes back to the scorecard to
// change it. Returns the y below the rows.
float DrawMarkRows(Context& ui, const scoring::Scorecard& card, const std::string& entry, float x, float y,
                   float width, Navigation& nav) {
    const float row_h = ui.Px(68), pad = ui.Px(24);
    for (size_t i = 0; i < card.marks.size(); ++i) {
        const scoring::Mark& mark = card.marks[i];
        const Rect row{x, y, width, row_h};
        if (i % 2 == 0) ui.draw->AddRectFilled(row.Min(), row.Max(), color::kSurface, ui.Px(8));
        if (card.status != CardStatus::Submitted) ui.AddTarget("review/row/" + mark.criterion->id, row);
        if (card.status != CardStatus::Submitted && ui.Tapped(row))
            nav.go = Route{ScreenId::Scorecard, entry};
        const float line = LineHeight(ui.theme, TextStyle::Body);
        DrawText(ui.draw, ui.theme, TextStyle::Body, {x + pad, y + (row_h - line) * 0.5f},
                 ui.Number(static_cast<double>(i + 1)) + ". " + ui.L(mark.criterion->name), color::kText,
                 {width * 0.6f, 1});
        const int max = mark.criterion->max_marks;
        const bool over = mark.marks && *mark.marks > max; // given before the max was lowered: counts as max
        const std::string value =
            mark.marks
                ? ui.Number(*mark.marks) + " / " + ui.Number(max) +
                      (over ? std::string(ui.T(" · গণ্য ", " · counts ")) + ui.Number(max) : std::string())
                : ui.T("নম্বর দেওয়া হয়নি", "Not scored");
        const float value_w = MeasureText(ui.theme, TextStyle::BodyBold, value).x;
        DrawText(ui.draw, ui.theme, TextStyle::BodyBold,
                 {row.Right() - pad - value_w, y + (row_h - line) * 0.5f}, value,
                 over         ? color::kRed
                 : mark.marks ? color::kText
                              : color::kAmber);
        y += row_h;
    }
    return y;
}

// A rule, then the weighted total at the right ("Total:  72.5 / 100"). Returns the y below it.
float DrawTotal(Context& ui, const scoring::Scorecard& card, float x, float y, float width) {
    const float pad = ui.Px(24);
    const auto [total, out_of] = card.Weighted(); // the one definition, scoring::Weigh
    ui.draw->AddRectFilled({x, y + ui.Px(4)}, {x + width, y + ui.Px(7)}, color::kText);
    y += ui.Px(16);
    const std::string total_text = std::string(ui.T("মোট", "Total")) + ":  " +
                                   ui.Number(total, std::floor(total) == total ? 0 : 1) + " / " +
                                   ui.Number(out_of, std::floor(out_of) == out_of ? 0 : 1);
    const float total_w = MeasureText(ui.theme, TextStyle::Heading, total_text).x;
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {x + width - pad - total_w, y}, total_text, color::kText);
    return y + LineHeight(ui.theme, TextStyle::Heading) + ui.theme.Gap();
}

// A submitted card: says the marks are locked, then offers the next entry to score (when there is
// one) and the judge's list. Returns the y below the buttons.
float DrawSubmittedActions(Context& ui, scoring::JudgeSession& session, const std::string& entry, float x,
                           float y, float width, Navigation& nav) {
    y += Banner(ui, x, y, width,
                ui.T("জমা দেওয়া হয়েছে। নম্বর এখন লক করা; বদলাতে হলে আয়োজক কার্ডটি আবার খুলে দেবেন।",
                     "Submitted. The marks are locked; to change them, the organiser must reopen the card."),
                color::kGreen, color::kGreenLight) +
         ui.theme.Gap();
    const std::string next = NextToScore(session, entry);
    if (!next.empty()) ui.Name("review/next");
    if (!next.empty() &&
        Button(ui, ButtonAt(ui, x, y, width, 0), ui.T("পরের এন্ট্রি", "Next entry"), ButtonKind::Primary))
        nav.go = Route{ScreenId::Scorecard, next};
    ui.Name("review/my-entries");
    const Rect my_entries = ButtonAt(ui, x, y, width, next.empty() ? 0 : 1);
    if (Button(ui, my_entries, ui.T("আমার এন্ট্রিগুলো", "My entries"),
               next.empty() ? ButtonKind::Primary : ButtonKind::Secondary))
        nav.go = Route{ScreenId::Judge, {}};
    return my_entries.Bottom();
}

// An open card with criteria not yet scored: how many, and the way back to score them. Returns the
// y below the button.
float DrawMissingActions(Context& ui, int missing, const std::string& entry, float x, float y, float width,
                         Navigation& nav) {
    y += Banner(ui, x, y, width,
                ui.Bengali() ? ui.Number(missing) +
                                   "টি মানদণ্ডে এখনো নম্বর দেওয়া হয়নি। সবগুলোতে নম্বর দিলে জমা দেওয়া যাবে।"
                             : ui.Number(missing) + (missing == 1 ? " criterion is" : " criteria are") +
                                   " not scored yet. Score them all to submit.",
                color::kAmber, color::kAmberLight) +
         ui.theme.Gap();
    ui.Name("review/back-to-scorecard");
    const Rect back = ButtonAt(ui, x, y, width, 0);
    if (Button(ui, back, ui.T("স্কোরকার্ডে ফিরে যান", "Back to the scorecard"), ButtonKind::Primary))
        nav.go = Route{ScreenId::Scorecard, entry};
    return back.Bottom();
}

} // namespace

float ReviewScreen::Draw(Context& ui, Staff& staff, const Route& route, const ScrollFrame& frame,
                         Navigation& nav) {
    scoring::JudgeSession* session = staff.Judge();
    if (!session) return 0;
    if (route.id != entry) *this = ReviewScreen{}, entry = route.id;
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    scoring::Scorecard card;
    try {
        card = session->Card(entry);
    } catch (const scoring::Refused& refused) {
        return Banner(ui, x, frame.top + margin, width, Words(refused, ui.lang), color::kRed,
                      color::Rgb(0xfde8ea)) +
               2 * margin;
    }
    const content::FairContent& fair = staff.Fair();
    float y = frame.top + margin * 0.6f;
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, ui.T("পর্যালোচনা", "Review"), color::kTextMuted,
                  {width, 1})
             .y;
    y += EntryHeader(ui, fair, *fair.FindInnovation(entry), x, y, width) + gap;
    y = DrawMarkRows(ui, card, entry, x, y, width, nav);
    y = DrawTotal(ui, card, x, y, width);
    if (!card.comment.empty()) {
        y = SectionHeading(ui, x, y, width, ui.T("মন্তব্য", "Comment"));
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, card.comment, color::kText, {width, 0}).y +
             gap;
    }
    return DrawActions(ui, staff, *session, card, x, y, width, nav) + margin - frame.top;
}

float ReviewScreen::DrawActions(Context& ui, Staff& staff, scoring::JudgeSession& session,
                                const scoring::Scorecard& card, float x, float y, float width,
                                Navigation& nav) {
    if (card.status == CardStatus::Submitted)
        return DrawSubmittedActions(ui, session, entry, x, y, width, nav);
    if (!IsOpen(card)) { // set aside: nothing to submit, only the way back
        ui.Name("review/my-entries");
        const Rect back = ButtonAt(ui, x, y, width, 0);
        if (Button(ui, back, ui.T("আমার এন্ট্রিগুলো", "My entries"))) nav.go = Route{ScreenId::Judge, {}};
        return back.Bottom();
    }
    const int missing = static_cast<int>(card.marks.size()) - card.Scored();
    if (missing > 0) return DrawMissingActions(ui, missing, entry, x, y, width, nav);
    return DrawSubmit(ui, staff, session, x, y, width, nav);
}

float ReviewScreen::DrawSubmit(Context& ui, Staff& staff, scoring::JudgeSession& session, float x, float y,
                               float width, Navigation& nav) {
    const float gap = ui.theme.Gap();
    if (!error.Empty())
        y += Banner(ui, x, y, width,
                    std::string(ui.T("জমা হয়নি: ", "Not submitted: ")) + Words(error, ui.lang), color::kRed,
                    color::Rgb(0xfde8ea)) +
             gap;
    const Rect left = ButtonAt(ui, x, y, width, 0), right = ButtonAt(ui, x, y, width, 1);
    if (!confirming) {
        ui.Name("review/submit");
        if (Button(ui, left, ui.T("জমা দিন", "Submit"), ButtonKind::Primary)) confirming = true;
        ui.Name("review/change-marks");
        if (Button(ui, right, ui.T("নম্বর বদলান", "Change marks"))) nav.go = Route{ScreenId::Scorecard, entry};
        return left.Bottom();
    }
    y += Banner(ui, x, y, width,
                ui.T("জমা দিলে এই এন্ট্রির নম্বর আর বদলাতে পারবেন না। জমা দেবেন?",
                     "Once submitted, you cannot change the marks for this entry. Submit now?"),
                color::kBlue, color::kBlueLight) +
         gap;
    const Rect yes = ButtonAt(ui, x, y, width, 0), no = ButtonAt(ui, x, y, width, 1);
    ui.Name("review/yes-submit");
    if (Button(ui, yes, ui.T("হ্যাঁ, জমা দিন", "Yes, submit"), ButtonKind::Primary)) {
        try {
            staff.Journal("submit", session.Submit(entry));
            error = {};
        } catch (const std::exception& e) {
            error = Problem::Of(e);
            staff.JournalNotSaved("submit", entry, error);
        }
        confirming = false;
    }
    ui.Name("review/not-yet");
    if (Button(ui, no, ui.T("না, এখন নয়", "No, not yet"))) confirming = false;
    return yes.Bottom();
}

} // namespace kiosk
