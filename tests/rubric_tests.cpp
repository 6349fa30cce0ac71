// The fair's rubric (issue 5): rubric.json read with path:line problems like the rest of the
// pack, the default for packs without one, and the demo fair's file equal to that default.
#include "content/pack_loader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace content;

namespace {

const std::string kFair = R"({"format": 1,
  "fair": {"id": "t", "name": {"bn": "মেলা", "en": "Fair"}, "dates": ["2024-03-12"]},
  "offices": [{"id": "o1", "name": {"bn": "দপ্তর", "en": "Office"}}],
  "categories": [{"id": "c1", "name": {"bn": "বিভাগ", "en": "Category"}}]}
)";

// A scratch pack with a fair and, when given, a rubric.json.
struct ScratchPack {
    fs::path root = fs::temp_directory_path() / ("kiosk-rubric-" + std::to_string(getpid()));
    explicit ScratchPack(const std::string& rubric = "") {
        fs::remove_all(root);
        fs::create_directories(root / "innovations");
        std::ofstream(root / "fair.json") << kFair;
        if (!rubric.empty()) std::ofstream(root / "rubric.json") << rubric;
    }
    ~ScratchPack() { fs::remove_all(root); }
    LoadedPack Load() const { return LoadPack(root.string()); }
};

// "line: severity: message" of every problem in rubric.json.
std::vector<std::string> RubricProblems(const LoadedPack& pack) {
    std::vector<std::string> found;
    for (const PackProblem& problem : pack.problems)
        if (fs::path(problem.file).filename() == "rubric.json")
            found.push_back(std::to_string(problem.line) + ": " + ToString(problem.severity) + ": " +
                            problem.message);
    return found;
}

} // namespace

TEST_CASE("a pack without rubric.json gets the default rubric, without a word") {
    ScratchPack pack;
    const LoadedPack loaded = pack.Load();
    CHECK(RubricProblems(loaded).empty());
    CHECK_FALSE(loaded.content.rubric.from_pack);
    CHECK(loaded.content.rubric.criteria == DefaultRubric().criteria);
}

TEST_CASE("the default rubric: six criteria, 100 marks, Bengali and English everywhere") {
    const Rubric rubric = DefaultRubric();
    REQUIRE(rubric.criteria.size() == 6);
    int total = 0;
    for (const Criterion& criterion : rubric.criteria) {
        total += criterion.max_marks;
        CHECK_FALSE(criterion.name.bn.empty());
        CHECK_FALSE(criterion.name.en.empty());
        CHECK_FALSE(criterion.guidance.bn.empty());
        CHECK_FALSE(criterion.guidance.en.empty());
        CHECK(criterion.weight == 1.0);
    }
    CHECK(total == 100);
    CHECK(rubric.Find("novelty") != nullptr);
    CHECK(rubric.Find("nothing") == nullptr);
}

TEST_CASE("the demo fair's rubric.json is clean and is the default rubric") {
    const LoadedPack loaded = LoadPack(KIOSK_SOURCE_DIR "/assets/demo-fair");
    CHECK(RubricProblems(loaded).empty());
    CHECK(loaded.content.rubric.from_pack);
    CHECK(loaded.content.rubric.criteria == DefaultRubric().criteria);
}

TEST_CASE("a rubric.json is read: order, marks, weights, guidance") {
    ScratchPack pack(R"({"format": 1, "note": "ours",
  "criteria": [
    {"id": "b", "name": {"bn": "খ", "en": "B"}, "guidance": {"bn": "নির্দেশনা", "en": "Guidance"}, "max": 10, "weight": 2},
    {"id": "a", "name": {"bn": "ক", "en": "A"}, "guidance": {"bn": "নির্দেশনা", "en": "Guidance"}, "max": 5}
  ]}
)");
    const LoadedPack loaded = pack.Load();
    CHECK(RubricProblems(loaded).empty());
    const Rubric& rubric = loaded.content.rubric;
    REQUIRE(rubric.criteria.size() == 2);
    CHECK(rubric.from_pack);
    CHECK(rubric.criteria[0].id == "b");
    CHECK(rubric.criteria[0].weight == 2.0);
    CHECK(rubric.criteria[1].max_marks == 5);
    CHECK(rubric.criteria[1].weight == 1.0); // the default
    CHECK(rubric.criteria[1].guidance.en == "Guidance");
}

