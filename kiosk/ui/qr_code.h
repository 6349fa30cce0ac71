// A service link's QR code on the screen: the modules come from kiosk/figures (libqrencode, plain
// geometry); this paints them on an ImDrawList.
#pragma once

#include "kiosk/figures/qr_code.h"

#include <imgui.h>

namespace ui {

using figures::QrCode;

// Dark modules on white with the standard quiet zone, `side` pixels square, each module snapped
// to whole pixels so phone cameras read it cleanly.
void DrawQrCode(ImDrawList* draw, const QrCode& code, ImVec2 pos, float side);

} // namespace ui
