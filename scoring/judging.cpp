#include "scoring/judging.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace scoring {

namespace {

bool JudgesCategory(const Judge& judge, const std::string& category) {
    return std::find(judge.categories.begin(), judge.categories.end(), category) != judge.categories.end();
}

} // namespace

std::pair<int, int> CountProgress(const std::vector<Assignment>& assignments) {
    int submitted = 0, to_score = 0;
    for (const Assignment& assignment : assignments) {
        if (assignment.status == CardStatus::RecusedOwnOffice ||
            assignment.status == CardStatus::ConflictDeclared)
            continue;
        ++to_score;
        if (assignment.status == CardStatus::Submitted) ++submitted;
    }
    return {submitted, to_score};
}

const char* ToString(CardStatus status) {
    switch (status) {
    case CardStatus::ToScore:
        return "to score";
    case CardStatus::Scoring:
        return "scoring";
    case CardStatus::Submitted:
        return "submitted";
    case CardStatus::RecusedOwnOffice:
        return "recused (own office)";
    case CardStatus::ConflictDeclared:
        return "conflict declared";
    }
    return "?";
}

int Scorecard::Scored() const {
    return static_cast<int>(
        std::count_if(marks.begin(), marks.end(), [](const Mark& m) { return m.marks.has_value(); }));
}

// Σ marks × weight ÷ Σ max × weight: the weighted total's one definition.
void WeightedTotal::Add(const content::Criterion& criterion, std::optional<int> given) {
    // Marks above the max were given before the organiser lowered it: they count as the max, so a
    // total never exceeds its maximum (`kiosk check --db` names each such mark).
    if (given) marks += std::clamp(*given, 0, criterion.max_marks) * criterion.weight;
    out_of += criterion.max_marks * criterion.weight;
}

WeightedTotal Weigh(const std::vector<Mark>& marks) {
    WeightedTotal total;
    for (const Mark& mark : marks)
        total.Add(*mark.criterion, mark.marks);
    return total;
}

namespace {

CardStatus StatusOf(const Judge& judge, const content::Innovation& entry, const StoredCard& stored,
                    int scored) {
    if (entry.office_id == judge.office) return CardStatus::RecusedOwnOffice;
    if (stored.conflict) return CardStatus::ConflictDeclared;
    if (stored.submitted) return CardStatus::Submitted;
    return scored > 0 ? CardStatus::Scoring : CardStatus::ToScore;
}

const StoredCard& OrBlank(const StoredCard* stored) {
    static const StoredCard kBlank;
    return stored ? *stored : kBlank;
}

} // namespace

Judging::Judging(Store& store, const content::FairContent& content, Clock clock)
    : m_content(content), m_judges(store, clock), m_log(store, clock) {
    for (const content::Criterion& criterion : m_content.rubric.criteria)
        m_criterion_ids.push_back(criterion.id);
}

Judging::~Judging() = default;

void Judging::ContentChanged() {
    m_criterion_ids.clear();
    for (const content::Criterion& criterion : m_content.rubric.criteria)
        m_criterion_ids.push_back(criterion.id);
    m_built.clear();
    m_overview = OverviewBuilt{};
}

LoginResult Judging::LogIn(JudgeId judge, std::string_view pin) {
    LoginResult result{m_judges.CheckPin(judge, pin), nullptr};
    if (result.check.result != PinCheck::Result::Ok) return result;
    if (!m_judges.Get(judge)) { // added by another program since the last refresh
        try {
            m_judges.Reload();
        } catch (const StoreFailure& failure) {
            return {{PinCheck::Result::StoreFailed, 0, 0, failure}, nullptr};
        }
    }
    if (const Judge* who = m_judges.Get(judge))
        result.session.reset(new JudgeSession(*this, *who)); // private constructor
    else
        result.check = {PinCheck::Result::UnknownJudge};
    return result;
}

bool Judging::Refresh() {
    try {
        const bool roster = m_judges.ReloadIfChanged();
        const bool cards = m_log.CatchUp();
        m_problem.reset();
        return roster || cards;
    } catch (const StoreFailure& failure) {
        m_problem = failure;
        return false;
    }
}

template <class Change> int64_t Judging::Saving(Change change) {
    try {
        const int64_t seq = change();
        m_problem.reset();
        return seq;
    } catch (const StoreFailure& failure) {
        m_problem = failure;
        throw;
    }
}

