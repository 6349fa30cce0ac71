// Durability (issue 5): score_writer is killed with SIGKILL at random moments, 200 times; every
// seq it printed as saved must be in the database afterwards, and the database must pass its
// integrity check (Store's constructor runs it).
#include "scoring/judges.h"
#include "scoring/score_log.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <poll.h>
#include <random>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// Starts score_writer; once it has printed `wait_for` saves (whatever the machine's speed), waits
// `delay_us` more and kills it. Returns the seqs it printed as saved.
std::vector<int64_t> RunAndKill(const std::string& db, scoring::JudgeId judge, int wait_for,
                                useconds_t delay_us) {
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
    std::string output;
    char buffer[4096];
    auto lines = [&] { return std::count(output.begin(), output.end(), '\n'); };
    while (lines() < wait_for) { // a slow machine only makes this wait longer
        pollfd ready{pipe_ends[0], POLLIN, 0};
        if (poll(&ready, 1, 30'000) <= 0) break; // stuck for 30 s: kill it and let the checks say so
        const ssize_t got = read(pipe_ends[0], buffer, sizeof buffer);
        if (got <= 0) break;
        output.append(buffer, static_cast<size_t>(got));
    }
    usleep(delay_us);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
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
    // Each run waits for 0 to 5 saves (0: the kill may land before the store is even open), then
    // 0 to 5 ms more: kills land before, during and after saves on any machine.
    std::uniform_int_distribution<int> wait_for(0, 5);
    std::uniform_int_distribution<useconds_t> delay(0, 5'000);
    size_t printed = 0, kills_after_a_save = 0;
    for (int run = 0; run < 200; ++run) {
        const int waited = wait_for(random);
        const std::vector<int64_t> saved = RunAndKill(db.string(), judge, waited, delay(random));
        REQUIRE(saved.size() >= static_cast<size_t>(waited)); // it got as far as it was waited for
        printed += saved.size();
        kills_after_a_save += !saved.empty();
        scoring::Store store(db.string()); // throws StoreError if the integrity check fails
        scoring::ScoreLog log(store);
        std::set<int64_t> stored;
        for (const scoring::Event& event : log.Events())
            if (event.kiosk == store.KioskId()) stored.insert(event.seq);
        for (int64_t seq : saved)
            REQUIRE_MESSAGE(stored.count(seq),
                            "run " << run << ": seq " << seq << " was printed as saved but is lost");
    }
    MESSAGE(printed << " saves printed over 200 kills, all found; " << kills_after_a_save
                    << " kills landed after a save");
    CHECK(kills_after_a_save >= 100); // at least the runs that waited for a save (5 in 6 of them, on average)
    remove();
}
