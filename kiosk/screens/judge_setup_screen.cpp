#include "kiosk/screens/judge_setup_screen.h"

#include "content/locale.h"
#include "kiosk/ui/problem_words.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace kiosk {

using namespace ui;

namespace {

std::string Trim(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool Has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

constexpr float kCellGap = 16;
constexpr float kToggleExtra = 28 + 36 + 20 + 24; // a toggle's box and margins around its label

// As many columns (up to 4) as leave every label room in its cell, so none is cut short.
int FitColumns(const Context& ui, float width, const std::vector<std::string>& labels, float extra) {
    float widest = 0;
    for (const std::string& label : labels)
        widest = std::max(widest, MeasureText(ui.theme, TextStyle::BodyBold, label).x);
    const float gap = ui.Px(kCellGap);
    return std::clamp(static_cast<int>((width + gap) / (widest + extra + gap)), 1, 4);
}

// A category to judge, on or off: a box with a tick, then the name; many may be on.
bool Toggle(Context& ui, const Rect& r, const std::string& label, bool on) {
    ui.AddTarget(r);
    const bool pressing = ui.Pressing(r);
    const float radius = r.h * 0.5f;
    ui.draw->AddRectFilled(r.Min(), r.Max(),
                           pressing ? color::kSurfacePressed
                           : on     ? color::kGreenLight
                                    : color::kSurface,
                           radius);
    ui.draw->AddRect(r.Min(), r.Max(), on || pressing ? color::kGreen : color::kBorder, radius, 0,
                     ui.Px(on ? 3 : 2));
    const float box = ui.Px(36);
    const ImVec2 box_min{r.x + ui.Px(28), r.y + (r.h - box) * 0.5f},
        box_max{box_min.x + box, box_min.y + box};
    if (on) {
        ui.draw->AddRectFilled(box_min, box_max, color::kGreen, ui.Px(8));
        CheckIcon(ui.draw, {box_min.x + box * 0.5f, box_min.y + box * 0.5f}, box * 0.7f, color::kTextOnDark,
                  ui.Px(4));
    } else {
        ui.draw->AddRect(box_min, box_max, color::kTextMuted, ui.Px(8), 0, ui.Px(2.5f));
    }
    const float text_x = box_max.x + ui.Px(20), line = LineHeight(ui.theme, TextStyle::BodyBold);
    DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {text_x, r.y + (r.h - line) * 0.5f}, label,
             on ? color::kGreenDark : color::kText, {r.Right() - text_x - ui.Px(24), 1});
    return ui.Tapped(r);
}

// Rows of equal cells, `count` of them in `columns`; calls cell(index, rect) and returns the height.
template <class Cell>
float Grid(Context& ui, float x, float y, float width, size_t count, int columns, float cell_h, Cell cell) {
    if (count == 0) return 0;
    const float gap = ui.Px(kCellGap);
    const float cell_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (size_t i = 0; i < count; ++i)
        cell(i, Rect{x + static_cast<float>(i % columns) * (cell_w + gap),
                     y + static_cast<float>(i / columns) * (cell_h + gap), cell_w, cell_h});
    const size_t rows = (count + columns - 1) / columns;
    return static_cast<float>(rows) * (cell_h + gap) - gap;
}

} // namespace

