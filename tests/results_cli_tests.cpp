// kiosk results, report and certificates (issues 11 and 13) on a small fair made from paper
// sheets: the JSON shape, the method remembered, refusals as values, finalising, a change after
// finalising said loudly, reopening with a reason.
#include "kiosk/cli/commands.h"
#include "scoring/score_log.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Fair {
    fs::path folder = fs::temp_directory_path() / ("kiosk-results-" + std::to_string(getpid()));
    std::string db = (folder / "kiosk.db").string();
    std::string out, err;

    Fair() {
        fs::remove_all(folder);
        fs::create_directories(folder);
    }
    ~Fair() { fs::remove_all(folder); }

    int Run(std::vector<std::string> args) {
        args.insert(args.end(), {"--db", db, "--content", KIOSK_SOURCE_DIR "/assets/demo-fair"});
        std::ostringstream o, e;
        const int status = kiosk::cli::RunSubcommand(args, o, e);
        out = o.str(), err = e.str();
        return status;
    }
    // A judge of the digital category from `office`, scoring every digital entry not his or her
    // office's with `marks[i]` on every criterion (the same percent on each).
    void Judge(const std::string& name, const std::string& office,
               const std::vector<std::pair<std::string, int>>& cards) {
        REQUIRE(Run({"judges", "add", name, "--office", office, "--categories", "digital", "--pin",
                     "1234"}) == 0);
        std::string csv;
        for (const auto& [entry, percent] : cards)
            for (const auto& [criterion, max] :
                 std::vector<std::pair<std::string, int>>{{"simplification", 25},
                                                          {"novelty", 15},
                                                          {"citizen-friendly", 20},
                                                          {"technology", 15},
                                                          {"sustainability", 15},
                                                          {"replicability", 10}})
                csv +=
                    name + "," + entry + "," + criterion + "," + std::to_string(max * percent / 100) + "\n";
        const fs::path path = folder / (name + ".csv");
        std::ofstream(path) << csv;
        REQUIRE(Run({"scores", "import", path.string()}) == 0);
    }
    json Json() {
        REQUIRE(Run({"results", "--json"}) == 0);
        return json::parse(out);
    }
    static const json& Category(const json& results, const std::string& id) {
        for (const json& category : results["categories"])
            if (category["id"] == id) return category;
        FAIL("no category " << id);
        static json none;
        return none;
    }
};

// The demo fair's digital entries and offices: fire-license-online (fire), visa-tracking
// (passport), dnc-license-renewal (narcotics), police-clearance (police). Judges from offices
// outside the category (ansar, ssd, prisons) score all four.
void ScoreDigital(Fair& fair) {
    fair.Judge("A", "ansar",
               {{"fire-license-online", 80},
                {"visa-tracking", 60},
                {"dnc-license-renewal", 40},
                {"police-clearance", 20}});
    fair.Judge("B", "ssd",
               {{"fire-license-online", 100},
                {"visa-tracking", 80},
                {"dnc-license-renewal", 60},
                {"police-clearance", 40}});
}

} // namespace

TEST_CASE("kiosk results --json gives the standings, the method and refusals as values") {
    Fair fair;
    ScoreDigital(fair);
    json results = fair.Json();
    CHECK(results["method"] == "mean");
    CHECK(results["final"] == false);
    const json& digital = Fair::Category(results, "digital");
    CHECK(digital["provisional"] == false);
    CHECK(digital["refused"].is_null());
    REQUIRE(digital["standings"].size() == 4);
    CHECK(digital["standings"][0]["entry"] == "fire-license-online");
    CHECK(digital["standings"][0]["score"] == 90.0);
    CHECK(digital["standings"][0]["place"] == 1);
    CHECK(digital["standings"][0]["judges"] == 2);
    CHECK(digital["standings"][3]["entry"] == "police-clearance");
    CHECK(digital["standings"][0].contains("p_top3"));

    // Trimmed mean needs 5 judges per entry: refused, with the reason, score and place null.
    REQUIRE(fair.Run({"results", "--method", "trimmed", "--json"}) == 0);
    results = json::parse(fair.out);
    const json& trimmed = Fair::Category(results, "digital");
    CHECK(trimmed["refused"]["code"] == "too-few-judges");
    CHECK(trimmed["standings"][0]["score"].is_null());
    CHECK(trimmed["standings"][0]["place"].is_null());
    // The method given is remembered for the next output.
    CHECK(fair.Json()["method"] == "trimmed");
    CHECK(fair.Run({"results", "--method", "best"}) == 2);
}

