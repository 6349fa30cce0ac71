// The fair's result: scores by method, places by the tie-break ladder, settlements, the bootstrap's
// podium confidence and the judge diagnostics (see ranking.h and docs/results.md).
#include "scoring/ranking.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <tuple>
#include <type_traits>
#include <unordered_map>

namespace scoring::ranking {

// ---- Names ---------------------------------------------------------------------------------------

const char* MethodName(Method method) {
    switch (method) {
    case Method::Mean:
        return "mean";
    case Method::TrimmedMean:
        return "trimmed";
    case Method::JudgeCorrected:
        return "corrected";
    }
    return "mean";
}

std::optional<Method> ParseMethod(std::string_view name) {
    for (Method method : {Method::Mean, Method::TrimmedMean, Method::JudgeCorrected})
        if (name == MethodName(method)) return method;
    return std::nullopt;
}

const char* StepName(Step step) {
    switch (step) {
    case Step::Score:
        return "score";
    case Step::HeadToHead:
        return "head-to-head";
    case Step::Median:
        return "median";
    case Step::TopCriterion:
        return "top-criterion";
    case Step::FirstChoices:
        return "first-choices";
    }
    return "score";
}

std::optional<Step> ParseStep(std::string_view name) {
    for (Step step : DefaultLadder())
        if (name == StepName(step)) return step;
    return std::nullopt;
}

Ladder DefaultLadder() {
    return {Step::Score, Step::HeadToHead, Step::Median, Step::TopCriterion, Step::FirstChoices};
}

Ladder NormalisedLadder(const Ladder& ladder) {
    Ladder used{Step::Score};
    for (Step step : ladder)
        if (std::find(used.begin(), used.end(), step) == used.end()) used.push_back(step);
    return used;
}

std::string LadderName(const Ladder& ladder) {
    std::string name;
    for (Step step : ladder) {
        if (!name.empty()) name += ',';
        name += StepName(step);
    }
    return name;
}

std::optional<Ladder> ParseLadder(std::string_view text) {
    Ladder ladder;
    while (!text.empty()) {
        const size_t comma = text.find(',');
        std::string_view name = text.substr(0, comma);
        while (!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        const std::optional<Step> step = ParseStep(name);
        if (!step || std::find(ladder.begin(), ladder.end(), *step) != ladder.end()) return std::nullopt;
        ladder.push_back(*step);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    if (ladder.empty()) return std::nullopt;
    return ladder;
}

const char* RefusalName(RefusalCode code) {
    switch (code) {
    case RefusalCode::NoCards:
        return "no-cards";
    case RefusalCode::TooFewJudges:
        return "too-few-judges";
    case RefusalCode::DisconnectedDesign:
        return "disconnected-design";
    }
    return "no-cards";
}

std::string Describe(const Refusal& refusal, Method method) {
    const std::string name = MethodName(method);
    switch (refusal.code) {
    case RefusalCode::NoCards:
        return "No judge has submitted a scorecard in this category yet.";
    case RefusalCode::TooFewJudges:
        return std::string("The trimmed mean needs ") + std::to_string(refusal.needed) +
               " judges on every entry; " + refusal.entry + " has only " + std::to_string(refusal.judges) +
               ".";
    case RefusalCode::DisconnectedDesign:
        if (refusal.parts < 2) return "The judge-corrected method could not fit the cards of this category.";
        return "The judge-corrected method needs every judge and entry linked by shared judging; the "
               "cards of this category form " +
               std::to_string(refusal.parts) + " separate groups with no judge in common.";
    }
    return std::string("The ") + name + " method cannot be used for this category.";
}

std::string DecisionName(const Decision& decision) {
    switch (decision.kind) {
    case Decision::Kind::LadderStep:
        return StepName(decision.step);
    case Decision::Kind::Organiser:
        return "settled by organiser";
    case Decision::Kind::DeclaredTie:
        return "declared tie";
    case Decision::Kind::Last:
        return "last";
    }
    return "last";
}

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// Two values are level at a step when they round to the same multiple of 1e-9 (percent): sums of
// the same marks in another order, or a least-squares fit, differ by far less; real differences
// between judges' totals are far more.
int64_t LevelKey(double value) {
    return std::llround(value * 1e9);
}

// One category's submitted cards as indices: one cell per judge and entry.
struct Design {
    int entries = 0;                 // as CategoryInput::entries
    std::vector<std::string> judges; // distinct judge keys, in order of their first card
    struct Cell {
        int judge = 0, entry = 0;
        double total = 0;
        const Card* card = nullptr;
    };
    std::vector<Cell> cells;
    std::vector<std::vector<int>> by_entry, by_judge; // cell indices
};

Design BuildDesign(const CategoryInput& category) {
    Design design;
    design.entries = static_cast<int>(category.entries.size());
    std::unordered_map<std::string, int> entry_index, judge_index;
    for (size_t e = 0; e < category.entries.size(); ++e)
        entry_index.emplace(category.entries[e], static_cast<int>(e));
    std::map<std::pair<int, int>, int> cell_of; // (judge, entry) -> cell: a later card replaces
    for (const Card& card : category.cards) {
        const auto entry = entry_index.find(card.entry);
        if (entry == entry_index.end()) continue; // not an entry of this category
        const auto [judge, added] = judge_index.emplace(card.judge, static_cast<int>(design.judges.size()));
        if (added) design.judges.push_back(card.judge);
        const Design::Cell cell{judge->second, entry->second, card.percent, &card};
        const auto [at, fresh] = cell_of.emplace(std::pair(cell.judge, cell.entry), design.cells.size());
        if (fresh)
            design.cells.push_back(cell);
        else
            design.cells[at->second] = cell;
    }
    design.by_entry.resize(design.entries);
    design.by_judge.resize(design.judges.size());
    for (size_t c = 0; c < design.cells.size(); ++c) {
        design.by_entry[design.cells[c].entry].push_back(static_cast<int>(c));
        design.by_judge[design.cells[c].judge].push_back(static_cast<int>(c));
    }
    return design;
}

// How many times each judge counts: 1 each for the real cards, the draws of a bootstrap resample.
using Weights = std::vector<int>;

// Mean (or trimmed mean: one highest and one lowest total dropped when 3+ totals) per entry;
// kNone for an entry no counted judge scored.
std::vector<double> MeanScores(const Design& design, const Weights& weights, bool trimmed) {
    std::vector<double> sum(design.entries, 0.0), low(design.entries, 0.0), high(design.entries, 0.0);
    std::vector<int> count(design.entries, 0);
    for (size_t j = 0; j < design.judges.size(); ++j) {
        if (weights[j] == 0) continue;
        for (int c : design.by_judge[j]) {
            const Design::Cell& cell = design.cells[c];
            const int e = cell.entry;
            low[e] = count[e] == 0 ? cell.total : std::min(low[e], cell.total);
            high[e] = count[e] == 0 ? cell.total : std::max(high[e], cell.total);
            sum[e] += weights[j] * cell.total;
            count[e] += weights[j];
        }
    }
    std::vector<double> scores(design.entries, kNone);
    for (int e = 0; e < design.entries; ++e) {
        if (count[e] == 0) continue;
        scores[e] =
            trimmed && count[e] >= 3 ? (sum[e] - low[e] - high[e]) / (count[e] - 2) : sum[e] / count[e];
    }
    return scores;
}

// Connected parts of the bipartite judge-entry graph of the counted judges' cards. Every scored
// entry hangs on a judge, so it is enough to join, entry by entry, the judges who scored it
// (union-find over the judges only: small, and fast enough to run on every bootstrap resample).
int DesignParts(const Design& design, const Weights& weights) {
    std::vector<int> parent(design.judges.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](int node) {
        while (parent[node] != node)
            node = parent[node] = parent[parent[node]];
        return node;
    };
    for (const std::vector<int>& cells : design.by_entry) {
        int first = -1;
        for (int c : cells) {
            const int judge = design.cells[c].judge;
            if (weights[judge] == 0) continue;
            if (first < 0)
                first = root(judge);
            else
                parent[root(judge)] = first;
        }
    }
    int parts = 0;
    for (size_t judge = 0; judge < parent.size(); ++judge)
        if (weights[judge] > 0 && root(static_cast<int>(judge)) == static_cast<int>(judge)) ++parts;
    return parts;
}

// Judge-corrected scores: least squares of total(j,e) = a(e) + s(j), severities summing to zero
// over the counted judges (each draw of a judge counting as one judge), so a(e) = μ + quality(e)
// is on the scale of the mean. The entries are eliminated (Schur complement): what is left is a
// judges x judges system, L s = r, with L a weighted graph Laplacian; adding w wᵀ makes it
// positive definite exactly when the design is connected, and pins wᵀs = 0. Returns nothing when
// the design is not connected (the caller checks DesignParts first; a failed factorisation is
// the same thing seen numerically).
std::optional<std::vector<double>> CorrectedScores(const Design& design, const Weights& weights,
                                                   std::vector<double>* fitted_severity = nullptr) {
    std::vector<int> slot(design.judges.size(), -1);
    int counted = 0;
    for (size_t j = 0; j < design.judges.size(); ++j)
        if (weights[j] > 0) slot[j] = counted++;
    if (counted == 0) return std::nullopt;
    Eigen::MatrixXd system = Eigen::MatrixXd::Zero(counted, counted);
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(counted), w(counted);
    std::vector<double> entry_sum(design.entries, 0.0), entry_weight(design.entries, 0.0);
    for (size_t j = 0; j < design.judges.size(); ++j) {
        if (slot[j] < 0) continue;
        const double weight = weights[j];
        w[slot[j]] = weight;
        double own_sum = 0;
        for (int c : design.by_judge[j]) {
            own_sum += design.cells[c].total;
            entry_sum[design.cells[c].entry] += weight * design.cells[c].total;
            entry_weight[design.cells[c].entry] += weight;
        }
        system(slot[j], slot[j]) += weight * static_cast<double>(design.by_judge[j].size());
        rhs[slot[j]] += weight * own_sum;
    }
    std::vector<std::pair<int, double>> scorers; // (slot, weight) of one entry's counted judges
    for (int e = 0; e < design.entries; ++e) {
        if (entry_weight[e] == 0) continue;
        scorers.clear();
        for (int c : design.by_entry[e])
            if (const int j = design.cells[c].judge; slot[j] >= 0) scorers.emplace_back(slot[j], weights[j]);
        const double mean = entry_sum[e] / entry_weight[e];
        for (const auto& [a, wa] : scorers) {
            rhs[a] -= wa * mean;
            for (const auto& [b, wb] : scorers)
                system(a, b) -= wa * wb / entry_weight[e];
        }
    }
    system += w * w.transpose();
    const Eigen::LLT<Eigen::MatrixXd> factor(system);
    if (factor.info() != Eigen::Success) return std::nullopt;
    const Eigen::VectorXd severity = factor.solve(rhs);
    if (fitted_severity) {
        fitted_severity->assign(design.judges.size(), kNone);
        for (size_t j = 0; j < design.judges.size(); ++j)
            if (slot[j] >= 0) (*fitted_severity)[j] = severity[slot[j]];
    }
    std::vector<double> scores(design.entries, kNone);
    for (int e = 0; e < design.entries; ++e) {
        if (entry_weight[e] == 0) continue;
        double sum = entry_sum[e];
        for (int c : design.by_entry[e])
            if (const int j = design.cells[c].judge; slot[j] >= 0) sum -= weights[j] * severity[slot[j]];
        scores[e] = sum / entry_weight[e];
    }
    return scores;
}

// The method's scores for counted judges; falls back to the mean when a corrected design is not
// connected (`fell_back` says so).
std::vector<double> MethodScores(const Design& design, const Weights& weights, Method method,
                                 bool& fell_back) {
    fell_back = false;
    if (method == Method::JudgeCorrected) {
        if (DesignParts(design, weights) == 1)
            if (std::optional<std::vector<double>> scores = CorrectedScores(design, weights)) return *scores;
        fell_back = true;
        return MeanScores(design, weights, false);
    }
    return MeanScores(design, weights, method == Method::TrimmedMean);
}

std::optional<Refusal> CheckMethod(const CategoryInput& category, const Design& design, Method method) {
    if (design.cells.empty()) return Refusal{RefusalCode::NoCards, {}, 0, 0, 0};
    if (method == Method::TrimmedMean) {
        int fewest = -1;
        for (int e = 0; e < design.entries; ++e) {
            const size_t judges = design.by_entry[e].size();
            if (judges > 0 && (fewest < 0 || judges < design.by_entry[fewest].size())) fewest = e;
        }
        const int judges = static_cast<int>(design.by_entry[fewest].size());
        if (judges < kTrimmedMinJudges)
            return Refusal{RefusalCode::TooFewJudges, category.entries[fewest], judges, kTrimmedMinJudges, 0};
    }
    if (method == Method::JudgeCorrected) {
        const int parts = DesignParts(design, Weights(design.judges.size(), 1));
        if (parts > 1) return Refusal{RefusalCode::DisconnectedDesign, {}, 0, 0, parts};
    }
    return std::nullopt;
}

// ---- The ladder's other measures -----------------------------------------------------------------

double Median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t half = values.size() / 2;
    return values.size() % 2 ? values[half] : (values[half - 1] + values[half]) / 2;
}

// A card's marks on the highest-weighted criteria as a percent of their max marks (when several
// criteria share the top weight, they count together: Σ marks ÷ Σ max).
double TopCriterionPercent(const Card& card, const std::vector<CriterionSpec>& top) {
    double marks = 0, out_of = 0;
    for (const CriterionSpec& criterion : top) {
        out_of += criterion.max_marks;
        for (const auto& [id, given] : card.marks)
            if (id == criterion.id) marks += given;
    }
    return out_of > 0 ? marks / out_of * 100.0 : 0.0;
}

std::vector<CriterionSpec> TopCriteria(const std::vector<CriterionSpec>& criteria) {
    std::vector<CriterionSpec> top;
    for (const CriterionSpec& criterion : criteria) {
        if (!top.empty() && LevelKey(criterion.weight) > LevelKey(top.front().weight)) top.clear();
        if (top.empty() || LevelKey(criterion.weight) == LevelKey(top.front().weight))
            top.push_back(criterion);
    }
    return top;
}

struct Measures {
    std::vector<double> median, top_criterion; // kNone: unscored
    std::vector<int> first_choices;
};

Measures Measure(const Design& design, const std::vector<CriterionSpec>& criteria) {
    Measures measures{std::vector<double>(design.entries, kNone), std::vector<double>(design.entries, kNone),
                      std::vector<int>(design.entries, 0)};
    const std::vector<CriterionSpec> top = TopCriteria(criteria);
    for (int e = 0; e < design.entries; ++e) {
        if (design.by_entry[e].empty()) continue;
        std::vector<double> totals;
        double top_sum = 0;
        for (int c : design.by_entry[e]) {
            totals.push_back(design.cells[c].total);
            top_sum += TopCriterionPercent(*design.cells[c].card, top);
        }
        measures.median[e] = Median(totals);
        measures.top_criterion[e] = top_sum / static_cast<double>(totals.size());
    }
    for (const std::vector<int>& cells : design.by_judge) { // every entry given the judge's highest total
        int64_t best = std::numeric_limits<int64_t>::min();
        for (int c : cells)
            best = std::max(best, LevelKey(design.cells[c].total));
        for (int c : cells)
            if (LevelKey(design.cells[c].total) == best) ++measures.first_choices[design.cells[c].entry];
    }
    return measures;
}

// ---- Places --------------------------------------------------------------------------------------

// Entries level so far, in display order, and what separates the group from the next one below.
struct Group {
    std::vector<int> members;
    Decision below;
};

// Net head-to-head preferences per pair (smaller index first): + means the first is preferred.
using PairTally = std::map<std::pair<int, int>, int>;

PairTally TallyAnswers(const std::vector<HeadToHeadAnswer>& answers,
                       const std::unordered_map<std::string, int>& entry_index) {
    std::map<std::tuple<std::string, int, int>, int> last; // (judge, pair) -> preferred: last answer counts
    for (const HeadToHeadAnswer& answer : answers) {
        const auto preferred = entry_index.find(answer.preferred), other = entry_index.find(answer.other);
        if (preferred == entry_index.end() || other == entry_index.end() ||
            preferred->second == other->second)
            continue;
        const int a = std::min(preferred->second, other->second),
                  b = std::max(preferred->second, other->second);
        last[{answer.judge, a, b}] = preferred->second;
    }
    PairTally tally;
    for (const auto& [key, preferred] : last) {
        const auto& [judge, a, b] = key;
        tally[{a, b}] += preferred == a ? 1 : -1;
    }
    return tally;
}

// Head-to-head within a level group: each entry's wins minus losses against the others of the
// group (for two entries, simply which one more of the answering judges preferred).
std::vector<int64_t> HeadToHeadKeys(const std::vector<int>& members, const PairTally& tally) {
    std::vector<int64_t> keys(members.size(), 0);
    for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = 0; y < members.size(); ++y) {
            if (x == y) continue;
            const int a = std::min(members[x], members[y]), b = std::max(members[x], members[y]);
            const auto found = tally.find({a, b});
            if (found == tally.end() || found->second == 0) continue;
            const bool x_preferred = (found->second > 0) == (members[x] == a);
            keys[x] += x_preferred ? 1 : -1;
        }
    return keys;
}

// Splits each group by `keys` (higher first), keeping the order within runs of equal keys.
template <class KeysOf>
std::vector<Group> Refine(const std::vector<Group>& groups, Step step, KeysOf keys_of) {
    std::vector<Group> refined;
    for (const Group& group : groups) {
        if (group.members.size() < 2) {
            refined.push_back(group);
            continue;
        }
        const std::vector<int64_t> keys = keys_of(group.members);
        std::vector<size_t> order(keys.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return keys[x] > keys[y]; });
        for (size_t i = 0; i < order.size(); ++i) {
            if (i == 0 || keys[order[i]] != keys[order[i - 1]]) {
                if (i > 0) refined.back().below = Decision{Decision::Kind::LadderStep, step, {}};
                refined.push_back(Group{{}, group.below});
            }
            refined.back().members.push_back(group.members[order[i]]);
        }
    }
    return refined;
}

