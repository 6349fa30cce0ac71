// score_bench [FILE]: the latency of a durable score save (one WAL transaction with
// synchronous=FULL: the call returns once the change is on disk), p50/p99 over 1000 saves; and
// the time a PIN verify takes. Target: p99 under 20 ms. The file defaults to the build folder.
#include "scoring/judges.h"
#include "scoring/score_log.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#ifndef SCORE_BENCH_DB
#define SCORE_BENCH_DB "score_bench.db"
#endif

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration elapsed) {
    return std::chrono::duration<double, std::milli>(elapsed).count();
}

double Percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<size_t>(p * static_cast<double>(values.size() - 1))];
}

} // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : SCORE_BENCH_DB;
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    scoring::Store store(path);
    scoring::Judges judges(store);
    const scoring::JudgeId judge = judges.Add({"Bench", "fire", {"digital"}, "1234"});
    scoring::ScoreLog log(store);

    constexpr int kSaves = 1000;
    std::vector<double> saves;
    for (int i = 0; i < kSaves; ++i) {
        const auto start = Clock::now();
        log.SetMarks(judge, "entry-" + std::to_string(i % 20), "criterion-" + std::to_string(i % 6), i % 11);
        saves.push_back(Ms(Clock::now() - start));
    }
    std::vector<double> verifies;
    for (int i = 0; i < 10; ++i) {
        const auto start = Clock::now();
        judges.CheckPin(judge, "1234");
        verifies.push_back(Ms(Clock::now() - start));
    }
    std::printf("durable score save (%d, %s): p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 20 ms)\n",
                kSaves, path.c_str(), Percentile(saves, 0.5), Percentile(saves, 0.99),
                Percentile(saves, 1.0));
    std::printf(
        "PIN verify (Argon2id, ops %llu, %zu MiB): p50 %.1f ms, max %.1f ms (target well under 500 ms)\n",
        scoring::kPinOpsLimit, scoring::kPinMemLimit >> 20, Percentile(verifies, 0.5),
        Percentile(verifies, 1.0));
    return 0;
}
