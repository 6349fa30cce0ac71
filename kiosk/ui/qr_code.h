// A QR code for a service link, so a visitor can open the service on a phone (libqrencode).
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace ui {

class QrCode {
  public:
    // Nothing when the text cannot be encoded (too long for a QR code).
    static std::optional<QrCode> Encode(const std::string& text);

    int Size() const { return m_size; } // modules per side
    bool Dark(int x, int y) const { return m_modules[static_cast<size_t>(y) * m_size + x] != 0; }
    const std::string& Text() const { return m_text; }

    // Dark modules on white with the standard quiet zone of 4 modules, `side` pixels square,
    // each module snapped to whole pixels so phone cameras read it cleanly.
    void Draw(ImDrawList* draw, ImVec2 pos, float side) const;

  private:
    std::string m_text;
    int m_size = 0;
    std::vector<unsigned char> m_modules;
};

} // namespace ui
