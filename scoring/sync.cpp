// [SECTION] Messages as bytes
// [SECTION] Offering
// [SECTION] Taking in: judges, then events
// [SECTION] Peers, status and problems
// [SECTION] USB files
#include "scoring/sync.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace scoring {

namespace {

// [SECTION] Messages as bytes
// Varints (LEB128), zig-zag for signed numbers, strings as a length then bytes. Format 1.

constexpr uint64_t kMessageFormat = 1;

class Writer {
  public:
    void Unsigned(uint64_t value) {
        do {
            unsigned char byte = value & 0x7f;
            value >>= 7;
            m_bytes += static_cast<char>(byte | (value ? 0x80 : 0));
        } while (value);
    }
    void Signed(int64_t value) {
        Unsigned((static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63));
    }
    void Text(const std::string& text) { Unsigned(text.size()), m_bytes += text; }
    void OptionalInt(std::optional<int> value) {
        Unsigned(value ? 1 : 0);
        if (value) Signed(*value);
    }
    std::string Take() { return std::move(m_bytes); }

  private:
    std::string m_bytes;
};

class Reader {
  public:
    explicit Reader(const std::string& bytes) : m_bytes(bytes) {}
    uint64_t Unsigned() {
        uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_at >= m_bytes.size()) throw SyncMalformed("the message ends too early");
            const auto byte = static_cast<unsigned char>(m_bytes[m_at++]);
            value |= static_cast<uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return value;
        }
        throw SyncMalformed("a number in the message is too long");
    }
    int64_t Signed() {
        const uint64_t raw = Unsigned();
        return static_cast<int64_t>(raw >> 1) ^ -static_cast<int64_t>(raw & 1);
    }
    std::string Text() {
        const uint64_t size = Unsigned();
        if (size > m_bytes.size() - m_at) throw SyncMalformed("a text in the message ends too early");
        std::string text = m_bytes.substr(m_at, size);
        m_at += size;
        return text;
    }
    std::optional<int> OptionalInt() {
        if (!Unsigned()) return std::nullopt;
        const int64_t value = Signed();
        if (value < INT32_MIN || value > INT32_MAX) throw SyncMalformed("marks out of range in the message");
        return static_cast<int>(value);
    }
    size_t Count() { // a count of items, each at least one byte: never more than what is left
        const uint64_t count = Unsigned();
        if (count > m_bytes.size() - m_at) throw SyncMalformed("a count in the message is too large");
        return count;
    }
    bool AtEnd() const { return m_at == m_bytes.size(); }

  private:
    const std::string& m_bytes;
    size_t m_at = 0;
};

void WriteEvent(Writer& out, const Event& event) {
    out.Text(event.kiosk), out.Signed(event.seq), out.Text(event.judge), out.Text(event.entry);
    out.Text(ToString(event.kind)), out.Text(event.criterion);
    out.OptionalInt(event.value), out.OptionalInt(event.previous);
    out.Text(event.text), out.Text(event.previous_text), out.Text(event.other);
    out.Text(event.undoes_kiosk), out.Signed(event.undoes_seq);
    out.Unsigned((event.by_organiser ? 1 : 0) | (event.from_paper ? 2 : 0));
    out.Signed(event.at_ms);
}

// What the events table's CHECKs would refuse is refused here, for the whole message.
Event ReadEvent(Reader& in) {
    Event event;
    event.kiosk = in.Text(), event.seq = in.Signed(), event.judge = in.Text(), event.entry = in.Text();
    const std::optional<EventKind> kind = EventKindFrom(in.Text());
    if (!kind) throw SyncMalformed("an event of an unknown kind");
    event.kind = *kind, event.criterion = in.Text();
    event.value = in.OptionalInt(), event.previous = in.OptionalInt();
    event.text = in.Text(), event.previous_text = in.Text(), event.other = in.Text();
    event.undoes_kiosk = in.Text(), event.undoes_seq = in.Signed();
    const uint64_t flags = in.Unsigned();
    event.by_organiser = flags & 1, event.from_paper = flags & 2;
    event.at_ms = in.Signed();
    if (event.kiosk.empty() || event.seq < 1) throw SyncMalformed("an event without its kiosk and seq");
    if (event.judge.empty() != IsFairDecision(event.kind)) throw SyncMalformed("an event without its judge");
    if (event.undoes_kiosk.empty() != (event.undoes_seq == 0))
        throw SyncMalformed("an undo without its target");
    return event;
}

