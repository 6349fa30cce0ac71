// Colours, sizes and the type scale. Sizes are designed at 1080 lines and scaled with the window, so a
// touch target is at least 48 px at 1080 lines on every layout.
#pragma once

#include <imgui.h>

namespace ui {

namespace color {
constexpr ImU32 Rgb(unsigned rgb, unsigned alpha = 255) {
    return IM_COL32((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
}
constexpr ImU32 kBackground = Rgb(0xf4f6f2);
constexpr ImU32 kSurface = Rgb(0xffffff);
constexpr ImU32 kSurfacePressed = Rgb(0xdfeee6);
constexpr ImU32 kGreen = Rgb(0x006a4e); // Bangladesh green
constexpr ImU32 kGreenDark = Rgb(0x004d38);
constexpr ImU32 kGreenLight = Rgb(0xe3f1ea);
constexpr ImU32 kRed = Rgb(0xd2142e); // a darker flag red, 4.9:1 on white
constexpr ImU32 kAmber = Rgb(0x9a5b00);
constexpr ImU32 kAmberLight = Rgb(0xfff1d6);
constexpr ImU32 kBlue = Rgb(0x1f5fa8);
constexpr ImU32 kBlueLight = Rgb(0xe4eefa);
constexpr ImU32 kText = Rgb(0x17241e);      // 15:1 on white
constexpr ImU32 kTextMuted = Rgb(0x4b5b53); // 6.9:1 on white
constexpr ImU32 kTextOnDark = Rgb(0xffffff);
constexpr ImU32 kBorder = Rgb(0xd3dbd6);
constexpr ImU32 kShadow = Rgb(0x000000, 28);
} // namespace color

enum class TextStyle { Caption, Body, BodyBold, Heading, Title, Display, Count };

struct Theme {
    static constexpr float kLargeTextScale = 1.3f; // text enlarged for visitors who need it (WCAG 1.4.4)

    float scale = 1;         // window lines / 1080 (the smaller side)
    bool large_text = false; // large-text mode: every text style, and its line height, kLargeTextScale bigger

    float Px(float design_px) const { return design_px * scale; } // a length designed at 1080 lines
    float TouchTarget() const { return Px(72); }                  // comfortable; the floor is 48
    float Gap() const { return Px(24); }
    float Radius() const { return Px(16); }
    float FontSize(TextStyle style) const; // pixels, ImGui-style (ascender to descender of Noto Sans)
};

// Scale for a window: lengths are designed at 1080 lines of the window's smaller side.
float ScaleFor(int width, int height);

} // namespace ui
