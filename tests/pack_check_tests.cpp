// Pack validation (issue 4): every kind of problem the loader and `kiosk check` report, each
// with its message, line and severity; and what the kiosk keeps of a bad pack.
#include "content/json_source.h"
#include "content/pack_loader.h"
#include "content/pack_rules.h"
#include "kiosk/cli/commands.h"

#include <doctest/doctest.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace content;

namespace {

// [SECTION] A scratch pack with a valid fair and innovation, edited by each test

// Line numbers matter in these tests: the problems below are on known lines.
const std::string kFair = R"({
  "format": 1,
  "fair": {
    "id": "t",
    "name": {"bn": "মেলা", "en": "Fair"},
    "dates": ["2024-03-12", "2024-03-13"]
  },
  "offices": [
    {"id": "o1", "name": {"bn": "দপ্তর", "en": "Office"}},
    {"id": "o2", "name": {"bn": "দপ্তর ২", "en": "Office 2"}}
  ],
  "categories": [
    {"id": "c1", "name": {"bn": "বিভাগ", "en": "Category"}}
  ]
}
)";

const std::string kInnovation = R"({
  "id": "a",
  "office": "o1",
  "category": "c1",
  "title": {"bn": "শিরোনাম", "en": "Title"},
  "summary": {"bn": "সারসংক্ষেপ", "en": "Summary"},
  "service_link": "https://example.gov.bd/service",
  "tcv": {"time": {"before": 10, "after": 2, "unit": "days"}},
  "process": {"after": {
    "steps": [
      {"id": "s1", "kind": "start", "label": {"bn": "শুরু", "en": "Start"}},
      {"id": "s2", "kind": "decision", "label": {"bn": "ঠিক?", "en": "Right?"}},
      {"id": "s3", "kind": "activity", "label": {"bn": "কাজ", "en": "Work"}},
      {"id": "s4", "kind": "end", "label": {"bn": "শেষ", "en": "End"}}
    ],
    "edges": [
      {"from": "s1", "to": "s2"},
      {"from": "s2", "to": "s3", "label": "yes"},
      {"from": "s2", "to": "s4", "label": "no"},
      {"from": "s3", "to": "s4"}
    ]
  }}
}
)";

// `text` with its first `from` replaced; the test fails when `from` is not there.
std::string Edit(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the text: " << from);
    return text.replace(at, from.size(), to);
}

// A scratch pack folder (unique per process, as CTest runs tests in parallel), removed at the end.
struct Pack {
    fs::path root;
    explicit Pack(const std::string& name, bool with_defaults = true)
        : root(fs::temp_directory_path() / ("kiosk-check-" + name + "-" + std::to_string(getpid()))) {
        fs::remove_all(root);
        fs::create_directories(root / "innovations");
        fs::create_directories(root / "pictures");
        if (!with_defaults) return;
        Write("fair.json", kFair);
        Write("innovations/a.json", kInnovation);
    }
    ~Pack() { fs::remove_all(root); }
    Pack(const Pack&) = delete;
    Pack& operator=(const Pack&) = delete;

    void Write(const std::string& file, const std::string& bytes) const {
        std::ofstream(root / file, std::ios::binary) << bytes;
    }
    // The base innovation with one edit, or two.
    void Innovation(const std::string& from, const std::string& to, const std::string& from2 = {},
                    const std::string& to2 = {}) const {
        const std::string text = Edit(kInnovation, from, to);
        Write("innovations/a.json", from2.empty() ? text : Edit(text, from2, to2));
    }
    void Fair(const std::string& from, const std::string& to) const {
        Write("fair.json", Edit(kFair, from, to));
    }

    LoadedPack Load(bool headers = false) const {
        return LoadPack(root.string(), {.decode_pictures = headers});
    }
};

// Every problem as "innovations/a.json:12: error: ...", one a line.
std::string Listed(const LoadedPack& pack) {
    std::string all;
    for (const PackProblem& problem : pack.problems)
        all += FormatProblem(
                   problem, fs::path(problem.file).lexically_relative(pack.content.folder).generic_string()) +
               "\n";
    return all;
}

bool Has(const std::string& all, const std::string& line) {
    return all.find(line) != std::string::npos;
}

// The pack loads with exactly this one problem listed.
void ExpectOnly(const LoadedPack& pack, const std::string& line) {
    const std::string all = Listed(pack);
    INFO(all);
    CHECK(pack.problems.size() == 1);
    CHECK(Has(all, line));
}

// A small real picture, written with stb_image_write.
std::vector<unsigned char> Picture(bool jpeg, int width = 8, int height = 6) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width * height * 3), 200), bytes;
    auto append = [](void* context, void* data, int size) {
        auto* out = static_cast<std::vector<unsigned char>*>(context);
        out->insert(out->end(), static_cast<unsigned char*>(data), static_cast<unsigned char*>(data) + size);
    };
    if (jpeg)
        stbi_write_jpg_to_func(append, &bytes, width, height, 3, pixels.data(), 80);
    else
        stbi_write_png_to_func(append, &bytes, width, height, 3, pixels.data(), width * 3);
    return bytes;
}

std::string Bytes(const std::vector<unsigned char>& bytes) {
    return {bytes.begin(), bytes.end()};
}

void PutBigEndian(std::string& bytes, size_t at, uint32_t value, int size) {
    for (int i = 0; i < size; ++i)
        bytes[at + i] = static_cast<char>(value >> (8 * (size - 1 - i)));
}

// A real picture whose header claims another size: what a decompression bomb looks like.
std::string ClaimingSize(bool jpeg, uint32_t width, uint32_t height) {
    std::string bytes = Bytes(Picture(jpeg));
    if (!jpeg) {
        PutBigEndian(bytes, 16, width, 4); // IHDR
        PutBigEndian(bytes, 20, height, 4);
        return bytes;
    }
    const size_t sof = bytes.find("\xFF\xC0"); // baseline frame header: length, precision, height, width
    REQUIRE(sof != std::string::npos);
    PutBigEndian(bytes, sof + 5, height, 2);
    PutBigEndian(bytes, sof + 7, width, 2);
    return bytes;
}

const std::string kPhotos = R"("service_link": "https://example.gov.bd/service",)";
std::string WithPhoto(const std::string& file) {
    return kPhotos + "\n  \"photos\": [{\"file\": \"" + file + "\"}],";
}

} // namespace

