#include "kiosk/ui/qr_code.h"

namespace ui {

void DrawQrCode(ImDrawList* draw, const QrCode& code, ImVec2 pos, float side) {
    const figures::QrPlacement place = figures::PlaceQrCode(code, pos.x, pos.y, side);
    draw->AddRectFilled({place.x, place.y}, {place.x + place.side, place.y + place.side}, IM_COL32_WHITE);
    const float origin_x = place.x + static_cast<float>(QrCode::kQuietZone) * place.module;
    const float origin_y = place.y + static_cast<float>(QrCode::kQuietZone) * place.module;
    for (int y = 0; y < code.Size(); ++y)
        for (int x = 0; x < code.Size(); ++x)
            if (code.Dark(x, y)) {
                const ImVec2 a{origin_x + static_cast<float>(x) * place.module,
                               origin_y + static_cast<float>(y) * place.module};
                draw->AddRectFilled(a, {a.x + place.module, a.y + place.module}, IM_COL32_BLACK);
            }
}

} // namespace ui
