// kiosk sync (issue 12): the key, USB export and import with refused files, push with its exit
// codes (the hub unreachable, another fair's key), serve's refusal without --listen, status,
// conflicts and resolve, as the organiser types them.
#include "kiosk/cli/commands.h"
#include "scoring/judges.h"
#include "scoring/score_log.h"
#include "scoring/sync.h"
#include "scoring/sync_net.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Cli {
    fs::path folder = fs::temp_directory_path() / ("kiosk-sync-cli-" + std::to_string(getpid()));
    std::string out, err;

    Cli() {
        fs::remove_all(folder);
        fs::create_directories(folder);
    }
    ~Cli() { fs::remove_all(folder); }
    std::string Path(const std::string& name) const { return (folder / name).string(); }

    int Run(std::vector<std::string> args, const std::string& db) {
        args.insert(args.end(), {"--db", Path(db)});
        std::ostringstream o, e;
        const int status = kiosk::cli::Sync(args, o, e);
        out = o.str(), err = e.str();
        return status;
    }
    std::string Key(const std::string& db) { // the key as `key --show` prints it
        REQUIRE(Run({"key", "--show"}, db) == 0);
        return out.substr(0, out.find('\n'));
    }
};

} // namespace

TEST_CASE("kiosk sync key: --new prints a key and check code, --set takes it, the check codes agree") {
    Cli cli;
    CHECK(cli.Run({"key", "--show"}, "hub.db") == 1);
    CHECK(cli.Run({"key", "--new"}, "hub.db") == 0);
    CHECK(cli.out.find("check code ") != std::string::npos);
    const std::string key = cli.Key("hub.db");
    const std::string check = cli.out.substr(cli.out.find("check code ") + 11, 7);
    CHECK(cli.Run({"key", "--new"}, "hub.db") == 1); // not replaced by accident
    CHECK(cli.err.find("--replace") != std::string::npos);
    CHECK(cli.Run({"key", "--set", "not a key"}, "kiosk.db") == 1);
    CHECK(cli.Run({"key", "--set", key}, "kiosk.db") == 0);
    CHECK(cli.out.find(check) != std::string::npos);
    CHECK(cli.Run({"key"}, "kiosk.db") == 2);
    CHECK(cli.Run({"status"}, "kiosk.db") == 0);
    CHECK(cli.out.find("fair key: set, check code " + check) != std::string::npos);
    CHECK(cli.out.find("events waiting to go: 0") != std::string::npos);
}

