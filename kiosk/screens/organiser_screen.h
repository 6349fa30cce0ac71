// The organiser's view of the content: what pack is showing, what was left out of it and why,
// and what became of the last update. Reached by a long press on the top bar's title (judging
// will put it behind the organiser's PIN).
#pragma once

#include "content/pack_loader.h"
#include "kiosk/screens/screen.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// What the organiser screen reports about the content.
struct ContentStatus {
    const content::LoadedPack* pack = nullptr;
    std::string loaded_at;                         // local time the showing pack was loaded, "14:05:09"
    std::optional<content::LoadedPack> refused;    // the last update that could not be used
    std::string refused_at;
};

struct OrganiserScreen {
    float Draw(ui::Context& ui, const ContentStatus& status, const ScrollFrame& frame);
};

} // namespace kiosk
