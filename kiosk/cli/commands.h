// The kiosk's command-line subcommands for organisers. They use the same libraries as the
// screens and never open a window.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace kiosk::cli {

// The built-in demo fair: $KIOSK_DEMO_PACK, else the one assembled in the build tree.
std::string DemoPack();

// Runs `kiosk <args...>` when args[0] names a subcommand; returns false when it does not.
bool IsSubcommand(const std::vector<std::string>& args);
int RunSubcommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// kiosk check DIR: every problem in a content pack as "path:line: what is wrong".
// Exit 0 when clean, 1 when not, 2 on a wrong command line.
int Check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// kiosk bank import FILE.csv --into DIR | kiosk bank export DIR --out FILE.csv
int Bank(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// kiosk judges list|add|remove|set-pin|unlock|import [--db FILE] [--content DIR]: the judges in
// the kiosk's store. PINs are read from `in` unless --pin is given. Exit 0 done, 1 refused, 2 usage.
int Judges(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);
int Judges(const std::vector<std::string>& args, std::ostream& out, std::ostream& err); // PINs from std::cin

// kiosk organiser set-pin|unlock [--db FILE]: the organiser's PIN in the kiosk's store. The PIN is
// read from `in` unless --pin is given. Exit 0 done, 1 refused, 2 usage.
int Organiser(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);
int Organiser(const std::vector<std::string>& args, std::ostream& out,
              std::ostream& err); // PIN from std::cin

// kiosk backup --out FILE [--db FILE]: a checked copy of a live database (WAL included), written
// atomically. Exit 0 done, 1 failed (nothing at --out changed), 2 usage.
int Backup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// kiosk scores import FILE.csv [--db FILE] [--content DIR]: marks from paper score sheets.
// Exit 0 done, 1 refused (nothing written), 2 usage.
int Scores(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// kiosk results [show|finalise|reopen] ...: the fair's result per category (text, --json, --csv).
// Exit 0 done, 1 refused or failed, 2 usage.
int Results(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// kiosk report|certificates --out FILE.pdf ...: the winners' report or certificates as PDF.
int Report(const std::vector<std::string>& args, bool certificates, std::ostream& out, std::ostream& err);

// kiosk sync find [--seconds N] [--key-id ID]: the fair hubs announced on the LAN (DNS-SD).
// Exit 0 when some were found, 1 when none (or no avahi-daemon), 2 on a wrong command line.
int SyncFind(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// kiosk sync key|export|import|serve|push|status|conflicts|resolve [--db FILE]: the fair's key,
// USB files, the hub and one exchange with it (docs/sync.md). Exit 0 done, 1 refused, 2 usage,
// 3 the hub unreachable, 4 the database failed.
int Sync(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace kiosk::cli
