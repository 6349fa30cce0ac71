// DNS-SD for the hub and the kiosks through avahi-daemon's client library. Each Announcement and
// Browser owns an avahi threaded poll; every avahi call after start happens on that poll's thread
// (from its callbacks), and the public methods read a small state guarded by a mutex.
#include "scoring/dnssd.h"

#include <avahi-client/client.h>
#include <avahi-client/lookup.h>
#include <avahi-client/publish.h>
#include <avahi-common/alternative.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <avahi-common/thread-watch.h>
#include <avahi-common/timeval.h>
#include <net/if.h>
#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>

namespace scoring::dnssd {
namespace {

template <auto Free> struct FreeWith {
    template <class T> void operator()(T* p) const {
        if (p) Free(p);
    }
};
using PollPtr = std::unique_ptr<AvahiThreadedPoll, FreeWith<avahi_threaded_poll_free>>;
using ClientPtr = std::unique_ptr<AvahiClient, FreeWith<avahi_client_free>>;
using GroupPtr = std::unique_ptr<AvahiEntryGroup, FreeWith<avahi_entry_group_free>>;
using BrowserPtr = std::unique_ptr<AvahiServiceBrowser, FreeWith<avahi_service_browser_free>>;
using ResolverPtr = std::unique_ptr<AvahiServiceResolver, FreeWith<avahi_service_resolver_free>>;
using TxtPtr = std::unique_ptr<AvahiStringList, FreeWith<avahi_string_list_free>>;
using AvahiText = std::unique_ptr<char, FreeWith<avahi_free>>; // strings avahi allocates

constexpr const char* kNoDaemon = "avahi-daemon not running";
constexpr std::chrono::milliseconds kRetryEvery{2000}; // reconnect after a failure or without D-Bus

// What a Connection tells its owner; all called on the poll thread (or in the constructor).
class ConnectionEvents {
  public:
    virtual void Running(AvahiClient* client) = 0;                 // the daemon is up: (re)create what we own
    virtual void HostChanging(AvahiClient*) {}                     // the host name is being re-registered
    virtual void Lost(bool no_daemon, const std::string& why) = 0; // drop every child handle now
  protected:
    ~ConnectionEvents() = default;
};

// The threaded poll and an avahi client that comes back whenever the daemon (re)starts.
class Connection {
  public:
    explicit Connection(ConnectionEvents& events) : m_events(events), m_poll(avahi_threaded_poll_new()) {
        if (!m_poll) {
            m_events.Lost(false, "avahi: out of memory");
            return;
        }
        Connect();
        avahi_threaded_poll_start(m_poll.get());
    }
    ~Connection() { Stop(); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Joins the poll thread, then frees every handle from this thread. The owner frees its
    // children (groups, browsers, resolvers) between Stop() and the client's end.
    void Stop() {
        if (m_poll && !m_stopped) avahi_threaded_poll_stop(m_poll.get());
        m_stopped = true;
    }
    void Free() {
        Stop();
        if (m_retry) Api()->timeout_free(m_retry);
        m_retry = nullptr;
        m_client.reset();
        m_poll.reset();
    }

  private:
    const AvahiPoll* Api() const { return avahi_threaded_poll_get(m_poll.get()); }

    void Connect() {
        int error = 0;
        // NO_FAIL: without the daemon the client waits in CONNECTING until it appears.
        m_client.reset(avahi_client_new(Api(), AVAHI_CLIENT_NO_FAIL, OnState, this, &error));
        if (!m_client) { // no system D-Bus at all: try again later
            m_events.Lost(true, std::string(kNoDaemon) + " (" + avahi_strerror(error) + ")");
            ArmRetry();
        }
    }
    void ArmRetry() {
        timeval when{};
        avahi_elapse_time(&when, static_cast<unsigned>(kRetryEvery.count()), 0);
        if (m_retry)
            Api()->timeout_update(m_retry, &when);
        else
            m_retry = Api()->timeout_new(Api(), &when, OnRetry, this);
    }
    static void OnRetry(AvahiTimeout* timeout, void* self_ptr) {
        auto* self = static_cast<Connection*>(self_ptr);
        self->Api()->timeout_update(timeout, nullptr); // disarm until needed again
        self->m_client.reset();                        // a failed client is freed outside its own callback
        self->Connect();
    }
    static void OnState(AvahiClient* client, AvahiClientState state, void* self_ptr) {
        auto* self = static_cast<Connection*>(self_ptr);
        switch (state) {
        case AVAHI_CLIENT_S_RUNNING:
            self->m_events.Running(client);
            break;
        case AVAHI_CLIENT_S_COLLISION:
        case AVAHI_CLIENT_S_REGISTERING:
            self->m_events.HostChanging(client);
            break;
        case AVAHI_CLIENT_CONNECTING:
            self->m_events.Lost(true, kNoDaemon);
            break;
        case AVAHI_CLIENT_FAILURE: {
            // The daemon stopped or restarted (DISCONNECTED), or D-Bus went away: start over.
            const int error = avahi_client_errno(client);
            self->m_events.Lost(error == AVAHI_ERR_DISCONNECTED || error == AVAHI_ERR_NO_DAEMON,
                                error == AVAHI_ERR_DISCONNECTED ? kNoDaemon : avahi_strerror(error));
            self->ArmRetry();
            break;
        }
        }
    }

    ConnectionEvents& m_events;
    PollPtr m_poll;
    ClientPtr m_client;
    AvahiTimeout* m_retry = nullptr;
    bool m_stopped = false;
};

std::string Hex(const unsigned char* bytes, size_t size) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < size; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 15];
    }
    return out;
}

} // namespace

