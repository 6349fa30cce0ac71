#include "kiosk/router.h"

namespace kiosk {

std::optional<Route> ParseRoute(const std::string& text) {
    if (text == "home") return Route{ScreenId::Home, {}, 0};
    if (text == "attract") return Route{ScreenId::Attract, {}, 0};
    if (text == "organiser") return Route{ScreenId::Organiser, {}, 0};
    if (text == "staff") return Route{ScreenId::Staff, {}, 0};
    if (text == "judge") return Route{ScreenId::Judge, {}, 0};
    const size_t slash = text.find('/');
    if (slash == std::string::npos || slash + 1 == text.size()) return std::nullopt;
    const std::string kind = text.substr(0, slash), id = text.substr(slash + 1);
    if (kind == "office") return Route{ScreenId::Office, id, 0};
    if (kind == "category") return Route{ScreenId::Category, id, 0};
    if (kind == "innovation") return Route{ScreenId::Innovation, id, 0};
    if (kind == "score") return Route{ScreenId::Scorecard, id, 0};
    if (kind == "review") return Route{ScreenId::Review, id, 0};
    if (kind == "judge-setup") return Route{ScreenId::JudgeSetup, id, 0};
    return std::nullopt;
}

std::string ToString(const Route& route) {
    switch (route.screen) {
    case ScreenId::Attract:
        return "attract";
    case ScreenId::Home:
        return "home";
    case ScreenId::Office:
        return "office/" + route.id;
    case ScreenId::Category:
        return "category/" + route.id;
    case ScreenId::Innovation:
        return "innovation/" + route.id;
    case ScreenId::Organiser:
        return "organiser";
    case ScreenId::Staff:
        return "staff";
    case ScreenId::Judge:
        return "judge";
    case ScreenId::Scorecard:
        return "score/" + route.id;
    case ScreenId::Review:
        return "review/" + route.id;
    case ScreenId::JudgeSetup:
        return "judge-setup/" + route.id;
    }
    return "?";
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
