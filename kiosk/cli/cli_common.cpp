#include "kiosk/cli/cli_common.h"

#include "kiosk/cli/commands.h"

#include "content/text_safety.h"

#include <algorithm>
#include <fstream>
#include <ostream>

namespace kiosk::cli {

std::string Arguments::Option(const std::string& name, const std::string& otherwise) const {
    const auto found = options.find(name);
    return found == options.end() ? otherwise : found->second;
}

std::optional<Arguments> ParseArguments(const std::vector<std::string>& args, const std::string& program,
                                        const std::set<std::string>& valued,
                                        const std::set<std::string>& flags, const char* usage,
                                        std::ostream& err) {
    Arguments parsed;
    parsed.command = args.empty() ? "" : args[0];
    for (size_t i = 1; i < args.size(); ++i) {
        if (valued.count(args[i])) {
            if (i + 1 >= args.size())
                return err << program << ": " << args[i] << " needs a value\n" << usage, std::nullopt;
            parsed.options[args[i]] = args[i + 1];
            ++i;
        } else if (flags.count(args[i])) {
            parsed.options[args[i]] = "";
        } else if (args[i].size() > 1 && args[i][0] == '-') {
            return err << program << ": unknown option \"" << args[i] << "\"\n" << usage, std::nullopt;
        } else {
            parsed.positional.push_back(args[i]);
        }
    }
    return parsed;
}

Setting::Setting(const Arguments& args)
    : store(args.Option("--db", scoring::DefaultStorePath())),
      pack(content::LoadPack(args.Option("--content", DemoPack()))), judging(store, pack.content) {}

std::string Trim(std::string text) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<content::CsvRecord> ReadCsvFile(const std::string& file, std::string& failure) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) return failure = file + ": error: cannot open the file", std::vector<content::CsvRecord>{};
    const std::string text((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    if (content::StartsAsUtf16(text) || text.find('\0') != std::string::npos)
        return failure = file + ": error: the file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8: save the "
                                "sheet as \"CSV UTF-8 (Comma delimited)\"",
               std::vector<content::CsvRecord>{};
    const bool tabs = text.find('\t') != std::string::npos && text.find(',') == std::string::npos;
    content::CsvRead read = content::ReadCsv(text, tabs ? '\t' : ',');
    if (!read.error) return std::move(read.records);
    const std::string at = file + ":" + std::to_string(read.error->line) + ": error: ";
    switch (read.error->kind) {
    case content::CsvError::Kind::UnclosedQuote:
        failure = at + "a quoted cell is never closed";
        break;
    case content::CsvError::Kind::TooBig:
    case content::CsvError::Kind::OutOfMemory:
        failure = at + "a cell is too big to read";
        break;
    case content::CsvError::Kind::StrayQuote:
        failure = at + "not valid CSV (a quote inside a quoted cell is written twice)";
        break;
    }
    return {};
}

bool IsHeaderRow(const content::CsvRecord& row, const std::set<std::string>& names) {
    if (row.cells.empty()) return false;
    std::string first = Trim(row.cells[0]);
    std::transform(first.begin(), first.end(), first.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return names.count(first) > 0;
}

} // namespace kiosk::cli
