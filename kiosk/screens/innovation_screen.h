// One innovation: what changed, its pictures, TCV before and after, the process maps, the link.
#pragma once

#include "kiosk/screens/screen.h"
#include "kiosk/ui/qr_code.h"

#include <optional>
#include <string>

namespace kiosk {

struct InnovationScreen {
    std::optional<ui::QrCode> qr; // for the service link shown; encoded once per innovation

    float Draw(ui::Context& ui, const content::FairContent& fair, const Route& route,
               const ScrollFrame& frame, Navigation& nav);
};

} // namespace kiosk
