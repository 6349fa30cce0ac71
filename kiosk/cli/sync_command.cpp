// kiosk sync key|export|import|serve|push|status|conflicts|resolve: many kiosks, one result.
// The work is scoring/sync.h (the exchange, USB files), scoring/sync_key.h (the fair's key) and
// scoring/sync_net.h (the hub and the client); this file reads the command line and tells the organiser.
#include "kiosk/cli/commands.h"

#include "scoring/dnssd.h"
#include "scoring/sync.h"
#include "scoring/sync_net.h"

#include <pthread.h>
#include <signal.h>

#include <ctime>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kiosk sync key --new | --set KEY | --show\n"
    "       kiosk sync export --out FILE\n"
    "       kiosk sync import FILE\n"
    "       kiosk sync serve --listen ADDRESS [--port N]\n"
    "       kiosk sync push --hub HOST[:PORT]\n"
    "       kiosk sync status\n"
    "       kiosk sync conflicts\n"
    "       kiosk sync resolve CONFLICT --value MARKS | --not-scored\n"
    "options: --db FILE (default: the kiosk's own database)\n"
    "The hub makes the fair's key (key --new) and each kiosk is given it (key --set, or the organiser's\n"
    "screen). serve listens only on the ADDRESS given: 0.0.0.0 for every network of the machine, or one\n"
    "address of it; the port is 8787 unless --port. Exit codes: 0 done, 1 refused (wrong key, a copied\n"
    "database, a bad file), 2 usage, 3 the hub unreachable, 4 the database failed.\n";

// The options each command takes, and how many positional arguments (at most).
struct Shape {
    std::set<std::string> options;
    std::set<std::string> flags;
    size_t positional = 0;
};
const std::map<std::string, Shape> kCommands{
    {"key", {{"--db", "--set"}, {"--new", "--show", "--replace"}, 0}},
    {"export", {{"--db", "--out"}, {}, 0}},
    {"import", {{"--db"}, {}, 1}},
    {"serve", {{"--db", "--port", "--listen"}, {}, 0}},
    {"push", {{"--db", "--hub"}, {}, 0}},
    {"status", {{"--db"}, {}, 0}},
    {"conflicts", {{"--db"}, {}, 0}},
    {"resolve", {{"--db", "--value"}, {"--not-scored"}, 1}},
};

struct Arguments {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> options; // "--db" -> value; flags -> ""
    std::string Option(const std::string& name) const {
        const auto found = options.find(name);
        return found == options.end() ? "" : found->second;
    }
    bool Has(const std::string& name) const { return options.count(name) > 0; }
};

std::optional<Arguments> Parse(const std::vector<std::string>& args, std::ostream& err) {
    const Shape& shape = kCommands.at(args[0]);
    Arguments parsed{args[0], {}, {}};
    for (size_t i = 1; i < args.size(); ++i) {
        if (shape.flags.count(args[i])) {
            parsed.options[args[i]] = "";
        } else if (shape.options.count(args[i])) {
            if (i + 1 >= args.size())
                return err << "kiosk sync: " << args[i] << " needs a value\n" << kUsage, std::nullopt;
            parsed.options[args[i]] = args[i + 1];
            ++i;
        } else if (args[i].size() > 1 && args[i][0] == '-') {
            return err << "kiosk sync " << args[0] << ": unknown option \"" << args[i] << "\"\n"
                       << kUsage,
                   std::nullopt;
        } else {
            parsed.positional.push_back(args[i]);
        }
    }
    if (parsed.positional.size() > shape.positional)
        return err << "kiosk sync " << args[0] << ": unexpected \"" << parsed.positional.back() << "\"\n"
                   << kUsage,
               std::nullopt;
    return parsed;
}

std::string DbPath(const Arguments& args) {
    return args.Has("--db") ? args.Option("--db") : scoring::DefaultStorePath();
}

