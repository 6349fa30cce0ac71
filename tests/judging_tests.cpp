// Judging (issue 5): judges and their PINs, lock-out, assignments with recusal and conflicts,
// the organiser's overview of every judge's progress, and the score store: events, derived
// scorecards, undo, submit lock, reopen, replay, and the judge's API never showing another
// judge's scores.
#include "scoring/judging.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <tuple>

using namespace scoring;

namespace {

// A small fair: two offices, two categories, three entries, a two-criterion rubric.
content::FairContent SmallFair() {
    content::FairContent fair;
    fair.offices = {{"o1", {"দপ্তর ১", "Office 1"}, {}}, {"o2", {"দপ্তর ২", "Office 2"}, {}}};
    fair.categories = {{"c1", {"বিভাগ ১", "Category 1"}, {}}, {"c2", {"বিভাগ ২", "Category 2"}, {}}};
    for (auto [id, office, category] : {std::tuple{"a", "o1", "c1"}, {"b", "o2", "c1"}, {"c", "o2", "c2"}}) {
        content::Innovation innovation;
        innovation.id = id, innovation.office_id = office, innovation.category_id = category;
        fair.innovations.push_back(innovation);
    }
    fair.rubric.criteria = {{"x", {"ক", "X"}, {}, 5, 1.0}, {"y", {"খ", "Y"}, {}, 10, 2.0}};
    return fair;
}

// A store in memory with a clock the test moves, and two judges of office o1: one for c1, one for both.
struct Fixture {
    int64_t now = 1'700'000'000'000;
    Store store{":memory:"};
    content::FairContent fair = SmallFair();
    Judging judging{store, fair, [this] { return now; }};
    JudgeId rahman = judging.Registry().Add({"Rahman", "o1", {"c1"}, "1234"});
    JudgeId karim = judging.Registry().Add({"Karim", "o2", {"c1", "c2"}, "5678"});

    std::unique_ptr<JudgeSession> LogIn(JudgeId judge, const char* pin) {
        LoginResult result = judging.LogIn(judge, pin);
        REQUIRE(result.session);
        return std::move(result.session);
    }
};

std::vector<std::optional<int>> Marks(const Scorecard& card) {
    std::vector<std::optional<int>> marks;
    for (const Mark& mark : card.marks)
        marks.push_back(mark.marks);
    return marks;
}

} // namespace

// [SECTION] Judges and PINs

TEST_CASE("PINs are hashed with Argon2id and verified, and only 4 to 8 digits are PINs") {
    const std::string hash = HashPin("0042");
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("0042") == std::string::npos);
    CHECK(VerifyPin(hash, "0042"));
    CHECK_FALSE(VerifyPin(hash, "0043"));
    CHECK(HashPin("0042") != hash); // salted
    CHECK(IsValidPin("12345678"));
    CHECK_FALSE(IsValidPin("123"));
    CHECK_FALSE(IsValidPin("123456789"));
    CHECK_FALSE(IsValidPin("12a4"));
    CHECK_THROWS_AS(HashPin("12"), Refused);
}

// Its time is a figure for bench/score_bench, which prints it; a test must not depend on speed.
TEST_CASE("a PIN verifies against its hash, however long the machine takes") {
    const std::string hash = HashPin("1234");
    CHECK(VerifyPin(hash, "1234"));
    CHECK_FALSE(VerifyPin(hash, "4321"));
}

TEST_CASE("judges are added, listed by name, updated, given new PINs and removed") {
    Fixture f;
    std::vector<Judge> judges = f.judging.Registry().List();
    REQUIRE(judges.size() == 2);
    CHECK(judges[0].name == "Karim");
    CHECK(judges[0].categories == std::vector<std::string>{"c1", "c2"});
    CHECK(judges[1].office == "o1");
    CHECK_THROWS_WITH_AS(f.judging.Registry().Add({"Rahman", "o2", {"c1"}, "1111"}),
                         doctest::Contains("already a judge"), Refused);
    CHECK_THROWS_AS(f.judging.Registry().Add({"New", "o2", {"c1"}, "12"}), Refused);
    CHECK_THROWS_AS(f.judging.Registry().Add({"New", "o2", {}, "1234"}), Refused);

    f.judging.Registry().Update(f.rahman, {"Rahman", "o2", {"c2"}, ""});
    CHECK(f.judging.Registry().Find(f.rahman)->office == "o2");
    f.judging.Registry().SetPin(f.rahman, "9999");
    CHECK(f.judging.LogIn(f.rahman, "1234").check.result == PinCheck::Result::WrongPin);
    CHECK(f.judging.LogIn(f.rahman, "9999").session);

    f.judging.Registry().Remove(f.karim);
    CHECK(f.judging.Registry().List().size() == 1);
    CHECK(f.judging.LogIn(f.karim, "5678").check.result == PinCheck::Result::UnknownJudge);
    CHECK(f.judging.Registry().Add({"Karim", "o2", {"c1"}, "5678"}) != f.karim); // the name is free again
}

