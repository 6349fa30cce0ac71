// What scoring/ throws, as typed codes the screens can word in Bengali and English:
//   Refused       a request turned down (a locked card, marks out of range...): nothing written.
//   StoreFailure  the database itself failed (disk full, read-only, locked, damaged, I/O error,
//                 the file gone): nothing written by the call that threw.
// Both keep an English what() for the command line and the log. Nothing else leaves scoring/'s
// public classes (Judging, JudgeSession, Judges, OrganiserPin, ScoreLog, Store) but bad_alloc.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace scoring {

enum class Refusal {
    Other,               // args[0]: an English sentence from outside scoring/ (e.g. a screen's own check)
    NoSuchJudge,         // args: judge (id or key)
    NoSuchEntry,         // args: entry
    NotAssigned,         // args: entry, judge name
    RecusedOwnOffice,    // args: entry, judge name
    NoSuchCriterion,     // args: criterion
    MarksOutOfRange,     // args: criterion name (English), max, marks given
    CardSubmitted,       // args: judge, entry
    CardConflicted,      // args: judge, entry, reason
    NothingToUndo,       // args: judge, entry
    CardIncomplete,      // args: judge, entry, missing count, criteria count
    CardNotSubmitted,    // args: judge, entry
    ReasonNeeded,        // args: "reopen", "conflict", "settle" or "unfinalise"
    JudgeNameNeeded,     // no args
    JudgeOfficeNeeded,   // args: judge name
    JudgeCategoryNeeded, // args: judge name
    BadPin,              // args: whose ("judge name", or "organiser"); a PIN is 4 to 8 digits
    JudgeNameTaken,      // args: judge name
    PinHashFailed,       // no args: libsodium could not start or had no memory
    PaperRowRepeated,    // args: criterion, entry, judge name, the line it was first given on
    ChangedMeanwhile,    // args: judge name: his or her cards changed while a batch was being checked
    ResultsProvisional,  // args: the number of scorecards still missing
    ResultsAlreadyFinal, // no args: the results are final; reopen them (with a reason) first
};
const char* ToString(Refusal code); // "card-submitted"... stable, for logs and tests

class Refused : public std::runtime_error {
  public:
    Refused(Refusal code, std::vector<std::string> args);
    explicit Refused(const std::string& english); // Refusal::Other
    Refusal Code() const { return m_code; }
    const std::vector<std::string>& Args() const { return m_args; }
    const std::string& Arg(size_t i) const; // "" past the end

  private:
    Refusal m_code;
    std::vector<std::string> m_args;
};

class StoreFailure : public std::runtime_error {
  public:
    enum class Kind {
        DiskFull, // SQLITE_FULL: no space left
        ReadOnly, // the file or its folder cannot be written
        Locked,   // another connection held the write lock past the busy timeout
        Damaged,  // corrupt pages, or not a database at all
        IoError,  // a read, write or sync failed
        Vanished, // the file was deleted, moved or cannot be opened
        TooNew,   // written by a newer kiosk (schema version above ours)
        NotOurs,  // another application's SQLite file (PRAGMA application_id): left untouched
        Other,    // anything else SQLite reported (a misuse, a constraint): a bug to report
    };
    StoreFailure(Kind kind, std::string path, std::string detail, int sqlite_code = 0);
    Kind What() const { return m_kind; }
    const std::string& Path() const { return m_path; }
    const std::string& Detail() const { return m_detail; } // SQLite's English, and what we were doing
    int SqliteCode() const { return m_code; }
    bool Damaged() const { return m_kind == Kind::Damaged; }

  private:
    Kind m_kind;
    std::string m_path, m_detail;
    int m_code;
};
const char* ToString(StoreFailure::Kind kind); // "disk full", "read-only"...

// The kind of an (extended) SQLite result code; `path` is checked for Vanished.
StoreFailure::Kind KindOfSqliteCode(int code, const std::string& path);

// The store could not be opened: the same type, kept under its old name for callers.
using StoreError = StoreFailure;

} // namespace scoring