// A read transaction (BEGIN DEFERRED): one consistent view without taking the write lock, so a
// kiosk's saves never wait for an offer being read.
class ReadTransaction {
  public:
    explicit ReadTransaction(sql::Database& db) : m_db(db) { m_db.Exec("BEGIN"); }
    ~ReadTransaction() {
        try {
            m_db.Exec("COMMIT");
        } catch (const StoreFailure&) { // nothing was written: ending it can only fail harmlessly
        }
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

  private:
    sql::Database& m_db;
};

bool SameContent(const Event& a, const Event& b) {
    return a.kiosk == b.kiosk && a.seq == b.seq && a.judge == b.judge && a.entry == b.entry &&
           a.kind == b.kind && a.criterion == b.criterion && a.value == b.value && a.previous == b.previous &&
           a.text == b.text && a.previous_text == b.previous_text && a.other == b.other &&
           a.undoes_kiosk == b.undoes_kiosk && a.undoes_seq == b.undoes_seq &&
           a.by_organiser == b.by_organiser && a.from_paper == b.from_paper && a.at_ms == b.at_ms;
}

std::string Describe(const Event& event) {
    std::ostringstream text;
    text << ToString(event.kind) << " judge " << event.judge.substr(0, 8) << " entry " << event.entry;
    if (!event.criterion.empty()) text << " " << event.criterion;
    if (event.value) text << "=" << *event.value;
    if (!event.text.empty()) text << " \"" << event.text.substr(0, 40) << "\"";
    text << " at " << event.at_ms;
    return text.str();
}

} // namespace

std::string Encode(const SyncMessage& message) {
    Writer out;
    out.Unsigned(kMessageFormat);
    out.Text(message.from), out.Unsigned(message.from_hub ? 1 : 0);
    out.Text(message.pack_version), out.Text(message.rubric_version);
    out.Unsigned(message.judges.size());
    for (const SyncJudge& judge : message.judges) {
        out.Text(judge.key), out.Text(judge.name), out.Text(judge.office);
        out.Unsigned(judge.categories.size());
        for (const std::string& category : judge.categories)
            out.Text(category);
        out.Unsigned(judge.removed ? 1 : 0), out.Text(judge.pin_hash), out.Signed(judge.revision);
    }
    out.Unsigned(message.have.size());
    for (const auto& [kiosk, seq] : message.have)
        out.Text(kiosk), out.Signed(seq);
    out.Unsigned(message.events.size());
    for (const Event& event : message.events)
        WriteEvent(out, event);
    out.Unsigned(message.more ? 1 : 0);
    out.Unsigned(message.refused.size());
    for (const std::string& refused : message.refused)
        out.Text(refused);
    return out.Take();
}

