// Sync end to end on loopback (issue 12's "done when"): a hub and 20 kiosk processes, each writing
// 500 events and pushing, while the hub is killed and restarted twice, kiosks are killed and
// restarted, and kiosks send their batches again. The hub must end with exactly the union, and
// every kiosk with the fair's events. Every wait is for a condition (lines the processes print,
// their exit); the only clock is a generous guard against a hang.
#include "scoring/judges.h"
#include "scoring/score_log.h"
#include "scoring/sync.h"
#include "scoring/sync_key.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using namespace scoring;

namespace {

constexpr int kKiosks = 20;
constexpr int kEvents = 500;

// A port nobody listens on now (the hub binds it again after each restart: SO_REUSEADDR).
int FreePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t size = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    close(fd);
    return ntohs(address.sin_port);
}

// A child process running sync_node, its output appended to `log` (kept across restarts).
pid_t Start(const std::vector<std::string>& args, const std::string& log) {
    const pid_t child = fork();
    if (child == 0) {
        const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(out, STDOUT_FILENO);
        dup2(out, STDERR_FILENO);
        std::vector<char*> argv{const_cast<char*>(SYNC_NODE)};
        for (const std::string& arg : args)
            argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        execv(SYNC_NODE, argv.data());
        _exit(127);
    }
    return child;
}

std::string Read(const std::string& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

size_t Lines(const std::string& path, const std::string& prefix) {
    const std::string text = Read(path);
    size_t count = 0;
    for (size_t at = 0; (at = text.find(prefix, at)) != std::string::npos; at += prefix.size())
        if (at == 0 || text[at - 1] == '\n') ++count;
    return count;
}

int64_t LastWritten(const std::string& path) {
    const std::string text = Read(path);
    const size_t at = text.rfind("wrote ");
    return at == std::string::npos ? 0 : std::stoll(text.substr(at + 6));
}

// Waits until `ready` holds; the deadline only stops a hung test (a slow machine just waits longer).
template <class Condition> bool WaitFor(Condition ready, int guard_seconds = 600) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(guard_seconds);
    while (!ready()) {
        if (std::chrono::steady_clock::now() > give_up) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

int Finish(pid_t child) {
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Every event of a store as text, ordered by (kiosk, seq): two stores with the same fair compare equal.
std::map<std::pair<std::string, int64_t>, std::string> Fair(const std::string& db) {
    Store store(db);
    std::map<std::pair<std::string, int64_t>, std::string> events;
    for (const Event& e : ScoreLog(store).Events()) {
        std::ostringstream text;
        text << e.judge << ' ' << e.entry << ' ' << ToString(e.kind) << ' ' << e.criterion << ' '
             << e.value.value_or(-1) << ' ' << e.previous.value_or(-1) << ' ' << e.at_ms;
        events[{e.kiosk, e.seq}] = text.str();
    }
    return events;
}

} // namespace

TEST_CASE("a hub and 20 kiosks through dropped connections, killed processes and repeated batches end with "
          "exactly the union") {
    const fs::path dir = fs::temp_directory_path() / ("kiosk-sync-e2e-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string hub_db = (dir / "hub.db").string(), hub_log = (dir / "hub.log").string();
    const SyncKey key = NewSyncKey();
    {
        Store hub(hub_db);
        StoreSyncKey(hub, key);
        Sync(hub).SetHub(true);
        Judges judges(hub);
        for (const char* name : {"Rahima", "Karim", "Nasrin", "Jamal"})
            judges.Add({name, "fire", {"digital"}, "1234"});
    }
    const std::string port = std::to_string(FreePort());
    auto start_hub = [&] {
        const size_t before = Lines(hub_log, "listening");
        const pid_t hub = Start({"serve", hub_db, port}, hub_log);
        REQUIRE(WaitFor([&] { return Lines(hub_log, "listening") > before; }));
        return hub;
    };
    pid_t hub = start_hub();

    std::vector<pid_t> kiosks(kKiosks);
    auto db = [&](int i) { return (dir / ("kiosk" + std::to_string(i) + ".db")).string(); };
    auto log = [&](int i) { return (dir / ("kiosk" + std::to_string(i) + ".log")).string(); };
    auto start_kiosk = [&](int i) {
        kiosks[static_cast<size_t>(i)] =
            Start({"kiosk", db(i), port, KeyToText(key), std::to_string(i), std::to_string(kEvents)}, log(i));
    };
    for (int i = 0; i < kKiosks; ++i)
        start_kiosk(i);
    auto total_written = [&] {
        int64_t total = 0;
        for (int i = 0; i < kKiosks; ++i)
            total += LastWritten(log(i));
        return total;
    };
    auto failed_pushes = [&] {
        size_t failed = 0;
        for (int i = 0; i < kKiosks; ++i)
            failed += Lines(log(i), "push failed");
        return failed;
    };

    // The hub dies mid-way; the kiosks go on writing, their pushes fail, then it comes back.
    REQUIRE(WaitFor([&] { return total_written() >= 2000; }));
    kill(hub, SIGKILL);
    Finish(hub);
    const size_t failures = failed_pushes();
    REQUIRE(WaitFor([&] { return failed_pushes() >= failures + 3; }));
    hub = start_hub();

    // Two kiosks die between saves and start again, going on from what their store holds.
    for (int i : {3, 11}) {
        REQUIRE(WaitFor([&] { return LastWritten(log(i)) >= 150; }));
        kill(kiosks[static_cast<size_t>(i)], SIGKILL);
        Finish(kiosks[static_cast<size_t>(i)]);
        start_kiosk(i);
    }

    // The hub again, killed at once (requests in flight are cut) and restarted.
    REQUIRE(WaitFor([&] { return total_written() >= 6000; }));
    kill(hub, SIGKILL);
    Finish(hub);
    hub = start_hub();

    for (int i = 0; i < kKiosks; ++i)
        CHECK_MESSAGE(Finish(kiosks[static_cast<size_t>(i)]) == 0, "kiosk ", i, ": ",
                      Read(log(i)).substr(0, 2000));
    CHECK(failed_pushes() > failures); // the connections did drop

    // The kiosks that finished early take what the others wrote since.
    for (int i = 0; i < kKiosks; ++i)
        kiosks[static_cast<size_t>(i)] = Start({"pull", db(i), port}, log(i));
    for (int i = 0; i < kKiosks; ++i)
        CHECK(Finish(kiosks[static_cast<size_t>(i)]) == 0);
    kill(hub, SIGTERM);
    Finish(hub);

    const auto fair = Fair(hub_db);
    CHECK(fair.size() == static_cast<size_t>(kKiosks * kEvents));
    std::map<std::string, std::set<int64_t>> seqs;
    for (const auto& [id, text] : fair)
        seqs[id.first].insert(id.second);
    CHECK(seqs.size() == static_cast<size_t>(kKiosks));
    for (const auto& [kiosk, kiosk_seqs] : seqs) {
        CHECK(kiosk_seqs.size() == static_cast<size_t>(kEvents));
        CHECK(*kiosk_seqs.rbegin() == kEvents);
    }
    {
        Store store(hub_db);
        CHECK(Sync(store).Problems().empty());
        CHECK(ScoreLog(store).Book().OpenConflicts() == 0);
    }
    for (int i = 0; i < kKiosks; ++i)
        CHECK_MESSAGE(Fair(db(i)) == fair, "kiosk ", i, " lacks some of the fair");
    fs::remove_all(dir);
}
