// identity_bench prints the cost of the per-save check that the database file is still the one at
// its path (sql::Database::CheckStillAtPath, run twice per commit), next to a durable save's; and
// the time of a checked backup copy (CopyDatabase) of a store with 200,000 events.
#include "scoring/judges.h"
#include "scoring/score_log.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace {

double Microseconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double, std::micro>(d).count();
}

} // namespace

int main() {
    namespace fs = std::filesystem;
    const std::string path = IDENTITY_BENCH_DB;
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(path + suffix);
    scoring::Store store(path);
    const scoring::JudgeId judge = scoring::Judges(store).Add({"Bench", "o1", {"c1"}, "1234"});
    scoring::ScoreLog log(store);

    constexpr int kChecks = 100000;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kChecks; ++i)
        store.Database().CheckStillAtPath();
    const double check_us = Microseconds(std::chrono::steady_clock::now() - start) / kChecks;

    std::vector<double> saves;
    for (int i = 0; i < 300; ++i) {
        start = std::chrono::steady_clock::now();
        log.SetMarks(judge, "e" + std::to_string(i % 30), "x", i % 10);
        saves.push_back(Microseconds(std::chrono::steady_clock::now() - start));
    }
    std::sort(saves.begin(), saves.end());
    std::printf("identity check: %.2f us each (%d runs); a durable save: p50 %.0f us, p99 %.0f us; "
                "two checks per save = %.3f%% of the median save\n",
                check_us, kChecks, saves[saves.size() / 2], saves[saves.size() * 99 / 100],
                200.0 * check_us / saves[saves.size() / 2]);

    const std::string key = log.KeyOf(judge);
    for (int batch = 0; batch < 200; ++batch) {
        std::vector<scoring::Event> events(1000);
        for (size_t i = 0; i < events.size(); ++i) {
            events[i].judge = key, events[i].entry = "e" + std::to_string(i % 500);
            events[i].criterion = "c" + std::to_string(i % 10), events[i].value = static_cast<int>(i % 10);
        }
        log.Record(std::move(events));
    }
    const std::string copy = path + ".copy";
    start = std::chrono::steady_clock::now();
    scoring::CopyDatabase(path, copy);
    std::printf("a checked backup copy of %zu events (%.1f MB): %.0f ms\n", log.Book().Events(),
                static_cast<double>(fs::file_size(copy)) / 1e6,
                Microseconds(std::chrono::steady_clock::now() - start) / 1000);
    for (const char* suffix : {"", "-wal", "-shm", ".copy"})
        fs::remove(path + suffix);
}
