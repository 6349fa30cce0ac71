#include "kiosk/options.h"

#include "scoring/sync_net.h"

#include <charconv>
#include <cstdio>

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif

namespace kiosk {

static bool ParseSize(const std::string& text, int& width, int& height) {
    char tail = 0;
    return std::sscanf(text.c_str(), "%dx%d%c", &width, &height, &tail) == 2 && width >= 320 &&
           height >= 240 && width <= 16384 && height <= 16384;
}

ParsedOptions ParseOptions(const std::vector<std::string>& args) {
    ParsedOptions parsed;
    Options& o = parsed.options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) {
                parsed.error = arg + " needs a value";
                return false;
            }
            out = args[++i];
            return true;
        };
        std::string text;
        if (arg == "-h" || arg == "--help")
            o.show_help = true;
        else if (arg == "--version")
            o.show_version = true;
        else if (arg == "--content")
            value(o.content_dir);
        else if (arg == "--db")
            value(o.database);
        else if (arg == "--script")
            value(o.script);
        else if (arg == "--shots")
            value(o.shots_dir);
        else if (arg == "--windowed") {
            if (value(text) && !ParseSize(text, o.window_width, o.window_height))
                parsed.error = "--windowed wants a size like 1280x800, not \"" + text + "\"";
        } else if (arg == "--idle") {
            if (value(text)) {
                auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), o.idle_timeout_s);
                if (ec != std::errc() || end != text.data() + text.size() || o.idle_timeout_s < 1)
                    parsed.error = "--idle wants seconds (at least 1), not \"" + text + "\"";
            }
        } else if (arg == "--staff-idle") {
            if (value(text)) {
                auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), o.staff_idle_s);
                if (ec != std::errc() || end != text.data() + text.size() || o.staff_idle_s < 1)
                    parsed.error = "--staff-idle wants seconds (at least 1), not \"" + text + "\"";
            }
        } else if (arg == "--hub") {
            if (value(o.hub) && !scoring::SyncClient::FromAddress(o.hub))
                parsed.error = "--hub wants the hub's address as HOST:PORT, e.g. 192.168.1.20:8787, not \"" +
                               o.hub + "\"";
        } else if (arg == "--backup-to") {
            value(o.backup_dir);
        } else if (arg == "--backup-every") {
            if (value(text)) {
                auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), o.backup_every_min);
                if (ec != std::errc() || end != text.data() + text.size() || o.backup_every_min < 1)
                    parsed.error = "--backup-every wants minutes (at least 1), not \"" + text + "\"";
            }
        } else if (arg == "--backup-keep") {
            if (value(text)) {
                auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), o.backup_keep);
                if (ec != std::errc() || end != text.data() + text.size() || o.backup_keep < 1)
                    parsed.error =
                        "--backup-keep wants a number of copies (at least 1), not \"" + text + "\"";
            }
        } else if (arg == "--lang") {
            if (value(o.language) && o.language != "bn" && o.language != "en")
                parsed.error = "--lang is bn or en, not \"" + o.language + "\"";
        } else
            parsed.error = "unknown option \"" + arg + "\" (see kiosk --help)";
        if (!parsed.error.empty()) break;
    }
    return parsed;
}

std::string HelpText() {
    return R"(kiosk: the innovation showcase kiosk for government innovation fairs

Usage: kiosk [options]
       kiosk check DIR                          check a content pack; every problem as path:line
       kiosk bank import FILE.csv --into DIR    add the innovation bank's table to a pack
       kiosk bank export DIR --out FILE.csv     write a pack as the innovation bank's table
       kiosk judges list|add|import|...         set up the judges (see kiosk judges --help)
       kiosk organiser set-pin|unlock           the organiser's PIN for the kiosk
       kiosk scores import FILE.csv             marks from signed paper score sheets
       kiosk scores export --out FILE.csv       every score event, for a spreadsheet
       kiosk results [finalise|reopen] [--json]  the standings per category (see kiosk results --help)
       kiosk backup --out FILE [--db FILE]      a checked copy of the database, even while in use
       kiosk report --out FILE.pdf              the winners' report for the Cabinet Division
       kiosk certificates --out FILE.pdf        a certificate for each placed entry
       kiosk sync key|serve|push|export|import|status|conflicts|resolve|find
                                                the fair's sync (see docs/sync.md)

  --content DIR      open the content pack in DIR (default: the built-in demo fair)
  --db FILE          the kiosk's database (default: ~/.local/share/showcase-kiosk/kiosk.db)
  --backup-to DIR    copy the database into DIR in the background (a second disk or stick)
  --backup-every MIN every MIN minutes (default 10), the first at start
  --backup-keep N    keep the newest N copies in DIR (default 24)
  --windowed WxH     a window of that size instead of fullscreen, e.g. 1280x800
  --idle SECONDS     return to the attract screen after this long untouched (default 90)
  --staff-idle SECS  log a judge or the organiser out after this long untouched (default 60)
  --lang bn|en       the language at start (default bn)
  --hub HOST:PORT    sync with the fair's hub at this address, every few seconds and after each
                     save (default: once the fair's key is set, find the hub on the LAN by DNS-SD)
  --script FILE      play a script of input and screenshots, then exit
  --shots DIR        where the script's screenshots go (default: the current folder)
  --version          print the version
  -h, --help         print this help

Script commands, one per line (# starts a comment; coordinates are window pixels):
  tap X Y                  touch and release
  press NAME               tap the middle of the named target on screen (home, back, lang,
                           innovation/ID, pin/1, score/CRITERION/8, review/submit, ...)
  hold MS NAME             rest a finger on the named target for MS milliseconds
  drag X1 Y1 X2 Y2 [MS]    touch, move over MS milliseconds (default 300), release
  wait MS                  let time pass
  shot NAME                save the frame as DIR/NAME.png, and its named targets
                           (name, x, y, width, height) as DIR/NAME.targets
  goto ROUTE               attract, home, office/ID, category/ID, innovation/ID, staff;
                           logged in: judge, score/ID, review/ID (a judge), organiser,
                           judge-setup/new, judge-setup/N (the organiser)
  text UTF8                type text
  key NAME                 press a key: enter, escape, backspace, tab, left, right, up, down
  quit                     stop
The script run also writes DIR/script-report.tsv: each command, the frames drawn
while it ran and the route after it.
)";
}

std::string VersionText() {
    return std::string("kiosk ") + KIOSK_VERSION + "\n";
}

} // namespace kiosk