// [SECTION] The baseline

TEST_CASE("the scratch pack is clean: one innovation, no problems") {
    Pack pack("clean");
    const LoadedPack loaded = pack.Load(true);
    CHECK(Listed(loaded) == "");
    CHECK(loaded.fair_ok);
    REQUIRE(loaded.content.innovations.size() == 1);
    CHECK(loaded.content.innovations[0].process_after.edges.size() == 4);
}

TEST_CASE("the demo fair as built, pictures included, passes the check") {
    const LoadedPack loaded = LoadPack(KIOSK_DEMO_PACK, {.decode_pictures = true});
    CHECK(Listed(loaded) == "");
    CHECK(loaded.content.innovations.size() >= 12);
}

// [SECTION] fair.json

TEST_CASE("a missing fair.json: an empty fair and the problem") {
    Pack pack("nofair");
    fs::remove(pack.root / "fair.json");
    const LoadedPack loaded = pack.Load();
    CHECK_FALSE(loaded.fair_ok);
    CHECK(loaded.content.innovations.empty());
    CHECK(loaded.content.folder == pack.root.string());
    ExpectOnly(loaded, "fair.json: error: cannot open the file: it does not exist");
}

TEST_CASE("fair.json with a JSON syntax error: line and column") {
    Pack pack("fairsyntax");
    pack.Fair(R"("id": "t",)", R"("id": "t")"); // a missing comma on line 4
    const LoadedPack loaded = pack.Load();
    CHECK_FALSE(loaded.fair_ok);
    CHECK(loaded.content.offices.empty());
    ExpectOnly(loaded, "fair.json:5:10: error: not valid JSON: syntax error while parsing object - "
                       "unexpected string literal; expected '}'");
}

TEST_CASE("fair.json that is not an object, or has no fair block") {
    Pack pack("fairshape");
    pack.Write("fair.json", "[1, 2]\n");
    ExpectOnly(pack.Load(), "fair.json:1: error: fair.json must hold one JSON object {...}");
    pack.Write("fair.json", R"({"offices": [], "categories": []})");
    const LoadedPack loaded = pack.Load();
    CHECK_FALSE(loaded.fair_ok);
    CHECK(Has(Listed(loaded), "fair.json:1: error: missing \"fair\""));
}

TEST_CASE("a fair without a Bengali name is left out") {
    Pack pack("fairname");
    pack.Fair(R"("name": {"bn": "মেলা", "en": "Fair"})", R"("name": {"en": "Fair"})");
    const LoadedPack loaded = pack.Load();
    CHECK_FALSE(loaded.fair_ok);
    CHECK(loaded.content.innovations.empty());
    ExpectOnly(
        loaded,
        "fair.json:5: error: \"name\" has no Bengali (\"bn\"): the kiosk shows every text in Bengali first");
}

TEST_CASE("wrong dates: a warning, and the fair shown without dates") {
    const std::pair<std::string, std::string> cases[] = {
        {R"(["2024-02-30"])",
         "fair.json:6: warning: date \"2024-02-30\" is not a real day written YYYY-MM-DD"},
        {R"(["2024-13-01"])",
         "fair.json:6: warning: date \"2024-13-01\" is not a real day written YYYY-MM-DD"},
        {R"(["12/03/2024"])",
         "fair.json:6: warning: date \"12/03/2024\" is not a real day written YYYY-MM-DD"},
        {R"(["2024-03-13", "2024-03-12"])",
         "fair.json:6: warning: the last day is before the first: the fair is shown without dates"},
        {R"([])", "fair.json:6: warning: \"dates\" must list the first and last day"},
        {R"("2024-03-12")", "fair.json:6: warning: \"dates\" must list the first and last day"},
    };
    for (const auto& test : cases) { // no structured bindings: clang 14 cannot capture them in CAPTURE
        const std::string& dates = test.first;
        const std::string& message = test.second;
        CAPTURE(dates);
        Pack pack("dates");
        pack.Fair(R"(["2024-03-12", "2024-03-13"])", dates);
        const LoadedPack loaded = pack.Load();
        ExpectOnly(loaded, message);
        CHECK(loaded.fair_ok);
        CHECK_FALSE(loaded.content.fair.first_day.Known());
        CHECK(loaded.content.innovations.size() == 1);
    }
}

TEST_CASE("a leap day is a real day, a missing dates list is a warning") {
    Pack pack("leap");
    pack.Fair(R"(["2024-03-12", "2024-03-13"])", R"(["2024-02-29"])");
    LoadedPack loaded = pack.Load();
    CHECK(Listed(loaded) == "");
    CHECK(loaded.content.fair.last_day == Date{2024, 2, 29});
    pack.Fair(R"(,
    "dates": ["2024-03-12", "2024-03-13"])",
              "");
    ExpectOnly(pack.Load(), "fair.json:3: warning: missing \"dates\": the fair is shown without dates");
}

TEST_CASE("duplicate office and category ids: the first is kept") {
    Pack pack("dupoffice");
    pack.Fair(R"({"id": "o2", "name": {"bn": "দপ্তর ২")", R"({"id": "o1", "name": {"bn": "দপ্তর ২")");
    LoadedPack loaded = pack.Load();
    ExpectOnly(loaded, "fair.json:10: error: duplicate office id \"o1\": the first is kept");
    CHECK(loaded.content.offices.size() == 1);
    CHECK(loaded.content.offices[0].name.en == "Office");

    pack.Fair(
        R"({"id": "c1", "name": {"bn": "বিভাগ", "en": "Category"}})",
        R"({"id": "c1", "name": {"bn": "বিভাগ", "en": "Category"}}, {"id": "c1", "name": {"bn": "ক"}})");
    loaded = pack.Load();
    CHECK(Has(Listed(loaded), "fair.json:13: error: duplicate category id \"c1\": the first is kept"));
    CHECK(loaded.content.categories.size() == 1);
}

