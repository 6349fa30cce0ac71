// Durability (issue 5): score_writer is killed with SIGKILL at random moments, 200 times; every
// seq it printed as saved must be in the database afterwards, and the database must pass its
// integrity check (Store's constructor runs it).
#include "scoring/judges.h"
#include "scoring/score_log.h"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// Starts score_writer, kills it after `delay_us`, and returns the seqs it printed as saved.
std::vector<int64_t> RunAndKill(const std::string& db, scoring::JudgeId judge, useconds_t delay_us) {
    int pipe_ends[2];
    REQUIRE(pipe(pipe_ends) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        dup2(pipe_ends[1], STDOUT_FILENO);
        close(pipe_ends[0]);
        close(pipe_ends[1]);
        const std::string judge_text = std::to_string(judge);
        execl(SCORE_WRITER, SCORE_WRITER, db.c_str(), judge_text.c_str(), "1000000",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    close(pipe_ends[1]);
    usleep(delay_us);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    std::string output;
    char buffer[4096];
    for (ssize_t got; (got = read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
        output.append(buffer, static_cast<size_t>(got));
    close(pipe_ends[0]);
    CHECK_MESSAGE((WIFSIGNALED(status) || WEXITSTATUS(status) == 0), "score_writer failed on its own");
    std::vector<int64_t> saved;
    for (size_t pos = 0, end; (end = output.find('\n', pos)) != std::string::npos;
         pos = end + 1) // whole lines only
        saved.push_back(std::stoll(output.substr(pos + 6, end - pos - 6)));
    return saved;
}

} // namespace

TEST_CASE("every score printed as saved survives SIGKILL, 200 times") {
    const fs::path db = fs::temp_directory_path() / ("kiosk-crash-" + std::to_string(getpid()) + ".db");
    auto remove = [&] {
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(db.string() + suffix);
    };
    remove();
    scoring::JudgeId judge = 0;
    {
        scoring::Store store(db.string());
        judge = scoring::Judges(store).Add({"Crash Test", "fire", {"digital"}, "1234"});
    }
    std::mt19937 random(std::random_device{}());
    std::uniform_int_distribution<useconds_t> delay(0,
                                                    40'000); // from before the store is open to many saves in
    size_t printed = 0;
    for (int run = 0; run < 200; ++run) {
        const std::vector<int64_t> saved = RunAndKill(db.string(), judge, delay(random));
        printed += saved.size();
        scoring::Store store(db.string()); // throws StoreError if the integrity check fails
        scoring::ScoreLog log(store);
        std::set<int64_t> stored;
        for (const scoring::Event& event : log.Events())
            if (event.kiosk == store.KioskId()) stored.insert(event.seq);
        for (int64_t seq : saved)
            REQUIRE_MESSAGE(stored.count(seq),
                            "run " << run << ": seq " << seq << " was printed as saved but is lost");
    }
    MESSAGE(printed << " saves printed over 200 kills, all found");
    CHECK(printed > 200);
    remove();
}
