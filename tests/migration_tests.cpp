// Schema migrations 3 and 4 (issue 9, 11): a database written by the v2 kiosk (judges by local id, undos by
// local event id, the derived tables cards and card_scores) is converted in place, after a backup
// copy beside it; every event is kept, undos name (kiosk, seq), and replay gives the same cards.
#include "scoring/score_log.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

using namespace scoring;
namespace fs = std::filesystem;

namespace {

// Writes events exactly as the v2 ScoreLog did: the event row (undoes = the local id of the event
// undone), then its effect on cards and card_scores (v2's ApplyToCurrent).
struct V2Writer {
    sql::Database& db;
    std::string kiosk;
    int64_t seq = 0, at = 1'700'000'000'000;

    struct Change {
        int64_t judge = 0;
        std::string entry{}, kind{}, criterion{};
        std::optional<int64_t> value{}, previous{};
        std::string text{}, previous_text{};
        std::optional<int64_t> undoes{};
        std::string actor = "judge";
    };

    int64_t Write(const Change& c) {
        db.Prepare(
              "INSERT INTO events(kiosk, seq, judge, entry, kind, criterion, value, previous, text, "
              "previous_text, undoes, actor, at) VALUES(?, ?, ?, ?, ?, nullif(?, ''), ?, ?, ?, ?, ?, ?, ?)")
            .Bind(1, kiosk)
            .Bind(2, ++seq)
            .Bind(3, c.judge)
            .Bind(4, c.entry)
            .Bind(5, c.kind)
            .Bind(6, c.criterion)
            .Bind(7, c.value)
            .Bind(8, c.previous)
            .Bind(9, c.text)
            .Bind(10, c.previous_text)
            .Bind(11, c.undoes)
            .Bind(12, c.actor)
            .Bind(13, at += 1000)
            .Run();
        const int64_t id = db.LastInsertId();
        db.Prepare("INSERT OR IGNORE INTO cards(judge, entry) VALUES(?, ?)")
            .Bind(1, c.judge)
            .Bind(2, c.entry)
            .Run();
        if (c.kind == "score")
            db.Prepare("INSERT INTO card_scores VALUES(?, ?, ?, ?) ON CONFLICT(judge, entry, criterion) DO "
                       "UPDATE SET value = excluded.value")
                .Bind(1, c.judge)
                .Bind(2, c.entry)
                .Bind(3, c.criterion)
                .Bind(4, c.value)
                .Run();
        else if (c.kind == "clear")
            db.Prepare("DELETE FROM card_scores WHERE judge = ? AND entry = ? AND criterion = ?")
                .Bind(1, c.judge)
                .Bind(2, c.entry)
                .Bind(3, c.criterion)
                .Run();
        else if (c.kind == "comment")
            db.Prepare("UPDATE cards SET comment = ? WHERE judge = ? AND entry = ?")
                .Bind(1, c.text)
                .Bind(2, c.judge)
                .Bind(3, c.entry)
                .Run();
        else if (c.kind == "submit" || c.kind == "reopen")
            db.Prepare("UPDATE cards SET submitted = ? WHERE judge = ? AND entry = ?")
                .Bind(1, int64_t{c.kind == "submit"})
                .Bind(2, c.judge)
                .Bind(3, c.entry)
                .Run();
        else if (c.kind == "conflict")
            db.Prepare("UPDATE cards SET conflict = ? WHERE judge = ? AND entry = ?")
                .Bind(1, c.text)
                .Bind(2, c.judge)
                .Bind(3, c.entry)
                .Run();
        return id;
    }
};

int64_t AddV2Judge(sql::Database& db, const std::string& name, const std::string& office,
                   const std::vector<std::string>& categories) {
    db.Prepare("INSERT INTO judges(name, office, pin_hash) VALUES(?, ?, ?)")
        .Bind(1, name)
        .Bind(2, office)
        .Bind(3, HashPin("1234"))
        .Run();
    const int64_t id = db.LastInsertId();
    for (const std::string& category : categories)
        db.Prepare("INSERT INTO judge_categories VALUES(?, ?)").Bind(1, id).Bind(2, category).Run();
    return id;
}

// The v2 cards, by local judge id: "judge|entry|comment|submitted|conflict|x=1,y=2,".
std::string V2Cards(sql::Database& db) {
    std::map<std::string, std::string> cards;
    sql::Statement rows =
        db.Prepare("SELECT judge, entry, comment, submitted, coalesce(conflict, '-') FROM cards");
    while (rows.Step())
        cards[rows.ColumnText(0) + "|" + rows.ColumnText(1)] =
            rows.ColumnText(0) + "|" + rows.ColumnText(1) + "|" + rows.ColumnText(2) + "|" +
            rows.ColumnText(3) + "|" + rows.ColumnText(4) + "|";
    sql::Statement marks =
        db.Prepare("SELECT judge, entry, criterion, value FROM card_scores ORDER BY 1, 2, 3");
    while (marks.Step())
        cards[marks.ColumnText(0) + "|" + marks.ColumnText(1)] +=
            marks.ColumnText(2) + "=" + marks.ColumnText(3) + ",";
    std::string text;
    for (const auto& [key, card] : cards)
        text += card + "\n";
    return text;
}

// The same from the v3 read model, mapping judge keys back to local ids.
std::string V3Cards(Store& store, const CardBook& book) {
    std::map<std::string, std::string> cards;
    for (sql::Statement judges = store.Database().Prepare("SELECT id, key FROM judges"); judges.Step();)
        for (const auto& [entry, card] : book.CardsOf(judges.ColumnText(1))) {
            std::string& text = cards[judges.ColumnText(0) + "|" + entry];
            text = judges.ColumnText(0) + "|" + entry + "|" + card.comment + "|" +
                   std::to_string(card.submitted) + "|" + card.conflict.value_or("-") + "|";
            for (const auto& [criterion, value] : card.marks)
                text += criterion + "=" + std::to_string(value) + ",";
        }
    std::string text;
    for (const auto& [key, card] : cards)
        text += card + "\n";
    return text;
}

} // namespace

