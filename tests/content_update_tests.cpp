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
