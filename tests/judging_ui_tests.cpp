// Judging on the touchscreen (issue 5): the real kiosk under Xvfb, driven by scripts, checked
// against what it drew and what its database holds afterwards.
#include "content/pack_loader.h"
#include "scoring/judging.h"
#include "scoring/organiser.h"
#include "ui_harness.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

using namespace uitest;
namespace fs = std::filesystem;

namespace {

const content::FairContent& Demo() {
    static const content::FairContent fair = content::LoadPack(KIOSK_DEMO_PACK).content;
    return fair;
}

bool Contains(const std::string& haystack, const std::string& needle) {
    return Normalise(haystack).find(Normalise(needle)) != std::string::npos;
}

// A database with the demo fair's judges (PINs 1111 to 4444) and the organiser's PIN 0000, kept
// beside the run's screenshots (RunKiosk clears its own folder, so not in it).
std::string SeededDatabase(const std::string& name) {
    const fs::path folder = fs::current_path() / "ui-shots" / (name + "-db");
    fs::remove_all(folder);
    fs::create_directories(folder);
    const std::string db = (folder / "kiosk.db").string();
    const KioskRun judges = RunCommand(
        {"judges", "import", std::string(KIOSK_SOURCE_DIR) + "/assets/demo-fair/judges.csv", "--db", db});
    REQUIRE_MESSAGE(judges.exit_code == 0, judges.output);
    const KioskRun organiser = RunCommand({"organiser", "set-pin", "--pin", "0000", "--db", db});
    REQUIRE_MESSAGE(organiser.exit_code == 0, organiser.output);
    return db;
}

scoring::JudgeId JudgeNamed(scoring::Store& store, const std::string& name) {
    const std::optional<scoring::Judge> judge = scoring::Judges(store).FindByName(name);
    REQUIRE(judge);
    return judge->id;
}

const std::string kNasrin = "মোছাঃ নাসরিন আক্তার"; // ssd; digital and citizen; PIN 1111
const std::string kKamrul = "মোঃ কামরুল হাসান";    // fire; digital and simplification; PIN 2222
const std::string kEntry = "fire-license-online"; // a fire service entry in digital

// The touch targets pressed, by name (docs/ui-testing.md). Nasrin's scorecard: marks 7 and 8 of
// the first criterion, 4 of the second; the action bar; the review of a complete card.
const std::string kOrganiserCard = "staff/organiser";
const std::string kNasrinCard = "staff/judge/" + kNasrin;
const std::string kKamrulCard = "staff/judge/" + kKamrul;
constexpr const char* kFirstCriterion7 = "score/simplification/7";
constexpr const char* kFirstCriterion8 = "score/simplification/8";
constexpr const char* kSecondCriterion4 = "score/novelty/4";
constexpr const char* kUndo = "scorecard/undo";
constexpr const char* kReview = "scorecard/review";
constexpr const char* kSubmit = "review/submit";
constexpr const char* kYesSubmit = "review/yes-submit";
constexpr const char* kLanguage = "lang";

// Whether a shot shows any target whose name starts with `prefix`.
bool ShowsTargetsUnder(const KioskRun& run, const std::string& shot, const std::string& prefix) {
    for (const auto& [name, rect] : run.Targets(shot))
        if (name.rfind(prefix, 0) == 0) return true;
    return false;
}

std::string LogIn(const std::string& card, const char* pin) {
    return "goto staff\npress " + card + "\ntext " + pin + "\nkey enter\n";
}

// Another program holds the database's write lock (the sqlite3 tool in a transaction it keeps
// open) until the file `release` appears. Returns once the lock is held: the holder touches
// `held` after BEGIN IMMEDIATE took it. Nothing here waits a fixed time for the other side.
void HoldWriteLock(const std::string& db, const fs::path& held, const fs::path& release) {
    fs::remove(held);
    fs::remove(release);
    // The loop's cap (10 minutes) only ends a holder whose test failed before releasing it.
    const std::string holder = "(echo 'BEGIN IMMEDIATE;'; echo '.shell touch \"" + held.string() +
                               "\"'; i=0; while [ ! -e \"" + release.string() +
                               "\" ] && [ $i -lt 6000 ]; do sleep 0.1; i=$((i+1)); done; echo 'COMMIT;') | "
                               "sqlite3 \"" +
                               db + "\" >/dev/null 2>&1";
    REQUIRE(std::system(("(" + holder + ") &").c_str()) == 0);
    for (int i = 0; i < 60000 && !fs::exists(held); ++i) // a cap for a broken holder, not a timing
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE_MESSAGE(fs::exists(held), "the sqlite3 tool did not take the write lock");
}

// The shell command, run beside the kiosk, that releases the lock once the script took `shot`.
std::string ReleaseAfterShot(const std::string& run_name, const std::string& shot, const fs::path& release) {
    const fs::path png = fs::current_path() / "ui-shots" / run_name / (shot + ".png");
    return "i=0; while [ ! -e \"" + png.string() +
           "\" ] && [ $i -lt 6000 ]; do sleep 0.1; i=$((i+1)); done; "
           "touch \"" +
           release.string() + "\"";
}

size_t Count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("a judge logs in on the PIN pad, scores, undoes and submits, and every save is in the database") {
    const std::string db = SeededDatabase("judge-scores");
    {
        // Criteria 3 to 6 were scored in an earlier session: the card shows what the store holds.
        scoring::Store store(db);
        scoring::Judging judging(store, Demo());
        std::unique_ptr<scoring::JudgeSession> session =
            judging.LogIn(JudgeNamed(store, kNasrin), "1111").session;
        REQUIRE(session);
        for (const char* criterion : {"citizen-friendly", "technology", "sustainability", "replicability"})
            session->SetMarks(kEntry, criterion, 5);
    }
    const std::string script = LogIn(kNasrinCard, "1111") +
                               "shot judge-home\n"
                               "goto score/" +
                               kEntry +
                               "\n"
                               "press " +
                               kFirstCriterion7 + "\npress " + kFirstCriterion8 + "\npress " +
                               kSecondCriterion4 +
                               "\nshot scored\n"
                               "press " +
                               kUndo +
                               "\nshot undone\n"
                               "press " +
                               kSecondCriterion4 + "\npress " + kReview +
                               "\nshot review\n"
                               "press " +
                               kSubmit +
                               "\nshot confirm\n"
                               "press " +
                               kYesSubmit +
                               "\nshot submitted\n"
                               "press " +
                               kLanguage +
                               "\nshot submitted-en\n"
                               "goto score/" +
                               kEntry +
                               "\nshot locked-en\n"
                               "press " +
                               kFirstCriterion7 + "\nquit\n";
    const KioskRun run = RunKiosk("judge-scores", script, 1920, 1080, {"--db", db});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.Find("key enter")->route == "judge");
    CHECK(run.Find("goto score/" + kEntry)->route == "score/" + kEntry);

