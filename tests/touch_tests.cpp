// The pointer as a finger: taps versus drags, and kinetic scrolling. Driven through ImGui's io
// as the platform layer does, without a window.
#include "kiosk/ui/context.h"
#include "kiosk/ui/touch.h"

#include <doctest/doctest.h>

using ui::Rect;

namespace {

// An ImGui context for the length of a test; Touch reads io.MousePos / io.MouseDown.
struct ImGuiScope {
    ImGuiScope() { ImGui::CreateContext(); }
    ~ImGuiScope() { ImGui::DestroyContext(); }
};

void Pointer(ui::Touch& touch, double now, float x, float y, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {x, y};
    io.MouseDown[0] = down;
    io.MouseWheel = 0;
    touch.Update(now, 18);
}

} // namespace

TEST_CASE("a press and release in place is a tap on what was pressed") {
    ImGuiScope scope;
    ui::Touch touch;
    const Rect button{100, 100, 200, 80};
    Pointer(touch, 0.00, 150, 140, true);
    CHECK(touch.Pressed());
    CHECK(touch.Pressing(button));
    CHECK_FALSE(touch.Tapped(button));
    Pointer(touch, 0.05, 154, 143, true); // a finger wobbles a little
    Pointer(touch, 0.10, 154, 143, false);
    CHECK(touch.Released());
    CHECK(touch.Tapped(button));
    CHECK_FALSE(touch.Tapped(Rect{400, 100, 100, 80}));
}

TEST_CASE("a drag never presses a button, even when it ends where it began") {
    ImGuiScope scope;
    ui::Touch touch;
    const Rect button{100, 100, 200, 80};
    Pointer(touch, 0.00, 150, 140, true);
    Pointer(touch, 0.05, 150, 60, true);
    CHECK(touch.Dragging());
    CHECK_FALSE(touch.Pressing(button));
    Pointer(touch, 0.10, 150, 140, true);
    Pointer(touch, 0.15, 150, 140, false);
    CHECK_FALSE(touch.Tapped(button));
}

TEST_CASE("a consumed touch (one that woke the kiosk) taps nothing") {
    ImGuiScope scope;
    ui::Touch touch;
    const Rect button{0, 0, 500, 500};
    Pointer(touch, 0.0, 100, 100, true);
    touch.Consume();
    Pointer(touch, 0.1, 100, 100, false);
    CHECK_FALSE(touch.Tapped(button));
}

TEST_CASE("dragging scrolls with the finger, a fling keeps going, slows and stops") {
    ImGuiScope scope;
    ui::Touch touch;
    ui::Scroller scroller;
    const Rect view{0, 100, 800, 600};
    const float content = 3000;
    double now = 0;
    Pointer(touch, now, 400, 600, true);
    scroller.Update(touch, view, content, 0.016f);
    for (int i = 1; i <= 10; ++i) { // 300 px up in 160 ms
        now += 0.016;
        Pointer(touch, now, 400, 600 - 30.f * static_cast<float>(i), true);
        scroller.Update(touch, view, content, 0.016f);
    }
    // The content follows the finger, less the slop that told a drag from a tap.
    CHECK(scroller.Offset() == doctest::Approx(300 - 30).epsilon(0.05));
    now += 0.016;
    Pointer(touch, now, 400, 300, false);
    const float at_release = scroller.Update(touch, view, content, 0.016f);
    CHECK(scroller.Animating());
    float offset = at_release;
    int frames = 0;
    while (scroller.Animating() && frames < 600) {
        now += 0.016;
        Pointer(touch, now, 400, 300, false);
        offset = scroller.Update(touch, view, content, 0.016f);
        ++frames;
    }
    CHECK(offset > at_release + 300); // inertia carried it on
    CHECK(frames < 240);              // and friction stopped it within a few seconds
    CHECK_FALSE(scroller.Animating());
}

TEST_CASE("scrolling past the ends springs back") {
    ImGuiScope scope;
    ui::Touch touch;
    ui::Scroller scroller;
    const Rect view{0, 0, 800, 600};
    double now = 0;
    Pointer(touch, now, 400, 100, true);
    scroller.Update(touch, view, 2000, 0.016f);
    for (int i = 1; i <= 10; ++i) { // pull down at the top
        now += 0.05;
        Pointer(touch, now, 400, 100 + 40.f * static_cast<float>(i), true);
        scroller.Update(touch, view, 2000, 0.016f);
    }
    CHECK(scroller.Offset() < 0);
    CHECK(scroller.Offset() > -400); // resisted: a third of the finger's travel
    now += 0.2;
    Pointer(touch, now, 400, 500, false);
    for (int i = 0; i < 120; ++i) {
        now += 0.016;
        Pointer(touch, now, 400, 500, false);
        scroller.Update(touch, view, 2000, 0.016f);
    }
    CHECK(scroller.Offset() == doctest::Approx(0));
    CHECK_FALSE(scroller.Animating());
}

