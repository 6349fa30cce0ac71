#include "kiosk/screens/staff_screen.h"

#include "content/locale.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/problem_words.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk {

using namespace ui;
using scoring::PinCheck;

namespace {

std::string Countdown(const Context& ui, double seconds) {
    const int s = std::max(0, static_cast<int>(std::ceil(seconds)));
    char text[16];
    std::snprintf(text, sizeof text, "%d:%02d", s / 60, s % 60);
    return ui.Bengali() ? content::ToBengaliDigits(text) : text;
}

std::string CategoryNames(const Context& ui, const content::FairContent& fair,
                          const std::vector<std::string>& ids) {
    std::string names;
    for (const std::string& id : ids) {
        const content::Category* category = fair.FindCategory(id);
        if (!names.empty()) names += ", ";
        names += category ? ui.L(category->name) : id;
    }
    return names;
}

// The organiser's card, in blue, saying what the organiser's screen is for; true when tapped.
bool OrganiserCard(Context& ui, Staff& staff, const Rect& card) {
    const float pad = ui.Px(24);
    ui.Name("staff/organiser");
    const bool tapped = Card(ui, card, color::kBlueLight);
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {card.x + pad, card.y + pad}, ui.T("আয়োজক", "Organiser"),
             color::kBlue, {card.w - 2 * pad, 1});
    const char* note = staff.OrganiserPinSet() ? ui.T("অগ্রগতি, কার্ড আবার খোলা, কনটেন্টের সমস্যা",
                                                      "Progress, reopening cards, content problems")
                                               : ui.T("পিন এখনো ঠিক করা হয়নি: kiosk organiser set-pin",
                                                      "No PIN set yet: kiosk organiser set-pin");
    DrawText(ui.draw, ui.theme, TextStyle::Caption,
             {card.x + pad, card.y + pad + LineHeight(ui.theme, TextStyle::Heading)}, note, color::kTextMuted,
             {card.w - 2 * pad, 2});
    return tapped;
}

// A judge's card: the name, office and categories; true when tapped.
bool JudgeCard(Context& ui, const content::FairContent& fair, const scoring::Judge& person,
               const Rect& card) {
    const float pad = ui.Px(24);
    ui.Name("staff/judge/" + person.name);
    const bool tapped = Card(ui, card);
    float ty = card.y + pad;
    ty += DrawText(ui.draw, ui.theme, TextStyle::Heading, {card.x + pad, ty}, person.name, color::kText,
                   {card.w - 2 * pad, 1})
              .y;
    const content::Office* office = fair.FindOffice(person.office);
    ty +=
        DrawText(ui.draw, ui.theme, TextStyle::Caption, {card.x + pad, ty},
                 office ? ui.L(office->ShortName()) : person.office, color::kTextMuted, {card.w - 2 * pad, 1})
            .y;
    DrawText(ui.draw, ui.theme, TextStyle::Caption, {card.x + pad, ty},
             CategoryNames(ui, fair, person.categories), color::kTextMuted, {card.w - 2 * pad, 1});
    return tapped;
}

} // namespace

double StaffScreen::NextChange(double now) const {
    if (locked_until <= now) return 1e300;
    return now + std::min(1.0, locked_until - now) + 0.01;
}

float StaffScreen::Draw(Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav) {
    if (who == Who::Nobody) return DrawChooser(ui, staff, frame);
    return DrawPinPad(ui, staff, frame, nav);
}

