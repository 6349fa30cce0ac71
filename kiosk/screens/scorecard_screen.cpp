#include "kiosk/screens/scorecard_screen.h"

#include "content/locale.h"
#include "kiosk/ui/problem_words.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

using namespace ui;
using scoring::CardStatus;

namespace {

constexpr ImU32 kGreyFill = color::Rgb(0xe9ecea);

// Reasons a judge most often gives, one tap each; the keyboard edits or replaces them.
struct Reason {
    const char *bn, *en;
};
constexpr Reason kConflictReasons[] = {
    {"আমি এই উদ্ভাবনের কাজে যুক্ত ছিলাম", "I took part in this innovation"},
    {"উদ্ভাবকের সাথে আমার আত্মীয়তা বা ঘনিষ্ঠ সম্পর্ক আছে", "I am related or close to the innovator"},
    {"আমি সম্প্রতি এই দপ্তরে কাজ করেছি", "I worked in this office recently"},
};

// A mark: white with a border when not chosen, green when chosen, greyed when the card is locked.
bool MarkButton(Context& ui, const Rect& r, const std::string& label, bool chosen, bool enabled) {
    ui.AddTarget(r, enabled);
    const bool pressing = enabled && ui.Pressing(r);
    ImU32 fill = chosen ? color::kGreen : pressing ? color::kSurfacePressed : color::kSurface;
    ImU32 ink = chosen ? color::kTextOnDark : color::kText;
    if (!enabled)
        fill = chosen ? color::Rgb(0x6f9c8b) : color::kBackground,
        ink = chosen ? color::kTextOnDark : color::Rgb(0x8a968f);
    const float radius = ui.Px(12);
    ui.draw->AddRectFilled(r.Min(), r.Max(), fill, radius);
    if (!chosen)
        ui.draw->AddRect(r.Min(), r.Max(), pressing ? color::kGreen : color::kBorder, radius, 0,
                         ui.Px(pressing ? 3 : 2));
    const float line = LineHeight(ui.theme, TextStyle::Heading);
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {r.x, r.y + (r.h - line) * 0.5f}, label, ink,
             {r.w, 1, Align::Center});
    return enabled && ui.Tapped(r);
}

// "Not scored": an amber outline with a dashed look, so it never reads as a zero.
void NotScoredTag(Context& ui, ImVec2 top_right, const char* text) {
    const float w = MeasureText(ui.theme, TextStyle::BodyBold, text).x + ui.Px(40),
                h = LineHeight(ui.theme, TextStyle::BodyBold) + ui.Px(12);
    const Rect r{top_right.x - w, top_right.y, w, h};
    ui.draw->AddRectFilled(r.Min(), r.Max(), color::kAmberLight, h * 0.5f);
    for (float dx = r.x + h * 0.5f; dx < r.Right() - h * 0.5f; dx += ui.Px(14)) {
        ui.draw->AddLine({dx, r.y + ui.Px(1)}, {dx + ui.Px(7), r.y + ui.Px(1)}, color::kAmber, ui.Px(2));
        ui.draw->AddLine({dx, r.Bottom() - ui.Px(1)}, {dx + ui.Px(7), r.Bottom() - ui.Px(1)}, color::kAmber,
                         ui.Px(2));
    }
    DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {r.x, r.y + ui.Px(6)}, text, color::kAmber,
             {w, 1, Align::Center});
}

// Why a change was not saved, in the screen's language: a store failure's words already say "NOT
// saved" and to call the organiser; a refusal says why not.
std::string NotSaved(const Context& ui, const Problem& error) {
    if (error.refused) return std::string(ui.T("সংরক্ষণ হয়নি: ", "Not saved: ")) + Words(error, ui.lang);
    return Words(error, ui.lang);
}

