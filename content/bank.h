// The Cabinet Division's innovation bank table (ইনোভেশন ব্যাংক) as CSV: the seven columns a ministry
// keeps for every innovation and simplified or digitised service it has implemented. Reading accepts
// what Excel and hand-made files look like; writing gives what Excel opens with the Bengali intact.
// See docs/innovation-bank.md. Nothing here knows about content packs (bank_pack.h joins the two).
#pragma once

#include "content/model.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

// The template's columns, in its order.
enum class BankColumn { Name, Description, Running, ReasonNotRunning, ExpectedResult, ServiceLink, Comments };
inline constexpr int kBankColumnCount = 7;

// The header written for a column: the template's Bengali wording (see the .cpp for its source).
const char* BankHeader(BankColumn column);
// The English name accepted on import and used in messages, e.g. "short description".
const char* BankEnglishHeader(BankColumn column);

// One row of the table, every cell as written (a line break inside a cell is "\n").
struct BankRow {
    int line = 0;     // the line of the file the row starts on, for messages
    int position = 0; // 1 for the first data row, 2 for the next...: the row's place in the table
    std::string name; // name of the implemented idea (বাস্তবায়িত ধারণার নাম)
    std::string description;
    std::string running; // is the service running, as written: হ্যাঁ, না, চালু, বন্ধ...
    std::string reason_not_running;
    std::string expected_result; // do recipients get the expected result, as written
    std::string service_link;
    std::string comments;

    std::string& Cell(BankColumn column);
    const std::string& Cell(BankColumn column) const;
};

// A problem in a bank file, told as "file:line: what" (warnings say "warning:" after the line).
struct BankProblem {
    std::string file;
    int line = 0; // 0 when it concerns the whole file
    std::string message;
    bool error = true; // false: a warning; the row or column concerned is still used, or harmlessly left out

    std::string ToString() const;
};

// A table read from a file: its good rows, and everything noticed on the way.
struct BankTable {
    std::string file;                                // as given to ParseBankCsv, for messages
    std::vector<BankRow> rows;                       // rows with errors are left out (and listed in problems)
    std::array<bool, kBankColumnCount> has_column{}; // which of the seven the header has
    std::vector<BankProblem> problems;
    bool table_error = false; // nothing is usable: no header, a required column missing, broken CSV...

    bool Has(BankColumn column) const { return has_column[static_cast<size_t>(column)]; }
    bool HasErrors() const;
};

// Reads a bank table from the bytes of a CSV file; `file` names it in messages. UTF-8 with or
// without a byte-order mark; comma, semicolon or tab separated; any line endings. Never throws on
// bad input: every failure is a problem in the result.
BankTable ParseBankCsv(std::string_view bytes, const std::string& file);
BankTable ReadBankCsv(const std::string& path); // a file that cannot be read is a problem too

// The table as Excel's "CSV UTF-8" writes it: a byte-order mark, the Bengali headers, CRLF after
// every row, and quotes only around cells that need them.
std::string FormatBankCsv(const std::vector<BankRow>& rows);

// "is the service running" answers: হ্যাঁ/চালু/yes mean Running, না/বন্ধ/no mean Stopped; nothing for
// an empty or unknown answer.
std::optional<ServiceStatus> ParseRunningAnswer(std::string_view answer);
// Whether a status counts as running for the bank: a pilot is in use, a planned service is not.
bool IsRunningForBank(ServiceStatus status);
// The answer written for a status when the bank's own wording is not known: হ্যাঁ or না.
const char* DefaultRunningAnswer(ServiceStatus status);

// A key for comparing names and headers the way a person reads them: surrounding and repeated spaces,
// zero-width joiners, Bengali characters that can be typed two ways (য় ড় ঢ় ো ৌ ৎ), Bengali and ASCII
// digits, and ASCII letter case make no difference.
std::string MatchKey(std::string_view text);

} // namespace content
