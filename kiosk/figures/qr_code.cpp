#include "kiosk/figures/qr_code.h"

#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace figures {

std::optional<QrCode> QrCode::Encode(const std::string& text) {
    // Medium error correction: survives a smudged or partly reflective screen.
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
    if (!code) return std::nullopt;
    QrCode qr;
    qr.m_text = text;
    qr.m_size = code->width;
    qr.m_modules.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
    for (size_t i = 0; i < qr.m_modules.size(); ++i)
        qr.m_modules[i] = code->data[i] & 1; // bit 0: dark
    return qr;
}

QrPlacement PlaceQrCode(const QrCode& code, float x, float y, float side) {
    const float modules = static_cast<float>(code.SizeWithQuietZone());
    const float module = std::max(1.f, std::floor(side / modules));
    const float drawn = module * modules;
    return {std::round(x + (side - drawn) * 0.5f), std::round(y + (side - drawn) * 0.5f), module, drawn};
}

} // namespace figures
