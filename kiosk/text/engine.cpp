#include "kiosk/text/engine.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>

namespace text {

namespace {

uint64_t Mix(uint64_t h, uint64_t v) { // boost-style hash combining
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    return h;
}

uint64_t HashOf(std::string_view text, const Style& style, const LayoutOptions& options) {
    uint64_t h = std::hash<std::string_view>{}(text);
    h = Mix(h, std::bit_cast<uint32_t>(style.size));
    h = Mix(h, std::bit_cast<uint32_t>(style.line_height));
    h = Mix(h, static_cast<uint64_t>(style.weight));
    h = Mix(h, std::bit_cast<uint32_t>(options.wrap_width));
    h = Mix(h, static_cast<uint64_t>(static_cast<uint32_t>(options.max_lines)));
    return Mix(h, static_cast<uint64_t>(options.align));
}

} // namespace

Engine::Engine(const FontFiles& fonts, std::unique_ptr<TextureBackend> backend, const EngineConfig& config)
    : m_config(config), m_shaper(fonts), m_glyphs(m_shaper.Fonts(), std::move(backend), config.atlas) {}

void Engine::BeginFrame() {
    ++m_frame;
    m_glyphs.BeginFrame();
    Trim();
}

Engine::Entry& Engine::Find(std::string_view text, const Style& style, const LayoutOptions& options) {
    if (!m_config.cache_layouts) {
        ++m_stats.layout_misses;
        m_scratch.layout = LayOut(m_shaper, text, style, options);
        m_scratch.quads_epoch = UINT64_MAX;
        return m_scratch;
    }
    auto [slot, inserted] = m_layouts.try_emplace(HashOf(text, style, options));
    Entry& entry = slot->second;
    entry.last_used = m_frame;
    if (!inserted) {
        if (entry.text == text && entry.style == style && entry.options == options) {
            ++m_stats.layout_hits;
            return entry;
        }
        m_cached_glyphs -= entry.layout.glyphs.size(); // a hash collision: the newcomer takes the slot
    }
    ++m_stats.layout_misses;
    entry = Entry{};
    entry.text = text;
    entry.style = style;
    entry.options = options;
    entry.layout = LayOut(m_shaper, text, style, options);
    entry.last_used = m_frame;
    m_cached_glyphs += entry.layout.glyphs.size();
    return entry;
}

const Layout& Engine::Lay(std::string_view text, const Style& style, const LayoutOptions& options) {
    return Find(text, style, options).layout;
}

// Drops the least recently used layouts when there are too many (down to 3/4 of the limits),
// never one used in the frame that just ended.
void Engine::Trim() {
    if (m_layouts.size() <= m_config.max_layouts && m_cached_glyphs <= m_config.max_cached_glyphs) return;
    std::vector<std::pair<uint64_t, uint64_t>> ages; // last used, hash
    ages.reserve(m_layouts.size());
    for (const auto& [hash, entry] : m_layouts)
        ages.emplace_back(entry.last_used, hash);
    std::sort(ages.begin(), ages.end());
    for (const auto& [used, hash] : ages) {
        if (used >= m_frame - 1) break;
        if (m_layouts.size() <= m_config.max_layouts * 3 / 4 &&
            m_cached_glyphs <= m_config.max_cached_glyphs * 3 / 4)
            break;
        auto found = m_layouts.find(hash);
        m_cached_glyphs -= found->second.layout.glyphs.size();
        m_layouts.erase(found);
    }
}

void Engine::BuildQuads(Entry& entry) {
    ++m_stats.quad_rebuilds;
    const Layout& layout = entry.layout;
    AtlasPacker& packer = m_glyphs.Packer();
    const float texel = 1.f / static_cast<float>(packer.PageSize());
    entry.quads.clear();
    entry.quads.reserve(layout.glyphs.size());
    entry.line_quads.clear();
    entry.shelves.clear();
    entry.page_mask = 0;
    entry.quads_complete = true;
    for (const Line& line : layout.lines) {
        entry.line_quads.push_back(static_cast<uint32_t>(entry.quads.size()));
        for (uint32_t g = line.begin; g < line.end; ++g) {
            const PlacedGlyph& glyph = layout.glyphs[g];
            // Whole pixels from the origin plus a quarter-pixel phase baked into the bitmap.
            const float x = line.x + glyph.x;
            const float whole = std::floor(x);
            const int phase = std::min(kSubpixelSteps - 1, static_cast<int>((x - whole) * kSubpixelSteps));
            const AtlasEntry* atlas = m_glyphs.Get(glyph.face, glyph.id, layout.em, phase);
            if (!atlas) {
                entry.quads_complete = false; // the atlas is full this frame: try again next frame
                continue;
            }
            if (atlas->w == 0) continue;
            const float x0 = whole + static_cast<float>(atlas->left);
            const float y0 = std::round(line.baseline + glyph.dy) - static_cast<float>(atlas->top);
            entry.quads.push_back({x0, y0, x0 + atlas->w, y0 + atlas->h, atlas->x * texel, atlas->y * texel,
                                   (atlas->x + atlas->w) * texel, (atlas->y + atlas->h) * texel,
                                   atlas->page});
            entry.page_mask |= 1u << std::min<uint16_t>(atlas->page, 31);
            entry.shelves.push_back(atlas->shelf);
        }
    }
    entry.line_quads.push_back(static_cast<uint32_t>(entry.quads.size()));
    std::sort(entry.shelves.begin(), entry.shelves.end());
    entry.shelves.erase(std::unique(entry.shelves.begin(), entry.shelves.end()), entry.shelves.end());
    // Evictions during the loop spare shelves used this frame, so these quads stay valid.
    entry.quads_epoch = packer.Epoch();
}

TextQuads Engine::Quads(std::string_view text, const Style& style, const LayoutOptions& options,
                        float visible_top, float visible_bottom) {
    Entry& entry = Find(text, style, options);
    const Layout& layout = entry.layout;
    const Size size{layout.width, layout.height};
    if (layout.lines.empty()) return {{}, 0, size};

    AtlasPacker& packer = m_glyphs.Packer();
    if (entry.quads_epoch != packer.Epoch() || !entry.quads_complete)
        BuildQuads(entry);
    else
        for (uint32_t shelf : entry.shelves)
            packer.Touch(shelf);

    // Lines are in order top to bottom: find the visible ones.
    const auto first = std::partition_point(layout.lines.begin(), layout.lines.end(), [&](const Line& line) {
        return line.top + style.line_height < visible_top;
    });
    const auto last = std::partition_point(first, layout.lines.end(),
                                           [&](const Line& line) { return line.top <= visible_bottom; });
    if (first == last) return {{}, 0, size};
    const uint32_t q_begin = entry.line_quads[static_cast<size_t>(first - layout.lines.begin())];
    const uint32_t q_end = entry.line_quads[static_cast<size_t>(last - layout.lines.begin())];
    m_stats.glyphs_drawn += q_end - q_begin;
    return {std::span<const GlyphQuad>(entry.quads).subspan(q_begin, q_end - q_begin), entry.page_mask, size};
}

EngineStats Engine::Stats() const {
    EngineStats stats = m_stats;
    stats.cached_layouts = m_layouts.size();
    stats.atlas_pages = m_glyphs.Packer().Pages();
    stats.atlas_evictions = m_glyphs.Packer().EvictedShelves();
    stats.glyphs_rendered = m_glyphs.Rendered();
    stats.fallback_glyphs = m_shaper.FallbackCount();
    return stats;
}

} // namespace text