std::optional<scoring::JudgeId> ParseJudgeId(const std::string& text) {
    scoring::JudgeId id = 0;
    const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (failure != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

bool JudgeSetupScreen::Load(Staff& staff, const std::string& id) {
    *this = JudgeSetupScreen{};
    if (id == "new") {
        for_id = id;
        return true;
    }
    const std::optional<scoring::JudgeId> judge_id = ParseJudgeId(id);
    if (!judge_id || !staff.Available()) return false;
    const std::optional<scoring::Judge> judge = staff.Judging().Registry().Find(*judge_id);
    if (!judge) return false;
    for_id = id;
    draft = {judge->name, judge->office, judge->categories, ""};
    return true;
}

void JudgeSetupScreen::Leave(Navigation& nav, std::string notice) {
    // Back to the organiser's screen under this one (or a new one when there is none).
    nav.go = Route{ScreenId::Organiser, {}};
    nav.replace = true;
    nav.notice = std::move(notice); // said on the organiser's judging tab
    *this = JudgeSetupScreen{};
}

float JudgeSetupScreen::Draw(Context& ui, Staff& staff, const Route& route, const ScrollFrame& frame,
                             Navigation& nav) {
    if (!staff.Available() || !staff.Organiser()) return 0;
    if (route.id != for_id && !Load(staff, route.id)) {
        const float margin = PageMargin(ui);
        return Banner(ui, frame.view.x + margin, frame.top + margin, frame.view.w - 2 * margin,
                      ui.T("এই বিচারককে আর পাওয়া যাচ্ছে না।", "This judge is no longer on the list."),
                      color::kRed, color::Rgb(0xfde8ea)) +
               2 * margin;
    }
    switch (field) {
    case Field::Name:
        return DrawName(ui, frame);
    case Field::Pin:
    case Field::PinAgain:
        return DrawPinPad(ui, frame);
    case Field::None:
        break;
    }
    return DrawForm(ui, staff, frame, nav);
}

float JudgeSetupScreen::DrawForm(Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav) {
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    const content::FairContent& fair = staff.Fair();

    // Save and Cancel stay in a bar at the bottom; the form scrolls above it and takes no touches under it.
    const float bar_h = ui.Px(112);
    const Rect bar{frame.view.x, frame.view.Bottom() - bar_h, frame.view.w, bar_h};
    ui.clip = {frame.view.x, frame.view.y, frame.view.w, frame.view.h - bar_h};

    float y = DrawIntro(ui, x, frame.top + margin * 0.4f, width);
    y = DrawNameField(ui, x, y, width) + gap;
    y = DrawOffices(ui, fair, x, y, width) + gap;
    y = DrawCategories(ui, fair, x, y, width) + gap;
    y = DrawPinRow(ui, x, y, width);

    // What the pack does not know (a judge set up for an earlier pack).
    scoring::NewJudge checked = draft;
    checked.name = Trim(draft.name);
    const std::vector<std::string> unknown = NotInPack(ui, fair, checked);
    for (const std::string& problem : unknown)
        y += Banner(ui, x, y, width, problem, color::kAmber, color::kAmberLight) + ui.Px(12);
    y += bar_h;

    ui.clip = frame.view;
    DrawBar(ui, staff, bar, x, width, checked, unknown.empty(), nav);
    return y - frame.top;
}

// The form's title and what the judge will do; returns the y below.
float JudgeSetupScreen::DrawIntro(Context& ui, float x, float y, float width) {
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y},
                  Editing() ? ui.T("বিচারকের তথ্য বদলান", "Change a judge")
                            : ui.T("বিচারক যোগ করুন", "Add a judge"),
                  color::kText, {width, 2})
             .y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                  ui.T("বিচারক তালিকা থেকে নিজের নাম বেছে নিয়ে পিন দিয়ে প্রবেশ করবেন। বেছে নেওয়া বিভাগগুলোর সব "
                       "উদ্ভাবন তিনি মূল্যায়ন "
                       "করবেন, শুধু নিজের দপ্তরের উদ্ভাবন ছাড়া।",
                       "The judge logs in by choosing this name and typing the PIN, and scores every entry "
                       "in the chosen "
                       "categories except those of their own office."),
                  color::kTextMuted, {width, 3})
             .y +
         ui.Px(12);
    return y;
}

// The name: a tap opens the keyboard. Returns the y below.
float JudgeSetupScreen::DrawNameField(Context& ui, float x, float y, float width) {
    y = SectionHeading(ui, x, y, width, ui.T("নাম", "Name"));
    const float field_h = TextFieldHeight(ui, 1);
    ui.Name("setup/name");
    if (TextField(ui, {x, y, width, field_h}, draft.name,
                  ui.T("নাম লিখতে এখানে ছুঁয়ে দিন", "Touch here to type the name"), false, 1)) {
        field = Field::Name, name_before = draft.name, keyboard = Keyboard{}, keyboard.layout = ui.lang,
        keyboard.max_bytes = 200;
    }
    return y + field_h;
}

