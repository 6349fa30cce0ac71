// Updating content while the kiosk runs: a changed pack is noticed, loaded and swapped in; a
// pack that cannot be shown leaves the one before in place.
#include "kiosk/app.h"
#include "kiosk/content_watch.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

// A copy of the demo fair's JSON in a scratch folder of its own (tests may run side by side),
// removed at the end.
struct PackCopy {
    fs::path root;
    explicit PackCopy(const std::string& name)
        : root(fs::temp_directory_path() / ("kiosk-update-" + name + "-" + std::to_string(getpid()))) {
        fs::remove_all(root);
        fs::create_directories(root / "innovations");
        const fs::path demo = fs::path(KIOSK_SOURCE_DIR) / "assets/demo-fair";
        fs::copy_file(demo / "fair.json", root / "fair.json");
        for (const fs::directory_entry& entry : fs::directory_iterator(demo / "innovations"))
            fs::copy_file(entry.path(), root / "innovations" / entry.path().filename());
    }
    ~PackCopy() { fs::remove_all(root); }
    void Replace(const std::string& file, const std::string& from, const std::string& to) const {
        std::ifstream in(root / file);
        std::string text((std::istreambuf_iterator<char>(in)), {});
        const size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        std::ofstream(root / file) << text;
    }
};

} // namespace

TEST_CASE("a saved change to the pack is loaded once the files are quiet") {
    PackCopy pack("watch");
    std::atomic<int> wakes{0};
    ContentWatch watch(pack.root.string(), [&] { ++wakes; });
    REQUIRE(watch.Watching());
    CHECK_FALSE(watch.TakeNew().has_value());
    pack.Replace("innovations/visa-tracking.json", "Visa Application Tracking", "Visa Tracking, Renamed");
    std::optional<content::LoadedPack> loaded;
    for (int i = 0; i < 100 && !loaded; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        loaded = watch.TakeNew();
    }
    REQUIRE(loaded.has_value());
    CHECK(wakes >= 1);
    CHECK(loaded->fair_ok);
    const content::Innovation* renamed = loaded->content.FindInnovation("visa-tracking");
    REQUIRE(renamed);
    CHECK(renamed->title.en.find("Renamed") != std::string::npos);
    CHECK_FALSE(watch.TakeNew().has_value()); // taken once
}

TEST_CASE("the app swaps in a usable pack and refuses one whose fair cannot be shown") {
    PackCopy pack("swap");
    Options options;
    App app(content::LoadPack(pack.root.string()), options);
    REQUIRE(app.Go("innovation/visa-tracking", 1.0));
    const size_t before = app.Fair().innovations.size();

    // The innovation the visitor is looking at goes away: the visitor goes home, the rest stays.
    fs::remove(pack.root / "innovations" / "visa-tracking.json");
    CHECK(app.OfferContent(content::LoadPack(pack.root.string()), 2.0));
    CHECK(app.Fair().innovations.size() == before - 1);
    CHECK(app.GetRouter().Current().screen == ScreenId::Home);
    CHECK_FALSE(app.Status().refused.has_value());

    // A half-saved fair.json: the old content stays, and the organiser can see why.
    std::ofstream(pack.root / "fair.json") << "{ \"fair\": ";
    CHECK_FALSE(app.OfferContent(content::LoadPack(pack.root.string()), 3.0));
    CHECK(app.Fair().innovations.size() == before - 1);
    REQUIRE(app.Status().refused.has_value());
    CHECK_FALSE(app.Status().refused->problems.empty());
}

namespace {

// The pack copy with the demo fair's rubric.json, its "max" of `criterion` set to `max`.
void WriteRubric(const PackCopy& pack, const std::string& criterion = "", int max = 0) {
    std::ifstream in(fs::path(KIOSK_SOURCE_DIR) / "assets/demo-fair/rubric.json");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    if (!criterion.empty()) {
        const size_t at = text.find("\"max\"", text.find("\"" + criterion + "\""));
        REQUIRE(at != std::string::npos);
        text.replace(at, text.find_first_of(",\n}", at) - at, "\"max\": " + std::to_string(max));
    }
    std::ofstream(pack.root / "rubric.json") << text;
}

const content::Criterion* Find(const App& app, const std::string& id) {
    return app.Fair().rubric.Find(id);
}

} // namespace

TEST_CASE("the rubric under the judges' feet: never swapped silently while scores exist") {
    PackCopy pack("rubric");
    WriteRubric(pack);
    const fs::path db = pack.root / "kiosk.db";
    scoring::Store store(db.string());
    App app(content::LoadPack(pack.root.string()), Options{}, &store);
    REQUIRE(app.GetStaff().Available());
    scoring::Judging& judging = app.GetStaff().Judging();
    const content::Innovation& entry = app.Fair().innovations.front();
    const scoring::JudgeId judge =
        judging.Registry().Add({"Shirin Akter", "police", {entry.category_id}, "2468"});
    judging.Log().SetMarks(judge, entry.id, "replicability", 7);
    const content::Rubric before = app.Fair().rubric;

    // Half saved: the judges keep their rubric, and the organiser is told.
    std::ofstream(pack.root / "rubric.json") << "{ \"criteria\": [ { \"id\": \"novel";
    CHECK(app.OfferContent(content::LoadPack(pack.root.string()), 2.0));
    CHECK(app.Fair().rubric.criteria == before.criteria);
    CHECK(app.Fair().rubric.from_pack);
    CHECK(app.Status().rubric_kept == "rubric.json cannot be read");

    // Deleted: the same.
    fs::remove(pack.root / "rubric.json");
    CHECK(app.OfferContent(content::LoadPack(pack.root.string()), 3.0));
    CHECK(app.Fair().rubric.criteria == before.criteria);
    CHECK(app.Status().rubric_kept == "rubric.json is gone");

    // Changed: held back until the organiser accepts it, then a rubric event in the trail.
    WriteRubric(pack, "replicability", 5);
    CHECK(app.OfferContent(content::LoadPack(pack.root.string()), 4.0));
    CHECK(app.Status().rubric_kept.empty());
    CHECK(Find(app, "replicability")->max_marks == 10);
    REQUIRE(app.Status().held_rubric.has_value());
    CHECK(app.Status().held_change == "max of \"replicability\" 10 -> 5");
    REQUIRE(app.Status().accept_rubric);
    CHECK(app.Status().accept_rubric() == "");
    CHECK(Find(app, "replicability")->max_marks == 5);
    CHECK_FALSE(app.Status().held_rubric.has_value());
    const std::vector<scoring::Event> events = judging.Log().Events();
    REQUIRE_FALSE(events.empty());
    CHECK(events.back().kind == scoring::EventKind::Rubric);
    CHECK(events.back().by_organiser);
    CHECK(events.back().text == "max of \"replicability\" 10 -> 5");
}

TEST_CASE("before any score, a changed rubric is simply taken") {
    PackCopy pack("rubric-early");
    WriteRubric(pack);
    scoring::Store store((pack.root / "kiosk.db").string());
    App app(content::LoadPack(pack.root.string()), Options{}, &store);
    WriteRubric(pack, "novelty", 5);
    CHECK(app.OfferContent(content::LoadPack(pack.root.string()), 2.0));
    CHECK(Find(app, "novelty")->max_marks == 5);
    CHECK_FALSE(app.Status().held_rubric.has_value());
}