// Why the last change was not saved, in full, on a red strip just above the action bar: fixed,
// so the judge sees it however the card is scrolled. Its height, 0 when there is nothing to say.
constexpr float kStripGap = 12;
float StripHeight(const Context& ui, const std::string& text, float width) {
    if (text.empty()) return 0;
    const float pad = ui.Px(20);
    return MeasureText(ui.theme, TextStyle::Body, text, {width - 2 * pad - ui.Px(8), 0}).y + 2 * pad +
           2 * ui.Px(kStripGap);
}
void DrawStrip(Context& ui, const std::string& text, const Rect& view, float bar_top, float x, float width) {
    const float h = StripHeight(ui, text, width);
    if (h == 0) return;
    ui.draw->AddRectFilled({view.x, bar_top - h}, {view.Right(), bar_top}, color::kBackground);
    Banner(ui, x, bar_top - h + ui.Px(kStripGap), width, text, color::kRed, color::Rgb(0xfde8ea));
}

} // namespace

float EntryHeader(Context& ui, const content::FairContent& fair, const content::Innovation& entry, float x,
                  float y, float width) {
    const float start = y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y}, ui.L(entry.title), color::kText, {width, 2}).y;
    const content::Office* office = fair.FindOffice(entry.office_id);
    const content::Category* category = fair.FindCategory(entry.category_id);
    std::string where = office ? ui.L(office->name) : entry.office_id;
    if (category) where += "  ·  " + ui.L(category->name);
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, where, color::kTextMuted, {width, 2}).y;
    return y - start;
}

template <class Change> void ScorecardScreen::Save(Staff& staff, const std::string& what, Change change) {
    try {
        const scoring::Scorecard card = change();
        staff.Journal(what, card); // on disk: now the screen may say so
        saved_time = LocalClock();
        error = {};
    } catch (const std::exception& e) {
        error = ui::Problem::Of(e);
        saved_time.clear(); // "saved" must never stand beside a change that was not
        staff.JournalNotSaved(what, entry, error);
    }
}

float ScorecardScreen::Draw(Context& ui, Staff& staff, const Route& route, const ScrollFrame& frame,
                            Navigation& nav) {
    scoring::JudgeSession* session = staff.Judge();
    if (!session) return 0;
    if (route.id != entry) *this = ScorecardScreen{}, entry = route.id;
    scoring::Scorecard card;
    try {
        card = session->Card(entry);
    } catch (const scoring::Refused& refused) {
        const float margin = PageMargin(ui);
        return Banner(ui, frame.view.x + margin, frame.top + margin, frame.view.w - 2 * margin,
                      Words(refused, ui.lang), color::kRed, color::Rgb(0xfde8ea)) +
               2 * margin;
    }
    if (mode != Mode::Marks && card.status != CardStatus::ToScore && card.status != CardStatus::Scoring)
        mode = Mode::Marks;
    return mode == Mode::Marks ? DrawMarks(ui, staff, card, frame, nav) : DrawEditor(ui, staff, card, frame);
}

namespace {

bool IsOpen(const scoring::Scorecard& card) {
    return card.status == CardStatus::ToScore || card.status == CardStatus::Scoring;
}
bool IsSetAside(const scoring::Scorecard& card) {
    return card.status == CardStatus::RecusedOwnOffice || card.status == CardStatus::ConflictDeclared;
}

// Why the card cannot be scored (recused, a conflict, submitted), if so; returns the height used.
float StateBanner(Context& ui, const scoring::Scorecard& card, float x, float y, float width) {
    const float gap = ui.theme.Gap();
    if (card.status == CardStatus::RecusedOwnOffice)
        return Banner(
                   ui, x, y, width,
                   ui.T("এটি আপনার নিজের দপ্তরের এন্ট্রি, তাই এতে আপনি নম্বর দেবেন না। অন্য বিচারকেরা এটি মূল্যায়ন "
                        "করবেন।",
                        "This is an entry of your own office, so it is not yours to score. Other judges "
                        "will score it."),
                   color::kTextMuted, kGreyFill) +
               gap;
    if (card.status == CardStatus::ConflictDeclared)
        return Banner(ui, x, y, width,
                      std::string(ui.T("আপনি স্বার্থের সংঘাত ঘোষণা করেছেন, তাই এতে নম্বর দেবেন না। কারণ: ",
                                       "You declared a conflict of interest, so this entry is not yours to "
                                       "score. Reason: ")) +
                          card.conflict_reason,
                      color::kTextMuted, kGreyFill) +
               gap;
    if (card.status == CardStatus::Submitted)
        return Banner(ui, x, y, width,
                      ui.T("জমা দেওয়া হয়েছে: নম্বর আর বদলানো যাবে না। বদলাতে হলে আয়োজক কার্ডটি আবার খুলে দেবেন।",
                           "Submitted: the marks are locked. To change them, the organiser must reopen the "
                           "card."),
                      color::kGreen, color::kGreenLight) +
               gap;

    return 0;
}

} // namespace

