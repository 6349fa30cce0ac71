// The text engine: shaped, wrapped layouts cached by (text, style, options), each with its
// glyphs as textured quads on the atlas pages. A painter (ImDrawList in the kiosk, see
// kiosk/ui/text_painter.h; a printer could use Cairo) copies the quads out; the engine itself
// knows no ImGui and no GL. An unchanged frame costs a hash look-up per string and a copy of its
// cached quads.
#pragma once

#include "kiosk/text/glyph_cache.h"
#include "kiosk/text/layout.h"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace text {

struct Size {
    float width = 0, height = 0;
    friend bool operator==(const Size&, const Size&) = default;
};

// One glyph bitmap placed on the page: pixels relative to the layout's top-left, whole pixels
// when that top-left is, and texture coordinates (0..1) in atlas page `page`.
struct GlyphQuad {
    float x0, y0, x1, y1;
    float u0, v0, u1, v1;
    uint16_t page;
};

// The quads of the lines a painter shows, in order; valid until the engine is next called.
struct TextQuads {
    std::span<const GlyphQuad> quads;
    uint32_t pages = 0; // bit p: some quad lies on page p (pages from 31 on share bit 31)
    Size size;          // the whole layout's
};

struct EngineConfig {
    AtlasPacker::Config atlas{};
    size_t max_layouts = 4096; // cached layouts kept (the least recently used go first)
    size_t max_cached_glyphs = 400000;
    bool cache_layouts = true; // off only to measure what the cache saves
};

struct EngineStats {
    uint64_t layout_hits = 0, layout_misses = 0; // look-ups of the layout cache
    uint64_t quad_rebuilds = 0;                  // cached layouts whose atlas positions were looked up again
    uint64_t glyphs_drawn = 0;
    size_t cached_layouts = 0;
    int atlas_pages = 0;
    uint64_t atlas_evictions = 0, glyphs_rendered = 0, fallback_glyphs = 0;
};

class Engine {
  public:
    // Opens the fonts (throws FontError); the backend receives the atlas pages.
    Engine(const FontFiles& fonts, std::unique_ptr<TextureBackend> backend, const EngineConfig& config = {});

    // Once per frame, before any drawing: ages the caches.
    void BeginFrame();

    // The cached layout (valid until the next BeginFrame).
    const Layout& Lay(std::string_view text, const Style& style, const LayoutOptions& options);
    Size Measure(std::string_view text, const Style& style, const LayoutOptions& options) {
        const Layout& layout = Lay(text, style, options);
        return {layout.width, layout.height};
    }
    // The glyph quads of the lines that reach into [visible_top, visible_bottom] (pixels down from
    // the layout's top: a painter's clip rectangle), glyph bitmaps rendered and uploaded as
    // needed. Counted as drawn in Stats().
    TextQuads Quads(std::string_view text, const Style& style, const LayoutOptions& options,
                    float visible_top = -kUnbounded, float visible_bottom = kUnbounded);
    // What a painter draws page `page` with (the TextureBackend's id).
    uintptr_t TextureId(int page) const { return m_glyphs.TextureId(page); }

    EngineStats Stats() const;
    void ResetStats() { m_stats = {}; }
    void SetLayoutCaching(bool on) { m_config.cache_layouts = on; }

    static constexpr float kUnbounded = 1e30f;

  private:
    struct Entry {
        std::string text;
        Style style;
        LayoutOptions options;
        Layout layout;
        uint64_t last_used = 0;
        // Atlas positions of the glyphs, valid while the atlas epoch is unchanged.
        std::vector<GlyphQuad> quads;
        std::vector<uint32_t> line_quads; // first quad of each line, and the end
        std::vector<uint32_t> shelves;    // atlas shelves used, to mark them used each frame
        uint64_t quads_epoch = UINT64_MAX;
        uint32_t page_mask = 0;
        bool quads_complete = false;
    };

    Entry& Find(std::string_view text, const Style& style, const LayoutOptions& options);
    void BuildQuads(Entry& entry);
    void Trim();

    EngineConfig m_config;
    Shaper m_shaper;
    GlyphCache m_glyphs;
    std::unordered_map<uint64_t, Entry> m_layouts; // by hash; the entry holds the key to confirm
    Entry m_scratch;                               // the uncached path's entry
    size_t m_cached_glyphs = 0;
    uint64_t m_frame = 1;
    EngineStats m_stats;
};

} // namespace text
