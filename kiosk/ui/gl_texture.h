// The kiosk's one RAII OpenGL texture, for pictures (RGBA) and the text engine's atlas pages
// (one byte of coverage per pixel). Needs a current GL 3.3 context from creation to destruction.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <cstdint>

namespace ui {

// One GL texture name, deleted with the object; move-only. Assigning over a texture frees the
// old name first.
class GlTexture {
  public:
    GlTexture() = default;
    // A picture: width x height RGBA pixels, rows top to bottom.
    static GlTexture Rgba(const unsigned char* rgba, int width, int height);
    // An empty size x size coverage page (GL_R8), swizzled so ImGui's shader, which multiplies
    // texture RGBA by the vertex colour, reads white with alpha = coverage.
    static GlTexture Coverage(int size);

    ~GlTexture() { Release(); }
    GlTexture(GlTexture&& other) noexcept;
    GlTexture& operator=(GlTexture&& other) noexcept;
    GlTexture(const GlTexture&) = delete;
    GlTexture& operator=(const GlTexture&) = delete;

    // Replaces a w x h rectangle of a coverage page.
    void UploadCoverage(int x, int y, int w, int h, const uint8_t* coverage);

    unsigned Name() const { return m_name; }
    ImTextureID Id() const { return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_name)); }
    int Width() const { return m_width; }
    int Height() const { return m_height; }
    size_t Bytes() const { return static_cast<size_t>(m_width) * m_height * m_bytes_per_pixel; }

  private:
    GlTexture(int width, int height, int bytes_per_pixel);
    void Release();

    unsigned m_name = 0;
    int m_width = 0, m_height = 0, m_bytes_per_pixel = 0;
};

} // namespace ui
