// The home screen: the fair, then its prize categories and its offices as large cards.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk {

struct HomeScreen {
    // Draws the content starting at frame.top; returns its height.
    float Draw(ui::Context& ui, const content::FairContent& fair, const ScrollFrame& frame, Navigation& nav);
};

} // namespace kiosk
