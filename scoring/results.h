// The fair's result as the organiser sees it: the ranking (scoring/ranking.h, pure) fed from the
// read model (the active judges' submitted cards, the head-to-head answers and settled ties) and
// the pack; which cards are still missing (provisional); the re-judge queue for statistical ties;
// and finalising: a snapshot with a SHA-256 of the events and standings it came from, checked
// again on every read so that a final result whose events changed says so.
//
// The same code serves the console, `kiosk results` and the report. The organiser's choices of
// method and ladder are kept in the store (meta), so every output of one fair says the same.
#pragma once

#include "content/model.h"
#include "scoring/judging.h"
#include "scoring/ranking.h"

#include <optional>
#include <string>
#include <vector>

namespace scoring {

// A scorecard the result is still waiting for: assigned, to score, not submitted.
struct MissingCard {
    std::string judge_key, judge_name, entry;
    CardStatus status = CardStatus::ToScore; // ToScore or Scoring
};

struct CategoryStandings {
    const content::Category* category = nullptr; // into the pack given to ComputeResults
    ranking::CategoryResult result;
    std::vector<MissingCard> missing; // provisional while any
    bool Provisional() const { return !missing.empty(); }
};

// A pair the bootstrap could not tell apart, and the judges who scored both and may be asked
// which is better (the answer is a `prefer` event, used by the ladder's head-to-head step).
struct RejudgePair {
    std::string category, upper, lower;
    double swap_rate = 0;
    std::vector<std::string> judges_to_ask; // keys: scored both, not yet answered for this pair
    std::vector<std::string> answered;      // keys
};

// The last finalisation, when it stands (no reopening since).
struct Finalisation {
    int64_t seq = 0; // of the finalise event, on `kiosk`
    std::string kiosk;
    int64_t at_ms = 0;
    std::string hash;    // SHA-256 (hex) of the events and standings it was computed from
    std::string method;  // as finalised
    bool intact = false; // the events and standings still hash the same
};

struct FairResults {
    ranking::Options options;
    std::vector<CategoryStandings> categories; // in the pack's order
    std::vector<ranking::JudgeDiagnostics> diagnostics;
    std::vector<RejudgePair> rejudge;
    std::string hash;                  // of the events and these standings, now
    std::optional<Finalisation> final; // set while finalised (check `intact`)

    bool Provisional() const; // any category with missing cards
    bool Final() const { return final && final->intact; }
};

// The method and ladder the organiser chose (meta `results_method`, `results_ladder`), else the defaults.
ranking::Options LoadResultsOptions(Store& store);
void SaveResultsOptions(Store& store, const ranking::Options& options);

// Computes everything from the events and the pack. Reads the events (SQL) for the hash: call it
// outside drawing. Throws StoreFailure.
FairResults ComputeResults(Judging& judging, const content::FairContent& content,
                           const ranking::Options& options);

// The standings as JSON: the shape `kiosk results --json` prints and the snapshot keeps.
std::string ResultsJson(const FairResults& results, int indent = 2);

// Records the finalisation (a `finalise` event holding the snapshot). Refused with
// ResultsProvisional while cards are missing, ResultsAlreadyFinal while finalised (intact or not:
// reopen first). While final, the organiser cannot reopen a card either (ScoreLog::Reopen).
void Finalise(Judging& judging, const FairResults& results);
// Reopens final results with a reason (an `unfinalise` event).
void ReopenResults(Judging& judging, const std::string& reason);

} // namespace scoring