// The office: one of the pack's. Returns the y below.
float JudgeSetupScreen::DrawOffices(Context& ui, const content::FairContent& fair, float x, float y,
                                    float width) {
    y = SectionHeading(ui, x, y, width,
                       ui.T("দপ্তর (এই দপ্তরের উদ্ভাবন বিচারক মূল্যায়ন করবেন না)",
                            "Office (the judge does not score this office's entries)"));
    const float cell_h = ui.Px(72);
    std::vector<std::string> office_names;
    for (const content::Office& office : fair.offices)
        office_names.push_back(ui.L(office.ShortName()));
    const int office_columns =
        BalancedColumns(FitColumns(ui, width, office_names, ui.Px(72)), office_names.size());
    y += Grid(ui, x, y, width, fair.offices.size(), office_columns, cell_h, [&](size_t i, const Rect& cell) {
        const content::Office& office = fair.offices[i];
        const bool chosen = draft.office == office.id;
        ui.Name("setup/office/" + office.id);
        if (Button(ui, cell, office_names[i], chosen ? ButtonKind::Primary : ButtonKind::Secondary))
            draft.office = office.id, error.clear();
    });
    return y;
}

// The categories: any of the pack's, and any the judge had that the pack no longer has (to take
// off). Returns the y below.
float JudgeSetupScreen::DrawCategories(Context& ui, const content::FairContent& fair, float x, float y,
                                       float width) {
    const float cell_h = ui.Px(72);
    y = SectionHeading(ui, x, y, width,
                       ui.T("যে বিভাগগুলো মূল্যায়ন করবেন (এক বা একাধিক)", "Categories to judge (one or more)"));
    std::vector<std::string> category_ids, category_names;
    for (const content::Category& category : fair.categories)
        category_ids.push_back(category.id), category_names.push_back(ui.L(category.name));
    for (const std::string& id : draft.categories)
        if (!fair.FindCategory(id)) category_ids.push_back(id), category_names.push_back(id);
    const int category_columns =
        BalancedColumns(FitColumns(ui, width, category_names, ui.Px(kToggleExtra)), category_names.size());
    y +=
        Grid(ui, x, y, width, category_ids.size(), category_columns, cell_h, [&](size_t i, const Rect& cell) {
            const std::string& id = category_ids[i];
            const bool on = Has(draft.categories, id);
            ui.Name("setup/category/" + id);
            if (!Toggle(ui, cell, category_names[i], on)) return;
            if (on)
                draft.categories.erase(std::find(draft.categories.begin(), draft.categories.end(), id));
            else
                draft.categories.push_back(id);
            std::sort(draft.categories.begin(), draft.categories.end());
            error.clear();
        });
    return y;
}

