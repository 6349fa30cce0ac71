// The score store: every change a judge or organiser makes is an append-only event, and the
// current scorecards are derived from the events in the same transaction, so the whole audit
// trail is kept and can be replayed. One durable transaction per change: when a call returns,
// the change survives a crash or a pulled plug. Knows nothing of the rubric or the pack
// (Judging checks those); it enforces what only the stored state can tell: submitted and
// conflicted cards take no more scores.
#pragma once

#include "scoring/judges.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scoring {

enum class EventKind { Score, Clear, Comment, Submit, Reopen, Conflict };
const char* ToString(EventKind kind); // "score", "clear"... as stored

struct Event {
    int64_t id = 0;      // order of the audit trail in this store
    std::string kiosk{}; // the kiosk that recorded it (Store::KioskId)
    int64_t seq = 0;     // per kiosk: 1, 2, 3...
    JudgeId judge = 0;
    std::string entry{}; // innovation id
    EventKind kind = EventKind::Score;
    std::string criterion{};       // Score, Clear
    std::optional<int> value{};    // Score: the marks
    std::optional<int> previous{}; // Score, Clear: the marks before (nothing: it was not scored)
    std::string text{};            // Comment: the new comment; Reopen, Conflict: the reason
    std::string previous_text{};   // Comment: the comment before
    int64_t undoes = 0;            // the event this one undoes, or 0
    bool by_organiser = false;     // Reopen
    int64_t at_ms = 0;
};

// One judge's card for one entry, as stored. A criterion missing from `marks` is not scored.
struct StoredCard {
    std::map<std::string, int> marks; // criterion -> marks
    std::string comment;
    bool submitted = false;
    std::optional<std::string> conflict; // the reason, once declared
    bool can_undo = false;
};

class ScoreLog {
  public:
    explicit ScoreLog(Store& store, Clock clock = SystemClockMs);

    // Each writes one event and returns its per-kiosk seq, or throws Refused (nothing written).
    int64_t SetMarks(JudgeId judge, const std::string& entry, const std::string& criterion,
                     std::optional<int> marks);
    int64_t SetComment(JudgeId judge, const std::string& entry, const std::string& comment);
    // A new event restoring what the judge's last change on this card replaced (never a delete).
    // Repeated undos walk back through the changes made since the card was last submitted or reopened.
    int64_t Undo(JudgeId judge, const std::string& entry);
    // Refused unless every criterion in `required` is scored.
    int64_t Submit(JudgeId judge, const std::string& entry, const std::vector<std::string>& required);
    int64_t Reopen(JudgeId judge, const std::string& entry, const std::string& reason); // the organiser's
    int64_t DeclareConflict(JudgeId judge, const std::string& entry, const std::string& reason);

    StoredCard Card(JudgeId judge, const std::string& entry);
    std::map<std::string, StoredCard> CardsOf(JudgeId judge); // entry -> card, only those with a row
    std::vector<Event> Events();                              // the audit trail, in order

    // Rebuilds the current state from the events alone, in one transaction.
    void Replay();

  private:
    int64_t Append(const Event& event);
    void RequireOpen(JudgeId judge, const std::string& entry);

    Store& m_store;
    sql::Database& m_db;
    Clock m_clock;
};

} // namespace scoring