TEST_CASE("a broken office is left out, and its innovations say why") {
    Pack pack("badoffice");
    pack.Fair(R"({"id": "o1", "name": {"bn": "দপ্তর", "en": "Office"}})", R"({"id": "o1"})");
    const LoadedPack loaded = pack.Load();
    const std::string all = Listed(loaded);
    INFO(all);
    CHECK(Has(all, "fair.json:9: error: missing \"name\""));
    CHECK(Has(all, "innovations/a.json:3: error: office \"o1\" is left out: see the problems in fair.json"));
    CHECK(loaded.content.offices.size() == 1);
    CHECK(loaded.content.innovations.empty());
}

TEST_CASE("a format other than 1 is a warning") {
    Pack pack("format");
    pack.Fair(R"("format": 1)", R"("format": 2)");
    ExpectOnly(pack.Load(), "fair.json:2: warning: \"format\" is 2, but this kiosk reads format 1");
}

// [SECTION] Innovations: references, ids, texts

TEST_CASE("an unknown office or category leaves the innovation out, with a suggestion") {
    Pack pack("unknownoffice");
    pack.Innovation(R"("office": "o1")", R"("office": "o3")");
    LoadedPack loaded = pack.Load();
    ExpectOnly(loaded,
               "innovations/a.json:3: error: unknown office \"o3\" (did you mean \"o1\"?): not in fair.json");
    CHECK(loaded.content.innovations.empty());

    pack.Innovation(R"("category": "c1")", R"("category": "health")");
    ExpectOnly(pack.Load(), "innovations/a.json:4: error: unknown category \"health\": not in fair.json");
}

TEST_CASE("a duplicate innovation id: both files are refused, each naming the other") {
    Pack pack("dupid");
    // A second file that sorts first must not take over the entry (its scores would sit under the
    // impostor's content), nor may the first keep it: neither is shown until the organiser fixes it.
    pack.Write("innovations/0-impostor.json", kInnovation);
    const LoadedPack loaded = pack.Load();
    const std::string all = Listed(loaded);
    INFO(all);
    CHECK(loaded.problems.size() == 2);
    CHECK(Has(all,
              "innovations/a.json:2: error: duplicate id \"a\": innovations/0-impostor.json already has it: "
              "neither is shown or judged"));
    CHECK(Has(all,
              "innovations/0-impostor.json:2: error: duplicate id \"a\": innovations/a.json also has it: "
              "neither is shown or judged"));
    CHECK(loaded.content.innovations.empty());
    CHECK(loaded.content.FindInnovation("a") == nullptr);
}

TEST_CASE("missing id, office, title and summary") {
    Pack pack("missing");
    pack.Write("innovations/a.json", "{\n  \"category\": \"c1\"\n}\n");
    const std::string all = Listed(pack.Load());
    INFO(all);
    for (const char* key : {"id", "office", "title", "summary"})
        CHECK(Has(all, std::string("innovations/a.json:1: error: missing \"") + key + "\""));
}

TEST_CASE("an empty id, and an id that is not a plain word") {
    Pack pack("ids");
    pack.Innovation(R"("id": "a")", R"("id": "")");
    ExpectOnly(pack.Load(), "innovations/a.json:2: error: \"id\" is empty");
    pack.Innovation(R"("id": "a")", R"("id": "Fire App")");
    ExpectOnly(
        pack.Load(),
        "innovations/a.json:2: warning: id \"Fire App\" is best written in lowercase letters, digits and -");
}

TEST_CASE("a title without Bengali is an error, without English, a warning") {
    Pack pack("texts");
    pack.Innovation(R"("title": {"bn": "শিরোনাম", "en": "Title"})", R"("title": {"en": "Title"})");
    LoadedPack loaded = pack.Load();
    ExpectOnly(loaded, "innovations/a.json:5: error: \"title\" has no Bengali (\"bn\"): the kiosk shows "
                       "every text in Bengali first");
    CHECK(loaded.content.innovations.empty());

    pack.Innovation(R"("title": {"bn": "শিরোনাম", "en": "Title"})",
                    R"("title": {"bn": "শিরোনাম", "en": ""})");
    loaded = pack.Load();
    ExpectOnly(
        loaded,
        "innovations/a.json:5: warning: \"title\" has no English (\"en\"): English visitors see the Bengali");
    REQUIRE(loaded.content.innovations.size() == 1);
    CHECK(loaded.content.innovations[0].title.Get(Lang::English) == "শিরোনাম");
}

TEST_CASE("an optional text without Bengali is a warning, a text of the wrong kind an error") {
    Pack pack("optionaltext");
    pack.Innovation(kPhotos, kPhotos + "\n  \"problem\": {\"en\": \"Queues\"},");
    ExpectOnly(pack.Load(), "innovations/a.json:8: warning: \"problem\" has no Bengali (\"bn\"): Bengali "
                            "visitors see the English");
    pack.Innovation(R"("summary": {"bn": "সারসংক্ষেপ", "en": "Summary"})", R"("summary": "সারসংক্ষেপ")");
    ExpectOnly(
        pack.Load(),
        "innovations/a.json:6: error: \"summary\" must be {\"bn\": \"...\", \"en\": \"...\"}, not a text");
    pack.Innovation(R"("title": {"bn": "শিরোনাম", "en": "Title"})", R"("title": {"bn": 5, "en": "Title"})");
    CHECK(Has(Listed(pack.Load()),
              "innovations/a.json:5: error: \"bn\" must be a text in quotes, not a number"));
}

TEST_CASE("an unknown status is an error, with a suggestion") {
    Pack pack("status");
    pack.Innovation(kPhotos, kPhotos + "\n  \"status\": \"runing\",");
    ExpectOnly(pack.Load(), "innovations/a.json:8: error: unknown status \"runing\" (did you mean "
                            "\"running\"?): use running, pilot, planned or stopped");
}

TEST_CASE("unknown keys are warnings that suggest the key meant") {
    Pack pack("keys");
    pack.Innovation(kPhotos, kPhotos + "\n  \"soluton\": {\"bn\": \"x\", \"en\": \"x\"}, \"notes\": 1,");
    LoadedPack loaded = pack.Load();
    const std::string all = Listed(loaded);
    INFO(all);
    CHECK(Has(
        all, "innovations/a.json:8: warning: unknown key \"soluton\" (did you mean \"solution\"?): ignored"));
    CHECK(Has(all, "innovations/a.json:8: warning: unknown key \"notes\": ignored"));
    CHECK(loaded.content.innovations.size() == 1);

    pack.Innovation(R"({"id": "s3", "kind": "activity", "label")",
                    R"({"id": "s3", "kind": "activity", "lable")");
    CHECK(Has(Listed(pack.Load()),
              "innovations/a.json:13: warning: unknown key \"lable\" (did you mean \"label\"?): ignored"));
}

