// The kiosk app's background sync (issue 12): a thread with its own connection to the kiosk's
// database that exchanges with the fair's hub every few seconds and at once after a save, finds the
// hub on the LAN by DNS-SD when no --hub was given, and reads what the organiser's Sync tab shows
// (status, kiosks, problems) into a snapshot, so that the UI thread never waits on the network,
// never runs SQL for it, and never sees an exception from it.
#pragma once

#include "scoring/dnssd.h"
#include "scoring/sync.h"
#include "scoring/sync_net.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk {

// The fair key id a hub announces and a kiosk looks for: dnssd::FairKeyId of the key's 32 bytes.
std::string FairKeyIdOf(const scoring::SyncKey& key);

// What the worker last learnt, for the Sync tab: read on the worker's thread, shown as it is.
struct SyncSnapshot {
    bool read = false;                                    // the store was read at least once
    std::optional<scoring::StoreFailure> store_failure{}; // the worker's connection could not read the store
    scoring::SyncStatus status{};
    std::string key_text{}; // the fair's key as typed, only on the hub (for its QR code)
    std::vector<scoring::SyncPeer> peers{};
    std::vector<scoring::SyncProblem> problems{};

    // How this kiosk reaches its hub.
    enum class HubFrom { None, Given, Found }; // None: the hub itself, no key, or not found yet
    HubFrom hub_from = HubFrom::None;
    std::string hub;      // "HOST:PORT" in use
    bool looking = false; // browsing the LAN for the fair's hub
    scoring::dnssd::BrowseError browse = scoring::dnssd::BrowseError::None;

    std::optional<scoring::SyncResult> last{}; // this run's last exchange
    int64_t last_ms = 0;                       // when it ended (the system clock)
    int failures = 0;                          // exchanges failed in a row: the wait grows
    int64_t next_ms = 0;                       // when the next one is due
};

class BackgroundSync {
  public:
    struct Settings {
        std::string db_path;
        std::string hub; // "HOST:PORT" from --hub; "" to find the fair's hub on the LAN
        std::chrono::milliseconds every{5'000};    // between exchanges while they work
        std::chrono::milliseconds longest{30'000}; // the longest wait after failures
        int connect_ms = 3'000, reply_ms = 20'000;
        bool discover = true;         // browse DNS-SD when no hub is given
        std::function<void()> wake{}; // rouses the UI (glfwPostEmptyEvent): from the worker's thread
    };
    explicit BackgroundSync(Settings settings);
    ~BackgroundSync(); // stops and joins (at most one exchange's timeout)
    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    // A change was saved, or the key was set: exchange (or read the status again) now. Cheap.
    void Poke();
    // The fair's key typed on the organiser's screen: stored by the worker's connection (the UI
    // runs no SQL) at once; the snapshot's status then has its check code, or store_failure why not.
    void SetKey(const scoring::SyncKey& key);
    // The last snapshot; never null. Cheap (a shared pointer under a mutex).
    std::shared_ptr<const SyncSnapshot> Snapshot() const;
    // Steps done so far (each: maybe an exchange, then the snapshot); tests wait on it.
    size_t Steps() const;
    // Waits until more than `steps` steps were done or `timeout` passed; returns Steps().
    size_t WaitPast(size_t steps, std::chrono::milliseconds timeout) const;

  private:
    void Loop();
    void Step(SyncSnapshot& next);
    std::string HubAddress(const scoring::SyncKey& key, SyncSnapshot& next);
    void Publish(SyncSnapshot next, bool wake);

    Settings m_settings;
    std::unique_ptr<scoring::Store> m_store;            // the worker's own connection (its thread only)
    std::unique_ptr<scoring::dnssd::Browser> m_browser; // while looking for the hub (its thread only)
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::condition_variable m_wake;
    bool m_poked = false, m_stopping = false;
    std::optional<scoring::SyncKey> m_new_key; // SetKey's, until stored
    std::shared_ptr<const SyncSnapshot> m_snapshot;
    size_t m_steps = 0;
    std::thread m_thread; // last: starts once the rest is ready
};

} // namespace kiosk