std::string FairKeyId(std::string_view fair_key) {
    if (fair_key.empty()) return {};
    if (sodium_init() < 0) return {};
    static constexpr std::string_view kDomain = "showcase-kiosk fair key id v1";
    unsigned char id[8];
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, sizeof id);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kDomain.data()), kDomain.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(fair_key.data()),
                              fair_key.size());
    crypto_generichash_final(&state, id, sizeof id);
    return Hex(id, sizeof id);
}

const char* ToString(AnnounceState state) {
    switch (state) {
    case AnnounceState::Starting:
        return "starting";
    case AnnounceState::Announced:
        return "announced";
    case AnnounceState::NoDaemon:
        return "no-daemon";
    case AnnounceState::Failed:
        return "failed";
    }
    return "?";
}

std::string Describe(const AnnounceStatus& status) {
    switch (status.state) {
    case AnnounceState::Starting:
        return "announcing on the LAN as \"" + status.name + "\"...";
    case AnnounceState::Announced:
        return "announced on the LAN as \"" + status.name + "\"";
    case AnnounceState::NoDaemon:
        return std::string("not announced: ") + kNoDaemon;
    case AnnounceState::Failed:
        return "not announced: " + status.detail;
    }
    return "?";
}

// ---- Announcement -------------------------------------------------------------------------------

struct Announcement::Impl final : ConnectionEvents {
    Impl(HubAdvert advert, OnChange on_change)
        : m_advert(std::move(advert)), m_on_change(std::move(on_change)), m_name(m_advert.name) {
        m_status.name = m_name;
        m_connection = std::make_unique<Connection>(*this);
    }
    ~Impl() {
        m_connection->Stop();
        m_group.reset();
        m_connection->Free();
    }

    void Running(AvahiClient* client) override {
        if (!m_group) m_group.reset(avahi_entry_group_new(client, OnGroupState, this));
        if (!m_group) return SetStatus(AnnounceState::Failed, avahi_strerror(avahi_client_errno(client)));
        if (avahi_entry_group_is_empty(m_group.get())) AddService();
    }
    void HostChanging(AvahiClient*) override {
        if (m_group) avahi_entry_group_reset(m_group.get()); // added again once RUNNING
        SetStatus(AnnounceState::Starting, "");
    }
    void Lost(bool no_daemon, const std::string& why) override {
        m_group.reset();
        SetStatus(no_daemon ? AnnounceState::NoDaemon : AnnounceState::Failed, why);
    }