float ScorecardScreen::DrawMarks(Context& ui, Staff& staff, const scoring::Scorecard& card,
                                 const ScrollFrame& frame, Navigation& nav) {
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    const bool open = IsOpen(card), recused = IsSetAside(card);

    // The action bar stays at the bottom; content scrolls above it and takes no touches under it.
    const float bar_h = ui.Px(112);
    const Rect bar{frame.view.x, frame.view.Bottom() - bar_h, frame.view.w, bar_h};
    const float strip_h = StripHeight(ui, NotSaved(ui, error), width);
    ui.clip = {frame.view.x, frame.view.y, frame.view.w, frame.view.h - bar_h - strip_h};

    float y = DrawHeading(ui, staff.Fair(), card, x, frame.top + margin * 0.6f, width, nav);
    y += StateBanner(ui, card, x, y, width);
    // One block per criterion: name and marks given, guidance, then the mark buttons.
    for (size_t i = 0; i < card.marks.size() && !recused; ++i)
        y += DrawCriterion(ui, staff, card, i, x, y, width, frame) + gap;

    // The comment (also one touch away in the action bar).
    bool edit_comment = false;
    if (!recused) {
        y = SectionHeading(ui, x, y, width, ui.T("মন্তব্য (ঐচ্ছিক)", "Comment (optional)"));
        ui.Name("scorecard/comment-field");
        edit_comment = TextField(ui, {x, y, width, ui.Px(150)}, card.comment,
                                 open ? ui.T("মন্তব্য লিখতে এখানে ছুঁয়ে দিন", "Touch here to write a comment")
                                      : ui.T("কোনো মন্তব্য নেই", "No comment"),
                                 false);
        y += ui.Px(150) + gap;
    }
    y += bar_h + strip_h;
    ui.clip = frame.view;
    DrawStrip(ui, NotSaved(ui, error), frame.view, bar.y, x, width);
    DrawActionBar(ui, staff, card, bar, x, width, edit_comment, nav);
    return y - frame.top;
}

// The entry, a way to look at it again, and the way out of scoring it at all: beside the title
// when there is room, else on a row of their own under it (portrait). Returns the y below.
float ScorecardScreen::DrawHeading(Context& ui, const content::FairContent& fair,
                                   const scoring::Scorecard& card, float x, float y, float width,
                                   Navigation& nav) {
    const content::Innovation& innovation = *fair.FindInnovation(card.entry);
    const float gap = ui.theme.Gap();
    const bool open = IsOpen(card);
    const float see_w = ui.Px(300), conflict_w = open ? ui.Px(440) : 0;
    const bool beside = width - see_w - conflict_w - 2 * gap >= ui.Px(700);
    float buttons_y = y;
    y += EntryHeader(ui, fair, innovation, x, y, beside ? width - see_w - conflict_w - 2 * gap : width) +
         ui.Px(20);
    if (!beside) buttons_y = y, y += ui.Px(72) + gap;
    ui.Name("scorecard/see-entry");
    if (Button(ui, {x + width - see_w, buttons_y, see_w, ui.Px(72)}, ui.T("উদ্ভাবনটি দেখুন", "See the entry")))
        nav.go = Route{ScreenId::Innovation, card.entry};
    if (open) ui.Name("scorecard/conflict");
    if (open && Button(ui, {x + width - see_w - gap - conflict_w, buttons_y, conflict_w, ui.Px(72)},
                       ui.T("স্বার্থের সংঘাত ঘোষণা", "Declare a conflict")))
        mode = Mode::Conflict, draft.clear(), keyboard.layout = ui.lang;
    return y;
}

