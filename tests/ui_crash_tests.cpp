// Durability on the touchscreen (issue 5): the real kiosk, logged in as a judge and scoring by
// script under one Xvfb, is killed with SIGKILL at a random moment, 200 times over the same
// database: most runs at a random moment after the kiosk reported its first save, some while it
// starts. Every save the kiosk reported on stderr ("kiosk: saved #SEQ ...", written only once
// the change is committed) must be in the database afterwards, as the change it said it was; the
// database must pass its integrity check (Store's constructor runs it) and the judge's card must
// read back as the events make it.
#include "scoring/judges.h"
#include "scoring/score_log.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <poll.h>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kNasrin = "মোছাঃ নাসরিন আক্তার"; // ssd; digital and citizen; PIN 1111
const std::string kEntry = "fire-license-online"; // a fire service entry in digital

// What the script presses, by the names the kiosk gives its touch targets (docs/ui-testing.md):
// Nasrin's card on the staff's door; on her scorecard the marks of the first two criteria (0 to
// 12 of 25 and 0 to 15, all on screen at once) and Undo in the action bar.
const std::string kNasrinCard = "staff/judge/" + kNasrin;
std::string FirstCriterionMark(int value) {
    return "score/simplification/" + std::to_string(value);
}
std::string SecondCriterionMark(int value) {
    return "score/novelty/" + std::to_string(value);
}
constexpr const char* kUndo = "scorecard/undo";