void Judging::Reopen(JudgeId judge, const std::string& entry, const std::string& reason) {
    Saving([&] { return m_log.Reopen(judge, entry, reason); });
    if (const Judge* who = m_judges.Get(judge)) ChangedOne(*who, entry);
}

std::vector<std::string> Judging::CheckAgainstPack(const NewJudge& judge) const {
    std::vector<std::string> problems;
    if (!m_content.FindOffice(judge.office))
        problems.push_back("unknown office \"" + judge.office + "\": not in fair.json");
    for (const std::string& category : judge.categories)
        if (!m_content.FindCategory(category))
            problems.push_back("unknown category \"" + category + "\": not in fair.json");
    return problems;
}

std::vector<std::string> Judging::CriterionIds() const {
    return m_criterion_ids;
}

Scorecard Judging::CardFrom(const Judge& judge, const content::Innovation& entry,
                            const StoredCard* found) const {
    const StoredCard& stored = OrBlank(found);
    Scorecard card;
    card.entry = entry.id;
    card.marks.reserve(m_content.rubric.criteria.size());
    for (const content::Criterion& criterion : m_content.rubric.criteria) {
        const auto given = stored.marks.find(criterion.id);
        card.marks.push_back(
            {&criterion, given == stored.marks.end() ? std::nullopt : std::optional<int>(given->second)});
    }
    card.comment = stored.comment;
    card.conflict_reason = stored.conflict.value_or("");
    card.status = StatusOf(judge, entry, stored, card.Scored());
    card.can_undo = stored.can_undo && card.status != CardStatus::RecusedOwnOffice;
    return card;
}

// What CardFrom gives, counted without building the card: the judge's list has 500 of them.
Assignment Judging::AssignmentFrom(const Judge& judge, const content::Innovation& entry,
                                   const StoredCard* found) const {
    const StoredCard& stored = OrBlank(found);
    Assignment assignment{entry.id};
    WeightedTotal total;
    for (const content::Criterion& criterion : m_content.rubric.criteria) {
        const auto given = stored.marks.find(criterion.id);
        const bool scored = given != stored.marks.end();
        assignment.scored += scored;
        total.Add(criterion, scored ? std::optional<int>(given->second) : std::nullopt);
    }
    assignment.criteria = static_cast<int>(m_content.rubric.criteria.size());
    assignment.status = StatusOf(judge, entry, stored, assignment.scored);
    assignment.weighted_percent = total.Percent();
    return assignment;
}

const std::vector<Assignment>& Judging::AssignmentsOf(const Judge& judge) {
    Built& built = m_built[judge.id];
    const uint64_t roster = m_judges.Generation(), cards = m_log.Book().VersionOf(judge.key);
    if (built.roster == roster && built.cards == cards && roster != 0) return built.assignments;
    built.assignments.clear();
    for (const content::Innovation& innovation : m_content.innovations)
        if (JudgesCategory(judge, innovation.category_id))
            built.assignments.push_back(
                AssignmentFrom(judge, innovation, m_log.Book().Find(judge.key, innovation.id)));
    built.roster = roster, built.cards = cards;
    return built.assignments;
}

// This process saved one event on one card: when the list was up to date just before, only that
// row changes (other programs' events come through Refresh and rebuild the list).
void Judging::ChangedOne(const Judge& judge, const std::string& entry) {
    const auto found = m_built.find(judge.id);
    const uint64_t cards = m_log.Book().VersionOf(judge.key);
    if (found == m_built.end() || found->second.roster != m_judges.Generation() ||
        found->second.cards + 1 != cards)
        return;
    for (Assignment& assignment : found->second.assignments)
        if (assignment.entry == entry)
            assignment =
                AssignmentFrom(judge, *m_content.FindInnovation(entry), m_log.Book().Find(judge.key, entry));
    found->second.cards = cards;
}

// [SECTION] The organiser's side

