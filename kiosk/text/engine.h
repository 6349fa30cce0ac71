// The text engine: shaped, wrapped layouts cached by (text, style, options), drawn as glyph
// quads from the atlas into an ImDrawList, so text mixes with the other draw-list drawing.
// An unchanged frame costs a hash look-up per string and a copy of its cached quads.
#pragma once

#include "kiosk/text/glyph_cache.h"
#include "kiosk/text/layout.h"

#include <imgui.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace text {

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
    ImVec2 Measure(std::string_view text, const Style& style, const LayoutOptions& options) {
        const Layout& layout = Lay(text, style, options);
        return {layout.width, layout.height};
    }
    // Draws with the layout's top-left at `pos` (rounded to whole pixels); returns the size.
    // Only lines inside the draw list's clip rectangle are emitted.
    ImVec2 Draw(ImDrawList* draw, ImVec2 pos, std::string_view text, const Style& style,
                const LayoutOptions& options, ImU32 color);

    EngineStats Stats() const;
    void ResetStats() { m_stats = {}; }
    void SetLayoutCaching(bool on) { m_config.cache_layouts = on; }

  private:
    struct Quad {
        float x0, y0, x1, y1; // relative to the rounded origin
        float u0, v0, u1, v1;
        uint16_t page;
    };
    struct Entry {
        std::string text;
        Style style;
        LayoutOptions options;
        Layout layout;
        uint64_t last_used = 0;
        // Atlas positions of the glyphs, valid while the atlas epoch is unchanged.
        std::vector<Quad> quads;
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
