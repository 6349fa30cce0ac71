// Finding the fair's hub on the LAN without typing addresses (issue 12): the hub announces
// `_showcase-kiosk._tcp` with DNS-SD through avahi-daemon, and kiosks browse for it and pick the
// one whose fair key id matches their own. Never throws for a missing daemon or network: every
// problem is a typed status the hub and the kiosk word for the organiser.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace scoring::dnssd {

inline constexpr const char* kServiceType = "_showcase-kiosk._tcp";
inline constexpr int kProtocolVersion = 1; // TXT "proto": the sync protocol the hub speaks

// A short id of the fair's key (16 hex digits of a keyed-domain BLAKE2b hash): names the fair in
// the announcement without revealing the key. Empty for an empty key.
std::string FairKeyId(std::string_view fair_key);

// What the hub announces.
struct HubAdvert {
    std::string name;        // the service name, e.g. "Showcase hub — Dhaka innovation fair"
    uint16_t port = 0;       // where the hub's server listens
    std::string fair_key_id; // FairKeyId(key): TXT "key"
    int protocol_version = kProtocolVersion;
};

enum class AnnounceState {
    Starting,  // talking to avahi-daemon, or registering the name
    Announced, // on the LAN under Status().name
    NoDaemon,  // avahi-daemon (or the system D-Bus) is not running; announced once it starts
    Failed,    // avahi refused (detail says why); retried when the daemon restarts
};
const char* ToString(AnnounceState state); // "starting", "announced", "no-daemon", "failed"

struct AnnounceStatus {
    AnnounceState state = AnnounceState::Starting;
    std::string name;   // the name as published: the advert's, or an alternative after a collision
    std::string detail; // avahi's English for Failed
};
// One line for the hub's console: `announced on the LAN as "NAME"`, `not announced: avahi-daemon
// not running`...
std::string Describe(const AnnounceStatus& status);

// While alive, publishes the advert on every interface avahi-daemon uses, on its own thread (an
// avahi threaded poll) beside the hub's server. A name taken by another hub is replaced by avahi's
// alternative ("NAME #2"); a daemon that stops or restarts is followed, and the service published
// again when it is back. Never throws but bad_alloc.
class Announcement {
  public:
    // on_change, if given, hears each new status (state or name changed), for the hub's console.
    // It is called on the announcement's own thread (or in the constructor): keep it short.
    using OnChange = std::function<void(const AnnounceStatus&)>;
    explicit Announcement(HubAdvert advert, OnChange on_change = nullptr);
    ~Announcement();
    Announcement(const Announcement&) = delete;
    Announcement& operator=(const Announcement&) = delete;

    AnnounceStatus Status() const;
    // Waits until the state is `state` or the timeout passes; returns the status then.
    AnnounceStatus WaitFor(AnnounceState state, std::chrono::milliseconds timeout) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// A hub found and resolved on the LAN.
struct FoundHub {
    std::string name;    // the service name
    std::string host;    // its mDNS host name, e.g. "organiser-laptop.local"
    std::string address; // "192.168.1.20", or "fe80::1%eth0" (IPv4 preferred)
    uint16_t port = 0;
    std::string fair_key_id;      // TXT "key" ("" when absent)
    int protocol_version = 0;     // TXT "proto" (0 when absent or not a number)
    std::string HostPort() const; // "192.168.1.20:8750", "[fe80::1%eth0]:8750": what --hub takes
};

enum class BrowseError {
    None,
    NoDaemon,         // avahi-daemon (or the system D-Bus) is not running
    Failed,           // avahi reported a failure (detail says why)
    Timeout,          // the deadline passed before avahi had said all it knew (hubs may be partial)
    NothingFound,     // no hub on the LAN
    NoHubForThisFair, // hubs were found (listed), none with this kiosk's fair key id
};
const char* ToString(BrowseError error); // "none", "no-daemon", "failed", "timeout"...

struct BrowseResult {
    std::vector<FoundHub> hubs;
    BrowseError error = BrowseError::None;
    std::string detail; // avahi's English for Failed
};

// While alive, browses `_showcase-kiosk._tcp` and resolves each hub on its own thread, following
// hubs that come and go and a daemon that restarts. Never throws but bad_alloc.
class Browser {
  public:
    Browser();
    ~Browser();
    Browser(const Browser&) = delete;
    Browser& operator=(const Browser&) = delete;

    // The hubs resolved so far, one per service name, sorted by name.
    std::vector<FoundHub> Hubs() const;
    // Waits until done(hubs) holds (None), avahi has said all it knew and every hub is resolved
    // (None or NothingFound), the daemon is missing (NoDaemon, at once) or failed, or the timeout
    // passes (Timeout, with what was found by then).
    using Done = std::function<bool(const std::vector<FoundHub>&)>;
    BrowseResult Wait(std::chrono::milliseconds timeout, const Done& done = nullptr) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Every hub on the LAN (a Browser waited on for at most `timeout`).
BrowseResult Browse(std::chrono::milliseconds timeout);
// The hub of the fair whose key id is `fair_key_id`: hubs holds just that one, or error says why
// not (NoHubForThisFair lists the others). Returns as soon as it is resolved.
BrowseResult FindHub(std::string_view fair_key_id, std::chrono::milliseconds timeout);
// The hub among `hubs` with this fair key id, or nullptr (also for an empty id).
const FoundHub* PickHub(const std::vector<FoundHub>& hubs, std::string_view fair_key_id);

} // namespace scoring::dnssd
