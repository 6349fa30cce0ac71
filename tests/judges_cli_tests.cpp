// kiosk judges (issue 5): list, add, remove, set-pin, unlock and CSV import, with their messages.
#include "kiosk/cli/commands.h"
#include "scoring/judges.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Cli {
    fs::path folder = fs::temp_directory_path() / ("kiosk-judges-cli-" + std::to_string(getpid()));
    std::string db = (folder / "kiosk.db").string();
    std::string out, err;

    Cli() {
        fs::remove_all(folder);
        fs::create_directories(folder);
    }
    ~Cli() { fs::remove_all(folder); }

    int Run(std::vector<std::string> args, const std::string& input = "") {
        args.insert(args.end(), {"--db", db, "--content", KIOSK_SOURCE_DIR "/assets/demo-fair"});
        std::istringstream in(input);
        std::ostringstream o, e;
        const int status = kiosk::cli::Judges(args, in, o, e);
        out = o.str(), err = e.str();
        return status;
    }
    std::string Write(const std::string& name, const std::string& text) {
        const fs::path path = folder / name;
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }
};

} // namespace

TEST_CASE("kiosk judges: add with the PIN on stdin or --pin, list, remove") {
    Cli cli;
    CHECK(cli.Run({"add", "Dr. Rahman", "--office", "fire", "--categories", "digital;citizen"}, "1234\n") ==
          0);
    CHECK(cli.out == "added judge 1: Dr. Rahman\n");
    CHECK(cli.Run({"add", "নাসরিন জাহান", "--office", "police", "--categories", "internal", "--pin",
                   "246810"}) == 0);
    CHECK(cli.Run({"list"}) == 0);
    CHECK(cli.out == "judge\tname\toffice\tcategories\tstate\n"
                     "1\tDr. Rahman\tfire\tcitizen;digital\tok\n"
                     "2\tনাসরিন জাহান\tpolice\tinternal\tok\n"
                     "2 judges\n");
    CHECK(cli.Run({"remove", "1"}) == 0);
    CHECK(cli.out == "removed judge 1: Dr. Rahman\n");
    CHECK(cli.Run({"list"}) == 0);
    CHECK(cli.out.find("Rahman") == std::string::npos);
    CHECK(cli.Run({"remove", "1"}) == 1);
    CHECK(cli.err == "kiosk judges: there is no judge 1 (see kiosk judges list)\n");
}

TEST_CASE("kiosk judges: offices, categories and PINs are checked") {
    Cli cli;
    CHECK(cli.Run({"add", "A", "--office", "fyre", "--categories", "digital;nothing"}, "1234\n") == 1);
    CHECK(cli.err == "kiosk judges: unknown office \"fyre\": not in fair.json\n"
                     "kiosk judges: unknown category \"nothing\": not in fair.json\n");
    CHECK(cli.Run({"add", "A", "--office", "fire", "--categories", "digital"}, "12\n") == 1);
    CHECK(cli.err == "kiosk judges: the PIN of judge \"A\" must be 4 to 8 digits\n");
    CHECK(cli.Run({"add", "A", "--office", "fire"}) == 2);
    CHECK(cli.Run({"frobnicate"}) == 2);
    CHECK(cli.Run({"unlock", "x"}) == 2);
}

TEST_CASE("kiosk judges: set-pin and unlock") {
    Cli cli;
    REQUIRE(cli.Run({"add", "A", "--office", "fire", "--categories", "digital", "--pin", "1234"}) == 0);
    {
        scoring::Store store(cli.db);
        scoring::Judges judges(store);
        for (int i = 0; i < 5; ++i)
            judges.CheckPin(1, "0000");
    }
    CHECK(cli.Run({"list"}) == 0);
    CHECK(cli.out.find("\tlocked for 30 s\n") != std::string::npos);
    CHECK(cli.Run({"unlock", "1"}) == 0);
    CHECK(cli.Run({"list"}) == 0);
    CHECK(cli.out.find("\tok\n") != std::string::npos);
    CHECK(cli.Run({"set-pin", "1"}, "98765\n") == 0);
    CHECK(cli.out == "new PIN for judge 1: A\n");
    scoring::Store store(cli.db);
    CHECK(scoring::Judges(store).CheckPin(1, "98765").result == scoring::PinCheck::Result::Ok);
}

TEST_CASE("kiosk judges import: a CSV with a header, Bengali names and quoted cells, run twice, updates") {
    Cli cli;
    const std::string csv = cli.Write("judges.csv", "\xEF\xBB\xBFname,office,categories,PIN\r\n"
                                                    "মোঃ আব্দুর রহমান,fire,digital;citizen,1234\r\n"
                                                    "\"Karim, M.\",police,internal,567890\r\n");
    CHECK(cli.Run({"import", csv}) == 0);
    CHECK(cli.out == "added    judge 1: মোঃ আব্দুর রহমান\nadded    judge 2: Karim, M.\n" + csv +
                         ": 2 judges read: 2 added, 0 updated\n");
    CHECK(cli.Run({"import", csv}) == 0);
    CHECK(cli.out.find("2 judges read: 0 added, 2 updated") != std::string::npos);
    scoring::Store store(cli.db);
    CHECK(scoring::Judges(store).FindByName("Karim, M.")->categories == std::vector<std::string>{"internal"});
}

TEST_CASE("kiosk judges import: every problem as file:line, and nothing imported") {
    Cli cli;
    const std::string csv = cli.Write("bad.csv", "name,office,categories,PIN\n"
                                                 "A,fire,digital,1234\n"
                                                 "B,fyre,digital,1234\n"
                                                 "\n"
                                                 "C,fire,,123\n"
                                                 "A,police,internal,1111\n"
                                                 "D,fire\n");
    CHECK(cli.Run({"import", csv}) == 1);
    CHECK(cli.err == csv + ":3: error: unknown office \"fyre\": not in fair.json\n" + csv +
                         ":5: error: no categories: write category ids separated by ;\n" + csv +
                         ":5: error: the PIN must be 4 to 8 digits (did a spreadsheet drop a leading 0? "
                         "format the column as text)\n" +
                         csv + ":6: error: \"A\" is already on line 2\n" + csv +
                         ":7: error: expected 4 columns (name, office, categories, PIN), found 2\n" + csv +
                         ": nothing imported; fix the file and run again\n");
    CHECK(cli.Run({"list"}) == 0);
    CHECK(cli.out.find("0 judges") != std::string::npos);

    const std::string broken = cli.Write("broken.csv", "A,fire,digital,1234\n\"B,fire,digital,1234\n");
    CHECK(cli.Run({"import", broken}) == 1);
    CHECK(cli.err == broken + ":2: error: a quoted cell is never closed\n");
}
