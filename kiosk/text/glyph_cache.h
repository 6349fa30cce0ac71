// Glyph bitmaps: rendered by glyph index with FreeType on first use, placed by the AtlasPacker
// and handed to a TextureBackend (GL textures in the kiosk, nothing in unit tests and the
// benchmark), so this library needs no GL.
#pragma once

#include "kiosk/text/atlas.h"
#include "kiosk/text/fonts.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace text {

// Where atlas pages live: single-channel (coverage) textures of PageSize() pixels square.
class TextureBackend {
  public:
    virtual ~TextureBackend() = default;
    virtual void AddPage(int size) = 0; // an empty (transparent) page, appended
    virtual void Upload(int page, int x, int y, int w, int h, const uint8_t* coverage) = 0;
    virtual uintptr_t TextureId(int page) const = 0; // what a painter draws with (a GL name in the kiosk)
};

// Keeps nothing: for layout-only use without a GL context.
class NullTextureBackend final : public TextureBackend {
  public:
    void AddPage(int) override {}
    void Upload(int, int, int, int, int, const uint8_t*) override {}
    uintptr_t TextureId(int) const override { return 0; }
};

// Horizontal sub-pixel positions a glyph is rendered at: quarter pixels keep spacing even.
constexpr int kSubpixelSteps = 4;

class GlyphCache {
  public:
    GlyphCache(const FontSet& fonts, std::unique_ptr<TextureBackend> backend,
               const AtlasPacker::Config& config);

    void BeginFrame() { m_packer.BeginFrame(); }
    // The atlas entry of glyph `id` of `face` at `em` pixels per em and sub-pixel offset
    // `phase` (0 .. kSubpixelSteps-1); rendered and uploaded when new. nullptr when it cannot
    // be placed this frame.
    const AtlasEntry* Get(Face face, uint32_t id, float em, int phase);

    AtlasPacker& Packer() { return m_packer; }
    const AtlasPacker& Packer() const { return m_packer; }
    uintptr_t TextureId(int page) const { return m_backend->TextureId(page); }
    uint64_t Rendered() const { return m_rendered; }

    static uint64_t Key(Face face, uint32_t id, float em, int phase);

  private:
    const FontSet& m_fonts;
    std::unique_ptr<TextureBackend> m_backend;
    AtlasPacker m_packer;
    int m_backend_pages = 0;
    std::vector<uint8_t> m_scratch;
    uint64_t m_rendered = 0;
};

} // namespace text