TEST_CASE("five wrong PINs lock a judge for 30 s, then 60 s, and a right PIN resets the count") {
    Fixture f;
    for (int i = 0; i < 4; ++i) {
        const PinCheck check = f.judging.LogIn(f.rahman, "0000").check;
        CHECK(check.result == PinCheck::Result::WrongPin);
        CHECK(check.tries_left == 4 - i);
    }
    PinCheck fifth = f.judging.LogIn(f.rahman, "0000").check;
    CHECK(fifth.result == PinCheck::Result::WrongPin);
    CHECK(fifth.locked_for_ms == 30'000);
    // Locked: even the right PIN is not checked.
    PinCheck locked = f.judging.LogIn(f.rahman, "1234").check;
    CHECK(locked.result == PinCheck::Result::Locked);
    CHECK(locked.locked_for_ms == 30'000);
    f.now += 29'999;
    CHECK(f.judging.LogIn(f.rahman, "1234").check.result == PinCheck::Result::Locked);
    f.now += 1;
    for (int i = 0; i < 4; ++i)
        f.judging.LogIn(f.rahman, "0000");
    CHECK(f.judging.LogIn(f.rahman, "0000").check.locked_for_ms == 60'000); // doubled
    f.now += 60'000;
    CHECK(f.judging.LogIn(f.rahman, "1234").session);
    // After a good PIN, the next lock-out is 30 s again.
    for (int i = 0; i < 5; ++i)
        f.judging.LogIn(f.rahman, "0000");
    CHECK(f.judging.LogIn(f.rahman, "1234").check.locked_for_ms == 30'000);
    // The organiser's unlock.
    f.judging.Registry().Unlock(f.rahman);
    CHECK(f.judging.LogIn(f.rahman, "1234").session);
}

TEST_CASE("a lock-out survives a restart") {
    const std::string path = (std::filesystem::temp_directory_path() / "kiosk-lockout.db").string();
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    int64_t now = 1'000'000;
    JudgeId judge = 0;
    {
        Store store(path);
        Judges judges(store, [&] { return now; });
        judge = judges.Add({"Rahman", "o1", {"c1"}, "1234"});
        for (int i = 0; i < 5; ++i)
            judges.CheckPin(judge, "0000");
    }
    Store store(path);
    Judges judges(store, [&] { return now + 10'000; });
    const PinCheck check = judges.CheckPin(judge, "1234");
    CHECK(check.result == PinCheck::Result::Locked);
    CHECK(check.locked_for_ms == 20'000);
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
}

// [SECTION] Assignments, recusal, conflicts

TEST_CASE("assignments: every entry of the judge's categories, own office recused") {
    Fixture f;
    auto rahman = f.LogIn(f.rahman, "1234");
    std::vector<Assignment> assignments = rahman->Assignments();
    REQUIRE(assignments.size() == 2);
    CHECK(assignments[0].entry == "a");
    CHECK(assignments[0].status == CardStatus::RecusedOwnOffice);
    CHECK(assignments[1].entry == "b");
    CHECK(assignments[1].status == CardStatus::ToScore);
    CHECK(assignments[1].criteria == 2);
    CHECK(rahman->Progress() == std::pair{0, 1});

    CHECK_THROWS_WITH_AS(rahman->SetMarks("a", "x", 3), doctest::Contains("recused"), Refused);
    CHECK_THROWS_WITH_AS(rahman->Card("c"), doctest::Contains("not in a category"), Refused);
    CHECK_THROWS_WITH_AS(rahman->Card("zzz"), doctest::Contains("no entry"), Refused);
    CHECK(rahman->Card("a").status == CardStatus::RecusedOwnOffice);

    auto karim = f.LogIn(f.karim, "5678");
    CHECK(karim->Assignments().size() == 3);
    CHECK(karim->Progress() == std::pair{0, 1}); // b and c are his own office's
}

TEST_CASE("a declared conflict is kept with its reason and stops scoring") {
    Fixture f;
    auto rahman = f.LogIn(f.rahman, "1234");
    rahman->SetMarks("b", "x", 2);
    CHECK_THROWS_AS(rahman->DeclareConflict("b", "  "), Refused);
    const Scorecard card = rahman->DeclareConflict("b", "my brother leads this team");
    CHECK(card.status == CardStatus::ConflictDeclared);
    CHECK(card.conflict_reason == "my brother leads this team");
    CHECK_FALSE(card.can_undo);
    CHECK_THROWS_WITH_AS(rahman->SetMarks("b", "x", 3), doctest::Contains("conflict"), Refused);
    CHECK(rahman->Assignments()[1].status == CardStatus::ConflictDeclared);
    CHECK(rahman->Progress() == std::pair{0, 0});
    CHECK(f.judging.Log().Events().back().text == "my brother leads this team");
}

// [SECTION] The organiser's overview

namespace {

// An assignment as text, for comparing the overview with what the judge's own session shows.
std::vector<std::string> Described(const std::vector<Assignment>& assignments) {
    std::vector<std::string> described;
    for (const Assignment& a : assignments)
        described.push_back(a.entry + " " + ToString(a.status) + " " + std::to_string(a.scored) + "/" +
                            std::to_string(a.criteria));
    return described;
}

} // namespace

TEST_CASE("the organiser's overview: each active judge's progress, by name") {
    Fixture f;
    std::vector<JudgeProgress> overview = f.judging.Overview();
    REQUIRE(overview.size() == 2);
    CHECK(overview[0].judge.name == "Karim");
    CHECK(Described(overview[0].assignments) == std::vector<std::string>{"a to score 0/2",
                                                                         "b recused (own office) 0/2",
                                                                         "c recused (own office) 0/2"});
    CHECK(overview[0].submitted == 0);
    CHECK(overview[0].to_score == 1); // his own office's b and c are left out
    CHECK(overview[1].judge.name == "Rahman");
    CHECK(overview[1].to_score == 1);

    auto rahman = f.LogIn(f.rahman, "1234");
    rahman->SetMarks("b", "x", 5);
    rahman->SetMarks("b", "y", 0);
    rahman->Submit("b");
    auto karim = f.LogIn(f.karim, "5678");
    karim->SetMarks("a", "y", 3);
    overview = f.judging.Overview();
    CHECK(Described(overview[1].assignments) ==
          std::vector<std::string>{"a recused (own office) 0/2", "b submitted 2/2"});
    CHECK(overview[1].submitted == 1);
    CHECK(overview[1].to_score == 1);
    CHECK(Described(overview[0].assignments)[0] == "a scoring 1/2");
    CHECK(overview[0].submitted == 0);
    // The same as each judge sees.
    CHECK(Described(overview[0].assignments) == Described(karim->Assignments()));
    CHECK(std::pair{overview[0].submitted, overview[0].to_score} == karim->Progress());
    CHECK(Described(overview[1].assignments) == Described(rahman->Assignments()));
    CHECK(std::pair{overview[1].submitted, overview[1].to_score} == rahman->Progress());

    // A declared conflict leaves the card out of those to score; a reopened card is not submitted.
    karim->DeclareConflict("a", "my cousin's project");
    f.judging.Reopen(f.rahman, "b", "a mark entered on the wrong line");
    overview = f.judging.Overview();
    CHECK(overview[0].assignments[0].status == CardStatus::ConflictDeclared);
    CHECK(overview[0].to_score == 0);
    CHECK(overview[1].submitted == 0);
    CHECK(overview[1].to_score == 1);
}

TEST_CASE("the organiser's overview leaves removed judges out and shows new ones") {
    Fixture f;
    f.judging.Registry().Remove(f.karim);
    const JudgeId nasrin = f.judging.Registry().Add({"Nasrin", "o2", {"c2"}, "2468"});
    const std::vector<JudgeProgress> overview = f.judging.Overview();
    REQUIRE(overview.size() == 2);
    CHECK(overview[0].judge.id == nasrin);
    CHECK(Described(overview[0].assignments) == std::vector<std::string>{"c recused (own office) 0/2"});
    CHECK(overview[0].to_score == 0);
    CHECK(overview[1].judge.id == f.rahman);
    CHECK(f.judging.Registry().List().size() == 2);
}

// [SECTION] Scores, undo, submit, reopen

TEST_CASE("every change is an event, the card is derived from them, and not scored is not 0") {
    Fixture f;
    auto rahman = f.LogIn(f.rahman, "1234");
    Scorecard card = rahman->Card("b");
    CHECK(Marks(card) == std::vector<std::optional<int>>{std::nullopt, std::nullopt});
    CHECK(card.status == CardStatus::ToScore);
    card = rahman->SetMarks("b", "x", 0);
    CHECK(Marks(card) == std::vector<std::optional<int>>{0, std::nullopt});
    CHECK(card.status == CardStatus::Scoring);
    CHECK(card.Scored() == 1);
    CHECK(card.last_saved_seq == 1);
    card = rahman->SetMarks("b", "y", 10);
    card = rahman->ClearMarks("b", "x");
    CHECK(Marks(card) == std::vector<std::optional<int>>{std::nullopt, 10});
    card = rahman->SetComment("b", "ভালো উদ্যোগ");
    CHECK(card.comment == "ভালো উদ্যোগ");
    CHECK(rahman->Assignments()[1].scored == 1);

    CHECK_THROWS_WITH_AS(rahman->SetMarks("b", "x", 6), doctest::Contains("from 0 to 5"), Refused);
    CHECK_THROWS_AS(rahman->SetMarks("b", "x", -1), Refused);
    CHECK_THROWS_WITH_AS(rahman->SetMarks("b", "z", 1), doctest::Contains("no criterion"), Refused);

    const std::vector<Event> events = f.judging.Log().Events();
    REQUIRE(events.size() == 4);
    CHECK(events[0].kind == EventKind::Score);
    CHECK(events[0].value == 0);
    CHECK_FALSE(events[0].previous.has_value());
    CHECK(events[2].kind == EventKind::Clear);
    CHECK(events[2].previous == 0);
    CHECK(events[3].kind == EventKind::Comment);
    const std::string rahman_key = f.judging.Registry().Find(f.rahman)->key;
    CHECK(rahman_key.size() == 32);
    for (size_t i = 0; i < events.size(); ++i) {
        CHECK(events[i].seq == static_cast<int64_t>(i + 1));
        CHECK(events[i].kiosk == f.store.KioskId());
        CHECK(events[i].judge == rahman_key);
        CHECK(events[i].at_ms == f.now);
    }
}

TEST_CASE("the event table refuses changes and deletes") {
    Fixture f;
    f.LogIn(f.rahman, "1234")->SetMarks("b", "x", 1);
    CHECK_THROWS_WITH_AS(f.store.Database().Exec("UPDATE events SET value = 5"),
                         doctest::Contains("append-only"), sql::Error);
    CHECK_THROWS_WITH_AS(f.store.Database().Exec("DELETE FROM events"), doctest::Contains("append-only"),
                         sql::Error);
}

TEST_CASE("undo writes a new event restoring the previous value, and walks back") {
    Fixture f;
    auto rahman = f.LogIn(f.rahman, "1234");
    CHECK_FALSE(rahman->Card("b").can_undo);
    CHECK_THROWS_WITH_AS(rahman->Undo("b"), doctest::Contains("nothing to undo"), Refused);
    rahman->SetMarks("b", "x", 3);
    rahman->SetMarks("b", "x", 4);
    rahman->SetComment("b", "good");
    Scorecard card = rahman->Undo("b");
    CHECK(card.comment.empty());
    CHECK(Marks(card)[0] == 4);
    card = rahman->Undo("b");
    CHECK(Marks(card)[0] == 3);
    rahman->SetMarks("b", "y", 7);
    card = rahman->Undo("b"); // the newest change first
    CHECK_FALSE(Marks(card)[1].has_value());
    card = rahman->Undo("b");
    CHECK_FALSE(Marks(card)[0].has_value()); // back to not scored, not 0
    CHECK_FALSE(card.can_undo);
    const std::vector<Event> events = f.judging.Log().Events();
    CHECK(events.size() == 8); // 4 changes, 4 undos: nothing deleted
    // An undo names the event it undoes by (kiosk, seq), the same in every store of the fair.
    CHECK_FALSE(events[2].IsUndo());
    CHECK(events[3].undoes_kiosk == events[2].kiosk);
    CHECK(events[3].undoes_seq == events[2].seq);
    CHECK(events[7].undoes_kiosk == events[0].kiosk);
    CHECK(events[7].undoes_seq == events[0].seq);
    CHECK(events[7].kind == EventKind::Clear);
}

TEST_CASE("submit needs every criterion and locks the card, and an organiser reopens it with a reason") {
    Fixture f;
    auto rahman = f.LogIn(f.rahman, "1234");
    rahman->SetMarks("b", "x", 5);
    CHECK_THROWS_WITH_AS(rahman->Submit("b"), doctest::Contains("1 of 2 criteria are not scored"), Refused);
    rahman->SetMarks("b", "y", 0);
    Scorecard card = rahman->Submit("b");
    CHECK(card.status == CardStatus::Submitted);
    CHECK_FALSE(card.can_undo);
    CHECK(rahman->Progress() == std::pair{1, 1});
    CHECK_THROWS_WITH_AS(rahman->SetMarks("b", "x", 1), doctest::Contains("submitted and locked"), Refused);
    CHECK_THROWS_WITH_AS(rahman->ClearMarks("b", "x"), doctest::Contains("only an organiser can reopen"),
                         Refused);
    CHECK_THROWS_AS(rahman->SetComment("b", "late"), Refused);
    CHECK_THROWS_AS(rahman->Undo("b"), Refused);
    CHECK_THROWS_AS(rahman->Submit("b"), Refused);
    const size_t events = f.judging.Log().Events().size();

    CHECK_THROWS_WITH_AS(f.judging.Reopen(f.rahman, "b", ""), doctest::Contains("needs a reason"), Refused);
    CHECK_THROWS_WITH_AS(f.judging.Reopen(f.rahman, "a", "why"), doctest::Contains("not submitted"), Refused);
    CHECK(f.judging.Log().Events().size() == events); // refusals write nothing
    f.judging.Reopen(f.rahman, "b", "the judge pressed submit by mistake");
    const Event reopen = f.judging.Log().Events().back();
    CHECK(reopen.kind == EventKind::Reopen);
    CHECK(reopen.by_organiser);
    CHECK(reopen.text == "the judge pressed submit by mistake");
    card = rahman->Card("b");
    CHECK(card.status == CardStatus::Scoring);
    CHECK_FALSE(card.can_undo); // undo does not reach back past the submission
    card = rahman->SetMarks("b", "x", 2);
    CHECK(Marks(card) == std::vector<std::optional<int>>{2, 0});
}

TEST_CASE("a judge's session never shows another judge's scores") {
    Fixture f;
    auto karim = f.LogIn(f.karim, "5678");
    karim->SetMarks("a", "x", 5);
    karim->SetComment("a", "excellent");
    auto rahman_b = f.judging.Registry().Add({"Rahim", "o2", {"c1"}, "4321"});
    auto rahim = f.LogIn(rahman_b, "4321");
    const Scorecard card = rahim->Card("a");
    CHECK(Marks(card) == std::vector<std::optional<int>>{std::nullopt, std::nullopt});
    CHECK(card.comment.empty());
    CHECK(rahim->Assignments()[0].status == CardStatus::ToScore);
    rahim->SetMarks("a", "x", 1);
    CHECK(Marks(karim->Card("a"))[0] == 5);
    CHECK(karim->Card("a").comment == "excellent");
}

// [SECTION] Replay

// The whole current state (the read model's cards) as text, for comparing.
std::string Snapshot(const CardBook& book, const std::vector<Judge>& judges) {
    std::string text;
    for (const Judge& judge : judges)
        for (const auto& [entry, card] : book.CardsOf(judge.key)) {
            text += judge.name + "|" + entry + "|" + card.comment + "|" + std::to_string(card.submitted) +
                    "|" + card.conflict.value_or("-") + "|" + std::to_string(card.can_undo) + "|";
            for (const auto& [criterion, value] : card.marks)
                text += criterion + "=" + std::to_string(value) + ",";
            text += "\n";
        }
    return text;
}

TEST_CASE("replaying the events gives the same state as the incremental one") {
    Fixture f;
    auto rahman = f.LogIn(f.rahman, "1234");
    auto karim = f.LogIn(f.karim, "5678");
    std::mt19937 random(5);
    int refused = 0;
    for (int step = 0; step < 400; ++step) {
        JudgeSession& who = random() % 2 ? *rahman : *karim;
        const std::string entry = who.Who().id == f.rahman ? "b" : "a";
        const char* criterion = random() % 2 ? "x" : "y";
        try {
            switch (random() % 8) {
            case 0:
                who.ClearMarks(entry, criterion);
                break;
            case 1:
                who.SetComment(entry, "note " + std::to_string(step));
                break;
            case 2:
                who.Undo(entry);
                break;
            case 3:
                who.Submit(entry);
                break;
            case 4:
                f.judging.Reopen(who.Who().id, entry, "reason " + std::to_string(step));
                break;
            default:
                who.SetMarks(entry, criterion, static_cast<int>(random() % 6));
                break;
            }
        } catch (const Refused&) {
            ++refused;
        }
    }
    karim->DeclareConflict("a", "late conflict");
    const std::vector<Judge> judges = f.judging.Registry().List();
    const std::string incremental = Snapshot(f.judging.Log().Book(), judges);
    CHECK(incremental.find("late conflict") != std::string::npos);
    f.judging.Log().Replay();
    CHECK(Snapshot(f.judging.Log().Book(), judges) == incremental);
    ScoreLog fresh(f.store); // a new process reading the same store
    CHECK(Snapshot(fresh.Book(), judges) == incremental);
    CHECK(refused < 300); // the walk did real work
}

// [SECTION] The store on disk: migrations, damage

TEST_CASE("judging works on a version-1 database made by the previous kiosk") {
    const std::string path = (std::filesystem::temp_directory_path() / "kiosk-v1.db").string();
    for (const char* suffix : {"", "-wal", "-shm", ".before-v3", ".before-v4", ".before-v5", ".before-v5.2"})
        std::filesystem::remove(path + suffix);
    {
        // Exactly what the version-1 kiosk (before judging) created.
        sql::Database raw(path);
        raw.Exec("PRAGMA journal_mode=WAL");
        raw.Exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;");
        raw.Exec("PRAGMA user_version=1");
        raw.Exec("INSERT INTO meta VALUES('kiosk_id', '0123456789abcdef')");
    }
    {
        Store store(path);
        CHECK(store.SchemaVersion() == Store::LatestSchemaVersion());
        CHECK(store.BackupPath() == path + ".before-v" + std::to_string(Store::LatestSchemaVersion()));
        CHECK(store.KioskId() == "0123456789abcdef");
        content::FairContent fair = SmallFair();
        Judging judging(store, fair);
        const JudgeId judge = judging.Registry().Add({"Rahman", "o1", {"c1"}, "1234"});
        LoginResult login = judging.LogIn(judge, "1234");
        REQUIRE(login.session);
        CHECK(login.session->SetMarks("b", "x", 4).last_saved_seq == 1);
    }
    Store again(path);
    CHECK(ScoreLog(again).Events().size() == 1);
    for (const char* suffix : {"", "-wal", "-shm", ".before-v3", ".before-v4", ".before-v5", ".before-v5.2"})
        std::filesystem::remove(path + suffix);
}

TEST_CASE("a damaged score file is refused with a clear message") {
    const std::string path = (std::filesystem::temp_directory_path() / "kiosk-damaged.db").string();
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    {
        Store store(path);
        content::FairContent fair = SmallFair();
        Judging judging(store, fair);
        const JudgeId judge = judging.Registry().Add({"Rahman", "o1", {"c1"}, "1234"});
        auto session = judging.LogIn(judge, "1234").session;
        for (int i = 0; i < 300; ++i)
            session->SetComment("b", std::string(200, static_cast<char>('a' + i % 26)));
        store.Database().Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    {
        // Scribble over the middle of the file, where the events' pages are.
        std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(path) / 2));
        const std::string junk(8192, '\x5a');
        file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    CHECK_THROWS_WITH_AS(Store{path}, doctest::Contains("is damaged"), StoreError);
    CHECK_THROWS_WITH_AS(Store{path}, doctest::Contains(path.c_str()), StoreError);
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
}