// The PIN (typed twice on a pad, never shown), what state it is in, and the way to remove a judge
// being changed. Returns the y below.
float JudgeSetupScreen::DrawPinRow(Context& ui, float x, float y, float width) {
    const float gap = ui.theme.Gap();
    const bool editing = Editing();
    y = SectionHeading(ui, x, y, width, ui.T("পিন", "PIN"));
    const float pin_h = ui.Px(80), pin_w = std::min(width, ui.Px(380));
    const bool pin_set = !draft.pin.empty();
    ui.Name("setup/pin");
    if (Button(ui, {x, y, pin_w, pin_h},
               pin_set || editing ? ui.T("পিন বদলান", "Change the PIN")
                                  : ui.T("পিন ঠিক করুন", "Set the PIN"))) {
        field = Field::Pin, pin_typed.clear(), pin_first.clear(), pin_mismatch = false;
    }
    std::string pin_state;
    ImU32 pin_ink = color::kTextMuted;
    if (pin_set) {
        pin_state = editing ? ui.T("নতুন পিন ঠিক করা হয়েছে: সংরক্ষণ করলে বদলাবে।",
                                   "A new PIN is set: it takes effect when you save.")
                            : ui.T("পিন ঠিক করা হয়েছে।", "The PIN is set.");
        pin_ink = color::kGreen;
    } else if (editing) {
        pin_state = ui.T("আগের পিনই থাকবে।", "The judge keeps the current PIN.");
    } else {
        pin_state = ui.T("এখনো ঠিক করা হয়নি: ৪ থেকে ৮ অঙ্ক।", "Not set yet: 4 to 8 digits.");
        pin_ink = color::kAmber;
    }
    float state_x = x + pin_w + gap;
    const float keep_w = ui.Px(360);
    if (editing && pin_set) {
        ui.Name("setup/keep-pin");
        if (Button(ui, {state_x, y, keep_w, pin_h}, ui.T("আগের পিন রাখুন", "Keep the current PIN")))
            draft.pin.clear();
        state_x += keep_w + gap;
    }
    // Removing a judge (asked once more, in the bar): at the right end of this row when it fits.
    const float remove_w = ui.Px(360);
    const bool remove_beside = editing && x + width - state_x >= ui.Px(300) + remove_w + gap;
    const float state_w = x + width - state_x - (remove_beside ? remove_w + gap : 0);
    bool remove = false;
    if (remove_beside) {
        ui.Name("setup/remove");
        remove = Button(ui, {x + width - remove_w, y, remove_w, pin_h},
                        ui.T("এই বিচারককে বাদ দিন", "Remove this judge"));
    }
    if (state_w >= ui.Px(300)) {
        const TextOptions wrap{state_w, 2};
        const float h = MeasureText(ui.theme, TextStyle::Body, pin_state, wrap).y;
        DrawText(ui.draw, ui.theme, TextStyle::Body, {state_x, y + (pin_h - h) * 0.5f}, pin_state, pin_ink,
                 wrap);
        y += pin_h + gap;
    } else { // portrait, with two buttons: the words under them
        y += pin_h + ui.Px(12);
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, pin_state, pin_ink, {width, 2}).y + gap;
    }
    if (editing && !remove_beside) {
        y += ui.Px(12);
        ui.Name("setup/remove");
        remove = Button(ui, {x, y, std::min(width, remove_w), pin_h},
                        ui.T("এই বিচারককে বাদ দিন", "Remove this judge"));
        y += pin_h + gap;
    }
    if (remove) confirming_removal = true, error.clear();
    return y;
}

// The office and categories of `checked` that this pack does not have, worded for the organiser.
std::vector<std::string> JudgeSetupScreen::NotInPack(const Context& ui, const content::FairContent& fair,
                                                     const scoring::NewJudge& checked) {
    std::vector<std::string> unknown;
    if (!checked.office.empty() && !fair.FindOffice(checked.office))
        unknown.push_back(std::string(ui.T("এই প্যাকে দপ্তর \"", "The office \"")) + checked.office +
                          ui.T("\" নেই: একটি দপ্তর বেছে নিন।", "\" is not in this pack: choose an office."));
    for (const std::string& id : checked.categories)
        if (!fair.FindCategory(id))
            unknown.push_back(std::string(ui.T("এই প্যাকে বিভাগ \"", "The category \"")) + id +
                              ui.T("\" নেই: এটি তুলে দিন।", "\" is not in this pack: take it off."));
    return unknown;
}

