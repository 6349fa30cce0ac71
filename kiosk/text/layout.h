// Paragraph layout: shaped glyphs broken into lines at word boundaries (never inside a
// HarfBuzz cluster, the danda kept with the word before it), aligned, cut to a number of lines
// with an ellipsis. Pure computation on the Shaper: no GL, no ImGui.
#pragma once

#include "kiosk/text/shaper.h"

#include <string_view>
#include <vector>

namespace text {

enum class Align : uint8_t { Left, Center, Right, Justify };

struct Style {
    Weight weight = Weight::Regular;
    float size = 16;        // ImGui-style pixel size (Noto Sans ascender to descender)
    float line_height = 23; // pixels from one line's top to the next
    friend bool operator==(const Style&, const Style&) = default;
};

struct LayoutOptions {
    float wrap_width = 0; // 0: no wrapping (lines end only at line breaks in the text)
    int max_lines = 0;    // 0: no limit; otherwise the last line shown ends in an ellipsis
    Align align = Align::Left;
    friend bool operator==(const LayoutOptions&, const LayoutOptions&) = default;
};

// The most code points one call lays out: a runaway string costs one bounded layout (a few
// milliseconds, once: the result is cached) and is shown cut with an ellipsis.
constexpr size_t kMaxCodepoints = 20000;

struct PlacedGlyph {
    float x = 0;  // from the line's left edge (before alignment) to the glyph origin
    float dy = 0; // from the baseline, y down
    float advance = 0;
    uint32_t id = 0;
    uint32_t cluster = 0; // code point index of its cluster in the (decoded) text
    Face face = Face::LatinRegular;
};

struct Line {
    uint32_t begin = 0, end = 0; // glyph range
    float x = 0;                 // alignment offset from the layout's left edge
    float top = 0;               // from the layout's top
    float baseline = 0;          // from the layout's top, whole pixels
    float width = 0;             // without trailing spaces
};

struct Layout {
    std::vector<PlacedGlyph> glyphs;
    std::vector<Line> lines;
    float width = 0, height = 0; // widest line; lines x line height
    float em = 0;                // pixels per em the glyphs were shaped at
    bool truncated = false;      // text was left out (max_lines, or over kMaxCodepoints)
};

Layout LayOut(Shaper& shaper, std::string_view utf8, const Style& style, const LayoutOptions& options);

// Line breaking rules, exposed for tests. A break is allowed before text[i] when text[i-1] is
// a space (or U+200B) and text[i] is neither a space nor closing punctuation (। ॥ , . ; : ! ? )
// ] } ” ’ »), so a danda written after a space stays with its word; also after a hyphen or
// dash between letters.
bool CanBreakBefore(std::u32string_view text, size_t i);
bool IsSpace(char32_t cp);

} // namespace text
