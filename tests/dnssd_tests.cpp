// Finding the hub on the LAN (issue 12): the hub's announcement and the kiosks' browsing against a
// private avahi-daemon on a private D-Bus bus that each live case starts and stops itself, and the
// typed statuses when there is no daemon or no bus at all. Nothing waits a fixed time: every wait
// is for a condition, with deadlines generous enough for a loaded machine.
#include "kiosk/cli/commands.h"
#include "scoring/dnssd.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace scoring::dnssd;
using namespace std::chrono_literals;

namespace {

constexpr auto kPatience = 60s; // a condition that does not hold by then is a failure

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

template <class Condition> bool WaitUntil(Condition condition, std::chrono::seconds patience = kPatience) {
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

// A child process whose output goes to `log`; stopped with SIGTERM (then SIGKILL) and reaped.
class Child {
  public:
    Child(const std::vector<std::string>& argv, const fs::path& log) {
        m_pid = fork();
        if (m_pid == 0) {
            const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            if (fd >= 0) {
                dup2(fd, 1);
                dup2(fd, 2);
            }
            std::vector<char*> args;
            for (const auto& arg : argv)
                args.push_back(const_cast<char*>(arg.c_str()));
            args.push_back(nullptr);
            execvp(args[0], args.data());
            _exit(127);
        }
    }
    ~Child() { Stop(); }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    bool Exited() {
        if (m_pid <= 0) return true;
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) m_pid = -1;
        return m_pid <= 0;
    }
    void Stop() {
        if (m_pid <= 0) return;
        kill(m_pid, SIGTERM);
        if (!WaitUntil([&] { return Exited(); }, 30s)) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
        m_pid = -1;
    }

  private:
    pid_t m_pid = -1;
};

// A temporary folder, removed at the end.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "dnssd-test-XXXXXX").string();
        path = mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

// The system bus address of this process: a socket in a folder of its own. libdbus reads
// DBUS_SYSTEM_BUS_ADDRESS once per process, so every case uses this one path, with a private
// dbus-daemon listening on it or (the no-bus case) nothing.
const fs::path& BusSocket() {
    static const TempDir dir;
    static const fs::path socket = [] {
        setenv("DBUS_SYSTEM_BUS_ADDRESS", ("unix:path=" + (dir.path / "bus").string()).c_str(), 1);
        return dir.path / "bus";
    }();
    return socket;
}

// A private system bus: dbus-daemon on BusSocket(), which avahi-daemon and the avahi client use.
class PrivateBus {
  public:
    explicit PrivateBus(const fs::path& dir) {
        const fs::path& socket = BusSocket();
        fs::remove(socket);
        std::ofstream(dir / "bus.conf") << R"(<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=)" << socket.string()
                                        << R"(</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
)";
        m_daemon =
            std::make_unique<Child>(std::vector<std::string>{"dbus-daemon", "--nofork",
                                                             "--config-file=" + (dir / "bus.conf").string()},
                                    dir / "dbus.log");
        m_up = WaitUntil([&] { return fs::exists(socket) || m_daemon->Exited(); }) && !m_daemon->Exited();
        if (!m_up) m_why = ReadFile(dir / "dbus.log");
    }
    ~PrivateBus() {
        m_daemon->Stop();
        fs::remove(BusSocket());
    }
    bool Up() const { return m_up; }
    const std::string& Why() const { return m_why; }

  private:
    std::unique_ptr<Child> m_daemon;
    bool m_up = false;
    std::string m_why;
};

// avahi-daemon on the private bus, as root without dropping privileges or chroot, on loopback only
// so that running the tests announces nothing on the real LAN.
class PrivateAvahi {
  public:
    explicit PrivateAvahi(const fs::path& dir) : m_dir(dir) {
        std::ofstream(dir / "avahi.conf")
            << "[server]\nhost-name=showcase-dnssd-test\nuse-ipv4=yes\nuse-ipv6=no\nallow-interfaces=lo\n"
               "enable-dbus=yes\nratelimit-interval-usec=1000000\nratelimit-burst=1000\n"
               "[wide-area]\nenable-wide-area=no\n"
               "[publish]\npublish-hinfo=no\npublish-workstation=no\n";
        Start();
    }
    void Start() {
        fs::remove(m_dir / "avahi.log");
        m_daemon = std::make_unique<Child>(
            std::vector<std::string>{"avahi-daemon", "--file=" + (m_dir / "avahi.conf").string(),
                                     "--no-drop-root", "--no-chroot", "--no-rlimits", "--no-proc-title"},
            m_dir / "avahi.log");
        m_up =
            WaitUntil([&] {
                return ReadFile(m_dir / "avahi.log").find("Server startup complete") != std::string::npos ||
                       m_daemon->Exited();
            }) &&
            !m_daemon->Exited();
    }
    void Stop() { m_daemon->Stop(); }
    bool Up() const { return m_up; }
    std::string Log() const { return ReadFile(m_dir / "avahi.log"); }

