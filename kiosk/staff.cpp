#include "kiosk/staff.h"

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
