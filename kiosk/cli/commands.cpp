#include "kiosk/cli/commands.h"

#include <cstdlib>
#include <ostream>

#ifndef KIOSK_DEMO_PACK
#define KIOSK_DEMO_PACK ""
#endif

namespace kiosk::cli {

std::string DemoPack() {
    if (const char* dir = std::getenv("KIOSK_DEMO_PACK"); dir && *dir) return dir;
    return KIOSK_DEMO_PACK;
}

bool IsSubcommand(const std::vector<std::string>& args) {
    return !args.empty() && (args[0] == "check" || args[0] == "bank" || args[0] == "judges" ||
                             args[0] == "organiser" || args[0] == "scores" || args[0] == "results" ||
                             args[0] == "report" || args[0] == "certificates" || args[0] == "sync" ||
                             args[0] == "backup");
}

int RunSubcommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "check") return Check(rest, out, err);
    if (args[0] == "bank") return Bank(rest, out, err);
    if (args[0] == "judges") return Judges(rest, out, err);
    if (args[0] == "organiser") return Organiser(rest, out, err);
    if (args[0] == "scores") return Scores(rest, out, err);
    if (args[0] == "results") return Results(rest, out, err);
    if (args[0] == "backup") return Backup(rest, out, err);
    if (args[0] == "report" || args[0] == "certificates")
        return Report(rest, args[0] == "certificates", out, err);
    if (args[0] == "sync" && !rest.empty() && rest[0] == "find")
        return SyncFind({rest.begin() + 1, rest.end()}, out, err);
    if (args[0] == "sync") return Sync(rest, out, err);
    err << "kiosk: unknown command \"" << args[0] << "\"\n";
    return 2;
}

} // namespace kiosk::cli
