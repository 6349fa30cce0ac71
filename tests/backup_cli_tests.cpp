// kiosk backup (issue 14): a checked copy of a database in use, its WAL included; the usage.
#include "kiosk/cli/commands.h"
#include "scoring/judges.h"
#include "scoring/score_log.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

TEST_CASE("kiosk backup copies a database in use, WAL included, and says how many events") {
    const fs::path folder = fs::temp_directory_path() / ("kiosk-backup-cli-" + std::to_string(getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    const std::string db = (folder / "kiosk.db").string(), copy = (folder / "copy.db").string();
    scoring::Store store(db);
    store.Database().Exec("PRAGMA wal_autocheckpoint=0");
    const scoring::JudgeId judge = scoring::Judges(store).Add({"Rahman", "o1", {"c1"}, "1234"});
    scoring::ScoreLog log(store);
    for (int i = 0; i < 25; ++i)
        log.SetMarks(judge, "e" + std::to_string(i), "x", 2);

    std::ostringstream out, err;
    REQUIRE_MESSAGE(kiosk::cli::RunSubcommand({"backup", "--db", db, "--out", copy}, out, err) == 0,
                    err.str());
    CHECK(out.str().find("25 score events") != std::string::npos);
    CHECK(out.str().find("integrity check ok") != std::string::npos);
    {
        scoring::Store restored(copy);
        CHECK(scoring::ScoreLog(restored).Events().size() == 25);
    }

    std::ostringstream out2, err2;
    CHECK(kiosk::cli::RunSubcommand({"backup", "--db", db}, out2, err2) == 2); // no --out
    CHECK(err2.str().find("--out") != std::string::npos);
    std::ostringstream out3, err3;
    CHECK(kiosk::cli::RunSubcommand({"backup", "--db", (folder / "none.db").string(), "--out", copy}, out3,
                                    err3) == 1);
    CHECK_FALSE(fs::exists(folder / "none.db"));
    CHECK(fs::exists(copy)); // the earlier copy is untouched by a failed one
    fs::remove_all(folder);
}
