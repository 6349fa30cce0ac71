// Drawing and measuring text. Every visible string goes through here, onto the text engine in
// kiosk/text: HarfBuzz shaping by script run, FreeType glyphs in a GL atlas, wrapped and cached
// layouts. ImGui's own font path draws nothing visible.
#pragma once

#include "kiosk/ui/theme.h"

#include <imgui.h>

#include <string>
#include <string_view>

namespace ui {

enum class Align { Left, Center, Right, Justify }; // Justify: all but a paragraph's last line fill the width

struct TextOptions {
    float wrap_width = 0; // 0: one line
    int max_lines = 0;    // 0: no limit; otherwise the last line ends in an ellipsis
    Align align = Align::Left;
};

ImVec2 MeasureText(const Theme& theme, TextStyle style, std::string_view text,
                   const TextOptions& options = {});
// Draws `text` with its top-left at `pos` (alignment within wrap_width); returns the size used.
ImVec2 DrawText(ImDrawList* draw, const Theme& theme, TextStyle style, ImVec2 pos, std::string_view text,
                ImU32 color, const TextOptions& options = {});
float LineHeight(const Theme& theme, TextStyle style);

// The engine's life, for the platform layer. StartText opens the fonts and keeps the glyph atlas
// in GL textures (a GL context must be current from here to StopText); it returns an error to
// show when the fonts are missing, and does nothing once started. Without it, the first call
// above starts an engine that measures but keeps no textures (tests).
std::string StartText();
void StopText();
void BeginTextFrame(); // once per frame, before anything is drawn

} // namespace ui
