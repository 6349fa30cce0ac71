// Nothing lost (issue 14): the database folder deleted under a running writer (through the
// fault-injecting VFS), the rescued copy, backups of a live database with an uncheckpointed WAL,
// another application's SQLite file refused, and files for the kiosk's user only.
#include "fault_vfs.h"
#include "scoring/judges.h"
#include "scoring/score_log.h"
#include "scoring/store_keeping.h"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

using namespace scoring;
namespace fs = std::filesystem;

namespace {

// A fresh folder in the temporary folder, removed afterwards; XDG_DATA_HOME points into it so
// that the kiosk's data folder (rescues) is there too.
struct Folder {
    fs::path root;
    std::string old_xdg;
    explicit Folder(const std::string& name)
        : root(fs::temp_directory_path() / ("kiosk-safety-" + std::to_string(getpid()) + "-" + name)) {
        fs::remove_all(root);
        fs::create_directories(root);
        if (const char* xdg = std::getenv("XDG_DATA_HOME")) old_xdg = xdg;
        setenv("XDG_DATA_HOME", (root / "xdg").c_str(), 1);
    }
    ~Folder() {
        if (old_xdg.empty())
            unsetenv("XDG_DATA_HOME");
        else
            setenv("XDG_DATA_HOME", old_xdg.c_str(), 1);
        std::error_code ignored;
        fs::remove_all(root, ignored);
    }
};

unsigned Mode(const fs::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

// A plain SQLite file of someone else's, made with the C API.
void MakeForeign(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

std::set<int64_t> SeqsIn(const std::string& path) {
    Store store(path);
    ScoreLog log(store);
    std::set<int64_t> seqs;
    for (const Event& event : log.Events())
        seqs.insert(event.seq);
    return seqs;
}

} // namespace

TEST_CASE("the database folder deleted under a running writer: no save is acknowledged after, and the "
          "rescued copy holds every acknowledged one") {
    faults::Install();
    Folder folder("vanish");
    const fs::path data = folder.root / "stick";
    fs::create_directories(data);
    const std::string path = (data / "kiosk.db").string();
    Store store(path, {.vfs = faults::kVfs}); // the fault VFS passes SQLite's file controls through
    const JudgeId judge = Judges(store).Add({"Rahman", "o1", {"c1"}, "1234"});
    ScoreLog log(store);
    std::set<int64_t> acknowledged;
    for (int i = 0; i < 20; ++i)
        acknowledged.insert(log.SetMarks(judge, "entry-" + std::to_string(i % 5), "x", i % 6));
    CHECK_FALSE(store.Vanished());

    fs::remove_all(data); // the stick pulled, a cleanup script
    try {
        log.SetMarks(judge, "entry-0", "x", 5);
        FAIL("a save into a deleted file was acknowledged");
    } catch (const StoreFailure& failure) {
        CHECK(failure.What() == StoreFailure::Kind::Vanished);
        CHECK(failure.Path() == path);
    }
    CHECK(store.Vanished());
    CHECK(log.Book().Events() == acknowledged.size()); // the book shows only what was acknowledged
    CHECK_THROWS_AS(log.CatchUp(), StoreFailure);      // a refresh says so too

    // The folder comes back, with nothing or something else in it: still not the file we hold.
    fs::create_directories(data);
    CHECK_THROWS_AS(log.SetComment(judge, "entry-1", "after"), StoreFailure);

    const std::string rescued = store.Rescue();
    CHECK(rescued.rfind(path + ".rescued-", 0) == 0); // beside the lost file, its folder being back
    CHECK(Mode(rescued) == 0600);
    CHECK(SeqsIn(rescued) == acknowledged);

    // With the folder gone for good the copy goes to the kiosk's data folder.
    fs::remove_all(data);
    const std::string elsewhere = store.Rescue();
    CHECK(elsewhere.rfind((folder.root / "xdg" / "showcase-kiosk" / "rescued-").string(), 0) == 0);
    CHECK(SeqsIn(elsewhere) == acknowledged);
    // Or where the organiser says.
    const std::string chosen = (folder.root / "chosen.db").string();
    CHECK(store.Rescue(chosen) == chosen);
    CHECK(SeqsIn(chosen) == acknowledged);
}

TEST_CASE("a file replaced under the kiosk (same folder, another file) is caught too") {
    Folder folder("replaced");
    const std::string path = (folder.root / "kiosk.db").string();
    Store store(path);
    const JudgeId judge = Judges(store).Add({"Rahman", "o1", {"c1"}, "1234"});
    ScoreLog log(store);
    log.SetMarks(judge, "a", "x", 1);
    for (const char* suffix : {"", "-wal", "-shm"}) // moved away whole, as a file manager would
        fs::rename(path + suffix, path + ".moved" + suffix);
    { Store other(path); } // a new file at the path
    CHECK_THROWS_AS(log.SetMarks(judge, "a", "x", 2), StoreFailure);
    CHECK(store.Vanished());
}

TEST_CASE("a backup of a live database holds the events still in its WAL, and opens as a store") {
    Folder folder("backup");
    const std::string path = (folder.root / "kiosk.db").string();
    const std::string out = (folder.root / "copy" / "kiosk-backup.db").string();
    fs::create_directories(folder.root / "copy");
    Store writer(path);
    writer.Database().Exec("PRAGMA wal_autocheckpoint=0"); // everything stays in the WAL
    const JudgeId judge = Judges(writer).Add({"Rahman", "o1", {"c1"}, "1234"});
    ScoreLog log(writer);
    std::set<int64_t> written;
    for (int i = 0; i < 300; ++i)
        written.insert(log.SetMarks(judge, "entry-" + std::to_string(i % 40), "x", i % 10));
    REQUIRE(fs::file_size(path + "-wal") > fs::file_size(path)); // the events are in the WAL, not the file

    CopyDatabase(path, out); // from another connection, as `kiosk backup` does, the writer still open
    CHECK(Mode(out) == 0600);
    CHECK_FALSE(fs::exists(out + "-wal"));
    for (const auto& file : fs::directory_iterator(folder.root / "copy")) // no temporary left
        CHECK(file.path().filename() == "kiosk-backup.db");
    CHECK(SeqsIn(out) == written);

    // Restoring: the copy put back in place of a lost database opens with every event.
    log.SetMarks(judge, "after-backup", "x", 1);
    const std::string restored = (folder.root / "restored.db").string();
    fs::copy_file(out, restored);
    CHECK(SeqsIn(restored) == written);
    // A backup over an earlier one replaces it whole.
    CopyDatabase(path, out);
    CHECK(SeqsIn(out).size() == written.size() + 1);
    CHECK_THROWS_AS(CopyDatabase((folder.root / "none.db").string(), out), StoreFailure); // never created
    CHECK_FALSE(fs::exists(folder.root / "none.db"));
}

TEST_CASE("another application's SQLite file is refused and left untouched, and an empty file is ours") {
    Folder folder("foreign");
    const std::string photos = (folder.root / "photos.db").string();
    MakeForeign(photos, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
    const auto size = fs::file_size(photos);
    try {
        Store store(photos);
        FAIL("another application's database was adopted");
    } catch (const StoreFailure& failure) {
        CHECK(failure.What() == StoreFailure::Kind::NotOurs);
        CHECK(std::string(failure.what()).find(photos) != std::string::npos);
    }
    CHECK(fs::file_size(photos) == size);
    CHECK_FALSE(fs::exists(photos + "-wal")); // not even switched to WAL

    const std::string marked = (folder.root / "marked.db").string();
    MakeForeign(marked, "PRAGMA application_id=1234");
    CHECK_THROWS_AS(Store(marked, StoreOptions{}), StoreFailure);

    const std::string empty = (folder.root / "empty.db").string();
    { std::ofstream touch(empty); }
    {
        Store store(empty);
        sql::Statement id = store.Database().Prepare("PRAGMA application_id");
        id.Step();
        CHECK(id.ColumnInt(0) == Store::kApplicationId);
    }

    // One of ours from before the mark is recognised and marked.
    const std::string old = (folder.root / "old.db").string();
    {
        Store store(old);
        store.Database().Exec("PRAGMA application_id=0");
    }
    Store again(old);
    sql::Statement id = again.Database().Prepare("PRAGMA application_id");
    id.Step();
    CHECK(id.ColumnInt(0) == Store::kApplicationId);
}

TEST_CASE("the database, its WAL and shared memory, and the data folder are for the kiosk's user only") {
    Folder folder("modes");
    const std::string path = (folder.root / "kiosk.db").string();
    {
        Store store(path);
        Judges(store).Add({"Rahman", "o1", {"c1"}, "1234"});
        CHECK(Mode(path) == 0600);
        CHECK(Mode(path + "-wal") == 0600);
        CHECK(Mode(path + "-shm") == 0600);
    }
    // An existing file made readable by all is closed to others when the kiosk opens it.
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read);
    { Store store(path); }
    CHECK(Mode(path) == 0600);

    const std::string default_path = DefaultStorePath();
    CHECK(Mode(fs::path(default_path).parent_path()) == 0700);
}

TEST_CASE("a store that cannot be opened (the disk full at start) is opened again once it can be") {
    faults::Install();
    Folder folder("reopen");
    const std::string path = (folder.root / "kiosk.db").string();
    StoreOpener opener(path, {.vfs = faults::kVfs}, 5);
    faults::Arm(faults::Fault::Full, 1); // the first write of the open fails: no space
    CHECK(opener.Open(100) == nullptr);
    REQUIRE(opener.Failure().has_value());
    CHECK(opener.Failure()->What() == StoreFailure::Kind::DiskFull);
    CHECK(opener.Open(102) == nullptr); // not tried again before its time
    CHECK(opener.Attempts() == 1);
    faults::Arm(faults::Fault::None, 0); // space again
    Store* store = opener.Open(105);
    REQUIRE(store != nullptr);
    CHECK_FALSE(opener.Failure().has_value());
    CHECK(opener.Open(200) == store); // once open, it stays the same store
    CHECK(opener.Attempts() == 2);
    Judges(*store).Add({"Rahman", "o1", {"c1"}, "1234"}); // and it takes writes
}

TEST_CASE("scheduled backups go to a second folder in the background and keep the last few") {
    Folder folder("schedule");
    const std::string path = (folder.root / "kiosk.db").string();
    Store store(path);
    const JudgeId judge = Judges(store).Add({"Rahman", "o1", {"c1"}, "1234"});
    ScoreLog log(store);
    std::set<int64_t> written;
    for (int i = 0; i < 50; ++i)
        written.insert(log.SetMarks(judge, "e" + std::to_string(i), "x", 3));
    const fs::path backups = folder.root / "second" / "backups";
    fs::create_directories(backups);
    for (const char* old :
         {"kiosk-20250101-000000.db", "kiosk-20250102-000000.db", "kiosk-20250103-000000.db"})
        std::ofstream(backups / old) << "an old copy";
    std::ofstream(backups / "notes.txt") << "not ours: kept";

    BackupSchedule schedule(path, backups.string(), 600, 2);
    schedule.Tick(0);
    log.SetMarks(judge, "during", "x", 1); // a save while the copy may be under way is not blocked for long
    schedule.Wait();
    const std::string report = schedule.TakeReport();
    REQUIRE(report.rfind("backed up to ", 0) == 0);
    const std::string copy = report.substr(13);
    CHECK(Mode(copy) == 0600);
    const std::set<int64_t> copied = SeqsIn(copy);
    for (int64_t seq : written)
        CHECK(copied.count(seq));
    schedule.Tick(10); // not due yet
    CHECK_FALSE(schedule.Busy());
    CHECK(schedule.TakeReport().empty());
    std::set<std::string> left;
    for (const auto& file : fs::directory_iterator(backups))
        left.insert(file.path().filename().string());
    CHECK(left ==
          std::set<std::string>{"kiosk-20250103-000000.db", fs::path(copy).filename().string(), "notes.txt"});
}
