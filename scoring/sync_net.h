// Sync on the LAN: the hub serves one endpoint, POST /sync, taking a sealed request (a
// SyncMessage: what the kiosk has and the events the hub lacks) and answering with a sealed reply
// (what the kiosk lacks, and what the hub now has). A kiosk's SyncClient repeats exchanges until
// neither side has more to give. Any request the fair's key did not seal is refused before it is
// read; the hub's store is written by one connection at a time; a bad request never stops it.
// cpp-httplib, plain HTTP: the sealing (scoring/sync_key.h) is what keeps it private and whole.
#pragma once

#include "scoring/sync.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace scoring {

constexpr int kDefaultSyncPort = 8787;
constexpr const char* kSyncPath = "/sync";

// The outcome of one kiosk's exchange with the hub, typed for the screens and exit codes.
struct SyncResult {
    enum class Outcome {
        Ok,             // everything either side had to give went across
        NoKey,          // this store has no fair key: `kiosk sync key --set`
        HubUnreachable, // no connection, or it dropped (detail: why)
        KeyRefused,     // the hub has another key (another fair's, or a mistyped one)
        HubRefused,     // the hub refused the request (detail: its reason)
        BadReply,       // the reply was not sealed with our key, or not a message
        StoreFailed,    // this store could not be read or written (detail)
    };
    Outcome outcome = Outcome::Ok;
    std::string detail{}; // English
    std::string hub_id{};
    size_t sent = 0;     // events the hub stored from us
    size_t received = 0; // events we stored from the hub
    size_t rounds = 0;
    std::vector<std::string> refused{};  // what the hub refused of ours (a copied database)
    std::vector<SyncProblem> problems{}; // what we refused of the hub's
    bool Ok() const { return outcome == Outcome::Ok; }
};
const char* ToString(SyncResult::Outcome outcome); // "hub unreachable"...

class SyncClient {
  public:
    // `connect_ms`: how long to try reaching the hub; `reply_ms`: how long to wait for its reply
    // (many kiosks at once queue at the hub: its store takes one request at a time).
    SyncClient(std::string host, int port, int connect_ms = 3'000, int reply_ms = 60'000);
    // "HOST:PORT" (or "HOST", the default port); nothing when it is not one.
    static std::optional<SyncClient> FromAddress(const std::string& address);

    // Exchanges with the hub until neither side has more (at most `max_rounds` messages each
    // way), then notes the contact in the store (Sync::Status). Never throws.
    SyncResult Exchange(Store& store, size_t max_rounds = 200);
    std::string Address() const { return m_host + ":" + std::to_string(m_port); }

  private:
    SyncResult Round(Store& store, Sync& sync, const SyncKey& key, HighWater& hub_has, bool& again);

    std::string m_host;
    int m_port;
    int m_connect_ms, m_reply_ms;
};

class SyncServer {
  public:
    // Opens its own connection to the store at `db_path` (throws StoreFailure); the key must be set.
    explicit SyncServer(const std::string& db_path);
    ~SyncServer();

    // Binds `address` (e.g. "0.0.0.0", "192.168.1.10", "127.0.0.1") and `port` (0: any free one);
    // returns the port, or throws std::runtime_error when it cannot.
    int Bind(const std::string& address, int port);
    void Run(); // serves until Stop() (from another thread or a signal handler's thread)
    void Stop();
    Store& HubStore() { return *m_store; }

  private:
    struct Answer {
        int status = 200;
        std::string body;
    };
    Answer Handle(const std::string& body, const std::string& remote);

    std::unique_ptr<Store> m_store;
    std::unique_ptr<Sync> m_sync;
    SyncKey m_key{};
    std::mutex m_mutex; // one request at a time writes the store
    std::unique_ptr<httplib::Server> m_server;
};

} // namespace scoring
