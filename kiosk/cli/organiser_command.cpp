// kiosk organiser set-pin [--pin PIN] | unlock   [--db FILE]
// The organiser's PIN, which the kiosk asks before the organiser's screens. The work is
// scoring::OrganiserPin; this file reads the command line and tells the organiser.
#include "kiosk/cli/commands.h"

#include "scoring/organiser.h"

#include <iostream>
#include <map>
#include <optional>
#include <set>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kiosk organiser set-pin [--pin PIN]\n"
    "       kiosk organiser unlock\n"
    "options: --db FILE (default: the kiosk's own database)\n"
    "Without --pin, the PIN (4 to 8 digits) is read from the first line of standard input.\n"
    "unlock ends a lock-out after too many wrong PINs; set-pin ends it too.\n";

// The options each command takes; it takes no other arguments.
const std::map<std::string, std::set<std::string>> kCommands{{"set-pin", {"--db", "--pin"}},
                                                             {"unlock", {"--db"}}};

std::optional<std::map<std::string, std::string>> Parse(const std::vector<std::string>& args,
                                                        std::ostream& err) {
    const std::set<std::string>& allowed = kCommands.at(args[0]);
    std::map<std::string, std::string> options;   // "--pin" -> value
    for (size_t i = 1; i < args.size(); i += 2) { // "--option value" pairs
        if (!allowed.count(args[i]))
            return err << "kiosk organiser " << args[0] << ": unexpected \"" << args[i] << "\"\n"
                       << kUsage,
                   std::nullopt;
        if (i + 1 >= args.size())
            return err << "kiosk organiser: " << args[i] << " needs a value\n" << kUsage, std::nullopt;
        options[args[i]] = args[i + 1];
    }
    return options;
}

std::string Trim(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The PIN from --pin, else the first line of standard input (so it stays out of the shell history).
std::string PinFrom(const std::map<std::string, std::string>& options, std::istream& in) {
    if (auto pin = options.find("--pin"); pin != options.end()) return pin->second;
    std::string line;
    std::getline(in, line);
    return Trim(line);
}

} // namespace

int Organiser(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h")
        return (args.empty() ? err : out) << kUsage, args.empty() ? 2 : 0;
    if (!kCommands.count(args[0]))
        return err << "kiosk organiser: unknown command \"" << args[0] << "\"\n" << kUsage, 2;
    const std::optional<std::map<std::string, std::string>> options = Parse(args, err);
    if (!options) return 2;
    const auto db = options->find("--db");
    try {
        scoring::Store store(db == options->end() ? scoring::DefaultStorePath() : db->second);
        scoring::OrganiserPin pin(store);
        if (args[0] == "unlock") {
            if (!pin.IsSet())
                return err << "kiosk organiser: there is no organiser PIN yet: set one with kiosk organiser "
                              "set-pin\n",
                       1;
            pin.Unlock();
            out << "the organiser's PIN is unlocked\n";
            return 0;
        }
        const bool had_one = pin.IsSet();
        pin.Set(PinFrom(*options, in));
        out << (had_one ? "the organiser's PIN is changed\n" : "the organiser's PIN is set\n");
        return 0;
    } catch (const std::exception& e) { // Refused, StoreError: the organiser's to fix
        err << "kiosk organiser: " << e.what() << '\n';
        return 1;
    }
}

int Organiser(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return Organiser(args, std::cin, out, err);
}

} // namespace kiosk::cli
