// The text engine without a window: UTF-8, itemisation, shaping and fallback, line breaking
// (word boundaries, clusters, the danda), ellipsis, long strings and the layout cache. Built into
// portable_text_tests, with no ImGui or GL; painting into an ImDrawList is text_painter_tests.cpp.
#include "content/utf8.h"
#include "kiosk/text/engine.h"
#include "kiosk/text/itemize.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <set>
#include <string>

using namespace text;

namespace {

Shaper& TestShaper() {
    static Shaper shaper(FindFonts());
    return shaper;
}

const Style kBody{Weight::Regular, 27, 39};

std::u32string U32(std::string_view utf8) {
    return content::DecodeUtf8Replacing(utf8);
}

std::vector<ShapedGlyph> Shape(std::string_view utf8, Weight weight = Weight::Regular) {
    const std::u32string text = U32(utf8);
    std::vector<ShapedGlyph> glyphs;
    TestShaper().Shape(text, 0, text.size(), weight, 20, glyphs);
    return glyphs;
}

// The code points of line `l`, from its glyphs' clusters (the ellipsis has none).
std::u32string LineText(const Layout& layout, const std::u32string& text, size_t l) {
    const Line& line = layout.lines[l];
    std::set<uint32_t> clusters;
    for (uint32_t g = line.begin; g < line.end; ++g)
        if (layout.glyphs[g].cluster < text.size()) clusters.insert(layout.glyphs[g].cluster);
    if (clusters.empty()) return {};
    uint32_t end = static_cast<uint32_t>(text.size());
    if (l + 1 < layout.lines.size() && layout.lines[l + 1].begin < layout.lines[l + 1].end)
        end = layout.glyphs[layout.lines[l + 1].begin].cluster;
    return text.substr(*clusters.begin(), end - *clusters.begin());
}

const char* const kParagraph =
    "আগে প্রত্যেক আবেদনকারীকে কমপক্ষে চারবার কার্যালয়ে যেতে হতো। কর্মকর্তার স্বাক্ষরের জন্য দীর্ঘ "
    "অপেক্ষা, হারানো নথি আর দালালের দৌরাত্ম্য ছিল নিত্যদিনের অভিজ্ঞতা। স্ত্রী ও সন্তানসহ দূরের উপজেলা "
    "থেকে নৌকায় আসা লোকের খরচ বাড়ত (TCV ৩০%), হঠাৎ বৃষ্টিতে ভোগান্তি বাড়ত।";

} // namespace

