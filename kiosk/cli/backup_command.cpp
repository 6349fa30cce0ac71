// kiosk backup [--db FILE] --out FILE: a consistent copy of the kiosk's database while the kiosk
// runs (SQLite's online backup API: what is still in the WAL is copied too; copying kiosk.db with
// cp misses it), checked with PRAGMA integrity_check, written to a temporary file and renamed.
#include "kiosk/cli/commands.h"

#include "scoring/store.h"

#include <ostream>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kiosk backup --out FILE [--db FILE]\n"
    "  --db FILE   the database to copy (default: the kiosk's own); it may be in use\n"
    "  --out FILE  where the copy goes (replaced whole, only once the copy is checked)\n"
    "To restore: stop the kiosk, keep the damaged or old file aside, copy the backup to the\n"
    "database's place (or start the kiosk with --db BACKUP).\n";

} // namespace

int Backup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string db, copy;
    for (size_t i = 0; i < args.size(); ++i) {
        const bool valued = args[i] == "--db" || args[i] == "--out";
        if (args[i] == "-h" || args[i] == "--help") return out << kUsage, 0;
        if (!valued) return err << "kiosk backup: unexpected \"" << args[i] << "\"\n" << kUsage, 2;
        if (i + 1 >= args.size())
            return err << "kiosk backup: " << args[i] << " needs a value\n" << kUsage, 2;
        std::string& target = args[i] == "--db" ? db : copy;
        target = args[++i];
    }
    if (copy.empty()) return err << "kiosk backup: --out FILE is needed\n" << kUsage, 2;
    try {
        if (db.empty()) db = scoring::DefaultStorePath();
        scoring::CopyDatabase(db, copy);
        scoring::sql::Database check(copy, "", 2000, /*create=*/false);
        const auto events = check.Prepare("SELECT count(*) FROM events").OneText();
        out << "kiosk backup: " << db << " copied to " << copy << " (" << events.value_or("0")
            << " score events; integrity check ok)\n";
        return 0;
    } catch (const std::exception& e) {
        err << "kiosk backup: " << e.what() << "\n";
        return 1;
    }
}

} // namespace kiosk::cli
