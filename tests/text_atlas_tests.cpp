// The glyph atlas' packing and eviction, without GL.
#include "kiosk/text/atlas.h"

#include <doctest/doctest.h>

using text::AtlasEntry;
using text::AtlasPacker;

TEST_CASE("atlas: glyphs share shelves and never overlap") {
    AtlasPacker atlas({.page_size = 128, .max_pages = 1, .padding = 1});
    std::vector<AtlasEntry> placed;
    for (uint64_t key = 0; key < 40; ++key) {
        const AtlasEntry* entry = atlas.Insert(key, 10 + static_cast<int>(key % 3), 12, 1, 10);
        REQUIRE(entry != nullptr);
        CHECK(entry->x + entry->w + 1 <= 128);
        placed.push_back(*entry);
    }
    for (size_t a = 0; a < placed.size(); ++a)
        for (size_t b = a + 1; b < placed.size(); ++b) {
            const AtlasEntry &p = placed[a], &q = placed[b];
            // With their 1-pixel padding the rectangles stay apart.
            const bool apart = p.x + p.w + 1 <= q.x - 1 || q.x + q.w + 1 <= p.x - 1 ||
                               p.y + p.h + 1 <= q.y - 1 || q.y + q.h + 1 <= p.y - 1;
            CHECK(apart);
        }
    CHECK(atlas.Find(7) != nullptr);
    CHECK(atlas.Find(7)->left == 1);
    CHECK(atlas.Find(99) == nullptr);
    CHECK(atlas.Pages() == 1);
    CHECK(atlas.EvictedShelves() == 0);
}

TEST_CASE("atlas: spaces take no room and bitmaps bigger than a page are refused") {
    AtlasPacker atlas({.page_size = 64, .max_pages = 1, .padding = 1});
    const AtlasEntry* space = atlas.Insert(1, 0, 0, 0, 0);
    REQUIRE(space != nullptr);
    CHECK(space->w == 0);
    CHECK(space->shelf == AtlasPacker::kNoShelf);
    CHECK(atlas.Pages() == 0);
    CHECK(atlas.Insert(2, 63, 10, 0, 0) == nullptr); // 63 + padding does not fit in 64
    CHECK(atlas.Insert(3, 62, 62, 0, 0) != nullptr);
}

TEST_CASE("atlas: grows by pages, then evicts the least recently used shelf") {
    // 64 px pages: four 16 px shelves of three 20 px glyphs (18 + padding) each.
    AtlasPacker atlas({.page_size = 64, .max_pages = 2, .padding = 1});
    uint64_t key = 0;
    for (; key < 12; ++key)
        REQUIRE(atlas.Insert(key, 18, 14, 0, 0) != nullptr);
    CHECK(atlas.Pages() == 1);
    REQUIRE(atlas.Insert(key++, 18, 14, 0, 0) != nullptr); // the first page is full: grow
    CHECK(atlas.Pages() == 2);
    for (; key < 24; ++key)
        REQUIRE(atlas.Insert(key, 18, 14, 0, 0) != nullptr);
    CHECK(atlas.Pages() == 2);
    CHECK(atlas.EvictedShelves() == 0);

    // Next frame: everything but the shelf of key 0 is used again.
    atlas.BeginFrame();
    for (uint64_t k = 3; k < 24; ++k)
        REQUIRE(atlas.Find(k) != nullptr);
    const uint64_t epoch = atlas.Epoch();
    const AtlasEntry* fresh = atlas.Insert(100, 18, 14, 0, 0);
    REQUIRE(fresh != nullptr);
    CHECK(atlas.EvictedShelves() == 1);
    CHECK(atlas.Epoch() != epoch);   // cached positions must be looked up again
    CHECK(atlas.Find(0) == nullptr); // keys 0..2 shared the evicted shelf
    CHECK(atlas.Find(1) == nullptr);
    CHECK(atlas.Find(2) == nullptr);
    CHECK(atlas.Find(3) != nullptr);
    CHECK(atlas.Find(100) != nullptr);
}

TEST_CASE("atlas: nothing used in this frame is evicted, a full frame fails softly") {
    AtlasPacker atlas({.page_size = 64, .max_pages = 1, .padding = 1});
    for (uint64_t key = 0; key < 12; ++key)
        REQUIRE(atlas.Insert(key, 18, 14, 0, 0) != nullptr);
    // All twelve were placed this frame: there is no room and nothing may go.
    CHECK(atlas.Insert(50, 18, 14, 0, 0) == nullptr);
    for (uint64_t key = 0; key < 12; ++key)
        CHECK(atlas.Find(key) != nullptr);
    atlas.BeginFrame();
    CHECK(atlas.Insert(50, 18, 14, 0, 0) != nullptr); // next frame the oldest shelf makes room
}

TEST_CASE("atlas: a glyph taller than every shelf empties the least recently used page") {
    AtlasPacker atlas({.page_size = 64, .max_pages = 2, .padding = 1});
    for (uint64_t key = 0; key < 24; ++key)
        REQUIRE(atlas.Insert(key, 18, 14, 0, 0) != nullptr);
    atlas.BeginFrame();
    for (uint64_t key = 12; key < 24; ++key)
        atlas.Find(key); // page 1 in use, page 0 not
    const AtlasEntry* tall = atlas.Insert(200, 30, 40, 0, 0);
    REQUIRE(tall != nullptr);
    CHECK(tall->page == 0);
    CHECK(atlas.Find(0) == nullptr);
    CHECK(atlas.Find(12) != nullptr);
    // Later glyphs still find room on the emptied page.
    CHECK(atlas.Insert(201, 18, 14, 0, 0) != nullptr);
}
