// Judging at the fair: the API the judging screens call. It joins the content pack (rubric,
// entries, offices) with the judges and the score log:
//   Judging        the organiser's side: log a judge in, see every judge's progress, reopen a
//                  card, read the audit trail.
//   JudgeSession   one logged-in judge's side: assignments, scorecards, scoring, undo, submit,
//                  conflicts. It only ever reads that judge's own cards: other judges' scores
//                  and the standings are not reachable from it.
// Every change is saved durably before the call returns; a refused change throws Refused (a code
// with its arguments, worded by the screens) and writes nothing; a failing database throws
// StoreFailure, writes nothing, and the next call simply tries again.
//
// Reads (assignments, cards, progress, the overview, the roster) come from memory: the judges
// (Judges), the cards (ScoreLog's CardBook) and, built from them once per change, each judge's
// assignments. No SQL runs while the screens draw. The model follows this process's own writes at
// once and other programs' (the command line, later sync) when Refresh() is called.
#pragma once

#include "content/model.h"
#include "scoring/judges.h"
#include "scoring/score_log.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace scoring {

enum class CardStatus {
    ToScore,          // assigned, nothing scored yet
    Scoring,          // some criteria scored (see Assignment::scored); not submitted
    Submitted,        // locked; only an organiser can reopen it
    RecusedOwnOffice, // the entry is from the judge's own office: not to be scored
    ConflictDeclared, // the judge declared a conflict of interest: not to be scored
};
const char* ToString(CardStatus status); // "to score", "scoring"...

// One entry a judge is assigned: every entry in the judge's categories.
struct Assignment {
    std::string entry; // innovation id
    CardStatus status = CardStatus::ToScore;
    int scored = 0; // criteria scored, of `criteria`
    int criteria = 0;
    double weighted_percent = 0; // WeightedTotal::Percent() of the card as it is
};

// A judge's weighted total for an entry, the one definition every screen and report uses:
// Σ marks × weight ÷ Σ max × weight × 100, over the whole rubric (a criterion not scored counts 0).
// Marks above a criterion's max (given before the organiser lowered it) count as the max: a total
// never exceeds its maximum, and the scorecard shows such a mark as over the max.
struct WeightedTotal {
    double marks = 0;                                                        // Σ marks × weight
    double out_of = 0;                                                       // Σ max × weight
    void Add(const content::Criterion& criterion, std::optional<int> given); // the definition
    double Percent() const { return out_of > 0 ? marks / out_of * 100.0 : 0.0; }
};

// Submitted cards, of those to score (recusals and conflicts are not to score): "৭/১২".
std::pair<int, int> CountProgress(const std::vector<Assignment>& assignments);

struct Mark {
    const content::Criterion* criterion = nullptr; // into the rubric of the FairContent given to Judging
    std::optional<int> marks;                      // nothing: not scored (which is not 0)
};
WeightedTotal Weigh(const std::vector<Mark>& marks);

// A judge's scorecard for one entry, in rubric order.
struct Scorecard {
    std::string entry;
    CardStatus status = CardStatus::ToScore;
    std::vector<Mark> marks;
    std::string comment;
    std::string conflict_reason;
    bool can_undo = false;
    int64_t last_saved_seq = 0; // the seq of the change that produced this card, when it came from one

    int Scored() const;
    bool Complete() const { return Scored() == static_cast<int>(marks.size()); }
    WeightedTotal Weighted() const { return Weigh(marks); }
};

// One judge's progress, for the organiser: how far, never what marks.
struct JudgeProgress {
    Judge judge;
    std::vector<Assignment> assignments; // as JudgeSession::Assignments() gives them for that judge
    int submitted = 0;                   // as JudgeSession::Progress(): submitted cards
    int to_score = 0;                    //   of those to score (recusals and conflicts left out)
};

class JudgeSession;

struct LoginResult {
    PinCheck check; // StoreFailed (with check.failure) when the database failed: never a throw
    std::unique_ptr<JudgeSession> session; // set when check.result is Ok; must not outlive the Judging
};

class Judging {
  public:
    // `content` must outlive this object (cards point into its rubric). A new pack: a new Judging.
    // Reads the roster and every event (throws StoreFailure).
    Judging(Store& store, const content::FairContent& content, Clock clock = SystemClockMs);
    ~Judging();

