// The hub's endpoint and the kiosk's client, over cpp-httplib. Statuses: 200 a sealed reply;
// 403 "foreign-key" (the request was sealed with another key); 400 with the reason (not ours,
// tampered, malformed); 503 with the reason (the hub's store failed; try again later).
#include "scoring/sync_net.h"

#include <httplib.h>

namespace scoring {

const char* ToString(SyncResult::Outcome outcome) {
    switch (outcome) {
    case SyncResult::Outcome::Ok:
        return "ok";
    case SyncResult::Outcome::NoKey:
        return "no fair key set";
    case SyncResult::Outcome::HubUnreachable:
        return "hub unreachable";
    case SyncResult::Outcome::KeyRefused:
        return "the hub has another key";
    case SyncResult::Outcome::HubRefused:
        return "the hub refused the request";
    case SyncResult::Outcome::BadReply:
        return "the hub's reply was refused";
    case SyncResult::Outcome::StoreFailed:
        return "this kiosk's database failed";
    }
    return "?";
}

// [SECTION] The kiosk's side

SyncClient::SyncClient(std::string host, int port, int connect_ms, int reply_ms)
    : m_host(std::move(host)), m_port(port), m_connect_ms(connect_ms), m_reply_ms(reply_ms) {}

std::optional<SyncClient> SyncClient::FromAddress(const std::string& address) {
    const size_t colon = address.rfind(':');
    if (address.empty() || colon == 0) return std::nullopt;
    if (colon == std::string::npos) return SyncClient(address, kDefaultSyncPort);
    const std::string port = address.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const int number = std::stoi(port);
    if (number < 1 || number > 65535) return std::nullopt;
    return SyncClient(address.substr(0, colon), number);
}

namespace {

struct Failed {
    SyncResult::Outcome outcome;
    std::string detail;
};

std::string Why(httplib::Error error) {
    switch (error) {
    case httplib::Error::Connection:
        return "cannot connect: is the hub started, at this address and port?";
    case httplib::Error::ConnectionTimeout:
        return "no answer to the connection: is the hub on this network?";
    case httplib::Error::Read:
        return "the connection dropped (or timed out) before the hub answered";
    case httplib::Error::Write:
        return "the connection dropped while sending";
    default:
        return httplib::to_string(error);
    }
}

} // namespace

// One message each way. `again`: worth another round (either side had more, and this one moved).
SyncResult SyncClient::Round(Store& store, Sync& sync, const SyncKey& key, HighWater& hub_has, bool& again) {
    SyncResult result;
    const SyncMessage request = sync.Offer(hub_has);
    httplib::Client client(m_host, m_port);
    client.set_connection_timeout(m_connect_ms / 1000, (m_connect_ms % 1000) * 1000);
    client.set_read_timeout(m_reply_ms / 1000, (m_reply_ms % 1000) * 1000);
    client.set_write_timeout(m_reply_ms / 1000, (m_reply_ms % 1000) * 1000);
    const httplib::Result response =
        client.Post(kSyncPath, Seal(key, SealKind::Request, Encode(request)), "application/octet-stream");
    if (!response) throw Failed{SyncResult::Outcome::HubUnreachable, Why(response.error())};
    if (response->status == 403) throw Failed{SyncResult::Outcome::KeyRefused, response->body};
    if (response->status != 200)
        throw Failed{SyncResult::Outcome::HubRefused,
                     std::to_string(response->status) + " " + response->body};
    SyncMessage reply;
    try {
        reply = Decode(Unseal(key, SealKind::Reply, response->body));
    } catch (const std::exception& e) {
        throw Failed{SyncResult::Outcome::BadReply, e.what()};
    }
    const IngestResult ingested = sync.Ingest(reply, "hub " + reply.from);
    sync.SetAcked(reply.from, reply.have);
    result.hub_id = reply.from;
    result.received = ingested.stored;
    result.refused = reply.refused;
    result.problems = ingested.problems;
    for (const Event& event : request.events) // what the hub now has of what we sent
        if (const auto has = reply.have.find(event.kiosk);
            has != reply.have.end() && has->second >= event.seq)
            if (const auto had = hub_has.find(event.kiosk); had == hub_has.end() || had->second < event.seq)
                ++result.sent;
    const bool moved = reply.have != hub_has || ingested.stored > 0;
    bool hub_lacks = false;
    for (const auto& [kiosk, seq] : sync.Have())
        if (const auto has = reply.have.find(kiosk); has == reply.have.end() || has->second < seq)
            hub_lacks = true;
    again = moved && (request.more || reply.more || hub_lacks);
    hub_has = reply.have;
    (void)store;
    return result;
}

SyncResult SyncClient::Exchange(Store& store, size_t max_rounds) {
    SyncResult total;
    std::optional<Sync> sync;
    try {
        sync.emplace(store);
        const std::optional<SyncKey> key = StoredSyncKey(store);
        if (!key)
            throw Failed{SyncResult::Outcome::NoKey, "set the fair's key first: kiosk sync key --set KEY"};
        HighWater hub_has = sync->AckedBy(store.Meta("sync.hub_id"));
        for (bool again = true; again && total.rounds < max_rounds;) {
            SyncResult round = Round(store, *sync, *key, hub_has, again);
            ++total.rounds;
            total.hub_id = round.hub_id, total.sent += round.sent, total.received += round.received;
            total.refused = round.refused;
            total.problems.insert(total.problems.end(), round.problems.begin(), round.problems.end());
        }
        if (!total.refused.empty())
            total.outcome = SyncResult::Outcome::HubRefused, total.detail = total.refused.front();
    } catch (const Failed& failed) {
        total.outcome = failed.outcome, total.detail = failed.detail;
    } catch (const SealRefused& e) {
        total.outcome = SyncResult::Outcome::BadReply, total.detail = e.what();
    } catch (const StoreFailure& e) {
        total.outcome = SyncResult::Outcome::StoreFailed, total.detail = e.what();
    } catch (const std::exception& e) {
        total.outcome = SyncResult::Outcome::HubUnreachable, total.detail = e.what();
    }
    try {
        if (sync && total.outcome != SyncResult::Outcome::StoreFailed)
            sync->NoteHubContact(Address(), total.hub_id, total.Ok(),
                                 total.Ok() ? ""
                                            : std::string(ToString(total.outcome)) + ": " + total.detail);
    } catch (const StoreFailure&) { // the status is only for the screen; the exchange itself is done
    }
    return total;
}

// [SECTION] The hub's side

SyncServer::SyncServer(const std::string& db_path)
    : m_store(std::make_unique<Store>(db_path, StoreOptions{.busy_timeout_ms = 10'000})),
      m_sync(std::make_unique<Sync>(*m_store)), m_server(std::make_unique<httplib::Server>()) {
    const std::optional<SyncKey> key = StoredSyncKey(*m_store);
    if (!key)
        throw std::runtime_error("the hub's database " + db_path + " has no fair key: kiosk sync key --new");
    m_key = *key;
    m_sync->SetHub(true);
    m_server->set_payload_max_length(256u << 20);
    m_server->Post(kSyncPath, [this](const httplib::Request& request, httplib::Response& response) {
        Answer answer = Handle(request.body, request.remote_addr);
        response.status = answer.status;
        response.set_content(answer.body, answer.status == 200 ? "application/octet-stream" : "text/plain");
    });
}

SyncServer::~SyncServer() {
    Stop();
}

int SyncServer::Bind(const std::string& address, int port) {
    const int bound =
        port == 0 ? m_server->bind_to_any_port(address) : (m_server->bind_to_port(address, port) ? port : -1);
    if (bound < 0)
        throw std::runtime_error("cannot listen on " + address + ":" + std::to_string(port) +
                                 " (in use, or not an address of this machine)");
    return bound;
}

void SyncServer::Run() {
    m_server->listen_after_bind();
}

void SyncServer::Stop() {
    if (m_server) m_server->stop();
}

// Never throws: whatever the request, the hub answers and goes on.
SyncServer::Answer SyncServer::Handle(const std::string& body, const std::string& remote) {
    try {
        const SyncMessage request = Decode(Unseal(m_key, SealKind::Request, body));
        std::lock_guard lock(m_mutex);
        const IngestResult ingested = m_sync->Ingest(request, request.from + " at " + remote);
        SyncMessage reply = m_sync->Offer(request.have);
        for (const SyncProblem& problem : ingested.problems)
            if (problem.kind == SyncProblem::Kind::CopiedDatabase)
                reply.refused.push_back(
                    "kiosk " + problem.kiosk + " event " + std::to_string(problem.seq) +
                    " differs from the hub's copy (a copied database?): " + problem.detail);
        return {200, Seal(m_key, SealKind::Reply, Encode(reply))};
    } catch (const SealRefused& e) {
        return {e.Problem() == SealProblem::ForeignKey ? 403 : 400,
                e.Problem() == SealProblem::ForeignKey ? "foreign-key" : ToString(e.Problem())};
    } catch (const SyncMalformed& e) {
        return {400, std::string("malformed: ") + e.what()};
    } catch (const StoreFailure& e) {
        return {503, std::string("the hub's database failed: ") + e.what()};
    } catch (const std::exception& e) {
        return {500, e.what()};
    }
}

} // namespace scoring
