// Shaping: a range of text, cut into script runs, becomes positioned glyphs of our four faces.
// A glyph its run's font does not have is shaped again with the other script's font (Bengali
// <-> Latin); what neither has stays the first font's .notdef glyph, drawn as a box (tofu).
#pragma once

#include "kiosk/text/fonts.h"

#include <memory>
#include <string_view>
#include <vector>

namespace text {

struct ShapedGlyph {
    uint32_t id = 0;      // glyph index in `face`
    uint32_t cluster = 0; // index of the first code point of its cluster in the shaped text
    float advance = 0;    // pixels
    float dx = 0, dy = 0; // offset from the pen position, pixels, y down
    Face face = Face::LatinRegular;
};

class Shaper {
  public:
    explicit Shaper(const FontFiles& files); // throws FontError

    // Shapes text[begin, end) (the rest of `text` is context) at `em` pixels per em, appending
    // the glyphs in order. Only left-to-right scripts are supported (the kiosk has no others).
    void Shape(std::u32string_view text, size_t begin, size_t end, Weight weight, float em,
               std::vector<ShapedGlyph>& out);

    const FontSet& Fonts() const { return m_fonts; }
    uint64_t FallbackCount() const { return m_fallbacks; } // glyphs taken from the other font

  private:
    void ShapeRun(std::u32string_view text, size_t begin, size_t end, hb_script_t script, Face face, float em,
                  std::vector<ShapedGlyph>& out);

    struct BufferDeleter {
        void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
    };
    FontSet m_fonts;
    std::unique_ptr<hb_buffer_t, BufferDeleter> m_buffer;
    uint64_t m_fallbacks = 0;
};

} // namespace text
