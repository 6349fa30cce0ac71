// kiosk judges list|add|remove|set-pin|unlock|import [--db FILE] [--content DIR]
// The organiser's set-up of the fair's judges. The work is scoring::Judges; this file reads the
// command line (and the import CSV, with content/csv_reader.h as the bank does) and tells the organiser.
#include "kiosk/cli/commands.h"

#include "kiosk/cli/cli_common.h"

#include "content/csv_reader.h"
#include "content/pack_loader.h"
#include "content/text_safety.h"
#include "scoring/judging.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kiosk judges list\n"
    "       kiosk judges add NAME --office ID --categories ID;ID... [--pin PIN]\n"
    "       kiosk judges remove JUDGE\n"
    "       kiosk judges set-pin JUDGE [--pin PIN]\n"
    "       kiosk judges unlock JUDGE\n"
    "       kiosk judges import FILE.csv\n"
    "options: --db FILE (default: the kiosk's own database), --content DIR (default: the demo fair)\n"
    "JUDGE is the number `kiosk judges list` shows. Without --pin, the PIN (4 to 8 digits) is read\n"
    "from the first line of standard input. The CSV has the columns name, office, categories\n"
    "(ids separated by ;) and PIN; a first row starting with \"name\" is a header.\n";

std::vector<std::string> SplitCategories(const std::string& text) {
    std::vector<std::string> ids;
    std::stringstream stream(text);
    for (std::string id; std::getline(stream, id, ';');)
        if (!Trim(id).empty()) ids.push_back(Trim(id));
    return ids;
}

std::string Join(const std::vector<std::string>& ids) {
    std::string joined;
    for (const std::string& id : ids)
        joined += (joined.empty() ? "" : ";") + id;
    return joined;
}

std::optional<scoring::JudgeId> JudgeArgument(const Arguments& args, std::ostream& err) {
    if (args.positional.size() != 1) return err << kUsage, std::nullopt;
    char* end = nullptr;
    const long long id = std::strtoll(args.positional[0].c_str(), &end, 10);
    if (*end != '\0' || id <= 0)
        return err << "kiosk judges: \"" << args.positional[0]
                   << "\" is not a judge number (see kiosk judges list)\n",
               std::nullopt;
    return id;
}

// The PIN from --pin, else the first line of standard input (so it stays out of the shell history).
std::string PinFrom(const Arguments& args, std::istream& in) {
    if (auto pin = args.options.find("--pin"); pin != args.options.end()) return pin->second;
    std::string line;
    std::getline(in, line);
    return Trim(line);
}

std::string State(const scoring::Judge& judge, int64_t now) {
    if (judge.locked_until_ms > now)
        return "locked for " + std::to_string((judge.locked_until_ms - now + 999) / 1000) + " s";
    if (judge.failed_pins > 0) return std::to_string(judge.failed_pins) + " wrong PIN(s)";
    return "ok";
}

int List(Setting& setting, std::ostream& out) {
    const std::vector<scoring::Judge> judges = setting.judging.Registry().List();
    out << "judge\tname\toffice\tcategories\tstate\n";
    for (const scoring::Judge& judge : judges)
        out << judge.id << '\t' << judge.name << '\t' << judge.office << '\t' << Join(judge.categories)
            << '\t' << State(judge, scoring::SystemClockMs()) << '\n';
    out << judges.size() << (judges.size() == 1 ? " judge\n" : " judges\n");
    return 0;
}

int Add(Setting& setting, const Arguments& args, std::istream& in, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || !args.options.count("--office") || !args.options.count("--categories"))
        return err << kUsage, 2;
    scoring::NewJudge judge{Trim(args.positional[0]), args.options.at("--office"),
                            SplitCategories(args.options.at("--categories")), ""};
    const std::vector<std::string> problems = setting.judging.CheckAgainstPack(judge);
    for (const std::string& problem : problems)
        err << "kiosk judges: " << problem << '\n';
    if (!problems.empty()) return 1;
    judge.pin = PinFrom(args, in);
    const scoring::JudgeId id = setting.judging.Registry().Add(judge);
    out << "added judge " << id << ": " << judge.name << '\n';
    return 0;
}

// [SECTION] import: the CSV

using CsvRow = content::CsvRecord;

