// The kiosk's own SQLite store: its identity, the judges and the score events.
// WAL with synchronous=FULL, so what was saved survives a crash or a pulled plug.
#pragma once

#include "scoring/errors.h"
#include "scoring/sqlite.h"

#include <cstdint>
#include <functional>
#include <string>

namespace scoring {

// Milliseconds since the Unix epoch. Injected where time matters (lock-outs, event times) so
// tests can move it.
using Clock = std::function<int64_t()>;
int64_t SystemClockMs();

// How a store is opened. The defaults are the kiosk's; tests change them.
struct StoreOptions {
    int schema_version = 0;     // migrate up to this version only (0: the latest); tests build old files
    std::string vfs{};          // a registered SQLite VFS by name, "" for the default
    int busy_timeout_ms = 2000; // how long a write waits for another connection's lock
};

class Store {
  public:
    // Opens or creates the store at `path` (":memory:" for tests), checks its integrity and
    // brings its schema up to date, first copying an existing file beside it (BackupPath()).
    // Throws StoreFailure (StoreError) with what is wrong and where.
    explicit Store(const std::string& path, const StoreOptions& options = {});

    int SchemaVersion();
    static int LatestSchemaVersion();
    const std::string& KioskId() const { return m_kiosk_id; } // random, made once per database
    const std::string& Path() const { return m_db.Path(); }
    // The copy written before this open migrated an existing file (kiosk.db.before-v3), or "".
    const std::string& BackupPath() const { return m_backup; }

    // Changes when another connection commits to the file (PRAGMA data_version); not for our own.
    int64_t DataVersion();

    std::string Meta(const std::string& key);
    void SetMeta(const std::string& key, const std::string& value);

    // For the scoring library's own classes (Judges, ScoreLog): SQL stays in scoring/.
    sql::Database& Database() { return m_db; }

    // The file is no longer at its path (deleted, its folder or disk gone): every write since
    // throws StoreFailure Vanished, and the still-open connection holds the only copy.
    bool Vanished() const { return m_db.Moved(); }
    // An emergency copy of the whole database from the open connection (which still reads a deleted
    // file): to `target` when given, else the first place that takes it of: beside the lost file
    // (kiosk.db.rescued-<time>, when its folder is back), the kiosk's data folder
    // (rescued-<time>.db), the home folder, the temporary folder. Checked and atomic (CopyDatabase).
    // Returns where it went; throws StoreFailure when no place took it.
    std::string Rescue(const std::string& target = "");

    // The application_id our files carry ("KIOS"); files with another are refused (NotOurs).
    static constexpr int32_t kApplicationId = 0x4B494F53;

  private:
    void Migrate(int target);
    void ClaimOrRefuse();

    sql::Database m_db;
    std::string m_kiosk_id;
    std::string m_backup;
};

// A consistent copy of the open database `from` (its WAL content included) to `out`, with SQLite's
// online backup API: written to a temporary file beside `out` (mode 0600), checked with
// PRAGMA integrity_check, made a single file (journal_mode DELETE), synced, then renamed over
// `out`. Writers on other connections are not blocked. Throws StoreFailure (nothing left at `out`
// changed when it throws).
void CopyDatabase(sql::Database& from, const std::string& out);
// The same from a database file (opened, never created): `kiosk backup` and scheduled backups.
void CopyDatabase(const std::string& from, const std::string& out);

// Where the kiosk keeps its database when not told: $XDG_DATA_HOME/showcase-kiosk/kiosk.db,
// or ~/.local/share/showcase-kiosk/kiosk.db. Creates the folder, for its user only (0700).
std::string DefaultStorePath();
std::string DefaultStoreFolder(); // the same folder, not made

// The local time as "20240103-142501", for the names of backups and rescued copies.
std::string LocalTimeStamp();

// `bytes` random bytes from libsodium's CSPRNG, as lower-case hex: judge keys and kiosk ids.
std::string RandomHex(size_t bytes);

} // namespace scoring
