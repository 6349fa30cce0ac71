// ranking_bench: the time to rank a fair of 500 entries x 40 judges x 10 criteria by each method
// (target under 50 ms each), and with the bootstrap's 1000 resamples (target under 1 s), plus the
// judge diagnostics. Two shapes: one category of all 500 entries (the worst case for the
// judge-corrected fit), and the fair as it is usually laid out, 5 categories of 100. Each entry is
// scored by 12 of the judges of its category, drawn at random (seeded): linked designs, 5+ judges
// per entry. Printed, never asserted.
#include "scoring/ranking.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace scoring::ranking;

constexpr int kJudges = 40, kEntries = 500, kCriteria = 10, kJudgesPerEntry = 12;

double Ms(Clock::duration elapsed) {
    return std::chrono::duration<double, std::milli>(elapsed).count();
}

// Marks from the entry's quality, the judge's severity and noise, clamped to 0..max; the card's
// percent as WeightedTotal defines it: Σ marks × weight ÷ Σ max × weight × 100.
std::vector<CategoryInput> Fair(int categories) {
    std::mt19937_64 random(2026);
    std::normal_distribution<double> noise(0.0, 1.2);
    std::vector<CriterionSpec> criteria;
    for (int c = 0; c < kCriteria; ++c)
        criteria.push_back({std::string("criterion-") + std::to_string(c), 1.0 + c % 3, 10});
    std::vector<double> severity(kJudges);
    for (double& s : severity)
        s = noise(random);
    std::vector<CategoryInput> fair(categories);
    std::vector<int> judges(kJudges);
    std::iota(judges.begin(), judges.end(), 0);
    for (int e = 0; e < kEntries; ++e) {
        CategoryInput& category = fair[e % categories];
        category.category = std::string("category-") + std::to_string(e % categories);
        category.criteria = criteria;
        const std::string entry = std::string("innovation-number-") + std::to_string(e);
        category.entries.push_back(entry);
        const double quality = 4.0 + 5.0 * static_cast<double>(random() % 1000) / 1000.0;
        std::shuffle(judges.begin(), judges.end(), random);
        for (int k = 0; k < kJudgesPerEntry; ++k) {
            Card card{std::string("judge-") + std::to_string(judges[k]), entry, 0, {}};
            double marks = 0, out_of = 0;
            for (const CriterionSpec& criterion : criteria) {
                const double raw = quality + severity[judges[k]] + noise(random);
                const int given = std::clamp(static_cast<int>(std::lround(raw)), 0, criterion.max_marks);
                card.marks.emplace_back(criterion.id, given);
                marks += given * criterion.weight, out_of += criterion.max_marks * criterion.weight;
            }
            card.percent = marks / out_of * 100.0;
            category.cards.push_back(std::move(card));
        }
    }
    return fair;
}

// The median time of `runs` calls of Rank.
double TimeRank(const std::vector<CategoryInput>& fair, const Options& options, int runs) {
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        const Clock::time_point start = Clock::now();
        const std::vector<CategoryResult> results = Rank(fair, {}, options);
        times.push_back(Ms(Clock::now() - start));
        if (results.empty() || results.front().refused)
            std::printf("  (refused: %s)\n", Describe(*results.front().refused, options.method).c_str());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void Bench(const char* shape, const std::vector<CategoryInput>& fair) {
    size_t cards = 0;
    for (const CategoryInput& category : fair)
        cards += category.cards.size();
    std::printf("%s: %zu categories, %d entries, %d judges, %zu cards of %d criteria\n", shape, fair.size(),
                kEntries, kJudges, cards, kCriteria);
    for (Method method : {Method::Mean, Method::TrimmedMean, Method::JudgeCorrected}) {
        Options options;
        options.method = method;
        options.resamples = 0;
        const double rank_ms = TimeRank(fair, options, 7);
        options.resamples = 1000;
        const double bootstrap_ms = TimeRank(fair, options, 3);
        std::printf("  %-9s  rank %7.2f ms (target < 50)   rank + 1000 resamples %8.1f ms (target < 1000)\n",
                    MethodName(method), rank_ms, bootstrap_ms);
    }
    const Clock::time_point start = Clock::now();
    const std::vector<JudgeDiagnostics> diagnostics = DiagnoseJudges(fair);
    std::printf("  judge diagnostics (%zu judges) %.2f ms\n", diagnostics.size(), Ms(Clock::now() - start));
}

} // namespace

int main() {
    Bench("one category", Fair(1));
    Bench("five categories", Fair(5));
    return 0;
}
