// The organiser's Sync tab (route "sync", under the console's tab bar; issue 12): the fair's key
// (set or not, its check code; on the hub the key itself as a short code and a QR code to type on
// each kiosk; entering it on the on-screen keyboard), the last contact with the hub (when, ok or
// why not) and the events waiting; on the hub each kiosk heard from, what sync refused (copied
// databases...), and the conflicts between kiosks, where the organiser picks the value that stands.
// Everything shown comes from the background sync's snapshot (kiosk/sync_worker.h) and the read
// model in memory: no SQL while drawing.
#pragma once

#include "content/model.h"
#include "kiosk/screens/screen.h"
#include "kiosk/staff.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/problem_words.h"
#include "kiosk/ui/qr_code.h"
#include "scoring/dnssd.h"
#include "scoring/sync_net.h"

#include <map>
#include <optional>
#include <string>

namespace kiosk {

struct SyncSnapshot;

// The words for sync's outcomes and problems, in the screen's language.
std::string OutcomeWords(scoring::SyncResult::Outcome outcome, content::Lang lang);
std::string ProblemWords(scoring::SyncProblem::Kind kind, content::Lang lang);
std::string BrowseWords(scoring::dnssd::BrowseError error, content::Lang lang);
std::string ConflictWords(scoring::MarkConflict::Kind kind, content::Lang lang);

struct SyncScreen {
    bool typing_key = false; // the key's editor is open
    std::string key_typed;
    std::string key_error;              // why the typed key was not taken
    std::string key_sent_check;         // the check code of the key handed to the worker, until stored
    std::string done;                   // what the last action did ("Conflict resolved: 7")
    std::optional<ui::Problem> problem; // why the last resolve was not saved
    ui::Keyboard keyboard;
    std::optional<ui::QrCode> qr;                   // the hub's key, encoded once
    std::map<std::string, std::string> judge_names; // key -> name, from the roster in memory
    uint64_t names_generation = ~uint64_t{0};

    float Draw(ui::Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav);

  private:
    float DrawKeyEditor(ui::Context& ui, Staff& staff, const ScrollFrame& frame);
    float DrawKey(ui::Context& ui, const SyncSnapshot& snap, float x, float y, float width);
    float DrawHubKey(ui::Context& ui, const SyncSnapshot& snap, float x, float y, float width);
    float DrawContact(ui::Context& ui, Staff& staff, const SyncSnapshot& snap, float x, float y, float width);
    float DrawPeers(ui::Context& ui, const SyncSnapshot& snap, float x, float y, float width);
    float DrawProblems(ui::Context& ui, const SyncSnapshot& snap, float x, float y, float width);
    float DrawConflicts(ui::Context& ui, Staff& staff, float x, float y, float width);
    float DrawConflict(ui::Context& ui, Staff& staff, const scoring::MarkConflict& conflict, float x, float y,
                       float width);
    void Resolve(ui::Context& ui, Staff& staff, const scoring::MarkConflict& conflict,
                 std::optional<int> value);
    const std::string& JudgeName(Staff& staff, const std::string& key);
};

} // namespace kiosk