// Progress only: the cards' marks stay out of the organiser's view while judging runs.
const std::vector<JudgeProgress>& Judging::Overview() {
    OverviewBuilt& built = m_overview;
    if (built.roster != m_judges.Generation()) {
        built = {m_judges.Generation(), {}, {}};
        for (const Judge& judge : m_judges.List()) {
            built.progress.push_back({judge, {}, 0, 0});
            built.cards.push_back(UINT64_MAX);
        }
    }
    for (size_t i = 0; i < built.progress.size(); ++i) {
        JudgeProgress& progress = built.progress[i];
        const uint64_t cards = m_log.Book().VersionOf(progress.judge.key);
        if (built.cards[i] == cards) continue;
        progress.assignments = AssignmentsOf(progress.judge);
        std::tie(progress.submitted, progress.to_score) = CountProgress(progress.assignments);
        built.cards[i] = cards;
    }
    return built.progress;
}

// [SECTION] The judge's side

const Judge& JudgeSession::Current() const {
    const Judge* now = m_judging.m_judges.Get(m_judge.id);
    return now ? *now : m_judge;
}

const content::Innovation& JudgeSession::Assigned(const std::string& entry) const {
    const content::Innovation* innovation = m_judging.m_content.FindInnovation(entry);
    if (!innovation) throw Refused(Refusal::NoSuchEntry, {entry});
    if (!JudgesCategory(Current(), innovation->category_id))
        throw Refused(Refusal::NotAssigned, {entry, m_judge.name});
    return *innovation;
}

// A judge is recused from his or her own office's entries: they can be seen, never scored.
const content::Innovation& JudgeSession::Scorable(const std::string& entry) {
    const content::Innovation& innovation = Assigned(entry);
    if (innovation.office_id == Current().office)
        throw Refused(Refusal::RecusedOwnOffice, {entry, m_judge.name});
    return innovation;
}

Scorecard JudgeSession::Card(const std::string& entry) {
    return m_judging.CardFrom(Current(), Assigned(entry), m_judging.m_log.Book().Find(m_judge.key, entry));
}

Scorecard JudgeSession::Saved(const std::string& entry, int64_t seq) {
    m_judging.ChangedOne(Current(), entry);
    Scorecard card = Card(entry);
    card.last_saved_seq = seq;
    return card;
}

std::vector<Assignment> JudgeSession::Assignments() {
    return m_judging.AssignmentsOf(Current());
}

std::pair<int, int> JudgeSession::Progress() {
    return CountProgress(m_judging.AssignmentsOf(Current()));
}

Scorecard JudgeSession::SetMarks(const std::string& entry, const std::string& criterion, int marks) {
    Scorable(entry);
    const content::Criterion* found = m_judging.m_content.rubric.Find(criterion);
    if (!found) throw Refused(Refusal::NoSuchCriterion, {criterion});
    if (marks < 0 || marks > found->max_marks)
        throw Refused(Refusal::MarksOutOfRange,
                      {found->name.en, std::to_string(found->max_marks), std::to_string(marks), criterion});
    return Saved(entry, m_judging.Saving(
                            [&] { return m_judging.m_log.SetMarks(m_judge.id, entry, criterion, marks); }));
}

Scorecard JudgeSession::ClearMarks(const std::string& entry, const std::string& criterion) {
    Scorable(entry);
    if (!m_judging.m_content.rubric.Find(criterion)) throw Refused(Refusal::NoSuchCriterion, {criterion});
    return Saved(entry, m_judging.Saving([&] {
        return m_judging.m_log.SetMarks(m_judge.id, entry, criterion, std::nullopt);
    }));
}

Scorecard JudgeSession::SetComment(const std::string& entry, const std::string& comment) {
    Scorable(entry);
    return Saved(entry,
                 m_judging.Saving([&] { return m_judging.m_log.SetComment(m_judge.id, entry, comment); }));
}

Scorecard JudgeSession::Undo(const std::string& entry) {
    Scorable(entry);
    return Saved(entry, m_judging.Saving([&] { return m_judging.m_log.Undo(m_judge.id, entry); }));
}

Scorecard JudgeSession::Submit(const std::string& entry) {
    Scorable(entry);
    return Saved(entry, m_judging.Saving([&] {
        return m_judging.m_log.Submit(m_judge.id, entry, m_judging.m_criterion_ids);
    }));
}

Scorecard JudgeSession::DeclareConflict(const std::string& entry, const std::string& reason) {
    Scorable(entry);
    return Saved(
        entry, m_judging.Saving([&] { return m_judging.m_log.DeclareConflict(m_judge.id, entry, reason); }));
}

} // namespace scoring
