// Drawing and measuring text. Every visible string goes through here, so the text engine
// (HarfBuzz shaping, issue 3) can replace ImGui's glyph-by-codepoint path in one place.
#pragma once

#include "kiosk/ui/theme.h"

#include <imgui.h>

#include <string_view>

namespace ui {

enum class Align { Left, Center, Right };

struct TextOptions {
    float wrap_width = 0;  // 0: one line
    int max_lines = 0;     // 0: no limit; otherwise the last line ends in an ellipsis
    Align align = Align::Left;
};

ImVec2 MeasureText(const Theme& theme, TextStyle style, std::string_view text, const TextOptions& options = {});
// Draws `text` with its top-left at `pos` (alignment within wrap_width); returns the size used.
ImVec2 DrawText(ImDrawList* draw, const Theme& theme, TextStyle style, ImVec2 pos, std::string_view text,
                ImU32 color, const TextOptions& options = {});
float LineHeight(const Theme& theme, TextStyle style);

} // namespace ui
