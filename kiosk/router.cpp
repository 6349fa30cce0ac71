#include "kiosk/router.h"

#include "kiosk/screens/screen_table.h"

namespace kiosk {

// Routes are read and written through the screen table: a screen's name, then "/ID" when it takes one.
std::optional<Route> ParseRoute(const std::string& text) {
    for (const ScreenSpec& spec : ScreenTable()) {
        const std::string_view name = spec.id.Name();
        if (spec.route_id == RouteId::None) {
            if (text == name) return Route{spec.id, {}, 0};
        } else if (text.size() > name.size() + 1 && text.starts_with(name) && text[name.size()] == '/') {
            return Route{spec.id, text.substr(name.size() + 1), 0};
        }
    }
    return std::nullopt;
}

std::string ToString(const Route& route) {
    const ScreenSpec& spec = SpecOf(route.screen);
    const std::string name(spec.id.Name());
    return spec.route_id == RouteId::None ? name : name + "/" + route.id;
}

void Router::Push(Route route) {
    if (route == Current()) return;
    if (route.screen == ScreenId::Home) return Home();
    if (route.screen == ScreenId::Attract) return Attract();
    if (Current().screen == ScreenId::Attract) m_stack = {Route{ScreenId::Home, {}, 0}};
    // The judge's list is the judge's home, the organiser's screen the organiser's: nothing under
    // them but the staff's way in (so Home from the judge set-up does not stack a second one).
    if (route.screen == ScreenId::Judge || route.screen == ScreenId::Organiser) {
        while (m_stack.size() > 1 && m_stack.back().screen != ScreenId::Home)
            m_stack.pop_back();
    }
    // From a review to a scorecard (the next entry, or back to change marks): the review and the
    // scorecard it came from give way, so Back leads to the judge's list, not round in circles.
    if (route.screen == ScreenId::Scorecard && Current().screen == ScreenId::Review) {
        while (m_stack.size() > 1 &&
               (m_stack.back().screen == ScreenId::Review || m_stack.back().screen == ScreenId::Scorecard))
            m_stack.pop_back();
    }
    m_stack.push_back(std::move(route));
}

void Router::Back() {
    if (m_stack.size() > 1) m_stack.pop_back();
}

void Router::Replace(Route route) {
    if (m_stack.size() == 1) return Push(std::move(route));
    m_stack.pop_back();
    Push(std::move(route));
}

void Router::Home() {
    m_stack = {Route{ScreenId::Home, {}, 0}};
}

void Router::Attract() {
    m_stack = {Route{ScreenId::Attract, {}, 0}};
}

} // namespace kiosk
