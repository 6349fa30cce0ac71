// The kiosk's SQLite store: schema, identity, and refusing damaged or newer files clearly.
#include "scoring/score_log.h"
#include "scoring/store.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {
struct TempFile {
    fs::path path;
    explicit TempFile(const std::string& name) : path(fs::temp_directory_path() / ("kiosk-store-" + name)) {
        Remove();
    }
    ~TempFile() { Remove(); }
    void Remove() const {
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(path.string() + suffix);
    }
};
} // namespace

TEST_CASE("a new store is at the latest schema with a kiosk id") {
    scoring::Store store(":memory:");
    CHECK(store.SchemaVersion() == scoring::Store::LatestSchemaVersion());
    CHECK(store.KioskId().size() == 16);
}

TEST_CASE("the kiosk id and meta values survive reopening, the file is in WAL mode") {
    TempFile file("reopen.db");
    std::string id;
    {
        scoring::Store store(file.path.string());
        id = store.KioskId();
        store.SetMeta("fair", "home-affairs-2024");
    }
    scoring::Store again(file.path.string());
    CHECK(again.KioskId() == id);
    CHECK(again.Meta("fair") == "home-affairs-2024");
    CHECK(again.Meta("missing").empty());
    scoring::sql::Database raw(file.path.string());
    CHECK(raw.Prepare("PRAGMA journal_mode").OneText() == "wal");
}

TEST_CASE("a file that is not a database is refused with its path") {
    TempFile file("garbage.db");
    std::ofstream(file.path) << std::string(8192, 'x');
    CHECK_THROWS_WITH_AS(scoring::Store(file.path.string()), doctest::Contains(file.path.c_str()),
                         scoring::StoreError);
}

TEST_CASE("a database from a newer kiosk is refused, not downgraded") {
    TempFile file("newer.db");
    {
        scoring::sql::Database raw(file.path.string());
        raw.Exec("PRAGMA user_version=99");
    }
    CHECK_THROWS_WITH_AS(scoring::Store(file.path.string()), doctest::Contains("newer kiosk"),
                         scoring::StoreError);
}

TEST_CASE("a transaction rolls back unless committed") {
    scoring::sql::Database db(":memory:");
    db.Exec("CREATE TABLE t (x INTEGER)");
    {
        scoring::sql::Transaction transaction(db);
        db.Exec("INSERT INTO t VALUES (1)");
    }
    CHECK(db.Prepare("SELECT count(*) FROM t").OneText() == "0");
    {
        scoring::sql::Transaction transaction(db);
        db.Exec("INSERT INTO t VALUES (1)");
        transaction.Commit();
    }
    CHECK(db.Prepare("SELECT count(*) FROM t").OneText() == "1");
}

TEST_CASE("the default store path is in the user's data directory") {
    const fs::path base = fs::temp_directory_path() / "kiosk-xdg-test";
    setenv("XDG_DATA_HOME", base.c_str(), 1);
    CHECK(scoring::DefaultStorePath() == (base / "showcase-kiosk" / "kiosk.db").string());
    CHECK(fs::is_directory(base / "showcase-kiosk"));
    fs::remove_all(base);
    unsetenv("XDG_DATA_HOME");
}

TEST_CASE("the result's events and paper marks are stored, replayed in order, and kept off the cards") {
    using namespace scoring;
    Store store(":memory:");
    Judges judges(store);
    const JudgeId rahman = judges.Add({"Rahman", "o1", {"c1"}, "1234"});
    ScoreLog log(store);
    const std::string key = log.KeyOf(rahman);
    log.Prefer(rahman, "a", "b");
    log.Settle("b", "c", "the committee chose by the service's reach");
    log.Record({Event{.judge = key,
                      .entry = "a",
                      .kind = EventKind::Score,
                      .criterion = "x",
                      .value = 7,
                      .from_paper = true}});
    log.Finalise("{\"hash\":\"abc\"}");
    log.Unfinalise("a late paper sheet");
    CHECK_THROWS_AS(log.Settle("b", "c", " "), Refused);
    CHECK_THROWS_AS(log.Prefer(rahman, "a", "a"), Refused);

    ScoreLog replayed(store);
    for (ScoreLog* book : {&log, &replayed}) {
        const std::vector<Event>& decisions = book->Book().Decisions();
        REQUIRE(decisions.size() == 4);
        CHECK(decisions[0].kind == EventKind::Prefer);
        CHECK((decisions[0].judge == key && decisions[0].entry == "a" && decisions[0].other == "b"));
        CHECK((decisions[1].kind == EventKind::Settle && decisions[1].judge.empty() &&
               decisions[1].by_organiser));
        CHECK(decisions[1].text == "the committee chose by the service's reach");
        CHECK(decisions[2].text == "{\"hash\":\"abc\"}");
        CHECK(decisions[3].kind == EventKind::Unfinalise);
        CHECK(book->Card(rahman, "a").marks.at("x") == 7);
        CHECK(book->Card(rahman, "b").marks.empty());
    }
    const std::vector<Event> events = log.Events();
    REQUIRE(events.size() == 5);
    CHECK(events[2].from_paper);
    CHECK_FALSE(events[0].from_paper);
    CHECK(events[4].seq == 5);
}
