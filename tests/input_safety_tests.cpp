// Bad input and the rubric under the judges' feet (issue 14): a changed or unreadable rubric never
// swapped in silently, marks above a lowered max named and never counted above it, CSV cells a
// spreadsheet would run neutralised, Bijoy text recognised, and `kiosk judges import` all or nothing,
// refusing names that are not clean UTF-8.
#include "content/bank.h"
#include "content/rubric_change.h"
#include "content/text_safety.h"
#include "kiosk/cli/commands.h"
#include "scoring/judging.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace content;

namespace {

// The demo fair copied to a scratch folder, with a kiosk database beside it.
struct ScratchFair {
    fs::path root = fs::temp_directory_path() / ("kiosk-input-" + std::to_string(getpid()));
    fs::path pack = root / "pack";
    std::string db = (root / "kiosk.db").string();
    ScratchFair() {
        fs::remove_all(root);
        fs::create_directories(root);
        fs::copy(fs::path(KIOSK_SOURCE_DIR) / "assets/demo-fair", pack, fs::copy_options::recursive);
    }
    ~ScratchFair() { fs::remove_all(root); }
    std::string Read(const std::string& file) const {
        std::ifstream in(pack / file);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    void Write(const std::string& file, const std::string& text) const {
        std::ofstream(pack / file, std::ios::binary) << text;
    }
    // rubric.json with the max of `criterion` ("max": 10 in the demo) set to `max`.
    void LowerMax(const std::string& criterion, int max) const {
        std::string text = Read("rubric.json");
        const size_t at = text.find("\"max\"", text.find("\"" + criterion + "\""));
        REQUIRE(at != std::string::npos);
        const size_t end = text.find_first_of(",\n}", at);
        text.replace(at, end - at, "\"max\": " + std::to_string(max));
        Write("rubric.json", text);
    }
};

std::string Entry(const FairContent& content) {
    return content.innovations.front().id;
}

} // namespace

// [SECTION] The rubric

TEST_CASE("what changed between two rubrics, said for the trail") {
    const Rubric before = DefaultRubric();
    Rubric after = before;
    after.criteria[1].max_marks = 5;
    after.criteria.pop_back();
    after.criteria.push_back({"impact", {"প্রভাব", "Impact"}, {}, 10, 1});
    const RubricChange change = CompareRubrics(before, after);
    CHECK(change.added == std::vector<std::string>{"impact"});
    CHECK(change.removed == std::vector<std::string>{before.criteria.back().id});
    REQUIRE(change.max_changed.size() == 1);
    CHECK(change.Describe() == "added \"impact\"; removed \"replicability\"; max of \"novelty\" 15 -> 5");
    CHECK(CompareRubrics(before, before).Empty());
}

TEST_CASE("a rubric that cannot be read, or is gone, keeps the one the judges have") {
    ScratchFair fair;
    const LoadedPack good = LoadPack(fair.pack.string());
    REQUIRE(good.rubric_file == RubricFile::Read);
    const Rubric& current = good.content.rubric;

    fair.Write("rubric.json", fair.Read("rubric.json").substr(0, 200)); // half saved
    const LoadedPack half = LoadPack(fair.pack.string());
    CHECK(half.rubric_file == RubricFile::Unreadable);
    CHECK(DecideRubric(current, half, false) == RubricUpdate::KeepUnreadable);
    CHECK(DecideRubric(current, half, true) == RubricUpdate::KeepUnreadable);

    fair.Write("rubric.json", "{\"criteria\": [{\"id\": \"x\", \"name\": {\"bn\": \"ক\"}, \"max\": 2.5}]}");
    CHECK(DecideRubric(current, LoadPack(fair.pack.string()), true) == RubricUpdate::KeepUnreadable);

    fs::remove(fair.pack / "rubric.json");
    const LoadedPack gone = LoadPack(fair.pack.string());
    CHECK(gone.rubric_file == RubricFile::Absent);
    CHECK(DecideRubric(current, gone, true) == RubricUpdate::KeepMissing);
    CHECK(DecideRubric(current, gone, false) == RubricUpdate::Same); // the default is the demo's rubric
}

TEST_CASE("a changed rubric waits for the organiser once scores exist, and is taken before") {
    ScratchFair fair;
    const LoadedPack good = LoadPack(fair.pack.string());
    fair.LowerMax("replicability", 5);
    const LoadedPack changed = LoadPack(fair.pack.string());
    REQUIRE(changed.rubric_file == RubricFile::Read);
    CHECK(DecideRubric(good.content.rubric, changed, false) == RubricUpdate::Take);
    CHECK(DecideRubric(good.content.rubric, changed, true) == RubricUpdate::Hold);
    CHECK(DecideRubric(good.content.rubric, good, true) == RubricUpdate::Same);
}

TEST_CASE("accepting a rubric is a judge-less rubric event by the organiser") {
    scoring::Store store(":memory:");
    scoring::ScoreLog log(store);
    log.AcceptRubric("max of \"novelty\" 15 -> 5");
    const std::vector<scoring::Event> events = log.Events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == scoring::EventKind::Rubric);
    CHECK(events[0].judge.empty());
    CHECK(events[0].by_organiser);
    CHECK(events[0].text == "max of \"novelty\" 15 -> 5");
}

