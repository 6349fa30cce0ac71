// The kiosk's own SQLite store: its identity, the judges and the score events.
// WAL with synchronous=FULL, so what was saved survives a crash or a pulled plug.
#pragma once

#include "scoring/sqlite.h"

#include <cstdint>
#include <functional>
#include <string>

namespace scoring {

// The file exists but SQLite cannot use it (damaged, not a database, wrong permissions).
class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A request the store turns down (a submitted card, a wrong id, a bad PIN...), in words for the
// judge or organiser. Nothing was written.
class Refused : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Milliseconds since the Unix epoch. Injected where time matters (lock-outs, event times) so
// tests can move it.
using Clock = std::function<int64_t()>;
int64_t SystemClockMs();

class Store {
  public:
    // Opens or creates the store at `path` (":memory:" for tests), checks its integrity and
    // brings its schema up to date. Throws StoreError with what is wrong and where.
    explicit Store(const std::string& path);

    int SchemaVersion();
    static int LatestSchemaVersion();
    const std::string& KioskId() const { return m_kiosk_id; } // random, made once per database
    const std::string& Path() const { return m_db.Path(); }

    std::string Meta(const std::string& key);
    void SetMeta(const std::string& key, const std::string& value);

    // For the scoring library's own classes (Judges, ScoreLog): SQL stays in scoring/.
    sql::Database& Database() { return m_db; }

  private:
    void Migrate();

    sql::Database m_db;
    std::string m_kiosk_id;
};

// Where the kiosk keeps its database when not told: $XDG_DATA_HOME/showcase-kiosk/kiosk.db,
// or ~/.local/share/showcase-kiosk/kiosk.db. Creates the folder.
std::string DefaultStorePath();

} // namespace scoring