SyncMessage Decode(const std::string& bytes) {
    Reader in(bytes);
    if (in.Unsigned() != kMessageFormat) throw SyncMalformed("a message of another format (a newer kiosk?)");
    SyncMessage message;
    message.from = in.Text(), message.from_hub = in.Unsigned() != 0;
    message.pack_version = in.Text(), message.rubric_version = in.Text();
    message.judges.resize(in.Count());
    for (SyncJudge& judge : message.judges) {
        judge.key = in.Text(), judge.name = in.Text(), judge.office = in.Text();
        judge.categories.resize(in.Count());
        for (std::string& category : judge.categories)
            category = in.Text();
        judge.removed = in.Unsigned() != 0, judge.pin_hash = in.Text(), judge.revision = in.Signed();
        if (judge.key.empty() || judge.name.empty()) throw SyncMalformed("a judge without key or name");
    }
    for (size_t n = in.Count(); n > 0; --n) {
        std::string kiosk = in.Text();
        message.have[kiosk] = in.Signed();
    }
    message.events.resize(in.Count());
    for (Event& event : message.events)
        event = ReadEvent(in);
    message.more = in.Unsigned() != 0;
    message.refused.resize(in.Count());
    for (std::string& refused : message.refused)
        refused = in.Text();
    if (!in.AtEnd()) throw SyncMalformed("bytes after the end of the message");
    return message;
}

const char* ToString(SyncProblem::Kind kind) {
    switch (kind) {
    case SyncProblem::Kind::CopiedDatabase:
        return "copied-database";
    case SyncProblem::Kind::UnknownJudge:
        return "unknown-judge";
    case SyncProblem::Kind::BadEvent:
        return "bad-event";
    case SyncProblem::Kind::JudgeRenamed:
        return "judge-renamed";
    }
    return "?";
}

static SyncProblem::Kind ProblemKindFrom(const std::string& name) {
    for (auto kind : {SyncProblem::Kind::CopiedDatabase, SyncProblem::Kind::UnknownJudge,
                      SyncProblem::Kind::BadEvent, SyncProblem::Kind::JudgeRenamed})
        if (name == ToString(kind)) return kind;
    return SyncProblem::Kind::BadEvent;
}

Sync::Sync(Store& store, Clock clock) : m_store(store), m_db(store.Database()), m_clock(std::move(clock)) {}

// [SECTION] Offering

HighWater Sync::Have() {
    HighWater have;
    for (sql::Statement rows = m_db.Prepare("SELECT kiosk, MAX(seq) FROM events GROUP BY kiosk");
         rows.Step();)
        have[rows.ColumnText(0)] = rows.ColumnInt(1);
    return have;
}

std::vector<SyncJudge> Sync::AllJudges() {
    std::vector<SyncJudge> judges;
    std::map<int64_t, size_t> index;
    sql::Statement rows =
        m_db.Prepare("SELECT id, key, name, office, removed, pin_hash, revision FROM judges ORDER BY id");
    while (rows.Step()) {
        index[rows.ColumnInt(0)] = judges.size();
        judges.push_back({.key = rows.ColumnText(1),
                          .name = rows.ColumnText(2),
                          .office = rows.ColumnText(3),
                          .categories = {},
                          .removed = rows.ColumnInt(4) != 0,
                          .pin_hash = rows.ColumnText(5),
                          .revision = rows.ColumnInt(6)});
    }
    sql::Statement categories =
        m_db.Prepare("SELECT judge, category FROM judge_categories ORDER BY judge, category");
    while (categories.Step())
        judges[index.at(categories.ColumnInt(0))].categories.push_back(categories.ColumnText(1));
    return judges;
}

