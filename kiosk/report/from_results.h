// The report's input from the fair's result (scoring/results.h) and the pack, and the words for
// the result's methods, tie-break steps and decisions in both languages (the report, the
// certificates and the console print the same names).
#pragma once

#include "kiosk/report/report.h"
#include "scoring/results.h"

namespace report {

content::LocalText MethodWords(scoring::ranking::Method method);
content::LocalText StepWords(scoring::ranking::Step step);
content::LocalText DecisionWords(const scoring::ranking::Decision& decision);

// The first three places of each category, the missing cards, and every active judge's annex
// (totals, recusals, conflicts, cards the organiser reopened). Reads the audit trail (SQL) for
// the reopenings. `content` is the pack `judging` was made with.
ReportInput ReportFromResults(const scoring::FairResults& results, scoring::Judging& judging,
                              const content::FairContent& content, const content::Date& date);

} // namespace report
