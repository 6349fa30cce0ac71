// A judge's own screen after logging in: progress (৭/১২ submitted) and every entry assigned,
// each with where its scorecard stands. Entries of the judge's own office, and those with a
// declared conflict, are listed greyed with the reason. No other judge's scores, no standings.
// When the organiser's results need this judge to compare two entries too close to call (the
// head-to-head re-judge), a card asks "Which is better?" above the list: titles and offices only.
#pragma once

#include "kiosk/screens/screen.h"
#include "kiosk/staff.h"

#include <optional>

namespace kiosk {

// How a card's state reads on a chip: words and colours, shared with the organiser's view.
struct StatusLook {
    std::string text;
    ImU32 ink, fill;
};
StatusLook LookOf(const ui::Context& ui, const scoring::Assignment& assignment);

struct JudgeScreen {
    std::optional<ui::Problem> problem; // why the last answer was not saved
    bool answered = false;              // an answer was saved: "thank you" until the next question

    float Draw(ui::Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav);

  private:
    // The head-to-head question(s); returns the y below.
    float DrawQuestions(ui::Context& ui, Staff& staff, float x, float y, float width);
};

} // namespace kiosk
