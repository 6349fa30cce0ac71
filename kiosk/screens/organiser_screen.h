// The organiser's screen, behind the organiser's PIN (a long press on the top bar's title, then
// "Organiser"). Three tabs: judging (each judge's progress, never the scores; reopening a
// submitted card with a reason that is kept; unlocking a judge locked out by wrong PINs; the ways
// to the judge set-up screen, to add a judge or change one) and the
// content (what pack is showing, what was left out of it and why, what became of the last update);
// and the results, a screen of its own (kiosk/screens/results_screen.cpp) under the same tab bar.
#pragma once

#include "content/pack_loader.h"
#include "kiosk/screens/screen.h"
#include "kiosk/staff.h"
#include "kiosk/ui/keyboard.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// What the organiser screen reports about the content.
struct ContentStatus {
    const content::LoadedPack* pack = nullptr;
    std::string loaded_at;                      // local time the showing pack was loaded, "14:05:09"
    std::optional<content::LoadedPack> refused; // the last update that could not be used
    std::string refused_at;
    // The rubric judges score with is never swapped silently (content/rubric_change.h):
    std::string rubric_kept;                    // why rubric.json is not used now ("" when it is)
    std::optional<content::Rubric> held_rubric; // a changed rubric waiting for the organiser
    std::string held_change, held_at;           // what changed in it (English), and when it came
    std::function<std::string()> accept_rubric; // the organiser accepts it: "" or what went wrong
    std::string rubric_accepted_at;             // when the organiser last accepted one
};

// The organiser's console tabs. The tab is in the route, so Back and Home behave: "organiser" is
// judging, the same screen with the id "content" the content; the results are the "results" screen,
// sync the "sync" screen.
enum class OrganiserTab { Judging, Content, Results, Sync };
// The tab bar at `y` (a segmented control); a tap on another tab asks to go there. Returns the y below.
float OrganiserTabs(ui::Context& ui, float x, float y, float width, OrganiserTab current, Navigation& nav);

struct OrganiserScreen {
    // Reopening a submitted card: whose, which, and the reason being typed.
    std::optional<scoring::JudgeId> reopen_judge;
    std::string reopen_entry, reason, error, done;
    ui::Keyboard keyboard;

    float Draw(ui::Context& ui, const ContentStatus& status, Staff& staff, const Route& route,
               const ScrollFrame& frame, Navigation& nav);
    // A notice from the screen before (the judge set-up: "Shirin Akter: judge added"), said on the
    // judging tab it leads to.
    void Arrive(const Arrival& arrival) { done = arrival.notice; }

  private:
    float DrawJudging(ui::Context& ui, Staff& staff, float x, float y, float width, const ScrollFrame& frame,
                      Navigation& nav);
    // A judge's card on the judging tab: progress, Change and Unlock, and each submitted card to reopen.
    void DrawJudgeCard(ui::Context& ui, Staff& staff, const scoring::JudgeProgress& progress,
                       const std::vector<const scoring::Assignment*>& submitted, const ui::Rect& card,
                       Navigation& nav);
    float DrawReopen(ui::Context& ui, Staff& staff, const ScrollFrame& frame);
    float DrawContent(ui::Context& ui, const ContentStatus& status, float x, float y, float width,
                      const ScrollFrame& frame);
    float DrawRubricState(ui::Context& ui, const ContentStatus& status, float x, float y, float width);
    std::string rubric_error; // accepting the held rubric failed: why
};

} // namespace kiosk
