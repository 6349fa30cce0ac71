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

Judging::Judging(Store& store, const content::FairContent& content, Clock clock)
    : m_content(content), m_judges(store, clock), m_log(store, clock) {}

Judging::~Judging() = default;

LoginResult Judging::LogIn(JudgeId judge, std::string_view pin) {
    LoginResult result{m_judges.CheckPin(judge, pin), nullptr};
    if (result.check.result == PinCheck::Result::Ok)
        result.session.reset(new JudgeSession(*this, *m_judges.Find(judge))); // private constructor
    return result;
}

void Judging::Reopen(JudgeId judge, const std::string& entry, const std::string& reason) {
    m_log.Reopen(judge, entry, reason);
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
    std::vector<std::string> ids;
    for (const content::Criterion& criterion : m_content.rubric.criteria)
        ids.push_back(criterion.id);
    return ids;
}

Scorecard Judging::CardFrom(const Judge& judge, const content::Innovation& entry,
                            const StoredCard& stored) const {
    Scorecard card;
    card.entry = entry.id;
    for (const content::Criterion& criterion : m_content.rubric.criteria) {
        const auto found = stored.marks.find(criterion.id);
        card.marks.push_back(
            {&criterion, found == stored.marks.end() ? std::nullopt : std::optional<int>(found->second)});
    }
    card.comment = stored.comment;
    card.conflict_reason = stored.conflict.value_or("");
    card.can_undo = stored.can_undo;
    if (entry.office_id == judge.office)
        card.status = CardStatus::RecusedOwnOffice, card.can_undo = false;
    else if (stored.conflict)
        card.status = CardStatus::ConflictDeclared;
    else if (stored.submitted)
        card.status = CardStatus::Submitted;
    else
        card.status = card.Scored() > 0 ? CardStatus::Scoring : CardStatus::ToScore;
    return card;
}

std::vector<Assignment> Judging::AssignmentsOf(const Judge& judge) {
    const std::map<std::string, StoredCard> stored = m_log.CardsOf(judge.id);
    std::vector<Assignment> assignments;
    for (const content::Innovation& innovation : m_content.innovations) {
        if (!JudgesCategory(judge, innovation.category_id)) continue;
        const auto found = stored.find(innovation.id);
        const Scorecard card =
            CardFrom(judge, innovation, found == stored.end() ? StoredCard{} : found->second);
        assignments.push_back(
            {innovation.id, card.status, card.Scored(), static_cast<int>(card.marks.size())});
    }
    return assignments;
}

// [SECTION] The organiser's side

// Progress only: the cards' marks stay in the log, out of the organiser's view while judging runs.
std::vector<JudgeProgress> Judging::Overview() {
    std::vector<JudgeProgress> overview;
    for (Judge& judge : m_judges.List()) {
        std::vector<Assignment> assignments = AssignmentsOf(judge);
        const auto [submitted, to_score] = CountProgress(assignments);
        overview.push_back({std::move(judge), std::move(assignments), submitted, to_score});
    }
    return overview;
}

// [SECTION] The judge's side

const content::Innovation& JudgeSession::Assigned(const std::string& entry) const {
    const content::Innovation* innovation = m_judging.m_content.FindInnovation(entry);
    if (!innovation) throw Refused("there is no entry \"" + entry + "\" at this fair");
    if (!JudgesCategory(m_judge, innovation->category_id))
        throw Refused("\"" + entry + "\" is not in a category " + m_judge.name + " judges");
    return *innovation;
}

// A judge is recused from his or her own office's entries: they can be seen, never scored.
const content::Innovation& JudgeSession::Scorable(const std::string& entry) {
    const content::Innovation& innovation = Assigned(entry);
    if (innovation.office_id == m_judge.office)
        throw Refused(m_judge.name + " is recused from \"" + entry +
                      "\": it is an entry of the judge's own office");
    return innovation;
}

Scorecard JudgeSession::Card(const std::string& entry) {
    return m_judging.CardFrom(m_judge, Assigned(entry), m_judging.m_log.Card(m_judge.id, entry));
}

Scorecard JudgeSession::Saved(const std::string& entry, int64_t seq) {
    Scorecard card = Card(entry);
    card.last_saved_seq = seq;
    return card;
}

std::vector<Assignment> JudgeSession::Assignments() {
    return m_judging.AssignmentsOf(m_judge);
}

std::pair<int, int> JudgeSession::Progress() {
    return CountProgress(Assignments());
}

Scorecard JudgeSession::SetMarks(const std::string& entry, const std::string& criterion, int marks) {
    Scorable(entry);
    const content::Criterion* found = m_judging.m_content.rubric.Find(criterion);
    if (!found) throw Refused("there is no criterion \"" + criterion + "\" in the rubric");
    if (marks < 0 || marks > found->max_marks)
        throw Refused(found->name.en + ": marks are from 0 to " + std::to_string(found->max_marks) +
                      ", not " + std::to_string(marks));
    return Saved(entry, m_judging.m_log.SetMarks(m_judge.id, entry, criterion, marks));
}

Scorecard JudgeSession::ClearMarks(const std::string& entry, const std::string& criterion) {
    Scorable(entry);
    if (!m_judging.m_content.rubric.Find(criterion))
        throw Refused("there is no criterion \"" + criterion + "\" in the rubric");
    return Saved(entry, m_judging.m_log.SetMarks(m_judge.id, entry, criterion, std::nullopt));
}

Scorecard JudgeSession::SetComment(const std::string& entry, const std::string& comment) {
    Scorable(entry);
    return Saved(entry, m_judging.m_log.SetComment(m_judge.id, entry, comment));
}

Scorecard JudgeSession::Undo(const std::string& entry) {
    Scorable(entry);
    return Saved(entry, m_judging.m_log.Undo(m_judge.id, entry));
}

Scorecard JudgeSession::Submit(const std::string& entry) {
    Scorable(entry);
    return Saved(entry, m_judging.m_log.Submit(m_judge.id, entry, m_judging.CriterionIds()));
}

Scorecard JudgeSession::DeclareConflict(const std::string& entry, const std::string& reason) {
    Scorable(entry);
    return Saved(entry, m_judging.m_log.DeclareConflict(m_judge.id, entry, reason));
}

} // namespace scoring
