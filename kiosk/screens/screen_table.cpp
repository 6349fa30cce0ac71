// The table of the kiosk's screens: one line per screen (see docs/adding-a-screen.md).
#include "kiosk/screens/screen_table.h"

#include "kiosk/screens/attract_screen.h"
#include "kiosk/screens/home_screen.h"
#include "kiosk/screens/innovation_screen.h"
#include "kiosk/screens/judge_screen.h"
#include "kiosk/screens/judge_setup_screen.h"
#include "kiosk/screens/list_screen.h"
#include "kiosk/screens/organiser_screen.h"
#include "kiosk/screens/results_screen.h"
#include "kiosk/screens/review_screen.h"
#include "kiosk/screens/scorecard_screen.h"
#include "kiosk/screens/staff_screen.h"
#include "kiosk/screens/sync_screen.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace kiosk {

namespace {

// Titles: fixed words in the visitor's language, or the name of what the route shows.
TitleFn Words(const char* bn, const char* en) {
    return
        [bn, en](const ui::Context& ui, const content::FairContent&, const Route&) { return ui.T(bn, en); };
}
std::string FairName(const ui::Context& ui, const content::FairContent& fair, const Route&) {
    return ui.L(fair.fair.name);
}
std::string OfficeName(const ui::Context& ui, const content::FairContent& fair, const Route& route) {
    const content::Office* office = fair.FindOffice(route.id);
    return office ? ui.L(office->ShortName()) : std::string();
}
std::string CategoryName(const ui::Context& ui, const content::FairContent& fair, const Route& route) {
    const content::Category* category = fair.FindCategory(route.id);
    return category ? ui.L(category->name) : std::string();
}
std::string InnovationTitle(const ui::Context& ui, const content::FairContent& fair, const Route& route) {
    const content::Innovation* innovation = fair.FindInnovation(route.id);
    return innovation ? ui.L(innovation->title) : std::string();
}

// What must exist for a route to show.
bool OfficeExists(const content::FairContent& fair, Staff&, const Route& route) {
    return fair.FindOffice(route.id) != nullptr;
}
bool CategoryExists(const content::FairContent& fair, Staff&, const Route& route) {
    return fair.FindCategory(route.id) != nullptr;
}
bool EntryExists(const content::FairContent& fair, Staff&, const Route& route) {
    return fair.FindInnovation(route.id) != nullptr;
}
bool JudgeExistsOrNew(const content::FairContent&, Staff& staff, const Route& route) {
    const std::optional<scoring::JudgeId> id = ParseJudgeId(route.id);
    return route.id == "new" || (id && staff.Judging().Registry().Find(*id).has_value());
}

} // namespace

const std::vector<ScreenSpec>& ScreenTable() {
    using R = RouteId;
    using A = Access;
    static const std::vector<ScreenSpec> table = {
        Define<AttractScreen>(ScreenId::Attract, R::None, A::Visitor, Keep::Always, FairName, {},
                              [](AttractScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.fair), 0.f; }),
        Define<HomeScreen>(ScreenId::Home, R::None, A::Visitor, Keep::Always, FairName, {},
                           [](HomeScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.fair, a.frame, a.nav); }),
        Define<ListScreen>(
            ScreenId::Office, R::Required, A::Visitor, Keep::Always, OfficeName, OfficeExists,
            [](ListScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.fair, a.route, a.frame, a.nav); }),
        Define<ListScreen>(
            ScreenId::Category, R::Required, A::Visitor, Keep::Always, CategoryName, CategoryExists,
            [](ListScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.fair, a.route, a.frame, a.nav); }),
        Define<InnovationScreen>(
            ScreenId::Innovation, R::Required, A::Visitor, Keep::Always, InnovationTitle, EntryExists,
            [](InnovationScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.fair, a.route, a.frame, a.nav); }),
        Define<OrganiserScreen>(ScreenId::Organiser, R::None, A::Organiser, Keep::UntilLogout,
                                Words("আয়োজকের জন্য", "For the organiser"), {},
                                [](OrganiserScreen& s, ScreenArgs& a) {
                                    return s.Draw(a.ui, a.status, a.staff, a.route, a.frame, a.nav);
                                }),
        Define<SyncScreen>(
            ScreenId{"sync"}, R::None, A::Organiser, Keep::UntilLogout, Words("সিঙ্ক", "Sync"), {},
            [](SyncScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.staff, a.frame, a.nav); }),
        Define<ResultsScreen>(
            ScreenId{"results"}, R::None, A::Organiser, Keep::UntilLogout, Words("ফলাফল", "Results"), {},
            [](ResultsScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.staff, a.frame, a.nav); }),
        Define<StaffScreen>(
            ScreenId::Staff, R::None, A::Visitor, Keep::UntilLogout,
            Words("বিচারক ও আয়োজকের প্রবেশ", "Judges and organiser"), {},
            [](StaffScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.staff, a.frame, a.nav); }),
        Define<JudgeScreen>(
            ScreenId::Judge, R::None, A::Judge, Keep::UntilLogout, Words("বিচারকের পাতা", "Judging"), {},
            [](JudgeScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.staff, a.frame, a.nav); }),
        Define<ScorecardScreen>(
            ScreenId::Scorecard, R::Required, A::Judge, Keep::UntilLogout, Words("স্কোরকার্ড", "Scorecard"),
            EntryExists,
            [](ScorecardScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.staff, a.route, a.frame, a.nav); }),
        Define<ReviewScreen>(
            ScreenId::Review, R::Required, A::Judge, Keep::UntilLogout,
            Words("পর্যালোচনা ও জমা", "Review and submit"), EntryExists,
            [](ReviewScreen& s, ScreenArgs& a) { return s.Draw(a.ui, a.staff, a.route, a.frame, a.nav); }),
        Define<JudgeSetupScreen>(ScreenId::JudgeSetup, R::Required, A::Organiser, Keep::WhileShown,
                                 Words("আয়োজকের জন্য: বিচারক", "For the organiser: judges"), JudgeExistsOrNew,
                                 [](JudgeSetupScreen& s, ScreenArgs& a) {
                                     return s.Draw(a.ui, a.staff, a.route, a.frame, a.nav);
                                 }),
    };
    return table;
}