// From the first event the peer lacks, in this store's arrival order, skipping what it has.
SyncMessage Sync::Offer(const HighWater& peer_have, size_t limit) {
    ReadTransaction transaction(m_db); // one consistent view of judges and events
    SyncMessage message{.from = m_store.KioskId(), .from_hub = IsHub()};
    message.judges = AllJudges();
    message.have = Have();
    auto peer_has = [&](const std::string& kiosk) {
        const auto found = peer_have.find(kiosk);
        return found == peer_have.end() ? int64_t{0} : found->second;
    };
    int64_t lacked = 0, sent = 0, start = INT64_MAX;
    for (const auto& [kiosk, seq] : message.have) {
        if (seq <= peer_has(kiosk)) continue;
        lacked += seq - peer_has(kiosk);
        const std::optional<std::string> id =
            m_db.Prepare("SELECT id FROM events WHERE kiosk = ? AND seq = ?")
                .Bind(1, kiosk)
                .Bind(2, peer_has(kiosk) + 1)
                .OneText();
        if (id) start = std::min<int64_t>(start, std::stoll(*id));
    }
    if (start != INT64_MAX) {
        // First, for each kiosk, the last event the peer has of it: the peer compares it with its own
        // (a duplicate), which is how a copied database is found even when neither sends the other
        // anything the other has.
        for (const auto& [kiosk, seq] : message.have) {
            if (seq <= peer_has(kiosk) || peer_has(kiosk) == 0) continue;
            sql::Statement anchor =
                m_db.Prepare(std::string(EventColumnsSql()) + "WHERE kiosk = ? AND seq = ?");
            anchor.Bind(1, kiosk).Bind(2, peer_has(kiosk));
            if (anchor.Step()) message.events.push_back(EventFromRow(anchor, m_db.Path()));
        }
        sql::Statement rows = m_db.Prepare(std::string(EventColumnsSql()) + "WHERE id >= ? ORDER BY id");
        rows.Bind(1, start);
        while (static_cast<size_t>(sent) < limit && rows.Step()) {
            Event event = EventFromRow(rows, m_db.Path());
            if (event.seq <= peer_has(event.kiosk)) continue;
            message.events.push_back(std::move(event));
            ++sent;
        }
    }
    for (Event& event : message.events)
        event.id = 0;
    message.more = sent < lacked;
    return message;
}

// [SECTION] Taking in: judges, then events

bool Sync::Forked(const std::string& kiosk) {
    return m_db.Prepare("SELECT 1 FROM sync_problems WHERE kind = 'copied-database' AND kiosk = ? LIMIT 1")
        .Bind(1, kiosk)
        .OneText()
        .has_value();
}

void Sync::Record(const SyncProblem& problem, IngestResult& result) {
    m_db.Prepare("INSERT OR IGNORE INTO sync_problems(kind, kiosk, seq, peer, detail, at) VALUES(?, ?, ?, ?, "
                 "?, ?)")
        .Bind(1, std::string(ToString(problem.kind)))
        .Bind(2, problem.kiosk)
        .Bind(3, problem.seq)
        .Bind(4, problem.peer)
        .Bind(5, problem.detail)
        .Bind(6, problem.at_ms)
        .Run();
    result.problems.push_back(problem);
}

namespace {

struct LocalJudge {
    int64_t id = 0;
    SyncJudge judge;
};

std::optional<LocalJudge> FindJudge(sql::Database& db, const std::string& key) {
    sql::Statement row =
        db.Prepare("SELECT id, name, office, removed, pin_hash, revision FROM judges WHERE key = ?");
    row.Bind(1, key);
    if (!row.Step()) return std::nullopt;
    LocalJudge local{.id = row.ColumnInt(0),
                     .judge = {.key = key,
                               .name = row.ColumnText(1),
                               .office = row.ColumnText(2),
                               .categories = {},
                               .removed = row.ColumnInt(3) != 0,
                               .pin_hash = row.ColumnText(4),
                               .revision = row.ColumnInt(5)}};
    sql::Statement categories =
        db.Prepare("SELECT category FROM judge_categories WHERE judge = ? ORDER BY category");
    categories.Bind(1, local.id);
    while (categories.Step())
        local.judge.categories.push_back(categories.ColumnText(0));
    return local;
}

bool SameJudge(const SyncJudge& a, const SyncJudge& b) {
    return a.name == b.name && a.office == b.office && a.categories == b.categories &&
           a.removed == b.removed && a.pin_hash == b.pin_hash;
}

bool NameTaken(sql::Database& db, const std::string& name, const std::string& key) {
    return db.Prepare("SELECT 1 FROM judges WHERE name = ? AND removed = 0 AND key != ?")
        .Bind(1, name)
        .Bind(2, key)
        .OneText()
        .has_value();
}

} // namespace