// [SECTION] Links and TCV

TEST_CASE("a link that is not a web address is a warning, and the link is dropped") {
    for (const char* link :
         {"www.example.gov.bd", "ftp://example.gov.bd", "https://", "https:///path", "http://exa mple.bd",
          "javascript:alert(1)", "https://:80/x", "https://example.gov.bd:port/"}) {
        CAPTURE(link);
        Pack pack("link");
        pack.Innovation("https://example.gov.bd/service", link);
        const LoadedPack loaded = pack.Load();
        ExpectOnly(loaded,
                   "innovations/a.json:7: warning: \"service_link\" \"" + std::string(link) +
                       "\" is not a web address (http:// or https:// and a host): shown without a link");
        REQUIRE(loaded.content.innovations.size() == 1);
        CHECK(loaded.content.innovations[0].service_link.empty());
    }
}

TEST_CASE("web addresses that are fine") {
    for (const char* link :
         {"https://example.gov.bd", "http://localhost:8080/x?y=1#z", "HTTPS://EXAMPLE.GOV.BD/A",
          "https://user@[::1]:443/", "https://বাংলা.বাংলা/সেবা"})
        CHECK_MESSAGE(IsWebLink(link), link);
}

TEST_CASE("TCV figures that are text, negative or not numbers leave the innovation out") {
    const std::pair<std::string, std::string> cases[] = {
        {R"("before": "10")",
         "innovations/a.json:8: error: \"before\" must be a number, not the text \"10\""},
        {R"("before": -10)", "innovations/a.json:8: error: \"before\" is negative (-10)"},
        {R"("before": null)", "innovations/a.json:8: error: \"before\" must be a number, not null"},
        {R"("before": [10])", "innovations/a.json:8: error: \"before\" must be a number, not a list [...]"},
        {R"("before": 10, "unused": 0)", "innovations/a.json:8: warning: unknown key \"unused\""},
    };
    for (const auto& test : cases) {
        const std::string& figure = test.first;
        const std::string& message = test.second;
        CAPTURE(figure);
        Pack pack("tcv");
        pack.Innovation(R"("before": 10)", figure);
        const LoadedPack loaded = pack.Load();
        ExpectOnly(loaded, message);
        CHECK(loaded.content.innovations.size() == (message.find("error") != std::string::npos ? 0u : 1u));
    }
}

TEST_CASE("a missing TCV figure and a TCV that is not an object") {
    Pack pack("tcvshape");
    pack.Innovation(R"("after": 2, )", "");
    ExpectOnly(pack.Load(), "innovations/a.json:8: error: missing \"after\"");
    pack.Innovation(R"({"time": {"before": 10, "after": 2, "unit": "days"}})", "[10, 2]");
    ExpectOnly(pack.Load(), "innovations/a.json:8: error: \"tcv\" must be an object {...}, not a list [...]");
}

TEST_CASE("unknown units: time, cost and visits each have their own") {
    Pack pack("units");
    pack.Innovation(R"("unit": "days")", R"("unit": "weeks")");
    ExpectOnly(
        pack.Load(),
        "innovations/a.json:8: error: unknown time unit \"weeks\": use days, working-days, hours or minutes");
    pack.Innovation(R"("unit": "days")", R"("unit": "day")");
    ExpectOnly(pack.Load(),
               "innovations/a.json:8: error: unknown time unit \"day\" (did you mean \"days\"?)");
    pack.Innovation(R"("unit": "days"}})",
                    R"("unit": "days"}, "cost": {"before": 5, "after": 1, "unit": "dollars"}})");
    ExpectOnly(pack.Load(), "innovations/a.json:8: error: unknown cost unit \"dollars\": use taka");
    pack.Innovation(R"("unit": "days"}})", R"("unit": "days"}, "visits": {"before": 5, "after": 1}})");
    const LoadedPack loaded = pack.Load();
    CHECK(Listed(loaded) == "");
    REQUIRE(loaded.content.innovations.size() == 1);
    CHECK(loaded.content.innovations[0].tcv.visits->unit == "visits");
}

// [SECTION] Process maps

TEST_CASE("an edge to a step that does not exist") {
    Pack pack("edge");
    pack.Innovation(R"({"from": "s3", "to": "s4"})", R"({"from": "s3", "to": "s9"})");
    ExpectOnly(pack.Load(), "innovations/a.json:20: error: edge \"s3\" -> \"s9\": there is no step \"s9\"");
    pack.Innovation(R"({"from": "s3", "to": "s4"})", R"({"from": "x", "to": "s4"})");
    ExpectOnly(pack.Load(), "innovations/a.json:20: error: edge \"x\" -> \"s4\": there is no step \"x\"");
}

TEST_CASE("a duplicate step id within a map") {
    Pack pack("dupstep");
    pack.Innovation(R"({"id": "s3", "kind": "activity")", R"({"id": "s2", "kind": "activity")");
    CHECK(Has(Listed(pack.Load()), "innovations/a.json:13: error: duplicate step id \"s2\" in this map"));
}

TEST_CASE("an unreachable step") {
    Pack pack("unreachable");
    pack.Innovation(R"({"from": "s2", "to": "s3", "label": "yes"},)",
                    R"({"from": "s2", "to": "s4", "label": "yes"},)");
    ExpectOnly(pack.Load(),
               "innovations/a.json:13: error: step \"s3\" cannot be reached from the start \"s1\"");
}

TEST_CASE("a dead end: a step with no edge out") {
    Pack pack("deadend");
    pack.Innovation(R"(,
      {"from": "s3", "to": "s4"})",
                    "");
    ExpectOnly(pack.Load(), "innovations/a.json:13: error: step \"s3\" is a dead end: no edge goes out of "
                            "it, and it is not an end");
}

