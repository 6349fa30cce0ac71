#include "kiosk/script.h"

#include <doctest/doctest.h>

using kiosk::ParseScript;
using Kind = kiosk::ScriptCommand::Kind;

TEST_CASE("every script command parses") {
    const auto script = ParseScript("# a demo\n"
                                    "tap 10 20\n"
                                    "drag 1 2 3 4\n"
                                    "drag 1 2 3 4 500\n"
                                    "  wait 250\r\n"
                                    "\n"
                                    "shot home\n"
                                    "goto innovation/visa-tracking\n"
                                    "text আবেদন করুন\n"
                                    "key escape\n"
                                    "quit\n");
    REQUIRE(script.errors.empty());
    REQUIRE(script.commands.size() == 9);
    CHECK(script.commands[0].kind == Kind::Tap);
    CHECK(script.commands[0].x1 == 10);
    CHECK(script.commands[0].y1 == 20);
    CHECK(script.commands[0].line == 2);
    CHECK(script.commands[1].ms == 300); // the default drag time
    CHECK(script.commands[2].ms == 500);
    CHECK(script.commands[2].y2 == 4);
    CHECK(script.commands[3].kind == Kind::Wait);
    CHECK(script.commands[3].ms == 250);
    CHECK(script.commands[4].text == "home");
    CHECK(script.commands[5].text == "innovation/visa-tracking");
    CHECK(script.commands[6].text == "আবেদন করুন");
    CHECK(script.commands[7].kind == Kind::Key);
    CHECK(script.commands[8].kind == Kind::Quit);
}

TEST_CASE("press names a target, spaces and Bengali included") {
    const auto script = ParseScript("press review/submit\npress staff/judge/মোছাঃ নাসরিন আক্তার\npress\n"
                                    "hold 2500 title\nhold title\n");
    REQUIRE(script.commands.size() == 3);
    CHECK(script.commands[2].kind == Kind::Hold);
    CHECK(script.commands[2].ms == 2500);
    CHECK(script.commands[2].text == "title");
    CHECK(script.commands[0].kind == Kind::Press);
    CHECK(script.commands[0].text == "review/submit");
    CHECK(script.commands[1].text == "staff/judge/মোছাঃ নাসরিন আক্তার");
    REQUIRE(script.errors.size() == 2);
    CHECK(script.errors[0].rfind("line 3:", 0) == 0);
    CHECK(script.errors[1].rfind("line 5:", 0) == 0);
}

TEST_CASE("a wrong line is reported with its number, and the others still parse") {
    const auto script = ParseScript("tap 10\nwait -5\nfly 1 2\nshot\nwait 10 20\nwait 100\n");
    CHECK(script.commands.size() == 1);
    REQUIRE(script.errors.size() == 5);
    CHECK(script.errors[0].rfind("line 1:", 0) == 0);
    CHECK(script.errors[2] == "line 3: unknown command \"fly\"");
}

TEST_CASE("a missing script file is an error, not a crash") {
    const auto script = kiosk::LoadScript("/nonexistent/script.txt");
    REQUIRE(script.errors.size() == 1);
    CHECK(script.errors[0].find("cannot open") != std::string::npos);
}
