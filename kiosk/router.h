// Where the visitor is: a route per screen and a back stack. The home/back control and the
// attract timeout move through here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// A screen, named by its route's first word ("home"; "office" for "office/ID"): the name of its line
// in the screen table (kiosk/screens/screen_table.cpp), where all else about it is. Made only from
// a string literal, so a ScreenId never dangles; the table refuses a name it has no line for.
class ScreenId {
  public:
    consteval explicit ScreenId(const char* name) : m_name(name) {}
    constexpr std::string_view Name() const { return m_name; }
    friend constexpr bool operator==(ScreenId, ScreenId) = default;

    // The screens other code names: the back stack's rules below, the app's (attract, home, the
    // staff's door and homes), and screens that lead to one another. A screen nobody names needs
    // none. Each must be in kNamedScreens, which start-up and router_tests check against the table.
    static const ScreenId Attract, Home, Office, Category, Innovation, Organiser, Staff, Judge, Scorecard,
        Review, JudgeSetup;

  private:
    std::string_view m_name;
};

constexpr ScreenId ScreenId::Attract{"attract"}, ScreenId::Home{"home"}, ScreenId::Office{"office"},
    ScreenId::Category{"category"}, ScreenId::Innovation{"innovation"}, ScreenId::Organiser{"organiser"},
    ScreenId::Staff{"staff"}, ScreenId::Judge{"judge"}, ScreenId::Scorecard{"score"},
    ScreenId::Review{"review"}, ScreenId::JudgeSetup{"judge-setup"};
inline constexpr ScreenId kNamedScreens[] = {ScreenId::Attract,  ScreenId::Home,       ScreenId::Office,
                                             ScreenId::Category, ScreenId::Innovation, ScreenId::Organiser,
                                             ScreenId::Staff,    ScreenId::Judge,      ScreenId::Scorecard,
                                             ScreenId::Review,   ScreenId::JudgeSetup};

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