// The higher revision wins; on a tie, the hub's copy (so every kiosk ends with the hub's).
void Sync::IngestJudge(const SyncJudge& incoming, bool from_hub, const std::string& peer,
                       IngestResult& result) {
    const std::optional<LocalJudge> local = FindJudge(m_db, incoming.key);
    if (local) {
        const bool newer = incoming.revision > local->judge.revision ||
                           (incoming.revision == local->judge.revision && from_hub && !IsHub());
        if (!newer || SameJudge(incoming, local->judge)) return;
    }
    std::string name = incoming.name;
    if (!incoming.removed && NameTaken(m_db, name, incoming.key)) {
        name += " (" + incoming.key.substr(0, 4) + ")";
        Record({SyncProblem::Kind::JudgeRenamed, incoming.key, 0, peer,
                "two judges named \"" + incoming.name + "\": the one from " + peer + " is shown as \"" +
                    name + "\"",
                m_clock()},
               result);
    }
    int64_t id = local ? local->id : 0;
    if (local) {
        m_db.Prepare("UPDATE judges SET name = ?, office = ?, pin_hash = ?, removed = ? WHERE id = ?")
            .Bind(1, name)
            .Bind(2, incoming.office)
            .Bind(3, incoming.pin_hash)
            .Bind(4, static_cast<int64_t>(incoming.removed))
            .Bind(5, id)
            .Run();
        m_db.Prepare("DELETE FROM judge_categories WHERE judge = ?").Bind(1, id).Run();
    } else {
        m_db.Prepare("INSERT INTO judges(key, name, office, pin_hash, removed) VALUES(?, ?, ?, ?, ?)")
            .Bind(1, incoming.key)
            .Bind(2, name)
            .Bind(3, incoming.office)
            .Bind(4, incoming.pin_hash)
            .Bind(5, static_cast<int64_t>(incoming.removed))
            .Run();
        id = m_db.LastInsertId();
    }
    for (const std::string& category : incoming.categories)
        m_db.Prepare("INSERT OR IGNORE INTO judge_categories(judge, category) VALUES(?, ?)")
            .Bind(1, id)
            .Bind(2, category)
            .Run();
    // Last: the triggers above counted our own writes; the judge now is the incoming revision.
    m_db.Prepare("UPDATE judges SET revision = ? WHERE id = ?").Bind(1, incoming.revision).Bind(2, id).Run();
    ++result.judges_changed;
}

IngestResult Sync::Ingest(const SyncMessage& message, const std::string& peer_label) {
    const std::string peer = peer_label.empty() ? message.from : peer_label;
    IngestResult result;
    sql::Transaction transaction(m_db);
    for (const SyncJudge& judge : message.judges)
        IngestJudge(judge, message.from_hub, peer, result);
    HighWater have; // only the kiosks this message names: MAX(seq) by the (kiosk, seq) index
    sql::Statement highest = m_db.Prepare("SELECT MAX(seq) FROM events WHERE kiosk = ?");
    for (const Event& event : message.events)
        if (!have.count(event.kiosk)) {
            highest.Reset().Bind(1, event.kiosk).Step();
            have[event.kiosk] = highest.ColumnInt(0);
        }
    std::set<std::string> judges, blocked; // known judge keys; kiosks whose events are not taken now
    for (sql::Statement rows = m_db.Prepare("SELECT key FROM judges"); rows.Step();)
        judges.insert(rows.ColumnText(0));
    for (sql::Statement rows = m_db.Prepare("SELECT DISTINCT kiosk FROM sync_problems WHERE kind = "
                                            "'copied-database'");
         rows.Step();)
        blocked.insert(rows.ColumnText(0));
    sql::Statement row = m_db.Prepare(std::string(EventColumnsSql()) + "WHERE kiosk = ? AND seq = ?");
    sql::Statement insert = PrepareInsertEvent(m_db);
    for (size_t i = 0; i < message.events.size(); ++i) {
        const Event& event = message.events[i];
        int64_t& mark = have[event.kiosk];
        if (blocked.count(event.kiosk)) {
            ++result.held;
        } else if (event.seq <= mark) {
            row.Reset().Bind(1, event.kiosk).Bind(2, event.seq);
            const bool found = row.Step();
            if (found && SameContent(EventFromRow(row, m_db.Path()), event)) {
                ++result.duplicates;
                continue;
            }
            Record({SyncProblem::Kind::CopiedDatabase, event.kiosk, event.seq, peer,
                    "here: " + (found ? Describe(EventFromRow(row, m_db.Path())) : std::string("(missing)")) +
                        "; from " + peer + ": " + Describe(event),
                    m_clock()},
                   result);
            blocked.insert(event.kiosk);
            ++result.held;
        } else if (event.seq > mark + 1) { // a gap: the rest comes again from our marks
            result.stopped_at_gap = true;
            result.held += message.events.size() - i;
            break;
        } else if (!event.judge.empty() && !judges.count(event.judge)) {
            Record({SyncProblem::Kind::UnknownJudge, event.kiosk, event.seq, peer,
                    "an event of a judge this store does not know: " + Describe(event), m_clock()},
                   result);
            blocked.insert(event.kiosk);
            ++result.held;
        } else {
            InsertEvent(insert, event);
            ++mark;
            ++result.stored;
        }
    }
    NotePeer(message, result.stored);
    transaction.Commit();
    return result;
}

