#include "kiosk/ui/touch.h"

#include <algorithm>
#include <cmath>

namespace ui {

void Touch::Update(double frame_time, float slop_px) {
    const double now = m_finger_time >= 0 ? m_finger_time : frame_time;
    m_finger_time = -1;
    const ImGuiIO& io = ImGui::GetIO();
    const bool down = io.MouseDown[0];
    const ImVec2 pos = io.MousePos;
    const bool valid = pos.x > -1e6f;
    m_pressed = down && !m_down;
    m_released = !down && m_down;
    if (m_pressed) {
        m_start = m_pos = valid ? pos : m_pos;
        m_dragging = m_consumed = false;
        m_velocity_y = 0;
        m_last_time = m_press_time = now;
    } else if ((down || m_released) && valid) {
        // The finger's speed, smoothed over its moves, for the fling when it lifts. Only moves
        // count: a frame that finds the finger where it was says nothing new about its speed.
        const double dt = now - m_last_time;
        if (pos.y != m_pos.y && dt > 0.001) {
            const float instant = static_cast<float>((pos.y - m_pos.y) / dt);
            m_velocity_y = 0.6f * instant + 0.4f * m_velocity_y;
            m_last_time = now;
        }
        m_pos = pos;
        if (!m_dragging && std::hypot(pos.x - m_start.x, pos.y - m_start.y) > slop_px) m_dragging = true;
    }
    if (m_released && now - m_last_time > 0.15) m_velocity_y = 0; // the finger rested before lifting
    m_down = down;
}

bool Touch::Tapped(const Rect& rect) const {
    return m_released && !m_dragging && !m_consumed && rect.Contains(m_start) && rect.Contains(m_pos);
}

bool Touch::LongPressed(const Rect& rect, double now, double seconds) {
    if (!m_down || m_dragging || m_consumed || !rect.Contains(m_start) || now - m_press_time < seconds)
        return false;
    m_consumed = true; // the release that follows taps nothing
    return true;
}

bool Touch::Pressing(const Rect& rect) const {
    return m_down && !m_dragging && !m_consumed && rect.Contains(m_start) && rect.Contains(m_pos);
}

float Scroller::Update(const Touch& touch, const Rect& view, float content_height, float dt) {
    m_content = content_height;
    m_view = view.h;
    const float max_offset = MaxOffset();
    dt = std::min(dt, 0.05f);

    if (m_grabbed ||
        (touch.Down() && touch.Dragging() && !touch.Consumed() && view.Contains(touch.Start()))) {
        if (!m_grabbed) {
            m_grabbed = true;
            m_grab_offset = m_offset + touch.Delta().y; // so the content does not jump by the slop
        }
        float wanted = m_grab_offset - touch.Delta().y;
        // Past either end the content follows the finger at a third of its speed.
        if (wanted < 0) wanted /= 3;
        if (wanted > max_offset) wanted = max_offset + (wanted - max_offset) / 3;
        m_offset = wanted;
        m_velocity = 0;
        if (touch.Down()) return m_offset;
        m_grabbed = false; // lifted this frame, where it last moved to: the fling starts here
        m_velocity = -touch.VelocityY();
        return m_offset;
    }
    const float wheel = ImGui::GetIO().MouseWheel;
    if (wheel != 0 && view.Contains(ImGui::GetIO().MousePos)) m_velocity -= wheel * 1800.f;

    m_offset += m_velocity * dt;
    m_velocity *= std::exp(-3.5f * dt); // friction: a fling glides for about a second
    if (std::fabs(m_velocity) < 8) m_velocity = 0;
    // Spring back from beyond the ends.
    if (m_offset < 0 || m_offset > max_offset) {
        const float target = m_offset < 0 ? 0 : max_offset;
        m_velocity *= 0.5f;
        m_offset = target + (m_offset - target) * std::exp(-14.f * dt);
        if (std::fabs(m_offset - target) < 0.5f) m_offset = target;
    }
    return m_offset;
}

bool Scroller::Animating() const {
    return m_velocity != 0 || m_offset < 0 || m_offset > MaxOffset() + 0.01f;
}

void Scroller::ScrollIntoView(float top, float bottom, float view_height) {
    if (top < m_offset)
        SetOffset(top);
    else if (bottom > m_offset + view_height)
        SetOffset(bottom - view_height);
}

} // namespace ui
