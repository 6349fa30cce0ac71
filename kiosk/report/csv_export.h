// CSV exports for spreadsheets: UTF-8 with a BOM (so Excel shows Bengali), CRLF rows, quoting
// where CSV needs it, and cells a spreadsheet would run as a formula (beginning with = + - @, a
// tab or a carriage return) neutralised with a leading apostrophe. Written atomically.
#pragma once

#include "kiosk/report/write_result.h"
#include "scoring/score_log.h"

#include <map>
#include <string>
#include <vector>

namespace report {

std::string CsvCell(const std::string& cell); // neutralised and quoted as needed
std::string FormatCsv(const std::vector<std::string>& header,
                      const std::vector<std::vector<std::string>>& rows);
WriteResult WriteCsv(const std::string& path, const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows);

// Every score event, one row each, in the order given (the audit trail's arrival order).
// Columns: id, kiosk, seq, judge (key), judge_name, entry, kind, criterion, value, previous, text,
// previous_text, other, undoes_kiosk, undoes_seq, by_organiser, source (touch or paper),
// at (UTC, ISO 8601), at_ms. `judge_names`: judge key -> name, for the judge_name column.
std::vector<std::string> EventsCsvHeader();
std::vector<std::string> EventCsvRow(const scoring::Event& event, const std::string& judge_name = "");
WriteResult WriteEventsCsv(const std::vector<scoring::Event>& events, const std::string& path,
                           const std::map<std::string, std::string>& judge_names = {});

} // namespace report