TEST_CASE("results are provisional while an assigned card is missing, and cannot be finalised then") {
    Fair fair;
    ScoreDigital(fair);
    REQUIRE(fair.Run({"judges", "add", "Late", "--office", "prisons", "--categories", "digital", "--pin",
                      "1234"}) == 0);
    const json results = fair.Json();
    const json& digital = Fair::Category(results, "digital");
    CHECK(digital["provisional"] == true);
    CHECK(digital["missing"].size() == 4);
    CHECK(fair.Run({"results", "finalise"}) == 1);
    CHECK(fair.err.find("provisional: 4 scorecard(s) are still missing") != std::string::npos);
}

TEST_CASE("finalising keeps a hash, a later change is said loudly, and reopening needs a reason") {
    Fair fair;
    ScoreDigital(fair);
    REQUIRE(fair.Run({"results", "finalise"}) == 0);
    json results = fair.Json();
    CHECK(results["final"] == true);
    CHECK(results["finalised"]["intact"] == true);
    CHECK(results["finalised"]["hash"] == results["hash"]);
    CHECK(fair.Run({"results", "finalise"}) == 1); // already final

    // An event arriving after finalising (as a late kiosk's sync would bring): no longer intact.
    {
        scoring::Store store(fair.db);
        scoring::ScoreLog log(store);
        CHECK_THROWS_AS(log.Reopen(1, "visa-tracking", "typo"),
                        scoring::Refused); // final: reopen results first
        CHECK_THROWS_AS(log.Settle("visa-tracking", "dnc-license-renewal", "late"), scoring::Refused);
        scoring::Event late{
            .entry = "visa-tracking", .kind = scoring::EventKind::Settle, .text = "a late decision"};
        late.other = "dnc-license-renewal", late.by_organiser = true;
        log.Record({late});
    }
    results = fair.Json();
    CHECK(results["final"] == false);
    CHECK(results["finalised"]["intact"] == false);
    REQUIRE(fair.Run({"results"}) == 0);
    CHECK(fair.out.find("NO LONGER HASH THE SAME") != std::string::npos);

    CHECK(fair.Run({"results", "reopen"}) == 1); // no reason
    REQUIRE(fair.Run({"results", "reopen", "--reason", "the late decision is accepted"}) == 0);
    results = fair.Json();
    CHECK(results["finalised"].is_null());
    REQUIRE(fair.Run({"results", "finalise"}) == 0);
    CHECK(fair.Json()["final"] == true);
}

TEST_CASE("kiosk report and kiosk certificates write PDFs from the result, and refuse a bad date") {
    Fair fair;
    ScoreDigital(fair);
    const std::string report = (fair.folder / "report.pdf").string();
    REQUIRE(fair.Run({"report", "--out", report, "--date", "2024-01-03"}) == 0);
    CHECK(fair.out.find("PROVISIONAL results") != std::string::npos); // not finalised
    CHECK(fs::file_size(report) > 10'000);
    const std::string certificates = (fair.folder / "certificates.pdf").string();
    REQUIRE(fair.Run({"certificates", "--out", certificates, "--lang", "en"}) == 0);
    CHECK(fair.out.find("3 pages") != std::string::npos); // 1st, 2nd and 3rd of the one judged category
    CHECK(fair.Run({"report", "--out", report, "--date", "2024-02-30"}) == 2);
    CHECK(fair.Run({"report"}) == 2);
}