// The bar: Save (once nothing is missing), Cancel, and what is missing or why the save was
// refused; or, when removing, the question and its answers.
void JudgeSetupScreen::DrawBar(Context& ui, Staff& staff, const Rect& bar, float x, float width,
                               const scoring::NewJudge& checked, bool pack_knows_all, Navigation& nav) {
    const float gap = ui.theme.Gap(), bar_h = bar.h;
    const bool editing = Editing();
    ui.draw->AddRectFilled(bar.Min(), bar.Max(), confirming_removal ? color::Rgb(0xfde8ea) : color::kSurface);
    ui.draw->AddRectFilled(bar.Min(), {bar.Right(), bar.y + ui.Px(3)},
                           confirming_removal ? color::kRed : color::kBorder);
    const bool narrow = width < ui.Px(1300);
    const float bh = ui.Px(80), by = bar.y + (bar_h - bh) * 0.5f, bw = ui.Px(narrow ? 250 : 320);
    const TextStyle style = narrow ? TextStyle::Caption : TextStyle::Body;
    auto status = [&](float sx, float sw, const std::string& text, ImU32 ink) {
        const TextOptions wrap{sw, 3};
        const float h = MeasureText(ui.theme, style, text, wrap).y;
        DrawText(ui.draw, ui.theme, style, {sx, bar.y + (bar_h - h) * 0.5f}, text, ink, wrap);
    };
    if (confirming_removal) {
        const std::optional<scoring::JudgeId> id = ParseJudgeId(for_id);
        const std::optional<scoring::Judge> judge = id ? staff.Judging().Registry().Find(*id) : std::nullopt;
        const std::string name = judge ? judge->name : draft.name;
        const Rect yes{x + width - 2 * bw - gap, by, bw, bh}, no{x + width - bw, by, bw, bh};
        status(x, yes.x - gap - x,
               ui.Bengali()
                   ? name +
                         "-কে বাদ দেবেন? তিনি আর প্রবেশ করতে পারবেন না; তাঁর দেওয়া নম্বর অডিট ট্রেইলে থেকে যাবে।"
                   : "Remove " + name + "? They can no longer log in; their scores stay in the audit trail.",
               color::kRed);
        ui.Name("setup/remove/yes");
        const bool yes_tapped = Button(ui, yes, ui.T("হ্যাঁ, বাদ দিন", "Yes, remove"), ButtonKind::Primary);
        ui.Name("setup/remove/no");
        const bool no_tapped = Button(ui, no, ui.T("না, রাখুন", "No, keep"));
        if (yes_tapped)
            Remove(ui, staff, nav);
        else if (no_tapped)
            confirming_removal = false;
        return;
    }
    std::vector<const char*> missing;
    if (checked.name.empty()) missing.push_back(ui.T("নাম", "the name"));
    if (checked.office.empty()) missing.push_back(ui.T("দপ্তর", "an office"));
    if (checked.categories.empty()) missing.push_back(ui.T("অন্তত একটি বিভাগ", "a category"));
    if (!editing && checked.pin.empty()) missing.push_back(ui.T("পিন", "the PIN"));
    const bool ready = missing.empty() && pack_knows_all;
    const Rect save{x, by, bw, bh}, cancel{x + bw + gap, by, bw, bh};
    const float sx = cancel.Right() + gap * 1.5f, sw = x + width - sx;
    if (!error.empty()) {
        status(sx, sw, error, color::kRed);
    } else if (!missing.empty()) {
        std::string text = ui.T("সংরক্ষণের আগে বাকি: ", "Still needed: ");
        for (size_t i = 0; i < missing.size(); ++i)
            text += (i ? ", " : "") + std::string(missing[i]);
        status(sx, sw, text, color::kAmber);
    }
    ui.Name("setup/save");
    const bool save_tapped = Button(ui, save, ui.T("সংরক্ষণ করুন", "Save"), ButtonKind::Primary, ready);
    ui.Name("setup/cancel");
    const bool cancel_tapped = Button(ui, cancel, ui.T("বাতিল", "Cancel"));
    if (save_tapped)
        Save(ui, staff, nav);
    else if (cancel_tapped)
        Leave(nav);
}

void JudgeSetupScreen::Save(Context& ui, Staff& staff, Navigation& nav) {
    scoring::NewJudge judge = draft;
    judge.name = Trim(judge.name);
    std::string notice;
    try {
        if (const std::vector<std::string> problems = staff.Judging().CheckAgainstPack(judge);
            !problems.empty())
            throw scoring::Refused(problems.front());
        scoring::Judges& registry = staff.Judging().Registry();
        // Said here in the screen's language; the registry refuses it all the same.
        if (const std::optional<scoring::Judge> other = registry.FindByName(judge.name);
            other && (!Editing() || std::to_string(other->id) != for_id))
            throw scoring::Refused(ui.T("এই নামে আরেকজন বিচারক আছেন: নামটি একটু আলাদা করে লিখুন।",
                                        "Another judge already has this name: make it a little different."));
        if (Editing()) {
            const scoring::JudgeId id = *ParseJudgeId(for_id);
            registry.Update(id, judge);
            std::fprintf(stderr, "kiosk: organiser changed judge %lld (%s)%s\n", static_cast<long long>(id),
                         judge.name.c_str(), judge.pin.empty() ? "" : ", with a new PIN");
            notice = judge.name + ui.T(": তথ্য বদলানো হয়েছে", ": changes saved");
        } else {
            const scoring::JudgeId id = registry.Add(judge);
            std::fprintf(stderr, "kiosk: organiser added judge %lld (%s)\n", static_cast<long long>(id),
                         judge.name.c_str());
            notice = judge.name + ui.T(": বিচারক যোগ করা হয়েছে", ": judge added");
        }
        Leave(nav, std::move(notice));
    } catch (const std::exception& e) {
        const Problem problem = Problem::Of(e);
        // A store failure's words already say it was NOT saved; a refusal says why not.
        error = (problem.refused ? std::string(ui.T("সংরক্ষণ হয়নি: ", "Not saved: ")) : std::string()) +
                Words(problem, ui.lang);
        std::fprintf(stderr, "kiosk: NOT saved: the organiser's judge %s: %s\n", judge.name.c_str(),
                     problem.English().c_str());
    }
}

