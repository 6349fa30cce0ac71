// Atlas pages as OpenGL textures: one byte of coverage per pixel (GL_R8), swizzled so ImGui's
// shader, which multiplies texture RGBA by the vertex colour, reads white with alpha = coverage.
// Needs a current GL 3.3 context from construction to destruction.
#pragma once

#include "kiosk/text/glyph_cache.h"

#include <vector>

namespace text {

// One GL texture name, deleted with the object; move-only.
class GlTexture {
  public:
    GlTexture() = default;
    explicit GlTexture(int size); // an empty size x size R8 page
    ~GlTexture() { Release(); }
    GlTexture(GlTexture&& other) noexcept : m_id(other.m_id) { other.m_id = 0; }
    GlTexture& operator=(GlTexture&& other) noexcept;
    GlTexture(const GlTexture&) = delete;
    GlTexture& operator=(const GlTexture&) = delete;

    unsigned Id() const { return m_id; }

  private:
    void Release();
    unsigned m_id = 0;
};

class GlTextureBackend final : public TextureBackend {
  public:
    void AddPage(int size) override { m_pages.emplace_back(size); }
    void Upload(int page, int x, int y, int w, int h, const uint8_t* coverage) override;
    uintptr_t TextureId(int page) const override { return m_pages[static_cast<size_t>(page)].Id(); }

  private:
    std::vector<GlTexture> m_pages;
};

} // namespace text