// Splits a declared tie by the organiser's settlements: first the entries no settlement puts
// below another of the group, then the next layer... A cycle leaves the rest tied.
std::vector<Group> SettleGroup(const Group& group,
                               const std::vector<std::tuple<int, int, std::string>>& settled) {
    std::vector<Group> layers;
    std::vector<int> left = group.members;
    auto in = [](const std::vector<int>& set, int entry) {
        return std::find(set.begin(), set.end(), entry) != set.end();
    };
    while (!left.empty()) {
        std::vector<int> free, rest;
        for (int entry : left) {
            bool below_another = false;
            for (const auto& [higher, lower, reason] : settled)
                below_another = below_another || (lower == entry && in(left, higher));
            (below_another ? rest : free).push_back(entry);
        }
        if (free.empty()) free.swap(rest); // a cycle: what is left stays tied
        if (!layers.empty()) {
            layers.back().below = Decision{Decision::Kind::Organiser, Step::Score, {}};
            for (const auto& [higher, lower, reason] : settled)
                if (in(layers.back().members, higher) && in(free, lower)) {
                    layers.back().below.reason = reason;
                    break;
                }
        }
        layers.push_back(Group{free, group.below});
        left.swap(rest);
    }
    return layers;
}

std::vector<Group> Settle(const std::vector<Group>& groups, const std::vector<Settlement>& settlements,
                          const std::unordered_map<std::string, int>& entry_index) {
    std::map<std::pair<int, int>, std::tuple<int, int, std::string>> last; // per pair: the last counts
    for (const Settlement& settlement : settlements) {
        const auto higher = entry_index.find(settlement.higher), lower = entry_index.find(settlement.lower);
        if (higher == entry_index.end() || lower == entry_index.end() || higher->second == lower->second)
            continue;
        const int a = std::min(higher->second, lower->second), b = std::max(higher->second, lower->second);
        last[{a, b}] = {higher->second, lower->second, settlement.reason};
    }
    std::vector<std::tuple<int, int, std::string>> settled;
    for (const auto& [pair, settlement] : last)
        settled.push_back(settlement);
    std::vector<Group> result;
    for (const Group& group : groups) {
        if (group.members.size() < 2 || settled.empty()) {
            result.push_back(group);
            continue;
        }
        for (Group& layer : SettleGroup(group, settled))
            result.push_back(std::move(layer));
    }
    return result;
}

