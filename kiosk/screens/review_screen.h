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

  private:
    // The buttons under the marks, by where the card stands; returns the y below them.
    float DrawActions(ui::Context& ui, Staff& staff, scoring::JudgeSession& session,
                      const scoring::Scorecard& card, float x, float y, float width, Navigation& nav);
    // An open, fully scored card: Submit, then "Submit? The marks will be locked", then the submit itself.
    float DrawSubmit(ui::Context& ui, Staff& staff, scoring::JudgeSession& session, float x, float y,
                     float width, Navigation& nav);
};

} // namespace kiosk
