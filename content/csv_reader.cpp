// The CSV reader (csv_reader.h) over libcsv. libcsv counts no lines, so the text is fed one line at
// a time and the line number advanced between feeds.
#include "content/csv_reader.h"

#include <csv.h>

#include <new>

namespace content {

namespace {

// libcsv's parser state, freed however reading ends.
class CsvParser {
  public:
    explicit CsvParser(char delimiter) {
        if (csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
        // The default 128-byte growth step makes a multi-megabyte cell cost thousands of reallocations.
        csv_set_blk_size(&m_parser, 64 * 1024);
        csv_set_delim(&m_parser, static_cast<unsigned char>(delimiter));
    }
    ~CsvParser() { csv_free(&m_parser); }
    CsvParser(const CsvParser&) = delete;
    CsvParser& operator=(const CsvParser&) = delete;
    csv_parser* get() { return &m_parser; }

  private:
    csv_parser m_parser{};
};

// Receives libcsv's callbacks and remembers on which line each record and cell begins.
struct RecordCollector {
    std::vector<CsvRecord> records;
    CsvRecord current;
    int line = 1;
    bool in_record = false; // a record has begun on an earlier or the current line
    int last_cell_line = 1; // the line on which the last cell ended: the current cell began there or after
};

std::string NormaliseLineBreaks(const char* data, size_t size) {
    std::string cell;
    cell.reserve(size);
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == '\r') {
            cell += '\n'; // Excel writes LF inside cells; others CRLF or CR: one line break either way
            if (i + 1 < size && data[i + 1] == '\n') ++i;
        } else {
            cell += data[i];
        }
    }
    return cell;
}

void OnCell(void* data, size_t size, void* user) {
    auto* collector = static_cast<RecordCollector*>(user);
    collector->current.cells.push_back(NormaliseLineBreaks(static_cast<const char*>(data), size));
    collector->last_cell_line = collector->line;
}

void OnRecordEnd(int, void* user) {
    auto* collector = static_cast<RecordCollector*>(user);
    if (!collector->in_record) collector->current.line = collector->line;
    collector->records.push_back(std::move(collector->current));
    collector->current = CsvRecord{};
    collector->in_record = false;
    collector->last_cell_line = collector->line;
}

// The end of the line that starts at `pos`, its terminator included (LF, CRLF or a lone CR).
size_t LineEnd(std::string_view text, size_t pos) {
    const size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) return text.size();
    if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') return end + 2;
    return end + 1;
}

bool IsBlank(std::string_view line) {
    return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

CsvError::Kind KindOf(int libcsv_error) {
    switch (libcsv_error) {
    case CSV_ENOMEM:
        return CsvError::Kind::OutOfMemory;
    case CSV_ETOOBIG:
        return CsvError::Kind::TooBig;
    default:
        return CsvError::Kind::StrayQuote;
    }
}

} // namespace

CsvRead ReadCsv(std::string_view text, char delimiter) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    CsvParser parser(delimiter);
    RecordCollector collector;
    CsvRead read;
    for (size_t pos = 0; pos < text.size();) {
        const size_t end = LineEnd(text, pos);
        const std::string_view line = text.substr(pos, end - pos);
        if (!collector.in_record && !IsBlank(line)) {
            collector.current.line = collector.line;
            collector.last_cell_line = collector.line;
            collector.in_record = true;
        }
        if (csv_parse(parser.get(), line.data(), line.size(), OnCell, OnRecordEnd, &collector) !=
            line.size()) {
            read.error = CsvError{KindOf(csv_error(parser.get())), collector.line, collector.last_cell_line};
            read.records = std::move(collector.records);
            return read;
        }
        if (end > pos && (text[end - 1] == '\n' || text[end - 1] == '\r')) ++collector.line;
        pos = end;
    }
    if (csv_fini(parser.get(), OnCell, OnRecordEnd, &collector) != 0)
        read.error =
            CsvError{CsvError::Kind::UnclosedQuote, collector.last_cell_line, collector.last_cell_line};
    read.records = std::move(collector.records);
    return read;
}

char SniffCsvDelimiter(std::string_view text) {
    size_t counts[3] = {0, 0, 0};
    bool quoted = false;
    for (size_t pos = 0, lines = 0; pos < text.size() && lines < 10; ++lines) {
        const size_t end = LineEnd(text, pos);
        for (char c : text.substr(pos, end - pos)) {
            if (c == '"') quoted = !quoted;
            if (quoted) continue;
            if (c == ',') ++counts[0];
            if (c == ';') ++counts[1];
            if (c == '\t') ++counts[2];
        }
        pos = end;
    }
    if (counts[1] > counts[0] && counts[1] >= counts[2]) return ';';
    if (counts[2] > counts[0] && counts[2] > counts[1]) return '\t';
    return ',';
}

} // namespace content
