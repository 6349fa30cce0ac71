// The kiosk's command line: options for the app, and the subcommands (--help, --version).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct Options {
    std::string content_dir; // empty: the built-in demo fair
    std::string database;    // empty: the user's data directory
    int window_width = 0;    // 0: fullscreen on the primary monitor
    int window_height = 0;
    double idle_timeout_s = 90;  // back to the attract screen after this long untouched
    double staff_idle_s = 60;    // a judge or organiser is logged out after this long untouched
    std::string language = "bn"; // "bn" or "en" at start
    std::string script;          // play this script and exit
    std::string shots_dir = "."; // where `shot` writes its PNGs
    std::string hub;             // the fair's hub, "HOST:PORT"; empty: found on the LAN once the key is set
    std::string backup_dir;      // scheduled backups go here; empty: none
    double backup_every_min = 10;
    int backup_keep = 24; // the newest copies kept in backup_dir
    bool show_help = false;
    bool show_version = false;
};

struct ParsedOptions {
    Options options;
    std::string error; // non-empty when the command line is wrong
};

ParsedOptions ParseOptions(const std::vector<std::string>& args);
std::string HelpText();
std::string VersionText();

} // namespace kiosk