// One criterion's block: its name and the marks given (or "not scored"), its guidance, and a
// row of mark buttons; returns the block's height.
float ScorecardScreen::DrawCriterion(Context& ui, Staff& staff, const scoring::Scorecard& card, size_t i,
                                     float x, float y, float width, const ScrollFrame& frame) {
    scoring::JudgeSession& session = *staff.Judge();
    const bool open = IsOpen(card);
    const float pad = ui.Px(28), cell_gap = ui.Px(10), cell_h = ui.Px(76);
    const scoring::Mark& mark = card.marks[i];
    const content::Criterion& criterion = *mark.criterion;
    const float inner_w = width - 2 * pad;
    const int count = criterion.max_marks + 1;
    const int fit = std::max(1, static_cast<int>((inner_w + cell_gap) / (ui.Px(76) + cell_gap)));
    const int rows = (count + fit - 1) / fit, columns = (count + rows - 1) / rows;
    const float cell_w = std::min(ui.Px(130), (inner_w - cell_gap * static_cast<float>(columns - 1)) /
                                                  static_cast<float>(columns));
    const std::string max_text = ui.Bengali() ? "সর্বোচ্চ " + ui.Number(criterion.max_marks)
                                              : "out of " + ui.Number(criterion.max_marks);
    const std::string guidance =
        ui.L(criterion.guidance).empty() ? "" : ui.L(criterion.guidance) + "  (" + max_text + ")";
    const TextOptions guidance_wrap{inner_w, 3};
    const float name_h = LineHeight(ui.theme, TextStyle::Heading) + ui.Px(14);
    const float guidance_h =
        guidance.empty() ? 0
                         : MeasureText(ui.theme, TextStyle::Caption, guidance, guidance_wrap).y + ui.Px(14);
    const float block_h =
        pad * 2 + name_h + guidance_h + static_cast<float>(rows) * (cell_h + cell_gap) - cell_gap;
    const Rect block{x, y, width, block_h};
    if (block.Bottom() < frame.view.y || block.y > frame.view.Bottom()) return block_h;

    ui.draw->AddRectFilled({block.x, block.y + ui.Px(3)}, {block.Right(), block.Bottom() + ui.Px(4)},
                           color::kShadow, ui.theme.Radius());
    ui.draw->AddRectFilled(block.Min(), block.Max(), color::kSurface, ui.theme.Radius());
    ui.draw->AddRectFilled(block.Min(), {block.x + ui.Px(10), block.Bottom()},
                           mark.marks ? color::kGreen : color::kAmber, ui.theme.Radius(),
                           ImDrawFlags_RoundCornersLeft);

    float by = block.y + pad;
    const float state_w = ui.Px(420);
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {block.x + pad, by},
             ui.Number(static_cast<double>(i + 1)) + ". " + ui.L(criterion.name), color::kText,
             {inner_w - state_w, 1});
    const ImVec2 state_right{block.Right() - pad, by - ui.Px(4)};
    if (mark.marks) {
        // Marks above a max the organiser lowered since count as the max (WeightedTotal): say so.
        const bool over = *mark.marks > criterion.max_marks;
        const std::string given =
            ui.Number(*mark.marks) + " / " + ui.Number(criterion.max_marks) +
            (over ? std::string(ui.T(" · গণ্য ", " · counts ")) + ui.Number(criterion.max_marks)
                  : std::string());
        const float given_w = MeasureText(ui.theme, TextStyle::Heading, given).x;
        DrawText(ui.draw, ui.theme, TextStyle::Heading, {state_right.x - given_w, by}, given,
                 over ? color::kRed : color::kGreen);
        if (open) {
            const float clear_w = ui.Px(150);
            const Rect clear{state_right.x - given_w - ui.Px(20) - clear_w, by - ui.Px(6), clear_w,
                             ui.Px(56)};
            ui.Name("score/" + criterion.id + "/clear");
            if (Button(ui, clear, ui.T("মুছুন", "Clear")))
                Save(staff, "clear " + criterion.id,
                     [&] { return session.ClearMarks(card.entry, criterion.id); });
        }
    } else {
        NotScoredTag(ui, state_right, ui.T("নম্বর দেওয়া হয়নি", "Not scored"));
    }
    by += name_h;
    if (!guidance.empty()) {
        DrawText(ui.draw, ui.theme, TextStyle::Caption, {block.x + pad, by}, guidance, color::kTextMuted,
                 guidance_wrap);
        by += guidance_h;
    }
    for (int value = 0; value < count; ++value) {
        const Rect cell{block.x + pad + static_cast<float>(value % columns) * (cell_w + cell_gap),
                        by + static_cast<float>(value / columns) * (cell_h + cell_gap), cell_w, cell_h};
        const bool chosen = mark.marks && *mark.marks == value;
        ui.Name("score/" + criterion.id + "/" + std::to_string(value));
        if (MarkButton(ui, cell, ui.Number(value), chosen, open) && !chosen)
            Save(staff, "score " + criterion.id + "=" + std::to_string(value),
                 [&] { return session.SetMarks(card.entry, criterion.id, value); });
    }
    return block_h;
}

