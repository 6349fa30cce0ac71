#include "scoring/judging.h"

#include <algorithm>

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

WeightedTotal Weigh(const std::vector<Mark>& marks) {
    WeightedTotal total;
    for (const Mark& mark : marks) {
        if (mark.marks) total.marks += *mark.marks * mark.criterion->weight;
        total.out_of += mark.criterion->max_marks * mark.criterion->weight;
    }
    return total;
}

Judging::Judging(Store& store, const content::FairContent& content, Clock clock)
    : m_content(content), m_judges(store, clock), m_log(store, clock) {
    for (const content::Criterion& criterion : m_content.rubric.criteria)
        m_criterion_ids.push_back(criterion.id);
}

Judging::~Judging() = default;

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
                            const StoredCard* stored) const {
    static const StoredCard kBlank;
    if (!stored) stored = &kBlank;
    Scorecard card;
    card.entry = entry.id;
    card.marks.reserve(m_content.rubric.criteria.size());
    for (const content::Criterion& criterion : m_content.rubric.criteria) {
        const auto found = stored->marks.find(criterion.id);
        card.marks.push_back(
            {&criterion, found == stored->marks.end() ? std::nullopt : std::optional<int>(found->second)});
    }
    card.comment = stored->comment;
    card.conflict_reason = stored->conflict.value_or("");
    card.can_undo = stored->can_undo;
    if (entry.office_id == judge.office)
        card.status = CardStatus::RecusedOwnOffice, card.can_undo = false;
    else if (stored->conflict)
        card.status = CardStatus::ConflictDeclared;
    else if (stored->submitted)
        card.status = CardStatus::Submitted;
    else
        card.status = card.Scored() > 0 ? CardStatus::Scoring : CardStatus::ToScore;
    return card;
}

const std::vector<Assignment>& Judging::AssignmentsOf(const Judge& judge) {
    Built& built = m_built[judge.id];
    const uint64_t roster = m_judges.Generation(), cards = m_log.Book().VersionOf(judge.key);
    if (built.roster == roster && built.cards == cards && roster != 0) return built.assignments;
    built.assignments.clear();
    for (const content::Innovation& innovation : m_content.innovations) {
        if (!JudgesCategory(judge, innovation.category_id)) continue;
        const Scorecard card = CardFrom(judge, innovation, m_log.Book().Find(judge.key, innovation.id));
        built.assignments.push_back({innovation.id, card.status, card.Scored(),
                                     static_cast<int>(card.marks.size()), card.Weighted().Percent()});
    }
    built.roster = roster, built.cards = cards;
    return built.assignments;
}

// [SECTION] The organiser's side

// Progress only: the cards' marks stay out of the organiser's view while judging runs.
std::vector<JudgeProgress> Judging::Overview() {
    std::vector<JudgeProgress> overview;
    const std::vector<Judge> roster = m_judges.List();
    overview.reserve(roster.size());
    for (const Judge& judge : roster) {
        const std::vector<Assignment>& assignments = AssignmentsOf(judge);
        const auto [submitted, to_score] = CountProgress(assignments);
        overview.push_back({judge, assignments, submitted, to_score});
    }
    return overview;
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
