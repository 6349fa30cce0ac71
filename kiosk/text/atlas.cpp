#include "kiosk/text/atlas.h"

#include <algorithm>

namespace text {

AtlasPacker::AtlasPacker(const Config& config) : m_config(config) {
    m_config.page_size = std::clamp(m_config.page_size, 16, 8192);
    m_config.max_pages = std::clamp(m_config.max_pages, 1, 32); // the engine keeps pages in a 32-bit mask
    m_config.padding = std::clamp(m_config.padding, 0, 4);
}

const AtlasEntry* AtlasPacker::Find(uint64_t key) {
    auto found = m_entries.find(key);
    if (found == m_entries.end()) return nullptr;
    Touch(found->second.shelf);
    return &found->second;
}

const AtlasEntry* AtlasPacker::Insert(uint64_t key, int w, int h, int left, int top) {
    if (const AtlasEntry* existing = Find(key)) return existing;
    AtlasEntry entry;
    entry.left = static_cast<int16_t>(left);
    entry.top = static_cast<int16_t>(top);
    if (w <= 0 || h <= 0) { // a space: remembered, takes no room
        entry.shelf = kNoShelf;
        return &(m_entries[key] = entry);
    }
    const int pw = w + 2 * m_config.padding, ph = h + 2 * m_config.padding;
    if (pw > m_config.page_size || ph > m_config.page_size) return nullptr;

    // Shelf heights are rounded up so glyphs of nearby sizes share shelves.
    const int shelf_h = std::min(m_config.page_size, (ph + 3) / 4 * 4);
    uint32_t shelf = FindShelf(pw, ph, true);
    for (int page = 0; shelf == kNoShelf && page < m_pages; ++page)
        if (m_page_top[page] + shelf_h <= m_config.page_size) shelf = NewShelf(page, shelf_h);
    if (shelf == kNoShelf && m_pages < m_config.max_pages) { // grow: one more page
        m_page_top.push_back(0);
        shelf = NewShelf(m_pages++, shelf_h);
    }
    if (shelf == kNoShelf) shelf = FindShelf(pw, ph, false);
    if (shelf == kNoShelf) shelf = EvictShelf(pw, ph);
    if (shelf == kNoShelf) shelf = EvictPage(shelf_h);
    if (shelf == kNoShelf) return nullptr;

    Shelf& s = m_shelves[shelf];
    entry.page = static_cast<uint16_t>(s.page);
    entry.x = static_cast<uint16_t>(s.x + m_config.padding);
    entry.y = static_cast<uint16_t>(s.y + m_config.padding);
    entry.w = static_cast<uint16_t>(w);
    entry.h = static_cast<uint16_t>(h);
    entry.shelf = shelf;
    s.x += pw;
    s.last_used = m_frame;
    s.keys.push_back(key);
    return &(m_entries[key] = entry);
}

// The shortest live shelf with room; `snug` also asks that it not be much taller than needed.
uint32_t AtlasPacker::FindShelf(int w, int h, bool snug) const {
    uint32_t best = kNoShelf;
    for (uint32_t i = 0; i < m_shelves.size(); ++i) {
        const Shelf& s = m_shelves[i];
        if (!s.alive || s.height < h || s.x + w > m_config.page_size) continue;
        if (snug && s.height > h + std::max(4, h / 4)) continue;
        if (best == kNoShelf || s.height < m_shelves[best].height) best = i;
    }
    return best;
}

uint32_t AtlasPacker::NewShelf(int page, int height) {
    Shelf shelf;
    shelf.page = page;
    shelf.y = m_page_top[page];
    shelf.height = height;
    shelf.alive = true;
    shelf.last_used = m_frame;
    m_page_top[page] += height;
    for (uint32_t i = 0; i < m_shelves.size(); ++i) { // reuse a slot of a page that was emptied
        if (!m_shelves[i].alive) {
            m_shelves[i] = std::move(shelf);
            return i;
        }
    }
    m_shelves.push_back(std::move(shelf));
    return static_cast<uint32_t>(m_shelves.size() - 1);
}

void AtlasPacker::Empty(uint32_t index) {
    Shelf& shelf = m_shelves[index];
    for (uint64_t key : shelf.keys)
        m_entries.erase(key);
    shelf.keys.clear();
    shelf.x = 0;
    ++m_epoch;
    ++m_evicted;
}

// Empties the least recently used shelf tall enough (not used this frame) and returns it.
uint32_t AtlasPacker::EvictShelf(int w, int h) {
    if (w > m_config.page_size) return kNoShelf;
    uint32_t victim = kNoShelf;
    for (uint32_t i = 0; i < m_shelves.size(); ++i) {
        const Shelf& s = m_shelves[i];
        if (!s.alive || s.height < h || s.last_used >= m_frame) continue;
        if (victim == kNoShelf || s.last_used < m_shelves[victim].last_used ||
            (s.last_used == m_shelves[victim].last_used && s.height < m_shelves[victim].height))
            victim = i;
    }
    if (victim != kNoShelf) Empty(victim);
    return victim;
}

// No shelf is tall enough: empties the least recently used page with nothing used this frame,
// so its shelves can be cut again, and starts a shelf of `height` on it.
uint32_t AtlasPacker::EvictPage(int height) {
    int victim = -1;
    uint64_t victim_used = 0;
    for (int page = 0; page < m_pages; ++page) {
        uint64_t used = 0;
        for (const Shelf& s : m_shelves)
            if (s.alive && s.page == page) used = std::max(used, s.last_used);
        if (used >= m_frame) continue;
        if (victim < 0 || used < victim_used) victim = page, victim_used = used;
    }
    if (victim < 0) return kNoShelf;
    for (uint32_t i = 0; i < m_shelves.size(); ++i) {
        if (!m_shelves[i].alive || m_shelves[i].page != victim) continue;
        Empty(i);
        m_shelves[i].alive = false;
    }
    m_page_top[victim] = 0;
    return NewShelf(victim, height);
}

} // namespace text