std::vector<Group> PlaceEntries(const std::vector<int>& ranked, const std::vector<double>& scores,
                                const Measures& measures, const Ladder& ladder, const Verdicts& verdicts,
                                const std::unordered_map<std::string, int>& entry_index) {
    std::vector<Group> groups{Group{ranked, Decision{}}};
    const PairTally tally = TallyAnswers(verdicts.answers, entry_index);
    auto by = [](const auto& values) {
        return [values = &values](const std::vector<int>& members) {
            std::vector<int64_t> keys;
            for (int e : members) {
                if constexpr (std::is_same_v<std::decay_t<decltype((*values)[e])>, int>)
                    keys.push_back((*values)[e]);
                else
                    keys.push_back(LevelKey((*values)[e]));
            }
            return keys;
        };
    };
    for (Step step : ladder) {
        switch (step) {
        case Step::Score:
            groups = Refine(groups, step, by(scores));
            break;
        case Step::HeadToHead:
            groups = Refine(groups, step,
                            [&](const std::vector<int>& members) { return HeadToHeadKeys(members, tally); });
            break;
        case Step::Median:
            groups = Refine(groups, step, by(measures.median));
            break;
        case Step::TopCriterion:
            groups = Refine(groups, step, by(measures.top_criterion));
            break;
        case Step::FirstChoices:
            groups = Refine(groups, step, by(measures.first_choices));
            break;
        }
    }
    return Settle(groups, verdicts.settlements, entry_index);
}

