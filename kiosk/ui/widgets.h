// Touch widgets drawn straight onto the frame's draw list: buttons, cards, chips, pictures, icons.
// A widget acts on a tap (see Touch) and shows a pressed state while the finger is on it.
#pragma once

#include "kiosk/ui/context.h"
#include "kiosk/ui/text.h"

#include <string_view>

namespace ui {

enum class ButtonKind { Primary, Secondary, OnDark };

// A disabled button is drawn greyed and never taps.
bool Button(Context& ui, const Rect& rect, std::string_view label, ButtonKind kind = ButtonKind::Secondary,
            bool enabled = true);
// A white rounded card with a soft shadow; returns true when tapped. `pressed` tints it.
bool Card(Context& ui, const Rect& rect, ImU32 fill = color::kSurface);
// A small rounded label; returns its width.
float Chip(Context& ui, ImVec2 pos, std::string_view text, ImU32 fg, ImU32 bg);
float ChipWidth(const Context& ui, std::string_view text);
float ChipHeight(const Context& ui);
// The picture at `path` filling `rect` (cropped to keep its shape); while it loads, a quiet
// placeholder; when the file is unusable or there is none (empty path), a picture glyph.
void Picture(Context& ui, const Rect& rect, const std::string& path, float rounding,
             ImDrawFlags corners = ImDrawFlags_RoundCornersAll);
// Texture coordinates that crop `texture` to fill a width x height box without stretching it.
void CropToFill(const GlTexture& texture, float width, float height, ImVec2& uv0, ImVec2& uv1);
// The first photo of a list of photos, or an empty path.
const std::string& CoverPath(const std::vector<content::Photo>& photos);

void HomeIcon(ImDrawList* draw, ImVec2 center, float size, ImU32 color);
void BackIcon(ImDrawList* draw, ImVec2 center, float size, ImU32 color);
void CheckIcon(ImDrawList* draw, ImVec2 center, float size, ImU32 color, float thickness);
void ArrowRight(ImDrawList* draw, ImVec2 center, float size, ImU32 color, float thickness);

} // namespace ui
