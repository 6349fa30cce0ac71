#include "kiosk/staff.h"

#include "kiosk/sync_worker.h"

#include <cstdio>

namespace kiosk {

Staff::Staff(scoring::Store* store, std::optional<scoring::StoreFailure> problem,
             const content::FairContent& content, double idle_timeout_s)
    : m_store(store), m_content(content), m_problem(std::move(problem)), m_idle_timeout_s(idle_timeout_s) {
    if (!m_store) return;
    try {
        m_judging.emplace(*m_store, content);
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
