// A service's process map drawn as a top-to-bottom flowchart: steps in reading order down the
// middle, each kind with its conventional shape, and edges that skip or loop back routed in
// lanes on the right with their yes/no labels.
#pragma once

#include "content/model.h"
#include "kiosk/ui/context.h"

namespace ui {

// Height the map needs at `width`.
float ProcessMapHeight(Context& ui, const content::ProcessMap& map, float width);
// Draws the map with its top-left corner at `origin`; returns the height used.
float DrawProcessMap(Context& ui, const content::ProcessMap& map, ImVec2 origin, float width);

} // namespace ui