std::string When(int64_t ms) {
    if (ms == 0) return "never";
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    char text[32];
    std::tm local{};
    localtime_r(&seconds, &local);
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

std::optional<scoring::SyncKey> RequireKey(scoring::Store& store, std::ostream& err) {
    std::optional<scoring::SyncKey> key = scoring::StoredSyncKey(store);
    if (!key)
        err << "kiosk sync: this database has no fair key: kiosk sync key --new (on the hub) or --set KEY\n";
    return key;
}

int Key(const Arguments& args, scoring::Store& store, std::ostream& out, std::ostream& err) {
    const std::optional<scoring::SyncKey> had = scoring::StoredSyncKey(store);
    if (args.Has("--new")) {
        if (had && !args.Has("--replace"))
            return err << "kiosk sync key: this database already has a fair key (check "
                       << scoring::KeyCheckCode(*had)
                       << "); every kiosk would need the new one: add --replace to make it anyway\n",
                   1;
        const scoring::SyncKey key = scoring::NewSyncKey();
        scoring::StoreSyncKey(store, key);
        scoring::Sync(store).SetHub(true);
        out << "the fair's key (type it on each kiosk: kiosk sync key --set \"KEY\"):\n  "
            << scoring::KeyToText(key) << "\ncheck code " << scoring::KeyCheckCode(key)
            << " (each kiosk shows the same once its key is set)\n";
        return 0;
    }
    if (args.Has("--set")) {
        const std::optional<scoring::SyncKey> key = scoring::KeyFromText(args.Option("--set"));
        if (!key)
            return err << "kiosk sync key: that is not a fair key: 52 letters and digits, as the hub printed "
                          "them (spaces do not matter)\n",
                   1;
        scoring::StoreSyncKey(store, *key);
        out << "the fair's key is set: check code " << scoring::KeyCheckCode(*key)
            << " (the hub shows the same one if the key was typed right)\n";
        return 0;
    }
    if (!had) return err << "kiosk sync key: no fair key is set\n", 1;
    out << scoring::KeyToText(*had) << "\ncheck code " << scoring::KeyCheckCode(*had) << '\n';
    return 0;
}

void PrintIngest(const scoring::IngestResult& result, std::ostream& out) {
    out << result.stored << " new events, " << result.duplicates << " already here";
    if (result.held) out << ", " << result.held << " not taken";
    if (result.judges_changed) out << ", " << result.judges_changed << " judges added or changed";
    out << '\n';
    for (const scoring::SyncProblem& problem : result.problems)
        out << "  refused (" << ToString(problem.kind) << "): " << problem.detail << '\n';
}

int Import(const Arguments& args, scoring::Store& store, std::ostream& out, std::ostream& err) {
    if (args.positional.empty()) return err << "kiosk sync import: which FILE?\n" << kUsage, 2;
    const std::optional<scoring::SyncKey> key = RequireKey(store, err);
    if (!key) return 1;
    try {
        const scoring::IngestResult result = scoring::Sync(store).ImportFrom(args.positional[0], *key);
        out << args.positional[0] << ": ";
        PrintIngest(result, out);
        return result.problems.empty() ? 0 : 1;
    } catch (const scoring::SealRefused& e) {
        return err << "kiosk sync import: " << args.positional[0] << " is refused: " << ToString(e.Problem())
                   << "; nothing of it was stored\n",
               1;
    } catch (const scoring::SyncMalformed& e) {
        return err << "kiosk sync import: " << args.positional[0] << " is refused: " << e.what()
                   << "; nothing of it was stored\n",
               1;
    }
}

int Export(const Arguments& args, scoring::Store& store, std::ostream& out, std::ostream& err) {
    if (!args.Has("--out")) return err << "kiosk sync export: --out FILE is needed\n" << kUsage, 2;
    const std::optional<scoring::SyncKey> key = RequireKey(store, err);
    if (!key) return 1;
    const size_t events = scoring::Sync(store).ExportTo(args.Option("--out"), *key);
    out << args.Option("--out") << ": " << events << " events and the judges, sealed with the fair's key\n";
    return 0;
}

int Push(const Arguments& args, scoring::Store& store, std::ostream& out, std::ostream& err) {
    std::optional<scoring::SyncClient> client = scoring::SyncClient::FromAddress(args.Option("--hub"));
    if (!client) return err << "kiosk sync push: --hub HOST[:PORT] is needed\n" << kUsage, 2;
    const scoring::SyncResult result = client->Exchange(store);
    using Outcome = scoring::SyncResult::Outcome;
    if (!result.Ok()) {
        err << "kiosk sync push: " << client->Address() << ": " << ToString(result.outcome) << ": "
            << result.detail << '\n';
        return result.outcome == Outcome::HubUnreachable ? 3 : result.outcome == Outcome::StoreFailed ? 4 : 1;
    }
    out << client->Address() << ": sent " << result.sent << " events, received " << result.received << " in "
        << result.rounds << (result.rounds == 1 ? " exchange\n" : " exchanges\n");
    for (const scoring::SyncProblem& problem : result.problems)
        out << "  refused from the hub (" << ToString(problem.kind) << "): " << problem.detail << '\n';
    return result.problems.empty() ? 0 : 1;
}

int Conflicts(scoring::Store& store, std::ostream& out) {
    const scoring::ScoreLog log(store);
    for (const scoring::MarkConflict& c : log.Book().Conflicts()) {
        auto value = [](const std::optional<int>& v) {
            return v ? std::to_string(*v) : std::string("not scored");
        };
        out << c.id << (c.resolved ? "  resolved: " + value(c.resolved_value) : "  open") << "\n  judge "
            << c.judge.substr(0, 8) << ", entry " << c.entry << ", " << c.criterion << ": "
            << value(c.first.value)
            << (c.kind == scoring::MarkConflict::Kind::ChangedAfterSubmit ? " as submitted on kiosk "
                                                                          : " on kiosk ")
            << c.first.kiosk << ", " << value(c.second.value) << " on kiosk " << c.second.kiosk << '\n';
    }
    out << log.Book().OpenConflicts() << " open conflicts\n";
    return 0;
}

int Resolve(const Arguments& args, scoring::Store& store, std::ostream& out, std::ostream& err) {
    if (args.positional.empty() || args.Has("--value") == args.Has("--not-scored"))
        return err << "kiosk sync resolve: CONFLICT and either --value MARKS or --not-scored\n" << kUsage, 2;
    std::optional<int> value;
    if (args.Has("--value")) {
        const std::string text = args.Option("--value");
        if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos)
            return err << "kiosk sync resolve: --value takes the marks, a number\n", 2;
        value = std::stoi(text);
    }
    scoring::ScoreLog log(store);
    log.Resolve(args.positional[0], value);
    out << "resolved " << args.positional[0]
        << ": the organiser's pick is now the mark on every kiosk it reaches\n";
    return 0;
}

