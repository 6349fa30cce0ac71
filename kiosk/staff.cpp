#include "kiosk/staff.h"

#include "kiosk/sync_worker.h"

#include <algorithm>
#include <cstdio>

namespace kiosk {

Staff::Staff(scoring::Store* store, std::optional<scoring::StoreFailure> problem,
             const content::FairContent& content, double idle_timeout_s)
    : m_content(content), m_problem(std::move(problem)), m_idle_timeout_s(idle_timeout_s) {
    Adopt(store);
}

void Staff::Adopt(scoring::Store* store) {
    m_store = store;
    if (!m_store) return;
    m_problem.reset();
    try {
        m_judging.emplace(*m_store, m_content);
        m_organiser_pin.emplace(*m_store);
    } catch (const scoring::StoreFailure& failure) { // visitors browse on; judging says why not
        m_judging.reset();
        m_problem = failure;
        std::fprintf(stderr, "kiosk: %s\n", failure.what());
    }
}

void Staff::Refresh() {
    if (m_judging) m_judging->Refresh();
    if (m_organiser_pin) m_organiser_pin->Refresh();
    RescueIfVanished();
}

// The file is gone from its path: the open connection holds the only copy of every saved change.
// Written out once, at the first refresh that can (saves are refused meanwhile, so one is enough).
void Staff::RescueIfVanished() {
    if (!m_store || !m_store->Vanished() || !m_rescued.empty()) return;
    try {
        if (!m_rescue_folder.empty()) try {
                m_rescued = m_store->Rescue(m_rescue_folder + "/rescued-" + scoring::RandomHex(4) + ".db");
            } catch (const scoring::StoreFailure& failure) { // the second place is gone too: the others
                std::fprintf(stderr, "kiosk: %s\n", failure.what());
            }
        if (m_rescued.empty()) m_rescued = m_store->Rescue();
        std::fprintf(stderr, "kiosk: the database %s is gone; every saved change was copied to %s\n",
                     m_store->Path().c_str(), m_rescued.c_str());
    } catch (const scoring::StoreFailure& failure) {
        if (!m_rescue_failed_logged)
            std::fprintf(stderr, "kiosk: the database is gone and no copy could be written yet: %s\n",
                         failure.what());
        m_rescue_failed_logged = true;
    }
}

const scoring::StoreFailure* Staff::LastProblem() const {
    if (!m_judging || !m_judging->LastProblem()) return nullptr;
    return &*m_judging->LastProblem();
}

Staff::~Staff() = default;

std::vector<scoring::Judge> Staff::Judges() {
    if (!Available()) return {};
    return m_judging->Registry().List();
}

bool Staff::OrganiserPinSet() {
    return m_organiser_pin && m_organiser_pin->IsSet();
}

scoring::PinCheck Staff::LogInJudge(scoring::JudgeId judge, const std::string& pin, double now) {
    if (!Available()) return {};
    scoring::LoginResult result = m_judging->LogIn(judge, pin);
    if (result.session) {
        LogOut();
        m_session = std::move(result.session);
        m_last_activity = now;
        std::fprintf(stderr, "kiosk: judge %lld (%s) logged in\n", static_cast<long long>(judge),
                     m_session->Who().name.c_str());
    }
    return result.check;
}

scoring::PinCheck Staff::LogInOrganiser(const std::string& pin, double now) {
    if (!m_organiser_pin) return {};
    const scoring::PinCheck check = m_organiser_pin->Check(pin);
    if (check.result == scoring::PinCheck::Result::Ok) {
        LogOut();
        m_organiser = true;
        m_last_activity = now;
        std::fprintf(stderr, "kiosk: organiser logged in\n");
    }
    return check;
}

void Staff::LogOut() {
    if (m_session)
        std::fprintf(stderr, "kiosk: judge %lld logged out\n", static_cast<long long>(m_session->Who().id));
    if (m_organiser) std::fprintf(stderr, "kiosk: organiser logged out\n");
    m_session.reset();
    m_organiser = false;
}

std::string Staff::StoreDescription() const {
    if (m_store) return m_store->Path();
    return m_problem ? m_problem->Path() : std::string();
}

void Staff::Journal(const std::string& what, const scoring::Scorecard& card) {
    ++m_saves;
    if (m_sync) m_sync->Poke(); // on disk: the hub may have it now
    const long long judge = m_session ? static_cast<long long>(m_session->Who().id) : 0;
    std::fprintf(stderr, "kiosk: saved #%lld judge %lld entry %s: %s\n",
                 static_cast<long long>(card.last_saved_seq), judge, card.entry.c_str(), what.c_str());
}

} // namespace kiosk