TEST_CASE("kiosk sync export and import: twice is once, a refused file says why and changes nothing") {
    Cli cli;
    REQUIRE(cli.Run({"key", "--new"}, "hub.db") == 0);
    const std::string key = cli.Key("hub.db");
    {
        scoring::Store hub(cli.Path("hub.db"));
        scoring::Judges(hub).Add({"Rahima", "fire", {"digital"}, "1234"});
        scoring::ScoreLog(hub).SetMarks(1, "e", "novelty", 4);
    }
    CHECK(cli.Run({"export", "--out", cli.Path("stick.sync")}, "hub.db") == 0);
    CHECK(cli.out.find("1 events") != std::string::npos);
    CHECK(cli.Run({"import", cli.Path("stick.sync")}, "kiosk.db") == 1); // no key yet
    REQUIRE(cli.Run({"key", "--set", key}, "kiosk.db") == 0);
    CHECK(cli.Run({"import", cli.Path("stick.sync")}, "kiosk.db") == 0);
    CHECK(cli.out.find("1 new events, 0 already here, 1 judges added") != std::string::npos);
    CHECK(cli.Run({"import", cli.Path("stick.sync")}, "kiosk.db") == 0);
    CHECK(cli.out.find("0 new events, 1 already here") != std::string::npos);
    std::ifstream in(cli.Path("stick.sync"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(cli.Path("cut.sync"), std::ios::binary) << bytes.substr(0, bytes.size() - 10);
    CHECK(cli.Run({"import", cli.Path("cut.sync")}, "kiosk.db") == 1);
    CHECK(cli.err.find("truncated; nothing of it was stored") != std::string::npos);
    REQUIRE(cli.Run({"key", "--new"}, "other.db") == 0);
    CHECK(cli.Run({"import", cli.Path("stick.sync")}, "other.db") == 1);
    CHECK(cli.err.find("another fair's key") != std::string::npos);
}

TEST_CASE("kiosk sync push: the exchange with a hub, and exit 3 for no hub, 1 for another fair's key") {
    Cli cli;
    REQUIRE(cli.Run({"key", "--new"}, "hub.db") == 0);
    const std::string key = cli.Key("hub.db");
    {
        scoring::Judges(*std::make_unique<scoring::Store>(cli.Path("hub.db")))
            .Add({"Rahima", "fire", {"d"}, "1234"});
    }
    CHECK(cli.Run({"serve"}, "hub.db") == 2); // the hub listens only where told
    CHECK(cli.err.find("--listen") != std::string::npos);
    scoring::SyncServer server(cli.Path("hub.db"));
    const int port = server.Bind("127.0.0.1", 0);
    std::thread serving([&] { server.Run(); });
    const std::string hub = "127.0.0.1:" + std::to_string(port);

    REQUIRE(cli.Run({"key", "--set", key}, "kiosk.db") == 0);
    CHECK(cli.Run({"push", "--hub", hub}, "kiosk.db") == 0);
    CHECK(cli.out.find("sent 0 events, received 0") != std::string::npos);
    CHECK(scoring::Judges(*std::make_unique<scoring::Store>(cli.Path("kiosk.db"))).List().size() == 1);
    CHECK(cli.Run({"status"}, "kiosk.db") == 0);
    CHECK(cli.out.find("hub: " + hub) != std::string::npos);
    CHECK(cli.out.find(" ok,") != std::string::npos);

    REQUIRE(cli.Run({"key", "--set", scoring::KeyToText(scoring::NewSyncKey())}, "stranger.db") == 0);
    CHECK(cli.Run({"push", "--hub", hub}, "stranger.db") == 1);
    CHECK(cli.err.find("another key") != std::string::npos);
    CHECK(cli.Run({"status"}, "stranger.db") == 0);
    CHECK(cli.out.find("FAILED") != std::string::npos);
    server.Stop();
    serving.join();
    CHECK(cli.Run({"push", "--hub", hub}, "kiosk.db") == 3);
    CHECK(cli.err.find("hub unreachable") != std::string::npos);
    CHECK(cli.Run({"push", "--hub", "nowhere:99999"}, "kiosk.db") == 2);
}

TEST_CASE("kiosk sync conflicts and resolve: the organiser's pick") {
    Cli cli;
    scoring::Store hub(cli.Path("hub.db")), a(cli.Path("a.db")), b(cli.Path("b.db"));
    scoring::Judges(hub).Add({"Rahima", "fire", {"digital"}, "1234"});
    auto sync = [&](scoring::Store& kiosk) {
        scoring::Sync k(kiosk), h(hub);
        h.Ingest(k.Offer(h.Have()));
        k.Ingest(h.Offer(k.Have()));
    };
    sync(a), sync(b);
    scoring::ScoreLog(a).SetMarks(1, "e", "novelty", 6);
    scoring::ScoreLog(b).SetMarks(1, "e", "novelty", 8);
    sync(a), sync(b);
    CHECK(cli.Run({"conflicts"}, "hub.db") == 0);
    CHECK(cli.out.find("1 open conflicts") != std::string::npos);
    const std::string id = cli.out.substr(0, cli.out.find(' '));
    CHECK(cli.Run({"resolve", id}, "hub.db") == 2);
    CHECK(cli.Run({"resolve", id, "--value", "7"}, "hub.db") == 1);
    CHECK(cli.Run({"resolve", id, "--value", "8"}, "hub.db") == 0);
    CHECK(cli.Run({"conflicts"}, "hub.db") == 0);
    CHECK(cli.out.find("resolved: 8") != std::string::npos);
    CHECK(cli.out.find("0 open conflicts") != std::string::npos);
}

namespace {

// One raw HTTP request to the hub: its status line, or "" when the connection failed.
std::string RawPost(int port, const std::string& path, const std::string& body) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return close(fd), "";
    const std::string request =
        "POST " + path +
        " HTTP/1.1\r\nHost: hub\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n\r\n" + body;
    if (write(fd, request.data(), request.size()) < 0) return close(fd), "";
    std::string answer;
    char buffer[4096];
    for (ssize_t got; (got = read(fd, buffer, sizeof buffer)) > 0;)
        answer.append(buffer, static_cast<size_t>(got));
    close(fd);
    return answer.substr(0, answer.find("\r\n"));
}

} // namespace

TEST_CASE("the hub answers bad requests and goes on: garbage, a cut request, another key, another path") {
    Cli cli;
    REQUIRE(cli.Run({"key", "--new"}, "hub.db") == 0);
    const std::string key = cli.Key("hub.db");
    scoring::SyncServer server(cli.Path("hub.db"));
    const int port = server.Bind("127.0.0.1", 0);
    std::thread serving([&] { server.Run(); });
    const scoring::SyncKey fair = *scoring::KeyFromText(key);
    const std::string good = scoring::Seal(fair, scoring::SealKind::Request, scoring::Encode({.from = "k"}));
    CHECK(RawPost(port, "/sync", "garbage") == "HTTP/1.1 400 Bad Request");
    CHECK(RawPost(port, "/sync", "") == "HTTP/1.1 400 Bad Request");
    CHECK(RawPost(port, "/sync", good.substr(0, good.size() / 2)) == "HTTP/1.1 400 Bad Request");
    CHECK(RawPost(port, "/sync", scoring::Seal(fair, scoring::SealKind::Request, "not a message")) ==
          "HTTP/1.1 400 Bad Request");
    CHECK(RawPost(port, "/sync", scoring::Seal(scoring::NewSyncKey(), scoring::SealKind::Request, "x")) ==
          "HTTP/1.1 403 Forbidden");
    CHECK(RawPost(port, "/other", good) == "HTTP/1.1 404 Not Found");
    CHECK(RawPost(port, "/sync", good) == "HTTP/1.1 200 OK");
    REQUIRE(cli.Run({"key", "--set", key}, "kiosk.db") == 0);
    CHECK(cli.Run({"push", "--hub", "127.0.0.1:" + std::to_string(port)}, "kiosk.db") == 0);
    server.Stop();
    serving.join();
}