// [SECTION] Peers, status and problems

void Sync::NotePeer(const SyncMessage& message, size_t stored) {
    if (message.from.empty() || message.from == m_store.KioskId()) return;
    const int64_t now = m_clock();
    m_db.Prepare("INSERT INTO sync_peers(peer, role, first_seen, last_seen, exchanges, events_received) "
                 "VALUES(?, ?, ?, ?, 1, ?) ON CONFLICT(peer) DO UPDATE SET role = excluded.role, "
                 "last_seen = excluded.last_seen, exchanges = exchanges + 1, "
                 "events_received = events_received + excluded.events_received")
        .Bind(1, message.from)
        .Bind(2, std::string(message.from_hub ? "hub" : "kiosk"))
        .Bind(3, now)
        .Bind(4, now)
        .Bind(5, static_cast<int64_t>(stored))
        .Run();
}

bool Sync::IsHub() {
    return m_store.Meta("sync.role") == "hub";
}

void Sync::SetHub(bool hub) {
    m_store.SetMeta("sync.role", hub ? "hub" : "kiosk");
}

HighWater Sync::AckedBy(const std::string& peer) {
    HighWater acked;
    sql::Statement rows = m_db.Prepare("SELECT kiosk, seq FROM sync_acks WHERE peer = ?");
    rows.Bind(1, peer);
    while (rows.Step())
        acked[rows.ColumnText(0)] = rows.ColumnInt(1);
    return acked;
}

void Sync::SetAcked(const std::string& peer, const HighWater& have) {
    sql::Transaction transaction(m_db);
    m_db.Prepare("DELETE FROM sync_acks WHERE peer = ?").Bind(1, peer).Run();
    for (const auto& [kiosk, seq] : have)
        m_db.Prepare("INSERT INTO sync_acks(peer, kiosk, seq) VALUES(?, ?, ?)")
            .Bind(1, peer)
            .Bind(2, kiosk)
            .Bind(3, seq)
            .Run();
    transaction.Commit();
}

void Sync::NoteHubContact(const std::string& address, const std::string& hub_id, bool ok,
                          const std::string& error) {
    sql::Transaction transaction(m_db);
    const std::string now = std::to_string(m_clock());
    m_store.SetMeta("sync.hub_address", address);
    if (!hub_id.empty()) m_store.SetMeta("sync.hub_id", hub_id);
    m_store.SetMeta("sync.last_attempt", now);
    if (ok) m_store.SetMeta("sync.last_ok", now);
    m_store.SetMeta("sync.last_error", ok ? "" : error);
    transaction.Commit();
}