// The action bar: undo, the comment, whether everything is saved, and on to review.
void ScorecardScreen::DrawActionBar(Context& ui, Staff& staff, const scoring::Scorecard& card,
                                    const Rect& bar, float x, float width, bool edit_comment,
                                    Navigation& nav) {
    scoring::JudgeSession& session = *staff.Judge();
    const float gap = ui.theme.Gap(), bar_h = bar.h;
    const bool open = IsOpen(card), recused = IsSetAside(card);
    ui.draw->AddRectFilled(bar.Min(), bar.Max(), color::kSurface);
    ui.draw->AddRectFilled(bar.Min(), {bar.Right(), bar.y + ui.Px(3)}, color::kBorder);
    const float bh = ui.Px(80), by = bar.y + (bar_h - bh) * 0.5f;
    const bool narrow = width < ui.Px(1300); // portrait: narrower buttons leave room to say "saved"
    const Rect undo{x, by, ui.Px(narrow ? 190 : 230), bh};
    ui.Name("scorecard/undo");
    if (Button(ui, undo, ui.T("পূর্বাবস্থা", "Undo"), ButtonKind::Secondary, open && card.can_undo))
        Save(staff, "undo", [&] { return session.Undo(card.entry); });
    const Rect comment{undo.Right() + gap, by, ui.Px(narrow ? 190 : 230), bh};
    ui.Name("scorecard/comment");
    edit_comment |= Button(
        ui, comment, card.comment.empty() ? ui.T("মন্তব্য", "Comment") : ui.T("মন্তব্য বদলান", "Edit comment"),
        ButtonKind::Secondary, open);
    if (edit_comment && open) mode = Mode::Comment, draft = card.comment, keyboard.layout = ui.lang;
    const float review_w = ui.Px(narrow ? 300 : 420);
    const Rect review{x + width - review_w, by, review_w, bh};
    ui.Name("scorecard/review");
    if (Button(ui, review,
               card.status == CardStatus::Submitted ? ui.T("সারসংক্ষেপ দেখুন", "See the summary")
                                                    : ui.T("পর্যালোচনা ও জমা", "Review and submit"),
               ButtonKind::Primary, !recused))
        nav.go = Route{ScreenId::Review, card.entry};

    const float sx = comment.Right() + gap, sw = review.x - gap - sx;
    // Portrait leaves little room: smaller words, on two lines, centred on the bar.
    const TextStyle status_style = sw < ui.Px(360) ? TextStyle::Caption : TextStyle::Body;
    auto status = [&](const std::string& text, ImU32 ink, float indent) {
        const TextOptions wrap{sw - indent, 2};
        const float h = MeasureText(ui.theme, status_style, text, wrap).y;
        DrawText(ui.draw, ui.theme, status_style, {sx + indent, bar.y + (bar_h - h) * 0.5f}, text, ink, wrap);
    };
    if (!error.Empty()) { // the strip above says why
        status(ui.T("সংরক্ষণ হয়নি", "NOT saved"), color::kRed, 0);
    } else if (!saved_time.empty()) {
        CheckIcon(ui.draw, {sx + ui.Px(20), bar.y + bar_h * 0.5f}, ui.Px(34), color::kGreen, ui.Px(5));
        status(std::string(ui.T("সংরক্ষিত ", "Saved at ")) +
                   (ui.Bengali() ? content::ToBengaliDigits(saved_time) : saved_time),
               color::kGreen, ui.Px(50));
    } else if (open) {
        const std::string scored = Fraction(ui, card.Scored(), static_cast<int>(card.marks.size()));
        status(ui.Bengali() ? scored + " মানদণ্ডে নম্বর দেওয়া হয়েছে" : scored + " criteria scored",
               color::kTextMuted, 0);
    }
}