// ---- Bootstrap -----------------------------------------------------------------------------------

// A uniform index in [0, n) from the generator's raw 64-bit output by rejection, the same on every
// standard library (std::uniform_int_distribution is not).
size_t UniformIndex(std::mt19937_64& generator, size_t n) {
    const uint64_t range = static_cast<uint64_t>(n);
    const uint64_t limit =
        std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % range;
    uint64_t draw = generator();
    while (draw >= limit)
        draw = generator();
    return static_cast<size_t>(draw % range);
}

// FNV-1a: each category gets its own stream, so adding a category changes no other's figures.
uint64_t Fnv1a(const std::string& text) {
    uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text)
        hash = (hash ^ c) * 1099511628211ull;
    return hash;
}

struct BootstrapCounts {
    std::vector<int> top3;
    int swaps_12 = 0, swaps_34 = 0, fallbacks = 0;
};

// Resamples the category's judges with replacement, scores each resample by the method and ranks it
// by score alone (level scores keep the real standings' order; an entry no drawn judge scored
// comes last); counts top-3 finishes and swaps of the 1st/2nd and 3rd/4th pairs.
BootstrapCounts Bootstrap(const Design& design, Method method, const std::vector<int>& order, int resamples,
                          uint64_t seed) {
    BootstrapCounts counts{std::vector<int>(design.entries, 0)};
    std::vector<int> position(design.entries, std::numeric_limits<int>::max());
    for (size_t p = 0; p < order.size(); ++p)
        position[order[p]] = static_cast<int>(p);
    std::mt19937_64 generator(seed);
    Weights weights(design.judges.size());
    constexpr int64_t kUnscored = std::numeric_limits<int64_t>::min(); // below every score
    std::vector<int64_t> keys(design.entries, kUnscored);
    for (int r = 0; r < resamples; ++r) {
        std::fill(weights.begin(), weights.end(), 0);
        for (size_t draw = 0; draw < design.judges.size(); ++draw)
            ++weights[UniformIndex(generator, weights.size())];
        bool fell_back = false;
        const std::vector<double> scores = MethodScores(design, weights, method, fell_back);
        counts.fallbacks += fell_back ? 1 : 0;
        for (int e : order)
            keys[e] = std::isnan(scores[e]) ? kUnscored : LevelKey(scores[e]);
        auto above = [&](int x, int y) { // x ranks above y in this resample
            return keys[x] != keys[y] ? keys[x] > keys[y] : position[x] < position[y];
        };
        std::array<int, 3> best{-1, -1, -1};
        for (int e : order) {
            if (keys[e] == kUnscored) continue;
            for (int slot = 0; slot < 3; ++slot) {
                if (best[slot] >= 0 && !above(e, best[slot])) continue;
                for (int move = 2; move > slot; --move)
                    best[move] = best[move - 1];
                best[slot] = e;
                break;
            }
        }
        for (int e : best)
            if (e >= 0) ++counts.top3[e];
        if (order.size() >= 2 && above(order[1], order[0])) ++counts.swaps_12;
        if (order.size() >= 4 && above(order[3], order[2])) ++counts.swaps_34;
    }
    return counts;
}

