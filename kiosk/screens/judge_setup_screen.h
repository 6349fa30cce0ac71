// The organiser sets up a judge on the touchscreen (route "judge-setup/new" or "judge-setup/ID",
// from the organiser's Judging tab): the name on the on-screen keyboard, the office (one of the
// pack's offices: the judge is recused from its entries), the categories judged (any of the
// pack's), and a PIN typed twice on a PIN pad (required for a new judge; when changing a judge,
// none keeps the PIN). A judge can also be removed, after asking once more; the store keeps the
// row for the audit trail. Saves go through staff.Judging().Registry(); a refusal is shown and
// the draft stays as it was, so nothing typed is lost.
#pragma once

#include "kiosk/screens/screen.h"
#include "kiosk/staff.h"
#include "kiosk/ui/keyboard.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// A judge's id in a route ("judge-setup/3"): digits only, above 0; nothing for "new" or junk.
std::optional<scoring::JudgeId> ParseJudgeId(const std::string& text);

struct JudgeSetupScreen {
    enum class Field { None, Name, Pin, PinAgain };
    std::string
        for_id; // the route id the state below belongs to ("new" or a judge id); empty: nothing loaded
    scoring::NewJudge draft;   // the form; draft.pin is set once the PIN was typed twice alike
    Field field = Field::None; // the name editor or a step of the PIN pad, over the form
    std::string name_before;   // the name when its editor opened, back on Cancel
    std::string pin_typed;     // digits on the PIN pad, ASCII
    std::string pin_first;     // the first entry, while the second is typed
    bool pin_mismatch = false; // the second entry was not the same as the first
    ui::Keyboard keyboard;
    std::string error; // why the last save or removal was refused
    bool confirming_removal = false;

    // route.id: "new", or a judge id as text
    float Draw(ui::Context& ui, Staff& staff, const Route& route, const ScrollFrame& frame, Navigation& nav);

  private:
    bool Load(Staff& staff, const std::string& id);
    float DrawForm(ui::Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav);
    float DrawIntro(ui::Context& ui, float x, float y, float width);
    float DrawNameField(ui::Context& ui, float x, float y, float width);
    float DrawOffices(ui::Context& ui, const content::FairContent& fair, float x, float y, float width);
    float DrawCategories(ui::Context& ui, const content::FairContent& fair, float x, float y, float width);
    float DrawPinRow(ui::Context& ui, float x, float y, float width);
    static std::vector<std::string> NotInPack(const ui::Context& ui, const content::FairContent& fair,
                                              const scoring::NewJudge& checked);
    void DrawBar(ui::Context& ui, Staff& staff, const ui::Rect& bar, float x, float width,
                 const scoring::NewJudge& checked, bool pack_knows_all, Navigation& nav);
    float DrawName(ui::Context& ui, const ScrollFrame& frame);
    float DrawPinPad(ui::Context& ui, const ScrollFrame& frame);
    void Save(ui::Context& ui, Staff& staff, Navigation& nav);
    void Remove(ui::Context& ui, Staff& staff, Navigation& nav);
    // Back to the organiser's screen, which says `notice` (what was saved), if any.
    void Leave(Navigation& nav, std::string notice = {});
    bool Editing() const { return for_id != "new"; }
};

} // namespace kiosk
