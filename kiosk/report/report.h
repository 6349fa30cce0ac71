// The winners' report as a print-ready PDF (A4 portrait, Bengali or English): a cover with the
// fair and the date in both calendars; per category the first three with scores, the method,
// the tie-breaks and the top-three probability, final (with the results hash) or provisional
// (with the cards still missing, and a notice on every page); for each winner the office, the
// description, the process maps before and after, the TCV table and the service link with its
// QR code; an annex with every judge's totals, recusals, conflicts and reopened cards; and a
// signature block. ReportInput is plain data, filled from a ranking result and the pack.
#pragma once

#include "content/model.h"
#include "kiosk/report/write_result.h"

#include <optional>
#include <string>
#include <vector>

namespace report {

struct PlacedEntry {
    const content::Innovation* innovation = nullptr;
    int place = 0;                 // 1, 2 or 3
    double score = 0;              // the method's score
    std::optional<double> p_top3;  // probability of being in the top three, 0..1, when estimated
    bool tie = false;              // tied on score with a neighbour
    content::LocalText decided_by; // how the tie was settled ("more first places"); empty if no tie
};

struct MissingCard {
    std::string judge;    // the judge's name
    std::string entry_id; // innovation id
};

struct CategoryResult {
    const content::Category* category = nullptr;
    content::LocalText method;              // "mean of the judges' totals"
    std::vector<content::LocalText> ladder; // the tie-breaks, in the order they are tried
    bool provisional = false;
    std::vector<MissingCard> missing; // while provisional: the cards not yet submitted
    std::vector<PlacedEntry> placed;  // in order of place
};

struct EntryTotal {
    std::string entry_id;
    double total = 0;
};

struct CardNote {
    std::string entry_id;
    std::string reason; // as the judge or organiser wrote it
};

struct JudgeAnnex {
    std::string name;
    std::string office_id; // the pack's office id (shown by its name), or a name as given
    int cards_assigned = 0;
    int cards_submitted = 0;
    std::vector<EntryTotal> totals;    // every submitted card's weighted total
    std::vector<std::string> recusals; // entry ids of the judge's own office
    std::vector<CardNote> conflicts;   // declared conflicts
    std::vector<CardNote> reopened;    // cards the organiser reopened
};

struct ReportInput {
    const content::FairContent* content = nullptr;     // required: the fair, offices, entries
    content::Date date;                                // the report's date (both calendars on the cover)
    bool final = false;                                // all cards in and the standings frozen
    std::string results_hash;                          // when final: the hash of the results
    std::vector<CategoryResult> categories;            // in the order to report them
    std::vector<JudgeAnnex> judges;                    // the annex and the signature block
    content::LocalText convenor{"আহ্বায়ক", "Convenor"}; // the title under the last signature

    bool Provisional() const; // not final, or some category provisional
};

// Writes the report atomically to `path`. BadInput when there is no content or no valid date.
WriteResult WriteReport(const ReportInput& input, const std::string& path, content::Lang lang);

// "প্রথম স্থান" / "1st place"
std::string PlaceName(int place, content::Lang lang);

} // namespace report
