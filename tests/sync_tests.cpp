// Sync between stores, in one process: the fair's key and sealed files, idempotent and order-free
// ingest, copied databases refused, a judge moving kiosks, a card submitted on one kiosk locked on
// all, conflicts between kiosks listed and resolved by an event, USB export and import.
#include "scoring/judges.h"
#include "scoring/score_log.h"
#include "scoring/sync.h"
#include "scoring/sync_key.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace scoring;

namespace {

struct TempDir {
    fs::path root;
    explicit TempDir(const std::string& name)
        : root(fs::temp_directory_path() / ("kiosk-sync-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~TempDir() { fs::remove_all(root); }
    std::string operator/(const std::string& name) const { return (root / name).string(); }
};

// A hub with the fair's key and two judges, and kiosks that have the same key.
SyncKey TestKey() {
    static const SyncKey key = NewSyncKey();
    return key;
}

JudgeId AddJudge(Store& store, const std::string& name) {
    return Judges(store).Add({name, "fire", {"digital"}, "1234"});
}

// Everything each has that the other lacks, both ways, as a kiosk and its hub would.
void FullSync(Store& kiosk, Store& hub) {
    Sync from(kiosk), to(hub);
    for (int round = 0; round < 10; ++round) {
        const IngestResult up = to.Ingest(from.Offer(to.Have()));
        const IngestResult down = from.Ingest(to.Offer(from.Have()));
        if (up.stored + down.stored + up.judges_changed + down.judges_changed == 0) return;
    }
}

std::vector<Event> Trail(Store& store) {
    return ScoreLog(store).Events();
}

int64_t Count(Store& store) {
    return static_cast<int64_t>(Trail(store).size());
}

JudgeId LocalId(Store& store, const std::string& key) {
    for (const Judge& judge : Judges(store).List())
        if (judge.key == key) return judge.id;
    return 0;
}

std::string SetUpJudge(Store& hub) {
    Sync(hub).SetHub(true);
    const JudgeId id = AddJudge(hub, "Rahima");
    return Judges(hub).Find(id)->key;
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteFile(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

} // namespace

TEST_CASE("the fair's key is typed as base32 groups, read back with typos of O and I forgiven") {
    const SyncKey key = NewSyncKey();
    const std::string text = KeyToText(key);
    CHECK(text.size() == 52 + 12);
    CHECK(KeyFromText(text) == key);
    std::string sloppy = text;
    for (char& c : sloppy)
        c = c == '0' ? 'o' : c == '1' ? 'l' : static_cast<char>(std::tolower(c));
    CHECK(KeyFromText(sloppy) == key);
    CHECK_FALSE(KeyFromText(text.substr(0, 40)));
    CHECK_FALSE(KeyFromText(text + "Q"));
    CHECK(KeyCheckCode(key).size() == 7);
    CHECK(KeyCheckCode(key) != KeyCheckCode(NewSyncKey()));
    Store store(":memory:");
    CHECK_FALSE(StoredSyncKey(store));
    StoreSyncKey(store, key);
    CHECK(StoredSyncKey(store) == key);
}

TEST_CASE("a sealed message opens only whole, with the same key, as the kind it was sealed as") {
    const SyncKey key = NewSyncKey();
    const std::string sealed = Seal(key, SealKind::Request, "hello fair");
    CHECK(Unseal(key, SealKind::Request, sealed) == "hello fair");
    auto refusal = [&](const SyncKey& with, SealKind kind, const std::string& bytes) {
        try {
            Unseal(with, kind, bytes);
        } catch (const SealRefused& e) {
            return std::string(ToString(e.Problem()));
        }
        return std::string("opened");
    };
    CHECK(refusal(NewSyncKey(), SealKind::Request, sealed) == ToString(SealProblem::ForeignKey));
    CHECK(refusal(key, SealKind::Reply, sealed) == ToString(SealProblem::WrongKind));
    CHECK(refusal(key, SealKind::Request, sealed.substr(0, sealed.size() - 3)) ==
          ToString(SealProblem::Truncated));
    CHECK(refusal(key, SealKind::Request, sealed.substr(0, 20)) == ToString(SealProblem::Truncated));
    CHECK(refusal(key, SealKind::Request, "<html>not found</html>") == ToString(SealProblem::NotSync));
    CHECK(refusal(key, SealKind::Request, "") == ToString(SealProblem::NotSync));
    for (size_t at : {size_t{7}, size_t{60}, sealed.size() - 1}) { // the kind, the nonce, the box
        std::string changed = sealed;
        changed[at] = static_cast<char>(changed[at] ^ 1);
        CHECK(refusal(key, SealKind::Request, changed) == ToString(SealProblem::Tampered));
    }
}

TEST_CASE("a message survives encoding, and a malformed one is refused whole") {
    SyncMessage message{.from = "k1", .from_hub = true};
    message.judges.push_back({"key1", "Rahima", "fire", {"a", "b"}, false, "$argon2id$...", 3});
    message.have = {{"k1", 4}, {"k2", 9}};
    Event event{.kiosk = "k1", .seq = 4, .judge = "key1", .entry = "e", .criterion = "novelty"};
    event.value = 7, event.previous = std::nullopt, event.undoes_kiosk = "k2", event.undoes_seq = 3;
    event.at_ms = 1234, event.from_paper = true;
    message.events = {event};
    message.more = true;
    const SyncMessage back = Decode(Encode(message));
    CHECK(back.from == "k1");
    CHECK(back.judges.at(0).categories == std::vector<std::string>{"a", "b"});
    CHECK(back.have == message.have);
    CHECK(back.events.at(0).value == 7);
    CHECK(back.events.at(0).undoes_seq == 3);
    CHECK(back.events.at(0).from_paper);
    CHECK(back.more);
    const std::string bytes = Encode(message);
    for (size_t cut = 0; cut < bytes.size(); ++cut)
        CHECK_THROWS_AS(Decode(bytes.substr(0, cut)), SyncMalformed);
    CHECK_THROWS_AS(Decode(bytes + "x"), SyncMalformed);
}

TEST_CASE(
    "ingest is idempotent and order-free: duplicates, cut batches and reordered halves change nothing") {
    Store hub(":memory:"), kiosk(":memory:");
    const std::string judge = SetUpJudge(hub);
    FullSync(kiosk, hub);
    ScoreLog log(kiosk);
    const JudgeId id = LocalId(kiosk, judge);
    REQUIRE(id != 0);
    for (int i = 0; i < 10; ++i)
        log.SetMarks(id, "entry-" + std::to_string(i % 3), "novelty", i);
    log.Undo(id, "entry-0");

    Sync k(kiosk), h(hub);
    const SyncMessage all = k.Offer(h.Have());
    REQUIRE(all.events.size() == 11);
    SyncMessage first = all, second = all;
    first.events.resize(5);
    second.events.erase(second.events.begin(), second.events.begin() + 5);

    const IngestResult early = h.Ingest(second); // the second half first: held at the gap
    CHECK(early.stored == 0);
    CHECK(early.stopped_at_gap);
    CHECK(h.Ingest(first).stored == 5);
    CHECK(h.Ingest(first).duplicates == 5); // a retry
    CHECK(h.Ingest(second).stored == 6);
    CHECK(h.Ingest(all).duplicates == 11); // the whole again
    CHECK(Count(hub) == 11);
    CHECK(h.Have().at(kiosk.KioskId()) == 11);
    CHECK(h.Problems().empty());
    // The same cards on both, the undo included.
    CHECK(ScoreLog(hub).Book().Find(judge, "entry-0")->marks.at("novelty") ==
          log.Book().Find(judge, "entry-0")->marks.at("novelty"));
    // Limited batches say there is more, and the next offer goes on from the new marks.
    const SyncMessage small = k.Offer({}, 4);
    CHECK(small.events.size() == 4);
    CHECK(small.more);
    CHECK_FALSE(k.Offer(h.Have()).more);
    CHECK(k.Offer(h.Have()).events.empty());
}

TEST_CASE("the same (kiosk, seq) with different content is refused, recorded and never merged") {
    TempDir dir("copied");
    Store hub(dir / "hub.db");
    const std::string judge = SetUpJudge(hub);
    {
        Store original(dir / "a.db");
        FullSync(original, hub);
        ScoreLog(original).SetMarks(LocalId(original, judge), "e", "novelty", 3);
    }
    fs::copy_file(dir / "a.db", dir / "copy.db"); // the same kiosk id on two machines
    Store a(dir / "a.db"), copy(dir / "copy.db");
    REQUIRE(a.KioskId() == copy.KioskId());
    ScoreLog(a).SetMarks(LocalId(a, judge), "e", "novelty", 5);       // seq 2 here
    ScoreLog(copy).SetMarks(LocalId(copy, judge), "e", "novelty", 9); // seq 2 there, other content
    ScoreLog(copy).SetMarks(LocalId(copy, judge), "e", "novelty", 1); // seq 3
    FullSync(a, hub);
    CHECK(Count(hub) == 2);
    Sync h(hub), c(copy);
    const IngestResult result = h.Ingest(c.Offer(h.Have()));
    CHECK(result.stored == 0);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].kind == SyncProblem::Kind::CopiedDatabase);
    CHECK(result.problems[0].seq == 2);
    CHECK(result.problems[0].detail.find("novelty=5") != std::string::npos);
    CHECK(result.problems[0].detail.find("novelty=9") != std::string::npos);
    CHECK(Count(hub) == 2);
    CHECK(ScoreLog(hub).Book().Find(judge, "e")->marks.at("novelty") == 5);
    h.Ingest(c.Offer(h.Have())); // again: recorded once
    CHECK(h.Problems().size() == 1);
    // Later events of that kiosk are held, from the original too, until the organiser acts.
    ScoreLog(a).SetMarks(LocalId(a, judge), "e", "novelty", 6);
    CHECK(h.Ingest(Sync(a).Offer(h.Have())).stored == 0);
    CHECK(Count(hub) == 2);
}

// As on the fair: the kiosk app's ScoreLog on one connection, sync on another (so CatchUp sees it).
TEST_CASE(
    "a judge who moves kiosks finds the card as left, and a card submitted on one kiosk is locked on all") {
    TempDir dir("moving");
    Store hub(dir / "hub.db"), a(dir / "a.db"), b(dir / "b.db");
    auto sync = [&](const std::string& kiosk) {
        Store connection(dir / kiosk);
        FullSync(connection, hub);
    };
    const std::string judge = SetUpJudge(hub);
    sync("a.db");
    sync("b.db");
    ScoreLog on_a(a), on_b(b);
    on_a.SetMarks(LocalId(a, judge), "e", "novelty", 5);
    on_a.SetMarks(LocalId(a, judge), "e", "impact", 2);
    sync("a.db");
    sync("b.db");
    CHECK(on_b.CatchUp());
    const StoredCard* card = on_b.Book().Find(judge, "e");
    REQUIRE(card);
    CHECK(card->marks.at("novelty") == 5);
    CHECK(card->can_undo);
    on_b.SetMarks(LocalId(b, judge), "e", "novelty", 7);
    CHECK(on_b.Events().back().previous == 5); // B's change follows A's value
    on_b.Undo(LocalId(b, judge), "e");
    on_b.Undo(LocalId(b, judge), "e"); // undo reaches back to A's change
    CHECK_FALSE(on_b.Book().Find(judge, "e")->marks.count("impact"));
    on_b.SetMarks(LocalId(b, judge), "e", "impact", 4);
    on_b.Submit(LocalId(b, judge), "e", {"novelty", "impact"});
    sync("b.db");
    sync("a.db");
    CHECK(on_a.CatchUp());
    CHECK(on_a.Book().Find(judge, "e")->submitted);
    CHECK(on_a.Book().Find(judge, "e")->marks.at("novelty") == 5);
    CHECK(on_a.Book().Find(judge, "e")->marks.at("impact") == 4);
    try {
        on_a.SetMarks(LocalId(a, judge), "e", "novelty", 1);
        FAIL("a submitted card took a mark");
    } catch (const Refused& refused) {
        CHECK(refused.Code() == Refusal::CardSubmitted);
    }
    ScoreLog on_hub(hub);
    CHECK(on_hub.Book().OpenConflicts() == 0);
    CHECK(on_hub.Book().Find(judge, "e")->submitted);
}

TEST_CASE("the same mark changed on two kiosks apart is listed with both values and resolved by an event") {
    Store hub(":memory:"), a(":memory:"), b(":memory:");
    const std::string judge = SetUpJudge(hub);
    FullSync(a, hub);
    FullSync(b, hub);
    ScoreLog(a).SetMarks(LocalId(a, judge), "e", "novelty", 5);
    FullSync(a, hub);
    FullSync(b, hub);
    // Apart: both change novelty; both also set impact to the same value (no conflict).
    ScoreLog(a).SetMarks(LocalId(a, judge), "e", "novelty", 6);
    ScoreLog(b).SetMarks(LocalId(b, judge), "e", "novelty", 8);
    ScoreLog(a).SetMarks(LocalId(a, judge), "e", "impact", 3);
    ScoreLog(b).SetMarks(LocalId(b, judge), "e", "impact", 3);
    FullSync(a, hub);
    FullSync(b, hub);
    FullSync(a, hub);
    ScoreLog on_hub(hub);
    REQUIRE(on_hub.Book().Conflicts().size() == 1);
    const MarkConflict conflict = on_hub.Book().Conflicts()[0];
    CHECK(conflict.kind == MarkConflict::Kind::BothChanged);
    CHECK(conflict.judge == judge);
    CHECK(conflict.criterion == "novelty");
    CHECK(conflict.first.kiosk == a.KioskId());
    CHECK(conflict.first.value == 6);
    CHECK(conflict.second.kiosk == b.KioskId());
    CHECK(conflict.second.value == 8);
    CHECK_FALSE(conflict.resolved);
    // Every store finds the same conflict, whatever order the events came in.
    CHECK(ScoreLog(a).Book().FindConflict(conflict.id));
    CHECK(ScoreLog(b).Book().FindConflict(conflict.id));
    CHECK_THROWS_AS(on_hub.Resolve(conflict.id, 7), Refused); // not one of the two
    on_hub.Resolve(conflict.id, 8);
    CHECK_THROWS_AS(on_hub.Resolve(conflict.id, 6), Refused); // already
    CHECK(on_hub.Events().back().kind == EventKind::Resolve);
    FullSync(a, hub);
    FullSync(b, hub);
    for (Store* store : {&hub, &a, &b}) {
        ScoreLog log(*store);
        CHECK(log.Book().OpenConflicts() == 0);
        CHECK(log.Book().Find(judge, "e")->marks.at("novelty") == 8);
    }
}

TEST_CASE("a mark changed on a kiosk that had not seen the card submitted elsewhere is a conflict") {
    Store hub(":memory:"), a(":memory:"), b(":memory:");
    const std::string judge = SetUpJudge(hub);
    FullSync(a, hub);
    FullSync(b, hub);
    ScoreLog(a).SetMarks(LocalId(a, judge), "e", "novelty", 5);
    FullSync(a, hub);
    FullSync(b, hub);
    ScoreLog(a).Submit(LocalId(a, judge), "e", {"novelty"});
    ScoreLog(b).SetMarks(LocalId(b, judge), "e", "novelty", 2);
    FullSync(a, hub);
    FullSync(b, hub);
    ScoreLog on_hub(hub);
    REQUIRE(on_hub.Book().Conflicts().size() == 1);
    CHECK(on_hub.Book().Conflicts()[0].kind == MarkConflict::Kind::ChangedAfterSubmit);
    CHECK(on_hub.Book().Conflicts()[0].first.value == 5);
    CHECK(on_hub.Book().Conflicts()[0].second.value == 2);
}

TEST_CASE("judges travel with their PIN hash, the more changed copy wins, a clashing name is kept apart") {
    Store hub(":memory:"), kiosk(":memory:");
    const std::string judge = SetUpJudge(hub);
    FullSync(kiosk, hub);
    Judges on_kiosk(kiosk);
    REQUIRE(on_kiosk.List().size() == 1);
    CHECK(on_kiosk.CheckPin(on_kiosk.List()[0].id, "1234").result == PinCheck::Result::Ok);
    Judges on_hub(hub);
    on_hub.Update(on_hub.List()[0].id, {"Rahima Begum", "fire", {"digital", "citizen"}, ""});
    FullSync(kiosk, hub);
    on_kiosk.Reload();
    CHECK(on_kiosk.List()[0].name == "Rahima Begum");
    CHECK(on_kiosk.List()[0].categories == std::vector<std::string>{"citizen", "digital"});
    // A judge added on the kiosk reaches the hub; one added with a taken name is renamed there.
    const JudgeId karim = AddJudge(kiosk, "Karim");
    AddJudge(hub, "Karim");
    FullSync(kiosk, hub);
    on_hub.Reload();
    CHECK(on_hub.List().size() == 3);
    CHECK(Sync(hub).Problems().at(0).kind == SyncProblem::Kind::JudgeRenamed);
    on_kiosk.Remove(karim);
    FullSync(kiosk, hub);
    on_hub.Reload();
    CHECK(on_hub.List().size() == 2);
}

TEST_CASE("USB: export then import twice is import once, and tampered, truncated and foreign files change "
          "nothing") {
    TempDir dir("usb");
    Store hub(dir / "hub.db"), kiosk(dir / "kiosk.db");
    const std::string judge = SetUpJudge(hub);
    StoreSyncKey(hub, TestKey());
    FullSync(kiosk, hub);
    ScoreLog log(kiosk);
    for (int i = 0; i < 20; ++i)
        log.SetMarks(LocalId(kiosk, judge), "e" + std::to_string(i % 4), "novelty", i % 10);
    CHECK(Sync(kiosk).ExportTo(dir / "stick.sync", TestKey()) == 20);
    CHECK_FALSE(fs::exists(dir / ".stick.sync.part"));
    const std::string bytes = ReadFile(dir / "stick.sync");
    auto refused = [&](const std::string& name, const std::string& content, const SyncKey& key) {
        WriteFile(dir / name, content);
        try {
            Sync(hub).ImportFrom(dir / name, key);
        } catch (const SealRefused& e) {
            return e.Problem();
        }
        FAIL("the file was taken");
        return SealProblem::NotSync;
    };
    std::string tampered = bytes;
    tampered[bytes.size() / 2] = static_cast<char>(tampered[bytes.size() / 2] ^ 0x20);
    CHECK(refused("tampered.sync", tampered, TestKey()) == SealProblem::Tampered);
    CHECK(refused("cut.sync", bytes.substr(0, bytes.size() * 2 / 3), TestKey()) == SealProblem::Truncated);
    CHECK(refused("foreign.sync", bytes, NewSyncKey()) == SealProblem::ForeignKey);
    CHECK(Count(hub) == 0);

    CHECK(Sync(hub).ImportFrom(dir / "stick.sync", TestKey()).stored == 20);
    const std::vector<Event> once = Trail(hub);
    const IngestResult again = Sync(hub).ImportFrom(dir / "stick.sync", TestKey());
    CHECK(again.stored == 0);
    CHECK(again.duplicates == 20);
    CHECK(Trail(hub).size() == once.size());

    // A new kiosk set up from the hub's stick: judges (who can log in) and every event.
    Sync(hub).ExportTo(dir / "hub.sync", TestKey());
    Store fresh(dir / "fresh.db");
    Sync(fresh).ImportFrom(dir / "hub.sync", TestKey());
    Judges judges(fresh);
    REQUIRE(judges.List().size() == 1);
    CHECK(judges.CheckPin(judges.List()[0].id, "1234").result == PinCheck::Result::Ok);
    CHECK(Count(fresh) == 20);
}

TEST_CASE("status: the hub lists each kiosk it heard from, a kiosk counts its events the hub lacks") {
    Store hub(":memory:"), kiosk(":memory:");
    const std::string judge = SetUpJudge(hub);
    FullSync(kiosk, hub);
    ScoreLog(kiosk).SetMarks(LocalId(kiosk, judge), "e", "novelty", 1);
    Sync k(kiosk), h(hub);
    CHECK(k.Status().events_waiting == 1);
    CHECK_FALSE(k.Status().key_set);
    h.Ingest(k.Offer(h.Have()));
    const SyncMessage reply = h.Offer(k.Have());
    k.Ingest(reply);
    k.SetAcked(reply.from, reply.have);
    k.NoteHubContact("hub.local:8787", reply.from, true, "");
    const SyncStatus status = k.Status();
    CHECK(status.events_waiting == 0);
    CHECK(status.last_ok);
    CHECK(status.hub_id == hub.KioskId());
    const std::vector<SyncPeer> peers = h.Peers();
    REQUIRE(peers.size() == 1);
    CHECK(peers[0].kiosk == kiosk.KioskId());
    CHECK(peers[0].events_received == 1);
    CHECK(peers[0].events_held == 1);
    k.NoteHubContact("hub.local:8787", "", false, "hub unreachable: Connection");
    CHECK_FALSE(k.Status().last_ok);
    CHECK(k.Status().last_error.find("unreachable") != std::string::npos);
}
