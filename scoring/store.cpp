#include "scoring/store.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

namespace scoring {

// Each migration takes the schema from version i to i+1. Append only; never edit a shipped one.
static const std::vector<const char*> kMigrations = {
    R"(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;)",
};

static std::string RandomId() {
    std::random_device device;
    std::uniform_int_distribution<int> hex(0, 15);
    std::string id;
    for (int i = 0; i < 16; ++i) id += "0123456789abcdef"[hex(device)];
    return id;
}

Store::Store(const std::string& path) try : m_db(path) {
    m_db.Exec("PRAGMA journal_mode=WAL");
    m_db.Exec("PRAGMA synchronous=FULL");
    m_db.Exec("PRAGMA foreign_keys=ON");
    const std::string integrity = m_db.Prepare("PRAGMA quick_check").OneText().value_or("no answer");
    if (integrity != "ok") throw StoreError("the database " + path + " is damaged: " + integrity);
    Migrate();
    m_kiosk_id = Meta("kiosk_id");
    if (m_kiosk_id.empty()) {
        m_kiosk_id = RandomId();
        SetMeta("kiosk_id", m_kiosk_id);
    }
} catch (const sql::Error& e) {
    throw StoreError("cannot use the database " + path + ": " + e.what());
}

int Store::LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

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
    m_db.Prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .Bind(1, key)
        .Bind(2, value)
        .Run();
}

std::string DefaultStorePath() {
    namespace fs = std::filesystem;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = fs::path(home) / ".local/share";
    else base = fs::temp_directory_path();
    const fs::path folder = base / "showcase-kiosk";
    fs::create_directories(folder);
    return (folder / "kiosk.db").string();
}

} // namespace scoring
