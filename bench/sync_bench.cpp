// sync_bench: the hub's ingest rate (target at least 20 000 events/s), the time to bring a fresh hub
// up to date from a USB file of 10 000 events, and one kiosk's exchange over loopback, on files in
// the build folder (synchronous=FULL, as at the fair). Prints figures; asserts nothing.
#include "scoring/judges.h"
#include "scoring/score_log.h"
#include "scoring/sync.h"
#include "scoring/sync_net.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;
using namespace scoring;
using Clock_ = std::chrono::steady_clock;

namespace {

double Seconds(Clock_::time_point since) {
    return std::chrono::duration<double>(Clock_::now() - since).count();
}

void Remove(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(path + suffix);
}

// `kiosks` kiosks' worth of events (`each` apiece) written into one source store, as a hub
// that has heard from all of them would hold them.
void Fill(const std::string& path, int kiosks, int each) {
    Remove(path);
    Store store(path);
    Judges judges(store);
    const std::string judge = judges.Find(judges.Add({"Bench", "fire", {"digital"}, "1234"}))->key;
    std::vector<Event> events;
    for (int k = 0; k < kiosks; ++k)
        for (int seq = 1; seq <= each; ++seq) {
            Event event{.kiosk = "bench-kiosk-" + std::to_string(k),
                        .seq = seq,
                        .judge = judge,
                        .entry = "entry-" + std::to_string(seq % 50),
                        .criterion = "novelty"};
            event.value = seq % 11, event.at_ms = 1'700'000'000'000 + seq;
            events.push_back(event);
        }
    sql::Transaction transaction(store.Database());
    for (const Event& event : events)
        InsertEvent(store.Database(), event);
    transaction.Commit();
}

} // namespace

int main() {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const std::string dir = SYNC_BENCH_DIR;
    const std::string source = dir + "/sync_bench_source.db", hub = dir + "/sync_bench_hub.db",
                      file = dir + "/sync_bench.sync", kiosk = dir + "/sync_bench_kiosk.db";
    const SyncKey key = NewSyncKey();
    Fill(source, 20, 500);
    Store from(source);
    StoreSyncKey(from, key);

    // Hub ingest: the 10 000 events in messages of 500 (a kiosk's push after a while) and of
    // Sync::kBatch (a kiosk catching up), one transaction (one fsync) per message.
    for (const size_t size : {size_t{500}, Sync::kBatch}) {
        Remove(hub);
        Store to(hub);
        Sync sync_from(from), sync_to(to);
        std::vector<SyncMessage> messages;
        HighWater have;
        for (SyncMessage m = sync_from.Offer(have, size); !m.events.empty();
             m = sync_from.Offer(have, size)) {
            for (const Event& e : m.events)
                have[e.kiosk] = std::max(have[e.kiosk], e.seq);
            messages.push_back(std::move(m));
        }
        const auto start = Clock_::now();
        size_t stored = 0;
        for (const SyncMessage& message : messages)
            stored += sync_to.Ingest(message).stored;
        const double took = Seconds(start);
        std::printf(
            "hub ingest: %zu events in %zu messages of %zu in %.3f s = %.0f events/s (target >= 20000)\n",
            stored, messages.size(), size, took, static_cast<double>(stored) / took);
        const auto again = Clock_::now();
        size_t duplicates = 0;
        for (const SyncMessage& message : messages)
            duplicates += sync_to.Ingest(message).duplicates;
        std::printf("  the same again (all duplicates): %zu events in %.3f s = %.0f events/s\n", duplicates,
                    Seconds(again), static_cast<double>(duplicates) / Seconds(again));
        if (size != Sync::kBatch) continue;
        const auto offer = Clock_::now();
        const SyncMessage big = sync_to.Offer({}, Sync::kBatch);
        std::printf("hub offer of %zu events to a fresh kiosk: %.1f ms (encoded %.1f KB)\n",
                    big.events.size(), Seconds(offer) * 1000, static_cast<double>(Encode(big).size()) / 1024);
    }

    // USB: export 10 000 events, then bring a fresh hub up to date from the file.
    {
        const auto start = Clock_::now();
        const size_t events = Sync(from).ExportTo(file, key);
        std::printf("USB export of %zu events: %.3f s, %.1f KB\n", events, Seconds(start),
                    static_cast<double>(fs::file_size(file)) / 1024);
        Remove(hub);
        Store fresh(hub);
        StoreSyncKey(fresh, key);
        const auto import = Clock_::now();
        const IngestResult result = Sync(fresh).ImportFrom(file, key);
        std::printf("USB import into a fresh hub: %zu events in %.3f s\n", result.stored, Seconds(import));
    }

    // LAN: a fresh kiosk takes the 10 000 events from a hub on loopback.
    {
        SyncServer server(hub);
        const int port = server.Bind("127.0.0.1", 0);
        std::thread serving([&] { server.Run(); });
        Remove(kiosk);
        Store store(kiosk);
        StoreSyncKey(store, key);
        const auto start = Clock_::now();
        const SyncResult result = SyncClient("127.0.0.1", port).Exchange(store);
        std::printf("LAN: a fresh kiosk took %zu events in %zu exchanges in %.3f s (%s)\n", result.received,
                    result.rounds, Seconds(start), ToString(result.outcome));
        const auto idle = Clock_::now();
        const SyncResult nothing = SyncClient("127.0.0.1", port).Exchange(store);
        std::printf("LAN: an exchange with nothing new: %.1f ms (%zu exchange)\n", Seconds(idle) * 1000,
                    nothing.rounds);
        server.Stop();
        serving.join();
    }
    for (const std::string& path : {source, hub, kiosk})
        Remove(path);
    fs::remove(file);
    return 0;
}
