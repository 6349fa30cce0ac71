// The content pack loader: the demo fair as shipped, and what happens around its edges.
#include "content/pack_loader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace content;

namespace {

const std::string kDemo = std::string(KIOSK_SOURCE_DIR) + "/assets/demo-fair";

// A scratch pack folder, removed when the test ends.
struct TempPack {
    fs::path root;
    explicit TempPack(const std::string& name) : root(fs::temp_directory_path() / ("kiosk-test-" + name)) {
        fs::remove_all(root);
        fs::create_directories(root / "innovations");
    }
    ~TempPack() { fs::remove_all(root); }
    void Write(const std::string& file, const std::string& text) const { std::ofstream(root / file) << text; }
};

const char* kFair = R"({"format": 1,
  "fair": {"id": "t", "name": {"bn": "মেলা", "en": "Fair"}, "dates": ["2024-03-12"]},
  "offices": [{"id": "o1", "name": {"bn": "দপ্তর", "en": "Office"}}],
  "categories": [{"id": "c1", "name": {"bn": "বিভাগ", "en": "Category"}}]})";

std::string InnovationJson(const std::string& id, const std::string& office = "o1",
                           const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "office": ")" + office + R"(", "category": "c1",
      "title": {"bn": "শিরোনাম", "en": "Title"}, "summary": {"bn": "সারসংক্ষেপ", "en": "Summary"})" +
           extra + "}";
}

} // namespace

TEST_CASE("the demo fair loads whole: 12+ innovations, 5+ offices, 3+ categories") {
    const LoadedPack pack = LoadPack(kDemo);
    const FairContent& fair = pack.content;
    // The source tree has no pictures (they are drawn at build time): nothing else may be wrong.
    CHECK(pack.Count(Severity::Error) == 0);
    for (const PackProblem& problem : pack.problems)
        CHECK(problem.message.find("is not found: shown as a placeholder") != std::string::npos);
    CHECK(fair.innovations.size() >= 12);
    CHECK(fair.offices.size() >= 5);
    CHECK(fair.categories.size() >= 3);
    CHECK_FALSE(fair.fair.name.bn.empty());
    CHECK_FALSE(fair.fair.name.en.empty());
    CHECK(fair.fair.first_day.year >= 2020);

    std::set<std::string> offices_used, categories_used;
    for (const Innovation& innovation : fair.innovations) {
        CAPTURE(innovation.id);
        offices_used.insert(innovation.office_id);
        categories_used.insert(innovation.category_id);
        CHECK_FALSE(innovation.title.bn.empty());
        CHECK_FALSE(innovation.title.en.empty());
        CHECK_FALSE(innovation.summary.bn.empty());
        CHECK_FALSE(innovation.problem.bn.empty());
        CHECK_FALSE(innovation.solution.en.empty());
        CHECK_FALSE(innovation.process_before.Empty());
        CHECK_FALSE(innovation.process_after.Empty());
        CHECK(innovation.process_after.steps.size() < innovation.process_before.steps.size());
        CHECK((innovation.tcv.time || innovation.tcv.cost || innovation.tcv.visits));
        CHECK(innovation.photos.size() >= 1);
    }
    CHECK(offices_used.size() >= 5);
    CHECK(categories_used.size() >= 3);
}

TEST_CASE("every step kind appears in the demo fair's process maps") {
    const LoadedPack pack = LoadPack(kDemo);
    std::set<StepKind> kinds;
    bool yes_no = false;
    for (const Innovation& innovation : pack.content.innovations)
        for (const ProcessMap* map : {&innovation.process_before, &innovation.process_after}) {
            for (const Step& step : map->steps)
                kinds.insert(step.kind);
            for (const Edge& edge : map->edges)
                yes_no |= edge.label != EdgeLabel::None;
        }
    CHECK(kinds.size() == 6);
    CHECK(yes_no);
}

TEST_CASE("pictures resolve against the pack folder") {
    const LoadedPack pack = LoadPack(kDemo);
    const Photo& photo = pack.content.innovations.front().photos.front();
    CHECK(fs::path(photo.file).is_absolute());
    CHECK(photo.file.rfind(fs::absolute(kDemo).lexically_normal().string(), 0) == 0);
}

TEST_CASE("innovations are ordered by category, then office") {
    const FairContent fair = LoadPack(kDemo).content;
    auto position = [&](const std::string& category) {
        for (size_t i = 0; i < fair.categories.size(); ++i)
            if (fair.categories[i].id == category) return i;
        return fair.categories.size();
    };
    for (size_t i = 1; i < fair.innovations.size(); ++i)
        CHECK(position(fair.innovations[i - 1].category_id) <= position(fair.innovations[i].category_id));
}

