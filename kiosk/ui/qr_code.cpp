#include "kiosk/ui/qr_code.h"

#include <qrencode.h>

#include <cmath>
#include <memory>

namespace ui {

std::optional<QrCode> QrCode::Encode(const std::string& text) {
    // Medium error correction: survives a smudged or partly reflective screen.
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
    if (!code) return std::nullopt;
    QrCode qr;
    qr.m_text = text;
    qr.m_size = code->width;
    qr.m_modules.resize(static_cast<size_t>(code->width) * code->width);
    for (size_t i = 0; i < qr.m_modules.size(); ++i)
        qr.m_modules[i] = code->data[i] & 1; // bit 0: dark
    return qr;
}

void QrCode::Draw(ImDrawList* draw, ImVec2 pos, float side) const {
    constexpr int kQuiet = 4;
    const int modules = m_size + 2 * kQuiet;
    const float module = std::floor(side / static_cast<float>(modules));
    const float drawn = module * static_cast<float>(modules);
    const ImVec2 origin{std::round(pos.x + (side - drawn) * 0.5f), std::round(pos.y + (side - drawn) * 0.5f)};
    draw->AddRectFilled(origin, {origin.x + drawn, origin.y + drawn}, IM_COL32_WHITE);
    for (int y = 0; y < m_size; ++y)
        for (int x = 0; x < m_size; ++x)
            if (Dark(x, y)) {
                const ImVec2 a{origin.x + static_cast<float>(x + kQuiet) * module,
                               origin.y + static_cast<float>(y + kQuiet) * module};
                draw->AddRectFilled(a, {a.x + module, a.y + module}, IM_COL32_BLACK);
            }
}

} // namespace ui
