// [SECTION] Columns and their headers
// [SECTION] Text: UTF-8 and match keys
// [SECTION] Running answers
// [SECTION] CSV records (content/csv_reader.h)
// [SECTION] The table: header, rows, checks
// [SECTION] Writing
#include "content/bank.h"
#include "content/csv_reader.h"
#include "content/pack_rules.h"
#include "content/text_safety.h"
#include "content/utf8.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>

namespace content {

// ---------------------------------------------------------------------------------------------
// [SECTION] Columns and their headers
// ---------------------------------------------------------------------------------------------

namespace {

// The Bengali headers are the template's own words, as the minutes of the Ministry of Public
// Administration's innovation committee list them (shared/seeds/000_*.txt, item ০৩): "ছকটিতে বাস্তবায়িত
// ধারণার নাম, সংক্ষিপ্ত বিবরণ, সেবাটি কার্যকর আছে কিনা, না থাকলে তার কারণ, সেবা গ্রহীতাগণ প্রত্যাশিত
// ফলাফল পাচ্ছে কিনা, সেবার লিঙ্ক ও মন্তব্য সহ সাতটি কলাম রয়েছে।"
struct ColumnNames {
    BankColumn column;
    const char* header;
    const char* english;
    std::vector<const char*> aliases; // other wordings met in ministries' sheets, Bengali and English
};

const std::vector<ColumnNames>& Columns() {
    static const std::vector<ColumnNames> columns = {
        {BankColumn::Name,
         "বাস্তবায়িত ধারণার নাম",
         "name of the implemented idea",
         {"বাস্তবায়িত উদ্ভাবনী ধারণার নাম", "উদ্ভাবনী ধারণার নাম", "ধারণার নাম", "উদ্ভাবনের নাম", "সেবার নাম",
          "নাম", "implemented idea", "name of implemented idea", "idea", "name", "title", "innovation"}},
        {BankColumn::Description,
         "সংক্ষিপ্ত বিবরণ",
         "short description",
         {"বিবরণ", "description", "summary", "brief description"}},
        {BankColumn::Running,
         "সেবাটি কার্যকর আছে কিনা",
         "is the service running",
         {"কার্যকর আছে কিনা", "সেবাটি চালু আছে কিনা", "চালু আছে কিনা", "সেবাটি সচল আছে কিনা", "সচল আছে কিনা",
          "is the service running", "service running", "running", "is it running", "status"}},
        {BankColumn::ReasonNotRunning,
         "না থাকলে তার কারণ",
         "if not, why",
         {"না থাকলে কারণ", "কার্যকর না থাকলে তার কারণ", "চালু না থাকলে তার কারণ", "কারণ", "if not why",
          "reason", "reason if not running", "why not running"}},
        {BankColumn::ExpectedResult,
         "সেবা গ্রহীতাগণ প্রত্যাশিত ফলাফল পাচ্ছে কিনা",
         "do recipients get the expected result",
         {"সেবাগ্রহীতাগণ প্রত্যাশিত ফলাফল পাচ্ছে কিনা", "সেবা গ্রহীতারা প্রত্যাশিত ফলাফল পাচ্ছে কিনা",
          "প্রত্যাশিত ফলাফল পাচ্ছে কিনা", "প্রত্যাশিত ফলাফল", "do recipients get the expected result",
          "recipients get the expected result", "expected result"}},
        {BankColumn::ServiceLink,
         "সেবার লিঙ্ক",
         "service link",
         {"সেবার লিংক", "লিঙ্ক", "লিংক", "link", "url", "website"}},
        {BankColumn::Comments, "মন্তব্য", "comments", {"comment", "remarks", "remark", "notes"}},
    };
    return columns;
}

// A serial-number column (ক্রমিক নং) heads almost every government table; it is not one of the
// seven, but warning about it every time would only teach organisers to ignore warnings.
const char* const kSerialHeaders[] = {"ক্রম", "ক্রমিক", "ক্রমিক নং", "ক্রমিক নম্বর", "ক্র নং", "নং",
                                      "sl",  "sl no", "serial",   "serial no",  "no",    "#"};

const ColumnNames& NamesOf(BankColumn column) {
    return Columns()[static_cast<size_t>(column)];
}

} // namespace

const char* BankHeader(BankColumn column) {
    return NamesOf(column).header;
}
const char* BankEnglishHeader(BankColumn column) {
    return NamesOf(column).english;
}

std::string& BankRow::Cell(BankColumn column) {
    return const_cast<std::string&>(static_cast<const BankRow&>(*this).Cell(column));
}

const std::string& BankRow::Cell(BankColumn column) const {
    switch (column) {
    case BankColumn::Name:
        return name;
    case BankColumn::Description:
        return description;
    case BankColumn::Running:
        return running;
    case BankColumn::ReasonNotRunning:
        return reason_not_running;
    case BankColumn::ExpectedResult:
        return expected_result;
    case BankColumn::ServiceLink:
        return service_link;
    case BankColumn::Comments:
        break;
    }
    return comments;
}

std::string BankProblem::ToString() const {
    std::string text = file;
    // Appended piece by piece: `":" + std::to_string(line)` makes GCC 12 at -O2 and up report a false
    // -Wrestrict in the inlined insert at the front of a temporary string (GCC bug 105329); so below.
    if (!file.empty() && line > 0) {
        text += ':';
        text += std::to_string(line);
    }
    if (!text.empty()) text += ": ";
    return text + (error ? "" : "warning: ") + message;
}

bool BankTable::HasErrors() const {
    return table_error ||
           std::any_of(problems.begin(), problems.end(), [](const BankProblem& p) { return p.error; });
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Text: UTF-8 and match keys
// ---------------------------------------------------------------------------------------------

namespace {

bool IsSpace(char32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
           c == 0x3000;
}

// Invisible characters that change nothing a reader sees: zero-width space and joiners, BOM, soft hyphen.
bool IsInvisible(char32_t c) {
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0xAD;
}

// Bengali letters with two encodings (Unicode's canonical decompositions, and khanda ta written as
// ta + virama): one spelling each, so a title typed on another keyboard still matches.
void AppendFolded(std::string& out, char32_t c) {
    switch (c) {
    case 0x09DC:
        AppendUtf8(out, 0x09A1);
        AppendUtf8(out, 0x09BC);
        return; // ড়
    case 0x09DD:
        AppendUtf8(out, 0x09A2);
        AppendUtf8(out, 0x09BC);
        return; // ঢ়
    case 0x09DF:
        AppendUtf8(out, 0x09AF);
        AppendUtf8(out, 0x09BC);
        return; // য়
    case 0x09CB:
        AppendUtf8(out, 0x09C7);
        AppendUtf8(out, 0x09BE);
        return; // ো
    case 0x09CC:
        AppendUtf8(out, 0x09C7);
        AppendUtf8(out, 0x09D7);
        return; // ৌ
    case 0x09CE:
        AppendUtf8(out, 0x09A4);
        AppendUtf8(out, 0x09CD);
        return; // ৎ
    default:
        break;
    }
    if (c >= 0x09E6 && c <= 0x09EF) c = '0' + (c - 0x09E6); // Bengali digits
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    AppendUtf8(out, c);
}

} // namespace

std::string MatchKey(std::string_view text) {
    std::string key;
    bool pending_space = false;
    char32_t c = 0;
    for (size_t pos = 0; pos < text.size();) {
        const size_t length = DecodeUtf8(text, pos, c);
        if (length == 0) { // not UTF-8: compare the byte as it is
            key += text[pos++];
            continue;
        }
        pos += length;
        if (IsInvisible(c)) continue;
        if (IsSpace(c)) {
            pending_space = !key.empty();
            continue;
        }
        if (pending_space) key += ' ';
        pending_space = false;
        AppendFolded(key, c);
    }
    return key;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Running answers
// ---------------------------------------------------------------------------------------------

namespace {

const char* const kRunningAnswers[] = {
    "হ্যাঁ",          "হ্যা", "হাঁ",      "হা",        "চালু", "চালু আছে", "চালু রয়েছে", "কার্যকর", "কার্যকর আছে",
    "কার্যকর রয়েছে", "সচল", "সচল আছে", "সচল রয়েছে", "yes", "y",       "running",   "active", "on"};
const char* const kStoppedAnswers[] = {
    "না",      "বন্ধ", "বন্ধ আছে", "বন্ধ রয়েছে", "চালু নেই", "চালু নাই",     "কার্যকর নেই", "কার্যকর নাই",
    "অকার্যকর", "অচল", "no",      "n",         "stopped", "not running", "inactive",   "off"};

template <size_t N> bool IsOneOf(const std::string& key, const char* const (&answers)[N]) {
    return std::any_of(std::begin(answers), std::end(answers),
                       [&](const char* a) { return key == MatchKey(a); });
}

std::optional<ServiceStatus> ParseWholeAnswer(std::string key) {
    while (!key.empty() && (key.back() == '.' || key.back() == '!'))
        key.pop_back();
    const std::string danda = "।";
    if (key.size() >= danda.size() && key.compare(key.size() - danda.size(), danda.size(), danda) == 0)
        key.resize(key.size() - danda.size());
    key = MatchKey(key);
    if (IsOneOf(key, kRunningAnswers)) return ServiceStatus::Running;
    if (IsOneOf(key, kStoppedAnswers)) return ServiceStatus::Stopped;
    return std::nullopt;
}

} // namespace

std::optional<ServiceStatus> ParseRunningAnswer(std::string_view answer) {
    const std::string key = MatchKey(answer);
    if (std::optional<ServiceStatus> whole = ParseWholeAnswer(key)) return whole;
    // "হ্যাঁ, তবে আংশিক" or "না (বাজেট নেই)": the answer comes first, an explanation after it.
    const size_t cut = key.find_first_of(",(;");
    if (cut != std::string::npos && cut > 0) return ParseWholeAnswer(key.substr(0, cut));
    return std::nullopt;
}

bool IsRunningForBank(ServiceStatus status) {
    return status == ServiceStatus::Running || status == ServiceStatus::Pilot;
}

const char* DefaultRunningAnswer(ServiceStatus status) {
    return IsRunningForBank(status) ? "হ্যাঁ" : "না";
}

// ---------------------------------------------------------------------------------------------
// [SECTION] CSV records (content/csv_reader.h)
// ---------------------------------------------------------------------------------------------

namespace {

using Record = CsvRecord;

bool IsBlank(std::string_view cell) {
    return cell.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string FailureMessage(const CsvError& error) {
    switch (error.kind) {
    case CsvError::Kind::OutOfMemory:
        return "not enough memory for a cell this big";
    case CsvError::Kind::TooBig:
        return "a cell is too big to read";
    case CsvError::Kind::UnclosedQuote:
        return "a cell opened with a double quote is never closed: the closing quote is missing";
    case CsvError::Kind::StrayQuote:
        break;
    }
    std::string message = "not valid CSV: a double quote may only open or close a cell, and a quote inside a "
                          "quoted cell is written twice (\"\")";
    if (error.cell_line < error.line)
        message += " (the cell began on line " + std::to_string(error.cell_line) +
                   ": is its closing quote missing?)";
    return message;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] The table: header, rows, checks
// ---------------------------------------------------------------------------------------------

namespace {

constexpr int kSerialColumn = -1;  // a serial number: ignored without a word
constexpr int kUnknownColumn = -2; // not one of the seven: ignored with a warning
constexpr int kUnnamedColumn = -3; // an empty header cell: Excel's padding, ignored

// A header compared the way people vary it: explanations in brackets ("(হ্যাঁ/না)"), punctuation,
// case and spacing make no difference.
std::string HeaderKey(std::string_view header) {
    std::string plain;
    int depth = 0;
    for (char c : header) {
        if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && depth > 0)
            --depth;
        else if (depth == 0)
            plain += (std::string_view("?:*.,/_'\"").find(c) != std::string_view::npos) ? ' ' : c;
    }
    for (const std::string danda : {"।", "‘", "’", "“", "”"}) // Bengali and typographic punctuation
        for (size_t at = plain.find(danda); at != std::string::npos; at = plain.find(danda, at + 1)) {
            plain[at] = ' '; // not replace(): GCC bug 105329, see BankProblem::ToString
            plain.erase(at + 1, danda.size() - 1);
        }
    return MatchKey(plain);
}

int ColumnOfHeader(std::string_view header) {
    const std::string key = HeaderKey(header);
    if (key.empty()) return kUnnamedColumn;
    for (const ColumnNames& names : Columns()) {
        if (key == HeaderKey(names.header) || key == HeaderKey(names.english))
            return static_cast<int>(names.column);
        for (const char* alias : names.aliases)
            if (key == HeaderKey(alias)) return static_cast<int>(names.column);
    }
    for (const char* serial : kSerialHeaders)
        if (key == HeaderKey(serial)) return kSerialColumn;
    return kUnknownColumn;
}

bool IsEmptyRecord(const Record& record) {
    return std::all_of(record.cells.begin(), record.cells.end(),
                       [](const std::string& c) { return IsBlank(c); });
}

int RecognisedColumns(const Record& record) {
    int count = 0;
    for (const std::string& cell : record.cells)
        if (ColumnOfHeader(cell) >= 0) ++count;
    return count;
}

// Government tables number their columns in a row under the header: "১, ২, ৩...". Not data.
bool IsColumnNumberRow(const Record& record) {
    int numbers = 0;
    for (const std::string& cell : record.cells) {
        const std::string key = MatchKey(cell);
        if (key.empty()) continue;
        if (key.find_first_not_of("0123456789.") != std::string::npos) return false;
        ++numbers;
    }
    return numbers >= 2;
}

std::string Quoted(std::string_view text) {
    std::string quoted = "\""; // appended: GCC bug 105329, see BankProblem::ToString
    quoted += text;
    quoted += '"';
    return quoted;
}

std::string ColumnTitle(BankColumn column) {
    return Quoted(BankHeader(column)) + " (" + BankEnglishHeader(column) + ")";
}

// Reads the header: which column of the file is which of the seven.
struct Header {
    int line = 0;
    std::vector<int> columns; // per cell: a BankColumn as int, or one of the k*Column values
    size_t width = 0;         // cells up to the last named one; a row must have at least these
};

class TableBuilder {
  public:
    TableBuilder(std::string file, BankTable& table) : file_(std::move(file)), table_(table) {}

    void Build(const std::vector<Record>& records);

  private:
    void Problem(int line, std::string message, bool error = true) {
        table_.problems.push_back({file_, line, std::move(message), error});
    }
    void TableError(int line, std::string message) {
        Problem(line, std::move(message));
        table_.table_error = true;
    }
    size_t FindHeader(const std::vector<Record>& records);
    bool ReadHeader(const Record& record);
    void ReadRow(const Record& record, int& position);
    bool RowCellsFit(const Record& record);

    std::string file_;
    BankTable& table_;
    Header header_;
};

size_t TableBuilder::FindHeader(const std::vector<Record>& records) {
    // A sheet may carry a title or the ministry's name in rows above the header.
    constexpr size_t kLookAhead = 10;
    size_t first = records.size(), best = records.size();
    int best_count = 0;
    for (size_t i = 0, seen = 0; i < records.size() && seen < kLookAhead; ++i) {
        if (IsEmptyRecord(records[i])) continue;
        ++seen;
        if (first == records.size()) first = i;
        const int count = RecognisedColumns(records[i]);
        if (count > best_count) best = i, best_count = count;
        if (count >= 2) break;
    }
    return best_count > 0 ? best : first;
}

bool TableBuilder::ReadHeader(const Record& record) {
    header_.line = record.line;
    for (const std::string& cell : record.cells)
        if (InvalidUtf8Offset(cell)) {
            TableError(record.line, "the header is not valid UTF-8: in Excel, save the sheet as \"CSV UTF-8 "
                                    "(Comma delimited)\"");
            return false;
        }
    std::array<size_t, kBankColumnCount> seen_at{};
    for (size_t i = 0; i < record.cells.size(); ++i) {
        const int column = ColumnOfHeader(record.cells[i]);
        header_.columns.push_back(column);
        if (column != kUnnamedColumn) header_.width = i + 1;
        if (column == kUnknownColumn)
            Problem(record.line,
                    "column " + std::to_string(i + 1) + " " + Quoted(record.cells[i]) +
                        " is not one of the bank's seven columns; it is ignored",
                    false);
        if (column < 0) continue;
        const auto index = static_cast<size_t>(column);
        if (seen_at[index] != 0) {
            TableError(record.line, "columns " + std::to_string(seen_at[index]) + " and " +
                                        std::to_string(i + 1) + " are both " +
                                        ColumnTitle(static_cast<BankColumn>(column)));
            continue;
        }
        seen_at[index] = i + 1;
        table_.has_column[index] = true;
    }
    for (BankColumn required : {BankColumn::Name, BankColumn::Description})
        if (!table_.Has(required))
            TableError(record.line, "the header has no " + ColumnTitle(required) + " column");
    for (int c = 0; c < kBankColumnCount; ++c)
        if (!table_.has_column[static_cast<size_t>(c)] && c != static_cast<int>(BankColumn::Name) &&
            c != static_cast<int>(BankColumn::Description))
            Problem(record.line,
                    "the header has no " + ColumnTitle(static_cast<BankColumn>(c)) +
                        " column: import leaves that field as it is",
                    false);
    return !table_.table_error;
}

bool TableBuilder::RowCellsFit(const Record& record) {
    const size_t cells = record.cells.size();
    const size_t header_cells = header_.columns.size();
    bool extra_filled = false;
    for (size_t i = header_cells; i < cells; ++i)
        extra_filled = extra_filled || !IsBlank(record.cells[i]);
    if (cells >= header_.width && !extra_filled) return true; // trailing empty cells are Excel's padding
    Problem(record.line,
            "the row has " + std::to_string(cells) + " cells but the header has " +
                std::to_string(extra_filled ? header_cells : header_.width) +
                (extra_filled ? ": a comma inside a cell needs the cell in double quotes"
                              : ": a cell is missing, or a line break inside a cell is not in quotes"));
    return false;
}

// The columns written in words, where Bengali is expected (a link is not).
bool IsBengaliColumn(BankColumn column) {
    return column != BankColumn::ServiceLink;
}

void TableBuilder::ReadRow(const Record& record, int& position) {
    // Rows with nothing in the seven columns (a pre-numbered serial, say) are not rows of the bank.
    bool has_content = false;
    for (size_t i = 0; i < record.cells.size() && i < header_.columns.size(); ++i)
        has_content = has_content || (header_.columns[i] >= 0 && !IsBlank(record.cells[i]));
    if (!has_content && record.cells.size() <= header_.columns.size()) return;
    ++position;
    if (!RowCellsFit(record)) return;
    BankRow row;
    row.line = record.line;
    row.position = position;
    for (size_t i = 0; i < record.cells.size() && i < header_.columns.size(); ++i) {
        const int column = header_.columns[i];
        const std::string& cell = record.cells[i];
        if (column == kUnnamedColumn && !IsBlank(cell))
            Problem(record.line, "column " + std::to_string(i + 1) + " has no header; its cell is ignored",
                    false);
        if (column < 0) continue;
        const auto bank_column = static_cast<BankColumn>(column);
        if (const std::optional<size_t> bad = InvalidUtf8Offset(cell)) {
            static const char* const kHex = "0123456789ABCDEF";
            const auto byte = static_cast<unsigned char>(cell[*bad]);
            Problem(record.line,
                    "the " + std::string(BankEnglishHeader(bank_column)) + " is not valid UTF-8 (byte 0x" +
                        kHex[byte >> 4] + kHex[byte & 15] + " after " + Quoted(cell.substr(0, *bad)) + "): " +
                        (LooksLikeBijoy(cell) ? std::string(kBijoyAdvice)
                                              : "save the sheet as \"CSV UTF-8 (Comma delimited)\""));
            return;
        }
        if (IsBengaliColumn(bank_column) && LooksLikeBijoy(cell)) {
            Problem(record.line, "the " + std::string(BankEnglishHeader(bank_column)) + " " + Quoted(cell) +
                                     ": " + kBijoyAdvice);
            return;
        }
        // A cell the export neutralised against spreadsheet formulas ('=...) reads back as it was.
        row.Cell(bank_column) = IsNeutralisedCell(cell) ? cell.substr(1) : cell;
    }
    if (MatchKey(row.name).empty()) {
        Problem(record.line, "the " + ColumnTitle(BankColumn::Name) + " is empty");
        return;
    }
    table_.rows.push_back(std::move(row));
}

void TableBuilder::Build(const std::vector<Record>& records) {
    const size_t header_at = FindHeader(records);
    if (header_at == records.size()) {
        TableError(0, "the file has no rows: expected a header with " + ColumnTitle(BankColumn::Name) + ", " +
                          ColumnTitle(BankColumn::Description) + " and the other columns of the bank");
        return;
    }
    const Record& header = records[header_at];
    if (RecognisedColumns(header) == 0) {
        std::string message = "no header row: expected columns such as " + ColumnTitle(BankColumn::Name) +
                              " and " + ColumnTitle(BankColumn::Description);
        if (std::any_of(header.cells.begin(), header.cells.end(),
                        [](const std::string& c) { return c.find("??") != std::string::npos; }))
            message += "; the question marks suggest Excel's plain \"CSV\" format, which loses Bengali "
                       "letters: save "
                       "as \"CSV UTF-8 (Comma delimited)\"";
        TableError(header.line, message);
        return;
    }
    for (size_t i = 0; i < header_at; ++i)
        if (!IsEmptyRecord(records[i])) {
            Problem(records[i].line,
                    "the rows above the header (line " + std::to_string(header.line) + ") are ignored",
                    false);
            break;
        }
    if (!ReadHeader(header)) return;
    int position = 0;
    for (size_t i = header_at + 1; i < records.size(); ++i) {
        if (IsEmptyRecord(records[i])) continue;
        if (position == 0 && IsColumnNumberRow(records[i])) continue;
        ReadRow(records[i], position);
    }
}

// Files that are not CSV text at all, told apart by their first bytes.
std::optional<std::string> NotCsvText(std::string_view bytes) {
    const auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
    if (starts("\xFF\xFE") || starts("\xFE\xFF"))
        return "the file is UTF-16 (Excel's \"Unicode Text\"): save the sheet as \"CSV UTF-8 (Comma "
               "delimited)\"";
    if (starts("PK\x03\x04"))
        return "this is an Excel workbook (.xlsx), not CSV: in Excel choose Save As, \"CSV UTF-8 (Comma "
               "delimited)\"";
    if (starts("\xD0\xCF\x11\xE0"))
        return "this is an old Excel workbook (.xls), not CSV: in Excel choose Save As, \"CSV UTF-8 (Comma "
               "delimited)\"";
    if (bytes.find('\0') != std::string_view::npos)
        return "the file holds NUL bytes: it is not CSV text (UTF-16 without a byte-order mark?)";
    return std::nullopt;
}

} // namespace

BankTable ParseBankCsv(std::string_view bytes, const std::string& file) {
    BankTable table;
    table.file = file;
    if (std::optional<std::string> why = NotCsvText(bytes)) {
        table.problems.push_back({file, 0, *why});
        table.table_error = true;
        return table;
    }
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());

    const CsvRead read = ReadCsv(bytes, SniffCsvDelimiter(bytes));
    if (read.error) {
        table.problems.push_back({file, read.error->line, FailureMessage(*read.error)});
        table.table_error = true;
        return table;
    }
    TableBuilder(file, table).Build(read.records);
    return table;
}

BankTable ReadBankCsv(const std::string& path) {
    // A bank of a few hundred rows is well under a megabyte; anything far bigger is the wrong file.
    constexpr std::streamoff kMaxBytes = 64 << 20;
    BankTable table;
    table.file = path;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        table.problems.push_back({path, 0, "cannot open the file"});
        table.table_error = true;
        return table;
    }
    const std::streamoff size = in.tellg();
    if (size > kMaxBytes) {
        table.problems.push_back({path, 0,
                                  "the file is " + std::to_string(size >> 20) +
                                      " MB: too big for an innovation bank table (at most 64 MB)"});
        table.table_error = true;
        return table;
    }
    std::string bytes(static_cast<size_t>(std::max<std::streamoff>(size, 0)), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size)) {
        table.problems.push_back({path, 0, "cannot read the file"});
        table.table_error = true;
        return table;
    }
    return ParseBankCsv(bytes, path);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Writing
// ---------------------------------------------------------------------------------------------

namespace {

// Every cell through CsvCell (text_safety.h): quotes where CSV needs them, as Excel does, and a
// cell a spreadsheet would run as a formula neutralised; import takes the apostrophe off again.
void AppendCell(std::string& out, const std::string& cell) {
    out += CsvCell(cell);
}

} // namespace

std::string FormatBankCsv(const std::vector<BankRow>& rows) {
    std::string out =
        "\xEF\xBB\xBF"; // Excel reads a CSV as the machine's ANSI code page unless it sees a BOM
    for (int c = 0; c < kBankColumnCount; ++c) {
        if (c > 0) out += ',';
        AppendCell(out, BankHeader(static_cast<BankColumn>(c)));
    }
    out += "\r\n";
    for (const BankRow& row : rows) {
        for (int c = 0; c < kBankColumnCount; ++c) {
            if (c > 0) out += ',';
            AppendCell(out, row.Cell(static_cast<BankColumn>(c)));
        }
        out += "\r\n";
    }
    return out;
}

} // namespace content