    void AddService() {
        TxtPtr txt(avahi_string_list_new(("key=" + m_advert.fair_key_id).c_str(),
                                         ("proto=" + std::to_string(m_advert.protocol_version)).c_str(),
                                         nullptr));
        for (;;) {
            SetStatus(AnnounceState::Starting, "");
            int rc = avahi_entry_group_add_service_strlst(m_group.get(), AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC,
                                                          AvahiPublishFlags{}, m_name.c_str(), kServiceType,
                                                          nullptr, nullptr, m_advert.port, txt.get());
            if (rc == AVAHI_ERR_COLLISION) { // a local service already has this name
                NextName();
                continue;
            }
            if (rc >= 0) rc = avahi_entry_group_commit(m_group.get());
            if (rc < 0) SetStatus(AnnounceState::Failed, avahi_strerror(rc));
            return;
        }
    }
    void NextName() {
        AvahiText next(avahi_alternative_service_name(m_name.c_str()));
        if (next) m_name = next.get();
    }
    static void OnGroupState(AvahiEntryGroup* group, AvahiEntryGroupState state, void* self_ptr) {
        auto* self = static_cast<Impl*>(self_ptr);
        AvahiClient* client = avahi_entry_group_get_client(group);
        switch (state) {
        case AVAHI_ENTRY_GROUP_ESTABLISHED:
            self->SetStatus(AnnounceState::Announced, "");
            break;
        case AVAHI_ENTRY_GROUP_COLLISION: // another host on the LAN has the name: take the next one
            self->NextName();
            avahi_entry_group_reset(group);
            self->AddService();
            break;
        case AVAHI_ENTRY_GROUP_FAILURE:
            self->SetStatus(AnnounceState::Failed, avahi_strerror(avahi_client_errno(client)));
            break;
        case AVAHI_ENTRY_GROUP_UNCOMMITED:
        case AVAHI_ENTRY_GROUP_REGISTERING:
            break;
        }
    }

    void SetStatus(AnnounceState state, std::string detail) {
        AnnounceStatus status{state, m_name, std::move(detail)};
        {
            std::lock_guard lock(m_mutex);
            if (m_status.state == status.state && m_status.name == status.name &&
                m_status.detail == status.detail)
                return;
            m_status = status;
        }
        m_changed.notify_all();
        if (m_on_change) m_on_change(status);
    }

    HubAdvert m_advert;
    OnChange m_on_change;
    std::string m_name; // poll thread only
    GroupPtr m_group;   // poll thread only
    std::unique_ptr<Connection> m_connection;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    AnnounceStatus m_status;
};

Announcement::Announcement(HubAdvert advert, OnChange on_change)
    : m_impl(std::make_unique<Impl>(std::move(advert), std::move(on_change))) {}
Announcement::~Announcement() = default;

AnnounceStatus Announcement::Status() const {
    std::lock_guard lock(m_impl->m_mutex);
    return m_impl->m_status;
}

AnnounceStatus Announcement::WaitFor(AnnounceState state, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_impl->m_mutex);
    m_impl->m_changed.wait_for(lock, timeout, [&] { return m_impl->m_status.state == state; });
    return m_impl->m_status;
}

// ---- Browser ------------------------------------------------------------------------------------

namespace {

// A service as avahi reports it: the same hub seen on two interfaces or protocols is two of these.
using ServiceKey = std::tuple<AvahiIfIndex, AvahiProtocol, std::string, std::string>; // + name, domain

std::string TxtValue(AvahiStringList* txt, const char* key) {
    AvahiStringList* item = avahi_string_list_find(txt, key);
    char* k = nullptr;
    char* v = nullptr;
    if (!item || avahi_string_list_get_pair(item, &k, &v, nullptr) < 0) return {};
    std::string value = v ? v : "";
    avahi_free(k);
    avahi_free(v);
    return value;
}

std::string AddressText(AvahiIfIndex interface, const AvahiAddress& address) {
    char text[AVAHI_ADDRESS_STR_MAX] = {};
    avahi_address_snprint(text, sizeof text, &address);
    std::string out = text;
    const bool link_local = address.proto == AVAHI_PROTO_INET6 && address.data.ipv6.address[0] == 0xfe &&
                            (address.data.ipv6.address[1] & 0xc0) == 0x80;
    char name[IF_NAMESIZE] = {};
    if (link_local && interface >= 0 && if_indextoname(static_cast<unsigned>(interface), name))
        out += "%" + std::string(name);
    return out;
}

// Which of two sightings of the same hub to show: IPv4 before IPv6, a LAN address before loopback.
int AddressRank(const FoundHub& hub) {
    const bool v6 = hub.address.find(':') != std::string::npos;
    const bool loopback = hub.address.rfind("127.", 0) == 0 || hub.address == "::1";
    return (v6 ? 2 : 0) + (loopback ? 1 : 0);
}

} // namespace