  private:
    fs::path m_dir;
    std::unique_ptr<Child> m_daemon;
    bool m_up = false;
};

// The bus and the daemon for one live case; the case is skipped, saying why, only when they cannot
// be started here (no dbus-daemon, not root, another avahi-daemon holding its pid file).
struct LiveAvahi {
    TempDir dir;
    PrivateBus bus{dir.path};
    std::unique_ptr<PrivateAvahi> avahi;
    LiveAvahi() {
        if (bus.Up()) avahi = std::make_unique<PrivateAvahi>(dir.path);
    }
    bool Up() const { return bus.Up() && avahi->Up(); }
    std::string Why() const { return bus.Up() ? avahi->Log() : "dbus-daemon: " + bus.Why(); }
};

#define SKIP_UNLESS_LIVE(live)                                                                               \
    if (!(live).Up()) {                                                                                      \
        MESSAGE("SKIPPED: could not start a private avahi-daemon here: " << (live).Why());                   \
        return;                                                                                              \
    }

Browser::Done HasKey(const std::string& key_id) {
    return [key_id](const std::vector<FoundHub>& hubs) { return PickHub(hubs, key_id) != nullptr; };
}

} // namespace

TEST_CASE("dnssd: the fair key id is short and stable, differs between fairs, and does not show the key") {
    const std::string key = "k3y-of-the-dhaka-fair-0123456789abcdef";
    const std::string id = FairKeyId(key);
    CHECK(id.size() == 16);
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(FairKeyId(key) == id);
    CHECK(FairKeyId("k3y-of-the-khulna-fair-0123456789abcdef") != id);
    CHECK(key.find(id) == std::string::npos);
    CHECK(FairKeyId("").empty());
}

TEST_CASE("dnssd: a kiosk picks the hub of its own fair, and addresses are written as --hub takes them") {
    const std::vector<FoundHub> hubs = {
        {"Showcase hub — Dhaka", "a.local", "192.168.1.20", 8750, "aaaa", 1},
        {"Showcase hub — Khulna", "b.local", "fe80::1%eth0", 8751, "bbbb", 1}};
    REQUIRE(PickHub(hubs, "bbbb") != nullptr);
    CHECK(PickHub(hubs, "bbbb")->port == 8751);
    CHECK(PickHub(hubs, "cccc") == nullptr);
    CHECK(PickHub(hubs, "") == nullptr);
    CHECK(hubs[0].HostPort() == "192.168.1.20:8750");
    CHECK(hubs[1].HostPort() == "[fe80::1%eth0]:8751");
}

TEST_CASE("dnssd: with no system bus at all, announcing and browsing say avahi-daemon is not running") {
    fs::remove(BusSocket()); // nothing listens there
    {
        Announcement announcement({"Showcase hub — nowhere", 8750, FairKeyId("key"), kProtocolVersion});
        const AnnounceStatus status = announcement.WaitFor(AnnounceState::NoDaemon, kPatience);
        CHECK(status.state == AnnounceState::NoDaemon);
        CHECK(Describe(status) == "not announced: avahi-daemon not running");
        CHECK(Browse(kPatience).error == BrowseError::NoDaemon);
        const BrowseResult found = FindHub(FairKeyId("key"), kPatience);
        CHECK(found.error == BrowseError::NoDaemon);
        CHECK(found.hubs.empty());
    }
}

