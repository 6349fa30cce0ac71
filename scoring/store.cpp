#include "scoring/store.h"

#include <sodium.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scoring {

namespace {

// Migration 3 gives each existing judge a fair-wide key, made here (the CSPRNG is not SQL's).
void KeyEveryJudge(sql::Database& db) {
    std::vector<int64_t> ids;
    for (sql::Statement rows = db.Prepare("SELECT id FROM judges_v3"); rows.Step();)
        ids.push_back(rows.ColumnInt(0));
    for (int64_t id : ids)
        db.Prepare("UPDATE judges_v3 SET key = ? WHERE id = ?").Bind(1, RandomHex(16)).Bind(2, id).Run();
}

// Each migration takes the schema from version i to i+1, in one transaction with foreign keys
// off (tables are rebuilt: create a copy, fill it, drop the old one, rename). `then` runs after
// `sql` and before `finish`. Append only; never edit a shipped one.
struct Migration {
    const char* sql;
    void (*then)(sql::Database&) = nullptr;
    const char* finish = "";
};

const std::vector<Migration> kMigrations = {
    {R"(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;)"},

    // 2: judging. Judges are never deleted (their events refer to them), only marked removed.
    // `events` is the audit trail, append-only (the triggers refuse UPDATE and DELETE); `cards`
    // and `card_scores` are the current state derived from it in the same transaction (ScoreLog).
    // A criterion without a row in card_scores is "not scored", which is not 0.
    {R"(
    CREATE TABLE judges (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      office TEXT NOT NULL,
      pin_hash TEXT NOT NULL,
      failed_pins INTEGER NOT NULL DEFAULT 0,
      lockouts INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER NOT NULL DEFAULT 0,
      removed INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE UNIQUE INDEX judges_active_name ON judges(name) WHERE removed = 0;
    CREATE TABLE judge_categories (
      judge INTEGER NOT NULL REFERENCES judges(id),
      category TEXT NOT NULL,
      PRIMARY KEY (judge, category)
    ) STRICT;
    CREATE TABLE events (
      id INTEGER PRIMARY KEY,
      kiosk TEXT NOT NULL,
      seq INTEGER NOT NULL,
      judge INTEGER NOT NULL REFERENCES judges(id),
      entry TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('score', 'clear', 'comment', 'submit', 'reopen', 'conflict')),
      criterion TEXT,
      value INTEGER,
      previous INTEGER,
      text TEXT,
      previous_text TEXT,
      undoes INTEGER REFERENCES events(id),
      actor TEXT NOT NULL CHECK (actor IN ('judge', 'organiser')),
      at INTEGER NOT NULL,
      UNIQUE (kiosk, seq)
    ) STRICT;
    CREATE INDEX events_card ON events(judge, entry, id);
    CREATE INDEX events_undoes ON events(undoes) WHERE undoes IS NOT NULL;
    CREATE TRIGGER events_never_updated BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'score events are append-only: never changed'); END;
    CREATE TRIGGER events_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'score events are append-only: never deleted'); END;
    CREATE TABLE cards (
      judge INTEGER NOT NULL,
      entry TEXT NOT NULL,
      comment TEXT NOT NULL DEFAULT '',
      submitted INTEGER NOT NULL DEFAULT 0,
      conflict TEXT,
      PRIMARY KEY (judge, entry)
    ) STRICT;
    CREATE TABLE card_scores (
      judge INTEGER NOT NULL,
      entry TEXT NOT NULL,
      criterion TEXT NOT NULL,
      value INTEGER NOT NULL,
      PRIMARY KEY (judge, entry, criterion)
    ) STRICT;
    )"},

    // 3: fair-wide identities. A judge gets a key, random, the same on every kiosk and the hub; the
    // local id stays the handle of screens and CLI. Events name the judge by key and the event an
    // undo undoes by (kiosk, seq), which mean the same in any store. `id` stays as the local arrival
    // order, the order replay applies events in. The derived tables `cards` and `card_scores` go:
    // the current cards are a read model in memory, replayed from the events (ScoreLog).
    {R"(
    CREATE TABLE judges_v3 (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      office TEXT NOT NULL,
      pin_hash TEXT NOT NULL,
      failed_pins INTEGER NOT NULL DEFAULT 0,
      lockouts INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER NOT NULL DEFAULT 0,
      removed INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO judges_v3(id, key, name, office, pin_hash, failed_pins, lockouts, locked_until, removed)
      SELECT id, 'unkeyed-' || id, name, office, pin_hash, failed_pins, lockouts, locked_until, removed FROM judges;
    )",
     KeyEveryJudge,
     R"(
    CREATE TABLE events_v3 (
      id INTEGER PRIMARY KEY,
      kiosk TEXT NOT NULL,
      seq INTEGER NOT NULL,
      judge TEXT NOT NULL REFERENCES judges(key),
      entry TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('score', 'clear', 'comment', 'submit', 'reopen', 'conflict')),
      criterion TEXT,
      value INTEGER,
      previous INTEGER,
      text TEXT,
      previous_text TEXT,
      undoes_kiosk TEXT,
      undoes_seq INTEGER,
      actor TEXT NOT NULL CHECK (actor IN ('judge', 'organiser')),
      at INTEGER NOT NULL,
      UNIQUE (kiosk, seq),
      CHECK ((undoes_kiosk IS NULL) = (undoes_seq IS NULL))
    ) STRICT;
    INSERT INTO events_v3(id, kiosk, seq, judge, entry, kind, criterion, value, previous, text, previous_text,
                          undoes_kiosk, undoes_seq, actor, at)
      SELECT e.id, e.kiosk, e.seq, j.key, e.entry, e.kind, e.criterion, e.value, e.previous, e.text,
             e.previous_text, u.kiosk, u.seq, e.actor, e.at
      FROM events e JOIN judges_v3 j ON j.id = e.judge LEFT JOIN events u ON u.id = e.undoes ORDER BY e.id;
    DROP TABLE events;
    DROP TABLE cards;
    DROP TABLE card_scores;
    DROP TABLE judges;
    ALTER TABLE judges_v3 RENAME TO judges;
    ALTER TABLE events_v3 RENAME TO events;
    CREATE UNIQUE INDEX judges_active_name ON judges(name) WHERE removed = 0;
    CREATE TRIGGER events_never_updated BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'score events are append-only: never changed'); END;
    CREATE TRIGGER events_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'score events are append-only: never deleted'); END;
    )"},

    // 4: the fair's result and marks from paper. New kinds of event, each keyed by (kiosk, seq) like
    // a score, so that sync carries them as it carries scores:
    //   prefer      a judge's head-to-head answer: `entry` is preferred to `other`
    //   settle      the organiser settles a declared tie: `entry` above `other`, `text` the reason
    //   finalise    the organiser finalises the results: `text` the snapshot (with its SHA-256)
    //   unfinalise  the organiser reopens final results: `text` the reason
    //   resolve     the organiser picks one value of a sync conflict: like a score, not undoable
    //   rubric      the organiser accepts a changed rubric: `text` describes it
    // `judge` is NULL for the organiser's decisions that concern no judge (settle, finalise,
    // unfinalise, rubric). `source` says how a change reached the store: on the touchscreen, or
    // typed from a signed paper score sheet.
    {R"(
    CREATE TABLE events_v4 (
      id INTEGER PRIMARY KEY,
      kiosk TEXT NOT NULL,
      seq INTEGER NOT NULL,
      judge TEXT REFERENCES judges(key),
      entry TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('score', 'clear', 'comment', 'submit', 'reopen', 'conflict',
                                         'prefer', 'settle', 'finalise', 'unfinalise', 'resolve', 'rubric')),
      criterion TEXT,
      value INTEGER,
      previous INTEGER,
      text TEXT,
      previous_text TEXT,
      other TEXT,
      undoes_kiosk TEXT,
      undoes_seq INTEGER,
      actor TEXT NOT NULL CHECK (actor IN ('judge', 'organiser')),
      source TEXT NOT NULL DEFAULT 'touch' CHECK (source IN ('touch', 'paper')),
      at INTEGER NOT NULL,
      UNIQUE (kiosk, seq),
      CHECK ((undoes_kiosk IS NULL) = (undoes_seq IS NULL)),
      CHECK ((judge IS NULL) = (kind IN ('settle', 'finalise', 'unfinalise', 'rubric')))
    ) STRICT;
    INSERT INTO events_v4(id, kiosk, seq, judge, entry, kind, criterion, value, previous, text, previous_text,
                          undoes_kiosk, undoes_seq, actor, at)
      SELECT id, kiosk, seq, judge, entry, kind, criterion, value, previous, text, previous_text,
             undoes_kiosk, undoes_seq, actor, at FROM events ORDER BY id;
    DROP TABLE events;
    ALTER TABLE events_v4 RENAME TO events;
    CREATE TRIGGER events_never_updated BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'score events are append-only: never changed'); END;
    CREATE TRIGGER events_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'score events are append-only: never deleted'); END;
    )"},

    // 5: sync between the kiosks and the hub (scoring/sync.h). A judge's `revision` grows with every
    // change of what travels (name, office, PIN, removed, categories), counted by triggers, so the
    // more changed copy wins when two stores meet. `sync_peers`: each store this one exchanged with
    // (the hub's console: last seen, events received). `sync_acks`: how far a peer is known to have
    // each kiosk's events. `sync_problems`: what sync refused and the organiser must see (a copied
    // database: the same (kiosk, seq) with different content), one row per problem however often
    // it comes again.
    {R"(
    ALTER TABLE judges ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    CREATE TRIGGER judges_revision AFTER UPDATE OF name, office, pin_hash, removed ON judges
      BEGIN UPDATE judges SET revision = revision + 1 WHERE id = NEW.id; END;
    CREATE TRIGGER judge_categories_added AFTER INSERT ON judge_categories
      BEGIN UPDATE judges SET revision = revision + 1 WHERE id = NEW.judge; END;
    CREATE TRIGGER judge_categories_removed AFTER DELETE ON judge_categories
      BEGIN UPDATE judges SET revision = revision + 1 WHERE id = OLD.judge; END;
    CREATE TABLE sync_peers (
      peer TEXT PRIMARY KEY,
      role TEXT NOT NULL DEFAULT 'kiosk',
      address TEXT NOT NULL DEFAULT '',
      first_seen INTEGER NOT NULL,
      last_seen INTEGER NOT NULL,
      exchanges INTEGER NOT NULL DEFAULT 0,
      events_received INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE TABLE sync_acks (
      peer TEXT NOT NULL,
      kiosk TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (peer, kiosk)
    ) STRICT;
    CREATE TABLE sync_problems (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('copied-database', 'unknown-judge', 'bad-event', 'judge-renamed')),
      kiosk TEXT NOT NULL,
      seq INTEGER NOT NULL,
      peer TEXT NOT NULL,
      detail TEXT NOT NULL,
      at INTEGER NOT NULL,
      UNIQUE (kind, kiosk, seq)
    ) STRICT;
    )"},
};

} // namespace