TEST_CASE("look-ups by office and category") {
    const FairContent fair = LoadPack(kDemo).content;
    const Innovation& first = fair.innovations.front();
    CHECK(fair.FindInnovation(first.id) == &first);
    CHECK(fair.FindInnovation("no-such-thing") == nullptr);
    size_t total = 0;
    for (const Office& office : fair.offices)
        total += fair.ByOffice(office.id).size();
    CHECK(total == fair.innovations.size());
}

TEST_CASE("TCV reduction is (before - after) / before") {
    Measure measure{186, 95, "days"};
    REQUIRE(measure.ReductionPercent().has_value());
    CHECK(*measure.ReductionPercent() == doctest::Approx(48.92).epsilon(0.001));
    CHECK_FALSE(Measure{0, 5, "days"}.ReductionPercent().has_value());
}

TEST_CASE("a process map without edges links each step to the next") {
    TempPack pack("edges");
    pack.Write("fair.json", kFair);
    pack.Write("innovations/a.json", InnovationJson("a", "o1", R"(, "process": {"after": {"steps": [
        {"id": "s1", "kind": "start", "label": {"bn": "শুরু"}},
        {"id": "s2", "kind": "activity", "label": {"bn": "কাজ"}},
        {"id": "s3", "kind": "end", "label": {"bn": "শেষ"}}]}})"));
    const LoadedPack loaded = LoadPack(pack.root.string());
    REQUIRE(loaded.content.innovations.size() == 1);
    const ProcessMap& map = loaded.content.innovations[0].process_after;
    REQUIRE(map.edges.size() == 2);
    CHECK(map.edges[0].from == "s1");
    CHECK(map.edges[1].to == "s3");
}

TEST_CASE("a broken innovation is left out with its reason, the rest loads") {
    TempPack pack("broken");
    pack.Write("fair.json", kFair);
    pack.Write("innovations/good.json", InnovationJson("good"));
    pack.Write("innovations/bad-json.json", "{ \"id\": ");
    pack.Write("innovations/bad-office.json", InnovationJson("stray", "nowhere"));
    pack.Write("innovations/dup.json", InnovationJson("taken"));
    pack.Write("innovations/taken.json", InnovationJson("taken"));
    pack.Write("innovations/notes.txt", "not an innovation");
    const LoadedPack loaded = LoadPack(pack.root.string());
    REQUIRE(loaded.content.innovations.size() == 1);
    CHECK(loaded.content.innovations[0].id == "good");
    REQUIRE(loaded.problems.size() == 4);
    std::string all;
    for (const PackProblem& problem : loaded.problems)
        all += FormatProblem(problem, problem.file) + "\n";
    CHECK(all.find("bad-json.json:1:9: error: not valid JSON") != std::string::npos);
    CHECK(all.find("bad-office.json:1: error: unknown office \"nowhere\"") != std::string::npos);
    // Two files with one id: neither is shown, each names the other.
    CHECK(all.find("taken.json:1: error: duplicate id \"taken\": innovations/dup.json already has it") !=
          std::string::npos);
    CHECK(all.find("dup.json:1: error: duplicate id \"taken\": innovations/taken.json also has it") !=
          std::string::npos);
}

TEST_CASE("a pack without a usable fair.json loads empty, with the problem and the file named") {
    TempPack pack("nofair");
    pack.Write("innovations/a.json", InnovationJson("a"));
    LoadedPack loaded = LoadPack(pack.root.string());
    CHECK_FALSE(loaded.fair_ok);
    CHECK(loaded.content.innovations.empty());
    REQUIRE(loaded.problems.size() == 1);
    CHECK(loaded.problems[0].file == (pack.root / "fair.json").string());
    CHECK(loaded.problems[0].message.find("cannot open the file") != std::string::npos);

    pack.Write(
        "fair.json",
        R"({"fair": {"name": {"bn": "মেলা"}, "dates": ["2024-03-12"]}, "offices": [], "categories": []})");
    loaded = LoadPack(pack.root.string());
    CHECK_FALSE(loaded.fair_ok);
    CHECK(loaded.content.offices.empty());
    REQUIRE_FALSE(loaded.problems.empty());
    CHECK(loaded.problems[0].message == "missing \"id\"");
}
