// The score store: every change a judge or organiser makes is an append-only event, and the
// current scorecards are derived from the events, in memory (CardBook), by one function applied
// both to each new event and to a replay of the trail. One durable transaction per change: when
// a call returns, the change survives a crash or a pulled plug, and the book shows it. Knows
// nothing of the rubric or the pack (Judging checks those); it enforces what only the stored
// state can tell: submitted and conflicted cards take no more scores.
//
// Identities mean the same in every store of the fair: a judge by key (Judge::key), an event by
// (kiosk, seq), an undo names the event it undoes by that pair. Event::id is only this store's
// arrival order, the order replay applies events in.
#pragma once

#include "scoring/judges.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scoring {

enum class EventKind {
    Score,
    Clear,
    Comment,
    Submit,
    Reopen,
    Conflict,   // a judge's card
    Prefer,     // a judge's head-to-head answer: `entry` is better than `other`
    Settle,     // the organiser settles a declared tie: `entry` above `other`, `text` the reason
    Finalise,   // the organiser finalises the results: `text` the snapshot
    Unfinalise, // the organiser reopens final results: `text` the reason
    Resolve,    // the organiser picks one value of a sync conflict: sets the mark, not undoable
    Rubric,     // the organiser accepts a changed rubric: `text` describes it
};
const char* ToString(EventKind kind); // "score", "clear"... as stored
std::optional<EventKind> EventKindFrom(const std::string& name);
// The organiser's decisions about the result, which concern no judge's card (no `judge`).
bool IsFairDecision(EventKind kind);

struct Event {
    int64_t id = 0;      // this store's arrival order (local rowid): the order of replay
    std::string kiosk{}; // the kiosk that recorded it (Store::KioskId)
    int64_t seq = 0;     // per kiosk: 1, 2, 3...
    std::string judge{}; // the judge's key; "" for a fair decision (IsFairDecision)
    std::string entry{}; // innovation id ("" for Finalise, Unfinalise, Rubric)
    EventKind kind = EventKind::Score;
    std::string criterion{};       // Score, Clear
    std::optional<int> value{};    // Score: the marks
    std::optional<int> previous{}; // Score, Clear: the marks before (nothing: it was not scored)
    std::string text{};            // Comment: the new comment; Reopen, Conflict: the reason
    std::string previous_text{};   // Comment: the comment before
    std::string other{};           // Prefer, Settle: the second entry of the pair
    std::string undoes_kiosk{};    // an undo: the (kiosk, seq) of the event it undoes
    int64_t undoes_seq = 0;        //   0 when this is not an undo
    bool by_organiser = false;     // Reopen and the organiser's decisions
    bool from_paper = false;       // typed in from a signed paper score sheet
    int64_t at_ms = 0;             // the recording kiosk's clock: shown, never used to order

    bool IsUndo() const { return undoes_seq != 0; }
};

// A change on a card that undo can still take back: what it replaced.
struct UndoStep {
    std::string kiosk;
    int64_t seq = 0;
    EventKind kind = EventKind::Score;
    std::string criterion;
    std::optional<int> previous;
    std::string previous_text;
};

// One judge's card for one entry, as the events make it. A criterion missing from `marks` is not scored.
struct StoredCard {
    std::map<std::string, int> marks; // criterion -> marks
    std::string comment;
    bool submitted = false;
    std::optional<std::string> conflict; // the reason, once declared
    bool can_undo = false;
    // The judge's changes since the card was last submitted or reopened, neither undos nor undone
    // yet, oldest first: undo takes back the last.
    std::vector<UndoStep> undoable;
};

// A mark changed on two kiosks that could not see each other: an incoming Score or Clear whose
// `previous` is not the mark as this store has it, set by another kiosk's change that the
// incoming one did not know of (BothChanged); or a mark changed on a kiosk that had not yet seen
// the card submitted on another (ChangedAfterSubmit). Same values on both sides are no conflict.
// Found by CardBook::Apply in whatever order the events arrive; the same conflict has the same id
// in every store. Never settled silently: the organiser picks a value (ScoreLog::Resolve), which
// is a Resolve event naming the conflict's id in its `text`.
struct MarkConflict {
    enum class Kind { BothChanged, ChangedAfterSubmit };
    struct Side {
        std::string kiosk;
        int64_t seq = 0;
        std::optional<int> value; // nothing: not scored (ChangedAfterSubmit: the mark as submitted)
    };
    std::string id; // "kiosk:seq/kiosk:seq", the two events in text order
    Kind kind = Kind::BothChanged;
    std::string judge, entry, criterion; // judge key
    Side first;                          // what this store had (ChangedAfterSubmit: the Submit event)
    Side second;                         // the change that arrived without knowing it
    bool resolved = false;
    std::optional<int> resolved_value{};
};

// Every card of every judge, in memory: the read model of the events.
class CardBook {
  public:
    // The one place the current state changes: new events and replay both come here.
    void Apply(const Event& event);
    void Clear() { *this = CardBook(); }