std::optional<PairCheck> CheckPair(const std::vector<std::string>& entries, const std::vector<int>& order,
                                   size_t upper, int swaps, int resamples) {
    if (resamples == 0 || order.size() <= upper + 1) return std::nullopt;
    PairCheck check{entries[order[upper]], entries[order[upper + 1]]};
    check.swap_rate = static_cast<double>(swaps) / resamples;
    check.statistical_tie = check.swap_rate > kStatisticalTieRate;
    return check;
}

Standing BaseStanding(const CategoryInput& category, const Design& design, const Measures& measures, int e) {
    Standing standing;
    standing.entry = category.entries[e];
    standing.judges = static_cast<int>(design.by_entry[e].size());
    if (!std::isnan(measures.median[e])) standing.median = measures.median[e];
    if (!std::isnan(measures.top_criterion[e])) standing.top_criterion = measures.top_criterion[e];
    standing.first_choices = measures.first_choices[e];
    return standing;
}

// The ranked entries' standings, group by group: a group of several is a declared tie.
void AppendRanked(CategoryResult& result, const CategoryInput& category, const Design& design,
                  const Measures& measures, const std::vector<Group>& groups,
                  const std::vector<double>& scores, const BootstrapCounts& counts) {
    auto flagged = [&](const std::string& entry) {
        for (const std::optional<PairCheck>& pair : {result.first_second, result.third_fourth})
            if (pair && pair->statistical_tie && (pair->upper == entry || pair->lower == entry)) return true;
        return false;
    };
    int place = 1;
    for (const Group& group : groups) {
        for (size_t i = 0; i < group.members.size(); ++i) {
            const int e = group.members[i];
            Standing standing = BaseStanding(category, design, measures, e);
            standing.score = scores[e];
            standing.place = place;
            standing.tie = group.members.size() > 1;
            standing.decided_by = i + 1 < group.members.size()
                                      ? Decision{Decision::Kind::DeclaredTie, Step::Score, {}}
                                      : group.below;
            if (result.resamples > 0)
                standing.p_top3 = static_cast<double>(counts.top3[e]) / result.resamples;
            standing.statistical_tie = flagged(standing.entry);
            result.standings.push_back(std::move(standing));
        }
        place += static_cast<int>(group.members.size());
    }
}

} // namespace

