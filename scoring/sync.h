// Sync: what one store of the fair offers another and how it takes in what it gets, the same for
// the LAN (scoring/sync_net.h) and for USB files. Stores exchange the fair's judges and events;
// events are identified fair-wide by (kiosk, seq) and each store keeps, per kiosk, how far it has
// that kiosk's events without a gap (its high-water marks).
//
//   Ingest is idempotent and order-free: an event already stored (same (kiosk, seq), same content)
//   changes nothing; an event after a gap stops the message there (the sender sends it again from
//   our marks); events are stored in the order the message lists them, which is the sender's own
//   arrival order, so what a kiosk knew when it made a change is stored before the change.
//   The same (kiosk, seq) with different content (a database file copied to a second machine) is
//   never merged: it is refused, recorded (Problems()), and no more of that kiosk's events are
//   taken, from anyone, until the organiser has dealt with the copy.
//
// Judges travel whole (key, name, office, categories, removed, PIN hash: a judge logs in on any
// kiosk); each has a revision counted up by every change (store triggers); the higher revision
// wins, and on a tie the hub's copy. Lock-out state stays on each machine. Two judges added with
// one name on two machines both stay; the later arrival is renamed "NAME (ab12)" and recorded.
//
// Nothing here looks at a clock to order anything; times are kept for the screens only.
#pragma once

#include "scoring/score_log.h"
#include "scoring/sync_key.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scoring {

// kiosk id -> the highest seq of that kiosk's events held without a gap (1..N).
using HighWater = std::map<std::string, int64_t>;

struct SyncJudge {
    std::string key, name, office;
    std::vector<std::string> categories; // sorted
    bool removed = false;
    std::string pin_hash;
    int64_t revision = 0;
};

// One message between stores: the body of a request, a reply or an export file (sealed by Seal).
struct SyncMessage {
    std::string from{}; // the sender's kiosk id (Store::KioskId)
    bool from_hub = false;
    std::string pack_version{};   // reserved: the content pack's version (not filled yet: the pack has none)
    std::string rubric_version{}; // reserved: the rubric's version (idem)
    std::vector<SyncJudge> judges{};
    HighWater have{};                   // what the sender holds (a reply: after taking in the request)
    std::vector<Event> events{};        // in the sender's arrival order; `id` is not sent
    bool more = false;                  // the sender had more to give than fitted
    std::vector<std::string> refused{}; // a reply: what the hub refused of the request, in English
};

std::string Encode(const SyncMessage& message);
// Throws SyncMalformed for anything that is not a whole, well-formed message.
SyncMessage Decode(const std::string& bytes);
struct SyncMalformed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// What sync refused and the organiser must see.
struct SyncProblem {
    enum class Kind { CopiedDatabase, UnknownJudge, BadEvent, JudgeRenamed };
    Kind kind = Kind::CopiedDatabase;
    std::string kiosk; // whose event (JudgeRenamed: the judge's key)
    int64_t seq = 0;
    std::string peer;   // where it came from: the sending store's kiosk id, or "file NAME"
    std::string detail; // English: both versions of a copied event, the old and new name...
    int64_t at_ms = 0;
};
const char* ToString(SyncProblem::Kind kind); // "copied-database"... as stored

struct IngestResult {
    size_t stored = 0;     // new events written
    size_t duplicates = 0; // already here, same content
    size_t held = 0;       // not taken: after a gap, or of a kiosk whose database was copied
    size_t judges_changed = 0;
    bool stopped_at_gap = false;
    std::vector<SyncProblem> problems; // found by this ingest (also recorded in the store)
};

// Another store this one has exchanged with (on the hub: each kiosk).
struct SyncPeer {
    std::string kiosk;
    std::string role; // "kiosk" or "hub"
    std::string address;
    int64_t first_seen_ms = 0, last_seen_ms = 0;
    int64_t exchanges = 0;
    int64_t events_received = 0; // new events stored from it, all exchanges together
    int64_t events_held = 0;     // events of that kiosk in this store
};

// A kiosk's view of its hub, for the organiser's screen.
struct SyncStatus {
    bool key_set = false;
    std::string key_check; // KeyCheckCode, "" without a key
    bool is_hub = false;
    std::string kiosk_id;
    std::string hub_address, hub_id; // the last hub this store exchanged with
    int64_t last_attempt_ms = 0, last_ok_ms = 0;
    bool last_ok = false;
    std::string last_error;     // English; "" after a good exchange
    int64_t events_waiting = 0; // events here that the hub is not known to have
    int64_t events_total = 0;
};

class Sync {
  public:
    static constexpr size_t kBatch = 2000; // events in one message over the LAN: a short turn at the hub

    // Throws StoreFailure.
    explicit Sync(Store& store, Clock clock = SystemClockMs);

    HighWater Have();
    // What a store that holds `peer_have` lacks, in this store's arrival order, at most `limit`
    // events (more: message.more). With every judge of this store.
    SyncMessage Offer(const HighWater& peer_have, size_t limit = kBatch);
    // Takes in a message in one transaction (all or nothing on a StoreFailure). `peer_label` names
    // where it came from in problems when the message's sender is not enough ("file stick.sync").
    IngestResult Ingest(const SyncMessage& message, const std::string& peer_label = "");

    // The hub role: set by `kiosk sync serve` and `kiosk sync key --new`; messages say it.
    bool IsHub();
    void SetHub(bool hub);

    // The acknowledgement: what `peer` has (from its last reply), so the next request sends only
    // what it lacks.
    HighWater AckedBy(const std::string& peer);
    void SetAcked(const std::string& peer, const HighWater& have);
    // A kiosk's exchange with its hub, kept for its status (meta): good or failed, and why.
    void NoteHubContact(const std::string& address, const std::string& hub_id, bool ok,
                        const std::string& error);

    SyncStatus Status();
    std::vector<SyncPeer> Peers(); // by last seen, newest first
    std::vector<SyncProblem> Problems();

    // USB: the whole store in one sealed file, written atomically (temp, fsync, rename). Returns the
    // number of events. Import: a sealed file into the store; a refused file (SealRefused,
    // SyncMalformed) changes nothing.
    size_t ExportTo(const std::string& path, const SyncKey& key);
    IngestResult ImportFrom(const std::string& path, const SyncKey& key);

  private:
    void IngestJudge(const SyncJudge& judge, bool from_hub, const std::string& peer, IngestResult& result);
    void Record(const SyncProblem& problem, IngestResult& result);
    bool Forked(const std::string& kiosk);
    std::vector<SyncJudge> AllJudges();
    void NotePeer(const SyncMessage& message, size_t stored);

    Store& m_store;
    sql::Database& m_db;
    Clock m_clock;
};

} // namespace scoring