SyncStatus Sync::Status() {
    SyncStatus status;
    const std::optional<SyncKey> key = StoredSyncKey(m_store);
    status.key_set = key.has_value();
    status.key_check = key ? KeyCheckCode(*key) : "";
    status.is_hub = IsHub();
    status.kiosk_id = m_store.KioskId();
    status.hub_address = m_store.Meta("sync.hub_address");
    status.hub_id = m_store.Meta("sync.hub_id");
    auto number = [&](const char* name) {
        const std::string text = m_store.Meta(name);
        return text.empty() ? int64_t{0} : std::stoll(text);
    };
    status.last_attempt_ms = number("sync.last_attempt");
    status.last_ok_ms = number("sync.last_ok");
    status.last_error = m_store.Meta("sync.last_error");
    status.last_ok = status.last_attempt_ms > 0 && status.last_error.empty();
    const HighWater acked = AckedBy(status.hub_id);
    for (const auto& [kiosk, seq] : Have()) {
        const auto found = acked.find(kiosk);
        status.events_waiting += std::max<int64_t>(0, seq - (found == acked.end() ? 0 : found->second));
        status.events_total += seq;
    }
    return status;
}

std::vector<SyncPeer> Sync::Peers() {
    std::vector<SyncPeer> peers;
    sql::Statement rows = m_db.Prepare(
        "SELECT p.peer, p.role, p.address, p.first_seen, p.last_seen, p.exchanges, p.events_received, "
        "(SELECT COUNT(*) FROM events e WHERE e.kiosk = p.peer) FROM sync_peers p ORDER BY p.last_seen DESC");
    while (rows.Step())
        peers.push_back({.kiosk = rows.ColumnText(0),
                         .role = rows.ColumnText(1),
                         .address = rows.ColumnText(2),
                         .first_seen_ms = rows.ColumnInt(3),
                         .last_seen_ms = rows.ColumnInt(4),
                         .exchanges = rows.ColumnInt(5),
                         .events_received = rows.ColumnInt(6),
                         .events_held = rows.ColumnInt(7)});
    return peers;
}

std::vector<SyncProblem> Sync::Problems() {
    std::vector<SyncProblem> problems;
    sql::Statement rows =
        m_db.Prepare("SELECT kind, kiosk, seq, peer, detail, at FROM sync_problems ORDER BY id");
    while (rows.Step())
        problems.push_back({ProblemKindFrom(rows.ColumnText(0)), rows.ColumnText(1), rows.ColumnInt(2),
                            rows.ColumnText(3), rows.ColumnText(4), rows.ColumnInt(5)});
    return problems;
}

// [SECTION] USB files

namespace {

void WriteAtomically(const std::string& path, const std::string& bytes) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".part");
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot write " + temp.string() + ": " + std::strerror(errno));
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            ::close(fd), fs::remove(temp);
            throw std::runtime_error("cannot write " + temp.string() + ": " + why);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = std::strerror(errno);
        fs::remove(temp);
        throw std::runtime_error("cannot write " + temp.string() + " to the disk: " + why);
    }
    fs::rename(temp, target);
    const std::string folder = target.parent_path().empty() ? "." : target.parent_path().string();
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0)
        ::fsync(dir), ::close(dir); // the rename itself on the disk
}

} // namespace

size_t Sync::ExportTo(const std::string& path, const SyncKey& key) {
    const SyncMessage message = Offer({}, SIZE_MAX);
    WriteAtomically(path, Seal(key, SealKind::ExportFile, Encode(message)));
    return message.events.size();
}

IngestResult Sync::ImportFrom(const std::string& path, const SyncKey& key) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot read " + path);
    const std::string sealed((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const SyncMessage message = Decode(Unseal(key, SealKind::ExportFile, sealed));
    return Ingest(message, "file " + std::filesystem::path(path).filename().string());
}

} // namespace scoring
