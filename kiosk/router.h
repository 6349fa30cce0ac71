// Where the visitor is: a route per screen and a back stack. The home/back control and the
// attract timeout move through here.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Names a screen for routes and the back stack's rules; what each screen is (its route text, title,
// who may open it, its Draw) is its line in the screen table. Staff, Judge, Scorecard and Review
// are the judges' screens (Staff: who are you, and the PIN pad); JudgeSetup is the organiser's.
enum class ScreenId {
    Attract,
    Home,
    Office,
    Category,
    Innovation,
    Organiser,
    Staff,
    Judge,
    Scorecard,
    Review,
    JudgeSetup
};

struct Route {
    ScreenId screen = ScreenId::Home;
    std::string id;   // the office, category or innovation shown
    float scroll = 0; // remembered, so Back returns to the same place in a list

    friend bool operator==(const Route& a, const Route& b) { return a.screen == b.screen && a.id == b.id; }
};

// "home", "attract", "office/ID", "category/ID", "innovation/ID", "organiser",
// "staff", "judge", "score/ID", "review/ID", "judge-setup/ID" (ID: "new" or a judge's number):
// each screen's route name is its line in the screen table (kiosk/screens/screen_table.cpp).
std::optional<Route> ParseRoute(const std::string& text);
std::string ToString(const Route& route);

class Router {
  public:
    Router() : m_stack{Route{ScreenId::Attract, {}, 0}} {}

    const Route& Current() const { return m_stack.back(); }
    Route& Current() { return m_stack.back(); }
    bool CanGoBack() const { return m_stack.size() > 1; }
    size_t Depth() const { return m_stack.size(); }

    void Push(Route route);    // a new screen on top (home under it when leaving attract); home and attract
                               // clear the stack
    void Back();               // to the previous screen; the bottom one stays
    void Replace(Route route); // this screen gives way to another (the PIN pad to the judge's home)
    void Home();               // the home screen with nothing under it
    void Attract();            // the attract screen with nothing under it

  private:
    std::vector<Route> m_stack;
};

} // namespace kiosk
