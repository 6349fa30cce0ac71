// The kiosk app's background sync: see sync_worker.h.
#include "kiosk/sync_worker.h"

#include <algorithm>

namespace kiosk {

using scoring::SyncResult;

std::string FairKeyIdOf(const scoring::SyncKey& key) {
    return scoring::dnssd::FairKeyId(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
}

namespace {

// "HOST:PORT" as SyncClient::FromAddress reads it, with this worker's timeouts.
std::optional<scoring::SyncClient> ClientFor(const std::string& address, int connect_ms, int reply_ms) {
    const std::optional<scoring::SyncClient> parsed = scoring::SyncClient::FromAddress(address);
    if (!parsed) return std::nullopt;
    const std::string host_port = parsed->Address();
    const size_t colon = host_port.rfind(':');
    return scoring::SyncClient(host_port.substr(0, colon), std::stoi(host_port.substr(colon + 1)), connect_ms,
                               reply_ms);
}

// Exchanges the hub had with its kiosks, all together: a kiosk was in touch.
int64_t Exchanges(const SyncSnapshot& snap) {
    int64_t total = 0;
    for (const scoring::SyncPeer& peer : snap.peers)
        total += peer.exchanges;
    return total;
}

// What the screen and the wake care about changed (not the times, which change every step).
bool Moved(const SyncSnapshot& before, const SyncSnapshot& after) {
    const auto outcome = [](const SyncSnapshot& s) {
        return s.last ? static_cast<int>(s.last->outcome) : -1;
    };
    return before.read != after.read || before.status.key_set != after.status.key_set ||
           before.status.is_hub != after.status.is_hub || before.hub != after.hub ||
           before.looking != after.looking || before.browse != after.browse ||
           outcome(before) != outcome(after) || before.peers.size() != after.peers.size() ||
           before.problems.size() != after.problems.size() ||
           before.status.events_waiting != after.status.events_waiting ||
           before.status.events_total != after.status.events_total || Exchanges(before) != Exchanges(after) ||
           before.store_failure.has_value() != after.store_failure.has_value();
}

} // namespace

BackgroundSync::BackgroundSync(Settings settings)
    : m_settings(std::move(settings)), m_snapshot(std::make_shared<SyncSnapshot>()),
      m_thread([this] { Loop(); }) {}

BackgroundSync::~BackgroundSync() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void BackgroundSync::Poke() {
    {
        std::lock_guard lock(m_mutex);
        m_poked = true;
    }
    m_wake.notify_all();
}

void BackgroundSync::SetKey(const scoring::SyncKey& key) {
    {
        std::lock_guard lock(m_mutex);
        m_new_key = key, m_poked = true;
    }
    m_wake.notify_all();
}

std::shared_ptr<const SyncSnapshot> BackgroundSync::Snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

size_t BackgroundSync::Steps() const {
    std::lock_guard lock(m_mutex);
    return m_steps;
}

size_t BackgroundSync::WaitPast(size_t steps, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, timeout, [&] { return m_steps > steps; });
    return m_steps;
}

// The hub given, or the fair's hub found on the LAN (the browser runs on while nothing is found,
// and follows a hub that moves). "" while there is none.
std::string BackgroundSync::HubAddress(const scoring::SyncKey& key, SyncSnapshot& next) {
    if (!m_settings.hub.empty()) {
        next.hub_from = SyncSnapshot::HubFrom::Given;
        return m_settings.hub;
    }
    if (!m_settings.discover) return {};
    if (!m_browser) m_browser = std::make_unique<scoring::dnssd::Browser>();
    const scoring::dnssd::BrowseResult seen = m_browser->Wait(std::chrono::milliseconds(0));
    const scoring::dnssd::FoundHub* hub = scoring::dnssd::PickHub(seen.hubs, FairKeyIdOf(key));
    if (!hub) {
        next.looking = true;
        next.browse = seen.error == scoring::dnssd::BrowseError::None ||
                              seen.error == scoring::dnssd::BrowseError::Timeout
                          ? (seen.hubs.empty() ? scoring::dnssd::BrowseError::NothingFound
                                               : scoring::dnssd::BrowseError::NoHubForThisFair)
                          : seen.error;
        return {};
    }
    next.hub_from = SyncSnapshot::HubFrom::Found;
    return hub->HostPort();
}

// One step: exchange when this is a kiosk with a key and a hub, then read the status for the
// screen. A failing store is a status; the connection is opened again next step.
void BackgroundSync::Step(SyncSnapshot& next) {
    try {
        if (!m_store) m_store = std::make_unique<scoring::Store>(m_settings.db_path);
        std::optional<scoring::SyncKey> new_key;
        {
            std::lock_guard lock(m_mutex);
            new_key = m_new_key;
        }
        if (new_key) {
            scoring::StoreSyncKey(*m_store, *new_key); // a failure keeps it pending: tried again
            std::lock_guard lock(m_mutex);
            if (m_new_key == new_key) m_new_key.reset();
        }
        const std::optional<scoring::SyncKey> key = scoring::StoredSyncKey(*m_store);
        scoring::Sync sync(*m_store);
        const bool hub = sync.IsHub();
        if (key && !hub) {
            next.hub = HubAddress(*key, next);
            if (!next.hub.empty()) {
                std::optional<scoring::SyncClient> client =
                    ClientFor(next.hub, m_settings.connect_ms, m_settings.reply_ms);
                SyncResult result;
                if (client)
                    result = client->Exchange(*m_store);
                else
                    result.outcome = SyncResult::Outcome::HubUnreachable,
                    result.detail = "not HOST:PORT: " + next.hub;
                next.failures = result.Ok() ? 0 : next.failures + 1;
                next.last = std::move(result);
                next.last_ms = scoring::SystemClockMs();
            }
        }
        next.status = sync.Status();
        next.key_text = key && hub ? scoring::KeyToText(*key) : std::string();
        next.peers = hub ? sync.Peers() : std::vector<scoring::SyncPeer>{};
        next.problems = sync.Problems();
        next.store_failure.reset();
        next.read = true;
    } catch (const scoring::StoreFailure& e) {
        next.store_failure = e;
        ++next.failures;
        m_store.reset();
    } catch (const std::exception& e) {
        next.store_failure =
            scoring::StoreFailure(scoring::StoreFailure::Kind::Other, m_settings.db_path, e.what());
        ++next.failures;
        m_store.reset();
    }
}

void BackgroundSync::Publish(SyncSnapshot next, bool wake) {
    {
        std::lock_guard lock(m_mutex);
        m_snapshot = std::make_shared<const SyncSnapshot>(std::move(next));
        ++m_steps;
    }
    m_changed.notify_all();
    if (wake && m_settings.wake) m_settings.wake();
}

void BackgroundSync::Loop() {
    for (;;) {
        const std::shared_ptr<const SyncSnapshot> before = Snapshot();
        SyncSnapshot next = *before;
        next.hub_from = SyncSnapshot::HubFrom::None, next.hub.clear(), next.looking = false;
        next.browse = scoring::dnssd::BrowseError::None;
        const bool had_failures = next.failures > 0;
        Step(next);
        // Back off while the hub (or the store) fails: every, 2x, 4x ... up to the longest.
        const int doublings = std::min(next.failures > 0 ? next.failures - 1 : 0, 10);
        const auto wait = std::min(m_settings.every * (1 << doublings), m_settings.longest);
        next.next_ms = scoring::SystemClockMs() + wait.count();
        const bool received = next.last && next.last->received > 0 && next.last_ms != before->last_ms;
        const bool wake = received || Moved(*before, next) || had_failures != (next.failures > 0);
        Publish(std::move(next), wake);

        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, wait, [this] { return m_poked || m_stopping; });
        if (m_stopping) return;
        m_poked = false;
    }
}

} // namespace kiosk
