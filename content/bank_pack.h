// The innovation bank and a content pack: importing a bank table into a pack's innovations, and
// exporting a pack's innovations as a bank table. What `kiosk bank` runs; see docs/innovation-bank.md.
#pragma once

#include "content/bank.h"

#include <string>
#include <vector>

namespace content {

// The office and category new innovations get when the organiser names none: created in fair.json
// when the pack lacks them.
inline constexpr const char* kBankOfficeId = "innovation-bank";
inline constexpr const char* kBankCategoryId = "innovation-bank";

struct BankImportOptions {
    std::string office_id;   // for new innovations; empty: kBankOfficeId
    std::string category_id; // for new innovations; empty: kBankCategoryId
};

struct BankImportReport {
    std::vector<BankProblem> problems; // the table's, then the import's
    std::vector<std::string> created;  // innovation files, relative to the pack folder
    std::vector<std::string> updated;
    std::vector<std::string> written; // every file written, fair.json included
    int unchanged = 0;                // rows that matched an innovation already holding what they say
    bool HasErrors() const;
};

// Imports the good rows of `table` into the pack at `folder` (created when missing). A row updates the
// innovation whose Bengali (or else English) title it names, or becomes a new innovation. Writes
// nothing when the table itself is unusable or the options name an office or category the pack lacks.
BankImportReport ImportBank(const BankTable& table, const std::string& folder,
                            const BankImportOptions& options);

// The pack's innovations as bank rows: those from an imported table in its order, then the rest in the
// kiosk's order. Innovations the kiosk leaves out of the pack are left out here too, with a warning;
// when the pack has no usable fair.json, `problems` gets errors and there are no rows.
std::vector<BankRow> ExportBank(const std::string& folder, std::vector<BankProblem>& problems);

// The bank's id for an innovation made from a row: "bank-" and a hash of the name's match key, so the
// same name gives the same id on every machine and every import.
std::string BankInnovationId(std::string_view name);

} // namespace content
