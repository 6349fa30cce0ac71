// Errors never stop the kiosk (issue 9): a SQLite VFS fails the N-th write, sync or read, for every
// N over a run of scoring operations; another connection holds the write lock past the busy
// timeout. Whatever happens: every change that returned is in the file when it is opened again,
// nothing that threw is in it or shown as saved, only typed errors come out, and the next change
// after the fault works.
#include "fault_vfs.h"
#include "scoring/judging.h"
#include "scoring/organiser.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <tuple>
#include <unistd.h>

using namespace scoring;
namespace fs = std::filesystem;

namespace {

content::FairContent TwoEntryFair() {
    content::FairContent fair;
    fair.offices = {{"o1", {"দপ্তর ১", "Office 1"}, {}}, {"o2", {"দপ্তর ২", "Office 2"}, {}}};
    fair.categories = {{"c1", {"বিভাগ ১", "Category 1"}, {}}};
    for (auto [id, office] : {std::pair{"a", "o2"}, {"b", "o2"}, {"c", "o2"}}) {
        content::Innovation innovation;
        innovation.id = id, innovation.office_id = office, innovation.category_id = "c1";
        fair.innovations.push_back(innovation);
    }
    fair.rubric.criteria = {{"x", {"ক", "X"}, {}, 5, 1.0}, {"y", {"খ", "Y"}, {}, 10, 2.0}};
    return fair;
}

struct Files {
    fs::path path;
    explicit Files(const std::string& name)
        : path(fs::temp_directory_path() / ("kiosk-fault-" + std::to_string(getpid()) + "-" + name)) {
        Remove();
    }
    ~Files() { Remove(); }
    void Remove() const {
        for (const char* suffix : {"", "-wal", "-shm", ".before-v3", ".before-v4"})
            fs::remove(path.string() + suffix);
    }
    std::string Path() const { return path.string(); }
};

// A store with one judge (PIN 1234, office o1, category c1), checkpointed into a single file.
void MakeStore(const std::string& path) {
    Store store(path);
    Judges(store).Add({"Rahman", "o1", {"c1"}, "1234"});
    store.Database().Exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

// Every card as text, from a book, for comparing what a process shows with what the file holds.
std::string Cards(const CardBook& book, const std::string& judge) {
    std::string text;
    for (const auto& [entry, card] : book.CardsOf(judge)) {
        text += entry + "|" + card.comment + "|" + std::to_string(card.submitted) + "|" +
                std::to_string(card.can_undo) + "|";
        for (const auto& [criterion, value] : card.marks)
            text += criterion + "=" + std::to_string(value) + ",";
        text += "\n";
    }
    return text;
}

using Step = std::function<void(JudgeSession&, Judging&)>;

// The run of scoring operations every fault is tried against.
const std::vector<Step>& Steps() {
    static const std::vector<Step> steps = {
        [](JudgeSession& s, Judging&) { s.SetMarks("b", "x", 3); },
        [](JudgeSession& s, Judging&) { s.SetMarks("b", "y", 7); },
        [](JudgeSession& s, Judging&) { s.SetComment("b", "ভালো উদ্যোগ"); },
        [](JudgeSession& s, Judging&) { s.Undo("b"); },
        [](JudgeSession& s, Judging&) { s.SetMarks("b", "x", 5); },
        [](JudgeSession& s, Judging&) { s.Submit("b"); },
        [](JudgeSession& s, Judging& j) { j.Reopen(s.Who().id, "b", "a wrong line"); },
        [](JudgeSession& s, Judging&) { s.ClearMarks("b", "y"); },
        [](JudgeSession& s, Judging&) { s.Undo("b"); },
        [](JudgeSession& s, Judging&) { s.SetMarks("a", "y", 9); },
        [](JudgeSession& s, Judging&) { s.DeclareConflict("a", "my cousin's project"); },
    };
    return steps;
}

struct RunResult {
    bool fired = false;
    int acknowledged = 0;
    std::optional<StoreFailure::Kind> first_failure;
};

// One run on a copy of `seed` with `fault` armed at `n`; checks everything the file must show.
RunResult RunWithFault(const std::string& seed, const Files& files, faults::Fault fault, int n) {
    files.Remove();
    fs::copy_file(seed, files.path);
    const content::FairContent fair = TwoEntryFair();
    RunResult result;
    std::string shown, judge_key;
    {
        Store store(files.Path(), {.vfs = faults::kVfs});
        Judging judging(store, fair);
        const JudgeId judge = judging.Registry().List().at(0).id;
        judge_key = judging.Registry().List().at(0).key;
        std::unique_ptr<JudgeSession> session = judging.LogIn(judge, "1234").session;
        REQUIRE(session);
        faults::Arm(fault, n);
        for (const Step& step : Steps()) {
            try {
                step(*session, judging);
                ++result.acknowledged;
            } catch (const Refused&) { // a step after a failed one may be refused: nothing written
            } catch (const StoreFailure& failure) {
                if (!result.first_failure) result.first_failure = failure.What();
                CHECK(judging.LastProblem().has_value());
            } // anything else escapes and fails the test
        }
        result.fired = faults::Fired();
        faults::Arm(faults::Fault::None, 0);
        // The fault has passed: the next change works and clears the problem.
        session->SetComment("c", "after the fault");
        ++result.acknowledged;
        CHECK_FALSE(judging.LastProblem().has_value());
        shown = Cards(judging.Log().Book(), judge_key);
    }
    Store again(files.Path()); // the normal VFS; the integrity check runs
    ScoreLog log(again);
    const std::vector<Event> events = log.Events();
    REQUIRE(events.size() == static_cast<size_t>(result.acknowledged)); // all acknowledged, nothing more
    for (size_t i = 0; i < events.size(); ++i)
        CHECK(events[i].seq == static_cast<int64_t>(i + 1));
    CHECK(Cards(log.Book(), judge_key) == shown); // what the kiosk showed is what the file holds
    return result;
}

} // namespace

TEST_CASE(
    "a failing write, full disk or failing sync at every point of a scoring run loses nothing acknowledged") {
    faults::Install();
    Files seed("seed.db"), files("run.db");
    MakeStore(seed.Path());
    for (const auto& test : // no structured bindings: clang 14 cannot capture them in CAPTURE
         {std::tuple{faults::Fault::Write, StoreFailure::Kind::IoError, std::string("write")},
          {faults::Fault::Full, StoreFailure::Kind::DiskFull, std::string("full")},
          {faults::Fault::Sync, StoreFailure::Kind::IoError, std::string("sync")}}) {
        const faults::Fault fault = std::get<0>(test);
        const StoreFailure::Kind kind = std::get<1>(test);
        const std::string& name = std::get<2>(test);
        int runs = 0;
        for (int n = 1; n < 500; ++n) {
            CAPTURE(name);
            CAPTURE(n);
            const RunResult result = RunWithFault(seed.Path(), files, fault, n);
            if (!result.fired) break; // past the last write or sync of the run
            ++runs;
            REQUIRE(result.first_failure.has_value()); // a fault that fired was reported, never swallowed
            CHECK(*result.first_failure == kind);
        }
        MESSAGE(name << ": the fault was injected at " << runs << " points");
        CHECK(runs >= static_cast<int>(Steps().size())); // at least one per change
    }
}

TEST_CASE("another program holding the write lock: the save is refused as locked, then works") {
    Files files("locked.db");
    MakeStore(files.Path());
    const content::FairContent fair = TwoEntryFair();
    Store store(files.Path());
    Judging judging(store, fair);
    const JudgeId judge = judging.Registry().List().at(0).id;
    std::unique_ptr<JudgeSession> session = judging.LogIn(judge, "1234").session;
    REQUIRE(session);
    session->SetMarks("b", "x", 2);
    OrganiserPin(store).Set("5678");
    {
        sql::Database other(files.Path());
        other.Exec("BEGIN IMMEDIATE");
        other.Exec("INSERT INTO meta VALUES('holder', 'another program')");
        try {
            session->SetMarks("b", "x", 4); // waits the busy timeout (2 s), then gives up
            FAIL("the save went through a held lock");
        } catch (const StoreFailure& failure) {
            CHECK(failure.What() == StoreFailure::Kind::Locked);
            CHECK(failure.Path() == files.Path());
        }
        REQUIRE(judging.LastProblem());
        CHECK(judging.LastProblem()->What() == StoreFailure::Kind::Locked);
        CHECK(session->Card("b").marks[0].marks == 2); // not shown as saved
        CHECK(session->Assignments()[1].status == CardStatus::Scoring);
        // A wrong PIN under the lock (its count cannot be written): a result, not a throw.
        const LoginResult login = judging.LogIn(judge, "0000");
        CHECK(login.check.result == PinCheck::Result::StoreFailed);
        REQUIRE(login.check.failure);
        CHECK(login.check.failure->What() == StoreFailure::Kind::Locked);
        // The organiser's right PIN has nothing to write: it gets in under the lock, to fix things.
        OrganiserPin organiser(store);
        CHECK(organiser.Check("5678").result == PinCheck::Result::Ok);
        CHECK(organiser.Check("0000").result == PinCheck::Result::StoreFailed); // a wrong one must be counted
        other.Exec("ROLLBACK");
    }
    CHECK(session->SetMarks("b", "x", 4).marks[0].marks == 4);
    CHECK_FALSE(judging.LastProblem());
    Store again(files.Path());
    CHECK(ScoreLog(again).Card(judge, "b").marks.at("x") == 4);
    CHECK(ScoreLog(again).Events().size() == 2);
}

TEST_CASE("a refresh that cannot read keeps the last good model and says why, then catches up") {
    faults::Install();
    Files files("refresh.db");
    MakeStore(files.Path());
    const content::FairContent fair = TwoEntryFair();
    Store kiosk(files.Path(), {.vfs = faults::kVfs});
    Judging judging(kiosk, fair);
    const JudgeId judge = judging.Registry().List().at(0).id;
    CHECK_FALSE(judging.Refresh()); // nothing changed: nothing read

    Store other(files.Path()); // the command line, or sync, writing to the same file
    ScoreLog(other).SetMarks(judge, "b", "x", 5);
    faults::Arm(faults::Fault::Read, 1);
    CHECK_FALSE(judging.Refresh());
    REQUIRE(faults::Fired());
    REQUIRE(judging.LastProblem());
    CHECK(judging.LastProblem()->What() == StoreFailure::Kind::IoError);
    CHECK(judging.Overview().at(0).assignments[1].status == CardStatus::ToScore); // the last good model
    faults::Arm(faults::Fault::None, 0);
    CHECK(judging.Refresh());
    CHECK_FALSE(judging.LastProblem());
    CHECK(judging.Overview().at(0).assignments[1].status == CardStatus::Scoring);
    CHECK(judging.Overview().at(0).assignments[1].scored == 1);
}

TEST_CASE("another program's changes reach the read model on refresh, and writes see them first") {
    Files files("two.db");
    MakeStore(files.Path());
    const content::FairContent fair = TwoEntryFair();
    Store kiosk(files.Path());
    Judging judging(kiosk, fair);
    const JudgeId judge = judging.Registry().List().at(0).id;
    std::unique_ptr<JudgeSession> session = judging.LogIn(judge, "1234").session;
    REQUIRE(session);
    session->SetMarks("b", "x", 1);

    Store other(files.Path());
    ScoreLog(other).SetMarks(judge, "b", "y", 8); // same kiosk id: the same database
    const JudgeId added = Judges(other).Add({"Karim", "o1", {"c1"}, "5678"});
    CHECK(session->Card("b").marks[1].marks == std::nullopt); // not yet refreshed
    CHECK(judging.Refresh());
    CHECK(session->Card("b").marks[1].marks == 8);
    CHECK(judging.Registry().Find(added).has_value());
    CHECK(judging.Overview().size() == 2);

    ScoreLog(other).SetMarks(judge, "b", "x", 4);
    // A save catches up inside its transaction: its seq follows the other's, undo sees both.
    const Scorecard card = session->SetComment("b", "note");
    CHECK(card.last_saved_seq == 4);
    CHECK(card.marks[0].marks == 4);
    CHECK(session->Undo("b").comment.empty());
    CHECK(session->Undo("b").marks[0].marks == 1); // the other program's x=4 undone
}
