// [SECTION] Events in and out of SQL
// [SECTION] The book: the current cards from the events
// [SECTION] Changes
// [SECTION] Reading, catching up and replaying
#include "scoring/score_log.h"

#include <algorithm>

namespace scoring {

namespace {

// [SECTION] Events in and out of SQL

constexpr std::pair<EventKind, const char*> kKinds[] = {
    {EventKind::Score, "score"},           {EventKind::Clear, "clear"},     {EventKind::Comment, "comment"},
    {EventKind::Submit, "submit"},         {EventKind::Reopen, "reopen"},   {EventKind::Conflict, "conflict"},
    {EventKind::Prefer, "prefer"},         {EventKind::Settle, "settle"},   {EventKind::Finalise, "finalise"},
    {EventKind::Unfinalise, "unfinalise"}, {EventKind::Resolve, "resolve"}, {EventKind::Rubric, "rubric"},
};

EventKind KindOf(const std::string& name, const std::string& path) {
    if (const std::optional<EventKind> kind = EventKindFrom(name)) return *kind;
    throw StoreFailure(StoreFailure::Kind::Damaged, path, "unknown event kind \"" + name + "\" in the store");
}

constexpr const char* kEventColumns =
    "SELECT id, kiosk, seq, judge, entry, kind, criterion, value, previous, "
    "text, previous_text, undoes_kiosk, undoes_seq, actor, at, other, source FROM events ";

std::optional<int> OptionalInt(const sql::Statement& row, int column) {
    const std::optional<int64_t> value = row.ColumnOptionalInt(column);
    return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

std::optional<int64_t> Widen(std::optional<int> value) {
    return value ? std::optional<int64_t>(*value) : std::nullopt;
}

} // namespace

Event EventFromRow(const sql::Statement& row, const std::string& path) {
    Event event;
    event.id = row.ColumnInt(0);
    event.kiosk = row.ColumnText(1);
    event.seq = row.ColumnInt(2);
    event.judge = row.ColumnText(3);
    event.entry = row.ColumnText(4);
    event.kind = KindOf(row.ColumnText(5), path);
    event.criterion = row.ColumnText(6);
    event.value = OptionalInt(row, 7);
    event.previous = OptionalInt(row, 8);
    event.text = row.ColumnText(9);
    event.previous_text = row.ColumnText(10);
    event.undoes_kiosk = row.ColumnText(11);
    event.undoes_seq = row.ColumnInt(12);
    event.by_organiser = row.ColumnText(13) == "organiser";
    event.at_ms = row.ColumnInt(14);
    event.other = row.ColumnText(15);
    event.from_paper = row.ColumnText(16) == "paper";
    return event;
}

const char* EventColumnsSql() {
    return kEventColumns;
}

sql::Statement PrepareInsertEvent(sql::Database& db) {
    return db.Prepare(
        "INSERT INTO events(kiosk, seq, judge, entry, kind, criterion, value, previous, text, "
        "previous_text, undoes_kiosk, undoes_seq, actor, at, other, source) "
        "VALUES(?, ?, nullif(?, ''), ?, ?, nullif(?, ''), ?, ?, ?, ?, nullif(?, ''), nullif(?, 0), ?, ?, "
        "nullif(?, ''), ?)");
}

void InsertEvent(sql::Statement& insert, const Event& event) {
    insert.Reset()
        .Bind(1, event.kiosk)
        .Bind(2, event.seq)
        .Bind(3, event.judge)
        .Bind(4, event.entry)
        .Bind(5, std::string(ToString(event.kind)))
        .Bind(6, event.criterion)
        .Bind(7, Widen(event.value))
        .Bind(8, Widen(event.previous))
        .Bind(9, event.text)
        .Bind(10, event.previous_text)
        .Bind(11, event.undoes_kiosk)
        .Bind(12, event.undoes_seq)
        .Bind(13, std::string(event.by_organiser ? "organiser" : "judge"))
        .Bind(14, event.at_ms)
        .Bind(15, event.other)
        .Bind(16, std::string(event.from_paper ? "paper" : "touch"))
        .Run();
}

void InsertEvent(sql::Database& db, const Event& event) {
    sql::Statement insert = PrepareInsertEvent(db);
    InsertEvent(insert, event);
}

namespace {

// Scores, comments and undos are refused on a submitted card and on one with a declared conflict.
void RequireOpen(const StoredCard& card, JudgeId judge, const std::string& entry) {
    if (card.submitted) throw Refused(Refusal::CardSubmitted, {std::to_string(judge), entry});
    if (card.conflict) throw Refused(Refusal::CardConflicted, {std::to_string(judge), entry, *card.conflict});
}

bool Blank(const std::string& text) {
    return text.find_first_not_of(" \t\n") == std::string::npos;
}

} // namespace

bool IsFairDecision(EventKind kind) {
    return kind == EventKind::Settle || kind == EventKind::Finalise || kind == EventKind::Unfinalise ||
           kind == EventKind::Rubric;
}

std::optional<EventKind> EventKindFrom(const std::string& name) {
    for (const auto& [kind, text] : kKinds)
        if (name == text) return kind;
    return std::nullopt;
}

const char* ToString(EventKind kind) {
    for (const auto& [k, text] : kKinds)
        if (k == kind) return text;
    return "?";
}

// [SECTION] The book: the current cards from the events

void CardBook::Apply(const Event& event) {
    ++m_events;
    m_last_id = std::max(m_last_id, event.id);
    int64_t& last_seq = m_last_seq[event.kiosk];
    last_seq = std::max(last_seq, event.seq);
    if (IsFairDecision(event.kind) || event.kind == EventKind::Prefer) {
        m_decisions.push_back(event);
        if (event.kind == EventKind::Finalise || event.kind == EventKind::Unfinalise)
            m_finalised = event.kind == EventKind::Finalise;
        return;
    }
    Cards& judge = m_judges[event.judge];
    StoredCard& card = judge.by_entry[event.entry];
    ++judge.version;
    NoteConflicts(event, card);
    NoteChange(event);
    switch (event.kind) {
    case EventKind::Score:
        card.marks[event.criterion] = event.value.value_or(0);
        break;
    case EventKind::Resolve: // the organiser's pick between two kiosks' values
        if (event.value)
            card.marks[event.criterion] = *event.value;
        else
            card.marks.erase(event.criterion);
        break;
    case EventKind::Clear:
        card.marks.erase(event.criterion);
        break;
    case EventKind::Comment:
        card.comment = event.text;
        break;
    case EventKind::Submit:
    case EventKind::Reopen:
        card.submitted = event.kind == EventKind::Submit;
        card.undoable.clear(); // undo never reaches back past a submission or a reopening
        break;
    case EventKind::Conflict:
        card.conflict = event.text;
        break;
    default: // the decisions, above
        break;
    }
    const bool change =
        event.kind == EventKind::Score || event.kind == EventKind::Clear || event.kind == EventKind::Comment;
    if (change && event.IsUndo()) {
        std::erase_if(card.undoable, [&](const UndoStep& step) {
            return step.seq == event.undoes_seq && step.kiosk == event.undoes_kiosk;
        });
    } else if (change) {
        card.undoable.push_back(
            {event.kiosk, event.seq, event.kind, event.criterion, event.previous, event.previous_text});
    }
    card.can_undo = !card.submitted && !card.conflict && !card.undoable.empty();
}

namespace {

std::string EventName(const std::string& kiosk, int64_t seq) {
    return kiosk + ":" + std::to_string(seq);
}

std::string MarkKey(const Event& event) {
    return event.judge + '\n' + event.entry + '\n' + event.criterion;
}

std::optional<int> MarkOf(const StoredCard& card, const std::string& criterion) {
    const auto found = card.marks.find(criterion);
    return found == card.marks.end() ? std::nullopt : std::optional<int>(found->second);
}

} // namespace

// Before `event` is applied to `card`: is it a change made without knowing another kiosk's?
void CardBook::NoteConflicts(const Event& event, const StoredCard& card) {
    if (event.kind != EventKind::Score && event.kind != EventKind::Clear) return;
    const std::optional<int> current = MarkOf(card, event.criterion);
    MarkConflict conflict;
    conflict.judge = event.judge, conflict.entry = event.entry, conflict.criterion = event.criterion;
    conflict.second = {event.kiosk, event.seq, event.value};
    const auto submit = m_submitted_by.find(event.judge + '\n' + event.entry);
    const auto last = m_last_change.find(MarkKey(event));
    if (card.submitted && submit != m_submitted_by.end() && submit->second.kiosk != event.kiosk) {
        conflict.kind = MarkConflict::Kind::ChangedAfterSubmit;
        conflict.first = {submit->second.kiosk, submit->second.seq, current};
    } else if (event.previous != current && event.value != current && last != m_last_change.end() &&
               last->second.kiosk != event.kiosk) {
        conflict.first = last->second;
    } else {
        return;
    }
    const std::string a = EventName(conflict.first.kiosk, conflict.first.seq);
    const std::string b = EventName(event.kiosk, event.seq);
    conflict.id = a < b ? a + "/" + b : b + "/" + a;
    if (m_conflict_at.count(conflict.id)) return;
    m_conflict_at[conflict.id] = m_conflicts.size();
    m_conflicts.push_back(std::move(conflict));
}

// Remembers what a conflict would need: the last change of each mark, the last submit of each card.
void CardBook::NoteChange(const Event& event) {
    if (event.kind == EventKind::Score || event.kind == EventKind::Clear || event.kind == EventKind::Resolve)
        m_last_change[MarkKey(event)] = {event.kiosk, event.seq, event.value};
    if (event.kind == EventKind::Submit)
        m_submitted_by[event.judge + '\n' + event.entry] = {event.kiosk, event.seq, std::nullopt};
    if (event.kind == EventKind::Resolve)
        if (const auto found = m_conflict_at.find(event.text); found != m_conflict_at.end()) {
            m_conflicts[found->second].resolved = true;
            m_conflicts[found->second].resolved_value = event.value;
        }
}

size_t CardBook::OpenConflicts() const {
    return static_cast<size_t>(std::count_if(m_conflicts.begin(), m_conflicts.end(),
                                             [](const MarkConflict& c) { return !c.resolved; }));
}

const MarkConflict* CardBook::FindConflict(const std::string& id) const {
    const auto found = m_conflict_at.find(id);
    return found == m_conflict_at.end() ? nullptr : &m_conflicts[found->second];
}

const StoredCard* CardBook::Find(const std::string& judge, const std::string& entry) const {
    const auto cards = m_judges.find(judge);
    if (cards == m_judges.end()) return nullptr;
    const auto card = cards->second.by_entry.find(entry);
    return card == cards->second.by_entry.end() ? nullptr : &card->second;
}

const std::map<std::string, StoredCard>& CardBook::CardsOf(const std::string& judge) const {
    static const std::map<std::string, StoredCard> kNone;
    const auto cards = m_judges.find(judge);
    return cards == m_judges.end() ? kNone : cards->second.by_entry;
}

uint64_t CardBook::VersionOf(const std::string& judge) const {
    const auto cards = m_judges.find(judge);
    return cards == m_judges.end() ? 0 : cards->second.version;
}

int64_t CardBook::NextSeq(const std::string& kiosk) const {
    const auto last = m_last_seq.find(kiosk);
    return (last == m_last_seq.end() ? 0 : last->second) + 1;
}

ScoreLog::ScoreLog(Store& store, Clock clock)
    : m_store(store), m_db(store.Database()), m_clock(std::move(clock)) {
    Replay();
}

// [SECTION] Changes

// One change in one durable transaction: catch up with other connections, build the event from
// the card as it is (`make` may refuse), write it, commit, and only then show it in the book.
template <class Make> int64_t ScoreLog::Write(JudgeId judge, const std::string& entry, Make make) {
    sql::Transaction transaction(m_db);
    CatchUp();
    const std::string key = KeyOf(judge);
    if (key.empty()) throw Refused(Refusal::NoSuchJudge, {std::to_string(judge)});
    const StoredCard* found = m_book.Find(key, entry);
    Event event = make(found ? *found : StoredCard{});
    event.judge = key, event.entry = entry;
    Stamp(event, m_book.NextSeq(m_store.KioskId()));
    InsertEvent(m_db, event);
    event.id = m_db.LastInsertId();
    transaction.Commit();
    m_book.Apply(event);
    return event.seq;
}

int64_t ScoreLog::SetMarks(JudgeId judge, const std::string& entry, const std::string& criterion,
                           std::optional<int> marks) {
    return Write(judge, entry, [&](const StoredCard& card) {
        RequireOpen(card, judge, entry);
        Event event{.kind = marks ? EventKind::Score : EventKind::Clear, .criterion = criterion};
        event.value = marks;
        if (auto found = card.marks.find(criterion); found != card.marks.end())
            event.previous = found->second;
        return event;
    });
}

int64_t ScoreLog::SetComment(JudgeId judge, const std::string& entry, const std::string& comment) {
    return Write(judge, entry, [&](const StoredCard& card) {
        RequireOpen(card, judge, entry);
        return Event{.kind = EventKind::Comment, .text = comment, .previous_text = card.comment};
    });
}

int64_t ScoreLog::Undo(JudgeId judge, const std::string& entry) {
    return Write(judge, entry, [&](const StoredCard& card) {
        RequireOpen(card, judge, entry);
        if (card.undoable.empty()) throw Refused(Refusal::NothingToUndo, {std::to_string(judge), entry});
        const UndoStep& last = card.undoable.back();
        Event undo{.kind = last.kind, .criterion = last.criterion};
        undo.undoes_kiosk = last.kiosk, undo.undoes_seq = last.seq;
        if (last.kind == EventKind::Comment) {
            undo.text = last.previous_text;
            undo.previous_text = card.comment;
        } else {
            undo.kind = last.previous ? EventKind::Score : EventKind::Clear;
            undo.value = last.previous;
            if (auto found = card.marks.find(last.criterion); found != card.marks.end())
                undo.previous = found->second;
        }
        return undo;
    });
}

int64_t ScoreLog::Submit(JudgeId judge, const std::string& entry, const std::vector<std::string>& required) {
    return Write(judge, entry, [&](const StoredCard& card) {
        RequireOpen(card, judge, entry);
        const size_t missing = static_cast<size_t>(std::count_if(
            required.begin(), required.end(), [&](const std::string& c) { return !card.marks.count(c); }));
        if (missing > 0)
            throw Refused(Refusal::CardIncomplete, {std::to_string(judge), entry, std::to_string(missing),
                                                    std::to_string(required.size())});
        return Event{.kind = EventKind::Submit};
    });
}

int64_t ScoreLog::Reopen(JudgeId judge, const std::string& entry, const std::string& reason) {
    if (Blank(reason)) throw Refused(Refusal::ReasonNeeded, {"reopen"});
    return Write(judge, entry, [&](const StoredCard& card) {
        if (m_book.Finalised()) throw Refused(Refusal::ResultsAlreadyFinal, {});
        if (!card.submitted) throw Refused(Refusal::CardNotSubmitted, {std::to_string(judge), entry});
        return Event{.kind = EventKind::Reopen, .text = reason, .by_organiser = true};
    });
}

int64_t ScoreLog::DeclareConflict(JudgeId judge, const std::string& entry, const std::string& reason) {
    if (Blank(reason)) throw Refused(Refusal::ReasonNeeded, {"conflict"});
    return Write(judge, entry, [&](const StoredCard& card) {
        RequireOpen(card, judge, entry);
        return Event{.kind = EventKind::Conflict, .text = reason};
    });
}

void ScoreLog::Stamp(Event& event, int64_t seq) {
    event.kiosk = m_store.KioskId();
    event.seq = seq;
    event.at_ms = m_clock();
}

std::vector<int64_t> ScoreLog::Record(std::vector<Event> events,
                                      const std::function<void(const CardBook&)>& still_valid) {
    sql::Transaction transaction(m_db);
    CatchUp();
    if (still_valid) still_valid(m_book);
    std::vector<int64_t> seqs;
    int64_t seq = m_book.NextSeq(m_store.KioskId());
    for (Event& event : events) {
        Stamp(event, seq++);
        InsertEvent(m_db, event);
        event.id = m_db.LastInsertId();
        seqs.push_back(event.seq);
    }
    transaction.Commit();
    for (const Event& event : events)
        m_book.Apply(event);
    return seqs;
}

int64_t ScoreLog::Prefer(JudgeId judge, const std::string& better, const std::string& worse) {
    if (better == worse) throw Refused(Refusal::NoSuchEntry, {worse});
    return Write(judge, better, [&](const StoredCard&) {
        if (m_book.Finalised()) throw Refused(Refusal::ResultsAlreadyFinal, {}); // reopen the results first
        return Event{.kind = EventKind::Prefer, .other = worse};
    });
}

int64_t ScoreLog::Settle(const std::string& higher, const std::string& lower, const std::string& reason) {
    if (Blank(reason)) throw Refused(Refusal::ReasonNeeded, {"settle"});
    Event event{
        .entry = higher, .kind = EventKind::Settle, .text = reason, .other = lower, .by_organiser = true};
    return Record({event},
                  [](const CardBook& book) {
                      if (book.Finalised())
                          throw Refused(Refusal::ResultsAlreadyFinal, {}); // reopen the results first
                  })
        .front();
}

int64_t ScoreLog::Finalise(const std::string& snapshot) {
    return Record({Event{.kind = EventKind::Finalise, .text = snapshot, .by_organiser = true}}).front();
}

int64_t ScoreLog::AcceptRubric(const std::string& description) {
    return Record({Event{.kind = EventKind::Rubric, .text = description, .by_organiser = true}}).front();
}

int64_t ScoreLog::Unfinalise(const std::string& reason) {
    if (Blank(reason)) throw Refused(Refusal::ReasonNeeded, {"unfinalise"});
    return Record({Event{.kind = EventKind::Unfinalise, .text = reason, .by_organiser = true}}).front();
}

int64_t ScoreLog::Resolve(const std::string& conflict_id, std::optional<int> value) {
    CatchUp(); // another kiosk's events that came by sync may have resolved it already
    const MarkConflict* conflict = m_book.FindConflict(conflict_id);
    if (!conflict) throw Refused("there is no sync conflict " + conflict_id);
    if (conflict->resolved) throw Refused("the sync conflict " + conflict_id + " is already resolved");
    if (value != conflict->first.value && value != conflict->second.value)
        throw Refused("the organiser's pick must be one of the two values of the sync conflict " +
                      conflict_id);
    Event event{.judge = conflict->judge,
                .entry = conflict->entry,
                .kind = EventKind::Resolve,
                .criterion = conflict->criterion,
                .text = conflict_id,
                .by_organiser = true};
    event.value = value;
    event.previous = MarkOf(*m_book.Find(conflict->judge, conflict->entry), conflict->criterion);
    return Record({event}).front();
}

// [SECTION] Reading, catching up and replaying

std::string ScoreLog::KeyOf(JudgeId judge) {
    if (const auto known = m_keys.find(judge); known != m_keys.end()) return known->second;
    const std::optional<std::string> key =
        m_db.Prepare("SELECT key FROM judges WHERE id = ?").Bind(1, judge).OneText();
    if (!key) return "";
    return m_keys[judge] = *key; // keys never change
}

StoredCard ScoreLog::Card(JudgeId judge, const std::string& entry) {
    const StoredCard* card = m_book.Find(KeyOf(judge), entry);
    return card ? *card : StoredCard{};
}

std::map<std::string, StoredCard> ScoreLog::CardsOf(JudgeId judge) {
    return m_book.CardsOf(KeyOf(judge));
}

std::vector<Event> ScoreLog::Events() {
    std::vector<Event> events;
    sql::Statement rows = m_db.Prepare(std::string(kEventColumns) + "ORDER BY id");
    while (rows.Step())
        events.push_back(EventFromRow(rows, m_db.Path()));
    return events;
}

void ScoreLog::ReadEvents(int64_t after_id) {
    sql::Statement rows = m_db.Prepare(std::string(kEventColumns) + "WHERE id > ? ORDER BY id");
    rows.Bind(1, after_id);
    while (rows.Step())
        m_book.Apply(EventFromRow(rows, m_db.Path()));
}

bool ScoreLog::CatchUp() {
    m_db.CheckStillAtPath(); // a refresh, too, says so when the file is gone
    const int64_t version = m_store.DataVersion();
    if (version == m_data_version) return false;
    const size_t before = m_book.Events();
    ReadEvents(m_book.LastId()); // events are append-only: only newer ones can have come
    m_data_version = version;
    return m_book.Events() != before;
}

// Into a new book, so that a failure half-way leaves the old one whole.
void ScoreLog::Replay() {
    const int64_t version = m_store.DataVersion();
    CardBook old;
    std::swap(old, m_book);
    try {
        ReadEvents(0);
    } catch (...) {
        std::swap(old, m_book);
        throw;
    }
    m_data_version = version;
}

} // namespace scoring
