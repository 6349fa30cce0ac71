// score_writer DB JUDGE COUNT: writes COUNT scripted score changes for JUDGE into the store DB,
// printing "saved <seq>" after each commit returns. The crash test kills it at random moments and
// then checks that every printed seq is in the database.
#include "scoring/score_log.h"

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: score_writer DB JUDGE COUNT\n");
        return 2;
    }
    try {
        scoring::Store store(argv[1]);
        scoring::ScoreLog log(store);
        const scoring::JudgeId judge = std::atoll(argv[2]);
        const long count = std::atol(argv[3]);
        static const char* kCriteria[] = {"simplification", "novelty", "citizen-friendly", "technology"};
        for (long i = 0; i < count; ++i) {
            const std::string entry = "entry-" + std::to_string(i % 7);
            const int64_t seq = i % 5 == 4
                                    ? log.SetComment(judge, entry, "comment " + std::to_string(i))
                                    : log.SetMarks(judge, entry, kCriteria[i % 4], static_cast<int>(i % 11));
            std::printf("saved %lld\n", static_cast<long long>(seq));
            std::fflush(stdout); // printed only once the commit has returned
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "score_writer: %s\n", e.what());
        return 1;
    }
    return 0;
}
