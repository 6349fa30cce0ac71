// kiosk scores import (issue 11): marks from signed paper score sheets become events marked as
// from paper; a complete card is submitted; a file with any wrong row writes nothing, and every
// refusal names its line.
#include "content/pack_loader.h"
#include "kiosk/cli/commands.h"
#include "scoring/judging.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

constexpr const char* kPack = KIOSK_SOURCE_DIR "/assets/demo-fair";

struct Paper {
    fs::path folder = fs::temp_directory_path() / ("kiosk-paper-" + std::to_string(getpid()));
    std::string db = (folder / "kiosk.db").string();
    std::string out, err;

    Paper() {
        fs::remove_all(folder);
        fs::create_directories(folder);
        // Rahman (fire) judges digital and citizen; Nasrin (police) judges digital.
        Run({"judges", "add", "Rahman", "--office", "fire", "--categories", "digital;citizen", "--pin",
             "1234"});
        Run({"judges", "add", "নাসরিন জাহান", "--office", "police", "--categories", "digital", "--pin",
             "5678"});
    }
    ~Paper() { fs::remove_all(folder); }

    int Run(std::vector<std::string> args) {
        args.insert(args.end(), {"--db", db, "--content", kPack});
        std::ostringstream o, e;
        const int status = kiosk::cli::RunSubcommand(args, o, e);
        out = o.str(), err = e.str();
        return status;
    }
    int Import(const std::string& csv) {
        const fs::path path = folder / "sheets.csv";
        std::ofstream(path, std::ios::binary) << csv;
        return Run({"scores", "import", path.string()});
    }
    std::vector<scoring::Event> Events() {
        scoring::Store store(db);
        return scoring::ScoreLog(store).Events();
    }
};

// Every criterion of the demo rubric for one judge and entry, as paper rows.
std::string FullSheet(const std::string& judge, const std::string& entry) {
    std::string rows;
    for (const char* criterion :
         {"simplification", "novelty", "citizen-friendly", "technology", "sustainability", "replicability"})
        rows += judge + "," + entry + "," + criterion + ",8\n";
    return rows;
}

} // namespace

TEST_CASE("paper marks become events from paper, and a complete sheet submits its card") {
    Paper paper;
    REQUIRE(paper.Import("judge,entry,criterion,value\n" + FullSheet("Rahman", "police-clearance") +
                         "নাসরিন জাহান,fire-license-online,novelty,১২\n") == 0);
    CHECK(paper.out.find("submitted the card of Rahman for police-clearance") != std::string::npos);
    CHECK(paper.out.find("7 marks imported from paper, 1 card submitted") != std::string::npos);

    const std::vector<scoring::Event> events = paper.Events();
    REQUIRE(events.size() == 8);
    for (const scoring::Event& event : events)
        CHECK(event.from_paper);
    CHECK(events[6].entry == "fire-license-online");
    CHECK(events[6].value == 12); // Bengali digits read as marks
    CHECK((events[7].kind == scoring::EventKind::Submit && events[7].entry == "police-clearance"));

    scoring::Store store(paper.db);
    const content::LoadedPack pack = content::LoadPack(kPack);
    scoring::Judging judging(store, pack.content);
    const scoring::Judge rahman = *judging.Registry().FindByName("Rahman");
    CHECK(judging.Log().Card(rahman.id, "police-clearance").submitted);

    // And out again, for a spreadsheet: every event with the judge's name and its source.
    const std::string csv = (paper.folder / "events.csv").string();
    REQUIRE(paper.Run({"scores", "export", "--out", csv}) == 0);
    CHECK(paper.out == "wrote 8 events to " + csv + "\n");
    std::ifstream file(csv, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    CHECK(text.find(",Rahman,police-clearance,score,simplification,8,") != std::string::npos);
    CHECK(text.find(",নাসরিন জাহান,fire-license-online,score,novelty,12,") != std::string::npos);
    CHECK(text.find(",paper,") != std::string::npos);
}

TEST_CASE("a paper file with any wrong row is refused line by line and writes nothing") {
    Paper paper;
    const std::string csv = "Rahman,police-clearance,novelty,8\n"         // 1: fine
                            "Karim,police-clearance,novelty,8\n"          // 2: no such judge
                            "Rahman,fire-license-online,novelty,8\n"      // 3: his own office
                            "নাসরিন জাহান,fire-drill-booking,novelty,8\n" // 4: not her category
                            "Rahman,police-clearance,beauty,8\n"          // 5: no such criterion
                            "Rahman,police-gd-online,novelty,16\n"        // 6: above the max (15)
                            "Rahman,police-gd-online,technology,seven\n"  // 7: not a number
                            "Rahman,police-clearance,novelty,9\n"         // 8: repeats line 1
                            "Rahman,no-such-entry,novelty,3\n";           // 9: no such entry
    CHECK(paper.Import(csv) == 1);
    for (const char* expected :
         {":2: error: there is no judge", ":3: error: Rahman is recused",
          ":4: error: \"fire-drill-booking\" is not in a category", ":5: error:", ":6: error:", ":7: error:",
          ":8: error:", "already given on line 1", ":9: error: there is no entry", "nothing imported"})
        CHECK_MESSAGE(paper.err.find(expected) != std::string::npos, expected, "\n", paper.err);
    CHECK(paper.err.find(":1: error") == std::string::npos);
    CHECK(paper.Events().empty());
}

TEST_CASE("paper marks are refused on a card already submitted, and a wrong shape names its line") {
    Paper paper;
    REQUIRE(paper.Import(FullSheet("Rahman", "police-clearance")) == 0);
    CHECK(paper.Import("Rahman,police-clearance,novelty,3\n") == 1);
    CHECK(paper.err.find(":1: error: the scorecard of judge Rahman for \"police-clearance\" is submitted") !=
          std::string::npos);
    CHECK(paper.Import("Rahman,police-gd-online,novelty\n") == 1);
    CHECK(paper.err.find(":1: error: expected 4 columns") != std::string::npos);
    CHECK(paper.Events().size() == 7);
}
