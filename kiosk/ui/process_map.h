// A service's process map on the screen: laid out by kiosk/figures (Graphviz's dot, our own text
// measurement) once per map, width and language, and painted here on the frame's ImDrawList in
// the kiosk's visual language: each step kind with its conventional shape, yes/no on the exits.
#pragma once

#include "content/model.h"
#include "kiosk/figures/process_map_layout.h"
#include "kiosk/ui/context.h"

namespace ui {

// The layout the kiosk paints at `width` (cached; laid out again only when the map, the width,
// the language or the text size changes).
const figures::MapLayout& ProcessMapLayout(Context& ui, const content::ProcessMap& map, float width);
// Height the map needs at `width`.
float ProcessMapHeight(Context& ui, const content::ProcessMap& map, float width);
// Draws the map centred in `width` with its top at `origin.y`; returns the height used.
float DrawProcessMap(Context& ui, const content::ProcessMap& map, ImVec2 origin, float width);

} // namespace ui