struct Browser::Impl final : ConnectionEvents {
    Impl() { m_connection = std::make_unique<Connection>(*this); }
    ~Impl() {
        m_connection->Stop();
        m_resolvers.clear();
        m_browser.reset();
        m_connection->Free();
    }

    void Running(AvahiClient* client) override {
        m_resolvers.clear();
        m_browser.reset(avahi_service_browser_new(client, AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC, kServiceType,
                                                  nullptr, AvahiLookupFlags{}, OnBrowse, this));
        Update([&] {
            m_found.clear();
            m_pending = 0;
            m_all_for_now = false;
            m_error = m_browser ? BrowseError::None : BrowseError::Failed;
            m_detail = m_browser ? "" : avahi_strerror(avahi_client_errno(client));
        });
    }
    void Lost(bool no_daemon, const std::string& why) override {
        m_resolvers.clear();
        m_browser.reset();
        Update([&] {
            m_found.clear();
            m_pending = 0;
            m_error = no_daemon ? BrowseError::NoDaemon : BrowseError::Failed;
            m_detail = why;
        });
    }

    static void OnBrowse(AvahiServiceBrowser* browser, AvahiIfIndex interface, AvahiProtocol protocol,
                         AvahiBrowserEvent event, const char* name, const char* type, const char* domain,
                         AvahiLookupResultFlags, void* self_ptr) {
        auto* self = static_cast<Impl*>(self_ptr);
        switch (event) {
        case AVAHI_BROWSER_NEW: {
            ServiceKey key{interface, protocol, name, domain};
            ResolverPtr resolver(avahi_service_resolver_new(
                avahi_service_browser_get_client(browser), interface, protocol, name, type, domain,
                AVAHI_PROTO_UNSPEC, AvahiLookupFlags{}, OnResolve, self));
            if (resolver) self->m_resolvers.insert_or_assign(key, std::move(resolver)); // else: left out
            self->Update([&] { self->m_pending = self->m_resolvers.size(); });
            break;
        }
        case AVAHI_BROWSER_REMOVE: {
            ServiceKey key{interface, protocol, name, domain};
            self->m_resolvers.erase(key);
            self->Update([&] {
                self->m_found.erase(key);
                self->m_pending = self->m_resolvers.size();
            });
            break;
        }
        case AVAHI_BROWSER_ALL_FOR_NOW:
            self->Update([&] { self->m_all_for_now = true; });
            break;
        case AVAHI_BROWSER_CACHE_EXHAUSTED:
            break;
        case AVAHI_BROWSER_FAILURE: {
            std::string why = avahi_strerror(avahi_client_errno(avahi_service_browser_get_client(browser)));
            self->Update([&] {
                self->m_error = BrowseError::Failed;
                self->m_detail = why;
            });
            break;
        }
        }
    }

    static void OnResolve(AvahiServiceResolver* resolver, AvahiIfIndex interface, AvahiProtocol protocol,
                          AvahiResolverEvent event, const char* name, const char*, const char* domain,
                          const char* host, const AvahiAddress* address, uint16_t port, AvahiStringList* txt,
                          AvahiLookupResultFlags, void* self_ptr) {
        auto* self = static_cast<Impl*>(self_ptr);
        ServiceKey key{interface, protocol, name, domain};
        std::optional<FoundHub> hub;
        if (event == AVAHI_RESOLVER_FOUND && address) {
            hub = FoundHub{name, host ? host : "",     AddressText(interface, *address),
                           port, TxtValue(txt, "key"), 0};
            const std::string proto = TxtValue(txt, "proto");
            std::from_chars(proto.data(), proto.data() + proto.size(), hub->protocol_version);
        }
        // Frees this resolver (avahi allows it in its own callback); one already replaced is not ours.
        if (auto it = self->m_resolvers.find(key);
            it != self->m_resolvers.end() && it->second.get() == resolver)
            self->m_resolvers.erase(it);
        self->Update([&] {
            self->m_pending = self->m_resolvers.size();
            if (hub) self->m_found[key] = std::move(*hub); // a failed resolve (hub gone) is left out
        });
    }

