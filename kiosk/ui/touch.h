// The pointer as a finger: a press becomes either a tap (released without moving far) or a drag
// (which scrolls and never presses a button). Nothing depends on hover.
#pragma once

#include <imgui.h>

namespace ui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    bool Contains(ImVec2 p) const { return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h; }
    ImVec2 Min() const { return {x, y}; }
    ImVec2 Max() const { return {x + w, y + h}; }
    float Right() const { return x + w; }
    float Bottom() const { return y + h; }
};

class Touch {
  public:
    // Reads the pointer from ImGui's io once per frame.
    void Update(double now, float slop_px);
    // When the pointer came to be where it is, if not at the frame's `now`: a script moves its
    // finger on its own clock, so the speed of a drag (and a fling) does not depend on how fast
    // frames are drawn. Applies to the next Update only.
    void SetFingerTime(double time) { m_finger_time = time; }

    bool Down() const { return m_down; }
    bool Pressed() const { return m_pressed; }   // touched this frame
    bool Released() const { return m_released; } // lifted this frame
    bool Dragging() const { return m_dragging; } // moved past the slop since the press
    ImVec2 Start() const { return m_start; }
    ImVec2 Pos() const { return m_pos; }
    ImVec2 Delta() const { return {m_pos.x - m_start.x, m_pos.y - m_start.y}; }
    float VelocityY() const { return m_velocity_y; }  // px/s, smoothed over the last moves
    double PressTime() const { return m_press_time; } // when the finger touched

    // True on the frame a tap ends inside `rect` (press and release both inside, no drag).
    bool Tapped(const Rect& rect) const;
    // True while a press that may still become a tap is held inside `rect`.
    bool Pressing(const Rect& rect) const;
    // True once, when a finger has rested on `rect` for `seconds` without moving (a hidden entry).
    bool LongPressed(const Rect& rect, double now, double seconds);
    // The rest of this gesture does nothing (a screen change under the finger takes it).
    void Consume() { m_consumed = true; }
    bool Consumed() const { return m_consumed; }

  private:
    bool m_down = false, m_pressed = false, m_released = false, m_dragging = false, m_consumed = false;
    ImVec2 m_start{}, m_pos{};
    double m_last_time = 0, m_press_time = 0;
    double m_finger_time = -1; // < 0: the frame's time
    float m_velocity_y = 0;
};

// A vertically scrolling region: drag to scroll, fling to keep it moving (inertia with friction),
// a rubber band at the ends, the mouse wheel for development.
class Scroller {
  public:
    // Call once per frame before drawing the content; returns the scroll offset to draw with.
    float Update(const Touch& touch, const Rect& view, float content_height, float dt);
    bool Animating() const; // still moving after the finger left
    float Offset() const { return m_offset; }
    void SetOffset(float offset) {
        m_offset = offset;
        m_velocity = 0;
    }
    void ScrollIntoView(float top, float bottom, float view_height);

  private:
    float MaxOffset() const { return m_content > m_view ? m_content - m_view : 0; }

    float m_offset = 0, m_velocity = 0;
    float m_content = 0, m_view = 0;
    float m_grab_offset = 0;
    bool m_grabbed = false;
};

} // namespace ui