    Judges& Registry() { return m_judges; } // the organiser's set-up; List/Find from memory
    ScoreLog& Log() { return m_log; }       // the organiser's audit trail

    // A session for the judge when the PIN is right; otherwise why not (wrong, locked, store failed).
    LoginResult LogIn(JudgeId judge, std::string_view pin);

    // Every active judge, by name: the organiser's progress view. From memory; only the judges
    // whose cards changed are built again. Valid until the next call (bind it by reference).
    const std::vector<JudgeProgress>& Overview();

    // Takes in what other programs wrote to the file since (PRAGMA data_version: nothing is read
    // when nothing changed). Never throws: on a failure the last good model stays and
    // LastProblem() says why, until a later refresh or save works. True when the model changed.
    // Call it outside drawing, about once a second.
    bool Refresh();
    const std::optional<StoreFailure>& LastProblem() const {
        return m_problem;
    } // the last failure, if unresolved

    // The organiser reopens a submitted card; the reason is kept in the trail.
    void Reopen(JudgeId judge, const std::string& entry, const std::string& reason);

    // The content given at construction changed in place (a new pack, an accepted rubric): the
    // criteria a card must have and every built assignment are taken from it again.
    void ContentChanged();

    // Problems with a judge's office and categories against the pack ("unknown office ...").
    std::vector<std::string> CheckAgainstPack(const NewJudge& judge) const;

  private:
    friend class JudgeSession;
    std::vector<std::string> CriterionIds() const;
    // The judge's side and the organiser's overview both read cards through these two.
    Scorecard CardFrom(const Judge& judge, const content::Innovation& entry, const StoredCard* stored) const;
    Assignment AssignmentFrom(const Judge& judge, const content::Innovation& entry,
                              const StoredCard* stored) const;
    const std::vector<Assignment>& AssignmentsOf(const Judge& judge);
    void ChangedOne(const Judge& judge, const std::string& entry); // after this process's own save
    // Runs a change; records a store failure in LastProblem() (and rethrows it), clears it on success.
    template <class Change> int64_t Saving(Change change);

    // One judge's assignments, built again only when the roster or that judge's cards changed.
    struct Built {
        uint64_t roster = 0, cards = 0;
        std::vector<Assignment> assignments;
    };

    const content::FairContent& m_content;
    Judges m_judges;
    ScoreLog m_log;
    std::vector<std::string> m_criterion_ids;
    std::map<JudgeId, Built> m_built;
    struct OverviewBuilt {
        uint64_t roster = 0;
        std::vector<uint64_t> cards; // each judge's cards version its progress was built from
        std::vector<JudgeProgress> progress;
    } m_overview;
    std::optional<StoreFailure> m_problem;
};

class JudgeSession {
  public:
    const Judge& Who() const { return m_judge; }

    std::vector<Assignment> Assignments(); // in the pack's browsing order
    std::pair<int, int> Progress(); // submitted cards, of those to score (recusals and conflicts left out)
    Scorecard Card(const std::string& entry); // Refused when the entry is not assigned to this judge

    // Each saves one change durably and returns the card as it now is; Refused when not allowed.
    Scorecard SetMarks(const std::string& entry, const std::string& criterion, int marks); // 0..max
    Scorecard ClearMarks(const std::string& entry, const std::string& criterion); // back to not scored
    Scorecard SetComment(const std::string& entry, const std::string& comment);
    Scorecard Undo(const std::string& entry);
    Scorecard Submit(const std::string& entry); // every criterion must be scored
    Scorecard DeclareConflict(const std::string& entry, const std::string& reason);

  private:
    friend class Judging;
    JudgeSession(Judging& judging, Judge judge) : m_judging(judging), m_judge(std::move(judge)) {}
    const Judge& Current() const; // as the roster has it now (the organiser may change categories)
    const content::Innovation& Assigned(const std::string& entry) const; // Refused when not
    const content::Innovation& Scorable(const std::string& entry);       // also not recused
    Scorecard Saved(const std::string& entry, int64_t seq);

    Judging& m_judging;
    Judge m_judge;
};

} // namespace scoring