TEST_CASE("a dead end: a loop with no way out, reported once") {
    Pack pack("loop");
    pack.Innovation(R"({"from": "s3", "to": "s4"})", R"({"from": "s3", "to": "s2"})", //
                    R"({"from": "s2", "to": "s4", "label": "no"})",
                    R"({"from": "s2", "to": "s3", "label": "no"})");
    const std::string all = Listed(pack.Load());
    INFO(all);
    CHECK(Has(all, "innovations/a.json:12: error: steps \"s2\", \"s3\" are a dead end: they loop with no way "
                   "out to an end"));
    CHECK(Has(all, "innovations/a.json:14: error: step \"s4\" cannot be reached from the start \"s1\""));
    CHECK(Listed(pack.Load()).find("dead end", all.find("dead end") + 1) ==
          std::string::npos); // not again for s1 or s3
    pack.Innovation(R"({"from": "s3", "to": "s4"})", R"({"from": "s3", "to": "s3"})");
    ExpectOnly(pack.Load(), "innovations/a.json:13: error: step \"s3\" is a dead end: it loops back to "
                            "itself with no way out to an end");
}

TEST_CASE("a map without a start, with two starts, without an end") {
    Pack pack("starts");
    pack.Innovation(R"("kind": "start")", R"("kind": "activity")");
    const std::string all = Listed(pack.Load());
    INFO(all);
    CHECK(Has(all, "innovations/a.json:9: error: process map \"after\" has no start step (kind \"start\")"));

    pack.Innovation(R"({"id": "s3", "kind": "activity")", R"({"id": "s3", "kind": "start")");
    CHECK(
        Has(Listed(pack.Load()),
            "innovations/a.json:13: error: step \"s3\" is a second start: the map already starts at \"s1\""));

    pack.Innovation(R"("kind": "end")", R"("kind": "activity")");
    CHECK(Has(Listed(pack.Load()),
              "innovations/a.json:9: error: process map \"after\" has no end step (kind \"end\")"));

    pack.Innovation(R"({"id": "s1", "kind": "start", "label": {"bn": "শুরু", "en": "Start"}},
      {"id": "s2", "kind": "decision", "label": {"bn": "ঠিক?", "en": "Right?"}},
      {"id": "s3", "kind": "activity", "label": {"bn": "কাজ", "en": "Work"}},
      {"id": "s4", "kind": "end", "label": {"bn": "শেষ", "en": "End"}})",
                    "", //
                    R"({"from": "s1", "to": "s2"},
      {"from": "s2", "to": "s3", "label": "yes"},
      {"from": "s2", "to": "s4", "label": "no"},
      {"from": "s3", "to": "s4"})",
                    "");
    CHECK(Has(Listed(pack.Load()), "innovations/a.json:9: error: process map \"after\" has no steps"));
}

TEST_CASE("a decision needs a yes and a no edge") {
    Pack pack("decision");
    pack.Innovation(R"({"from": "s2", "to": "s4", "label": "no"})", R"({"from": "s2", "to": "s4"})");
    ExpectOnly(pack.Load(), "innovations/a.json:12: error: decision \"s2\" has no \"no\" edge going out");
    pack.Innovation(R"(, "label": "yes"})", "}");
    CHECK(Has(Listed(pack.Load()),
              "innovations/a.json:12: error: decision \"s2\" has no \"yes\" edge going out"));
}

TEST_CASE("a map without edges: each step leads to the next, so a decision has no yes or no") {
    Pack pack("noedges");
    const size_t from = kInnovation.find(R"(,
    "edges")"),
                 to = kInnovation.find("]\n  }}");
    pack.Write("innovations/a.json", kInnovation.substr(0, from) + kInnovation.substr(to + 1));
    ExpectOnly(
        pack.Load(),
        "innovations/a.json:12: error: decision \"s2\" has neither a \"yes\" nor a \"no\" edge going out");
}

TEST_CASE("unknown step kinds and edge labels") {
    Pack pack("kinds");
    pack.Innovation(R"("kind": "activity")", R"("kind": "activty")");
    ExpectOnly(pack.Load(), "innovations/a.json:13: error: unknown step kind \"activty\" (did you mean "
                            "\"activity\"?): use start, activity, decision, document, wait or end");
    pack.Innovation(R"("label": "yes")", R"("label": "ha")");
    CHECK(Has(Listed(pack.Load()),
              "innovations/a.json:18: error: edge label \"ha\" must be \"yes\" or \"no\""));
}

TEST_CASE("a step label without Bengali leaves the innovation out") {
    Pack pack("steplabel");
    pack.Innovation(R"({"bn": "কাজ", "en": "Work"})", R"({"en": "Work"})");
    ExpectOnly(pack.Load(), "innovations/a.json:13: error: \"label\" has no Bengali (\"bn\")");
}

// [SECTION] Pictures

TEST_CASE("the kiosk only looks whether a picture exists, kiosk check decodes it") {
    Pack pack("pictures");
    pack.Innovation(kPhotos, WithPhoto("pictures/bomb.png"));
    pack.Write("pictures/bomb.png", ClaimingSize(false, 30000, 30000));
    LoadedPack loaded = pack.Load(false);
    CHECK(Listed(loaded) == ""); // pictures load lazily: loading the pack does not open them
    loaded = pack.Load(true);
    ExpectOnly(
        loaded,
        "innovations/a.json:8: warning: picture \"pictures/bomb.png\" is 30000 × 30000 pixels, over the "
        "limit of 16384 per side (a decompression bomb?): shown as a placeholder");
    REQUIRE(loaded.content.innovations.size() == 1);
    CHECK(loaded.content.innovations[0].photos.size() == 1); // kept: the kiosk draws a placeholder
}

TEST_CASE("a missing picture is a warning in the kiosk too") {
    Pack pack("nopicture");
    pack.Innovation(kPhotos, WithPhoto("pictures/none.png"));
    for (bool headers : {false, true}) {
        const LoadedPack loaded = pack.Load(headers);
        ExpectOnly(loaded, "innovations/a.json:8: warning: picture \"pictures/none.png\" is not found: shown "
                           "as a placeholder");
        CHECK(loaded.content.innovations.size() == 1);
    }
}

