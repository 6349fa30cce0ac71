// kiosk scores import FILE.csv | export --out FILE.csv [--db FILE] [--content DIR]
// Marks from signed paper score sheets into the store (scoring/paper_sheets.h does the work): a
// file with any refused row changes nothing, and every refusal names its line. And every score
// event out, as CSV for a spreadsheet (kiosk/report/csv_export.h: BOM, formulas neutralised).
#include "kiosk/cli/cli_common.h"
#include "kiosk/cli/commands.h"

#include "kiosk/report/csv_export.h"
#include "scoring/paper_sheets.h"

#include <map>
#include <ostream>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kiosk scores import FILE.csv [--db FILE] [--content DIR]\n"
    "       kiosk scores export --out FILE.csv [--db FILE]\n"
    "The CSV has the columns judge, entry, criterion, value: the judge by name as `kiosk judges list`\n"
    "shows it, the entry and criterion by their ids in the content pack, the marks as whole numbers.\n"
    "A first row starting with \"judge\" is a header. A card whose every criterion is given is\n"
    "submitted, as a signed sheet is. A file with any wrong row changes nothing.\n";

std::optional<scoring::PaperMark> MarkFromRow(const std::string& file, const content::CsvRecord& row,
                                              std::ostream& err) {
    std::vector<std::string> cells = row.cells;
    while (cells.size() > 4 && Trim(cells.back()).empty())
        cells.pop_back(); // a spreadsheet's padding
    if (cells.size() == 4)
        return scoring::PaperMark{row.line, Trim(cells[0]), Trim(cells[1]), Trim(cells[2]), Trim(cells[3])};
    err << file << ":" << row.line << ": error: expected 4 columns (judge, entry, criterion, value), found "
        << cells.size() << '\n';
    return std::nullopt;
}

int Import(Setting& setting, const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) return err << kUsage, 2;
    const std::string& file = args.positional[0];
    std::string failure;
    std::vector<content::CsvRecord> rows = ReadCsvFile(file, failure);
    if (!failure.empty()) return err << failure << '\n', 1;
    if (!rows.empty() && IsHeaderRow(rows.front(), {"judge", "বিচারক"})) rows.erase(rows.begin());

    std::vector<scoring::PaperMark> marks;
    bool shapes_ok = true;
    for (const content::CsvRecord& row : rows) {
        std::optional<scoring::PaperMark> mark = MarkFromRow(file, row, err);
        shapes_ok = shapes_ok && mark.has_value();
        if (mark) marks.push_back(std::move(*mark));
    }
    if (!shapes_ok) return err << file << ": nothing imported; fix the file and run again\n", 1;
    const scoring::PaperImport imported =
        scoring::ImportPaperMarks(setting.judging, setting.pack.content, marks);
    for (const scoring::PaperProblem& problem : imported.problems)
        err << file << ":" << problem.line << ": error: " << problem.why.what() << '\n';
    if (!imported.problems.empty())
        return err << file << ": nothing imported; fix the file and run again\n", 1;
    for (const auto& [judge, entry] : imported.submitted)
        out << "submitted the card of " << judge << " for " << entry << " (every criterion given)\n";
    out << file << ": " << imported.marks << (imported.marks == 1 ? " mark" : " marks")
        << " imported from paper, " << imported.submitted.size()
        << (imported.submitted.size() == 1 ? " card" : " cards") << " submitted\n";
    return 0;
}

// The audit trail, one row per event, with each judge's name beside the key.
int Export(Setting& setting, const Arguments& args, std::ostream& out, std::ostream& err) {
    if (!args.Has("--out") || !args.positional.empty()) return err << kUsage, 2;
    std::map<std::string, std::string> names;
    for (const scoring::Judge& judge : setting.judging.Registry().List())
        names[judge.key] = judge.name;
    const std::vector<scoring::Event> events = setting.judging.Log().Events();
    const report::WriteResult written = report::WriteEventsCsv(events, args.Option("--out"), names);
    if (!written.Ok()) return err << "kiosk scores: " << written.message << '\n', 1;
    out << "wrote " << events.size() << " events to " << args.Option("--out") << '\n';
    return 0;
}

} // namespace

int Scores(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h")
        return (args.empty() ? err : out) << kUsage, args.empty() ? 2 : 0;
    if (args[0] != "import" && args[0] != "export")
        return err << "kiosk scores: unknown command \"" << args[0] << "\"\n" << kUsage, 2;
    const std::optional<Arguments> parsed =
        ParseArguments(args, "kiosk scores", {"--db", "--content", "--out"}, {}, kUsage, err);
    if (!parsed) return 2;
    try {
        Setting setting(*parsed);
        if (!setting.pack.fair_ok)
            return err << "kiosk scores: the content pack in " << setting.pack.content.folder
                       << " cannot be used (run kiosk check on it)\n",
                   1;
        return args[0] == "export" ? Export(setting, *parsed, out, err) : Import(setting, *parsed, out, err);
    } catch (const std::exception& e) { // StoreFailure, a Refused batch: the organiser's to fix
        err << "kiosk scores: " << e.what() << '\n';
        return 1;
    }
}

} // namespace kiosk::cli