float ScorecardScreen::DrawEditor(Context& ui, Staff& staff, const scoring::Scorecard& card,
                                  const ScrollFrame& frame) {
    scoring::JudgeSession& session = *staff.Judge();
    ui.typing = true;
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = frame.view.y + margin * 0.5f; // the editor does not scroll: the keyboard stays put
    const bool conflict = mode == Mode::Conflict;
    const content::Innovation& innovation = *staff.Fair().FindInnovation(card.entry);

    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y},
                  conflict ? ui.T("স্বার্থের সংঘাত ঘোষণা", "Declare a conflict of interest")
                           : ui.T("মন্তব্য", "Comment"),
                  color::kText, {width, 1})
             .y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, ui.L(innovation.title), color::kTextMuted,
                  {width, 1})
             .y +
         ui.Px(12);
    if (conflict) {
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                      ui.T("ঘোষণা করলে আপনি এই এন্ট্রিতে আর নম্বর দিতে পারবেন না। কারণটি সংরক্ষিত থাকবে। একটি "
                           "কারণ বেছে নিন বা লিখুন।",
                           "Once declared, you will not score this entry; the reason is kept. Choose a "
                           "reason or type one."),
                      color::kText, {width, 0})
                 .y +
             ui.Px(12);
        float cx = x;
        for (const Reason& reason : kConflictReasons) {
            const char* text = ui.T(reason.bn, reason.en);
            const float w = MeasureText(ui.theme, TextStyle::Body, text).x + ui.Px(48);
            if (cx + w > x + width) cx = x, y += ui.Px(72) + ui.Px(12);
            ui.Name("conflict/reason/" + std::to_string(&reason - kConflictReasons));
            if (Button(ui, {cx, y, w, ui.Px(64)}, text)) draft = text;
            cx += w + ui.Px(12);
        }
        y += ui.Px(64) + gap;
    }
    const float field_h = ui.Px(130);
    TextField(ui, {x, y, width, field_h}, draft,
              conflict ? ui.T("কারণ লিখুন", "Type the reason") : ui.T("আপনার মন্তব্য লিখুন", "Type your comment"),
              true);
    y += field_h + gap;
    if (!error.Empty()) {
        y +=
            DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, NotSaved(ui, error), color::kRed, {width, 2})
                .y;
    }

    switch (keyboard.DrawAtFoot(ui, x, width, y, frame.view.Bottom() - margin * 0.5f, draft)) {
    case KeyboardAction::Done:
        if (conflict) {
            Save(staff, "conflict", [&] { return session.DeclareConflict(card.entry, draft); });
        } else if (draft != card.comment) {
            Save(staff, "comment", [&] { return session.SetComment(card.entry, draft); });
        }
        if (error.Empty()) mode = Mode::Marks;
        break;
    case KeyboardAction::Cancel:
        mode = Mode::Marks, error = {};
        break;
    default:
        break;
    }
    return frame.view.h; // nothing to scroll
}

} // namespace kiosk
