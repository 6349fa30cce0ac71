// The real kiosk under Xvfb: scripted touches, screenshots, and what they show.
#include "content/pack_loader.h"
#include "ui_harness.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace uitest;

namespace {

const content::FairContent& Demo() {
    static const content::FairContent fair = content::LoadPack(KIOSK_DEMO_PACK).content;
    return fair;
}

// The first category on the home screen, and the first innovation in it.
const content::Category& FirstCategory() {
    return Demo().categories.front();
}
const content::Innovation& FirstInnovationOf(const std::string& category) {
    return *Demo().ByCategory(category).front();
}

bool Contains(const std::string& haystack, const std::string& needle) {
    return Normalise(haystack).find(Normalise(needle)) != std::string::npos;
}

} // namespace

TEST_CASE("kiosk --help and --version answer without a display") {
    const KioskRun help = RunCommand({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.output.find("--script FILE") != std::string::npos);
    const KioskRun version = RunCommand({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.output.rfind("kiosk ", 0) == 0);
    const KioskRun wrong = RunCommand({"--windowed", "huge"});
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.output.find("--windowed") != std::string::npos);
}

TEST_CASE("a visitor taps from the attract screen to an innovation and back home") {
    const content::Category& category = FirstCategory();
    const content::Innovation& innovation = FirstInnovationOf(category.id);
    // Any touch wakes the attract screen (it has no targets); then the visitor presses by name.
    const std::string script =
        "wait 200\nshot attract\n"
        "tap 960 540\nshot home\n"
        "press category/" +
        category.id + "\nshot list\npress innovation/" + innovation.id +
        "\nshot innovation\npress back\nshot back\npress home\nshot home-again\nquit\n";
    const KioskRun run = RunKiosk("browse", script, 1920, 1080, {"--lang", "en"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    REQUIRE(run.report.size() == 13);
    CHECK(run.report[1].route == "attract");
    CHECK(run.report[2].route == "home");                    // any touch leaves the attract screen...
    CHECK(run.report[4].route == "category/" + category.id); // ...without pressing what is under it
    CHECK(run.report[6].route == "innovation/" + innovation.id);
    CHECK(run.report[8].route == "category/" + category.id);
    CHECK(run.report[10].route == "home");

    const Image attract = Image::Load(run.Shot("attract")), home = Image::Load(run.Shot("home"));
    const Image list = Image::Load(run.Shot("list")), detail = Image::Load(run.Shot("innovation"));
    REQUIRE_FALSE(attract.Empty());
    CHECK(attract.width == 1920);
    CHECK(attract.height == 1080);
    CHECK(home.DifferenceFrom(attract) > 0.3);
    CHECK(list.DifferenceFrom(home) > 0.1);
    CHECK(detail.DifferenceFrom(list) > 0.1);
    CHECK(Image::Load(run.Shot("back")).DifferenceFrom(list) < 0.01); // back where it was
    CHECK(Image::Load(run.Shot("home-again")).DifferenceFrom(home) < 0.01);

    // Real content, readable where expected.
    CHECK(Contains(Ocr(run.Shot("home"), "eng"), "Prize categories"));
    CHECK(Contains(Ocr(run.Shot("home"), "eng"), category.name.en));
    const std::string detail_text = Ocr(run.Shot("innovation"), "eng");
    CHECK(Contains(detail_text, "less"));    // a TCV reduction
    CHECK(Contains(detail_text, "Before:")); // and its figures
    const std::string first_words = innovation.title.en.substr(0, innovation.title.en.find(' ', 12));
    CHECK(Contains(detail_text, first_words));
}

TEST_CASE("dragging scrolls the home screen, with inertia, and presses nothing") {
    const std::string script = "goto home\nwait 300\nshot before\n"
                               "drag 960 950 960 450 200\nshot moving\nwait 2500\nshot after\n"
                               "drag 300 900 300 700 400\nwait 2000\nquit\n";
    const KioskRun run = RunKiosk("drag", script, 1920, 1080, {"--lang", "en"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    for (const ReportRow& row : run.report)
        CHECK(row.route == "home"); // no card was opened
    const Image before = Image::Load(run.Shot("before")), moving = Image::Load(run.Shot("moving"));
    const Image after = Image::Load(run.Shot("after"));
    CHECK(after.DifferenceFrom(before) > 0.2);
    CHECK(after.DifferenceFrom(moving) > 0.05); // it kept gliding after the finger lifted
    CHECK(run.Find("shot moving")->frames + run.Find("wait 2500")->frames >
          3); // the glide was animated, frame by frame
}

// Each screen first settles (its pictures decoded and shown: a shot waits for that, however slow
// the machine), then draws nothing while nothing changes.
TEST_CASE("a static screen draws no frames") {
    const std::string script = "goto home\nshot home\nwait 2000\n"
                               "goto innovation/" +
                               Demo().innovations.back().id + "\nshot innovation\nwait 1500\nquit\n";
    const KioskRun run = RunKiosk("power", script, 1280, 800);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    REQUIRE(run.Find("wait 2000"));
    CHECK(run.Find("wait 2000")->frames == 0);
    CHECK(run.Find("wait 1500")->frames == 0);
}

TEST_CASE("the attract screen sleeps between slides and draws only the cross-fade") {
    const KioskRun run =
        RunKiosk("attract-power", "wait 3000\nwait 6000\nquit\n", 1280, 800, {"--idle", "90"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.Find("wait 3000")->frames <= 3);       // the first slide, then nothing
    const long fade = run.Find("wait 6000")->frames; // the 8 s mark falls in here: a 0.8 s fade
    CHECK(fade >= 2); // it moved: a slow machine draws few frames of it, a fast one many
    CHECK(fade < 200);
}

TEST_CASE("an idle kiosk returns to the attract screen") {
    const std::string script =
        "goto innovation/" + Demo().innovations.front().id + "\nwait 500\nwait 1500\nshot idle\nquit\n";
    const KioskRun run = RunKiosk("idle", script, 1280, 800, {"--idle", "1", "--lang", "en"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.report[1].route == "innovation/" + Demo().innovations.front().id);
    CHECK(run.report[2].route == "attract");
    CHECK(Contains(Ocr(run.Shot("idle"), "eng"), "Touch to explore"));
}

TEST_CASE("the language button switches the screen to English and back") {
    const KioskRun run = RunKiosk(
        "language", "goto home\nshot bn\npress lang\nshot en\npress lang\nshot bn-again\nquit\n", 1920, 1080);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK_FALSE(Contains(Ocr(run.Shot("bn"), "eng"), "Prize categories"));
    CHECK(Contains(Ocr(run.Shot("en"), "eng"), "Prize categories"));
    CHECK(Image::Load(run.Shot("bn-again")).DifferenceFrom(Image::Load(run.Shot("bn"))) < 0.01);
}

TEST_CASE("larger text for a visitor who needs it, normal again for the next visitor") {
    const KioskRun run =
        RunKiosk("large-text",
                 "goto home\nshot normal\npress text-size\nshot large\ngoto attract\ntap 960 540\n"
                 "shot next-visitor\nquit\n",
                 1920, 1080, {"--lang", "en"});
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    const Image normal = Image::Load(run.Shot("normal")), large = Image::Load(run.Shot("large"));
    CHECK(large.DifferenceFrom(normal) > 0.05);
    CHECK(Contains(Ocr(run.Shot("large"), "eng"), "Prize categories"));
    // The button shows the mode is on: filled green, where it was white.
    const TargetRect button = run.Targets("large").at("text-size");
    const auto share = [&](const Image& image) {
        return image.Share(static_cast<int>(button.x), static_cast<int>(button.y), static_cast<int>(button.w),
                           static_cast<int>(button.h), {0x00, 0x6a, 0x4e}, 12);
    };
    CHECK(share(large) > 0.4);
    CHECK(share(normal) < 0.05);
    CHECK(Image::Load(run.Shot("next-visitor")).DifferenceFrom(normal) < 0.01);
}

TEST_CASE("every screen lays out at 1920x1080, 1280x800 and portrait 1080x1920") {
    const content::Category& category = FirstCategory();
    const content::Innovation& innovation = FirstInnovationOf(category.id);
    auto script_for = [&](int w, int h) {
        const std::string drag = std::to_string(w / 2) + " " + std::to_string(h * 8 / 10) + " " +
                                 std::to_string(w / 2) + " " + std::to_string(h * 3 / 10);
        return "wait 200\nshot attract\ngoto home\nshot home\ngoto category/" + category.id +
               "\nshot list\ngoto office/" + innovation.office_id + "\nshot office\ngoto innovation/" +
               innovation.id + "\nshot innovation\ndrag " + drag +
               " 300\nwait 2500\nshot innovation-scrolled\nquit\n";
    };
    const struct { int w, h; } sizes[] = {{1920, 1080}, {1280, 800}, {1080, 1920}};
    for (const auto& size : sizes) {
        for (const char* lang : {"bn", "en"}) {
            const std::string name = std::to_string(size.w) + "x" + std::to_string(size.h) + "-" + lang;
            CAPTURE(name);
            const KioskRun run =
                RunKiosk("layout-" + name, script_for(size.w, size.h), size.w, size.h, {"--lang", lang});
            INFO(run.output);
            REQUIRE(run.exit_code == 0);
            std::vector<Image> shots;
            for (const char* shot :
                 {"attract", "home", "list", "office", "innovation", "innovation-scrolled"}) {
                CAPTURE(shot);
                const Image image = Image::Load(run.Shot(shot));
                REQUIRE_FALSE(image.Empty());
                CHECK(image.width == size.w);
                CHECK(image.height == size.h);
                CHECK(image.Contrast() > 20); // not a blank frame
                for (const Image& earlier : shots)
                    CHECK(image.DifferenceFrom(earlier) > 0.02);
                shots.push_back(image);
            }
            // The top bar: white with the green rule under it, on every screen but attract.
            const Image& home = shots[1];
            const int rule_y = 104 * std::min(size.w, size.h) / 1080 - 2;
            CHECK(home.Share(0, rule_y, size.w, 1, {0x00, 0x6a, 0x4e}, 10) > 0.95);
        }
    }
}

TEST_CASE("without --windowed the kiosk fills the primary monitor") {
    const KioskRun run = RunKioskFullscreen("fullscreen", "wait 200\nshot full\nquit\n", 1600, 900);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    const Image full = Image::Load(run.Shot("full"));
    CHECK(full.width == 1600);
    CHECK(full.height == 900);
}

TEST_CASE("the Escape key goes back, like the Back button") {
    const std::string script = "goto category/" + FirstCategory().id + "\ngoto innovation/" +
                               FirstInnovationOf(FirstCategory().id).id +
                               "\nkey escape\nkey escape\nkey escape\nquit\n";
    const KioskRun run = RunKiosk("escape", script, 1280, 800);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.report[2].route == "category/" + FirstCategory().id);
    CHECK(run.report[3].route == "home");
    CHECK(run.report[4].route == "home");
}

TEST_CASE("unusable pictures show a placeholder, the kiosk carries on") {
    // A pack whose one innovation points at a text file, a truncated picture, a 30 000 x 30 000
    // "decompression bomb" and a missing file.
    namespace fs = std::filesystem;
    const fs::path pack = fs::current_path() / "ui-shots" / "bad-pictures-pack";
    fs::remove_all(pack);
    fs::create_directories(pack / "innovations");
    fs::create_directories(pack / "pictures");
    fs::copy_file(fs::path(KIOSK_DEMO_PACK) / "fair.json", pack / "fair.json");
    const content::Innovation& model = Demo().innovations.front();
    std::ifstream source(fs::path(KIOSK_DEMO_PACK) / "innovations" / (model.id + ".json"));
    std::string json((std::istreambuf_iterator<char>(source)), {});
    const size_t photos = json.find("\"photos\"");
    REQUIRE(photos != std::string::npos);
    const size_t end = json.find(']', photos);
    json.replace(photos, end + 1 - photos, R"("photos": [
        {"file": "pictures/notes.png"}, {"file": "pictures/truncated.png"},
        {"file": "pictures/bomb.png"}, {"file": "pictures/missing.png"}])");
    std::ofstream(pack / "innovations" / "one.json") << json;
    std::ofstream(pack / "pictures" / "notes.png") << "not a picture";
    {
        std::ifstream good(model.photos.front().file, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(good)), {});
        std::ofstream(pack / "pictures" / "truncated.png", std::ios::binary)
            << bytes.substr(0, bytes.size() / 4);
        bytes.resize(64);
        bytes[16] = 0, bytes[17] = 0, bytes[18] = 0x75, bytes[19] = 0x30; // width 30000
        bytes[20] = 0, bytes[21] = 0, bytes[22] = 0x75, bytes[23] = 0x30; // height 30000
        std::ofstream(pack / "pictures" / "bomb.png", std::ios::binary) << bytes;
    }
    std::string script = "goto innovation/" + model.id + "\nshot top\n";
    for (int i = 0; i < 8; ++i)
        script += "drag 640 700 640 100 150\n"; // down to the pictures at the bottom
    script += "wait 2000\nshot pictures\nquit\n";
    const KioskRun run = RunKiosk("bad-pictures", script, 1280, 800, {"--content", pack.string()});
    INFO(run.output);
    CHECK(run.exit_code == 0);
    CHECK(run.output.find("truncated.png") != std::string::npos);
    CHECK(run.output.find("bomb.png is 30000 × 30000 pixels") != std::string::npos);
    CHECK(run.output.find("missing.png is not found") != std::string::npos);
    CHECK(Image::Load(run.Shot("top")).Contrast() > 20);
    fs::remove_all(pack);
}

TEST_CASE("content saved while the kiosk runs is shown without a restart") {
    namespace fs = std::filesystem;
    const fs::path pack = fs::current_path() / "ui-shots" / "live-pack";
    fs::remove_all(pack);
    fs::copy(KIOSK_DEMO_PACK, pack, fs::copy_options::recursive);
    const content::Innovation& first = Demo().innovations.front();
    const fs::path file = pack / "innovations" / (first.id + ".json");
    // An organiser edits the English title two seconds in.
    const std::string edit = "sleep 2; sed -i 's/\\\"en\\\": \\\"" + first.title.en +
                             "\\\"/\\\"en\\\": \\\"Renamed At The Fair\\\"/' '" + file.string() + "'";
    const KioskRun run = RunKiosk(
        "live-update", "goto innovation/" + first.id + "\nshot before\nwait 6000\nshot after\nquit\n", 1280,
        800, {"--lang", "en", "--content", pack.string()}, edit);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(run.output.find("content updated") != std::string::npos);
    CHECK_FALSE(Contains(Ocr(run.Shot("before"), "eng"), "Renamed At The Fair"));
    CHECK(Contains(Ocr(run.Shot("after"), "eng"), "Renamed At The Fair"));
    CHECK(run.report.back().route == "innovation/" + first.id); // the visitor stayed where they were
    fs::remove_all(pack);
}

TEST_CASE("a phone can scan the service link's QR code off the screen") {
    const content::Innovation& innovation = Demo().innovations.front();
    REQUIRE_FALSE(innovation.service_link.empty());
    std::string script = "goto innovation/" + innovation.id + "\n";
    for (int i = 0; i < 8; ++i)
        script += "drag 640 700 640 100 100\n"; // down to the end of the page
    script += "wait 2500\nshot bottom\nquit\n";
    const KioskRun run = RunKiosk("qr-code", script, 1280, 800);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    CHECK(ReadQrCodes(run.Shot("bottom")).find(innovation.service_link) != std::string::npos);
}

TEST_CASE("script mistakes and a missing content pack are reported, not crashed on") {
    const KioskRun route = RunKiosk("bad-route", "goto innovation/no-such-thing\nquit\n", 1280, 800);
    CHECK(route.exit_code == 1);
    CHECK(route.output.find("no route \"innovation/no-such-thing\"") != std::string::npos);
    // A pack the kiosk cannot show does not stop it: it starts with an empty fair and says why.
    const KioskRun pack = RunKiosk("bad-pack", "quit\n", 1280, 800, {"--content", "/nonexistent/pack"});
    CHECK(pack.exit_code == 0);
    CHECK(pack.output.find("/nonexistent/pack/fair.json: error: cannot open the file") != std::string::npos);
    const KioskRun script = RunKiosk("bad-script", "tap here\n", 1280, 800);
    CHECK(script.exit_code == 2);
    CHECK(script.output.find("line 1") != std::string::npos);
    // A target that is not on screen is named, with the names closest to it that are.
    const KioskRun press = RunKiosk("bad-press", "goto home\npress lnag\nquit\n", 1280, 800);
    CHECK(press.exit_code == 1);
    CHECK(press.output.find("line 2: no target \"lnag\" on screen (home); the closest: lang") !=
          std::string::npos);
}
