// A thin RAII layer over SQLite for the store: handles close themselves, statements finalise
// themselves, a Transaction rolls back unless committed. Only the store uses it. Every SQLite
// failure is thrown as a StoreFailure with its kind (disk full, locked...), the path and the detail.
#pragma once

#include "scoring/errors.h"
#include <cstdint>
#include <memory>
#include <optional>

#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace scoring::sql {

// Kept as a name for the SQL layer's failures: they are StoreFailures.
using Error = StoreFailure;

class Statement;

class Database {
  public:
    // Opens (creating when absent, `create`) the file at `path`; ":memory:" for tests. `vfs`: a
    // registered SQLite VFS by name (the fault-injection tests'), or "" for the default. A new file
    // is made readable by its owner only (0600), and so are its -wal and -shm (SQLite gives them
    // the database's mode); an existing one of ours loses any group and world bits.
    explicit Database(const std::string& path, const std::string& vfs = "", int busy_timeout_ms = 2000,
                      bool create = true);

    // Throws StoreFailure Vanished when the open file is no longer the one at its path (deleted,
    // its folder deleted or unmounted, moved, replaced): SQLite would go on writing into an
    // unlinked file and every write would be lost when the connection closes. Once it has thrown,
    // it throws every time: a file that comes back at the path is another file. Two stat() calls;
    // every commit runs it before and after COMMIT. Nothing for ":memory:".
    void CheckStillAtPath();
    bool Moved() const { return m_moved; } // CheckStillAtPath has found the file gone

    void Exec(const std::string& sql);
    Statement Prepare(const std::string& sql);
    sqlite3* Handle() const { return m_db.get(); }
    int64_t LastInsertId() const; // the rowid of this connection's last INSERT
    const std::string& Path() const { return m_path; }

  private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    std::unique_ptr<sqlite3, Closer> m_db;
    std::string m_path;
    bool m_on_disk = false;     // a file, not ":memory:" or a temporary database
    unsigned long m_device = 0; // st_dev of the file when opened: another device is another file
    bool m_moved = false;
};

class Statement {
  public:
    Statement(sqlite3* db, const std::string& sql);

    Statement& Bind(int index, const std::string& value);
    Statement& Bind(int index, int64_t value);
    Statement& Bind(int index, std::nullopt_t);                      // SQL NULL
    Statement& Bind(int index, const std::optional<int64_t>& value); // NULL when empty
    bool Step();                                                     // true while a row is available
    void Run();                                                      // steps to completion
    Statement& Reset();                                              // to run again, bindings cleared
    std::string ColumnText(int column) const;
    int64_t ColumnInt(int column) const;
    bool ColumnIsNull(int column) const;
    std::optional<int64_t> ColumnOptionalInt(int column) const; // nothing for NULL
    std::optional<std::string> OneText();                       // first column of the first row, if any

  private:
    struct Finalizer {
        void operator()(sqlite3_stmt* statement) const;
    };
    sqlite3* m_db;
    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void Commit();

  private:
    Database& m_db;
    bool m_done = false;
};

} // namespace scoring::sql
