// sync_node: one machine of a fair for the end-to-end sync test.
//   sync_node serve DB PORT              the hub on 127.0.0.1:PORT until killed; prints "listening"
//   sync_node kiosk DB PORT KEY N COUNT  kiosk number N: takes the judges from the hub, writes its
//                                        events up to COUNT in all (continuing after a restart),
//                                        pushing every 50 and forgetting the hub's acknowledgement
//                                        every 100 (so batches are sent again); then exchanges until
//                                        the hub has everything of it; prints "wrote SEQ" after each
//                                        commit and "done" at the end
//   sync_node pull DB PORT               exchanges until it worked once: the kiosk takes the fair
#include "scoring/judges.h"
#include "scoring/score_log.h"
#include "scoring/sync.h"
#include "scoring/sync_net.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

using namespace scoring;

namespace {

void Pause() { // pacing between retries while the hub is away; nothing is measured by it
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

bool Push(const std::string& db, int port) {
    Store connection(db); // sync on its own connection, as the kiosk app's background sync
    const SyncResult result = SyncClient("127.0.0.1", port).Exchange(connection);
    if (!result.Ok()) std::printf("push failed: %s: %s\n", ToString(result.outcome), result.detail.c_str());
    std::fflush(stdout);
    if (result.outcome != SyncResult::Outcome::Ok && result.outcome != SyncResult::Outcome::HubUnreachable)
        throw std::runtime_error("the hub refused: " + result.detail); // only the network may fail here
    return result.Ok();
}

int Serve(const std::string& db, int port) {
    SyncServer server(db);
    server.Bind("127.0.0.1", port);
    std::printf("listening\n");
    std::fflush(stdout);
    server.Run();
    return 0;
}

int Kiosk(const std::string& db, int port, const std::string& key_text, int number, int64_t count) {
    {
        Store store(db);
        if (!StoredSyncKey(store)) StoreSyncKey(store, *KeyFromText(key_text));
    }
    Store store(db);
    while (Judges(store).List().empty()) // the judges come from the hub
        if (!Push(db, port)) Pause();
    const std::vector<Judge> judges = Judges(store).List();
    const Judge& judge = judges[static_cast<size_t>(number) % judges.size()];
    ScoreLog log(store);
    static const char* kCriteria[] = {"novelty", "impact", "simplicity", "cost"};
    for (int64_t written = log.Book().NextSeq(store.KioskId()) - 1; written < count;) {
        const std::string entry = "k" + std::to_string(number) + "-e" + std::to_string(written % 25);
        written = log.SetMarks(judge.id, entry, kCriteria[written % 4], static_cast<int>(written % 11));
        std::printf("wrote %lld\n", static_cast<long long>(written));
        std::fflush(stdout);
        if (written % 100 == 0) {
            Store connection(db);
            Sync sync(connection);
            sync.SetAcked(connection.Meta("sync.hub_id"), {}); // the next push sends everything again
        }
        if (written % 50 == 0) Push(db, port);
    }
    for (;;) {
        if (Push(db, port) && Sync(store).Status().events_waiting == 0) break;
        Pause();
    }
    std::printf("done\n");
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        if (mode == "serve" && argc == 4) return Serve(argv[2], std::atoi(argv[3]));
        if (mode == "kiosk" && argc == 7)
            return Kiosk(argv[2], std::atoi(argv[3]), argv[4], std::atoi(argv[5]), std::atoll(argv[6]));
        if (mode == "pull" && argc == 4) {
            while (!Push(argv[2], std::atoi(argv[3])))
                Pause();
            return 0;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sync_node: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: sync_node serve DB PORT | kiosk DB PORT KEY N COUNT | pull DB PORT\n");
    return 2;
}