    template <class Change> void Update(Change change) {
        {
            std::lock_guard lock(m_mutex);
            change();
        }
        m_changed.notify_all();
    }

    std::vector<FoundHub> HubsLocked() const {
        std::map<std::string, FoundHub> by_name;
        for (const auto& [key, hub] : m_found) {
            auto [it, added] = by_name.emplace(hub.name, hub);
            if (!added && AddressRank(hub) < AddressRank(it->second)) it->second = hub;
        }
        std::vector<FoundHub> hubs;
        for (auto& [name, hub] : by_name)
            hubs.push_back(std::move(hub));
        return hubs;
    }

    std::unique_ptr<Connection> m_connection;
    BrowserPtr m_browser;                          // poll thread only
    std::map<ServiceKey, ResolverPtr> m_resolvers; // poll thread only
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::map<ServiceKey, FoundHub> m_found;
    size_t m_pending = 0; // resolvers still at work
    bool m_all_for_now = false;
    BrowseError m_error = BrowseError::None;
    std::string m_detail;
};

Browser::Browser() : m_impl(std::make_unique<Impl>()) {}
Browser::~Browser() = default;

std::vector<FoundHub> Browser::Hubs() const {
    std::lock_guard lock(m_impl->m_mutex);
    return m_impl->HubsLocked();
}

BrowseResult Browser::Wait(std::chrono::milliseconds timeout, const Done& done) const {
    const Impl& impl = *m_impl;
    std::unique_lock lock(impl.m_mutex);
    BrowseResult result;
    auto settled = [&] {
        result.hubs = impl.HubsLocked();
        if (impl.m_error != BrowseError::None) return true;
        if (done && done(result.hubs)) return true;
        return impl.m_all_for_now && impl.m_pending == 0;
    };
    const bool ended = impl.m_changed.wait_for(lock, timeout, settled);
    result.error = impl.m_error;
    result.detail = impl.m_detail;
    if (result.error != BrowseError::None)
        result.hubs.clear();
    else if (!ended)
        result.error = BrowseError::Timeout;
    else if (result.hubs.empty())
        result.error = BrowseError::NothingFound;
    return result;
}

BrowseResult Browse(std::chrono::milliseconds timeout) {
    return Browser().Wait(timeout);
}

const FoundHub* PickHub(const std::vector<FoundHub>& hubs, std::string_view fair_key_id) {
    if (fair_key_id.empty()) return nullptr;
    auto it = std::find_if(hubs.begin(), hubs.end(),
                           [&](const FoundHub& hub) { return hub.fair_key_id == fair_key_id; });
    return it == hubs.end() ? nullptr : &*it;
}

BrowseResult FindHub(std::string_view fair_key_id, std::chrono::milliseconds timeout) {
    BrowseResult result =
        Browser().Wait(timeout, [&](const auto& hubs) { return PickHub(hubs, fair_key_id) != nullptr; });
    if (const FoundHub* hub = PickHub(result.hubs, fair_key_id)) return {{*hub}, BrowseError::None, ""};
    if (result.error == BrowseError::None) result.error = BrowseError::NoHubForThisFair;
    return result;
}

const char* ToString(BrowseError error) {
    switch (error) {
    case BrowseError::None:
        return "none";
    case BrowseError::NoDaemon:
        return "no-daemon";
    case BrowseError::Failed:
        return "failed";
    case BrowseError::Timeout:
        return "timeout";
    case BrowseError::NothingFound:
        return "nothing-found";
    case BrowseError::NoHubForThisFair:
        return "no-hub-for-this-fair";
    }
    return "?";
}

std::string FoundHub::HostPort() const {
    const bool v6 = address.find(':') != std::string::npos;
    return (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

} // namespace scoring::dnssd
