// CSV exports (see csv_export.h).
#include "kiosk/report/csv_export.h"

#include "kiosk/report/atomic_file.h"

#include "content/text_safety.h"

#include <ctime>

namespace report {

std::string CsvCell(const std::string& cell) {
    return content::CsvCell(cell); // the one rule for every CSV the kiosk writes, the bank's too
}

std::string FormatCsv(const std::vector<std::string>& header,
                      const std::vector<std::vector<std::string>>& rows) {
    std::string out =
        "\xEF\xBB\xBF"; // Excel reads a CSV as the machine's ANSI code page unless it sees a BOM
    const auto line = [&out](const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i)
            out += (i ? "," : "") + CsvCell(cells[i]);
        out += "\r\n";
    };
    line(header);
    for (const auto& row : rows)
        line(row);
    return out;
}

WriteResult WriteCsv(const std::string& path, const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows) {
    return WriteFileAtomically(path, FormatCsv(header, rows));
}

std::vector<std::string> EventsCsvHeader() {
    return {"id",         "kiosk",        "seq",      "judge", "judge_name",    "entry", "kind",
            "criterion",  "value",        "previous", "text",  "previous_text", "other", "undoes_kiosk",
            "undoes_seq", "by_organiser", "source",   "at",    "at_ms"};
}

namespace {

std::string IsoTime(int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string Optional(const std::optional<int>& value) {
    return value ? std::to_string(*value) : "";
}

} // namespace

std::vector<std::string> EventCsvRow(const scoring::Event& e, const std::string& judge_name) {
    return {std::to_string(e.id),
            e.kiosk,
            std::to_string(e.seq),
            e.judge,
            judge_name,
            e.entry,
            scoring::ToString(e.kind),
            e.criterion,
            Optional(e.value),
            Optional(e.previous),
            e.text,
            e.previous_text,
            e.other,
            e.undoes_kiosk,
            e.IsUndo() ? std::to_string(e.undoes_seq) : "",
            e.by_organiser ? "yes" : "no",
            e.from_paper ? "paper" : "touch",
            IsoTime(e.at_ms),
            std::to_string(e.at_ms)};
}

WriteResult WriteEventsCsv(const std::vector<scoring::Event>& events, const std::string& path,
                           const std::map<std::string, std::string>& judge_names) {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(events.size());
    for (const scoring::Event& event : events) {
        const auto name = judge_names.find(event.judge);
        rows.push_back(EventCsvRow(event, name == judge_names.end() ? "" : name->second));
    }
    return WriteCsv(path, EventsCsvHeader(), rows);
}

} // namespace report
