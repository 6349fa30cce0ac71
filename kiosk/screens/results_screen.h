// The organiser's results, the third tab of the console (behind the organiser's PIN; judges never
// see it): per category the method in use and the tie-break ladder, provisional or final (the
// cards still missing; the snapshot's hash and whether the events still hash the same), the
// standings with what decided each place and how sure it is, settling a declared tie with a
// reason, the re-judge queue for statistical ties, the judges' diagnostics, and finalising or
// reopening the results. The results are computed by Staff between frames, never while drawing.
#pragma once

#include "kiosk/screens/screen.h"
#include "kiosk/staff.h"
#include "kiosk/ui/keyboard.h"

#include <optional>
#include <string>

namespace kiosk {

struct ResultsScreen {
    enum class Mode { Standings, Settle, Reopen };
    // Something the screen says in both languages (worded when drawn, so the language button rewords it).
    struct Note {
        std::string bn, en;
        bool Empty() const { return en.empty(); }
    };

    std::string category; // the category shown (its id); the pack's first when empty or gone
    Mode mode = Mode::Standings;
    bool confirm_finalise = false;
    std::string settle_higher, settle_lower, reason; // settling a declared tie; the reason typed
    ui::Keyboard keyboard;
    std::optional<ui::Problem> problem; // why the last action was not done
    Note done, note;                    // what the last action did; a hint of the screen's own

    float Draw(ui::Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav);
    void Arrive(const Arrival&) {
        mode = Mode::Standings;
        confirm_finalise = false;
        Clear();
    }

  private:
    void Clear() { problem.reset(), done = {}, note = {}; }
    float DrawMethod(ui::Context& ui, Staff& staff, const scoring::FairResults& results, float x, float y,
                     float width);
    float DrawState(ui::Context& ui, Staff& staff, const scoring::FairResults& results, float x, float y,
                    float width);
    float DrawFinaliseButtons(ui::Context& ui, Staff& staff, const scoring::FairResults& results, float x,
                              float y, float width);
    float DrawCategoryPicker(ui::Context& ui, const content::FairContent& fair,
                             const scoring::FairResults& results, float x, float y, float width);
    float DrawStandings(ui::Context& ui, Staff& staff, const scoring::CategoryStandings& standings,
                        bool may_settle, float x, float y, float width, const ScrollFrame& frame);
    // One entry's row; true when its "settle" was pressed (`settle`: it is in a declared tie to settle).
    bool DrawStanding(ui::Context& ui, const content::FairContent& fair,
                      const scoring::ranking::Standing& standing, bool settle, const ui::Rect& row);
    float DrawMissing(ui::Context& ui, const content::FairContent& fair,
                      const scoring::CategoryStandings& standings, float x, float y, float width);
    float DrawRejudge(ui::Context& ui, Staff& staff, const scoring::FairResults& results, float x, float y,
                      float width);
    float DrawDiagnostics(ui::Context& ui, Staff& staff, const scoring::FairResults& results, float x,
                          float y, float width, const ScrollFrame& frame);
    float DrawSettle(ui::Context& ui, Staff& staff, const ScrollFrame& frame);
    float DrawReopen(ui::Context& ui, Staff& staff, const ScrollFrame& frame);
    float DrawSaid(ui::Context& ui, float x, float y, float width); // the problem, note and done banners
};

} // namespace kiosk