// [SECTION] Marks above a lowered max

TEST_CASE("a total never exceeds its maximum: marks above a lowered max count as the max") {
    const Criterion criterion{"novelty", {"নতুনত্ব", "Novelty"}, {}, 5, 2.0};
    scoring::WeightedTotal total;
    total.Add(criterion, 7);
    CHECK(total.marks == 10.0);
    CHECK(total.out_of == 10.0);
    CHECK(total.Percent() == 100.0);
}

TEST_CASE("kiosk check --db names every mark above its criterion's lowered max") {
    ScratchFair fair;
    {
        const LoadedPack pack = LoadPack(fair.pack.string());
        scoring::Store store(fair.db);
        scoring::Judging judging(store, pack.content);
        const scoring::JudgeId judge = judging.Registry().Add(
            {"Shirin Akter", "police", {pack.content.innovations.front().category_id}, "2468"});
        judging.Log().SetMarks(judge, Entry(pack.content), "replicability", 7);
        judging.Log().SetMarks(judge, Entry(pack.content), "novelty", 4);
    }
    std::ostringstream clean, clean_err;
    kiosk::cli::Check({fair.pack.string(), "--db", fair.db}, clean,
                      clean_err); // the copy has no pictures: warnings
    CHECK(clean.str().find("above its max") == std::string::npos);
    CHECK(clean.str().find(" 0 errors") != std::string::npos);
    fair.LowerMax("replicability", 5);
    std::ostringstream out, err;
    CHECK(kiosk::cli::Check({fair.pack.string(), "--db", fair.db}, out, err) == 1);
    INFO(out.str());
    CHECK(out.str().find("error: judge 1 \"Shirin Akter\" gave 7 marks for \"replicability\" to \"" +
                         Entry(LoadPack(fair.pack.string()).content) + "\", above its max of 5") !=
          std::string::npos);
    CHECK(out.str().find("novelty") == std::string::npos);
    CHECK(out.str().find("1 error") != std::string::npos);
    std::ostringstream none, none_err;
    CHECK(kiosk::cli::Check({fair.pack.string(), "--db", (fair.root / "nope.db").string()}, none, none_err) ==
          2);
}

// [SECTION] CSV out: formulas neutralised