TEST_CASE("pictures that cannot be shown, each with its reason") {
    const std::string png = Bytes(Picture(false)), jpeg = Bytes(Picture(true));
    const std::pair<std::string, std::string> cases[] = {
        {"hello, I am text\n", "is not a picture (PNG or JPEG)"},
        {"", "is empty"},
        {png.substr(0, 20), "is damaged or cut short: its header cannot be read"},
        {jpeg.substr(0, 12), "is damaged or cut short: its header cannot be read"},
        {ClaimingSize(false, 10000, 10000),
         "is 10000 × 10000 pixels, over the limit of 50 megapixels (a decompression bomb?)"},
        {ClaimingSize(false, 20000, 10),
         "is 20000 × 10 pixels, over the limit of 16384 per side (a decompression bomb?)"},
        {ClaimingSize(true, 30000, 30000),
         "is 30000 × 30000 pixels, over the limit of 16384 per side (a decompression bomb?)"},
        {ClaimingSize(true, 8000, 8000),
         "is 8000 × 8000 pixels, over the limit of 50 megapixels (a decompression bomb?)"},
    };
    for (const auto& test : cases) {
        const std::string& bytes = test.first;
        const std::string& reason = test.second;
        CAPTURE(reason);
        Pack pack("badpicture");
        pack.Innovation(kPhotos, WithPhoto("pictures/p.png"));
        pack.Write("pictures/p.png", bytes);
        ExpectOnly(pack.Load(true), "innovations/a.json:8: warning: picture \"pictures/p.png\" " + reason +
                                        ": shown as a placeholder");
    }
}

TEST_CASE("pictures cut short or damaged past their header are found by decoding them, as the kiosk does") {
    const std::string png = Bytes(Picture(false, 64, 48)), jpeg = Bytes(Picture(true, 64, 48));
    std::string scrambled = png;
    for (size_t i = 60; i < scrambled.size() - 20; ++i)
        scrambled[i] = static_cast<char>(scrambled[i] ^ 0x5A); // the compressed pixels garbled, header intact
    const std::pair<std::string, std::string> cases[] = {
        {jpeg.substr(0, jpeg.size() / 2), "pictures/half.jpg"},
        {jpeg.substr(0, jpeg.size() - 2), "pictures/noend.jpg"}, // only the end marker missing
        {png.substr(0, png.size() / 2), "pictures/half.png"},
        {scrambled, "pictures/scrambled.png"},
    };
    for (const auto& test : cases) { // no structured bindings: clang 14 cannot capture them in CAPTURE
        const std::string& bytes = test.first;
        const std::string& file = test.second;
        CAPTURE(file);
        Pack pack("cutshort");
        pack.Innovation(kPhotos, WithPhoto(file));
        pack.Write(file, bytes);
        int width = 0, height = 0, channels = 0; // the header alone looks fine
        REQUIRE(stbi_info((pack.root / file).string().c_str(), &width, &height, &channels) == 1);
        CHECK(width == 64);
        const LoadedPack loaded = pack.Load(true);
        ExpectOnly(loaded,
                   "innovations/a.json:8: warning: picture \"" + file + "\" is damaged or cut short (");
        CHECK(Has(Listed(loaded), "): shown as a placeholder\n"));
        CHECK_FALSE(DecodePicture((pack.root / file).string()).error.empty()); // the kiosk's rule agrees
    }
}

TEST_CASE("real PNG and JPEG pictures pass, at any size within the limits") {
    Pack pack("goodpictures");
    pack.Innovation(kPhotos, kPhotos + R"(
  "photos": [{"file": "pictures/a.png", "caption": {"bn": "ছবি", "en": "Photo"}}, {"file": "pictures/b.jpg"}],)");
    pack.Write("pictures/a.png", Bytes(Picture(false, 64, 48)));
    pack.Write("pictures/b.jpg", Bytes(Picture(true, 4000, 3000))); // a phone photo's size
    const LoadedPack loaded = pack.Load(true);
    CHECK(Listed(loaded) == "");
    REQUIRE(loaded.content.innovations.size() == 1);
    CHECK(loaded.content.innovations[0].photos[0].file == (pack.root / "pictures/a.png").string());
}

TEST_CASE("a folder named like a picture, and a photo without a file") {
    Pack pack("picturefolder");
    pack.Innovation(kPhotos,
                    kPhotos +
                        "\n  \"photos\": [{\"file\": \"pictures\"}, {\"caption\": {\"bn\": \"ছবি\"}}, 7],");
    const std::string all = Listed(pack.Load(true));
    INFO(all);
    CHECK(Has(all,
              "innovations/a.json:8: warning: picture \"pictures\" is not a file: shown as a placeholder"));
    CHECK(Has(all, "innovations/a.json:8: warning: a photo without \"file\": ignored"));
    CHECK(Has(all, "innovations/a.json:8: warning: a photo must be an object {...}, not a number: ignored"));
}

// [SECTION] The text itself: UTF-8, JSON syntax, line numbers

TEST_CASE("invalid UTF-8: the line and column of the first bad byte") {
    Pack pack("utf8");
    pack.Innovation(R"("en": "Title")", "\"en\": \"Ti\xC3\x28tle\""); // a broken two-byte sequence
    ExpectOnly(pack.Load(),
               "innovations/a.json:5:39: error: invalid UTF-8 (byte 0xC3): save the file as UTF-8");
    pack.Innovation(R"("en": "Title")", "\"en\": \"Ti\xE0\x80\x80tle\""); // an overlong form
    ExpectOnly(pack.Load(), "innovations/a.json:5:39: error: invalid UTF-8 (byte 0xE0)");
    pack.Write("fair.json", Edit(kFair, "Fair", "F\xFF"));
    const LoadedPack loaded = pack.Load();
    CHECK_FALSE(loaded.fair_ok);
    CHECK(Has(Listed(loaded), "fair.json:5:36: error: invalid UTF-8 (byte 0xFF)"));
}

TEST_CASE("JSON syntax errors: line and column of where the parser gave up, counted in characters") {
    const std::pair<std::string, std::string> cases[] = {
        {R"("office": "o1",)", "innovations/a.json:4:12: error: not valid JSON: syntax error while parsing "
                               "object - unexpected string literal; expected '}'"},
        {R"("title": {"bn": "শিরোনাম", "en": "Title"},)",
         "innovations/a.json:5:45: error: not valid JSON: syntax error while parsing object key - unexpected "
         "','; expected string literal"},
        {R"("before": 10)",
         "innovations/a.json:8:34: error: not valid JSON: number overflow parsing '1e999'"},
    };
    const std::string replacements[] = {R"("office": "o1")", R"("title": {"bn": "শিরোনাম", "en": "Title"},,)",
                                        R"("before": 1e999)"};
    for (size_t i = 0; i < std::size(cases); ++i) {
        CAPTURE(i);
        Pack pack("syntax");
        pack.Innovation(cases[i].first, replacements[i]);
        ExpectOnly(pack.Load(), cases[i].second);
    }
}

