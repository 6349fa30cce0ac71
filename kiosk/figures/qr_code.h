// A QR code for a service link, so a visitor can open the service on a phone (libqrencode):
// plain geometry, dark modules on a grid with the standard quiet zone, for the screen to paint
// with ImDrawList and a printer with Cairo.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace figures {

class QrCode {
  public:
    static constexpr int kQuietZone = 4; // light modules around the code, as the standard asks

    // Nothing when the text cannot be encoded (too long for a QR code).
    static std::optional<QrCode> Encode(const std::string& text);

    int Size() const { return m_size; } // modules per side, without the quiet zone
    int SizeWithQuietZone() const { return m_size + 2 * kQuietZone; }
    bool Dark(int x, int y) const {
        return x >= 0 && y >= 0 && x < m_size && y < m_size &&
               m_modules[static_cast<size_t>(y * m_size + x)] != 0;
    }
    const std::string& Text() const { return m_text; }

  private:
    std::string m_text;
    int m_size = 0;
    std::vector<unsigned char> m_modules;
};

// Where to paint a code in a square of `side` units at (x, y): each module a whole number of
// units (phone cameras read crisp edges best), the whole centred in the square.
struct QrPlacement {
    float x = 0, y = 0; // the quiet zone's top-left corner
    float module = 0;   // one module's side
    float side = 0;     // the code with its quiet zone
};
QrPlacement PlaceQrCode(const QrCode& code, float x, float y, float side);

} // namespace figures
