// The organiser's Sync tab (issue 12) on the real kiosk under Xvfb: on the hub, the fair's key as a
// QR code, the kiosks heard from, a copied database, and a conflict between two kiosks resolved by a
// tap; on a kiosk, an unreachable hub worded; the fair's key typed on the on-screen keyboard.
#include "content/pack_loader.h"
#include "scoring/judges.h"
#include "scoring/score_log.h"
#include "scoring/sync.h"
#include "scoring/sync_key.h"
#include "scoring/sync_net.h"
#include "ui_harness.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <thread>

using namespace uitest;
namespace fs = std::filesystem;

namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
    return Normalise(haystack).find(Normalise(needle)) != std::string::npos;
}

fs::path Folder(const std::string& name) {
    const fs::path folder = fs::current_path() / "ui-shots" / (name + "-db");
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

// A store with the organiser's PIN 0000 (and the demo fair's judges when `judges`).
std::string Database(const fs::path& folder, const std::string& file, bool judges) {
    const std::string db = (folder / file).string();
    if (judges) {
        const KioskRun run = RunCommand(
            {"judges", "import", std::string(KIOSK_SOURCE_DIR) + "/assets/demo-fair/judges.csv", "--db", db});
        REQUIRE_MESSAGE(run.exit_code == 0, run.output);
    }
    const KioskRun pin = RunCommand({"organiser", "set-pin", "--pin", "0000", "--db", db});
    REQUIRE_MESSAGE(pin.exit_code == 0, pin.output);
    return db;
}

scoring::JudgeId Nasrin(scoring::Store& store) {
    const std::optional<scoring::Judge> judge = scoring::Judges(store).FindByName("মোছাঃ নাসরিন আক্তার");
    REQUIRE(judge);
    return judge->id;
}

constexpr const char* kEntry = "fire-license-online";

// The hub and three kiosks: A and B change the same mark without seeing each other (a conflict),
// C is a copy of A's database file (refused). Returns the hub's database and the conflict's id.
std::pair<std::string, std::string> FairWithTrouble(const fs::path& folder, scoring::SyncKey& key) {
    const std::string hub = Database(folder, "hub.db", true);
    {
        scoring::Store store(hub);
        key = scoring::NewSyncKey();
        scoring::StoreSyncKey(store, key);
        scoring::Sync(store).SetHub(true);
    }
    scoring::SyncServer server(hub);
    const int port = server.Bind("127.0.0.1", 0);
    std::thread serving([&] { server.Run(); });
    auto exchange = [&](const std::string& db) {
        scoring::Store store(db);
        const scoring::SyncResult result = scoring::SyncClient("127.0.0.1", port).Exchange(store);
        CHECK_MESSAGE((result.Ok() || !result.refused.empty()), result.detail);
    };
    auto mark = [&](const std::string& db, int value) {
        scoring::Store store(db);
        scoring::ScoreLog(store).SetMarks(Nasrin(store), kEntry, "novelty", value);
    };
    const std::string a = (folder / "a.db").string(), b = (folder / "b.db").string(),
                      c = (folder / "c.db").string();
    for (const std::string& db : {a, b}) {
        scoring::Store store(db);
        scoring::StoreSyncKey(store, key);
    }
    exchange(a), exchange(b); // the judges come down
    fs::copy_file(a, c);
    mark(a, 5), mark(b, 8), mark(c, 2);
    exchange(a), exchange(b), exchange(c);
    server.Stop();
    serving.join();
    scoring::Store store(hub);
    scoring::ScoreLog log(store);
    REQUIRE(log.Book().OpenConflicts() == 1);
    return {hub, log.Book().Conflicts().at(0).id};
}

const std::string kLogIn =
    "goto staff\npress staff/organiser\ntext 0000\nkey enter\npress organiser/tab/sync\n";

} // namespace

TEST_CASE("the hub's Sync tab shows its key as a QR code, the kiosks, a copied database and a conflict "
          "resolved by a tap") {
    const fs::path folder = Folder("sync-hub");
    scoring::SyncKey key{};
    const auto [hub, conflict] = FairWithTrouble(folder, key);
    const std::string script = kLogIn +
                               "shot hub-en\npress lang\nshot hub-bn\npress lang\npress sync/resolve/" +
                               conflict + "/8\nshot resolved\nquit\n";
    const KioskRun run = RunKiosk("sync-hub", script, 1920, 1080, {"--db", hub, "--lang", "en"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.Find("press organiser/tab/sync")->route == "sync");
    const std::string en = Ocr(run.Shot("hub-en"), "eng");
    CHECK(Contains(en, "This machine is the fair's hub"));
    CHECK(Contains(en, "A copied database"));
    CHECK(Contains(en, "The same mark changed on two kiosks"));
    CHECK(Contains(Ocr(run.Shot("hub-bn"), "ben"), "কিয়স্ক"));
    CHECK(Contains(Ocr(run.Shot("resolved"), "eng"), "Conflict resolved"));

    scoring::Store store(hub);
    scoring::ScoreLog log(store);
    CHECK(log.Book().OpenConflicts() == 0);
    CHECK(log.Book().FindConflict(conflict)->resolved_value == 8);
    CHECK(log.Events().back().kind == scoring::EventKind::Resolve);

    // The same at 1080x1920, in both languages, for people to look at.
    const KioskRun tall = RunKiosk("sync-hub-tall", kLogIn + "shot hub-en\npress lang\nshot hub-bn\nquit\n",
                                   1080, 1920, {"--db", hub, "--lang", "en"});
    REQUIRE(tall.exit_code == 0);
    const std::string tall_en = Ocr(tall.Shot("hub-en"), "eng");
    CHECK(Contains(tall_en, "This machine is the fair's hub"));
    CHECK(Contains(tall_en, "Kiosks: 2"));
    CHECK(ReadQrCodes(tall.Shot("hub-en")).find(scoring::KeyToText(key)) != std::string::npos);
}

TEST_CASE("a kiosk's Sync tab says when the hub cannot be reached, and takes the fair's key typed on the "
          "keyboard") {
    const fs::path folder = Folder("sync-kiosk");
    const std::string db = Database(folder, "kiosk.db", false);
    const scoring::SyncKey key = scoring::NewSyncKey();
    const std::string script =
        kLogIn + "shot nokey-en\npress sync/key\ntext " + scoring::KeyToText(key) +
        "\nshot typing\nkey enter\nwait 1500\nshot key-set-en\npress lang\nshot key-set-bn\nquit\n";
    // Port 9 (discard) on loopback: nobody listens; the kiosk must say so, never hang.
    const KioskRun run =
        RunKiosk("sync-kiosk", script, 1920, 1080, {"--db", db, "--lang", "en", "--hub", "127.0.0.1:9"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(Contains(Ocr(run.Shot("nokey-en"), "eng"), "No key yet"));
    CHECK(run.output.find("organiser entered the fair's key (check code " + scoring::KeyCheckCode(key)) !=
          std::string::npos);
    scoring::Store store(db);
    REQUIRE(scoring::StoredSyncKey(store).has_value());
    CHECK(*scoring::StoredSyncKey(store) == key);

    const KioskRun tall =
        RunKiosk("sync-kiosk-tall", kLogIn + "wait 1500\nshot kiosk-en\npress lang\nshot kiosk-bn\nquit\n",
                 1080, 1920, {"--db", db, "--lang", "en", "--hub", "127.0.0.1:9"});
    REQUIRE(tall.exit_code == 0);
    CHECK(Contains(Ocr(tall.Shot("kiosk-en"), "eng"), "could not be reached"));
}
