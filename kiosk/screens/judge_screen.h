// A judge's own screen after logging in: progress (৭/১২ submitted) and every entry assigned,
// each with where its scorecard stands. Entries of the judge's own office, and those with a
// declared conflict, are listed greyed with the reason. No other judge's scores, no standings.
#pragma once

#include "kiosk/screens/screen.h"
#include "kiosk/staff.h"

namespace kiosk {

// How a card's state reads on a chip: words and colours, shared with the organiser's view.
struct StatusLook {
    std::string text;
    ImU32 ink, fill;
};
StatusLook LookOf(const ui::Context& ui, const scoring::Assignment& assignment);

struct JudgeScreen {
    float Draw(ui::Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav);
};

} // namespace kiosk