TEST_CASE("dnssd: with D-Bus but no avahi-daemon, the status is no-daemon until the daemon starts") {
    TempDir dir;
    PrivateBus bus(dir.path);
    if (!bus.Up()) {
        MESSAGE("SKIPPED: could not start a private dbus-daemon here: " << bus.Why());
        return;
    }
    Announcement announcement({"Showcase hub — late daemon", 8752, FairKeyId("late"), kProtocolVersion});
    CHECK(announcement.WaitFor(AnnounceState::NoDaemon, kPatience).state == AnnounceState::NoDaemon);
    CHECK(Browse(kPatience).error == BrowseError::NoDaemon);

    PrivateAvahi avahi(dir.path); // the daemon appears later: the hub announces by itself
    if (!avahi.Up()) {
        MESSAGE("SKIPPED (second half): could not start a private avahi-daemon here: " << avahi.Log());
        return;
    }
    CHECK(announcement.WaitFor(AnnounceState::Announced, kPatience).state == AnnounceState::Announced);
    const BrowseResult found = FindHub(FairKeyId("late"), kPatience);
    REQUIRE(found.error == BrowseError::None);
    CHECK(found.hubs.at(0).port == 8752);
}

TEST_CASE("dnssd: a hub announced on this machine is found with its port, fair key id and protocol") {
    LiveAvahi live;
    SKIP_UNLESS_LIVE(live);
    const std::string key_id = FairKeyId("the dhaka fair's key");
    Announcement announcement({"Showcase hub — Dhaka innovation fair", 8750, key_id, kProtocolVersion});
    const AnnounceStatus status = announcement.WaitFor(AnnounceState::Announced, kPatience);
    REQUIRE(status.state == AnnounceState::Announced);
    CHECK(status.name == "Showcase hub — Dhaka innovation fair");
    CHECK(Describe(status) == "announced on the LAN as \"Showcase hub — Dhaka innovation fair\"");

    Browser browser;
    const BrowseResult result = browser.Wait(kPatience, HasKey(key_id));
    REQUIRE(result.error == BrowseError::None);
    const FoundHub* hub = PickHub(result.hubs, key_id);
    REQUIRE(hub != nullptr);
    CHECK(hub->name == "Showcase hub — Dhaka innovation fair");
    CHECK(hub->port == 8750);
    CHECK(hub->protocol_version == kProtocolVersion);
    CHECK(hub->host == "showcase-dnssd-test.local");
    CHECK_FALSE(hub->address.empty());
    CHECK(hub->HostPort() == hub->address + ":8750");
}

TEST_CASE("dnssd: two fairs' hubs on one LAN are told apart by their key ids") {
    LiveAvahi live;
    SKIP_UNLESS_LIVE(live);
    const std::string dhaka = FairKeyId("dhaka key"), khulna = FairKeyId("khulna key");
    Announcement a({"Showcase hub — Dhaka", 8750, dhaka, kProtocolVersion});
    Announcement b({"Showcase hub — Khulna", 8760, khulna, kProtocolVersion});
    REQUIRE(a.WaitFor(AnnounceState::Announced, kPatience).state == AnnounceState::Announced);
    REQUIRE(b.WaitFor(AnnounceState::Announced, kPatience).state == AnnounceState::Announced);

    const BrowseResult to_khulna = FindHub(khulna, kPatience);
    REQUIRE(to_khulna.error == BrowseError::None);
    REQUIRE(to_khulna.hubs.size() == 1);
    CHECK(to_khulna.hubs[0].port == 8760);
    CHECK(to_khulna.hubs[0].name == "Showcase hub — Khulna");
    const BrowseResult to_dhaka = FindHub(dhaka, kPatience);
    REQUIRE(to_dhaka.error == BrowseError::None);
    CHECK(to_dhaka.hubs.at(0).port == 8750);

    // Both are listed, once each; a kiosk of a third fair finds neither its own.
    Browser browser;
    const BrowseResult all = browser.Wait(
        kPatience, [&](const auto& hubs) { return PickHub(hubs, dhaka) && PickHub(hubs, khulna); });
    CHECK(all.hubs.size() == 2);
    const BrowseResult stranger = FindHub(FairKeyId("rajshahi key"), kPatience);
    CHECK(stranger.error == BrowseError::NoHubForThisFair);
    CHECK(stranger.hubs.size() == 2);
}