void JudgeSetupScreen::Remove(Context& ui, Staff& staff, Navigation& nav) {
    confirming_removal = false;
    try {
        const scoring::JudgeId id = *ParseJudgeId(for_id);
        const std::optional<scoring::Judge> judge = staff.Judging().Registry().Find(id);
        staff.Judging().Registry().Remove(id);
        const std::string name = judge ? judge->name : draft.name;
        std::fprintf(stderr, "kiosk: organiser removed judge %lld (%s)\n", static_cast<long long>(id),
                     name.c_str());
        Leave(nav, name + ui.T(": বাদ দেওয়া হয়েছে", ": removed"));
    } catch (const std::exception& e) {
        const Problem problem = Problem::Of(e);
        error = std::string(ui.T("বাদ দেওয়া যায়নি: ", "Not removed: ")) +
                (problem.failure ? WhatFailed(*problem.failure, ui.lang) +
                                       ui.T("। আয়োজককে ডাকুন।", ". Please call the organiser.")
                                 : Words(problem, ui.lang));
        std::fprintf(stderr, "kiosk: NOT removed: judge %s: %s\n", for_id.c_str(), problem.English().c_str());
    }
}

// The name on the on-screen keyboard (or a physical one): nothing else on the page meanwhile.
float JudgeSetupScreen::DrawName(Context& ui, const ScrollFrame& frame) {
    ui.typing = true;
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = frame.view.y + margin * 0.5f; // the editor does not scroll: the keyboard stays put
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y}, ui.T("বিচারকের নাম", "The judge's name"),
                  color::kText, {width, 1})
             .y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                  ui.T("পুরো নাম লিখুন, বিচারকদের তালিকায় যেমন দেখাবে।",
                       "Type the full name, as the list of judges will show it."),
                  color::kTextMuted, {width, 2})
             .y +
         ui.Px(12);
    const float field_h = TextFieldHeight(ui, 1);
    TextField(ui, {x, y, width, field_h}, draft.name, ui.T("নাম লিখুন", "Type the name"), true, 1);
    y += field_h + gap;

    switch (keyboard.DrawAtFoot(ui, x, width, y, frame.view.Bottom() - margin * 0.5f, draft.name)) {
    case KeyboardAction::Done:
        draft.name = Trim(draft.name), field = Field::None, error.clear();
        break;
    case KeyboardAction::Cancel:
        draft.name = name_before, field = Field::None;
        break;
    default:
        break;
    }
    return frame.view.h; // nothing to scroll
}

// A dot per digit typed, centred in `width`, and empty rings up to the shortest PIN's length.
static void PinDots(Context& ui, float x, float y, float width, size_t typed, float dot, float dot_gap) {
    const size_t slots = std::max(typed, scoring::kShortestPin);
    float dx = x + (width - static_cast<float>(slots) * (dot + dot_gap) + dot_gap) * 0.5f + dot * 0.5f;
    for (size_t i = 0; i < slots; ++i, dx += dot + dot_gap) {
        if (i < typed)
            ui.draw->AddCircleFilled({dx, y + dot}, dot * 0.5f, color::kText);
        else
            ui.draw->AddCircle({dx, y + dot}, dot * 0.5f, color::kBorder, 0, ui.Px(3));
    }
}