// ---- Ranking a category --------------------------------------------------------------------------

CategoryResult RankCategory(const CategoryInput& category, const Verdicts& verdicts, const Options& options) {
    CategoryResult result;
    result.category = category.category;
    result.method = options.method;
    result.ladder = NormalisedLadder(options.ladder);
    const Design design = BuildDesign(category);
    const Measures measures = Measure(design, category.criteria);
    auto refuse = [&](Refusal refusal) { // every entry in pack order, no score, no place
        result.refused = std::move(refusal);
        for (int e = 0; e < design.entries; ++e)
            result.standings.push_back(BaseStanding(category, design, measures, e));
        return result;
    };
    if (std::optional<Refusal> refusal = CheckMethod(category, design, options.method))
        return refuse(*refusal);
    std::unordered_map<std::string, int> entry_index;
    std::vector<int> ranked, unscored;
    for (int e = 0; e < design.entries; ++e) {
        entry_index.emplace(category.entries[e], e);
        (design.by_entry[e].empty() ? unscored : ranked).push_back(e);
    }
    const Weights everyone(design.judges.size(), 1);
    std::vector<double> scores, severity;
    if (options.method == Method::JudgeCorrected) {
        std::optional<std::vector<double>> fitted = CorrectedScores(design, everyone, &severity);
        if (!fitted) // not expected: a connected design always factorises; never show a mean as corrected
            return refuse(Refusal{RefusalCode::DisconnectedDesign, {}, 0, 0, 1});
        scores = std::move(*fitted);
        for (size_t j = 0; j < design.judges.size(); ++j)
            result.severities.push_back({design.judges[j], severity[j]});
    } else {
        scores = MeanScores(design, everyone, options.method == Method::TrimmedMean);
    }
    const std::vector<Group> groups =
        PlaceEntries(ranked, scores, measures, result.ladder, verdicts, entry_index);

    std::vector<int> order;
    for (const Group& group : groups)
        order.insert(order.end(), group.members.begin(), group.members.end());
    result.resamples = std::max(options.resamples, 0);
    const BootstrapCounts counts =
        Bootstrap(design, options.method, order, result.resamples, options.seed ^ Fnv1a(category.category));
    result.fallback_resamples = counts.fallbacks;
    result.first_second = CheckPair(category.entries, order, 0, counts.swaps_12, result.resamples);
    result.third_fourth = CheckPair(category.entries, order, 2, counts.swaps_34, result.resamples);

    AppendRanked(result, category, design, measures, groups, scores, counts);
    for (int e : unscored)
        result.standings.push_back(BaseStanding(category, design, measures, e));
    return result;
}

