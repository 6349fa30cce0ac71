// Before a judge submits: every criterion with the marks given (or "not scored"), the total,
// and the comment. Submit asks once more, then locks the card; after it, the next entry to score
// is one touch away.
#pragma once

#include "kiosk/screens/screen.h"
#include "kiosk/staff.h"
#include "kiosk/ui/problem_words.h"

#include <string>

namespace kiosk {

struct ReviewScreen {
    std::string entry;       // the card the state below belongs to
    bool confirming = false; // "Submit? The marks will be locked" is showing
    ui::Problem error;       // why the submit was not taken

    float Draw(ui::Context& ui, Staff& staff, const Route& route, const ScrollFrame& frame, Navigation& nav);
};

} // namespace kiosk