std::string RandomHex(size_t bytes) {
    static const bool ready = sodium_init() >= 0; // thread-safe, once
    if (!ready) throw StoreFailure(StoreFailure::Kind::Other, "", "libsodium cannot start: no random keys");
    std::vector<unsigned char> random(bytes);
    randombytes_buf(random.data(), random.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
    hex.pop_back();
    return hex;
}

int64_t SystemClockMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

static std::string DamagedMessage(const std::string& path, const std::string& detail) {
    return "the database " + path + " is damaged (" + detail +
           "). Scores cannot be saved in it. Keep a copy of the file for the organisers, then start the "
           "kiosk with another --db file";
}

static StoreFailure Damaged(const std::string& path, const std::string& detail) {
    return StoreFailure(StoreFailure::Kind::Damaged, path, DamagedMessage(path, detail));
}

// A copy of the whole database beside it, with SQLite's online backup API, before a migration
// changes it: `path.before-vN`, or `.before-vN.2`, `.3`... never overwriting an earlier copy.
static std::string BackUp(sql::Database& db, int target_version) {
    namespace fs = std::filesystem;
    const std::string base = db.Path() + ".before-v" + std::to_string(target_version);
    std::string copy = base;
    for (int n = 2; fs::exists(copy) || fs::exists(copy + "-wal"); ++n)
        copy = base + "." + std::to_string(n);
    sql::Database target(copy);
    sqlite3_backup* backup = sqlite3_backup_init(target.Handle(), "main", db.Handle(), "main");
    if (!backup)
        throw StoreFailure(KindOfSqliteCode(sqlite3_errcode(target.Handle()), copy), copy,
                           std::string("backing up before the migration: ") +
                               sqlite3_errmsg(target.Handle()));
    sqlite3_backup_step(backup, -1);
    const int code = sqlite3_backup_finish(backup);
    if (code != SQLITE_OK) {
        const std::string detail = std::string("backing up before the migration: ") + sqlite3_errstr(code);
        fs::remove(copy);
        throw StoreFailure(KindOfSqliteCode(code, copy), copy, detail, code);
    }
    return copy;
}

// The full integrity_check, not quick_check: it also compares indexes with their tables, and the
// score store is small enough (a few MB at most) for it to take milliseconds.
static void CheckIntegrity(sql::Database& db) {
    sql::Statement check = db.Prepare("PRAGMA integrity_check(5)");
    std::string problems;
    while (check.Step())
        problems += (problems.empty() ? "" : "; ") + check.ColumnText(0);
    if (problems != "ok")
        throw Damaged(db.Path(), problems.empty() ? "no answer to integrity_check" : problems);
}

Store::Store(const std::string& path, const StoreOptions& options) try
    : m_db(path, options.vfs, options.busy_timeout_ms) {
    ClaimOrRefuse(); // before anything is written into someone else's file
    m_db.Exec("PRAGMA journal_mode=WAL");
    m_db.Exec("PRAGMA synchronous=FULL");
    m_db.Exec("PRAGMA foreign_keys=ON");
    CheckIntegrity(m_db);
    Migrate(options.schema_version > 0 ? options.schema_version : LatestSchemaVersion());
    m_kiosk_id = Meta("kiosk_id");
    if (m_kiosk_id.empty()) {
        m_kiosk_id = RandomHex(8);
        SetMeta("kiosk_id", m_kiosk_id);
    }
} catch (const StoreFailure& e) {
    if (e.Damaged() && e.Detail().find("is damaged") == std::string::npos) throw Damaged(path, e.Detail());
    throw;
}

static int64_t PragmaInt(sql::Database& db, const std::string& pragma) {
    sql::Statement statement = db.Prepare("PRAGMA " + pragma);
    return statement.Step() ? statement.ColumnInt(0) : 0;
}

// Ours: marked with our application_id, or an empty file (new: we mark it), or one of ours from
// before the mark (a schema version we know and a kiosk id in `meta`: we mark it). Anything else
// is another application's database, refused before a byte of ours is written into it.
void Store::ClaimOrRefuse() {
    const int64_t id = PragmaInt(m_db, "application_id");
    if (id == kApplicationId) return;
    const int64_t version = PragmaInt(m_db, "user_version");
    const bool empty = !m_db.Prepare("SELECT 1 FROM sqlite_schema LIMIT 1").Step();
    bool ours_unmarked = false;
    try {
        ours_unmarked =
            id == 0 && version >= 1 && version <= LatestSchemaVersion() &&
            m_db.Prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").Step() &&
            !Meta("kiosk_id").empty();
    } catch (const StoreFailure&) { // a `meta` of another shape: not ours
    }
    if (!(id == 0 && (empty || ours_unmarked)))
        throw StoreFailure(
            StoreFailure::Kind::NotOurs, m_db.Path(),
            "the file " + m_db.Path() +
                " is not a showcase kiosk database but another application's (SQLite "
                "application_id " +
                std::to_string(id) + ", " + (empty ? "no" : "its own") +
                " tables): the kiosk leaves it untouched. Give the kiosk its own file with --db");
    try {
        m_db.Exec("PRAGMA application_id=" + std::to_string(kApplicationId));
    } catch (const StoreFailure& failure) {
        if (failure.What() != StoreFailure::Kind::ReadOnly) throw; // a read-only copy of ours still opens
    }
}

int Store::LatestSchemaVersion() {
    return static_cast<int>(kMigrations.size());
}

int Store::SchemaVersion() {
    sql::Statement statement = m_db.Prepare("PRAGMA user_version");
    statement.Step();
    return static_cast<int>(statement.ColumnInt(0));
}

void Store::Migrate(int target) {
    const int version = SchemaVersion();
    if (version > LatestSchemaVersion())
        throw StoreFailure(StoreFailure::Kind::TooNew, m_db.Path(),
                           "the database " + m_db.Path() + " was written by a newer kiosk (schema " +
                               std::to_string(version) + ")");
    if (version >= target) return;
    if (version > 0 && m_db.Path() != ":memory:" && !m_db.Path().empty()) m_backup = BackUp(m_db, target);
    m_db.Exec("PRAGMA foreign_keys=OFF"); // tables are rebuilt; a no-op inside a transaction
    for (int next = version; next < target; ++next) {
        const Migration& migration = kMigrations[static_cast<size_t>(next)];
        sql::Transaction transaction(m_db);
        m_db.Exec(migration.sql);
        if (migration.then) migration.then(m_db);
        if (*migration.finish) m_db.Exec(migration.finish);
        if (m_db.Prepare("PRAGMA foreign_key_check").Step())
            throw Damaged(m_db.Path(),
                          "migration " + std::to_string(next + 1) + " found rows naming missing ones");
        m_db.Exec("PRAGMA user_version=" + std::to_string(next + 1));
        transaction.Commit();
    }
    m_db.Exec("PRAGMA foreign_keys=ON");
}

int64_t Store::DataVersion() {
    sql::Statement statement = m_db.Prepare("PRAGMA data_version");
    statement.Step();
    return statement.ColumnInt(0);
}

std::string Store::Meta(const std::string& key) {
    return m_db.Prepare("SELECT value FROM meta WHERE key = ?").Bind(1, key).OneText().value_or("");
}

void Store::SetMeta(const std::string& key, const std::string& value) {
    m_db.Prepare(
            "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .Bind(1, key)
        .Bind(2, value)
        .Run();
}

// [copying] The online backup API and the checks around it.

namespace {

// Fsyncs a file or a folder by path; false when it cannot.
bool SyncPath(const std::string& path, bool folder) {
    const int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

StoreFailure CopyFailed(const std::string& out, const std::string& detail, int code = 0) {
    return StoreFailure(code ? KindOfSqliteCode(code, "") : StoreFailure::Kind::IoError, out,
                        "copying the database to " + out + ": " + detail, code);
}

// The pages of `from` into the (new, empty) `to`, in one step: a consistent snapshot.
void BackupPages(sql::Database& from, sql::Database& to) {
    sqlite3_backup* backup = sqlite3_backup_init(to.Handle(), "main", from.Handle(), "main");
    if (!backup) throw CopyFailed(to.Path(), sqlite3_errmsg(to.Handle()), sqlite3_errcode(to.Handle()));
    int code = SQLITE_OK;
    for (int tries = 0; tries < 100; ++tries) { // a writer mid-checkpoint: wait, as the busy timeout would
        code = sqlite3_backup_step(backup, -1);
        if (code != SQLITE_BUSY && code != SQLITE_LOCKED) break;
        sqlite3_sleep(50);
    }
    const int finish = sqlite3_backup_finish(backup);
    if (code != SQLITE_DONE) throw CopyFailed(to.Path(), sqlite3_errstr(code), code);
    if (finish != SQLITE_OK) throw CopyFailed(to.Path(), sqlite3_errstr(finish), finish);
}

} // namespace

void CopyDatabase(sql::Database& from, const std::string& out) {
    namespace fs = std::filesystem;
    const std::string temporary = out + ".tmp-" + RandomHex(4);
    auto remove_temporary = [&] {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(temporary + suffix, ignored);
    };
    try {
        {
            sql::Database copy(temporary); // created 0600
            BackupPages(from, copy);
            copy.Exec("PRAGMA journal_mode=DELETE"); // one file, whatever mode the source was in
            CheckIntegrity(copy);
        }
        if (!SyncPath(temporary, false)) throw CopyFailed(out, "the copy could not be synced to disk");
    } catch (...) {
        remove_temporary();
        throw;
    }
    std::error_code error;
    fs::rename(temporary, out, error);
    if (error) {
        remove_temporary();
        throw CopyFailed(out, error.message());
    }
    SyncPath(fs::path(out).parent_path().empty() ? "." : fs::path(out).parent_path().string(), true);
}

void CopyDatabase(const std::string& from, const std::string& out) {
    sql::Database source(from, "", 2000, /*create=*/false);
    CopyDatabase(source, out);
}

std::string LocalTimeStamp() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &local);
    return text;
}

std::string Store::Rescue(const std::string& target) {
    namespace fs = std::filesystem;
    std::vector<std::string> places;
    const std::string stamp = LocalTimeStamp();
    if (!target.empty()) {
        places.push_back(target);
    } else {
        std::error_code ignored;
        const fs::path lost(Path());
        if (fs::is_directory(lost.parent_path(), ignored))
            places.push_back(lost.string() + ".rescued-" + stamp);
        try {
            places.push_back(
                (fs::path(DefaultStorePath()).parent_path() / ("rescued-" + stamp + ".db")).string());
        } catch (const std::exception&) { // no data folder can be made
        }
        if (const char* home = std::getenv("HOME"); home && *home)
            places.push_back((fs::path(home) / ("kiosk-rescued-" + stamp + ".db")).string());
        places.push_back((fs::temp_directory_path() / ("kiosk-rescued-" + stamp + ".db")).string());
    }
    std::string failures;
    for (const std::string& place : places) {
        try {
            CopyDatabase(m_db, place);
            return place;
        } catch (const StoreFailure& failure) {
            failures += (failures.empty() ? "" : "; ") + std::string(failure.what());
        }
    }
    throw StoreFailure(StoreFailure::Kind::Vanished, Path(), "no place took the rescued copy: " + failures);
}

std::string DefaultStoreFolder() {
    namespace fs = std::filesystem;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".local/share";
    else
        base = fs::temp_directory_path();
    return (base / "showcase-kiosk").string();
}

std::string DefaultStorePath() {
    namespace fs = std::filesystem;
    const fs::path folder = DefaultStoreFolder();
    fs::create_directories(folder);
    // Marks and PIN hashes are for the kiosk's user only.
    std::error_code ignored;
    fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, ignored);
    return (folder / "kiosk.db").string();
}

} // namespace scoring