TEST_CASE("a file cut short points after its last character") {
    Pack pack("truncated");
    pack.Write("innovations/a.json", kInnovation.substr(0, kInnovation.find("\"summary\"")));
    ExpectOnly(pack.Load(), "innovations/a.json:6:3: error: not valid JSON: syntax error while parsing "
                            "object key - unexpected end of input");
    pack.Write("innovations/a.json", "");
    ExpectOnly(pack.Load(), "innovations/a.json:1:1: error: not valid JSON");
}

TEST_CASE("a byte-order mark and Windows line endings are fine, and lines still count") {
    Pack pack("bom");
    std::string windows;
    for (char c : Edit(kInnovation, "\"o1\"", "\"o9\""))
        windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
    pack.Write("innovations/a.json", "\xEF\xBB\xBF" + windows);
    ExpectOnly(pack.Load(), "innovations/a.json:3: error: unknown office \"o9\"");
}

TEST_CASE("problems are listed in line order, every one of them") {
    Pack pack("order");
    std::string text = Edit(kInnovation, R"("to": "s4"})", R"("to": "s8"})");
    text = Edit(text, R"("office": "o1")", R"("office": "o7")");
    text = Edit(text, R"("unit": "days")", R"("unit": "weeks")");
    pack.Write("innovations/a.json", text);
    const LoadedPack loaded = pack.Load();
    const std::string all = Listed(loaded);
    INFO(all);
    REQUIRE(loaded.problems.size() == 3);
    CHECK(loaded.problems[0].line == 3);
    CHECK(loaded.problems[1].line == 8);
    CHECK(loaded.problems[2].line == 20);
    CHECK(pack.Load().Count(Severity::Error) == 3);
}

TEST_CASE("a file that is not one object, and an innovations folder with nothing in it") {
    Pack pack("shapes");
    pack.Write("innovations/a.json", "\"just text\"");
    ExpectOnly(pack.Load(),
               "innovations/a.json:1: error: an innovation file must hold one JSON object {...}");
    fs::remove(pack.root / "innovations/a.json");
    ExpectOnly(pack.Load(), "innovations: warning: no innovations (*.json files) in the folder");
    fs::remove_all(pack.root / "innovations");
    ExpectOnly(pack.Load(), "innovations: error: cannot list the folder");
}

TEST_CASE("values are located along their JSON pointer, keys with / and ~ included") {
    const std::string text = "{\n \"a/b\": {\"x~y\": [\n  1,\n  2.5\n ]},\n \"c\": null\n}";
    const ValueLocator locator(text);
    CHECK(locator.LineOf("") == 1);
    std::string pointer = "/"; // appended, not "/" + ...: GCC 12 -O3's false -Wrestrict (GCC bug 105329)
    pointer += PointerToken("a/b");
    CHECK(locator.LineOf(pointer) == 2);
    CHECK(locator.LineOf("/a~1b/x~0y/0") == 3);
    CHECK(locator.LineOf("/a~1b/x~0y/1") == 4); // a number is seen only at the next character, the newline
    CHECK(locator.LineOf("/c") == 6);
    CHECK(locator.LineOf("/a~1b/x~0y/7/missing") == 2); // the nearest enclosing value that exists
    CHECK(PositionAt("ab\ncআd", 6).column == 3);
}

// [SECTION] The rules on their own

TEST_CASE("dates, ids, names and UTF-8 on their own") {
    CHECK(ParseDate("2023-02-28") == Date{2023, 2, 28});
    CHECK_FALSE(ParseDate("2023-02-29"));
    CHECK_FALSE(ParseDate("2024-04-31"));
    CHECK_FALSE(ParseDate("2024-3-12"));
    CHECK_FALSE(ParseDate("２০২৪-03-12"));
    CHECK(IsPlainId("fire-app-2"));
    CHECK_FALSE(IsPlainId("Fire_App"));
    CHECK(ClosestName("summery", {"summary", "status"}) == "summary");
    CHECK(ClosestName("xyz", {"id", "title"}) == "");
    CHECK_FALSE(InvalidUtf8Offset("বাংলা ok"));
    CHECK(InvalidUtf8Offset("ok\xED\xA0\x80") == 2u);     // a UTF-16 surrogate
    CHECK(InvalidUtf8Offset("ok\xF4\x90\x80\x80") == 2u); // past U+10FFFF
    CHECK(InvalidUtf8Offset("ok\xE0\xA6") == 2u);         // cut short
}

// [SECTION] kiosk check

namespace {

struct Run {
    int status;
    std::string out, err;
};

Run Check(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int status = kiosk::cli::Check(args, out, err);
    return {status, out.str(), err.str()};
}

} // namespace

TEST_CASE("kiosk check: a clean pack exits 0") {
    const Run run = Check({KIOSK_DEMO_PACK});
    CHECK(run.status == 0);
    CHECK(Has(run.out, " innovations to show, 0 errors, 0 warnings\n"));
}

TEST_CASE("kiosk check: every problem as path:line, paths as the organiser typed them, exit 1") {
    Pack pack("cli");
    pack.Innovation(R"("office": "o1")", R"("office": "o7")", kPhotos, WithPhoto("pictures/none.png"));
    const fs::path old_directory = fs::current_path();
    fs::current_path(pack.root.parent_path());
    const Run run = Check({pack.root.filename().string()});
    fs::current_path(old_directory);
    const std::string typed = pack.root.filename().string();
    CHECK(run.status == 1);
    CHECK(
        run.out ==
        typed +
            "/innovations/a.json:3: error: unknown office \"o7\" (did you mean \"o1\"?): not in fair.json\n" +
            typed +
            "/innovations/a.json:8: warning: picture \"pictures/none.png\" is not found: shown as a "
            "placeholder\n" +
            typed + ": 0 innovations to show, 1 error, 1 warning\n");
}

