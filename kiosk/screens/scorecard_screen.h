// One judge's scorecard for one entry: each criterion of the fair's rubric with its guidance and
// a row of large mark buttons. There is no default mark: "not scored" looks different from any
// score. Every tap is saved before the screen says so; undo takes back the last change. An
// optional comment and a conflict of interest (with a reason) are typed on the on-screen keyboard.
// A submitted card is shown locked; an entry of the judge's own office shows why it is not theirs.
#pragma once

#include "kiosk/screens/screen.h"
#include "kiosk/staff.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/problem_words.h"

#include <string>

namespace kiosk {

struct ScorecardScreen {
    enum class Mode { Marks, Comment, Conflict };
    Mode mode = Mode::Marks;
    std::string entry; // the card the state below belongs to
    std::string draft; // the comment or reason being typed
    ui::Keyboard keyboard;
    ui::Problem error;      // why the last change was not saved
    std::string saved_time; // local time of the last change saved from this screen (none after a failure)

    float Draw(ui::Context& ui, Staff& staff, const Route& route, const ScrollFrame& frame, Navigation& nav);

  private:
    float DrawMarks(ui::Context& ui, Staff& staff, const scoring::Scorecard& card, const ScrollFrame& frame,
                    Navigation& nav);
    float DrawHeading(ui::Context& ui, const content::FairContent& fair, const scoring::Scorecard& card,
                      float x, float y, float width, Navigation& nav);
    float DrawCriterion(ui::Context& ui, Staff& staff, const scoring::Scorecard& card, size_t index, float x,
                        float y, float width, const ScrollFrame& frame);
    void DrawActionBar(ui::Context& ui, Staff& staff, const scoring::Scorecard& card, const ui::Rect& bar,
                       float x, float width, bool edit_comment, Navigation& nav);
    float DrawEditor(ui::Context& ui, Staff& staff, const scoring::Scorecard& card, const ScrollFrame& frame);
    // Runs one change; journals it and notes the time when saved, keeps the reason when not.
    template <class Change> void Save(Staff& staff, const std::string& what, Change change);
};

// The entry's title, office and category as a judge needs them at the top of a card.
float EntryHeader(ui::Context& ui, const content::FairContent& fair, const content::Innovation& entry,
                  float x, float y, float width);

} // namespace kiosk
