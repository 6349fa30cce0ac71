#include "kiosk/text/glyph_cache.h"

#include FT_OUTLINE_H

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace text {

GlyphCache::GlyphCache(const FontSet& fonts, std::unique_ptr<TextureBackend> backend,
                       const AtlasPacker::Config& config)
    : m_fonts(fonts), m_backend(std::move(backend)), m_packer(config) {}

uint64_t GlyphCache::Key(Face face, uint32_t id, float em, int phase) {
    // em in quarter pixels (14 bits: up to 4095 px), phase 2 bits, face 2 bits, glyph id 32 bits.
    const auto quarter_px = static_cast<uint64_t>(std::clamp(std::lround(em * 4), 1L, 16383L));
    return static_cast<uint64_t>(id) | quarter_px << 32 | static_cast<uint64_t>(phase & 3) << 46 |
           static_cast<uint64_t>(face) << 48;
}

const AtlasEntry* GlyphCache::Get(Face face, uint32_t id, float em, int phase) {
    const uint64_t key = Key(face, id, em, phase);
    if (const AtlasEntry* entry = m_packer.Find(key)) return entry;

    const FontFace& font = m_fonts.Get(face);
    FT_Face ft = font.Ft();
    font.SetPixelSize(static_cast<int>((key >> 32 & 0x3FFF) * 16)); // quarter pixels to 26.6
    // Light hinting snaps only vertically (crisp Bengali headline, unchanged advances), so the
    // horizontal sub-pixel shift below stays true.
    if (FT_Load_Glyph(ft, id, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP) != 0) {
        if (FT_Load_Glyph(ft, 0, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP) != 0)
            return m_packer.Insert(key, 0, 0, 0, 0);
    }
    FT_GlyphSlot slot = ft->glyph;
    if (slot->format == FT_GLYPH_FORMAT_OUTLINE)
        FT_Outline_Translate(&slot->outline, phase * 64 / kSubpixelSteps, 0);
    if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) return m_packer.Insert(key, 0, 0, 0, 0);
    const FT_Bitmap& bitmap = slot->bitmap;
    const int w = static_cast<int>(bitmap.width), h = static_cast<int>(bitmap.rows);
    const AtlasEntry* entry = m_packer.Insert(key, w, h, slot->bitmap_left, slot->bitmap_top);
    if (!entry || entry->w == 0) return entry;
    ++m_rendered;

    while (m_backend_pages < m_packer.Pages()) {
        m_backend->AddPage(m_packer.PageSize());
        ++m_backend_pages;
    }
    // Upload the bitmap with its padding cleared: the slot may hold an evicted glyph's pixels.
    const int pad = m_packer.Padding(), pw = w + 2 * pad, ph = h + 2 * pad;
    m_scratch.assign(static_cast<size_t>(pw) * ph, 0);
    for (int row = 0; row < h; ++row) {
        const uint8_t* src = bitmap.buffer + static_cast<ptrdiff_t>(row) * bitmap.pitch;
        std::copy(src, src + w, m_scratch.data() + static_cast<size_t>(row + pad) * pw + pad);
    }
    m_backend->Upload(entry->page, entry->x - pad, entry->y - pad, pw, ph, m_scratch.data());
    return entry;
}

} // namespace text