namespace kiosk {

void Staff::JournalNotSaved(const std::string& what, const std::string& entry, const ui::Problem& problem) {
    const long long judge = m_session ? static_cast<long long>(m_session->Who().id) : 0;
    std::fprintf(stderr, "kiosk: NOT saved: judge %lld entry %s: %s: %s\n", judge, entry.c_str(),
                 what.c_str(), problem.English().c_str());
}

} // namespace kiosk

namespace kiosk {

Staff::ResultsBasis Staff::BasisNow() {
    if (!m_judging) return {};
    return {m_judging->Log().Book().Events(), m_judging->Registry().Generation(), m_content.categories.data(),
            m_content.innovations.data()};
}

void Staff::ComputeResultsNow() {
    const ResultsBasis basis = BasisNow();
    const scoring::ranking::Options options = scoring::LoadResultsOptions(*m_store);
    m_results = scoring::ComputeResults(*m_judging, m_content, options);
    m_results_basis = basis;
    m_results_problem.reset();
}

void Staff::UpdateResults() {
    m_results_asked = m_results_wanted;
    m_results_wanted = false;
    if (!m_results_asked || !m_judging || !ResultsPending()) return;
    try {
        ComputeResultsNow();
    } catch (const std::exception& e) { // the last good results stay on screen, with why
        m_results_problem = ui::Problem::Of(e);
        m_results_basis = BasisNow(); // not again every frame: the next change or refresh retries
        std::fprintf(stderr, "kiosk: the results could not be computed: %s\n",
                     m_results_problem->English().c_str());
    }
}

bool Staff::ResultsPending() {
    return m_judging && (!m_results_basis || *m_results_basis != BasisNow());
}

const scoring::FairResults* Staff::Results() const {
    return m_organiser && m_results ? &*m_results : nullptr;
}

namespace {

void RequireOrganiser(bool organiser) {
    if (!organiser) throw scoring::Refused("only the organiser can change the results");
}

} // namespace

void Staff::SetResultsMethod(scoring::ranking::Method method) {
    RequireOrganiser(m_organiser && m_judging);
    scoring::ranking::Options options = scoring::LoadResultsOptions(*m_store);
    options.method = method;
    scoring::SaveResultsOptions(*m_store, options);
    m_results_basis.reset();
    std::fprintf(stderr, "kiosk: organiser set the results method: %s\n",
                 scoring::ranking::MethodName(method));
}

void Staff::Settle(const std::string& higher, const std::string& lower, const std::string& reason) {
    RequireOrganiser(m_organiser && m_judging);
    const int64_t seq = m_judging->Log().Settle(higher, lower, reason);
    std::fprintf(stderr, "kiosk: settlement saved #%lld: %s above %s: %s\n", static_cast<long long>(seq),
                 higher.c_str(), lower.c_str(), reason.c_str());
}

void Staff::FinaliseResults() {
    RequireOrganiser(m_organiser && m_judging);
    if (ResultsPending()) ComputeResultsNow(); // finalise what the store holds now, never a stale copy
    scoring::Finalise(*m_judging, *m_results);
    m_results_basis.reset();
    std::fprintf(stderr, "kiosk: organiser finalised the results (%s)\n", m_results->hash.c_str());
}

void Staff::ReopenResults(const std::string& reason) {
    RequireOrganiser(m_organiser && m_judging);
    scoring::ReopenResults(*m_judging, reason);
    m_results_basis.reset();
    std::fprintf(stderr, "kiosk: organiser reopened the results: %s\n", reason.c_str());
}

std::vector<scoring::RejudgePair> Staff::HeadToHeadQuestions() const {
    std::vector<scoring::RejudgePair> questions;
    // Final results ask nothing more: an answer now would only break their hash.
    if (!m_session || !m_results || m_results->final) return questions;
    const std::string& key = m_session->Who().key;
    for (const scoring::RejudgePair& pair : m_results->rejudge)
        if (std::find(pair.judges_to_ask.begin(), pair.judges_to_ask.end(), key) != pair.judges_to_ask.end())
            questions.push_back(pair);
    return questions;
}

void Staff::AnswerHeadToHead(const std::string& better, const std::string& worse) {
    if (!m_session || !m_judging) throw scoring::Refused("no judge is logged in");
    bool asked = false;
    for (const scoring::RejudgePair& pair : HeadToHeadQuestions())
        asked |=
            (pair.upper == better && pair.lower == worse) || (pair.upper == worse && pair.lower == better);
    if (!asked) throw scoring::Refused("this pair is not a question for this judge");
    const int64_t seq = m_judging->Log().Prefer(m_session->Who().id, better, worse);
    ++m_saves;
    std::fprintf(stderr, "kiosk: head-to-head saved #%lld: judge %lld prefers %s to %s\n",
                 static_cast<long long>(seq), static_cast<long long>(m_session->Who().id), better.c_str(),
                 worse.c_str());
}

} // namespace kiosk
