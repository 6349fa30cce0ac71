#include "scoring/sqlite.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scoring::sql {

static std::string PathOf(sqlite3* db) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    return file && *file ? file : ":memory:";
}

[[noreturn]] static void Fail(const std::string& path, int code, const std::string& detail) {
    throw StoreFailure(KindOfSqliteCode(code, path), path, detail, code);
}

static void Check(sqlite3* db, int code, const std::string& what) {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW)
        Fail(PathOf(db), code, what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
}

void Database::Closer::operator()(sqlite3* db) const {
    sqlite3_close_v2(db);
}

static bool OnDisk(const std::string& path) {
    return !path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0;
}

// Creates `path` empty with mode 0600 when absent, so that SQLite finds it and gives the -wal and
// -shm it makes the same mode; takes the group and world bits off an existing file we own (and
// off its -wal and -shm). Failures are left to sqlite3_open_v2 to report.
static void MakePrivate(const std::string& path, bool create) {
    if (create) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) ::close(fd);
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const std::string file = path + suffix;
        struct stat info {};
        if (::stat(file.c_str(), &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == ::geteuid() &&
            (info.st_mode & 077) != 0)
            ::chmod(file.c_str(), info.st_mode & 0700);
    }
}

Database::Database(const std::string& path, const std::string& vfs, int busy_timeout_ms, bool create)
    : m_path(path), m_on_disk(OnDisk(path)) {
    if (m_on_disk) MakePrivate(path, create);
    sqlite3* db = nullptr;
    const int code =
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0),
                        vfs.empty() ? nullptr : vfs.c_str());
    m_db.reset(db); // closed even when opening failed
    if (code != SQLITE_OK)
        Fail(path, code, "opening " + path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
    sqlite3_busy_timeout(db, busy_timeout_ms);
    sqlite3_extended_result_codes(db, 1);
    struct stat info {};
    if (m_on_disk && ::stat(path.c_str(), &info) == 0) m_device = static_cast<unsigned long>(info.st_dev);
}

void Database::CheckStillAtPath() {
    if (!m_on_disk) return;
    if (!m_moved) {
        // SQLite's unix VFS compares the inode at the path with the one it holds open (a failed
        // stat counts as moved); the device we compare ourselves.
        int moved = 0;
        const int code = sqlite3_file_control(m_db.get(), "main", SQLITE_FCNTL_HAS_MOVED, &moved);
        struct stat info {};
        m_moved = (code == SQLITE_OK && moved) || ::stat(m_path.c_str(), &info) != 0 ||
                  static_cast<unsigned long>(info.st_dev) != m_device;
    }
    if (m_moved)
        throw StoreFailure(StoreFailure::Kind::Vanished, m_path,
                           "the database file " + m_path +
                               " is no longer there (deleted, its folder deleted or its disk removed): "
                               "nothing more is saved in it");
}

void Database::Exec(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        Fail(m_path, code, text + " (in: " + sql.substr(0, 60) + ")");
    }
}

int64_t Database::LastInsertId() const {
    return sqlite3_last_insert_rowid(m_db.get());
}

Statement Database::Prepare(const std::string& sql) {
    return Statement(m_db.get(), sql);
}

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const {
    sqlite3_finalize(statement);
}

Statement::Statement(sqlite3* db, const std::string& sql) : m_db(db) {
    sqlite3_stmt* statement = nullptr;
    Check(db, sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), "preparing " + sql.substr(0, 60));
    m_statement.reset(statement);
}

Statement& Statement::Bind(int index, const std::string& value) {
    Check(m_db,
          sqlite3_bind_text(m_statement.get(), index, value.c_str(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT),
          "binding");
    return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
    Check(m_db, sqlite3_bind_int64(m_statement.get(), index, value), "binding");
    return *this;
}

Statement& Statement::Bind(int index, std::nullopt_t) {
    Check(m_db, sqlite3_bind_null(m_statement.get(), index), "binding");
    return *this;
}

Statement& Statement::Bind(int index, const std::optional<int64_t>& value) {
    return value ? Bind(index, *value) : Bind(index, std::nullopt);
}

bool Statement::Step() {
    const int code = sqlite3_step(m_statement.get());
    Check(m_db, code, "running " + std::string(sqlite3_sql(m_statement.get())).substr(0, 60));
    return code == SQLITE_ROW;
}

void Statement::Run() {
    while (Step()) {
    }
}

Statement& Statement::Reset() {
    sqlite3_reset(m_statement.get()); // returns the last step's error, already thrown by Step
    sqlite3_clear_bindings(m_statement.get());
    return *this;
}

std::string Statement::ColumnText(int column) const {
    const unsigned char* text = sqlite3_column_text(m_statement.get(), column);
    return text ? reinterpret_cast<const char*>(text) : "";
}

int64_t Statement::ColumnInt(int column) const {
    return sqlite3_column_int64(m_statement.get(), column);
}

bool Statement::ColumnIsNull(int column) const {
    return sqlite3_column_type(m_statement.get(), column) == SQLITE_NULL;
}

std::optional<int64_t> Statement::ColumnOptionalInt(int column) const {
    if (ColumnIsNull(column)) return std::nullopt;
    return ColumnInt(column);
}

std::optional<std::string> Statement::OneText() {
    if (!Step()) return std::nullopt;
    return ColumnText(0);
}

Transaction::Transaction(Database& db) : m_db(db) {
    m_db.Exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!m_done) sqlite3_exec(m_db.Handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

// The file is checked before COMMIT (gone: the transaction rolls back, nothing is said saved)
// and after it (gone meanwhile: the change reached only the unlinked file, so it is not
// acknowledged either).
void Transaction::Commit() {
    m_db.CheckStillAtPath();
    m_db.Exec("COMMIT");
    m_done = true;
    m_db.CheckStillAtPath();
}

} // namespace scoring::sql