int Status(scoring::Store& store, std::ostream& out) {
    scoring::Sync sync(store);
    const scoring::SyncStatus status = sync.Status();
    out << "this store: kiosk " << status.kiosk_id << (status.is_hub ? " (the hub)" : "") << ", "
        << status.events_total << " events\n";
    out << "fair key: " << (status.key_set ? "set, check code " + status.key_check : std::string("not set"))
        << '\n';
    if (!status.is_hub) {
        out << "hub: " << (status.hub_address.empty() ? "never contacted" : status.hub_address)
            << ", last contact " << When(status.last_attempt_ms)
            << (status.last_attempt_ms == 0 ? ""
                : status.last_ok            ? " ok"
                                            : " FAILED: " + status.last_error)
            << ", last good " << When(status.last_ok_ms)
            << "\nevents waiting to go: " << status.events_waiting << '\n';
    }
    for (const scoring::SyncPeer& peer : sync.Peers())
        out << peer.role << " " << peer.kiosk << ": last seen " << When(peer.last_seen_ms) << ", "
            << peer.exchanges << " exchanges, " << peer.events_received << " events received, "
            << peer.events_held << " of its own here\n";
    for (const scoring::SyncProblem& problem : sync.Problems())
        out << "problem (" << ToString(problem.kind) << ") from " << problem.peer << ": " << problem.detail
            << '\n';
    out << scoring::ScoreLog(store).Book().OpenConflicts() << " open conflicts (kiosk sync conflicts)\n";
    return 0;
}