    const StoredCard* Find(const std::string& judge, const std::string& entry) const;
    const std::map<std::string, StoredCard>& CardsOf(const std::string& judge) const; // entry -> card
    uint64_t VersionOf(const std::string& judge) const; // grows with every event of that judge
    int64_t LastId() const { return m_last_id; }
    int64_t NextSeq(const std::string& kiosk) const;
    size_t Events() const { return m_events; }
    // Head-to-head answers and the organiser's decisions on the result, in arrival order.
    const std::vector<Event>& Decisions() const { return m_decisions; }
    bool Finalised() const { return m_finalised; } // a finalise event stands (no reopening since)
    // Sync conflicts between kiosks, in the order found, resolved ones too.
    const std::vector<MarkConflict>& Conflicts() const { return m_conflicts; }
    size_t OpenConflicts() const;
    const MarkConflict* FindConflict(const std::string& id) const;

  private:
    void NoteConflicts(const Event& event, const StoredCard& card);
    void NoteChange(const Event& event);

    struct Cards {
        std::map<std::string, StoredCard> by_entry;
        uint64_t version = 0;
    };
    std::map<std::string, Cards> m_judges; // by judge key
    std::map<std::string, int64_t> m_last_seq;
    std::vector<Event> m_decisions;
    bool m_finalised = false;
    // For conflicts: the last change of each (judge, entry, criterion), the last submit of each card.
    std::map<std::string, MarkConflict::Side> m_last_change;
    std::map<std::string, MarkConflict::Side> m_submitted_by;
    std::vector<MarkConflict> m_conflicts;
    std::map<std::string, size_t> m_conflict_at; // id -> index
    int64_t m_last_id = 0;
    size_t m_events = 0;
};

class ScoreLog {
  public:
    // Reads every event into the book (a replay). Throws StoreFailure.
    explicit ScoreLog(Store& store, Clock clock = SystemClockMs);

    // Each writes one event durably and returns its per-kiosk seq, or throws Refused (nothing
    // written) or StoreFailure (nothing written; the book unchanged).
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

    // The result's events. The rules that need the pack and the standings (which pairs are asked,
    // what can be settled) are the results' own; these check only what the events can tell:
    // while the results are final, a preference, a settlement (and a card's reopening) are
    // refused with ResultsAlreadyFinal until the results are reopened.
    int64_t Prefer(JudgeId judge, const std::string& better, const std::string& worse);
    int64_t Settle(const std::string& higher, const std::string& lower, const std::string& reason);
    int64_t Finalise(const std::string& snapshot);
    int64_t Unfinalise(const std::string& reason);
    // The organiser's pick in a sync conflict (CardBook::Conflicts): `value` must be one of its
    // two sides' values (nothing: not scored). Refused when there is no such conflict or it is
    // already resolved. Sets the mark even on a submitted card.
    int64_t Resolve(const std::string& conflict_id, std::optional<int> value);
    // The organiser accepts a changed rubric once scores exist; `description` says what changed
    // (content::RubricChange::Describe). A judge-less decision, by the organiser.
    int64_t AcceptRubric(const std::string& description);
    // Writes events as given (kind, judge key, entry, fields) in one durable transaction, all or
    // nothing; the store fills in kiosk, seq and time. Checks no card rule: for callers that have
    // checked their batch against Book() (paper score sheets); `still_valid`, when given, runs
    // inside the transaction after catching up with other writers and may throw Refused to write
    // nothing (the batch's cards changed meanwhile). Returns their seqs.
    std::vector<int64_t> Record(std::vector<Event> events,
                                const std::function<void(const CardBook&)>& still_valid = {});

    // From memory, no SQL (but the first use of a judge id looks up its key).
    const CardBook& Book() const { return m_book; }
    StoredCard Card(JudgeId judge, const std::string& entry);
    std::map<std::string, StoredCard> CardsOf(JudgeId judge); // entry -> card, those with events only
    std::string KeyOf(JudgeId judge);                         // "" for no such judge

    std::vector<Event> Events(); // the audit trail, in arrival order (SQL)

    // Reads the events another connection added since the book last looked (PRAGMA data_version
    // first: nothing is read when nothing changed). True when the book changed.
    bool CatchUp();
    // Rebuilds the book from the events alone.
    void Replay();

  private:
    template <class Make> int64_t Write(JudgeId judge, const std::string& entry, Make make);
    void Stamp(Event& event, int64_t seq); // this kiosk's identity, the seq and the time
    void ReadEvents(int64_t after_id);

    Store& m_store;
    sql::Database& m_db;
    Clock m_clock;
    CardBook m_book;
    std::map<JudgeId, std::string> m_keys;
    int64_t m_data_version = -1;
};

// The events table in SQL, in one place, for the score log and sync.
Event EventFromRow(const sql::Statement& row, const std::string& path); // a row of EventColumnsSql()
const char* EventColumnsSql();                           // "SELECT id, kiosk, ... FROM events "
void InsertEvent(sql::Database& db, const Event& event); // as given: kiosk, seq and time too
sql::Statement PrepareInsertEvent(sql::Database& db);    // for many: InsertEvent(statement, event)
void InsertEvent(sql::Statement& insert, const Event& event);

} // namespace scoring
