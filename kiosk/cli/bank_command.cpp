// kiosk bank import FILE.csv --into DIR [--office ID] [--category ID]
// kiosk bank export DIR --out FILE.csv
// The innovation bank table in and out of a content pack (docs/innovation-bank.md). The work is
// content::ImportBank / ExportBank; this file reads the command line and tells the organiser.
#include "kiosk/cli/commands.h"

#include "content/bank_pack.h"
#include "content/pack_writer.h"

#include <algorithm>
#include <optional>
#include <ostream>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kiosk bank import FILE.csv --into DIR [--office ID] [--category ID]\n"
    "       kiosk bank export DIR --out FILE.csv\n"
    "Reads or writes the Cabinet Division's seven-column innovation bank table (CSV, UTF-8).\n"
    "See docs/innovation-bank.md.\n";

// The command line: one positional argument and named options, each given once.
struct Arguments {
    std::string positional;
    std::string into, out, office, category;
};

std::optional<Arguments> ParseArguments(const std::vector<std::string>& args, bool importing,
                                        std::ostream& err) {
    Arguments parsed;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        std::string* option = nullptr;
        if (importing && arg == "--into")
            option = &parsed.into;
        else if (importing && arg == "--office")
            option = &parsed.office;
        else if (importing && arg == "--category")
            option = &parsed.category;
        else if (!importing && arg == "--out")
            option = &parsed.out;
        if (option) {
            if (i + 1 >= args.size() || args[i + 1].empty()) {
                err << "kiosk bank: " << arg << " needs a value\n" << kUsage;
                return std::nullopt;
            }
            *option = args[++i];
        } else if (arg.size() > 1 && arg[0] == '-') {
            err << "kiosk bank: unknown option \"" << arg << "\"\n" << kUsage;
            return std::nullopt;
        } else if (parsed.positional.empty()) {
            parsed.positional = arg;
        } else {
            err << "kiosk bank: one file or folder only, \"" << arg << "\" is one too many\n" << kUsage;
            return std::nullopt;
        }
    }
    const bool complete =
        !parsed.positional.empty() && (importing ? !parsed.into.empty() : !parsed.out.empty());
    if (!complete) {
        err << kUsage;
        return std::nullopt;
    }
    return parsed;
}

void Tell(const std::vector<content::BankProblem>& problems, std::ostream& err) {
    for (const content::BankProblem& problem : problems)
        err << problem.ToString() << "\n";
}

int Import(const Arguments& args, std::ostream& out, std::ostream& err) {
    const content::BankTable table = content::ReadBankCsv(args.positional);
    const content::BankImportReport report =
        content::ImportBank(table, args.into, {args.office, args.category});
    Tell(report.problems, err);
    for (const std::string& file : report.created)
        out << "new      " << file << "\n";
    for (const std::string& file : report.updated)
        out << "updated  " << file << "\n";
    if (!report.written.empty() && report.written.front() == "fair.json") out << "wrote    fair.json\n";
    out << args.positional << ": " << table.rows.size() << " rows read: " << report.created.size() << " new, "
        << report.updated.size() << " updated, " << report.unchanged << " unchanged\n";
    return report.HasErrors() ? 1 : 0;
}

int Export(const Arguments& args, std::ostream& out, std::ostream& err) {
    std::vector<content::BankProblem> problems;
    const std::vector<content::BankRow> rows = content::ExportBank(args.positional, problems);
    Tell(problems, err);
    const bool failed =
        std::any_of(problems.begin(), problems.end(), [](const content::BankProblem& p) { return p.error; });
    if (failed) return 1;
    try {
        content::WriteFileAtomically(args.out, content::FormatBankCsv(rows));
    } catch (const content::PackWriteError& e) {
        err << e.what() << "\n";
        return 1;
    }
    out << args.out << ": " << rows.size() << " rows written\n";
    return 0;
}

} // namespace

int Bank(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        (args.empty() ? err : out) << kUsage;
        return args.empty() ? 2 : 0;
    }
    if (args[0] != "import" && args[0] != "export") {
        err << "kiosk bank: unknown command \"" << args[0] << "\"\n" << kUsage;
        return 2;
    }
    const bool importing = args[0] == "import";
    const std::optional<Arguments> parsed = ParseArguments(args, importing, err);
    if (!parsed) return 2;
    return importing ? Import(*parsed, out, err) : Export(*parsed, out, err);
}

} // namespace kiosk::cli
