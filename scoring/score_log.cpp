// [SECTION] Events in and out of SQL
// [SECTION] Deriving the current state from an event
// [SECTION] Changes
// [SECTION] Reading and replaying
#include "scoring/score_log.h"

#include <algorithm>

namespace scoring {

namespace {

// [SECTION] Events in and out of SQL

constexpr std::pair<EventKind, const char*> kKinds[] = {
    {EventKind::Score, "score"},   {EventKind::Clear, "clear"},   {EventKind::Comment, "comment"},
    {EventKind::Submit, "submit"}, {EventKind::Reopen, "reopen"}, {EventKind::Conflict, "conflict"},
};

EventKind KindOf(const std::string& name) {
    for (const auto& [kind, text] : kKinds)
        if (name == text) return kind;
    throw sql::Error("unknown event kind \"" + name + "\" in the store");
}

constexpr const char* kEventColumns = "SELECT id, kiosk, seq, judge, entry, kind, criterion, value, "
                                      "previous, text, previous_text, undoes, actor, at FROM events ";

std::optional<int> OptionalInt(const sql::Statement& row, int column) {
    const std::optional<int64_t> value = row.ColumnOptionalInt(column);
    return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

std::optional<int64_t> Widen(std::optional<int> value) {
    return value ? std::optional<int64_t>(*value) : std::nullopt;
}

Event EventFromRow(const sql::Statement& row) {
    Event event;
    event.id = row.ColumnInt(0);
    event.kiosk = row.ColumnText(1);
    event.seq = row.ColumnInt(2);
    event.judge = row.ColumnInt(3);
    event.entry = row.ColumnText(4);
    event.kind = KindOf(row.ColumnText(5));
    event.criterion = row.ColumnText(6);
    event.value = OptionalInt(row, 7);
    event.previous = OptionalInt(row, 8);
    event.text = row.ColumnText(9);
    event.previous_text = row.ColumnText(10);
    event.undoes = row.ColumnInt(11);
    event.by_organiser = row.ColumnText(12) == "organiser";
    event.at_ms = row.ColumnInt(13);
    return event;
}

// [SECTION] Deriving the current state from an event

// The one place the current state changes: Append and Replay both come here, so the incremental
// state and a replay of the trail cannot drift apart.
void ApplyToCurrent(sql::Database& db, const Event& event) {
    db.Prepare("INSERT OR IGNORE INTO cards(judge, entry) VALUES(?, ?)")
        .Bind(1, event.judge)
        .Bind(2, event.entry)
        .Run();
    switch (event.kind) {
    case EventKind::Score:
        db.Prepare("INSERT INTO card_scores(judge, entry, criterion, value) VALUES(?, ?, ?, ?) "
                   "ON CONFLICT(judge, entry, criterion) DO UPDATE SET value = excluded.value")
            .Bind(1, event.judge)
            .Bind(2, event.entry)
            .Bind(3, event.criterion)
            .Bind(4, Widen(event.value))
            .Run();
        break;
    case EventKind::Clear:
        db.Prepare("DELETE FROM card_scores WHERE judge = ? AND entry = ? AND criterion = ?")
            .Bind(1, event.judge)
            .Bind(2, event.entry)
            .Bind(3, event.criterion)
            .Run();
        break;
    case EventKind::Comment:
        db.Prepare("UPDATE cards SET comment = ? WHERE judge = ? AND entry = ?")
            .Bind(1, event.text)
            .Bind(2, event.judge)
            .Bind(3, event.entry)
            .Run();
        break;
    case EventKind::Submit:
    case EventKind::Reopen:
        db.Prepare("UPDATE cards SET submitted = ? WHERE judge = ? AND entry = ?")
            .Bind(1, int64_t{event.kind == EventKind::Submit})
            .Bind(2, event.judge)
            .Bind(3, event.entry)
            .Run();
        break;
    case EventKind::Conflict:
        db.Prepare("UPDATE cards SET conflict = ? WHERE judge = ? AND entry = ?")
            .Bind(1, event.text)
            .Bind(2, event.judge)
            .Bind(3, event.entry)
            .Run();
        break;
    }
}

// The judge's last change on a card that can still be undone: a score, clear or comment, made
// since the card was last submitted or reopened, neither an undo itself nor undone already.
std::optional<Event> LastUndoable(sql::Database& db, JudgeId judge, const std::string& entry) {
    sql::Statement row =
        db.Prepare(std::string(kEventColumns) +
                   "AS e WHERE judge = ?1 AND entry = ?2 AND kind IN ('score', 'clear', 'comment') "
                   "AND undoes IS NULL AND NOT EXISTS (SELECT 1 FROM events u WHERE u.undoes = e.id) "
                   "AND id > (SELECT coalesce(max(id), 0) FROM events "
                   "          WHERE judge = ?1 AND entry = ?2 AND kind IN ('submit', 'reopen')) "
                   "ORDER BY id DESC LIMIT 1");
    row.Bind(1, judge).Bind(2, entry);
    if (!row.Step()) return std::nullopt;
    return EventFromRow(row);
}

std::string CardName(JudgeId judge, const std::string& entry) {
    return "the scorecard of judge " + std::to_string(judge) + " for \"" + entry + "\"";
}

} // namespace

const char* ToString(EventKind kind) {
    for (const auto& [k, text] : kKinds)
        if (k == kind) return text;
    return "?";
}

ScoreLog::ScoreLog(Store& store, Clock clock)
    : m_store(store), m_db(store.Database()), m_clock(std::move(clock)) {}

// [SECTION] Changes

// Writes the event and its effect; the caller holds the transaction.
int64_t ScoreLog::Append(const Event& event) {
    if (!m_db.Prepare("SELECT 1 FROM judges WHERE id = ?").Bind(1, event.judge).Step())
        throw Refused("there is no judge " + std::to_string(event.judge));
    sql::Statement next = m_db.Prepare("SELECT coalesce(max(seq), 0) + 1 FROM events WHERE kiosk = ?");
    next.Bind(1, m_store.KioskId()).Step();
    Event stored = event;
    stored.kiosk = m_store.KioskId();
    stored.seq = next.ColumnInt(0);
    stored.at_ms = m_clock();
    m_db.Prepare("INSERT INTO events(kiosk, seq, judge, entry, kind, criterion, value, previous, text, "
                 "previous_text, "
                 "undoes, actor, at) VALUES(?, ?, ?, ?, ?, nullif(?, ''), ?, ?, ?, ?, nullif(?, 0), ?, ?)")
        .Bind(1, stored.kiosk)
        .Bind(2, stored.seq)
        .Bind(3, stored.judge)
        .Bind(4, stored.entry)
        .Bind(5, std::string(ToString(stored.kind)))
        .Bind(6, stored.criterion)
        .Bind(7, Widen(stored.value))
        .Bind(8, Widen(stored.previous))
        .Bind(9, stored.text)
        .Bind(10, stored.previous_text)
        .Bind(11, stored.undoes)
        .Bind(12, std::string(stored.by_organiser ? "organiser" : "judge"))
        .Bind(13, stored.at_ms)
        .Run();
    ApplyToCurrent(m_db, stored);
    return stored.seq;
}

// Scores, comments and undos are refused on a submitted card and on one with a declared conflict.
void ScoreLog::RequireOpen(JudgeId judge, const std::string& entry) {
    const StoredCard card = Card(judge, entry);
    if (card.submitted)
        throw Refused(CardName(judge, entry) + " is submitted and locked: only an organiser can reopen it");
    if (card.conflict)
        throw Refused(CardName(judge, entry) + " has a declared conflict of interest (" + *card.conflict +
                      "): it cannot be scored");
}

int64_t ScoreLog::SetMarks(JudgeId judge, const std::string& entry, const std::string& criterion,
                           std::optional<int> marks) {
    sql::Transaction transaction(m_db);
    RequireOpen(judge, entry);
    const StoredCard card = Card(judge, entry);
    Event event{.judge = judge,
                .entry = entry,
                .kind = marks ? EventKind::Score : EventKind::Clear,
                .criterion = criterion};
    event.value = marks;
    if (auto found = card.marks.find(criterion); found != card.marks.end()) event.previous = found->second;
    const int64_t seq = Append(event);
    transaction.Commit();
    return seq;
}

int64_t ScoreLog::SetComment(JudgeId judge, const std::string& entry, const std::string& comment) {
    sql::Transaction transaction(m_db);
    RequireOpen(judge, entry);
    Event event{.judge = judge, .entry = entry, .kind = EventKind::Comment, .text = comment};
    event.previous_text = Card(judge, entry).comment;
    const int64_t seq = Append(event);
    transaction.Commit();
    return seq;
}

int64_t ScoreLog::Undo(JudgeId judge, const std::string& entry) {
    sql::Transaction transaction(m_db);
    RequireOpen(judge, entry);
    const std::optional<Event> last = LastUndoable(m_db, judge, entry);
    if (!last) throw Refused("nothing to undo on " + CardName(judge, entry));
    const StoredCard card = Card(judge, entry);
    Event undo{
        .judge = judge, .entry = entry, .kind = last->kind, .criterion = last->criterion, .undoes = last->id};
    if (last->kind == EventKind::Comment) {
        undo.text = last->previous_text;
        undo.previous_text = card.comment;
    } else {
        undo.kind = last->previous ? EventKind::Score : EventKind::Clear;
        undo.value = last->previous;
        if (auto found = card.marks.find(last->criterion); found != card.marks.end())
            undo.previous = found->second;
    }
    const int64_t seq = Append(undo);
    transaction.Commit();
    return seq;
}

int64_t ScoreLog::Submit(JudgeId judge, const std::string& entry, const std::vector<std::string>& required) {
    sql::Transaction transaction(m_db);
    RequireOpen(judge, entry);
    const StoredCard card = Card(judge, entry);
    const size_t missing = static_cast<size_t>(std::count_if(
        required.begin(), required.end(), [&](const std::string& c) { return !card.marks.count(c); }));
    if (missing > 0)
        throw Refused(CardName(judge, entry) + " cannot be submitted: " + std::to_string(missing) + " of " +
                      std::to_string(required.size()) + " criteria are not scored yet");
    const int64_t seq = Append({.judge = judge, .entry = entry, .kind = EventKind::Submit});
    transaction.Commit();
    return seq;
}

int64_t ScoreLog::Reopen(JudgeId judge, const std::string& entry, const std::string& reason) {
    if (reason.find_first_not_of(" \t\n") == std::string::npos)
        throw Refused("reopening a scorecard needs a reason");
    sql::Transaction transaction(m_db);
    if (!Card(judge, entry).submitted)
        throw Refused(CardName(judge, entry) + " is not submitted: there is nothing to reopen");
    const int64_t seq = Append(
        {.judge = judge, .entry = entry, .kind = EventKind::Reopen, .text = reason, .by_organiser = true});
    transaction.Commit();
    return seq;
}

int64_t ScoreLog::DeclareConflict(JudgeId judge, const std::string& entry, const std::string& reason) {
    if (reason.find_first_not_of(" \t\n") == std::string::npos)
        throw Refused("a conflict of interest needs a reason");
    sql::Transaction transaction(m_db);
    RequireOpen(judge, entry);
    const int64_t seq = Append({.judge = judge, .entry = entry, .kind = EventKind::Conflict, .text = reason});
    transaction.Commit();
    return seq;
}

// [SECTION] Reading and replaying

StoredCard ScoreLog::Card(JudgeId judge, const std::string& entry) {
    StoredCard card;
    sql::Statement row =
        m_db.Prepare("SELECT comment, submitted, conflict FROM cards WHERE judge = ? AND entry = ?");
    row.Bind(1, judge).Bind(2, entry);
    if (!row.Step()) return card;
    card.comment = row.ColumnText(0);
    card.submitted = row.ColumnInt(1) != 0;
    if (!row.ColumnIsNull(2)) card.conflict = row.ColumnText(2);
    sql::Statement marks =
        m_db.Prepare("SELECT criterion, value FROM card_scores WHERE judge = ? AND entry = ?");
    marks.Bind(1, judge).Bind(2, entry);
    while (marks.Step())
        card.marks[marks.ColumnText(0)] = static_cast<int>(marks.ColumnInt(1));
    card.can_undo = !card.submitted && !card.conflict && LastUndoable(m_db, judge, entry).has_value();
    return card;
}

std::map<std::string, StoredCard> ScoreLog::CardsOf(JudgeId judge) {
    std::vector<std::string> entries;
    sql::Statement rows = m_db.Prepare("SELECT entry FROM cards WHERE judge = ?");
    rows.Bind(1, judge);
    while (rows.Step())
        entries.push_back(rows.ColumnText(0));
    std::map<std::string, StoredCard> cards;
    for (const std::string& entry : entries)
        cards[entry] = Card(judge, entry);
    return cards;
}

std::vector<Event> ScoreLog::Events() {
    std::vector<Event> events;
    sql::Statement rows = m_db.Prepare(std::string(kEventColumns) + "ORDER BY id");
    while (rows.Step())
        events.push_back(EventFromRow(rows));
    return events;
}

void ScoreLog::Replay() {
    sql::Transaction transaction(m_db);
    const std::vector<Event> events = Events();
    m_db.Exec("DELETE FROM card_scores; DELETE FROM cards;");
    for (const Event& event : events)
        ApplyToCurrent(m_db, event);
    transaction.Commit();
}

} // namespace scoring