float StaffScreen::DrawChooser(Context& ui, Staff& staff, const ScrollFrame& frame) {
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = frame.top + margin * 0.6f;
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y}, ui.T("বিচারক ও আয়োজক", "Judges and organiser"),
                  color::kText, {width, 2})
             .y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                  ui.T("আপনার নাম বেছে নিন, তারপর পিন দিন।", "Choose your name, then enter your PIN."),
                  color::kTextMuted, {width, 2})
             .y +
         margin * 0.5f;

    if (!staff.Available()) {
        const std::optional<scoring::StoreFailure>& failure = staff.OpenFailure();
        std::string text =
            ui.T("বিচারের ডেটাবেস খোলা যায়নি, তাই এই কিয়স্কে এখন বিচার করা যাবে না",
                 "The judging database could not be opened, so this kiosk cannot take scores now");
        if (failure) text += " (" + WhatFailed(*failure, ui.lang) + ": " + failure->Path() + ")";
        text += ui.T("। আয়োজককে ডাকুন।", ". Please call the organiser.");
        y += Banner(ui, x, y, width, text, color::kRed, color::Rgb(0xfde8ea));
        return y + margin - frame.top;
    }

    const std::vector<scoring::Judge> judges = staff.Judges();
    const content::FairContent& fair = staff.Fair();
    const int columns = GridColumns(ui, width, 420, 4);
    const float card_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float card_h = ui.Px(24) * 2 + LineHeight(ui.theme, TextStyle::Heading) +
                         LineHeight(ui.theme, TextStyle::Caption) * 2 + ui.Px(8);

    // The organiser's card first, in blue, then one card per judge.
    size_t index = 0;
    auto next_card = [&]() {
        const Rect card{x + static_cast<float>(index % columns) * (card_w + gap),
                        y + static_cast<float>(index / columns) * (card_h + gap), card_w, card_h};
        ++index;
        return card;
    };
    if (OrganiserCard(ui, staff, next_card())) {
        who = Who::Organiser;
        pin.clear(), refused.reset();
    }
    for (const scoring::Judge& person : judges) {
        const Rect card = next_card();
        if (card.Bottom() < frame.view.y || card.y > frame.view.Bottom()) continue;
        if (JudgeCard(ui, fair, person, card)) {
            who = Who::Judge, judge = person.id, judge_name = person.name;
            pin.clear(), refused.reset();
        }
    }
    const size_t rows = (index + columns - 1) / columns;
    y += static_cast<float>(rows) * (card_h + gap);
    if (judges.empty())
        y += Banner(ui, x, y, width,
                    ui.T("এখনো কোনো বিচারক যোগ করা হয়নি। আয়োজক তাঁর পাতায় \"বিচারক যোগ করুন\" দিয়ে, অথবা kiosk "
                         "judges import judges.csv দিয়ে যোগ করবেন।",
                         "No judges have been added yet. The organiser adds them on the organiser's screen "
                         "(Add a judge) or with: kiosk judges import judges.csv"),
                    color::kAmber, color::kAmberLight);
    return y + margin - frame.top;
}

void StaffScreen::TryPin(Context& ui, Staff& staff, Navigation& nav) {
    const PinCheck check =
        who == Who::Organiser ? staff.LogInOrganiser(pin, ui.now) : staff.LogInJudge(judge, pin, ui.now);
    pin.clear();
    if (check.result == PinCheck::Result::Ok) {
        nav.go = Route{who == Who::Organiser ? ScreenId::Organiser : ScreenId::Judge, {}};
        nav.replace = true;
        Reset();
        return;
    }
    refused = check;
    if (check.result == PinCheck::Result::StoreFailed && check.failure)
        std::fprintf(stderr, "kiosk: the PIN could not be checked: %s\n", check.failure->what());
    if (check.locked_for_ms > 0) locked_until = ui.now + static_cast<double>(check.locked_for_ms) / 1000.0;
}