std::vector<CategoryResult> Rank(const std::vector<CategoryInput>& categories, const Verdicts& verdicts,
                                 const Options& options) {
    std::vector<CategoryResult> results;
    for (const CategoryInput& category : categories)
        results.push_back(RankCategory(category, verdicts, options));
    return results;
}

// ---- Judge diagnostics ---------------------------------------------------------------------------

namespace {

std::vector<double> AverageRanks(const std::vector<double>& values) {
    std::vector<size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return values[x] < values[y]; });
    std::vector<double> ranks(values.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j + 1 < order.size() && LevelKey(values[order[j + 1]]) == LevelKey(values[order[i]]))
            ++j;
        for (size_t k = i; k <= j; ++k)
            ranks[order[k]] = (static_cast<double>(i + j) / 2.0) + 1.0;
        i = j + 1;
    }
    return ranks;
}

// Spearman's rank correlation (Pearson's of the average ranks); nothing when either side is constant.
std::optional<double> Spearman(const std::vector<double>& x, const std::vector<double>& y) {
    const std::vector<double> rx = AverageRanks(x), ry = AverageRanks(y);
    const double n = static_cast<double>(x.size());
    const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / n,
                 my = std::accumulate(ry.begin(), ry.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < rx.size(); ++i) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    if (sxx < 1e-12 || syy < 1e-12) return std::nullopt;
    return sxy / std::sqrt(sxx * syy);
}

} // namespace

