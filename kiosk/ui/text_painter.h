// The text engine on screen: its glyph quads painted into an ImDrawList (so text mixes with the
// other draw-list drawing), and its atlas pages kept in GL textures. The engine itself
// (kiosk/text) knows neither ImGui nor GL.
#pragma once

#include "kiosk/text/engine.h"
#include "kiosk/ui/gl_texture.h"

#include <imgui.h>

#include <string_view>
#include <vector>

namespace ui {

// Paints `text` with its layout's top-left at `pos` (rounded to whole pixels, so glyph bitmaps
// land on screen pixels); returns its size. Only lines inside the draw list's clip rectangle
// are emitted.
ImVec2 PaintText(text::Engine& engine, ImDrawList* draw, ImVec2 pos, std::string_view text,
                 const text::Style& style, const text::LayoutOptions& options, ImU32 color);

// The atlas pages as GL coverage textures (needs a current GL context while it lives).
class GlAtlasPages final : public text::TextureBackend {
  public:
    void AddPage(int size) override { m_pages.push_back(GlTexture::Coverage(size)); }
    void Upload(int page, int x, int y, int w, int h, const uint8_t* coverage) override {
        m_pages[static_cast<size_t>(page)].UploadCoverage(x, y, w, h, coverage);
    }
    uintptr_t TextureId(int page) const override { return m_pages[static_cast<size_t>(page)].Name(); }

  private:
    std::vector<GlTexture> m_pages;
};

} // namespace ui