TEST_CASE(
    "kiosk check: a truncated JPEG and PNG are named with their paths, as the kiosk shows placeholders") {
    Pack pack("clicut");
    pack.Innovation(kPhotos, kPhotos + R"(
  "photos": [{"file": "pictures/cut.jpg"}, {"file": "pictures/cut.png"}, {"file": "pictures/whole.png"}],)");
    const std::string jpeg = Bytes(Picture(true, 64, 48)), png = Bytes(Picture(false, 64, 48));
    pack.Write("pictures/cut.jpg", jpeg.substr(0, jpeg.size() * 2 / 3));
    pack.Write("pictures/cut.png", png.substr(0, png.size() * 2 / 3));
    pack.Write("pictures/whole.png", png);
    const Run run = Check({pack.root.string()});
    CHECK(run.status == 1);
    const std::string at = pack.root.string() + "/innovations/a.json:8: warning: picture \"pictures/";
    CHECK(Has(run.out, at + "cut.jpg\" is damaged or cut short (expected marker): shown as a placeholder\n"));
    CHECK(Has(run.out, at + "cut.png\" is damaged or cut short ("));
    CHECK_FALSE(Has(run.out, "whole.png"));
    CHECK(Has(run.out, ": 1 innovation to show, 0 errors, 2 warnings\n"));
    for (const char* file : {"pictures/cut.jpg", "pictures/cut.png"}) // the kiosk shows placeholders for both
        CHECK_FALSE(DecodePicture((pack.root / file).string()).error.empty());
}

TEST_CASE("kiosk check: warnings alone still exit 1, a pack without a fair says so") {
    Pack pack("cliwarn");
    pack.Innovation(R"("en": "Title")", R"("en": "")");
    CHECK(Check({pack.root.string()}).status == 1);
    fs::remove(pack.root / "fair.json");
    const Run run = Check({pack.root.string()});
    CHECK(run.status == 1);
    CHECK(Has(run.out, "fair.json: error: cannot open the file: it does not exist\n"));
    CHECK(Has(run.out, ": the fair cannot be shown, 1 error, 1 warning\n"));
}

TEST_CASE("kiosk check: wrong usage exits 2 with the usage") {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{}, {"a", "b"}, {"--verbose"}, {"/no/such/folder"}}) {
        const Run run = Check(args);
        CHECK(run.status == 2);
        CHECK(run.out.empty());
        CHECK_FALSE(run.err.empty());
    }
    const Run help = Check({"--help"});
    CHECK(help.status == 0);
    CHECK(Has(help.out, "usage: kiosk check DIR"));
}

// [SECTION] Hostile packs: pictures from outside, a million problems, marks above a lowered max

TEST_CASE("pictures stay inside the pack: absolute paths, .. and links leading out are refused") {
    Pack pack("outside");
    const std::string outside_dir =
        (pack.root.parent_path() / ("kiosk-outside-" + std::to_string(getpid()))).string();
    fs::create_directories(outside_dir);
    std::ofstream(outside_dir + "/secret.png", std::ios::binary) << Bytes(Picture(false));
    fs::create_symlink(outside_dir + "/secret.png", pack.root / "pictures" / "link.png");
    fs::create_symlink(outside_dir, pack.root / "pictures" / "out");
    fs::create_symlink("../fair.json", pack.root / "pictures" / "fair-link.json"); // leads back inside: fine
    const std::string message =
        "is outside the pack folder (an absolute path, \"..\", or a link leading out): "
        "pictures must be inside the pack: ignored";
    for (const std::string& file :
         {outside_dir + "/secret.png", outside_dir + "/missing.png",
          std::string("../kiosk-outside-") + std::to_string(getpid()) + "/secret.png",
          std::string("pictures/../../etc/passwd"), std::string("pictures/link.png"),
          std::string("pictures/out/secret.png"), std::string("pictures/out/missing.png")}) {
        CAPTURE(file);
        pack.Innovation(kPhotos, WithPhoto(file));
        for (bool decode : {false, true}) {
            const LoadedPack loaded = pack.Load(decode);
            ExpectOnly(loaded, "picture \"" + file.substr(0, 60));
            CHECK(Has(Listed(loaded), message));
            REQUIRE(loaded.content.innovations.size() == 1);
            CHECK(loaded.content.innovations[0].photos.empty());
        }
    }
    // kiosk check says the same whether a file outside exists or not.
    pack.Innovation(kPhotos, WithPhoto(outside_dir + "/secret.png"));
    const std::string exists = Check({pack.root.string()}).out;
    pack.Innovation(kPhotos, WithPhoto(outside_dir + "/missing.png"));
    std::string missing = Check({pack.root.string()}).out;
    missing.replace(missing.find("missing.png"), 11, "secret.png");
    CHECK(exists == missing);
    fs::remove_all(outside_dir);
}

TEST_CASE("a link inside the pack to a picture inside the pack is followed") {
    Pack pack("inside-link");
    pack.Write("pictures/real.png", Bytes(Picture(false)));
    fs::create_symlink("real.png", pack.root / "pictures" / "alias.png");
    pack.Innovation(kPhotos, WithPhoto("pictures/alias.png"));
    const LoadedPack loaded = pack.Load(true);
    CHECK(loaded.problems.empty());
    REQUIRE(loaded.content.innovations.size() == 1);
    CHECK(loaded.content.innovations[0].photos.size() == 1);
}

TEST_CASE("problems are listed up to a bound and counted beyond it") {
    Pack pack("million");
    // 20 000 unknown keys stand for a million: the same path, quick to run.
    std::string keys;
    for (int i = 0; i < 20000; ++i)
        keys += "\"zz" + std::to_string(i) + "\": 1,\n  ";
    pack.Innovation("\"id\": \"a\",", "\"id\": \"a\",\n  " + keys);
    const LoadedPack loaded = pack.Load();
    CHECK(loaded.problems.size() == kMostProblemsListed);
    CHECK(loaded.Count(Severity::Warning) == 20000);
    CHECK(loaded.NotListed() == 20000 - kMostProblemsListed);
    CHECK(loaded.content.innovations.size() == 1); // warnings only: still shown
    const Run run = Check({pack.root.string()});
    CHECK(Has(run.out, "... and 19700 more problems, not listed"));
    CHECK(Has(run.out, "1 innovation to show, 0 errors, 20000 warnings"));
}
