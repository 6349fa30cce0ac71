// The fair's result: each category's standings by the method the organiser picks (mean, trimmed
// mean or judge-corrected), places with an explained tie-break ladder, organiser settlements of
// declared ties, podium confidence by a fixed-seed bootstrap, and diagnostics of each judge.
//
// Pure functions: plain data in, plain data out. No SQL, no store, no content pack here; the glue
// that reads the store builds the input, and the screens, the command line and the PDF report all
// print the same output. Refusals are values (a code with its arguments), never exceptions.
// docs/results.md explains the methods, the ladder and the confidence in plain words.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scoring::ranking {

// ---- Names every output prints ------------------------------------------------------------------

enum class Method { Mean, TrimmedMean, JudgeCorrected };
const char* MethodName(Method method);                    // "mean", "trimmed", "corrected"
std::optional<Method> ParseMethod(std::string_view name); // the names above; nothing otherwise

// One step of the tie-break ladder.
enum class Step {
    Score,        // the method's score
    HeadToHead,   // the re-judge answers for the pair (or, for 3+ level entries, wins among them)
    Median,       // the median of the judges' totals
    TopCriterion, // mean marks on the highest-weighted criterion, as a percent of its max
    FirstChoices, // how many judges gave the entry their highest total in the category
};
const char* StepName(Step step); // "score", "head-to-head", "median", "top-criterion", "first-choices"
std::optional<Step> ParseStep(std::string_view name);

using Ladder = std::vector<Step>;
Ladder DefaultLadder(); // score, head-to-head, median, top-criterion, first-choices
// The ladder as used: Score first (the score always decides first; the ladder orders what breaks
// its ties), each step once, in the order given otherwise.
Ladder NormalisedLadder(const Ladder& ladder);
std::string LadderName(const Ladder& ladder); // "score,head-to-head,median,..."
// "score,median" (commas, optional spaces); nothing when a name is unknown or repeated.
std::optional<Ladder> ParseLadder(std::string_view text);

// ---- Input ---------------------------------------------------------------------------------------

struct CriterionSpec {
    std::string id;
    double weight = 1.0;
    int max_marks = 10;
};

// One SUBMITTED scorecard (drafts, recusals and conflicts are left out by the caller).
struct Card {
    std::string judge; // the judge's fair-wide key
    std::string entry;
    double percent = 0; // WeightedTotal::Percent() of the card: the one definition of a judge's total
    std::vector<std::pair<std::string, int>> marks; // criterion id, marks (a missing criterion counts 0)
};

struct CategoryInput {
    std::string category;
    std::vector<std::string> entries; // every entry of the category, in pack order, scored or not
    std::vector<CriterionSpec> criteria;
    std::vector<Card> cards; // a second card of the same judge and entry replaces the first
};

// A judge's answer to a head-to-head re-judge: which of the two entries is better.
struct HeadToHeadAnswer {
    std::string judge;
    std::string preferred;
    std::string other;
};

// The organiser settling a declared tie: `higher` is placed above `lower`.
struct Settlement {
    std::string higher;
    std::string lower;
    std::string reason;
};

// Given in event order: for one judge and pair of entries the last answer counts; for one pair of
// entries the last settlement counts. Items naming entries of another category are ignored.
struct Verdicts {
    std::vector<HeadToHeadAnswer> answers;
    std::vector<Settlement> settlements;
};

constexpr uint64_t kDefaultSeed = 0x6b696f736b2d3131; // "kiosk-11"
constexpr int kDefaultResamples = 1000;
constexpr int kTrimmedMinJudges = 5;        // judges every scored entry needs for the trimmed mean
constexpr double kStatisticalTieRate = 0.2; // a pair swapping in more resamples than this is flagged

struct Options {
    Method method = Method::Mean;
    Ladder ladder = DefaultLadder();
    int resamples = kDefaultResamples; // 0: no bootstrap (p_top3 and the pair checks are left empty)
    uint64_t seed = kDefaultSeed;
};

// ---- Output --------------------------------------------------------------------------------------

enum class RefusalCode {
    NoCards,           // no submitted card in the category
    TooFewJudges,      // trimmed mean: `entry` has only `judges` of `needed` judges
    DisconnectedDesign // judge-corrected: the judge-entry cards form `parts` separate groups
};
struct Refusal {
    RefusalCode code = RefusalCode::NoCards;
    std::string entry; // TooFewJudges: the entry with fewest judges (the first in pack order)
    int judges = 0;    // TooFewJudges: its judges
    int needed = 0;    // TooFewJudges: kTrimmedMinJudges
    int parts = 0;     // DisconnectedDesign: connected parts (2 or more; 1 only if a fit failed numerically)
    friend bool operator==(const Refusal&, const Refusal&) = default;
};
const char* RefusalName(RefusalCode code); // "no-cards", "too-few-judges", "disconnected-design"
std::string Describe(const Refusal& refusal, Method method); // an English sentence, for the command line

