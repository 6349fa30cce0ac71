// Marks from paper score sheets: for when a kiosk fails or a judge prefers paper. The organiser
// types each signed sheet's marks as rows (judge, entry, criterion, marks); they become events
// like any other, marked as from paper, and a card whose every criterion arrives is submitted, as
// a signed sheet is. The rows are checked against the same rules as the touchscreen (the judge's
// categories, recusal from his or her own office, marks 0 to max, cards already submitted or
// conflicted) and a batch with any refused row writes nothing.
#pragma once

#include "scoring/judging.h"

#include <string>
#include <vector>

namespace scoring {

struct PaperMark {
    int line = 0;           // where the row is in the organiser's file, for the messages
    std::string judge_name; // as `kiosk judges list` and the organiser's screen show it
    std::string entry;      // innovation id
    std::string criterion;  // criterion id
    std::string marks;      // as typed: whole marks, 0 to the criterion's max
};

struct PaperProblem {
    int line = 0;
    Refused why; // NoSuchJudge, NoSuchEntry, NotAssigned, RecusedOwnOffice, NoSuchCriterion,
                 // MarksOutOfRange, CardSubmitted, CardConflicted, PaperRowRepeated
};

struct PaperImport {
    std::vector<PaperProblem> problems;                         // when any: nothing was written
    int marks = 0;                                              // marks written
    std::vector<std::pair<std::string, std::string>> submitted; // (judge name, entry) cards now submitted
};

// Checks every row, then writes all of them in one durable transaction, or none. `content` is
// the pack `judging` was made with. Throws StoreFailure when the database fails (nothing written).
PaperImport ImportPaperMarks(Judging& judging, const content::FairContent& content,
                             const std::vector<PaperMark>& rows);

} // namespace scoring