const ScreenSpec& SpecOf(ScreenId id) {
    const std::vector<ScreenSpec>& table = ScreenTable();
    const auto found =
        std::find_if(table.begin(), table.end(), [id](const ScreenSpec& spec) { return spec.id == id; });
    if (found == table.end())
        throw std::logic_error("no screen \"" + std::string(id.Name()) + "\" in the screen table");
    return *found;
}

std::vector<std::string> ScreenTableProblems() {
    std::vector<std::string> problems;
    const std::vector<ScreenSpec>& table = ScreenTable();
    auto lines_named = [&](ScreenId id) {
        return std::count_if(table.begin(), table.end(),
                             [id](const ScreenSpec& spec) { return spec.id == id; });
    };
    for (ScreenId id : kNamedScreens)
        if (lines_named(id) == 0)
            problems.push_back("the named screen \"" + std::string(id.Name()) +
                               "\" has no line in the screen table");
    for (const ScreenSpec& spec : table)
        if (lines_named(spec.id) > 1)
            problems.push_back("the screen table has \"" + std::string(spec.id.Name()) + "\" on two lines");
    return problems;
}

Screens::Screens() {
    if (const std::vector<std::string> problems = ScreenTableProblems(); !problems.empty())
        throw std::logic_error(problems.front());
    for (const ScreenSpec& spec : ScreenTable())
        m_states.push_back(spec.make());
}

size_t Screens::IndexOf(ScreenId id) const {
    return static_cast<size_t>(&SpecOf(id) - ScreenTable().data());
}

bool Screens::MayOpen(const Route& route, const content::FairContent& fair, Staff& staff) const {
    const ScreenSpec& spec = SpecOf(route.screen);
    if (spec.access == Access::Judge && staff.Judge() == nullptr) return false;
    if (spec.access == Access::Organiser && !staff.Organiser()) return false;
    return !spec.valid || spec.valid(fair, staff, route);
}

std::string Screens::Title(const Route& route, const ui::Context& ui,
                           const content::FairContent& fair) const {
    return SpecOf(route.screen).title(ui, fair, route);
}

float Screens::Draw(ScreenArgs& args) {
    const size_t index = IndexOf(args.route.screen);
    return ScreenTable()[index].draw(m_states[index].get(), args);
}

void Screens::Arrive(ScreenId id, const Arrival& arrival) {
    const size_t index = IndexOf(id);
    if (ScreenTable()[index].arrive) ScreenTable()[index].arrive(m_states[index].get(), arrival);
}

double Screens::NextChange(ScreenId id, double now) const {
    const size_t index = IndexOf(id);
    const ScreenSpec& spec = ScreenTable()[index];
    return spec.next_change ? spec.next_change(m_states[index].get(), now)
                            : std::numeric_limits<double>::infinity();
}

void Screens::Showing(ScreenId id) {
    if (id != m_showing && SpecOf(m_showing).keep == Keep::WhileShown) Forget(m_showing);
    m_showing = id;
}

void Screens::Forget(ScreenId id) {
    const size_t index = IndexOf(id);
    m_states[index] = ScreenTable()[index].make();
}

void Screens::ForgetAtLogout() {
    for (const ScreenSpec& spec : ScreenTable())
        if (spec.keep != Keep::Always) Forget(spec.id);
}

} // namespace kiosk