    // What the screen said: Bengali progress, the saved note, the refusal to change a locked card.
    CHECK(Contains(Ocr(run.Shot("judge-home"), "ben"), "জমা দেওয়া হয়েছে"));
    CHECK(Contains(Ocr(run.Shot("scored"), "ben"), "সংরক্ষিত"));
    const std::string submitted = Ocr(run.Shot("submitted-en"), "eng");
    CHECK(Contains(submitted, "Submitted. The marks are locked"));
    CHECK(Contains(submitted, "Total"));
    CHECK(Contains(submitted, "32/100")); // 8 + 4 + 4 x 5 (OCR reads the spaced slash tight)
    CHECK(Contains(Ocr(run.Shot("locked-en"), "eng"), "the organiser must reopen the card"));

    // What the store holds: the marks, the undo as an event of its own, the submit; every change
    // the kiosk journaled as saved is there, and the tap on the locked card wrote nothing.
    scoring::Store store(db);
    scoring::ScoreLog log(store);
    const scoring::StoredCard card = log.Card(JudgeNamed(store, kNasrin), kEntry);
    CHECK(card.submitted);
    CHECK(card.marks.at("simplification") == 8);
    CHECK(card.marks.at("novelty") == 4);
    int undos = 0, journaled = 0;
    const std::vector<scoring::Event> events = log.Events();
    for (const scoring::Event& event : events)
        undos += event.IsUndo();
    CHECK(undos == 1);
    for (size_t at = run.output.find("kiosk: saved #"); at != std::string::npos;
         at = run.output.find("kiosk: saved #", at + 1)) {
        const int64_t seq = std::stoll(run.output.substr(at + 14));
        CHECK(
            std::any_of(events.begin(), events.end(), [&](const scoring::Event& e) { return e.seq == seq; }));
        ++journaled;
    }
    CHECK(journaled == 6); // 7, 8, 4, undo, 4 again, submit
    CHECK(events.size() == 4 + 6);
}