// A row as a judge, or its problems as "file:line: error: ..." lines.
std::optional<scoring::NewJudge> JudgeFromRow(Setting& setting, const std::string& file, const CsvRow& row,
                                              std::vector<std::string>& problems) {
    const std::string at = file + ":" + std::to_string(row.line) + ": error: ";
    std::vector<std::string> cells = row.cells;
    while (cells.size() > 4 && Trim(cells.back()).empty())
        cells.pop_back(); // Excel's padding
    if (cells.size() != 4) {
        problems.push_back(at + "expected 4 columns (name, office, categories, PIN), found " +
                           std::to_string(cells.size()));
        return std::nullopt;
    }
    scoring::NewJudge judge{Trim(cells[0]), Trim(cells[1]), SplitCategories(cells[2]), Trim(cells[3])};
    const size_t before = problems.size();
    if (judge.name.empty()) problems.push_back(at + "the name is empty");
    if (std::optional<std::string> why = content::UnsafeNameReason(judge.name))
        problems.push_back(at + "the name " + *why);
    else if (content::LooksLikeBijoy(judge.name))
        problems.push_back(at + "the name \"" + judge.name + "\": " + content::kBijoyAdvice);
    if (judge.categories.empty()) problems.push_back(at + "no categories: write category ids separated by ;");
    for (const std::string& problem : setting.judging.CheckAgainstPack(judge))
        problems.push_back(at + problem);
    if (!scoring::IsValidPin(judge.pin))
        problems.push_back(
            at + "the PIN must be 4 to 8 digits" +
            (judge.pin.size() < scoring::kShortestPin && !judge.pin.empty()
                 ? std::string(" (did a spreadsheet drop a leading 0? format the column as text)")
                 : std::string()));
    if (problems.size() > before) return std::nullopt;
    return judge;
}

int Import(Setting& setting, const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) return err << kUsage, 2;
    const std::string& file = args.positional[0];
    std::string failure;
    std::vector<CsvRow> rows = ReadCsvFile(file, failure);
    if (!failure.empty()) return err << failure << '\n', 1;
    if (!rows.empty() && IsHeaderRow(rows.front(), {"name", "নাম"})) rows.erase(rows.begin());

    // Every row is checked before any is written: a file with errors changes nothing.
    std::vector<std::string> problems;
    std::vector<scoring::NewJudge> judges;
    std::map<std::string, int> first_line; // name -> line
    for (const CsvRow& row : rows) {
        std::optional<scoring::NewJudge> judge = JudgeFromRow(setting, file, row, problems);
        if (!judge) continue;
        if (auto [it, added] = first_line.emplace(judge->name, row.line); !added)
            problems.push_back(file + ":" + std::to_string(row.line) + ": error: \"" + judge->name +
                               "\" is already on line " + std::to_string(it->second));
        judges.push_back(std::move(*judge));
    }
    for (const std::string& problem : problems)
        err << problem << '\n';
    if (!problems.empty()) return err << file << ": nothing imported; fix the file and run again\n", 1;

    // One transaction: a kill or a failure halfway leaves the judges as they were.
    const std::vector<scoring::Judges::Imported> done = setting.judging.Registry().AddOrUpdateAll(judges);
    int added = 0, updated = 0;
    for (size_t i = 0; i < done.size(); ++i) {
        out << (done[i].added ? "added    judge " : "updated  judge ") << done[i].id << ": " << judges[i].name
            << '\n';
        ++(done[i].added ? added : updated);
    }
    out << file << ": " << judges.size() << " judges read: " << added << " added, " << updated
        << " updated\n";
    return 0;
}

int Run(Setting& setting, const Arguments& args, std::istream& in, std::ostream& out, std::ostream& err) {
    if (args.command == "list") return List(setting, out);
    if (args.command == "add") return Add(setting, args, in, out, err);
    if (args.command == "import") return Import(setting, args, out, err);
    const std::optional<scoring::JudgeId> id = JudgeArgument(args, err);
    if (!id) return 2;
    scoring::Judges& registry = setting.judging.Registry();
    const std::optional<scoring::Judge> judge = registry.Find(*id);
    if (!judge) return err << "kiosk judges: there is no judge " << *id << " (see kiosk judges list)\n", 1;
    if (args.command == "remove")
        registry.Remove(*id), out << "removed judge " << *id << ": " << judge->name << '\n';
    else if (args.command == "unlock")
        registry.Unlock(*id), out << "unlocked judge " << *id << ": " << judge->name << '\n';
    else
        registry.SetPin(*id, PinFrom(args, in)),
            out << "new PIN for judge " << *id << ": " << judge->name << '\n';
    return 0;
}

} // namespace

int Judges(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    static const std::set<std::string> kCommands{"list", "add", "remove", "set-pin", "unlock", "import"};
    if (args.empty() || args[0] == "--help" || args[0] == "-h")
        return (args.empty() ? err : out) << kUsage, args.empty() ? 2 : 0;
    if (!kCommands.count(args[0]))
        return err << "kiosk judges: unknown command \"" << args[0] << "\"\n" << kUsage, 2;
    const std::optional<Arguments> parsed = ParseArguments(
        args, "kiosk judges", {"--db", "--content", "--office", "--categories", "--pin"}, {}, kUsage, err);
    if (!parsed) return 2;
    try {
        Setting setting(*parsed);
        if (!setting.pack.fair_ok)
            return err << "kiosk judges: the content pack in " << setting.pack.content.folder
                       << " cannot be used (run kiosk check on it)\n",
                   1;
        return Run(setting, *parsed, in, out, err);
    } catch (const std::exception& e) { // Refused, StoreError: the organiser's to fix
        err << "kiosk judges: " << e.what() << '\n';
        return 1;
    }
}

int Judges(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return Judges(args, std::cin, out, err);
}

} // namespace kiosk::cli
