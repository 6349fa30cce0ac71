// The portable text core on its own: this file is built into portable_text_tests, which links
// kiosk_text (HarfBuzz, FreeType, fontconfig) and doctest only, with no ImGui or GL on its compile
// or link line. A Bengali sentence is shaped, laid out and turned into atlas quads.
#include "content/utf8.h"
#include "kiosk/text/engine.h"

#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

using namespace text;

namespace {

// Six words, with conjuncts (ক্ষ, ন্ত্র, ব্য, স্থ), pre-base and split vowel signs (ি, ে, ো) and a danda:
// 41 code points, 32 glyphs with Noto Sans Bengali.
const char* const kSentence = "কক্ষে মন্ত্রী নিজে সেবার ব্যবস্থা দেখলেন।";
const Style kStyle{Weight::Regular, 20, 29};
constexpr char32_t kVirama = 0x09CD;

std::u32string Text() {
    return content::DecodeUtf8Replacing(kSentence);
}

// The code point index each line starts at.
std::vector<uint32_t> LineStarts(const Layout& layout) {
    std::vector<uint32_t> starts;
    for (const Line& line : layout.lines)
        starts.push_back(layout.glyphs[line.begin].cluster);
    return starts;
}

} // namespace

TEST_CASE("portable: a Bengali sentence shapes with HarfBuzz and FreeType alone") {
    Shaper shaper(FindFonts());
    const std::u32string text = Text();
    REQUIRE(text.size() == 41);
    std::vector<ShapedGlyph> glyphs;
    shaper.Shape(text, 0, text.size(), Weight::Regular, 20, glyphs);
    CHECK(glyphs.size() == 32);
    for (const ShapedGlyph& g : glyphs) {
        CHECK(g.id != 0);
        CHECK(g.face == Face::BengaliRegular);
        // No cluster starts after a virama: a conjunct is one piece, never split.
        CHECK((g.cluster == 0 || text[g.cluster - 1] != kVirama));
    }
    std::vector<ShapedGlyph> conjunct;
    shaper.Shape(U"ক্ষ", 0, 3, Weight::Regular, 20, conjunct);
    CHECK(conjunct.size() == 1); // one ligature glyph, no visible virama
}

TEST_CASE("portable: a paragraph breaks into lines at spaces, never inside a conjunct") {
    Shaper shaper(FindFonts());
    const std::u32string text = Text();
    const size_t sheba = text.find(U"সেবার"), dekhlen = text.find(U"দেখলেন");

    const Layout one = LayOut(shaper, kSentence, kStyle, {1000, 0, Align::Left});
    CHECK(one.lines.size() == 1);
    CHECK(one.glyphs.size() == 32);
    const Layout three = LayOut(shaper, kSentence, kStyle, {120, 0, Align::Left});
    CHECK(three.glyphs.size() == 32);
    CHECK(LineStarts(three) ==
          std::vector<uint32_t>{0, static_cast<uint32_t>(sheba), static_cast<uint32_t>(dekhlen)});
    CHECK(three.height == doctest::Approx(3 * kStyle.line_height));
    for (const Line& line : three.lines)
        CHECK(line.width <= 120);

    for (float width = 4; width < 300; width += 3) { // narrower than a word too: cut between clusters
        CAPTURE(width);
        const Layout layout = LayOut(shaper, kSentence, kStyle, {width, 0, Align::Left});
        for (uint32_t start : LineStarts(layout)) {
            CHECK((start == 0 || text[start - 1] != kVirama));
            CHECK(text[start] != U'।');
        }
        for (size_t l = 0; l + 1 < layout.lines.size(); ++l) // a cluster ends on the line it starts on
            CHECK(layout.glyphs[layout.lines[l].end - 1].cluster !=
                  layout.glyphs[layout.lines[l + 1].begin].cluster);
    }
}

TEST_CASE("portable: the engine turns a cached layout into atlas quads on whole pixels") {
    Engine engine(FindFonts(), std::make_unique<NullTextureBackend>());
    engine.BeginFrame();
    const LayoutOptions options{120, 0, Align::Left};
    const TextQuads quads = engine.Quads(kSentence, kStyle, options);
    CHECK(quads.size == engine.Measure(kSentence, kStyle, options));
    CHECK(quads.size.height == doctest::Approx(3 * kStyle.line_height));
    CHECK(quads.quads.size() == 27); // 32 glyphs less 5 spaces, which have no ink
    CHECK(quads.pages == 1u);
    for (const GlyphQuad& q : quads.quads) {
        CHECK(q.page == 0);
        CHECK(q.x0 == std::round(q.x0));
        CHECK(q.y0 == std::round(q.y0));
        CHECK(q.x1 > q.x0);
        CHECK(q.y1 > q.y0);
        CHECK((q.u0 >= 0 && q.u1 <= 1 && q.u0 < q.u1 && q.v0 >= 0 && q.v1 <= 1 && q.v0 < q.v1));
    }
    const size_t all = quads.quads.size();

    // The second line only: the band from its top to its bottom.
    const TextQuads middle =
        engine.Quads(kSentence, kStyle, options, kStyle.line_height + 1, 2 * kStyle.line_height - 1);
    CHECK(middle.quads.size() > 0);
    CHECK(middle.quads.size() < all);
    CHECK(middle.quads.front().y0 >= kStyle.line_height - 10);
    CHECK(engine.Quads(kSentence, kStyle, options, 500, 600).quads.empty()); // below the text

    engine.BeginFrame(); // an unchanged frame: a look-up, the same quads, nothing rendered again
    const EngineStats before = engine.Stats();
    CHECK(engine.Quads(kSentence, kStyle, options).quads.size() == all);
    const EngineStats after = engine.Stats();
    CHECK(after.layout_hits == before.layout_hits + 1);
    CHECK(after.layout_misses == before.layout_misses);
    CHECK(after.quad_rebuilds == before.quad_rebuilds);
    CHECK(after.glyphs_rendered == before.glyphs_rendered);
    CHECK(after.glyphs_drawn == before.glyphs_drawn + all);
}