float StaffScreen::DrawPinPad(Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav) {
    ui.typing = true; // digits, Backspace and Enter from a keyboard too (and the scripted tests)
    const float margin = PageMargin(ui);
    const float width = std::min(frame.view.w - 2 * margin, ui.Px(560));
    const float x = frame.view.x + (frame.view.w - width) * 0.5f;
    float y = frame.top + margin * 0.5f;
    const bool locked = locked_until > ui.now;

    const std::string name = who == Who::Organiser ? ui.T("আয়োজক", "Organiser") : judge_name;
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y}, name, color::kText, {width, 1, Align::Center})
             .y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, ui.T("আপনার পিন দিন", "Enter your PIN"),
                  color::kTextMuted, {width, 1, Align::Center})
             .y +
         ui.Px(16);

    // One dot per digit typed, and empty rings up to the shortest PIN.
    const size_t slots = std::max(pin.size(), scoring::kShortestPin);
    const float dot = ui.Px(22), dot_gap = ui.Px(22);
    float dx = x + (width - static_cast<float>(slots) * (dot + dot_gap) + dot_gap) * 0.5f + dot * 0.5f;
    for (size_t i = 0; i < slots; ++i, dx += dot + dot_gap) {
        if (i < pin.size())
            ui.draw->AddCircleFilled({dx, y + dot}, dot * 0.5f, color::kText);
        else
            ui.draw->AddCircle({dx, y + dot}, dot * 0.5f, color::kBorder, 0, ui.Px(3));
    }
    y += dot * 2 + ui.Px(12);

    // Why the last PIN was not taken, in a fixed place so the keys never move.
    std::string note;
    ImU32 ink = color::kRed;
    if (locked) {
        note =
            std::string(ui.T("অনেকবার ভুল পিন। আবার চেষ্টা করা যাবে ", "Too many wrong PINs. Try again in ")) +
            Countdown(ui, locked_until - ui.now) + ui.T(" পরে।", ".");
    } else if (refused && refused->result == PinCheck::Result::WrongPin) {
        note = ui.Bengali()
                   ? "পিন মেলেনি। লক হওয়ার আগে আর " + ui.Number(refused->tries_left) + " বার চেষ্টা করা যাবে।"
                   : "That PIN is not right. " + ui.Number(refused->tries_left) +
                         (refused->tries_left == 1 ? " more try" : " more tries") + " before a lock-out.";
    } else if (refused && refused->result == PinCheck::Result::UnknownJudge) {
        note = who == Who::Organiser
                   ? ui.T("আয়োজকের পিন ঠিক করা হয়নি: kiosk organiser set-pin",
                          "No organiser PIN is set: kiosk organiser set-pin")
                   : ui.T("এই বিচারককে আর পাওয়া যাচ্ছে না।", "This judge is no longer on the list.");
    } else if (refused && refused->result == PinCheck::Result::StoreFailed && refused->failure) {
        note = std::string(ui.T("পিন যাচাই করা গেল না: ", "The PIN could not be checked: ")) +
               WhatFailed(*refused->failure, ui.lang) +
               ui.T("। আয়োজককে ডাকুন।", ". Please call the organiser.");
    } else if (refused && refused->result == PinCheck::Result::Locked) {
        note = ui.T("লক খোলা হয়েছে, আবার চেষ্টা করুন।", "The lock-out is over: try again.");
        ink = color::kTextMuted;
    }
    const float note_h = LineHeight(ui.theme, TextStyle::Body) * 2;
    if (!note.empty())
        DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, note, ink, {width, 2, Align::Center});
    y += note_h + ui.Px(8);

    // Enter and Escape from a keyboard too (the scripted tests); the pad reads digits and Backspace.
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) Reset();

    // The pad: big keys for a standing judge.
    const float key_gap = ui.Px(16), key_h = ui.Px(92);
    y += PinKeys(ui, x, y, width, key_h, key_gap, pin, scoring::kLongestPin, !locked) + ui.Px(8);

    const Rect ok{x, y, width, key_h};
    const bool ready = pin.size() >= scoring::kShortestPin && !locked;
    ui.Name("staff/login");
    if ((Button(ui, ok, ui.T("প্রবেশ করুন", "Log in"), ButtonKind::Primary, ready) || (enter && ready)))
        TryPin(ui, staff, nav);
    y += key_h + ui.Px(16);
    ui.Name("staff/another-name");
    if (Button(ui, {x, y, width, ui.Px(72)}, ui.T("অন্য নাম বেছে নিন", "Choose another name"))) Reset();
    y += ui.Px(72);
    return y + margin - frame.top;
}

} // namespace kiosk
