// The staff's door, reached by a long press on the top bar's title from any screen: who are you
// (a judge, or the organiser), then a PIN pad. A right PIN opens the judge's entries or the
// organiser's screen; wrong ones count towards the lock-out, which the pad counts down.
#pragma once

#include "kiosk/screens/screen.h"
#include "kiosk/staff.h"

#include <optional>
#include <string>

namespace kiosk {

struct StaffScreen {
    enum class Who { Nobody, Judge, Organiser };
    Who who = Who::Nobody;
    scoring::JudgeId judge = 0;
    std::string judge_name;
    std::string pin;                          // ASCII digits typed so far
    std::optional<scoring::PinCheck> refused; // why the last PIN was not taken
    double locked_until = 0;                  // kiosk time the lock-out ends

    void Reset() { *this = StaffScreen{}; }
    float Draw(ui::Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav);
    double NextChange(double now) const; // the lock-out countdown ticks once a second

  private:
    float DrawChooser(ui::Context& ui, Staff& staff, const ScrollFrame& frame);
    float DrawPinPad(ui::Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav);
    void TryPin(ui::Context& ui, Staff& staff, Navigation& nav);
};

} // namespace kiosk
