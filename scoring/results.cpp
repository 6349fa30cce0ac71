#include "scoring/results.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <map>
#include <set>

namespace scoring {

namespace {

using nlohmann::json;

// [SECTION] The ranking's input from the read model

struct Inputs {
    std::vector<ranking::CategoryInput> categories;
    std::vector<std::vector<MissingCard>> missing; // per category, same order
};

std::vector<ranking::CriterionSpec> Criteria(const content::Rubric& rubric) {
    std::vector<ranking::CriterionSpec> specs;
    for (const content::Criterion& criterion : rubric.criteria)
        specs.push_back({criterion.id, criterion.weight, criterion.max_marks});
    return specs;
}

// Every active judge's submitted cards go to the ranking; assigned cards not submitted are missing.
// A removed judge's cards are not counted: the organiser removed him or her from the fair.
Inputs GatherInputs(Judging& judging, const content::FairContent& content) {
    Inputs inputs;
    std::map<std::string, size_t> index; // category id -> position
    for (const content::Category& category : content.categories) {
        index[category.id] = inputs.categories.size();
        ranking::CategoryInput& input = inputs.categories.emplace_back();
        input.category = category.id;
        input.criteria = Criteria(content.rubric);
        for (const content::Innovation* entry : content.ByCategory(category.id))
            input.entries.push_back(entry->id);
    }
    inputs.missing.resize(inputs.categories.size());
    const CardBook& book = judging.Log().Book();
    for (const JudgeProgress& progress : judging.Overview()) {
        for (const Assignment& assignment : progress.assignments) {
            const content::Innovation* entry = content.FindInnovation(assignment.entry);
            if (!entry || !index.count(entry->category_id)) continue;
            const size_t at = index.at(entry->category_id);
            if (assignment.status == CardStatus::ToScore || assignment.status == CardStatus::Scoring) {
                inputs.missing[at].push_back(
                    {progress.judge.key, progress.judge.name, assignment.entry, assignment.status});
            } else if (assignment.status == CardStatus::Submitted) {
                ranking::Card card{progress.judge.key, assignment.entry, assignment.weighted_percent, {}};
                if (const StoredCard* stored = book.Find(progress.judge.key, assignment.entry))
                    card.marks.assign(stored->marks.begin(), stored->marks.end());
                inputs.categories[at].cards.push_back(std::move(card));
            }
        }
    }
    return inputs;
}

ranking::Verdicts VerdictsOf(const CardBook& book) {
    ranking::Verdicts verdicts;
    for (const Event& event : book.Decisions()) {
        if (event.kind == EventKind::Prefer)
            verdicts.answers.push_back({event.judge, event.entry, event.other});
        if (event.kind == EventKind::Settle)
            verdicts.settlements.push_back({event.entry, event.other, event.text});
    }
    return verdicts;
}

// [SECTION] The re-judge queue

bool Answered(const CardBook& book, const std::string& judge, const std::string& a, const std::string& b) {
    for (const Event& event : book.Decisions())
        if (event.kind == EventKind::Prefer && event.judge == judge &&
            ((event.entry == a && event.other == b) || (event.entry == b && event.other == a)))
            return true;
    return false;
}

void AddRejudge(FairResults& results, const ranking::CategoryInput& input, const ranking::PairCheck& pair,
                const CardBook& book) {
    if (!pair.statistical_tie) return;
    RejudgePair rejudge{input.category, pair.upper, pair.lower, pair.swap_rate, {}, {}};
    std::map<std::string, int> scored; // judge -> how many of the two
    for (const ranking::Card& card : input.cards)
        if (card.entry == pair.upper || card.entry == pair.lower) ++scored[card.judge];
    for (const auto& [judge, count] : scored) {
        if (count < 2) continue;
        (Answered(book, judge, pair.upper, pair.lower) ? rejudge.answered : rejudge.judges_to_ask)
            .push_back(judge);
    }
    results.rejudge.push_back(std::move(rejudge));
}

// [SECTION] JSON and the hash

json Number(const std::optional<double>& value) {
    return value ? json(std::round(*value * 1e6) / 1e6) : json(nullptr); // stable to print and to hash
}

json StandingJson(const ranking::Standing& standing) {
    return {{"entry", standing.entry},
            {"score", Number(standing.score)},
            {"place", standing.place ? json(*standing.place) : json(nullptr)},
            {"judges", standing.judges},
            {"tie", standing.tie},
            {"p_top3", Number(standing.p_top3)},
            {"statistical_tie", standing.statistical_tie},
            {"median", Number(standing.median)},
            {"decided_by", ranking::DecisionName(standing.decided_by)}};
}

json CategoryJson(const CategoryStandings& category) {
    json standings = json::array(), missing = json::array();
    for (const ranking::Standing& standing : category.result.standings)
        standings.push_back(StandingJson(standing));
    for (const MissingCard& card : category.missing)
        missing.push_back(
            {{"judge", card.judge_name}, {"entry", card.entry}, {"status", ToString(card.status)}});
    json refused = nullptr;
    if (category.result.refused)
        refused = {{"code", ranking::RefusalName(category.result.refused->code)},
                   {"reason", ranking::Describe(*category.result.refused, category.result.method)}};
    return {{"id", category.category->id},
            {"provisional", category.Provisional()},
            {"refused", refused},
            {"missing", missing},
            {"standings", standings}};
}

// What the hash and the snapshot keep: the method, the ladder and every category's standings.
json StandingsJson(const FairResults& results) {
    json categories = json::array();
    for (const CategoryStandings& category : results.categories)
        categories.push_back(CategoryJson(category));
    return {{"method", ranking::MethodName(results.options.method)},
            {"ladder", ranking::LadderName(results.options.ladder)},
            {"categories", categories}};
}

std::string Sha256Hex(const std::string& text) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

// Every event the result depends on, in a fixed order ((kiosk, seq): the same in every store),
// then the standings. Finalising and reopening are left out: they are about the result, not of it.
std::string ResultsHash(const std::vector<Event>& events, const json& standings) {
    std::vector<const Event*> sorted;
    for (const Event& event : events)
        if (event.kind != EventKind::Finalise && event.kind != EventKind::Unfinalise)
            sorted.push_back(&event);
    std::sort(sorted.begin(), sorted.end(), [](const Event* a, const Event* b) {
        return std::tie(a->kiosk, a->seq) < std::tie(b->kiosk, b->seq);
    });
    json trail = json::array();
    for (const Event* e : sorted)
        trail.push_back({e->kiosk, e->seq, e->judge, e->entry, ToString(e->kind), e->criterion,
                         e->value ? json(*e->value) : json(nullptr), e->text, e->other, e->undoes_kiosk,
                         e->undoes_seq, e->by_organiser, e->from_paper});
    return Sha256Hex(trail.dump() + "\n" + standings.dump());
}

// The finalisation standing now: the last finalise event with no reopening after it.
std::optional<Finalisation> StandingFinalisation(const CardBook& book, ranking::Options& frozen) {
    std::optional<Finalisation> final;
    for (const Event& event : book.Decisions()) {
        if (event.kind == EventKind::Unfinalise) final.reset();
        if (event.kind != EventKind::Finalise) continue;
        const json snapshot = json::parse(event.text, nullptr, false);
        if (snapshot.is_discarded() || !snapshot.is_object())
            continue; // not ours: ignored, and said by `intact`
        final = Finalisation{
            event.seq, event.kiosk, event.at_ms, snapshot.value("hash", ""), snapshot.value("method", ""),
            false};
        if (auto method = ranking::ParseMethod(final->method)) frozen.method = *method;
        if (auto ladder = ranking::ParseLadder(snapshot.value("ladder", ""))) frozen.ladder = *ladder;
    }
    return final;
}

} // namespace

bool FairResults::Provisional() const {
    return std::any_of(categories.begin(), categories.end(),
                       [](const CategoryStandings& c) { return c.Provisional(); });
}

ranking::Options LoadResultsOptions(Store& store) {
    ranking::Options options;
    if (auto method = ranking::ParseMethod(store.Meta("results_method"))) options.method = *method;
    if (auto ladder = ranking::ParseLadder(store.Meta("results_ladder"))) options.ladder = *ladder;
    return options;
}

void SaveResultsOptions(Store& store, const ranking::Options& options) {
    store.SetMeta("results_method", ranking::MethodName(options.method));
    store.SetMeta("results_ladder", ranking::LadderName(options.ladder));
}

FairResults ComputeResults(Judging& judging, const content::FairContent& content,
                           const ranking::Options& options) {
    judging.Refresh();
    const CardBook& book = judging.Log().Book();
    FairResults results;
    results.options = options;
    results.final = StandingFinalisation(book, results.options); // final results keep their method
    const Inputs inputs = GatherInputs(judging, content);
    const std::vector<ranking::CategoryResult> ranked =
        ranking::Rank(inputs.categories, VerdictsOf(book), results.options);
    for (size_t i = 0; i < ranked.size(); ++i) {
        results.categories.push_back({&content.categories[i], ranked[i], inputs.missing[i]});
        for (const auto& pair : {ranked[i].first_second, ranked[i].third_fourth})
            if (pair) AddRejudge(results, inputs.categories[i], *pair, book);
    }
    results.diagnostics = ranking::DiagnoseJudges(inputs.categories);
    results.hash = ResultsHash(judging.Log().Events(), StandingsJson(results));
    if (results.final) results.final->intact = results.final->hash == results.hash;
    return results;
}

std::string ResultsJson(const FairResults& results, int indent) {
    json out = StandingsJson(results);
    out["final"] = results.Final();
    out["hash"] = results.hash;
    out["finalised"] = nullptr;
    if (results.final)
        out["finalised"] = {{"hash", results.final->hash},
                            {"intact", results.final->intact},
                            {"kiosk", results.final->kiosk},
                            {"seq", results.final->seq}};
    json judges = json::array();
    for (const ranking::JudgeDiagnostics& d : results.diagnostics)
        judges.push_back({{"judge", d.judge},
                          {"cards", d.cards},
                          {"mean_total", Number(d.mean_total)},
                          {"severity", Number(d.severity)},
                          {"spread", Number(d.spread)},
                          {"agreement", Number(d.agreement)},
                          {"flat", d.flat},
                          {"disagrees", d.disagrees}});
    out["judges"] = judges;
    return out.dump(indent);
}

void Finalise(Judging& judging, const FairResults& results) {
    if (results.final) throw Refused(Refusal::ResultsAlreadyFinal, {}); // intact or not: reopen first
    size_t missing = 0;
    for (const CategoryStandings& category : results.categories)
        missing += category.missing.size();
    if (missing > 0) throw Refused(Refusal::ResultsProvisional, {std::to_string(missing)});
    const json snapshot = {{"hash", results.hash},
                           {"method", ranking::MethodName(results.options.method)},
                           {"ladder", ranking::LadderName(results.options.ladder)},
                           {"standings", StandingsJson(results)}};
    judging.Log().Finalise(snapshot.dump());
}

void ReopenResults(Judging& judging, const std::string& reason) {
    judging.Log().Unfinalise(reason);
}

} // namespace scoring
