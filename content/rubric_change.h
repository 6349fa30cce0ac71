// A changed rubric while the kiosk runs: what changed between two rubrics, and what the content
// watch does with the rubric of a pack saved again. Judges must never find their card's criteria
// swapped under them: a rubric that cannot be read keeps the one they have, and a change once
// scores exist waits for the organiser to accept it (recorded as a `rubric` event).
#pragma once

#include "content/model.h"
#include "content/pack_loader.h"

#include <string>
#include <vector>

namespace content {

struct RubricChange {
    struct Max {
        std::string id;
        int before = 0, after = 0;
    };
    std::vector<std::string> added, removed; // criterion ids
    std::vector<Max> max_changed;
    std::vector<std::string> weight_changed; // ids whose weight changed
    std::vector<std::string> reworded;       // ids whose name or guidance changed, nothing else
    bool order_changed = false;

    bool Empty() const;
    // In English for the trail and the log: "added "x"; removed "y"; max of "z" 10 -> 5; ...".
    std::string Describe() const;
};

RubricChange CompareRubrics(const Rubric& before, const Rubric& after);

enum class RubricUpdate {
    Same,           // the same criteria: take the pack as it is
    Take,           // changed, but nothing is scored yet: take it
    KeepUnreadable, // rubric.json cannot be read (half saved, not JSON, a broken criterion): keep the one
                    // before
    KeepMissing,    // rubric.json is gone while scores exist: keep the one before (a folder half copied?)
    Hold,           // changed while scores exist: judges keep the one before until the organiser accepts it
};

// What to do with the rubric of `next`, a pack loaded again, when the judges have `current`.
RubricUpdate DecideRubric(const Rubric& current, const LoadedPack& next, bool scores_exist);

} // namespace content