TEST_CASE("every CSV cell a spreadsheet would run is neutralised, and reads back as it was") {
    CHECK(CsvCell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(CsvCell("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
    CHECK(CsvCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(CsvCell("-3") == "'-3");
    CHECK(CsvCell("\tx") == "'\tx");
    CHECK(CsvCell("\rx") == "\"'\rx\"");
    CHECK(CsvCell("ফায়ার") == "ফায়ার");
    CHECK(CsvCell("a, b") == "\"a, b\"");
    CHECK(IsNeutralisedCell("'=1"));
    CHECK_FALSE(IsNeutralisedCell("'quoted'"));

    BankRow row;
    row.name = "=HYPERLINK(\"http://evil\",\"click\")";
    row.description = "@SUM(1+1)";
    row.comments = "-2";
    const std::string csv = FormatBankCsv({row});
    CHECK(csv.find("'=HYPERLINK") != std::string::npos);
    CHECK(csv.find("'@SUM") != std::string::npos);
    const BankTable table = ParseBankCsv(csv, "bank.csv");
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].name == row.name);
    CHECK(table.rows[0].description == row.description);
    CHECK(table.rows[0].comments == row.comments);
}

// [SECTION] Bijoy

TEST_CASE("Bengali typed in a Bijoy font is recognised, in UTF-8 and in ANSI bytes") {
    CHECK(LooksLikeBijoy("Awfhy³ †mev")); // অভিযোগ সেবা, as Excel saves it in UTF-8
    CHECK(LooksLikeBijoy("\x41\x77\x66\x68\x79\xB3 \x86mev")); // the same saved as plain CSV (Windows-1252)
    CHECK(LooksLikeBijoy("dvqvi mvwf©m A¨vc")); // ফায়ার সার্ভিস অ্যাপ
    CHECK_FALSE(LooksLikeBijoy("Fire Service App"));
    CHECK_FALSE(LooksLikeBijoy("ফায়ার সার্ভিস অ্যাপ"));
    CHECK_FALSE(LooksLikeBijoy("Café © 2024"));
    CHECK_FALSE(LooksLikeBijoy("José Núñez"));

    const std::string header = "বাস্তবায়িত ধারণার নাম,সংক্ষিপ্ত বিবরণ\r\n";
    const BankTable table = ParseBankCsv(header + "Awfhy³ †mev,ফায়ার সার্ভিস\r\n", "bank.csv");
    CHECK(table.rows.empty());
    REQUIRE_FALSE(table.problems.empty());
    bool said = false;
    for (const BankProblem& problem : table.problems)
        said = said || (problem.line == 2 && problem.ToString().find("Bijoy") != std::string::npos &&
                        problem.ToString().find("Avro") != std::string::npos);
    CHECK(said);
}

// [SECTION] kiosk judges import

namespace {

struct JudgesCli {
    ScratchFair fair;
    std::string out, err;
    int Import(const std::string& bytes) {
        const std::string file = (fair.root / "judges.csv").string();
        std::ofstream(file, std::ios::binary) << bytes;
        std::istringstream in;
        std::ostringstream o, e;
        const int status =
            kiosk::cli::Judges({"import", file, "--db", fair.db, "--content", fair.pack.string()}, in, o, e);
        out = o.str(), err = e.str();
        return status;
    }
    size_t Judges() {
        scoring::Store store(fair.db);
        return scoring::Judges(store).List().size();
    }
};

} // namespace

TEST_CASE(
    "kiosk judges import refuses Latin-1 bytes, control characters and direction overrides, with the line") {
    JudgesCli cli;
    CHECK(cli.Import("name,office,categories,PIN\n"
                     "Jos\xE9,fire,digital,1234\n"
                     "Bell\x07"
                     "a,fire,digital,1234\n"
                     "Evil\xE2\x80\xAE"
                     "nimdA,fire,digital,1234\n"
                     "Iso\xE2\x81\xA6x,fire,digital,1234\n"
                     "Awfhy³ †mev,fire,digital,1234\n"
                     "Fine Name,fire,digital,1234\n") == 1);
    INFO(cli.err);
    CHECK(cli.err.find(":2: error: the name is not valid UTF-8 (byte 0xE9") != std::string::npos);
    CHECK(cli.err.find(":3: error: the name holds a control character (U+0007)") != std::string::npos);
    CHECK(cli.err.find(":4: error: the name holds a text-direction override (U+202E)") != std::string::npos);
    CHECK(cli.err.find(":5: error: the name holds a text-direction override (U+2066)") != std::string::npos);
    CHECK(
        cli.err.find(":6: error: the name \"Awfhy³ †mev\": this looks like Bengali typed in a Bijoy font") !=
        std::string::npos);
    CHECK(cli.err.find("nothing imported") != std::string::npos);
    CHECK(cli.Judges() == 0);
}

TEST_CASE("kiosk judges import says a UTF-16 file is UTF-16") {
    JudgesCli cli;
    for (const std::string& bom : {std::string("\xFF\xFE"), std::string("\xFE\xFF")}) {
        CHECK(cli.Import(bom + std::string("n\0a\0m\0e\0", 8)) == 1);
        CHECK(cli.err.find("error: the file is UTF-16") != std::string::npos);
    }
}

TEST_CASE("importing judges is one transaction: a failure halfway leaves none of them") {
    ScratchFair fair;
    const LoadedPack pack = LoadPack(fair.pack.string());
    scoring::Store store(fair.db);
    scoring::Judges judges(store);
    judges.Add({"Already There", "fire", {"digital"}, "1111"});
    // The third is new and has no PIN: refused inside the transaction, after two were written.
    const std::vector<scoring::NewJudge> batch{{"A", "fire", {"digital"}, "1234"},
                                               {"Already There", "police", {"digital"}, ""},
                                               {"C", "fire", {"digital"}, ""}};
    CHECK_THROWS_AS(judges.AddOrUpdateAll(batch), scoring::Refused);
    CHECK(judges.List().size() == 1);
    CHECK(judges.FindByName("Already There")->office == "fire");
    CHECK(scoring::Judges(store).List().size() == 1);

    const std::vector<scoring::Judges::Imported> done = judges.AddOrUpdateAll({batch[0], batch[1]});
    REQUIRE(done.size() == 2);
    CHECK(done[0].added);
    CHECK_FALSE(done[1].added);
    CHECK(judges.FindByName("Already There")->office == "police");
    CHECK(scoring::Judges(store).List().size() == 2);
}

TEST_CASE("a cell that already looks neutralised still reads back exactly") {
    for (const char* cell : {"'=1", "''@x", "'plain", "=1"}) {
        CAPTURE(cell);
        const std::string written = CsvCell(cell);
        CHECK((IsNeutralisedCell(written) ? written.substr(1) : written) == std::string(cell));
    }
}