// When the kill lands. Most runs wait until the kiosk has reported its first save on stderr, then
// kill it at a random moment up to kLatestAfterSaveMs later, among the saves that follow (about
// seven a second on two cores): each of those runs kills after at least one save, however slow the
// machine. Every kStartupEvery-th run is killed at a random moment of its first kLatestStartupKillMs
// instead, to cover kills while the kiosk opens its database and logs in. No count of saves depends
// on speed; kHangMs only fails a kiosk that never reports a save at all.
constexpr int kRuns = 200, kStartupEvery = 8;
constexpr int kLatestAfterSaveMs = 700, kLatestStartupKillMs = 1500;
constexpr std::chrono::milliseconds kHangMs{60'000};

// Runs `args` to the end with stdout and stderr in `output`; returns the exit code.
int RunToEnd(const std::vector<std::string>& args, std::string& output) {
    int pipe_ends[2];
    REQUIRE(pipe(pipe_ends) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        dup2(pipe_ends[1], STDOUT_FILENO);
        dup2(pipe_ends[1], STDERR_FILENO);
        close(pipe_ends[0]);
        close(pipe_ends[1]);
        std::vector<char*> argv;
        for (const std::string& arg : args)
            argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipe_ends[1]);
    char buffer[4096];
    for (ssize_t got; (got = read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
        output.append(buffer, static_cast<size_t>(got));
    close(pipe_ends[0]);
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// One X server for all the runs, killed when the test ends however it ends. Xvfb picks a free
// display itself and writes its number to -displayfd.
class Xvfb {
  public:
    Xvfb() {
        int pipe_ends[2];
        REQUIRE(pipe(pipe_ends) == 0);
        m_pid = fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            close(pipe_ends[0]);
            const int null = open("/dev/null", O_WRONLY);
            if (null >= 0) dup2(null, STDOUT_FILENO), dup2(null, STDERR_FILENO);
            const std::string fd = std::to_string(pipe_ends[1]);
            execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1920x1920x24", "-nolisten",
                   "tcp", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(pipe_ends[1]);
        std::string number;
        pollfd ready{pipe_ends[0], POLLIN, 0};
        char c = 0;
        while (number.find('\n') == std::string::npos && poll(&ready, 1, 10'000) > 0 &&
               read(pipe_ends[0], &c, 1) == 1)
            number += c;
        close(pipe_ends[0]);
        while (!number.empty() && (number.back() == '\n' || number.back() == ' '))
            number.pop_back();
        REQUIRE_MESSAGE(!number.empty(), "Xvfb did not start (is it installed?)");
        display = ":" + number;
    }
    ~Xvfb() {
        if (m_pid <= 0) return;
        kill(m_pid, SIGTERM);
        int status = 0;
        waitpid(m_pid, &status, 0);
    }
    Xvfb(const Xvfb&) = delete;
    Xvfb& operator=(const Xvfb&) = delete;

    std::string display;

  private:
    pid_t m_pid = -1;
};

// The judge logs in on the PIN pad, opens the entry's scorecard and changes marks for far longer
// than any run lasts: a mark of the first or second criterion in turn, never the one the script
// chose last on that criterion (a tap on the chosen mark saves nothing), and now and then Undo.
std::string ScoringScript(std::mt19937& random) {
    std::string script =
        "goto staff\npress " + kNasrinCard + "\ntext 1111\nkey enter\ngoto score/" + kEntry + "\n";
    std::uniform_int_distribution<int> first_value(0, 12), second_value(0, 15), die(0, 7);
    int first = -1, second = -1;
    for (int tap = 0; tap < 400; ++tap) {
        if (die(random) == 0) {
            script += std::string("press ") + kUndo + "\n";
        } else if (tap % 2 == 0) {
            int value = first;
            while (value == first)
                value = first_value(random);
            first = value;
            script += "press " + FirstCriterionMark(value) + "\n";
        } else {
            int value = second;
            while (value == second)
                value = second_value(random);
            second = value;
            script += "press " + SecondCriterionMark(value) + "\n";
        }
        script += "wait 20\n";
    }
    return script + "quit\n";
}

struct Killed {
    std::string output;         // what the kiosk wrote on stderr before it died
    int status = 0;             // from waitpid
    bool killed = false;        // by our SIGKILL, not stopped on its own before it
    bool hung = false;          // waited kHangMs for a save that never came
    Clock::duration lifetime{}; // from the start to the kill
};

// When to kill: `delay` after the start, or `delay` after the first save the kiosk reports.
struct KillPlan {
    bool after_first_save = true;
    std::chrono::milliseconds delay{0};
};

// Whether `output` holds a whole journal line of a save ("kiosk: saved #...\n").
bool ReportsSave(const std::string& output) {
    for (size_t at = output.find("kiosk: saved #"); at != std::string::npos;
         at = output.find("kiosk: saved #", at + 1))
        if ((at == 0 || output[at - 1] == '\n') && output.find('\n', at) != std::string::npos) return true;
    return false;
}

pid_t StartKiosk(const std::vector<std::string>& args, const std::string& display, int stderr_fd,
                 int other_end) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child != 0) return child;
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDOUT_FILENO);
    dup2(stderr_fd, STDERR_FILENO);
    close(stderr_fd);
    close(other_end);
    setenv("DISPLAY", display.c_str(), 1);
    std::vector<char*> argv;
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    const std::string failed = "could not start " + args[0] + ": " + std::strerror(errno) + "\n";
    [[maybe_unused]] const ssize_t written = write(STDERR_FILENO, failed.data(), failed.size());
    _exit(127);
}

// Starts the kiosk on the script, kills it with SIGKILL as `plan` says, and returns its stderr.
Killed RunAndKill(const std::string& kiosk, const std::string& display, const fs::path& folder,
                  const std::string& db, KillPlan plan) {
    const std::vector<std::string> args = {kiosk,
                                           "--windowed",
                                           "1920x1080",
                                           "--db",
                                           db,
                                           "--script",
                                           (folder / "script.txt").string(),
                                           "--shots",
                                           (folder / "shots").string()};
    int pipe_ends[2];
    REQUIRE(pipe(pipe_ends) == 0);
    const Clock::time_point start = Clock::now();
    const pid_t child = StartKiosk(args, display, pipe_ends[1], pipe_ends[0]);
    close(pipe_ends[1]);
    // Read while waiting, so a full pipe never slows the kiosk down; stop early if it ends itself.
    Killed run;
    char buffer[4096];
    bool waiting_for_save = plan.after_first_save;
    Clock::time_point deadline = start + (waiting_for_save ? kHangMs : plan.delay);
    bool reading = true;
    for (Clock::time_point now = Clock::now(); reading && now < deadline; now = Clock::now()) {
        pollfd ready{pipe_ends[0], POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
        if (poll(&ready, 1, static_cast<int>(std::max<long long>(1, left))) <= 0) continue;
        const ssize_t got = read(pipe_ends[0], buffer, sizeof buffer);
        if (got > 0)
            run.output.append(buffer, static_cast<size_t>(got));
        else if (got == 0 || errno != EINTR)
            reading = false; // the kiosk closed stderr: it has ended
        if (waiting_for_save && ReportsSave(run.output)) {
            waiting_for_save = false; // the save is committed before it is reported: kill from now on
            deadline = Clock::now() + plan.delay;
        }
    }
    run.hung = waiting_for_save && reading;
    run.lifetime = Clock::now() - start;
    kill(child, SIGKILL);
    waitpid(child, &run.status, 0);
    for (ssize_t got; (got = read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
        run.output.append(buffer, static_cast<size_t>(got));
    close(pipe_ends[0]);
    run.killed = WIFSIGNALED(run.status) && WTERMSIG(run.status) == SIGKILL;
    return run;
}

struct Save {
    int64_t seq = 0;
    scoring::JudgeId judge = 0;
    std::string entry, what;
};

// The saves journaled in `output`, whole lines only (the kill may cut the last one short).
std::vector<Save> Journaled(const std::string& output) {
    static const std::regex line_format(R"(kiosk: saved #(\d+) judge (\d+) entry (\S+): (.*))");
    std::vector<Save> saves;
    for (size_t pos = 0, end; (end = output.find('\n', pos)) != std::string::npos; pos = end + 1) {
        const std::string line = output.substr(pos, end - pos);
        if (line.rfind("kiosk: saved #", 0) != 0) continue;
        std::smatch match;
        CHECK_MESSAGE(std::regex_match(line, match, line_format),
                      "a journal line not in the expected form: " << line);
        if (match.empty()) continue;
        saves.push_back({std::stoll(match[1]), std::stoll(match[2]), match[3], match[4]});
    }
    return saves;
}

// The judge who scores: the kiosk journals the local id, events name the fair-wide key.
struct SeededJudge {
    scoring::JudgeId id = 0;
    std::string key;
};

// What the runs add up to.
struct Tally {
    std::set<int64_t> all_seqs; // reported over all runs: a seq reported twice was lost once
    size_t saves = 0, scores = 0, undos = 0, cut_lines = 0;
    size_t waited_runs = 0, kills_after_save = 0; // runs that waited for a save; kills after one
    size_t startup_runs = 0, startup_before_save = 0, startup_before_login = 0;
    double lifetime_s = 0; // kiosk time, start to kill, over all runs
};

// Every save reported in `saved` is in the database as the change it said it was.
void CheckSavesFound(const std::vector<Save>& saved, const std::map<int64_t, scoring::Event>& mine,
                     const SeededJudge& judge, Tally& tally) {
    for (const Save& save : saved) {
        INFO("reported: #" << save.seq << " judge " << save.judge << " entry " << save.entry << ": "
                           << save.what);
        CHECK_MESSAGE(tally.all_seqs.insert(save.seq).second,
                      "seq " << save.seq << " was reported as saved twice");
        const auto found = mine.find(save.seq);
        REQUIRE_MESSAGE(found != mine.end(),
                        "seq " << save.seq << " was reported as saved but is not in the database");
        const scoring::Event& event = found->second;
        CHECK(event.judge == judge.key);
        CHECK(save.judge == judge.id);
        CHECK(event.entry == save.entry);
        CHECK(save.entry == kEntry);
        if (save.what.rfind("score ", 0) == 0) {
            ++tally.scores;
            const size_t equals = save.what.find('=');
            REQUIRE(equals != std::string::npos);
            CHECK(event.kind == scoring::EventKind::Score);
            CHECK(event.criterion == save.what.substr(6, equals - 6));
            CHECK(event.value == std::optional<int>(std::stoi(save.what.substr(equals + 1))));
            CHECK(!event.IsUndo());
        } else if (save.what == "undo") {
            ++tally.undos;
            CHECK(event.IsUndo());
        } else if (save.what.rfind("clear ", 0) == 0) {
            CHECK(event.kind == scoring::EventKind::Clear);
            CHECK(event.criterion == save.what.substr(6));
        }
    }
}

// After a kill: the database passes its integrity check, holds every reported save, and the
// judge's card reads back as its events make it (each criterion as last set).
void CheckDatabase(const std::string& db, const SeededJudge& judge, const std::vector<Save>& saved,
                   Tally& tally) {
    std::optional<scoring::Store> store;
    try {
        store.emplace(db); // runs PRAGMA integrity_check
    } catch (const scoring::StoreError& damaged) {
        FAIL("the database is damaged after the kill: " << damaged.what());
    }
    scoring::ScoreLog log(*store);
    const std::vector<scoring::Event> events = log.Events();
    std::map<int64_t, scoring::Event> mine; // this kiosk's events by seq
    for (const scoring::Event& event : events)
        if (event.kiosk == store->KioskId()) mine.emplace(event.seq, event);
    CheckSavesFound(saved, mine, judge, tally);

    std::map<std::string, int> expected;
    for (const scoring::Event& event : events) {
        if (event.judge != judge.key || event.entry != kEntry) continue;
        if (event.kind == scoring::EventKind::Score && event.value) expected[event.criterion] = *event.value;
        if (event.kind == scoring::EventKind::Clear) expected.erase(event.criterion);
    }
    scoring::StoredCard card;
    REQUIRE_NOTHROW(card = log.Card(judge.id, kEntry));
    CHECK(card.marks == expected);
    CHECK_FALSE(card.submitted);
}

// A database with the demo fair's judges; returns Nasrin's.
SeededJudge SeedJudges(const fs::path& kiosk, const std::string& db) {
    std::string seeding;
    REQUIRE_MESSAGE(RunToEnd({kiosk.string(), "judges", "import",
                              std::string(KIOSK_SOURCE_DIR) + "/assets/demo-fair/judges.csv", "--db", db},
                             seeding) == 0,
                    seeding);
    scoring::Store store(db);
    const std::optional<scoring::Judge> nasrin = scoring::Judges(store).FindByName(kNasrin);
    REQUIRE(nasrin);
    return {nasrin->id, nasrin->key};
}

} // namespace

TEST_CASE("every score the kiosk reported as saved survives SIGKILL during scripted scoring, 200 times") {
    const Clock::time_point test_start = Clock::now();
    const fs::path folder = fs::current_path() / "ui-shots" / "ui-crash"; // kept for people to look at
    fs::remove_all(folder);
    fs::create_directories(folder / "shots");
    // One kiosk binary for all the runs, even if the build tree is rebuilt meanwhile.
    const fs::path kiosk = folder / "kiosk";
    fs::copy_file(KIOSK_BINARY, kiosk, fs::copy_options::overwrite_existing);
    const std::string db = (folder / "kiosk.db").string();
    const SeededJudge judge = SeedJudges(kiosk, db);

    const Xvfb xvfb;
    const unsigned seed = std::random_device{}();
    INFO("seed " << seed << ", database " << db);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> after_save_ms(0, kLatestAfterSaveMs),
        startup_ms(0, kLatestStartupKillMs);
    Tally tally;
    for (int run = 0; run < kRuns; ++run) {
        std::ofstream(folder / "script.txt") << ScoringScript(random);
        const bool startup = run % kStartupEvery == kStartupEvery - 1;
        const KillPlan plan{!startup,
                            std::chrono::milliseconds(startup ? startup_ms(random) : after_save_ms(random))};
        const Killed killed = RunAndKill(kiosk.string(), xvfb.display, folder, db, plan);
        std::ofstream(folder / "last-run-stderr.txt") << killed.output;
        INFO("run " << run << ", killed " << plan.delay.count() << " ms after "
                    << (startup ? "the start" : "the first save") << "; the kiosk wrote:\n"
                    << killed.output);
        REQUIRE_MESSAGE(!killed.hung,
                        "the kiosk reported no save in " << kHangMs.count() << " ms: does it hang?");
        REQUIRE_MESSAGE(killed.killed,
                        "the kiosk ended on its own before it was killed (status " << killed.status << ")");

        const std::vector<Save> saved = Journaled(killed.output);
        tally.saves += saved.size();
        tally.cut_lines += !killed.output.empty() && killed.output.back() != '\n';
        tally.lifetime_s += std::chrono::duration<double>(killed.lifetime).count();
        if (startup) {
            ++tally.startup_runs;
            tally.startup_before_save += saved.empty();
            tally.startup_before_login += killed.output.find("logged in") == std::string::npos;
        } else {
            ++tally.waited_runs;
            tally.kills_after_save += !saved.empty();
        }
        CheckDatabase(db, judge, saved, tally);
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - test_start).count();
    MESSAGE(kRuns << " kiosk runs killed with SIGKILL: " << tally.waited_runs << " at 0 to "
                  << kLatestAfterSaveMs << " ms after the first save they reported, "
                  << tally.kills_after_save << " of them after at least one save; " << tally.startup_runs
                  << " at 0 to " << kLatestStartupKillMs << " ms after the start ("
                  << tally.startup_before_save << " before any save, " << tally.startup_before_login
                  << " before the login). " << tally.saves << " saves reported (" << tally.scores
                  << " marks, " << tally.undos << " undos), all found in the database; " << tally.cut_lines
                  << " kills cut a line short; " << tally.lifetime_s / kRuns << " s a run on average, "
                  << seconds << " s in all");
    // Counts that do not depend on the machine's speed: each waiting run goes on until its save.
    CHECK(tally.waited_runs == static_cast<size_t>(kRuns - kRuns / kStartupEvery));
    CHECK(tally.kills_after_save == tally.waited_runs);
    CHECK(tally.saves >= tally.kills_after_save);
    fs::remove(kiosk); // the database, the last script and the last run's stderr stay
}
