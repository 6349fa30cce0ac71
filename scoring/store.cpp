#include "scoring/store.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

namespace scoring {

// Each migration takes the schema from version i to i+1. Append only; never edit a shipped one.
static const std::vector<const char*> kMigrations = {
    R"(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;)",

    // 2: judging. Judges are never deleted (their events refer to them), only marked removed.
    // `events` is the audit trail, append-only (the triggers refuse UPDATE and DELETE); `cards`
    // and `card_scores` are the current state derived from it in the same transaction (ScoreLog).
    // A criterion without a row in card_scores is "not scored", which is not 0.
    R"(
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
    )",
};

static std::string RandomId() {
    std::random_device device;
    std::uniform_int_distribution<int> hex(0, 15);
    std::string id;
    for (int i = 0; i < 16; ++i)
        id += "0123456789abcdef"[hex(device)];
    return id;
}

int64_t SystemClockMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

static std::string DamagedMessage(const std::string& path, const std::string& detail) {
    return "the database " + path + " is damaged (" + detail +
           "). Scores cannot be saved in it. Keep a copy of the file for the organisers, then start the "
           "kiosk with "
           "another --db file";
}

// The full integrity_check, not quick_check: it also compares indexes with their tables, and the
// score store is small enough (a few MB at most) for it to take milliseconds.
static void CheckIntegrity(sql::Database& db) {
    sql::Statement check = db.Prepare("PRAGMA integrity_check(5)");
    std::string problems;
    while (check.Step())
        problems += (problems.empty() ? "" : "; ") + check.ColumnText(0);
    if (problems != "ok")
        throw StoreError(
            DamagedMessage(db.Path(), problems.empty() ? "no answer to integrity_check" : problems));
}

Store::Store(const std::string& path) try : m_db(path) {
    m_db.Exec("PRAGMA journal_mode=WAL");
    m_db.Exec("PRAGMA synchronous=FULL");
    m_db.Exec("PRAGMA foreign_keys=ON");
    CheckIntegrity(m_db);
    Migrate();
    m_kiosk_id = Meta("kiosk_id");
    if (m_kiosk_id.empty()) {
        m_kiosk_id = RandomId();
        SetMeta("kiosk_id", m_kiosk_id);
    }
} catch (const sql::Error& e) {
    if (e.Damaged()) throw StoreError(DamagedMessage(path, e.what()));
    throw StoreError("cannot use the database " + path + ": " + e.what());
}

int Store::LatestSchemaVersion() {
    return static_cast<int>(kMigrations.size());
}

int Store::SchemaVersion() {
    sql::Statement statement = m_db.Prepare("PRAGMA user_version");
    statement.Step();
    return static_cast<int>(statement.ColumnInt(0));
}

void Store::Migrate() {
    const int version = SchemaVersion();
    if (version > LatestSchemaVersion())
        throw StoreError("the database " + m_db.Path() + " was written by a newer kiosk (schema " +
                         std::to_string(version) + ")");
    for (int next = version; next < LatestSchemaVersion(); ++next) {
        sql::Transaction transaction(m_db);
        m_db.Exec(kMigrations[static_cast<size_t>(next)]);
        m_db.Exec("PRAGMA user_version=" + std::to_string(next + 1));
        transaction.Commit();
    }
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

std::string DefaultStorePath() {
    namespace fs = std::filesystem;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".local/share";
    else
        base = fs::temp_directory_path();
    const fs::path folder = base / "showcase-kiosk";
    fs::create_directories(folder);
    return (folder / "kiosk.db").string();
}

} // namespace scoring