TEST_CASE("rubric problems name their line, and a broken criterion is left out") {
    ScratchPack pack(R"({
  "criteria": [
    {"id": "ok", "name": {"bn": "ঠিক", "en": "OK"}, "guidance": {"bn": "ক", "en": "A"}, "max": 10},
    {"id": "ok", "name": {"bn": "আবার", "en": "Again"}, "guidance": {"bn": "ক", "en": "A"}, "max": 10},
    {"id": "zero", "name": {"bn": "শূন্য", "en": "Zero"}, "guidance": {"bn": "ক", "en": "A"}, "max": 0},
    {"id": "half", "name": {"bn": "অর্ধ", "en": "Half"}, "guidance": {"bn": "ক", "en": "A"},
     "max": 2.5},
    {"id": "heavy", "name": {"bn": "ভারী", "en": "Heavy"}, "guidance": {"bn": "ক", "en": "A"}, "max": 5, "weight": -1},
    {"id": "text", "name": {"bn": "লেখা", "en": "Text"}, "guidance": {"bn": "ক", "en": "A"}, "max": "10"},
    {"id": "english", "name": {"en": "English only"}, "guidance": {"bn": "ক", "en": "A"}, "max": 5},
    {"id": "bare", "name": {"bn": "খালি", "en": "Bare"}, "max": 5, "maxx": 3},
    {"name": {"bn": "নামহীন", "en": "No id"}, "max": 5},
    "not an object"
  ]
}
)");
    const LoadedPack loaded = pack.Load();
    const std::vector<std::string> problems = RubricProblems(loaded);
    const std::vector<std::string> expected = {
        "4: error: duplicate criterion id \"ok\": the first is kept",
        "5: error: \"max\" must be a whole number of marks from 1 to 100, not 0",
        "7: error: \"max\" must be a whole number of marks from 1 to 100, not 2.5",
        "8: error: \"weight\" must be a number above 0 and at most 100, not -1",
        "9: error: \"max\" must be a whole number of marks from 1 to 100, not a text",
        "10: error: \"name\" has no Bengali (\"bn\"): the kiosk shows every text in Bengali first",
        "11: warning: unknown key \"maxx\" (did you mean \"max\"?): ignored",
        "11: warning: criterion \"bare\" has no \"guidance\": judges see only its name",
        "12: error: missing \"id\"",
        "12: warning: criterion \"\" has no \"guidance\": judges see only its name",
        "13: error: a criterion must be an object {...}, not a text",
    };
    CHECK(problems == expected);
    REQUIRE(loaded.content.rubric.criteria.size() == 2);
    CHECK(loaded.content.rubric.criteria[0].id == "ok");
    CHECK(loaded.content.rubric.criteria[0].name.en == "OK");
    CHECK(loaded.content.rubric.criteria[1].id == "bare");
}

TEST_CASE("a rubric.json that cannot be used leaves the default rubric, and says so") {
    SUBCASE("not JSON") {
        ScratchPack pack("{\"criteria\": [\n  {\"id\": \"a\",,}\n]}\n");
        const LoadedPack loaded = pack.Load();
        const std::vector<std::string> problems = RubricProblems(loaded);
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].rfind("2: error: not valid JSON", 0) == 0);
        CHECK(problems[1] == "0: error: the default rubric is used until this file is fixed");
        CHECK_FALSE(loaded.content.rubric.from_pack);
        CHECK(loaded.content.rubric.criteria == DefaultRubric().criteria);
    }
    SUBCASE("no usable criterion") {
        ScratchPack pack(
            "{\n  \"criteria\": [\n    {\"id\": \"a\", \"name\": {\"bn\": \"ক\"}, \"max\": 500}\n  ]\n}\n");
        const LoadedPack loaded = pack.Load();
        const std::vector<std::string> problems = RubricProblems(loaded);
        CHECK(std::find(problems.begin(), problems.end(),
                        std::string("2: error: no criterion can be used: the default rubric is used")) !=
              problems.end());
        CHECK(loaded.content.rubric.criteria == DefaultRubric().criteria);
    }
    SUBCASE("no criteria list") {
        ScratchPack pack("{\n  \"criterias\": []\n}\n");
        const std::vector<std::string> problems = RubricProblems(pack.Load());
        const std::vector<std::string> expected = {
            "1: error: missing \"criteria\"",
            "2: warning: unknown key \"criterias\" (did you mean \"criteria\"?): ignored"};
        CHECK(problems == expected);
    }
}
