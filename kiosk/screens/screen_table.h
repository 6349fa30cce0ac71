// The kiosk's screens in one table (screen_table.cpp, one line each): a screen's route, title, who
// may open it, what becomes of its state, and how it draws. Adding a screen is its own file and one
// line there (docs/adding-a-screen.md). The app and the router know screens only through this table.
#pragma once

#include "kiosk/screens/screen.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk {

// Who may open a screen.
enum class Access {
    Visitor,  // anyone at the kiosk
    Judge,    // a judge logged in
    Organiser // the organiser logged in
};

// What becomes of a screen's state (drafts, a PIN being typed, a tab chosen).
enum class Keep {
    Always,      // kept for as long as the kiosk runs
    UntilLogout, // forgotten when the staff member leaves, so the next person finds nothing of it
    WhileShown   // forgotten as soon as another screen shows (and at logout)
};

// Whether the route's text carries an id after a slash ("office/fire") or not ("home").
enum class RouteId { None, Required };

using TitleFn = std::function<std::string(const ui::Context&, const content::FairContent&, const Route&)>;
// Whether the route's thing is there to show (the office, the entry, the judge); empty: always.
using ValidFn = std::function<bool(const content::FairContent&, Staff&, const Route&)>;

struct ScreenSpec {
    ScreenId id; // its name is the route's first word: "office" for "office/ID"
    RouteId route_id;
    Access access;
    Keep keep;
    TitleFn title;
    ValidFn valid;
    // Made by Define<State> from the screen's state struct:
    std::function<std::shared_ptr<void>()> make;
    std::function<float(void*, ScreenArgs&)> draw;
    std::function<void(void*, const Arrival&)> arrive;      // State::Arrive, when it has one
    std::function<double(const void*, double)> next_change; // State::NextChange, when it has one
};

// One line of the table: the screen's state struct, its name (ScreenId{"results"}, or the named
// constant when other code names it), whether its route takes an id, who may open it, its title, what
// must exist for it, and its Draw (a lambda fitting ScreenArgs to the screen's own Draw).
// A State with `void Arrive(const Arrival&)` hears of each arrival (and the notice it brings); one
// with `double NextChange(double now) const` wakes the kiosk when it changes by itself.
template <class State, class DrawFn>
ScreenSpec Define(ScreenId id, RouteId route_id, Access access, Keep keep, TitleFn title, ValidFn valid,
                  DrawFn draw) {
    ScreenSpec spec{id, route_id, access, keep, std::move(title), std::move(valid), {}, {}, {}, {}};
    spec.make = [] { return std::shared_ptr<void>(std::make_shared<State>()); };
    spec.draw = [draw](void* state, ScreenArgs& args) -> float {
        return draw(*static_cast<State*>(state), args);
    };
    if constexpr (requires(State & s, const Arrival& a) { s.Arrive(a); })
        spec.arrive = [](void* state, const Arrival& a) { static_cast<State*>(state)->Arrive(a); };
    if constexpr (requires(const State& s) { s.NextChange(0.0); })
        spec.next_change = [](const void* state, double now) {
            return static_cast<const State*>(state)->NextChange(now);
        };
    return spec;
}

// Every screen, in one list.
const std::vector<ScreenSpec>& ScreenTable();
// The table's line for a screen; std::logic_error for a name the table has no line for.
const ScreenSpec& SpecOf(ScreenId id);
// What is wrong with the table: a named screen (kNamedScreens) with no line, a name on two lines.
// Empty when all is well; the kiosk refuses to start otherwise (Screens' constructor throws).
std::vector<std::string> ScreenTableProblems();

// The screens' states for one kiosk, made from the table, and what the app asks of them.
class Screens {
  public:
    Screens();

    // Whether `route` can be shown now: its staff logged in, its thing there.
    bool MayOpen(const Route& route, const content::FairContent& fair, Staff& staff) const;
    std::string Title(const Route& route, const ui::Context& ui, const content::FairContent& fair) const;
    // Draws the screen of args.route; returns its content's height.
    float Draw(ScreenArgs& args);
    void Arrive(ScreenId id, const Arrival& arrival);
    // When the screen changes by itself (a countdown, a slide); +inf when it does not.
    double NextChange(ScreenId id, double now) const;
    // The screen now showing: a WhileShown screen left behind forgets its state.
    void Showing(ScreenId id);
    void Forget(ScreenId id);
    void ForgetAtLogout(); // UntilLogout and WhileShown screens

  private:
    size_t IndexOf(ScreenId id) const;

    std::vector<std::shared_ptr<void>> m_states; // one per line of the table, in its order
    ScreenId m_showing = ScreenId::Attract;
};

} // namespace kiosk
