// The script player without a window: a scripted drag makes the same moves, each on a frame of its
// own and at the same times on the finger's clock, whether frames come fast or slowly.
#include "kiosk/app.h"
#include "kiosk/script_player.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace kiosk;

namespace {

// What one frame saw of the scripted finger.
struct Seen {
    float x, y;
    bool down;
    double time;
    friend bool operator==(const Seen&, const Seen&) = default;
};

// Plays `script` as the platform loop does, a frame taking `frame_s` to draw; returns what each
// frame saw of the finger, a finger that did not change since the frame before left out.
std::vector<Seen> Play(const std::string& script, double frame_s) {
    App app(content::LoadPack(std::string(KIOSK_SOURCE_DIR) + "/assets/demo-fair"), Options{});
    ScriptPlayer player(ParseScript(script), "/nonexistent");
    std::vector<Seen> seen;
    double now = 10;
    long frames = 0;
    for (int turn = 0; turn < 10000 && !player.Done(); ++turn) {
        player.Advance(now, frames, true, app);
        if (player.Done()) break;
        if (!player.WantsFrame()) { // asleep until the script's next time
            now = std::max(now, player.NextWake());
            continue;
        }
        const ScriptedInput& in = player.Input();
        const Seen frame{in.pos.x, in.pos.y, in.down, in.time - 10};
        if (seen.empty() || !(seen.back() == frame)) seen.push_back(frame);
        now += frame_s;
        ++frames;
    }
    CHECK(player.Done());
    CHECK(player.Errors().empty());
    return seen;
}

} // namespace

TEST_CASE("a drag's path: one move per 16 ms and at least two, the last lifting where it arrives") {
    const std::vector<DragSample> path = DragPath({100, 900}, {100, 500}, 200);
    REQUIRE(path.size() == 13);
    CHECK(path.front().pos.y == doctest::Approx(900 - 400.0 / 13));
    CHECK(path.front().at == doctest::Approx(0.2 / 13));
    for (size_t i = 0; i + 1 < path.size(); ++i)
        CHECK(path[i].down);
    CHECK_FALSE(path.back().down);
    CHECK(path.back().pos.y == 500);
    CHECK(path.back().at == doctest::Approx(0.2));

    const std::vector<DragSample> quick = DragPath({0, 0}, {0, 100}, 0); // even a 0 ms drag moves
    REQUIRE(quick.size() == 2);
    CHECK(quick[0].down);
    CHECK(quick[0].pos.y == 50);
    CHECK_FALSE(quick[1].down);
}

TEST_CASE("a scripted drag moves the same on fast and slow frames, each move on its own frame") {
    const std::string script = "drag 960 950 960 450 200\nquit\n";
    const std::vector<Seen> fast = Play(script, 0.004), slow = Play(script, 0.5); // 0.5 s a frame
    REQUIRE(fast.size() == 14);                                                   // the touch and 13 moves
    CHECK(fast == slow);
    CHECK(fast.front() == Seen{960, 950, true, 0});
    CHECK(fast.back().y == 450);
    CHECK_FALSE(fast.back().down);
    CHECK(fast.back().time == doctest::Approx(0.2)); // the finger took 200 ms, however long the frames
}
