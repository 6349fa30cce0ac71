#include "kiosk/router.h"
#include "kiosk/screens/screen_table.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

using namespace kiosk;

TEST_CASE("routes parse and print") {
    for (const char* text :
         {"home", "attract", "office/fire", "category/digital", "innovation/visa-tracking", "organiser"}) {
        const auto route = ParseRoute(text);
        REQUIRE(route.has_value());
        CHECK(ToString(*route) == text);
    }
    CHECK_FALSE(ParseRoute("office/").has_value());
    CHECK_FALSE(ParseRoute("judge/x").has_value());
    CHECK_FALSE(ParseRoute("").has_value());
}

TEST_CASE("the organiser's judge set-up routes parse and print") {
    for (const char* text : {"judge-setup/new", "judge-setup/3"}) {
        const auto route = ParseRoute(text);
        REQUIRE(route.has_value());
        CHECK(route->screen == ScreenId::JudgeSetup);
        CHECK(ToString(*route) == text);
    }
    CHECK(ParseRoute("judge-setup/3")->id == "3");
    CHECK_FALSE(ParseRoute("judge-setup/").has_value());
    CHECK_FALSE(ParseRoute("judge-setup").has_value());

    // Home (the organiser's screen) from the set-up does not stack a second organiser's screen.
    Router router;
    router.Home();
    router.Push(*ParseRoute("organiser"));
    router.Push(*ParseRoute("judge-setup/new"));
    router.Push(*ParseRoute("organiser"));
    CHECK(router.Depth() == 2);
    CHECK(ToString(router.Current()) == "organiser");
    // Saving replaces the set-up with the organiser's screen under it.
    router.Push(*ParseRoute("judge-setup/3"));
    router.Replace(*ParseRoute("organiser"));
    CHECK(router.Depth() == 2);
    CHECK(ToString(router.Current()) == "organiser");
}

TEST_CASE("the kiosk starts on the attract screen, leaving it lands on home") {
    Router router;
    CHECK(router.Current().screen == ScreenId::Attract);
    router.Push(*ParseRoute("innovation/x"));
    CHECK(router.Current().screen == ScreenId::Innovation);
    router.Back();
    CHECK(router.Current().screen == ScreenId::Home);
    router.Back();
    CHECK(router.Current().screen == ScreenId::Home); // the bottom of the stack stays
}

TEST_CASE("back retraces the visitor's path, home and attract clear it") {
    Router router;
    router.Home();
    router.Push(*ParseRoute("category/digital"));
    router.Push(*ParseRoute("innovation/a"));
    router.Push(*ParseRoute("innovation/a")); // a double tap does not stack twice
    CHECK(router.Depth() == 3);
    router.Back();
    CHECK(ToString(router.Current()) == "category/digital");
    router.Push(*ParseRoute("innovation/b"));
    router.Home();
    CHECK(router.Depth() == 1);
    CHECK_FALSE(router.CanGoBack());
    router.Push(*ParseRoute("office/fire"));
    router.Attract();
    CHECK(router.Depth() == 1);
    CHECK(router.Current().screen == ScreenId::Attract);
}

TEST_CASE("each screen on the stack keeps its scroll position") {
    Router router;
    router.Home();
    router.Push(*ParseRoute("category/digital"));
    router.Current().scroll = 420;
    router.Push(*ParseRoute("innovation/a"));
    router.Back();
    CHECK(router.Current().scroll == 420);
}

TEST_CASE("every screen of the table has a route that parses back to it") {
    for (const ScreenSpec& spec : ScreenTable()) {
        const std::string name(spec.id.Name());
        CAPTURE(name);
        const Route route{spec.id, spec.route_id == RouteId::Required ? "x" : "", 0};
        const std::optional<Route> parsed = ParseRoute(ToString(route));
        REQUIRE(parsed.has_value());
        CHECK(*parsed == route);
        CHECK_FALSE(ParseRoute(name + (spec.route_id == RouteId::Required ? "" : "/x")).has_value());
    }
}

TEST_CASE("the table says who may open a screen and what its state outlives") {
    CHECK(SpecOf(ScreenId::Home).access == Access::Visitor);
    CHECK(SpecOf(ScreenId::Scorecard).access == Access::Judge);
    CHECK(SpecOf(ScreenId::JudgeSetup).access == Access::Organiser);
    CHECK(SpecOf(ScreenId::JudgeSetup).keep == Keep::WhileShown);
    CHECK(SpecOf(ScreenId::Review).keep == Keep::UntilLogout);
}

TEST_CASE("every screen the code names has a line in the table, and a name it lacks is refused") {
    CHECK(ScreenTableProblems().empty()); // a misspelt ScreenId::... constant fails here
    for (ScreenId id : kNamedScreens) {
        CAPTURE(std::string(id.Name()));
        CHECK(SpecOf(id).id == id);
        CHECK(ParseRoute(std::string(id.Name()) + (SpecOf(id).route_id == RouteId::Required ? "/x" : "")));
    }
    CHECK(ScreenId::Scorecard.Name() == "score"); // the route's word, not the constant's
    CHECK_THROWS_AS(SpecOf(ScreenId{"hoem"}), std::logic_error);
    CHECK_FALSE(ScreenId{"home"} == ScreenId{"hoem"});
    CHECK(ScreenId{"home"} == ScreenId::Home); // a screen nobody names is written by its name
}
