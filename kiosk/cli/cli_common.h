// What the organisers' subcommands share: reading the command line, opening the store and the
// pack together, and reading a CSV file with errors worded as "file:line: error: ...".
#pragma once

#include "content/csv_reader.h"
#include "content/pack_loader.h"
#include "scoring/judging.h"

#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::cli {

struct Arguments {
    std::string command;                        // the first word: "list", "import"...
    std::vector<std::string> positional;        // the words that are not options
    std::map<std::string, std::string> options; // "--db" -> value; a flag (no value) -> ""

    std::string Option(const std::string& name, const std::string& otherwise = "") const;
    bool Has(const std::string& name) const { return options.count(name) > 0; }
};

// `valued` options take the next word; `flags` take none. Anything else starting with '-' is
// refused with the usage on `err` ("kiosk judges: unknown option ...").
std::optional<Arguments> ParseArguments(const std::vector<std::string>& args, const std::string& program,
                                        const std::set<std::string>& valued,
                                        const std::set<std::string>& flags, const char* usage,
                                        std::ostream& err);

// The store (--db, else the kiosk's own), the pack (--content, else the demo fair) and both joined.
struct Setting {
    scoring::Store store;
    content::LoadedPack pack;
    scoring::Judging judging;
    explicit Setting(const Arguments& args);
};

std::string Trim(std::string text);

// The file's CSV records, each with the line it starts on; tabs separate the cells when the text
// has tabs and no commas (cells copied out of a sheet). On an error, `failure` says
// "file:line: error: ..." and nothing is returned.
std::vector<content::CsvRecord> ReadCsvFile(const std::string& file, std::string& failure);

// A first row whose first cell is one of `names` (any case) is a header.
bool IsHeaderRow(const content::CsvRecord& row, const std::set<std::string>& names);

} // namespace kiosk::cli