std::vector<JudgeDiagnostics> DiagnoseJudges(const std::vector<CategoryInput>& categories) {
    struct Scored {
        std::string judge;
        double total;
    };
    std::map<std::pair<size_t, int>, std::vector<Scored>> by_entry; // (category, entry) -> cards
    for (size_t k = 0; k < categories.size(); ++k) {
        const Design design = BuildDesign(categories[k]);
        for (const Design::Cell& cell : design.cells)
            by_entry[{k, cell.entry}].push_back({design.judges[cell.judge], cell.total});
    }
    struct Collected {
        std::vector<double> totals, own_shared, others_shared;
    };
    std::map<std::string, Collected> by_judge;
    for (const auto& [entry, cards] : by_entry) {
        double sum = 0;
        for (const Scored& card : cards)
            sum += card.total;
        for (const Scored& card : cards) {
            Collected& collected = by_judge[card.judge];
            collected.totals.push_back(card.total);
            if (cards.size() < 2) continue;
            collected.own_shared.push_back(card.total);
            collected.others_shared.push_back((sum - card.total) / static_cast<double>(cards.size() - 1));
        }
    }
    std::vector<JudgeDiagnostics> diagnostics;
    for (const auto& [judge, collected] : by_judge) {
        JudgeDiagnostics row;
        row.judge = judge;
        row.cards = static_cast<int>(collected.totals.size());
        const double n = static_cast<double>(collected.totals.size());
        row.mean_total = std::accumulate(collected.totals.begin(), collected.totals.end(), 0.0) / n;
        if (collected.totals.size() >= 2) {
            double squares = 0;
            for (double total : collected.totals)
                squares += (total - row.mean_total) * (total - row.mean_total);
            row.spread = std::sqrt(squares / n);
        }
        row.shared_entries = static_cast<int>(collected.own_shared.size());
        if (row.shared_entries > 0) {
            double difference = 0;
            for (size_t i = 0; i < collected.own_shared.size(); ++i)
                difference += collected.own_shared[i] - collected.others_shared[i];
            row.severity = difference / row.shared_entries;
        }
        if (row.shared_entries >= kAgreementMinEntries)
            row.agreement = Spearman(collected.own_shared, collected.others_shared);
        row.flat = row.cards >= kFlatMinCards && row.spread && *row.spread < kFlatSpread;
        row.disagrees = row.agreement && *row.agreement < kLowAgreement;
        diagnostics.push_back(std::move(row));
    }
    return diagnostics;
}

} // namespace scoring::ranking