TEST_CASE("dnssd: a second hub with a taken name is announced under avahi's alternative name") {
    LiveAvahi live;
    SKIP_UNLESS_LIVE(live);
    Announcement first({"Showcase hub — Sylhet", 8750, FairKeyId("one"), kProtocolVersion});
    REQUIRE(first.WaitFor(AnnounceState::Announced, kPatience).state == AnnounceState::Announced);
    Announcement second({"Showcase hub — Sylhet", 8751, FairKeyId("two"), kProtocolVersion});
    const AnnounceStatus status = second.WaitFor(AnnounceState::Announced, kPatience);
    REQUIRE(status.state == AnnounceState::Announced);
    CHECK(status.name == "Showcase hub — Sylhet #2");
    const BrowseResult found = FindHub(FairKeyId("two"), kPatience);
    REQUIRE(found.error == BrowseError::None);
    CHECK(found.hubs.at(0).name == "Showcase hub — Sylhet #2");
    CHECK(found.hubs.at(0).port == 8751);
}

TEST_CASE("dnssd: when avahi-daemon stops the hub says so, and announces again when it is back") {
    LiveAvahi live;
    SKIP_UNLESS_LIVE(live);
    const std::string key_id = FairKeyId("restart key");
    std::mutex heard_mutex;
    std::vector<std::string> heard; // what the hub's console would print
    Announcement announcement({"Showcase hub — restart", 8770, key_id, kProtocolVersion},
                              [&](const AnnounceStatus& status) {
                                  std::lock_guard lock(heard_mutex);
                                  heard.push_back(Describe(status));
                              });
    REQUIRE(announcement.WaitFor(AnnounceState::Announced, kPatience).state == AnnounceState::Announced);
    Browser browser; // a kiosk browsing across the restart
    REQUIRE(browser.Wait(kPatience, HasKey(key_id)).error == BrowseError::None);

    live.avahi->Stop();
    const AnnounceStatus down = announcement.WaitFor(AnnounceState::NoDaemon, kPatience);
    CHECK(down.state == AnnounceState::NoDaemon);
    CHECK(Describe(down) == "not announced: avahi-daemon not running");
    CHECK(browser.Wait(kPatience).error == BrowseError::NoDaemon);

    live.avahi->Start();
    REQUIRE(live.avahi->Up());
    CHECK(announcement.WaitFor(AnnounceState::Announced, kPatience).state == AnnounceState::Announced);
    const BrowseResult again = browser.Wait(kPatience, HasKey(key_id));
    REQUIRE(again.error == BrowseError::None);
    CHECK(PickHub(again.hubs, key_id)->port == 8770);

    std::lock_guard lock(heard_mutex);
    const std::string announced = "announced on the LAN as \"Showcase hub — restart\"";
    const auto first = std::find(heard.begin(), heard.end(), announced);
    const auto down_at = std::find(first, heard.end(), "not announced: avahi-daemon not running");
    CHECK(first != heard.end());
    CHECK(down_at != heard.end());
    CHECK(std::find(down_at, heard.end(), announced) != heard.end());
}

TEST_CASE(
    "dnssd: kiosk sync find lists the hubs with the address --hub takes, and says why when there are none") {
    std::ostringstream out, err;
    CHECK(kiosk::cli::SyncFind({"--seconds", "soon"}, out, err) == 2);
    CHECK(kiosk::cli::SyncFind({"--port", "1"}, out, err) == 2);

    LiveAvahi live;
    SKIP_UNLESS_LIVE(live);
    const std::string key_id = FairKeyId("find key");
    Announcement announcement({"Showcase hub — Barishal", 8780, key_id, kProtocolVersion});
    REQUIRE(announcement.WaitFor(AnnounceState::Announced, kPatience).state == AnnounceState::Announced);
    REQUIRE(FindHub(key_id, kPatience).error ==
            BrowseError::None); // resolvable now: the command waits at most 60 s
    out.str("");
    CHECK(kiosk::cli::SyncFind({"--key-id", key_id, "--seconds", "60"}, out, err) == 0);
    CHECK(out.str().find("Showcase hub — Barishal\n  --hub 127.0.0.1:8780") != std::string::npos);
    CHECK(out.str().find("key id " + key_id + ", protocol 1") != std::string::npos);

    err.str("");
    CHECK(kiosk::cli::SyncFind({"--key-id", FairKeyId("other"), "--seconds", "60"}, out, err) == 1);
    CHECK(err.str().find("none of them for the fair with this key id") != std::string::npos);
    live.avahi->Stop();
    err.str("");
    CHECK(kiosk::cli::SyncFind({"--seconds", "60"}, out, err) == 1);
    CHECK(err.str().find("avahi-daemon is not running") != std::string::npos);
}
