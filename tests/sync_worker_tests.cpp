// The kiosk app's background sync (kiosk/sync_worker.h) against a real hub on loopback: a save
// reaches the hub after a poke, another kiosk's events come down and wake the UI, an unreachable
// hub is a status and never a hang, a missing database is a status and never a crash, the key
// typed on the screen is stored by the worker, and on the hub the worker reads the kiosks heard from.
#include "kiosk/sync_worker.h"
#include "scoring/judges.h"
#include "scoring/score_log.h"
#include "scoring/sync.h"
#include "scoring/sync_key.h"
#include "scoring/sync_net.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;
using namespace scoring;
using kiosk::BackgroundSync;
using kiosk::SyncSnapshot;
using namespace std::chrono_literals;

namespace {

struct TempDir {
    fs::path root;
    explicit TempDir(const std::string& name)
        : root(fs::temp_directory_path() / ("kiosk-syncworker-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~TempDir() { fs::remove_all(root); }
    std::string operator/(const std::string& name) const { return (root / name).string(); }
};

// Waits for a condition, not for a speed: the long guard only stops a hang.
template <typename Ready> bool WaitFor(Ready ready) {
    for (int i = 0; i < 60'000 && !ready(); ++i)
        std::this_thread::sleep_for(2ms);
    return ready();
}

// A hub store with the fair's key and one judge, served on loopback while alive.
struct Hub {
    std::string path;
    SyncKey key = NewSyncKey();
    std::unique_ptr<SyncServer> server;
    std::thread serving;
    int port = 0;

    explicit Hub(std::string db) : path(std::move(db)) {
        {
            Store store(path);
            StoreSyncKey(store, key);
            Sync(store).SetHub(true);
            Judges(store).Add({"Rahima Begum", "fire", {"digital"}, "1234"});
        }
        server = std::make_unique<SyncServer>(path);
        port = server->Bind("127.0.0.1", 0);
        serving = std::thread([this] { server->Run(); });
    }
    ~Hub() { Stop(); }
    void Stop() {
        if (!serving.joinable()) return;
        server->Stop();
        serving.join();
    }
    std::string Address() const { return "127.0.0.1:" + std::to_string(port); }
    int64_t Held(const std::string& kiosk) { return Sync(*std::make_unique<Store>(path)).Have()[kiosk]; }
};

// A loopback port nobody listens on: bound once, then closed.
int ClosedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), size);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string KioskWithKey(const std::string& path, const SyncKey& key) {
    Store store(path);
    StoreSyncKey(store, key);
    return store.KioskId();
}

BackgroundSync::Settings SettingsFor(const std::string& db, const std::string& hub) {
    BackgroundSync::Settings settings;
    settings.db_path = db, settings.hub = hub, settings.discover = false;
    settings.every = 1h; // only the first step and pokes: the test decides when
    return settings;
}

} // namespace

TEST_CASE("the kiosk's worker pushes its saves to the hub, pulls another kiosk's events and wakes the UI") {
    TempDir dir("push-pull");
    Hub hub(dir / "hub.db");
    // Kiosk B scores first and syncs by hand.
    const std::string b_id = KioskWithKey(dir / "b.db", hub.key);
    {
        Store b(dir / "b.db");
        REQUIRE(SyncClient("127.0.0.1", hub.port).Exchange(b).Ok()); // the judge comes down
        ScoreLog(b).SetMarks(Judges(b).List().at(0).id, "e1", "novelty", 7);
        REQUIRE(SyncClient("127.0.0.1", hub.port).Exchange(b).Ok());
    }
    REQUIRE(hub.Held(b_id) == 1);

    const std::string a_id = KioskWithKey(dir / "a.db", hub.key);
    std::atomic<int> wakes = 0;
    BackgroundSync::Settings settings = SettingsFor(dir / "a.db", hub.Address());
    settings.wake = [&] { ++wakes; };
    BackgroundSync worker(settings);
    Store a(dir / "a.db");                                     // the UI's own connection
    CHECK(WaitFor([&] { return Sync(a).Have()[b_id] == 1; })); // B's mark came down
    CHECK(WaitFor([&] { return wakes.load() > 0; }));
    REQUIRE(WaitFor([&] { return worker.Snapshot()->read; }));
    const std::shared_ptr<const SyncSnapshot> first = worker.Snapshot();
    REQUIRE(first->last.has_value());
    CHECK(first->last->Ok());
    CHECK(first->last->received >= 1);
    CHECK(first->hub_from == SyncSnapshot::HubFrom::Given);
    CHECK(first->hub == hub.Address());
    CHECK(first->status.key_set);
    CHECK(first->status.key_check == KeyCheckCode(hub.key));

    // A save on A, then the poke the app gives after each save: the hub has it.
    const size_t steps = worker.Steps();
    ScoreLog(a).SetMarks(Judges(a).List().at(0).id, "e2", "novelty", 4);
    worker.Poke();
    CHECK(WaitFor([&] { return hub.Held(a_id) == 1; }));
    worker.WaitPast(steps, 60s);
    CHECK(WaitFor([&] { return worker.Snapshot()->status.events_waiting == 0; }));
}

TEST_CASE("an unreachable hub is a status that backs off, never a hang, and the worker stops at once") {
    TempDir dir("unreachable");
    const SyncKey key = NewSyncKey();
    KioskWithKey(dir / "k.db", key);
    const int closed_port = ClosedPort();
    BackgroundSync::Settings settings = SettingsFor(dir / "k.db", "127.0.0.1:" + std::to_string(closed_port));
    settings.every = 1ms, settings.longest = 8ms; // back off fast: the test counts failures, not time
    BackgroundSync worker(settings);
    REQUIRE(WaitFor([&] { return worker.Snapshot()->failures >= 4; }));
    const std::shared_ptr<const SyncSnapshot> snap = worker.Snapshot();
    REQUIRE(snap->last.has_value());
    CHECK(snap->last->outcome == SyncResult::Outcome::HubUnreachable);
    CHECK_FALSE(snap->last->detail.empty());
    CHECK(snap->next_ms - snap->last_ms <= 8 + 1'000); // never more than the longest wait (and a slow step)
    // The store remembers the failed contact for `kiosk sync status`.
    CHECK(WaitFor([&] { return !Sync(*std::make_unique<Store>(dir / "k.db")).Status().last_ok; }));
}

TEST_CASE("without a key the worker only reads the status, and stores the key typed on the screen") {
    TempDir dir("key");
    { Store(dir / "k.db"); }
    BackgroundSync worker(SettingsFor(dir / "k.db", "127.0.0.1:1"));
    REQUIRE(WaitFor([&] { return worker.Snapshot()->read; }));
    CHECK_FALSE(worker.Snapshot()->status.key_set);
    CHECK_FALSE(worker.Snapshot()->last.has_value()); // no key: no exchange tried
    const SyncKey key = NewSyncKey();
    worker.SetKey(key);
    CHECK(WaitFor([&] { return worker.Snapshot()->status.key_check == KeyCheckCode(key); }));
    Store store(dir / "k.db");
    REQUIRE(StoredSyncKey(store).has_value());
    CHECK(*StoredSyncKey(store) == key);
}

TEST_CASE("on the hub the worker lists the kiosks and shows the key, and a missing database is a status") {
    TempDir dir("hub");
    Hub hub(dir / "hub.db");
    const std::string k_id = KioskWithKey(dir / "k.db", hub.key);
    {
        Store k(dir / "k.db");
        REQUIRE(SyncClient("127.0.0.1", hub.port).Exchange(k).Ok());
    }
    BackgroundSync on_hub(SettingsFor(hub.path, "127.0.0.1:1")); // --hub is ignored on the hub itself
    REQUIRE(WaitFor([&] { return on_hub.Snapshot()->read; }));
    std::shared_ptr<const SyncSnapshot> snap = on_hub.Snapshot();
    CHECK(snap->status.is_hub);
    CHECK(snap->key_text == KeyToText(hub.key));
    CHECK_FALSE(snap->last.has_value());
    REQUIRE(snap->peers.size() == 1);
    CHECK(snap->peers[0].kiosk == k_id);

    BackgroundSync nowhere(SettingsFor(dir / "no/such/folder/k.db", ""));
    REQUIRE(WaitFor([&] { return nowhere.Snapshot()->store_failure.has_value(); }));
    CHECK_FALSE(nowhere.Snapshot()->read);
}

TEST_CASE("the fair key id a kiosk looks for is the dnssd id of the key's bytes") {
    const SyncKey key = NewSyncKey();
    CHECK(kiosk::FairKeyIdOf(key).size() == 16);
    CHECK(kiosk::FairKeyIdOf(key) == kiosk::FairKeyIdOf(key));
    CHECK(kiosk::FairKeyIdOf(key) != kiosk::FairKeyIdOf(NewSyncKey()));
}
