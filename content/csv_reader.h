// One reader for the CSV files organisers bring (the innovation bank, the judges' list): libcsv,
// driven a line at a time so that every record knows the line it starts on, its parser freed
// however reading ends. The importers word the errors; this only says what and where.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

// One record with the line (1-based) it starts on. Line breaks inside quoted cells read as "\n",
// whichever of LF, CRLF or CR the file used.
struct CsvRecord {
    int line = 0;
    std::vector<std::string> cells;
};

// Why the text is not CSV, and where.
struct CsvError {
    enum class Kind {
        StrayQuote,    // a double quote inside an unquoted cell, or a lone one inside a quoted cell
        UnclosedQuote, // the text ends inside a quoted cell
        TooBig,        // a cell beyond what libcsv can hold
        OutOfMemory,
    };
    Kind kind = Kind::StrayQuote;
    int line = 0;      // where reading stopped; for UnclosedQuote, the line the open cell began on
    int cell_line = 0; // the line the cell being read began on: before `line` when a quote swallowed lines
};

struct CsvRead {
    std::vector<CsvRecord> records; // those read before an error too
    std::optional<CsvError> error;
};

// Reads `text` with cells separated by `delimiter`. A UTF-8 byte-order mark (Excel's "CSV UTF-8")
// is skipped; records end at LF, CRLF or a lone CR; empty lines make no record; a quote may only
// open or close a cell, and is doubled inside one.
CsvRead ReadCsv(std::string_view text, char delimiter = ',');

// The delimiter a spreadsheet most likely saved with, judged from the first ten lines outside
// quotes: commas; semicolons (Excel in much of Europe) when they outnumber commas; tabs (cells
// copied out of a sheet) when they outnumber both.
char SniffCsvDelimiter(std::string_view text);

} // namespace content