TEST_CASE(
    "a v2 database migrates to v3 and v4 after a backup, keeps every event, and replays to the same cards") {
    const fs::path path = fs::temp_directory_path() / ("kiosk-v2-" + std::to_string(getpid()) + ".db");
    auto remove = [&] {
        for (const char* suffix : {"", "-wal", "-shm", ".before-v4", ".before-v4-wal", ".before-v4.2",
                                   ".before-v5", ".before-v5-wal", ".before-v5.2"})
            fs::remove(path.string() + suffix);
    };
    remove();
    std::string kiosk, v2_cards;
    int64_t rahman = 0, karim = 0;
    {
        Store v2(path.string(), {.schema_version = 2}); // exactly the v2 schema, as the v2 kiosk made it
        REQUIRE(v2.SchemaVersion() == 2);
        kiosk = v2.KioskId();
        sql::Database& db = v2.Database();
        rahman = AddV2Judge(db, "Rahman", "o1", {"c1"});
        karim = AddV2Judge(db, "Karim", "o2", {"c1", "c2"});
        V2Writer w{db, kiosk};
        const int64_t x3 = w.Write({rahman, "b", "score", "x", 3, {}});
        const int64_t x4 = w.Write({rahman, "b", "score", "x", 4, 3});
        const int64_t good = w.Write({rahman, "b", "comment", "", {}, {}, "good", ""});
        w.Write({rahman, "b", "comment", "", {}, {}, "", "good", good}); // undo the comment
        w.Write({rahman, "b", "score", "x", 3, 4, "", "", x4});          // undo x=4: back to 3
        w.Write({rahman, "b", "clear", "x", {}, 3, "", "", x3});         // undo x=3: not scored
        w.Write({rahman, "b", "score", "x", 5, {}});
        w.Write({rahman, "b", "score", "y", 10, {}});
        w.Write({rahman, "b", "submit", "", {}, {}});
        w.Write({rahman, "b", "reopen", "", {}, {}, "pressed submit by mistake", "", {}, "organiser"});
        w.Write({rahman, "b", "score", "y", 9, 10});
        w.Write({karim, "a", "score", "x", 2, {}});
        w.Write({karim, "a", "conflict", "", {}, {}, "my cousin's project"});
        w.Write({karim, "c", "score", "y", 7, {}});
        w.Write({karim, "c", "score", "x", 1, {}});
        w.Write({karim, "c", "comment", "", {}, {}, "ok", ""});
        w.Write({karim, "c", "submit", "", {}, {}});
        v2_cards = V2Cards(db);
    }
    Store store(path.string()); // up to the latest version: 3, 4, then on
    CHECK(store.SchemaVersion() == Store::LatestSchemaVersion());
    CHECK(store.KioskId() == kiosk);

    // The backup: beside the file, a valid v2 database with the same events and cards.
    REQUIRE(store.BackupPath() == path.string() + ".before-v" + std::to_string(Store::LatestSchemaVersion()));
    {
        sql::Database backup(store.BackupPath());
        CHECK(backup.Prepare("PRAGMA integrity_check").OneText() == "ok");
        CHECK(backup.Prepare("PRAGMA user_version").OneText() == "2");
        CHECK(backup.Prepare("SELECT count(*) FROM events").OneText() == "17");
        CHECK(V2Cards(backup) == v2_cards);

        // Every event kept, in order, with the judge's key and undos by (kiosk, seq).
        ScoreLog log(store);
        const std::vector<Event> events = log.Events();
        REQUIRE(events.size() == 17);
        std::map<int64_t, std::string> keys;
        for (sql::Statement judges = store.Database().Prepare("SELECT id, key FROM judges"); judges.Step();)
            keys[judges.ColumnInt(0)] = judges.ColumnText(1);
        CHECK(keys.at(rahman).size() == 32);
        CHECK(keys.at(rahman) != keys.at(karim));
        sql::Statement old =
            backup.Prepare("SELECT e.id, e.seq, e.judge, e.kind, coalesce(u.seq, 0) "
                           "FROM events e LEFT JOIN events u ON u.id = e.undoes ORDER BY e.id");
        for (const Event& event : events) {
            REQUIRE(old.Step());
            CHECK(event.id == old.ColumnInt(0));
            CHECK(event.kiosk == kiosk);
            CHECK(event.seq == old.ColumnInt(1));
            CHECK(event.judge == keys.at(old.ColumnInt(2)));
            CHECK(ToString(event.kind) == old.ColumnText(3));
            CHECK(event.undoes_seq == old.ColumnInt(4));
            CHECK(event.undoes_kiosk == (event.undoes_seq ? kiosk : ""));
        }
        CHECK(events[3].undoes_seq == 3); // the comment
        CHECK(events[5].undoes_seq == 1); // the chain walked back to the first mark

        // The same cards, and undo carries on where v2 left it.
        CHECK(V3Cards(store, log.Book()) == v2_cards);
        const StoredCard b = log.Card(rahman, "b");
        CHECK(b.can_undo); // y=9 since the reopening
        log.Undo(rahman, "b");
        CHECK(log.Card(rahman, "b").marks.at("y") == 10);
        CHECK_FALSE(log.Card(rahman, "b").can_undo); // not past the reopening
        CHECK_FALSE(log.Card(karim, "a").can_undo);  // conflict
        CHECK(log.Events().back().seq == 18);
    }
    // The tables the triggers guard are still append-only, and a second open migrates nothing more.
    CHECK_THROWS_AS(store.Database().Exec("DELETE FROM events"), StoreFailure);
    CHECK_THROWS_AS(store.Database().Exec("UPDATE events SET seq = 0"), StoreFailure);
    CHECK(store.Database().Prepare("PRAGMA foreign_key_check").Step() == false);
    Store again(path.string());
    CHECK(again.BackupPath().empty());

    // Migration 4: the store takes the result's events, which are on no card.
    ScoreLog log4(again);
    const std::string cards = V3Cards(again, log4.Book());
    log4.Settle("a", "c", "drawn by lot before the judges");
    REQUIRE(log4.Book().Decisions().size() == 1);
    CHECK(log4.Book().Decisions()[0].other == "c");
    CHECK(V3Cards(again, log4.Book()) == cards); // a decision is on no card
    // A judge's event needs a judge; a fair decision has none.
    CHECK_THROWS_AS(again.Database().Exec("INSERT INTO events(kiosk, seq, judge, entry, kind, actor, at) "
                                          "VALUES('k', 1, NULL, 'a', 'score', 'judge', 0)"),
                    StoreFailure);
    remove();
}

TEST_CASE("a backup never overwrites an earlier one, and a new database is not backed up") {
    const fs::path path = fs::temp_directory_path() / ("kiosk-backups-" + std::to_string(getpid()) + ".db");
    auto remove = [&] {
        for (const char* suffix :
             {"", "-wal", "-shm", ".before-v4", ".before-v4.2", ".before-v5", ".before-v5.2"})
            fs::remove(path.string() + suffix);
    };
    remove();
    {
        Store fresh(path.string());
        CHECK(fresh.BackupPath().empty());
    }
    remove();
    { Store v2(path.string(), {.schema_version = 2}); }
    const std::string latest = ".before-v" + std::to_string(Store::LatestSchemaVersion());
    { std::ofstream(path.string() + latest) << "an earlier copy"; }
    {
        Store store(path.string());
        CHECK(store.BackupPath() == path.string() + latest + ".2");
    }
    std::ifstream earlier(path.string() + latest);
    std::string text;
    std::getline(earlier, text);
    CHECK(text == "an earlier copy");
    remove();
}
