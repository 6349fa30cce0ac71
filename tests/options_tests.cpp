#include "kiosk/options.h"

#include <doctest/doctest.h>

using kiosk::ParseOptions;

TEST_CASE("no options: fullscreen on the demo fair, 90 s idle, Bengali") {
    const auto parsed = ParseOptions({});
    CHECK(parsed.error.empty());
    CHECK(parsed.options.window_width == 0);
    CHECK(parsed.options.content_dir.empty());
    CHECK(parsed.options.idle_timeout_s == 90);
    CHECK(parsed.options.language == "bn");
}

TEST_CASE("options are read with their values") {
    const auto parsed = ParseOptions({"--windowed", "1280x800", "--content", "/fair", "--idle", "30",
                                      "--lang", "en", "--script", "s.txt", "--shots", "out", "--db", "k.db"});
    REQUIRE(parsed.error.empty());
    CHECK(parsed.options.window_width == 1280);
    CHECK(parsed.options.window_height == 800);
    CHECK(parsed.options.content_dir == "/fair");
    CHECK(parsed.options.idle_timeout_s == 30);
    CHECK(parsed.options.language == "en");
    CHECK(parsed.options.script == "s.txt");
    CHECK(parsed.options.shots_dir == "out");
    CHECK(parsed.options.database == "k.db");
}

TEST_CASE("scheduled backups: a folder, minutes between copies and how many are kept") {
    const auto none = ParseOptions({});
    CHECK(none.options.backup_dir.empty());
    const auto parsed =
        ParseOptions({"--backup-to", "/media/stick", "--backup-every", "5", "--backup-keep", "3"});
    REQUIRE(parsed.error.empty());
    CHECK(parsed.options.backup_dir == "/media/stick");
    CHECK(parsed.options.backup_every_min == 5);
    CHECK(parsed.options.backup_keep == 3);
    CHECK(ParseOptions({"--backup-every", "0"}).error.find("--backup-every") != std::string::npos);
    CHECK(ParseOptions({"--backup-keep", "none"}).error.find("--backup-keep") != std::string::npos);
}

TEST_CASE("wrong command lines say what is wrong") {
    CHECK(ParseOptions({"--windowed", "big"}).error.find("1280x800") != std::string::npos);
    CHECK(ParseOptions({"--idle", "0"}).error.find("--idle") != std::string::npos);
    CHECK(ParseOptions({"--idle", "ten"}).error.find("--idle") != std::string::npos);
    CHECK(ParseOptions({"--lang", "fr"}).error.find("bn or en") != std::string::npos);
    CHECK(ParseOptions({"--content"}).error.find("needs a value") != std::string::npos);
    CHECK(ParseOptions({"--frobnicate"}).error.find("unknown option") != std::string::npos);
}

TEST_CASE("--hub takes the hub's address, and without it the kiosk finds its hub itself") {
    CHECK(ParseOptions({}).options.hub.empty());
    const auto parsed = ParseOptions({"--hub", "192.168.1.20:8787"});
    REQUIRE(parsed.error.empty());
    CHECK(parsed.options.hub == "192.168.1.20:8787");
    CHECK(ParseOptions({"--hub", "organiser.local"}).options.hub == "organiser.local"); // the default port
    for (const char* wrong : {"192.168.1.20:", "hub:99999", "hub:80a", ":8787"})
        CHECK_MESSAGE(ParseOptions({"--hub", wrong}).error.find("--hub wants") != std::string::npos, wrong);
    CHECK(ParseOptions({"--hub"}).error.find("needs a value") != std::string::npos);
    CHECK(kiosk::HelpText().find("--hub HOST:PORT") != std::string::npos);
}

TEST_CASE("help and version") {
    CHECK(ParseOptions({"--help"}).options.show_help);
    CHECK(ParseOptions({"--version"}).options.show_version);
    CHECK(kiosk::HelpText().find("--script FILE") != std::string::npos);
    CHECK(kiosk::VersionText().rfind("kiosk ", 0) == 0);
}
