// A synthetic ReportInput from the demo fair, for the report tests and the benchmark: each
// category's entries placed 1st, 2nd, 3rd, three judges with totals, recusals, a conflict and a
// reopened card. `category_count` > 0 cycles through the pack's categories that many times
// (30 categories and 90 winners for the benchmark).
#pragma once

#include "kiosk/report/report.h"

#include <string>

namespace report_sample {

inline report::ReportInput Make(const content::FairContent& content, bool final, int category_count = 0) {
    report::ReportInput input;
    input.content = &content;
    input.date = {2024, 1, 3};
    input.final = final;
    input.results_hash = final ? "sha256:4f1c9a0be27d" : "";
    const size_t count = category_count > 0 ? static_cast<size_t>(category_count) : content.categories.size();
    for (size_t c = 0; c < count; ++c) {
        {
            const content::Category& category = content.categories[c % content.categories.size()];
            report::CategoryResult result;
            result.category = &category;
            result.method = {"বিচারকদের মোট নম্বরের গড়", "Mean of the judges' totals"};
            result.ladder = {{"বেশি প্রথম স্থান", "More first places"},
                             {"টিসিভি হ্রাস", "Greater TCV reduction"}};
            result.provisional = !final;
            const auto entries = content.ByCategory(category.id);
            for (size_t i = 0; i < entries.size() && i < 3; ++i) {
                report::PlacedEntry entry;
                entry.innovation = entries[i];
                entry.place = static_cast<int>(i) + 1;
                entry.score = 86.5 - 4.25 * static_cast<double>(i);
                entry.p_top3 = 0.97 - 0.2 * static_cast<double>(i);
                if (i == 1) entry.tie = true, entry.decided_by = {"বেশি প্রথম স্থান", "more first places"};
                result.placed.push_back(entry);
                if (!final) result.missing.push_back({"মোঃ করিম", entries[i]->id});
            }
            input.categories.push_back(result);
        }
    }
    const char* names[] = {"মোঃ আব্দুর রহমান", "সালমা খাতুন", "অমিত কুমার দাস"};
    for (int j = 0; j < 3; ++j) {
        report::JudgeAnnex judge;
        judge.name = names[j];
        judge.office_id = content.offices[static_cast<size_t>(j) % content.offices.size()].id;
        for (const content::Innovation& innovation : content.innovations) {
            if (innovation.office_id == judge.office_id) {
                judge.recusals.push_back(innovation.id);
                continue;
            }
            ++judge.cards_assigned;
            ++judge.cards_submitted;
            judge.totals.push_back(
                {innovation.id, 60.0 + static_cast<double>((innovation.id.size() * 7 + j * 3) % 35)});
        }
        if (j == 1) judge.conflicts.push_back({content.innovations.back().id, "আত্মীয় এই দলে আছেন"});
        if (j == 2) judge.reopened.push_back({content.innovations.front().id, "ভুল নম্বর সংশোধন"});
        input.judges.push_back(judge);
    }
    return input;
}

} // namespace report_sample
