// One innovation: what changed, its pictures, TCV before and after, the process maps, the link.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk {

struct InnovationScreen {
    float Draw(ui::Context& ui, const content::FairContent& fair, const Route& route, const ScrollFrame& frame,
               Navigation& nav);
};

} // namespace kiosk
