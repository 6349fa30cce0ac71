#include "kiosk/ui/theme.h"

#include <algorithm>
#include <cmath>

namespace ui {

float Theme::FontSize(TextStyle style) const {
    static constexpr float kDesign[] = {22, 27, 27, 34, 46, 72}; // caption .. display, at 1080 lines
    return std::round(kDesign[static_cast<int>(style)] * scale * (large_text ? kLargeTextScale : 1.f));
}

float ScaleFor(int width, int height) {
    return std::max(0.4f, static_cast<float>(std::min(width, height)) / 1080.f);
}

} // namespace ui
