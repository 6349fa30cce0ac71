// The attract screen: what a kiosk shows while nobody touches it. A slow slideshow of the fair's
// innovations; any touch leaves it. Between cross-fades it draws nothing at all.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk {

struct AttractScreen {
    static constexpr double kSlideSeconds = 8.0;
    static constexpr double kFadeSeconds = 0.8;

    double started = 0; // when the attract screen was entered

    void Arrive(const Arrival& arrival) { started = arrival.now; }
    void Draw(ui::Context& ui, const content::FairContent& fair);
    // When the next slide starts (the app sleeps until then).
    double NextChange(double now) const;
    bool Fading(double now) const;
};

} // namespace kiosk