// Serves until SIGINT or SIGTERM: the signals are waited for on a thread of their own, which stops the
// server.
int Serve(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (!args.Has("--listen"))
        return err << "kiosk sync serve: --listen ADDRESS is needed: 0.0.0.0 for every network of this "
                      "machine, "
                      "or the one address the kiosks reach it at (the hub listens only where told)\n",
               2;
    int port = scoring::kDefaultSyncPort;
    if (args.Has("--port")) {
        const std::string text = args.Option("--port");
        if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(text) > 65535)
            return err << "kiosk sync serve: --port takes a number up to 65535\n", 2;
        port = std::stoi(text);
    }
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr); // before any thread starts: they inherit it
    scoring::SyncServer server(DbPath(args));
    const int bound = server.Bind(args.Option("--listen"), port);
    out << "kiosk sync: the hub listens on " << args.Option("--listen") << ":" << bound << " (check code "
        << scoring::KeyCheckCode(*scoring::StoredSyncKey(server.HubStore())) << ")" << std::endl;
    {
        // Kiosks started without --hub find the hub on the LAN by its fair key id (docs/sync-discovery.md;
        // the kiosk's side is kiosk/sync_worker.cpp, which hashes the key's 32 bytes the same way).
        const scoring::SyncKey key = *scoring::StoredSyncKey(server.HubStore());
        std::mutex said;
        scoring::dnssd::Announcement announcement(
            {"Showcase hub", static_cast<uint16_t>(bound),
             scoring::dnssd::FairKeyId(
                 std::string_view(reinterpret_cast<const char*>(key.data()), key.size())),
             scoring::dnssd::kProtocolVersion},
            [&](const scoring::dnssd::AnnounceStatus& status) {
                std::lock_guard lock(said);
                out << "kiosk sync: " << scoring::dnssd::Describe(status) << std::endl;
            });
        std::thread waiter([&] {
            int signal = 0;
            sigwait(&stop_signals, &signal);
            server.Stop();
        });
        server.Run();
        pthread_kill(waiter.native_handle(), SIGTERM); // when Run ended otherwise, the waiter still waits
        waiter.join();
    }
    out << "kiosk sync: the hub stopped\n";
    return 0;
}

int Run(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.command == "serve") return Serve(args, out, err);
    scoring::Store store(DbPath(args));
    if (args.command == "key") return Key(args, store, out, err);
    if (args.command == "export") return Export(args, store, out, err);
    if (args.command == "import") return Import(args, store, out, err);
    if (args.command == "push") return Push(args, store, out, err);
    if (args.command == "conflicts") return Conflicts(store, out);
    if (args.command == "resolve") return Resolve(args, store, out, err);
    return Status(store, out);
}

} // namespace

int Sync(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h")
        return (args.empty() ? err : out) << kUsage, args.empty() ? 2 : 0;
    if (!kCommands.count(args[0]))
        return err << "kiosk sync: unknown command \"" << args[0] << "\"\n" << kUsage, 2;
    const std::optional<Arguments> parsed = Parse(args, err);
    if (!parsed) return 2;
    if (parsed->command == "key" && parsed->Has("--new") + parsed->Has("--set") + parsed->Has("--show") != 1)
        return err << "kiosk sync key: one of --new, --set KEY or --show\n" << kUsage, 2;
    try {
        return Run(*parsed, out, err);
    } catch (const scoring::StoreFailure& e) {
        return err << "kiosk sync: " << e.what() << '\n', 4;
    } catch (const std::exception& e) { // Refused, a file that cannot be written, a port in use
        return err << "kiosk sync " << parsed->command << ": " << e.what() << '\n', 1;
    }
}

} // namespace kiosk::cli