TEST_CASE("a judge is refused an entry of his own office, and wrong PINs lock the pad") {
    const std::string db = SeededDatabase("judge-refused");
    const std::string script = "goto staff\npress " + kKamrulCard +
                               "\ntext 9999\nkey enter\nshot wrong-pin\n"
                               "text 2222\nkey enter\n"
                               "goto score/" +
                               kEntry + "\nshot recused\npress " + kReview + "\nquit\n";
    const KioskRun run = RunKiosk("judge-refused", script, 1920, 1080, {"--db", db, "--lang", "en"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.report[3].route == "staff"); // the wrong PIN keeps the pad
    CHECK(
        Contains(Ocr(run.Shot("wrong-pin"), "eng"), "That PIN is not right. 4 more tries before a lock-out"));
    CHECK(run.Find("goto score/" + kEntry)->route == "score/" + kEntry);
    const std::string recused = Ocr(run.Shot("recused"), "eng");
    CHECK(Contains(recused, "This is an entry of your own office, so it is not yours to score"));
    CHECK_FALSE(ShowsTargetsUnder(run, "recused", "score/")); // no marks are offered
    CHECK_FALSE(run.Targets("recused").at(kReview).enabled);
    CHECK(run.report.back().route == "score/" + kEntry); // Review and submit is not offered
    scoring::Store store(db);
    CHECK(scoring::ScoreLog(store).Events().empty());

    // Five wrong PINs in a row lock the judge out, with a countdown; the right PIN then waits.
    const std::string locked_script =
        "goto staff\npress " + kKamrulCard +
        "\ntext 0001\nkey enter\ntext 0002\nkey enter\ntext 0003\nkey enter\ntext 0004\nkey enter\n"
        "text 0005\nkey enter\nshot locked\ntext 2222\nkey enter\nquit\n";
    const KioskRun locked = RunKiosk("judge-locked", locked_script, 1920, 1080, {"--db", db, "--lang", "en"});
    INFO(locked.output);
    REQUIRE(locked.exit_code == 0);
    CHECK(Contains(Ocr(locked.Shot("locked"), "eng"), "Too many wrong PINs. Try again in 0:"));
    CHECK(locked.report.back().route == "staff");
    CHECK(locked.output.find("logged in") == std::string::npos);
}

TEST_CASE("staff are logged out when the kiosk is left alone and when the attract screen returns") {
    const std::string db = SeededDatabase("judge-idle");
    const std::string script = LogIn(kNasrinCard, "1111") + "wait 2600\nshot after-idle\n" +
                               LogIn(kNasrinCard, "1111") + "goto attract\ntap 960 540\nquit\n";
    const KioskRun run = RunKiosk("judge-idle", script, 1920, 1080, {"--db", db, "--staff-idle", "2"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.report[3].route == "judge");
    CHECK(run.report[4].route == "home"); // logged out after 2 s untouched, back to the visitors' home
    CHECK(run.report[9].route == "judge");
    CHECK(run.report[10].route == "attract");
    CHECK(run.report[11].route == "home"); // the next touch finds the visitors' home, nobody logged in
    size_t logouts = 0;
    for (size_t at = run.output.find("kiosk: judge 1 logged out"); at != std::string::npos;
         at = run.output.find("kiosk: judge 1 logged out", at + 1))
        ++logouts;
    CHECK(logouts == 2);
}

TEST_CASE(
    "a long press on the title opens the staff's door, and the organiser's PIN the organiser's screen") {
    const std::string db = SeededDatabase("organiser");
    {
        scoring::Store store(db);
        scoring::Judging judging(store, Demo());
        std::unique_ptr<scoring::JudgeSession> session =
            judging.LogIn(JudgeNamed(store, kNasrin), "1111").session;
        REQUIRE(session);
        for (const content::Criterion& criterion : Demo().rubric.criteria)
            session->SetMarks(kEntry, criterion.id, 3);
        session->Submit(kEntry);
    }
    // Resting a finger still for 2.5 s on the title; a short tap there does nothing.
    const std::string script =
        std::string("goto home\npress title\nhold 2500 title\nshot staff\n") + "press " + kOrganiserCard +
        "\ntext 0000\nkey enter\nshot judging\n"
        "press organiser/judge/" +
        kNasrin + "/reopen/" + kEntry +
        "\nshot reopen\ntext The judge asked to correct a mark\nkey enter\nshot reopened\n"
        "press organiser/tab/content\nshot content\nquit\n";
    const KioskRun run = RunKiosk("organiser", script, 1920, 1080, {"--db", db, "--lang", "en"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.report[1].route == "home");
    CHECK(run.report[2].route == "staff");
    CHECK(Contains(Ocr(run.Shot("staff"), "eng"), "Choose your name, then enter your PIN"));
    CHECK(run.Find("key enter")->route == "organiser");
    const std::string judging = Ocr(run.Shot("judging"), "eng");
    CHECK(Contains(judging, "judging progress"));
    CHECK(Contains(judging, "1/9 submitted"));
    CHECK(Contains(Ocr(run.Shot("reopened"), "eng"), "Card reopened"));
    const std::string content = Ocr(run.Shot("content"), "eng");
    CHECK(Contains(content, "For the organiser"));
    CHECK(Contains(content, "Showing " + std::to_string(Demo().innovations.size()) + " innovations"));

    scoring::Store store(db);
    scoring::ScoreLog log(store);
    CHECK_FALSE(log.Card(JudgeNamed(store, kNasrin), kEntry).submitted);
    const scoring::Event reopen = log.Events().back();
    CHECK(reopen.kind == scoring::EventKind::Reopen);
    CHECK(reopen.text == "The judge asked to correct a mark");
}

TEST_CASE("a comment typed on the on-screen keyboard and a declared conflict are kept with their words") {
    const std::string db = SeededDatabase("judge-comment");
    const std::string comment = "সেবাটি সত্যিই সহজ হয়েছে।";
    const std::string script = LogIn(kNasrinCard, "1111") +
                               "goto score/police-clearance\n"
                               "press scorecard/comment\ntext " +
                               comment +
                               "\nshot typing\nkey enter\nshot commented\n"
                               "press scorecard/conflict\nshot conflict\npress conflict/reason/0\nkey enter\n"
                               "shot declared\ngoto judge\nshot judge-home\nquit\n";
    const KioskRun run = RunKiosk("judge-comment", script, 1920, 1080, {"--db", db});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(Contains(Ocr(run.Shot("typing"), "ben"), "সেবাটি"));
    CHECK(Contains(Ocr(run.Shot("declared"), "ben"), "স্বার্থের সংঘাত ঘোষণা করেছেন"));

    scoring::Store store(db);
    const scoring::StoredCard card =
        scoring::ScoreLog(store).Card(JudgeNamed(store, kNasrin), "police-clearance");
    CHECK(card.comment == comment);
    REQUIRE(card.conflict);
    CHECK(*card.conflict == "আমি এই উদ্ভাবনের কাজে যুক্ত ছিলাম");
    CHECK(card.marks.empty());
    CHECK_FALSE(ShowsTargetsUnder(run, "declared", "score/")); // after the conflict, no marks to press
    CHECK(Contains(Ocr(run.Shot("judge-home"), "ben"), "০/৮ জমা"));
}

// The organiser's judge set-up screen (judge-setup/new or /ID), and the judging tab's Change buttons.
constexpr const char* kNameField = "setup/name";
constexpr const char* kPoliceOffice = "setup/office/police";
constexpr const char* kPassportOffice = "setup/office/passport";
constexpr const char* kDigitalCategory = "setup/category/digital";
constexpr const char* kInternalCategory = "setup/category/internal";
constexpr const char* kPinButton = "setup/pin";
constexpr const char* kSaveJudge = "setup/save";
constexpr const char* kRemoveJudge = "setup/remove";
constexpr const char* kYesRemove = "setup/remove/yes";
const std::string kChangeKamrul = "organiser/judge/" + kKamrul + "/change";
const std::string kChangeKarim = "organiser/judge/ড. আবদুল করিম/change";

TEST_CASE("the organiser adds a judge on the screen, who can then log in") {
    const std::string db = SeededDatabase("judge-setup-add");
    const std::string script = LogIn(kOrganiserCard, "0000") +
                               "goto judge-setup/new\nshot empty\n"
                               "press " +
                               kNameField +
                               "\ntext Shirin Akter\nkey enter\n"
                               "press " +
                               kPoliceOffice + "\npress " + kDigitalCategory + "\npress " +
                               kInternalCategory +
                               "\n"
                               "press " +
                               kSaveJudge +
                               "\n" // not yet: no PIN
                               "press " +
                               kPinButton +
                               "\ntext 5678\nkey enter\ntext 5679\nkey enter\nshot mismatch\n"
                               "text 5678\nkey enter\ntext 5678\nkey enter\nshot ready\n"
                               "press " +
                               kSaveJudge +
                               "\nshot saved\n"
                               "goto staff\npress staff/judge/Shirin Akter\ntext 5678\nkey enter\nquit\n";
    const KioskRun run = RunKiosk("judge-setup-add", script, 1920, 1080, {"--db", db, "--lang", "en"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.Find("goto judge-setup/new")->route == "judge-setup/new");
    CHECK(Contains(Ocr(run.Shot("empty"), "eng"), "Still needed: the name, an office, a category, the PIN"));
    CHECK(Contains(Ocr(run.Shot("mismatch"), "eng"), "The two PINs were not the same"));
    CHECK(run.report[run.report.size() - 7].route == "organiser"); // Save went back to the judging tab
    CHECK(Contains(Ocr(run.Shot("saved"), "eng"), "Shirin Akter: judge added"));
    CHECK(run.output.find("organiser added judge 5 (Shirin Akter)") != std::string::npos);
    CHECK(run.output.find("5678") == std::string::npos); // the PIN is never written out
    CHECK(run.report.back().route == "judge");
    CHECK(run.output.find("kiosk: judge 5 (Shirin Akter) logged in") != std::string::npos);

    scoring::Store store(db);
    scoring::Judges judges(store);
    const std::optional<scoring::Judge> judge = judges.FindByName("Shirin Akter");
    REQUIRE(judge);
    CHECK(judge->office == "police");
    CHECK(judge->categories == std::vector<std::string>{"digital", "internal"});
    CHECK(judges.CheckPin(judge->id, "5678").result == scoring::PinCheck::Result::Ok);
    CHECK(judges.List().size() == 5);
}

TEST_CASE("the organiser changes a judge's office and PIN on the screen, and removes another after asking "
          "once more") {
    const std::string db = SeededDatabase("judge-setup-change");
    scoring::JudgeId kamrul = 0, karim = 0;
    {
        scoring::Store store(db);
        kamrul = JudgeNamed(store, kKamrul), karim = JudgeNamed(store, "ড. আবদুল করিম");
    }
    const std::string script = LogIn(kOrganiserCard, "0000") + "press " + kChangeKamrul + "\nshot kamrul\n" +
                               "press " + kPassportOffice + "\npress " + kPinButton +
                               "\ntext 9876\nkey enter\ntext 9876\nkey enter\n"
                               "press " +
                               kSaveJudge +
                               "\nshot changed\n"
                               "press " +
                               kChangeKarim + "\npress " + kRemoveJudge +
                               "\nshot confirm\n"
                               "press " +
                               kYesRemove + "\nshot removed\nquit\n";
    const KioskRun run = RunKiosk("judge-setup-change", script, 1920, 1080, {"--db", db, "--lang", "en"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.Find("press " + kChangeKamrul)->route == "judge-setup/" + std::to_string(kamrul));
    CHECK(Contains(Ocr(run.Shot("kamrul"), "eng"), "The judge keeps the current PIN"));
    CHECK(Contains(Ocr(run.Shot("changed"), "eng"), "changes saved"));
    CHECK(Contains(Ocr(run.Shot("confirm"), "eng"), "They can no longer log in"));
    CHECK(Contains(Ocr(run.Shot("removed"), "eng"), "removed"));
    CHECK(run.report.back().route == "organiser");
    CHECK(run.output.find("organiser removed judge " + std::to_string(karim)) != std::string::npos);

    // Kamrul: another office and a new PIN, the same categories; Karim: gone from the list, kept in the
    // store.
    scoring::Store store(db);
    scoring::Judges judges(store);
    const std::optional<scoring::Judge> changed = judges.Find(kamrul);
    REQUIRE(changed);
    CHECK(changed->name == kKamrul);
    CHECK(changed->office == "passport");
    CHECK(changed->categories == std::vector<std::string>{"digital", "simplification"});
    CHECK(judges.CheckPin(kamrul, "9876").result == scoring::PinCheck::Result::Ok);
    CHECK_FALSE(judges.Find(karim));
    CHECK(judges.List().size() == 3);
    scoring::sql::Statement row = store.Database().Prepare("SELECT removed FROM judges WHERE id = ?");
    row.Bind(1, karim);
    REQUIRE(row.Step());
    CHECK(row.ColumnInt(0) == 1);
}

// Issue 9: the database locked by another program for as long as it takes. The judge's tap is
// not saved and the scorecard says so in Bengali (and in English after the language button);
// the kiosk goes on; once the lock goes, the next tap is saved. The script retries the tap a few
// times after the release, since the release lands whenever the other program gets to it: a tap
// on a mark already chosen does nothing, so only the first one that works is saved.
TEST_CASE("a tap while another program holds the database's write lock is not saved, and says so") {
    const std::string db = SeededDatabase("judge-db-locked");
    const fs::path folder = fs::path(db).parent_path();
    HoldWriteLock(db, folder / "held", folder / "release");
    std::string retries;
    for (int i = 0; i < 6; ++i)
        retries += "wait 1000\npress " + std::string(kFirstCriterion8) + "\n";
    const std::string script = LogIn(kNasrinCard, "1111") + "goto score/" + kEntry + "\npress " +
                               kFirstCriterion7 + "\nshot not-saved\npress " + kLanguage +
                               "\nshot not-saved-en\n" + retries + "shot saved-again\nquit\n";
    const KioskRun run = RunKiosk("judge-db-locked", script, 1920, 1080, {"--db", db},
                                  ReleaseAfterShot("judge-db-locked", "not-saved-en", folder / "release"));
    INFO(run.output);
    REQUIRE(run.exit_code == 0); // the kiosk did not stop
    CHECK(run.report.back().route == "score/" + kEntry);

    // The kiosk's journal: the locked tap NOT saved (with what and where), the later one saved.
    CHECK(run.output.find("kiosk: NOT saved: judge") != std::string::npos);
    CHECK(run.output.find("score simplification=7: the database " + db) != std::string::npos);
    CHECK(run.output.find("locked by another program") != std::string::npos);
    CHECK(Count(run.output, "entry " + kEntry + ": score simplification=7\n") == 0); // never journaled saved
    CHECK(run.output.find("kiosk: saved #") != std::string::npos);
    CHECK(Count(run.output, "entry " + kEntry + ": score simplification=8\n") == 1);

    // The screen: in Bengali, not saved and call the organiser; in English the same; never "saved".
    const std::string bengali = Ocr(run.Shot("not-saved"), "ben");
    CHECK(Contains(bengali, "সংরক্ষণ হয়নি"));
    CHECK(Contains(bengali, "আয়োজককে ডাকুন"));
    const std::string english = Ocr(run.Shot("not-saved-en"), "eng");
    CHECK(Contains(english, "NOT saved"));
    CHECK(Contains(english, "Please call the"));
    CHECK_FALSE(Contains(english, "Saved at"));
    CHECK(Contains(Ocr(run.Shot("saved-again"), "eng"), "Saved at"));

    // The store: no 7 ever, the 8 saved after the lock went.
    scoring::Store store(db);
    scoring::ScoreLog log(store);
    CHECK(log.Card(JudgeNamed(store, kNasrin), kEntry).marks.at("simplification") == 8);
    for (const scoring::Event& event : log.Events())
        CHECK_FALSE((event.criterion == "simplification" && event.value == 7));
}

TEST_CASE("a wrong PIN typed while the database is locked does not close the kiosk") {
    const std::string db = SeededDatabase("pin-db-locked");
    const fs::path folder = fs::path(db).parent_path();
    HoldWriteLock(db, folder / "held", folder / "release");
    // After the release, the right PIN: retried, since the release lands whenever it does (once
    // logged in, the judge's screen takes no digits, so the later tries do nothing).
    std::string retries;
    for (int i = 0; i < 6; ++i)
        retries += "wait 1000\ntext 2222\nkey enter\n";
    const std::string script = "goto staff\npress " + kKamrulCard +
                               "\ntext 9999\nkey enter\nshot pin-not-checked\npress " + kLanguage +
                               "\nshot pin-not-checked-bn\n" + retries + "quit\n";
    const KioskRun run =
        RunKiosk("pin-db-locked", script, 1920, 1080, {"--db", db, "--lang", "en"},
                 ReleaseAfterShot("pin-db-locked", "pin-not-checked-bn", folder / "release"));
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.report[3].route == "staff"); // after the wrong PIN: still the pad
    CHECK(run.output.find("kiosk: the PIN could not be checked: the database " + db) != std::string::npos);
    CHECK(Contains(Ocr(run.Shot("pin-not-checked"), "eng"), "The PIN could not be checked"));
    CHECK(Contains(Ocr(run.Shot("pin-not-checked-bn"), "ben"), "পিন যাচাই করা গেল না"));
    CHECK(run.report.back().route == "judge"); // the lock gone, the right PIN works
}

// The screen boundary: the organiser's Unlock throws when the database is locked; the kiosk
// catches it where the screen is drawn, says why in the screen's language, and goes on.
TEST_CASE("a store failure thrown by a screen is shown in its place and the kiosk goes on") {
    const std::string db = SeededDatabase("organiser-db-locked");
    {
        // Locked out a day from now (the wrong PINs typed "tomorrow"), so the lock-out cannot run
        // out before the organiser's tap, however slow the machine.
        scoring::Store store(db);
        scoring::Judges judges(store, [] { return scoring::SystemClockMs() + 24 * 3600 * 1000LL; });
        const scoring::JudgeId kamrul = JudgeNamed(store, kKamrul);
        for (const char* pin : {"0001", "0002", "0003", "0004", "0005"})
            judges.CheckPin(kamrul, pin);
        REQUIRE(judges.Find(kamrul)->locked_until_ms > 0);
    }
    const fs::path folder = fs::path(db).parent_path();
    HoldWriteLock(db, folder / "held", folder / "release");
    const std::string unlock = "organiser/judge/" + kKamrul + "/unlock";
    const std::string script =
        LogIn(kOrganiserCard, "0000") + "press " + unlock + "\nshot unlock-failed\npress " + kLanguage +
        "\nshot unlock-failed-bn\npress " + kLanguage + "\npress back\nshot after-back\nquit\n";
    const KioskRun run =
        RunKiosk("organiser-db-locked", script, 1920, 1080, {"--db", db, "--lang", "en"},
                 ReleaseAfterShot("organiser-db-locked", "unlock-failed-bn", folder / "release"));
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.Find("press " + unlock)->route == "organiser");
    CHECK(run.output.find("kiosk: the screen organiser failed: the database " + db) != std::string::npos);
    const std::string english = Ocr(run.Shot("unlock-failed"), "eng");
    CHECK(Contains(english, "The judging database has a problem"));
    CHECK(Contains(english, "NOT saved"));
    CHECK(Contains(Ocr(run.Shot("unlock-failed-bn"), "ben"), "আয়োজককে ডাকুন"));
    CHECK(run.Targets("unlock-failed").at("back").enabled); // the way back is there
    CHECK(run.Find("press back")->route == "home");
    CHECK_FALSE(Contains(Ocr(run.Shot("after-back"), "eng"), "The judging database has a problem"));
    scoring::Store store(db);
    CHECK(scoring::Judges(store).Find(JudgeNamed(store, kKamrul))->locked_until_ms > 0); // not unlocked
}