TEST_CASE("UTF-8: Bengali decodes, each malformed sequence becomes one U+FFFD") {
    CHECK(U32("কো") == U"\u0995\u09CB");
    CHECK(U32("a\xFF"
              "b") == U"a\uFFFDb");            // a byte never used in UTF-8
    CHECK(U32("\x80\x80") == U"\uFFFD\uFFFD"); // stray continuation bytes
    CHECK(U32("\xE0\xA6") == U"\uFFFD");       // a truncated ক
    CHECK(U32("\xE0\xA6"
              "x") == U"\uFFFDx");                       // ... followed by ASCII, which survives
    CHECK(U32("\xC0\xAF") == U"\uFFFD\uFFFD");           // overlong '/'
    CHECK(U32("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD"); // a UTF-16 surrogate
    CHECK(U32("\xF4\x90\x80\x80").front() == content::kReplacementCharacter); // beyond U+10FFFF
    CHECK(U32("😀") == U"\U0001F600");
    CHECK(content::DecodeUtf8Replacing("abcdef", 3) == U"abc");
    std::string back;
    for (char32_t cp : std::u32string_view(U"ক্ষ😀a"))
        content::AppendUtf8(back, cp);
    CHECK(back == "ক্ষ😀a");
}

TEST_CASE("itemisation: runs by script, with digits, punctuation and brackets attached") {
    const std::u32string mixed = U"সময় (TCV) ৩ দিন";
    const std::vector<Run> runs = Itemize(mixed);
    REQUIRE(runs.size() == 3);
    CHECK(runs[0] == Run{0, 6, HB_SCRIPT_BENGALI}); // "সময় (" - the space and bracket follow the word
    CHECK(runs[1] == Run{6, 9, HB_SCRIPT_LATIN});   // "TCV"
    CHECK(runs[2] ==
          Run{9, mixed.size(), HB_SCRIPT_BENGALI}); // ") ৩ দিন": the bracket pairs with its opening

    CHECK(Itemize(U"১২ মার্চ, ২০২৪।").size() == 1); // Bengali digits, comma and danda: one run
    CHECK(Itemize(U"খরচ 500 টাকা").size() == 1);   // ASCII digits inside Bengali stay Bengali
    const std::vector<Run> latin_first = Itemize(U"Tk 500 (৫০০)");
    REQUIRE(latin_first.size() == 3);
    CHECK(latin_first[0] == Run{0, 8, HB_SCRIPT_LATIN});
    CHECK(latin_first[1] == Run{8, 11, HB_SCRIPT_BENGALI});
    CHECK(latin_first[2] == Run{11, 12, HB_SCRIPT_LATIN}); // ")" goes back to its bracket's script
    const std::vector<Run> leading = Itemize(U"(১২) দিন");
    REQUIRE(leading.size() == 1); // leading punctuation takes the first letter's script
    CHECK(leading[0].script == HB_SCRIPT_BENGALI);
    const std::vector<Run> digits = Itemize(U"2024-02-27");
    REQUIRE(digits.size() == 1);
    CHECK(digits[0].script == HB_SCRIPT_LATIN);
    CHECK(Itemize(U"").empty());
    CHECK(LanguageOf(HB_SCRIPT_BENGALI) == hb_language_from_string("bn", -1));
}

TEST_CASE("shaping: pre-base vowels move, conjuncts and split vowels form, one cluster each") {
    // কি: the vowel sign ি is drawn before the consonant; both glyphs are one cluster.
    const std::vector<ShapedGlyph> ki = Shape("কি");
    REQUIRE(ki.size() == 2);
    CHECK(ki[0].cluster == 0);
    CHECK(ki[1].cluster == 0);
    CHECK(ki[0].face == Face::BengaliRegular);
    const std::vector<ShapedGlyph> ka = Shape("ক");
    REQUIRE(ka.size() == 1);
    CHECK(ki[1].id == ka[0].id); // ক comes second, after ি

    // ো = ে + া around the consonant: three glyphs, none missing, one cluster.
    const std::vector<ShapedGlyph> ko = Shape("কো");
    CHECK(ko.size() == 3);
    CHECK(ko[1].id == ka[0].id);
    const std::vector<ShapedGlyph> kou = Shape("কৌ");
    CHECK(kou.size() == 3);

    // Conjuncts are single glyphs: no visible hasanta.
    const std::vector<ShapedGlyph> hasanta = Shape("্");
    for (const char* conjunct : {"ক্ষ", "জ্ঞ", "স্ত্র", "র্ক"}) {
        CAPTURE(conjunct);
        const std::vector<ShapedGlyph> glyphs = Shape(conjunct);
        CHECK(glyphs.size() <= 2);
        for (const ShapedGlyph& g : glyphs) {
            CHECK(g.id != 0);
            CHECK(g.id != hasanta.back().id);
            CHECK(g.cluster == 0);
        }
    }
    // ya-phala and khanda ta
    for (const char* word : {"ব্যবস্থা", "হঠাৎ"})
        for (const ShapedGlyph& g : Shape(word))
            CHECK(g.id != 0);
    for (const ShapedGlyph& g : Shape("কর্মকর্তা", Weight::Bold))
        CHECK(g.face == Face::BengaliBold);
}

TEST_CASE("fallback: the other script's font, then the box") {
    // Noto Sans Bengali has no '$': the Latin font draws it inside the Bengali run.
    const std::vector<ShapedGlyph> dollar = Shape("দাম $৫");
    bool latin_dollar = false;
    for (const ShapedGlyph& g : dollar) {
        CHECK(g.id != 0);
        latin_dollar |= g.face == Face::LatinRegular;
    }
    CHECK(latin_dollar);
    // A private-use code point is in neither font: one .notdef box with the run's font.
    const std::vector<ShapedGlyph> tofu = Shape("ক\uE000খ");
    REQUIRE(tofu.size() == 3);
    CHECK(tofu[1].id == 0);
    CHECK(tofu[1].face == Face::BengaliRegular);
    CHECK(tofu[1].advance > 0);
    CHECK(tofu[0].id != 0);
    CHECK(tofu[2].id != 0);
    // ... and that box is visible ink, not an empty glyph.
    GlyphCache glyphs(TestShaper().Fonts(), std::make_unique<NullTextureBackend>(), {});
    for (Face face : {Face::BengaliRegular, Face::LatinBold}) {
        const AtlasEntry* box = glyphs.Get(face, 0, 20, 0);
        REQUIRE(box != nullptr);
        CHECK(box->w >= 5);
        CHECK(box->h >= 10);
    }
}

TEST_CASE("layout: words wrap at spaces, lines never split a cluster") {
    const std::u32string text = U32(kParagraph);
    for (float width = 60; width < 900; width += 17) {
        CAPTURE(width);
        const Layout layout = LayOut(TestShaper(), kParagraph, kBody, {width, 0, Align::Left});
        REQUIRE(layout.lines.size() >= 2);
        CHECK_FALSE(layout.truncated);
        for (size_t l = 0; l + 1 < layout.lines.size(); ++l) {
            const Line &a = layout.lines[l], &b = layout.lines[l + 1];
            REQUIRE(a.end == b.begin);
            REQUIRE(b.begin < b.end);
            // The cluster at the end of one line does not continue on the next.
            CHECK(layout.glyphs[a.end - 1].cluster != layout.glyphs[b.begin].cluster);
            // A line starts at a word boundary, unless the line before is part of a word too wide.
            const uint32_t start = layout.glyphs[b.begin].cluster;
            if (text[start - 1] != U' ') CHECK(LineText(layout, text, l).find(U' ') == std::u32string::npos);
        }
        for (const Line& line : layout.lines) {
            if (line.width > width) { // only a single cluster, or a word's last piece and its comma or danda
                std::set<uint32_t> clusters;
                for (uint32_t g = line.begin; g < line.end; ++g)
                    clusters.insert(layout.glyphs[g].cluster);
                char32_t last = 0;
                for (uint32_t c : clusters)
                    last = text[c] == U' ' ? last : text[c];
                CHECK((clusters.size() <= 2 || last == U',' || last == U'।' || last == U')'));
            }
        }
        // Every code point is on exactly one line: nothing lost, nothing twice.
        std::u32string joined;
        for (size_t l = 0; l < layout.lines.size(); ++l)
            joined += LineText(layout, text, l);
        CHECK(joined == text);
    }
}

TEST_CASE("layout: a word wider than the line is cut between clusters only") {
    const std::string word = "স্ত্রীলোকেরক্ষাজ্ঞানকৌশল";
    const std::u32string text = U32(word);
    const Layout layout = LayOut(TestShaper(), word, kBody, {40, 0, Align::Left});
    CHECK(layout.lines.size() > 2);
    std::u32string joined;
    for (size_t l = 0; l < layout.lines.size(); ++l) {
        const Line& line = layout.lines[l];
        REQUIRE(line.begin < line.end);
        if (l > 0) CHECK(layout.glyphs[line.begin].cluster != layout.glyphs[line.begin - 1].cluster);
        joined += LineText(layout, text, l);
    }
    CHECK(joined == text);
}

TEST_CASE("layout: the danda stays with the word before it, even after a space") {
    const std::string sentence = "আমরা সবাই মিলে কাজ করি । তারপর বাড়ি যাই । সেবা সহজ হয়েছে ।";
    const std::u32string text = U32(sentence);
    CHECK_FALSE(CanBreakBefore(text, text.find(U'।')));
    CHECK(CanBreakBefore(text, text.find(U'ত'))); // after "। "
    int lines_checked = 0;
    for (float width = 30; width < 700; width += 7) {
        const Layout layout = LayOut(TestShaper(), sentence, kBody, {width, 0, Align::Left});
        for (const Line& line : layout.lines) {
            CHECK(text[layout.glyphs[line.begin].cluster] != U'।');
            ++lines_checked;
        }
    }
    CHECK(lines_checked > 100);
    // Hyphens between letters may break; between digits they may not.
    const std::u32string hyphens = U"ই-পাসপোর্ট ২৭-২৮";
    CHECK(CanBreakBefore(hyphens, 2));
    CHECK_FALSE(CanBreakBefore(hyphens, hyphens.size() - 2));
}

TEST_CASE("layout: line breaks in the text, alignment and justification") {
    const Layout lines = LayOut(TestShaper(), "প্রথম\nদ্বিতীয়\r\n\nচতুর্থ\n", kBody, {});
    CHECK(lines.lines.size() == 4); // the empty third line counts, the final break does not
    CHECK(lines.height == doctest::Approx(4 * kBody.line_height));
    CHECK(lines.lines[2].begin == lines.lines[2].end);

    const Layout left = LayOut(TestShaper(), "সেবা", kBody, {300, 0, Align::Left});
    const Layout center = LayOut(TestShaper(), "সেবা", kBody, {300, 0, Align::Center});
    const Layout right = LayOut(TestShaper(), "সেবা", kBody, {300, 0, Align::Right});
    CHECK(left.lines[0].x == 0);
    CHECK(center.lines[0].x == doctest::Approx((300 - left.width) / 2));
    CHECK(right.lines[0].x == doctest::Approx(300 - left.width));

    const Layout justified = LayOut(TestShaper(), kParagraph, kBody, {500, 0, Align::Justify});
    for (size_t l = 0; l + 1 < justified.lines.size(); ++l)
        CHECK(justified.lines[l].width == doctest::Approx(500));
    CHECK(justified.lines.back().width < 500);

    // Baselines sit on whole pixels, one line height apart.
    for (size_t l = 0; l < justified.lines.size(); ++l) {
        CHECK(justified.lines[l].baseline == std::round(justified.lines[l].baseline));
        CHECK(justified.lines[l].top == doctest::Approx(static_cast<float>(l) * kBody.line_height));
    }
}

TEST_CASE("layout: max_lines ends the last line in an ellipsis that fits") {
    const std::u32string text = U32(kParagraph);
    const Layout full = LayOut(TestShaper(), kParagraph, kBody, {400, 0, Align::Left});
    REQUIRE(full.lines.size() > 3);
    const Layout two = LayOut(TestShaper(), kParagraph, kBody, {400, 2, Align::Left});
    REQUIRE(two.lines.size() == 2);
    CHECK(two.truncated);
    CHECK(two.height == doctest::Approx(2 * kBody.line_height));
    CHECK(two.lines[1].width <= 400);
    const PlacedGlyph& last = two.glyphs[two.lines[1].end - 1];
    CHECK(last.cluster == text.size()); // the ellipsis, which has no source text
    CHECK(last.id != 0);
    // Before the ellipsis: no trailing space, no half cluster.
    const PlacedGlyph& before = two.glyphs[two.lines[1].end - 2];
    CHECK(text[before.cluster] != U' ');

    const Layout one = LayOut(TestShaper(), kParagraph, kBody, {250, 1, Align::Right});
    REQUIRE(one.lines.size() == 1);
    CHECK(one.lines[0].width <= 250);
    CHECK(one.lines[0].x == doctest::Approx(250 - one.lines[0].width));

    const Layout fits = LayOut(TestShaper(), "সেবা", kBody, {250, 1, Align::Left});
    CHECK_FALSE(fits.truncated);
    // A hard line break past the limit also counts.
    CHECK(LayOut(TestShaper(), "এক\nদুই", kBody, {250, 1, Align::Left}).truncated);
}

TEST_CASE("layout: invalid UTF-8 and control characters show as replacement glyphs") {
    const Layout layout = LayOut(TestShaper(),
                                 "ab\xFF"
                                 "cd\x01",
                                 kBody, {});
    REQUIRE(layout.lines.size() == 1);
    CHECK(layout.glyphs.size() == 6);
    CHECK(layout.glyphs[2].cluster == 2);
    CHECK(layout.glyphs[2].advance > 0);
    CHECK(layout.glyphs[5].advance > 0);
    CHECK(LayOut(TestShaper(), "", kBody, {}).lines.empty());
}

// How fast is for bench/text_bench to print; here: a huge string is cut, never laid out whole.
TEST_CASE("layout: a 100 000-character string is cut to what is shown") {
    std::string huge;
    while (huge.size() < 100000 * 3)
        huge += "কর্মকর্তার স্বাক্ষরের জন্য দীর্ঘ অপেক্ষা। ";
    using Clock = std::chrono::steady_clock;
    auto start = Clock::now();
    const Layout three = LayOut(TestShaper(), huge, kBody, {600, 3, Align::Left});
    const double few_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    CHECK(three.lines.size() == 3);
    CHECK(three.truncated);

    start = Clock::now();
    const Layout all = LayOut(TestShaper(), huge, kBody, {600, 0, Align::Left});
    const double all_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    MESSAGE("100 000 characters: 3 lines in " << few_ms << " ms, unlimited (capped) in " << all_ms << " ms");
    CHECK(all.truncated); // cut at kMaxCodepoints
    CHECK(all.lines.back().end > all.lines.back().begin);
    const Layout one_line = LayOut(TestShaper(), huge, kBody, {});
    CHECK(one_line.lines.size() == 1);
    CHECK(one_line.truncated);
}

TEST_CASE("fonts: a missing font is a clear error") {
    const FontFiles found = FindFonts();
    for (const std::string& path : found.paths)
        CHECK_FALSE(path.empty());
    try {
        FindFonts({.fontconfig = false, .folders = {"/nonexistent"}});
        FAIL("no error");
    } catch (const FontError& e) {
        const std::string message = e.what();
        CHECK(message.find("NotoSansBengali-Regular.ttf") != std::string::npos);
        CHECK(message.find("fonts-noto-core") != std::string::npos);
    }
    CHECK_THROWS_AS(FontSet(FontFiles{{"/nonexistent.ttf", "", "", ""}}), FontError);
}

TEST_CASE("engine: the layout cache keeps the recently used and drops the rest") {
    EngineConfig config;
    config.max_layouts = 8;
    Engine engine(FindFonts(), std::make_unique<NullTextureBackend>(), config);
    for (int frame = 0; frame < 30; ++frame) {
        engine.BeginFrame();
        engine.Measure("সেবা " + std::to_string(frame), kBody, {});
        engine.Measure("স্থির", kBody, {}); // used every frame
        CHECK(engine.Stats().cached_layouts <= 9);
    }
    const EngineStats stats = engine.Stats();
    CHECK(stats.layout_misses == 31); // 30 new strings, and the steady one once
    CHECK(stats.layout_hits == 29);
    engine.BeginFrame();
    engine.Measure("সেবা 29", kBody, {}); // recent: still there
    CHECK(engine.Stats().layout_hits == 30);
    engine.Measure("সেবা 0", kBody, {}); // long gone
    CHECK(engine.Stats().layout_misses == 32);
}
