// Where glyph bitmaps live in the atlas textures: packing and eviction, with no GL here so it
// is testable. The atlas is a list of square pages (textures), each cut into shelves (rows); a
// bitmap goes on the shortest shelf it fits. When every page is full a new page is added
// (growth, up to max_pages); after that the least recently used shelf (or page) is emptied
// and reused. A shelf drawn from in the current frame is never evicted, so a frame's quads
// stay valid until it is rendered. Epoch() changes on every eviction: anything that cached
// atlas positions must look them up again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace text {

struct AtlasEntry {
    uint16_t page = 0;
    uint16_t x = 0, y = 0, w = 0, h = 0; // the bitmap, inside its padding; w or h 0: nothing to draw
    int16_t left = 0, top = 0;           // bitmap offset from the glyph origin (FreeType's bitmap_left/top)
    uint32_t shelf = 0;
};

class AtlasPacker {
  public:
    struct Config {
        int page_size = 1024; // pixels, square
        int max_pages = 4;
        int padding = 1; // empty pixels around each bitmap, so filtering never bleeds
    };
    static constexpr uint32_t kNoShelf = UINT32_MAX;

    explicit AtlasPacker(const Config& config);

    void BeginFrame() { ++m_frame; }
    // The entry for `key`, marking its shelf used this frame; nullptr when absent.
    const AtlasEntry* Find(uint64_t key);
    // Places a w x h bitmap. nullptr when it cannot fit: bigger than a page, or everything
    // evictable is in use this frame. A new page shows in Pages().
    const AtlasEntry* Insert(uint64_t key, int w, int h, int left, int top);
    void Touch(uint32_t shelf) {
        if (shelf < m_shelves.size()) m_shelves[shelf].last_used = m_frame;
    }

    int Pages() const { return m_pages; }
    int PageSize() const { return m_config.page_size; }
    int Padding() const { return m_config.padding; }
    uint64_t Epoch() const { return m_epoch; }
    size_t Entries() const { return m_entries.size(); }
    uint64_t EvictedShelves() const { return m_evicted; }

  private:
    struct Shelf {
        int page = 0, y = 0, height = 0, x = 0; // x: where the next bitmap goes
        uint64_t last_used = 0;
        bool alive = false;
        std::vector<uint64_t> keys;
    };

    uint32_t FindShelf(int w, int h, bool snug) const;
    uint32_t NewShelf(int page, int height);
    uint32_t EvictShelf(int w, int h);
    uint32_t EvictPage(int h);
    void Empty(uint32_t shelf);

    Config m_config;
    int m_pages = 0;
    std::vector<int> m_page_top; // per page: where the next shelf starts
    std::vector<Shelf> m_shelves;
    std::unordered_map<uint64_t, AtlasEntry> m_entries;
    uint64_t m_frame = 1, m_epoch = 0, m_evicted = 0;
};

} // namespace text
