#include "scoring/errors.h"

#include <sqlite3.h>

#include <filesystem>
#include <utility>

namespace scoring {

namespace {

std::string Quoted(const std::string& text) {
    return "\"" + text + "\"";
}

// The English sentence for what(): the CLI prints it, the log keeps it.
std::string English(Refusal code, const std::vector<std::string>& a) {
    auto arg = [&](size_t i) { return i < a.size() ? a[i] : std::string(); };
    const std::string card = "the scorecard of judge " + arg(0) + " for " + Quoted(arg(1));
    switch (code) {
    case Refusal::Other:
        return arg(0);
    case Refusal::NoSuchJudge:
        return "there is no judge " + arg(0);
    case Refusal::NoSuchEntry:
        return "there is no entry " + Quoted(arg(0)) + " at this fair";
    case Refusal::NotAssigned:
        return Quoted(arg(0)) + " is not in a category " + arg(1) + " judges";
    case Refusal::RecusedOwnOffice:
        return arg(1) + " is recused from " + Quoted(arg(0)) + ": it is an entry of the judge's own office";
    case Refusal::NoSuchCriterion:
        return "there is no criterion " + Quoted(arg(0)) + " in the rubric";
    case Refusal::MarksOutOfRange:
        return arg(0) + ": marks are from 0 to " + arg(1) + ", not " + arg(2);
    case Refusal::CardSubmitted:
        return card + " is submitted and locked: only an organiser can reopen it";
    case Refusal::CardConflicted:
        return card + " has a declared conflict of interest (" + arg(2) + "): it cannot be scored";
    case Refusal::NothingToUndo:
        return "nothing to undo on " + card;
    case Refusal::CardIncomplete:
        return card + " cannot be submitted: " + arg(2) + " of " + arg(3) + " criteria are not scored yet";
    case Refusal::CardNotSubmitted:
        return card + " is not submitted: there is nothing to reopen";
    case Refusal::ReasonNeeded:
        if (arg(0) == "reopen") return "reopening a scorecard needs a reason";
        if (arg(0) == "settle") return "settling a tie needs a reason";
        if (arg(0) == "unfinalise") return "reopening final results needs a reason";
        return "a conflict of interest needs a reason";
    case Refusal::JudgeNameNeeded:
        return "a judge needs a name";
    case Refusal::JudgeOfficeNeeded:
        return "judge " + Quoted(arg(0)) + " needs an office (for recusal)";
    case Refusal::JudgeCategoryNeeded:
        return "judge " + Quoted(arg(0)) + " needs at least one category to judge";
    case Refusal::BadPin:
        return (arg(0) == "organiser" ? std::string("the organiser's PIN")
                : arg(0).empty()      ? std::string("a PIN")
                                      : "the PIN of judge " + Quoted(arg(0))) +
               " must be 4 to 8 digits";
    case Refusal::JudgeNameTaken:
        return "there is already a judge named " + Quoted(arg(0));
    case Refusal::PinHashFailed:
        return "the PIN could not be hashed (libsodium did not start, or no memory)";
    case Refusal::PaperRowRepeated:
        return "criterion " + Quoted(arg(0)) + " of " + Quoted(arg(1)) + " for judge " + Quoted(arg(2)) +
               " is already given on line " + arg(3);
    case Refusal::ResultsProvisional:
        return "the results are provisional: " + arg(0) + " scorecard(s) are still missing";
    case Refusal::ResultsAlreadyFinal:
        return "the results are final: reopen them, with a reason, before changing anything";
    case Refusal::ChangedMeanwhile:
        return "the cards of judge " + Quoted(arg(0)) +
               " changed on a kiosk while the batch was checked: nothing written, run it again";
    }
    return "refused";
}

} // namespace

const char* ToString(Refusal code) {
    switch (code) {
    case Refusal::Other:
        return "other";
    case Refusal::NoSuchJudge:
        return "no-such-judge";
    case Refusal::NoSuchEntry:
        return "no-such-entry";
    case Refusal::NotAssigned:
        return "not-assigned";
    case Refusal::RecusedOwnOffice:
        return "recused-own-office";
    case Refusal::NoSuchCriterion:
        return "no-such-criterion";
    case Refusal::MarksOutOfRange:
        return "marks-out-of-range";
    case Refusal::CardSubmitted:
        return "card-submitted";
    case Refusal::CardConflicted:
        return "card-conflicted";
    case Refusal::NothingToUndo:
        return "nothing-to-undo";
    case Refusal::CardIncomplete:
        return "card-incomplete";
    case Refusal::CardNotSubmitted:
        return "card-not-submitted";
    case Refusal::ReasonNeeded:
        return "reason-needed";
    case Refusal::JudgeNameNeeded:
        return "judge-name-needed";
    case Refusal::JudgeOfficeNeeded:
        return "judge-office-needed";
    case Refusal::JudgeCategoryNeeded:
        return "judge-category-needed";
    case Refusal::BadPin:
        return "bad-pin";
    case Refusal::JudgeNameTaken:
        return "judge-name-taken";
    case Refusal::PinHashFailed:
        return "pin-hash-failed";
    case Refusal::PaperRowRepeated:
        return "paper-row-repeated";
    case Refusal::ChangedMeanwhile:
        return "changed-meanwhile";
    case Refusal::ResultsProvisional:
        return "results-provisional";
    case Refusal::ResultsAlreadyFinal:
        return "results-already-final";
    }
    return "?";
}

Refused::Refused(Refusal code, std::vector<std::string> args)
    : std::runtime_error(English(code, args)), m_code(code), m_args(std::move(args)) {}

Refused::Refused(const std::string& english) : Refused(Refusal::Other, {english}) {}

const std::string& Refused::Arg(size_t i) const {
    static const std::string kNone;
    return i < m_args.size() ? m_args[i] : kNone;
}

StoreFailure::StoreFailure(Kind kind, std::string path, std::string detail, int sqlite_code)
    : std::runtime_error("the database " + path + " failed (" + ToString(kind) + "): " + detail),
      m_kind(kind), m_path(std::move(path)), m_detail(std::move(detail)), m_code(sqlite_code) {}

const char* ToString(StoreFailure::Kind kind) {
    using Kind = StoreFailure::Kind;
    switch (kind) {
    case Kind::DiskFull:
        return "disk full";
    case Kind::ReadOnly:
        return "read-only";
    case Kind::Locked:
        return "locked by another program";
    case Kind::Damaged:
        return "damaged";
    case Kind::IoError:
        return "I/O error";
    case Kind::Vanished:
        return "file missing";
    case Kind::TooNew:
        return "written by a newer kiosk";
    case Kind::NotOurs:
        return "not a kiosk database";
    case Kind::Other:
        return "SQLite error";
    }
    return "?";
}

StoreFailure::Kind KindOfSqliteCode(int code, const std::string& path) {
    using Kind = StoreFailure::Kind;
    std::error_code ignored;
    const bool on_disk = !path.empty() && path != ":memory:";
    if (code == SQLITE_READONLY_DBMOVED || code == SQLITE_IOERR_DELETE_NOENT ||
        (on_disk && !std::filesystem::exists(path, ignored)))
        return Kind::Vanished;
    switch (code & 0xff) {
    case SQLITE_FULL:
        return Kind::DiskFull;
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return Kind::ReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Kind::Locked;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Kind::Damaged;
    case SQLITE_IOERR:
        return Kind::IoError;
    case SQLITE_CANTOPEN:
        return Kind::Vanished;
    default:
        return Kind::Other;
    }
}

} // namespace scoring