// What separated an entry from the one placed just below it.
struct Decision {
    enum class Kind {
        LadderStep,  // a step of the ladder (`step`)
        Organiser,   // the organiser settled the declared tie (`reason`)
        DeclaredTie, // nothing did: the same place
        Last,        // no ranked entry below it
    };
    Kind kind = Kind::Last;
    Step step = Step::Score;
    std::string reason;
    friend bool operator==(const Decision&, const Decision&) = default;
};
// The step's name, "settled by organiser", "declared tie" or "last".
std::string DecisionName(const Decision& decision);

struct Standing {
    std::string entry;
    int judges = 0;                      // submitted cards counted
    std::optional<double> score;         // the method's score in percent; none: unscored or refused
    std::optional<int> place;            // 1, 2, 2, 4 ("competition" places); none: unscored or refused
    std::optional<double> median;        // of the judges' totals; none: unscored
    std::optional<double> top_criterion; // mean marks on the top-weighted criteria, percent of max
    int first_choices = 0;               // judges whose highest total in the category went to it
    Decision decided_by;                 // against the next ranked entry below
    bool tie = false;                    // shares its place (a declared tie not settled)
    std::optional<double> p_top3;        // bootstrap: share of resamples it finished in the top 3
    bool statistical_tie = false;        // in a flagged 1st/2nd or 3rd/4th pair
};

// The entries in 1st and 2nd (or 3rd and 4th) position and how often the resamples swap them.
struct PairCheck {
    std::string upper, lower;
    double swap_rate = 0;         // share of resamples ranking `lower` above `upper`
    bool statistical_tie = false; // swap_rate > kStatisticalTieRate
};

// The judge-corrected fit's severity of a judge: how many points above (+) or below (−) the
// entries' scores his or her totals were, the judges of the category averaging 0.
struct JudgeSeverity {
    std::string judge;
    double severity = 0;
};

struct CategoryResult {
    std::string category;
    Method method = Method::Mean;
    Ladder ladder; // as used (normalised)
    std::optional<Refusal> refused;
    // Ranked entries in order of place (pack order within a declared tie), then the unscored ones
    // in pack order. When refused: every entry in pack order, with no score and no place.
    std::vector<Standing> standings;
    std::optional<PairCheck> first_second, third_fourth; // with the bootstrap and enough entries
    int resamples = 0;
    int fallback_resamples = 0;            // corrected: resamples whose design fell apart, scored by the mean
    std::vector<JudgeSeverity> severities; // corrected: each judge of the category, in order of first card
};

CategoryResult RankCategory(const CategoryInput& category, const Verdicts& verdicts, const Options& options);
std::vector<CategoryResult> Rank(const std::vector<CategoryInput>& categories, const Verdicts& verdicts,
                                 const Options& options);

// ---- Judge diagnostics (the organiser's console) -------------------------------------------------

constexpr double kFlatSpread = 2.0;     // SD of a judge's totals below this (percentage points): flat
constexpr int kFlatMinCards = 3;        // ...counted with at least this many cards
constexpr double kLowAgreement = 0.2;   // Spearman correlation with the others below this: disagrees
constexpr int kAgreementMinEntries = 3; // entries shared with other judges needed for an agreement

struct JudgeDiagnostics {
    std::string judge;
    int cards = 0;                   // submitted, over all categories
    double mean_total = 0;           // mean of the judge's totals
    std::optional<double> severity;  // mean of (own total − the other judges' mean) where others scored
    std::optional<double> spread;    // population SD of the judge's totals (2+ cards)
    std::optional<double> agreement; // Spearman: own totals vs the others' mean, 3+ shared entries
    int shared_entries = 0;          // entries the judge scored that others scored too
    bool flat = false;               // spread < kFlatSpread with kFlatMinCards+ cards
    bool disagrees = false;          // agreement < kLowAgreement
};

// One row per judge with a submitted card, by judge key.
std::vector<JudgeDiagnostics> DiagnoseJudges(const std::vector<CategoryInput>& categories);

} // namespace scoring::ranking