TEST_CASE("content shorter than the view does not scroll") {
    ImGuiScope scope;
    ui::Touch touch;
    ui::Scroller scroller;
    const Rect view{0, 0, 800, 600};
    Pointer(touch, 0, 400, 400, true);
    scroller.Update(touch, view, 300, 0.016f);
    Pointer(touch, 0.1, 400, 100, true);
    scroller.Update(touch, view, 300, 0.016f);
    Pointer(touch, 0.2, 400, 100, false);
    for (int i = 0; i < 200; ++i)
        scroller.Update(touch, view, 300, 0.016f);
    CHECK(scroller.Offset() == doctest::Approx(0));
}

TEST_CASE("a finger resting still is a long press, once, and then taps nothing") {
    ImGuiScope scope;
    ui::Touch touch;
    const Rect title{300, 0, 800, 100};
    Pointer(touch, 0.0, 500, 50, true);
    CHECK_FALSE(touch.LongPressed(title, 0.0, 2.0));
    Pointer(touch, 1.0, 502, 51, true);
    CHECK_FALSE(touch.LongPressed(title, 1.0, 2.0));
    Pointer(touch, 2.1, 502, 51, true);
    CHECK(touch.LongPressed(title, 2.1, 2.0));
    CHECK_FALSE(touch.LongPressed(title, 2.2, 2.0)); // once
    Pointer(touch, 2.5, 502, 51, false);
    CHECK_FALSE(touch.Tapped(title));
}

TEST_CASE("a finger that moves is not a long press") {
    ImGuiScope scope;
    ui::Touch touch;
    const Rect title{300, 0, 800, 100};
    Pointer(touch, 0.0, 500, 50, true);
    Pointer(touch, 0.5, 600, 50, true);
    Pointer(touch, 2.5, 600, 50, true);
    CHECK_FALSE(touch.LongPressed(title, 2.5, 2.0));
}

TEST_CASE("a touch target is listed under its name with its visible part, and one unnamed or hidden, not at all") {
    ui::Context ui;
    ui.clip = {0, 100, 800, 500}; // a scrolled area under a top bar
    ui.Name("review/submit");
    ui.AddTarget(Rect{10, 550, 200, 100});                   // half under the bottom edge
    ui.AddTarget(Rect{10, 200, 50, 50});                     // the name was taken: this one is not listed
    ui.AddTarget("innovation/a", Rect{10, 0, 50, 50}, true); // scrolled out of sight
    ui.AddTarget("score/impact/8", Rect{300, 300, 60, 40}, false);
    REQUIRE(ui.targets.size() == 2);
    CHECK(ui.targets[0].name == "review/submit");
    CHECK(ui.targets[0].rect.y == 550);
    CHECK(ui.targets[0].rect.h == 50);
    CHECK(ui.targets[0].enabled);
    CHECK(ui.targets[1].name == "score/impact/8");
    CHECK_FALSE(ui.targets[1].enabled);
    CHECK(ui.next_name.empty()); // a name set for a target out of sight does not pass to the next one
}

TEST_CASE("a finger's own time sets its speed, however late the frames that see it") {
    ImGuiScope scope;
    // The same moves, 20 ms apart on the finger's clock, seen by frames 20 ms or 300 ms apart.
    auto fling_speed = [](double frame_s) {
        ui::Touch touch;
        double frame = 0;
        for (int i = 0; i <= 10; ++i) {
            touch.SetFingerTime(0.02 * i);
            Pointer(touch, frame, 400, 600 - 30.f * static_cast<float>(i), i < 10);
            frame += frame_s;
        }
        CHECK(touch.Released());
        return touch.VelocityY();
    };
    CHECK(fling_speed(0.02) == doctest::Approx(-1500).epsilon(0.01)); // 30 px per 20 ms
    CHECK(fling_speed(0.3) == fling_speed(0.02));
    // Without the finger's time a slow frame reads as a slow finger.
    ui::Touch touch;
    Pointer(touch, 0, 400, 600, true);
    Pointer(touch, 0.3, 400, 570, false);
    CHECK(touch.VelocityY() == doctest::Approx(0.6 * -100));
}