// The PIN twice, on the staff's PIN pad: dots, never digits.
float JudgeSetupScreen::DrawPinPad(Context& ui, const ScrollFrame& frame) {
    ui.typing = true; // digits, Backspace, Enter and Escape from a keyboard too (and the scripted tests)
    const float margin = PageMargin(ui);
    const float width = std::min(frame.view.w - 2 * margin, ui.Px(560));
    const float x = frame.view.x + (frame.view.w - width) * 0.5f;
    // The pad does not scroll (the form's scroll position would carry over): with larger text
    // the keys get shorter to make room, down to Px(64).
    const float key_gap = ui.Px(16), dot = ui.Px(22), dot_gap = ui.Px(22),
                note_h = LineHeight(ui.theme, TextStyle::Body) * 2;
    const float fixed = margin + LineHeight(ui.theme, TextStyle::Title) +
                        LineHeight(ui.theme, TextStyle::Body) + ui.Px(16) + dot * 2 + ui.Px(12) + note_h +
                        ui.Px(8) + 4 * key_gap + ui.Px(8) + ui.Px(16);
    const float key_h = std::clamp((frame.view.h - fixed) / (5 + 72.f / 92.f), ui.Px(64), ui.Px(92));
    const float cancel_h = std::max(ui.Px(64), key_h * 72.f / 92.f);
    float y = frame.view.y + margin * 0.5f;
    const bool again = field == Field::PinAgain;

    const std::string title =
        draft.name.empty() ? ui.T("নতুন বিচারকের পিন", "The new judge's PIN") : draft.name;
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y}, title, color::kText, {width, 1, Align::Center})
             .y;
    y +=
        DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                 again ? ui.T("একই পিন আবার দিন", "Type the same PIN again")
                       : ui.T("বিচারকের পিন বেছে নিন: ৪ থেকে ৮ অঙ্ক", "Choose the judge's PIN: 4 to 8 digits"),
                 color::kTextMuted, {width, 1, Align::Center})
            .y +
        ui.Px(16);

    PinDots(ui, x, y, width, pin_typed.size(), dot, dot_gap);
    y += dot * 2 + ui.Px(12);

    // A fixed place for the note, so the keys never move.
    if (pin_mismatch && !again)
        DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                 ui.T("দুটি পিন এক হয়নি। আবার প্রথম থেকে দিন।", "The two PINs were not the same. Start again."),
                 color::kRed, {width, 2, Align::Center});
    else if (again)
        DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                 ui.T("ভুল এড়াতে পিনটি দুবার দিতে হয়।", "Typing it twice avoids a mistake."), color::kTextMuted,
                 {width, 2, Align::Center});
    y += note_h + ui.Px(8);

    auto cancel = [&] { field = Field::None, pin_typed.clear(), pin_first.clear(), pin_mismatch = false; };
    auto next = [&] {
        if (!again) {
            pin_first = pin_typed, pin_typed.clear(), field = Field::PinAgain;
        } else if (pin_typed == pin_first && scoring::IsValidPin(pin_typed)) {
            draft.pin = pin_typed, error.clear();
            cancel();
        } else {
            pin_typed.clear(), pin_first.clear(), pin_mismatch = true, field = Field::Pin;
        }
    };

    // Enter and Escape from a keyboard too; the pad reads digits and Backspace.
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    y += PinKeys(ui, x, y, width, key_h, key_gap, pin_typed, scoring::kLongestPin) + ui.Px(8);

    const bool ready = scoring::IsValidPin(pin_typed);
    ui.Name("setup/pin/next");
    if (Button(ui, {x, y, width, key_h},
               again ? ui.T("পিন ঠিক করুন", "Set the PIN") : ui.T("পরের ধাপ", "Next"), ButtonKind::Primary,
               ready) ||
        (enter && ready))
        next();
    y += key_h + ui.Px(16);
    ui.Name("setup/pin/cancel");
    if (Button(ui, {x, y, width, cancel_h}, ui.T("বাতিল", "Cancel")) || escape) cancel();
    return frame.view.h; // nothing to scroll
}

} // namespace kiosk
