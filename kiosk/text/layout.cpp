#include "kiosk/text/layout.h"

#include "content/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace text {

namespace {

constexpr size_t kChunk = 1024; // long paragraphs are shaped this much at a time, so max_lines stops early
constexpr float kSlack = 0.01f; // rounding noise allowed when comparing widths

bool IsClosing(char32_t cp) {
    switch (cp) {
    case U'\u0964':
    case U'\u0965':
    case U',':
    case U'.':
    case U';':
    case U':':
    case U'!':
    case U'?':
    case U')':
    case U']':
    case U'}':
    case U'\u201D':
    case U'\u2019':
    case U'\u00BB':
    case U'%':
        return true;
    default:
        return false;
    }
}

bool IsLetterLike(char32_t cp) {
    switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_MODIFIER_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER:
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
        return true;
    default:
        return false;
    }
}

bool IsParagraphEnd(char32_t cp) {
    return cp == U'\n' || cp == U'\r' || cp == 0x2028 || cp == 0x2029;
}

// Greedy line breaking over one paragraph's glyphs, fed as chunks are shaped.
class LineBreaker {
  public:
    struct Out {
        size_t begin, end; // glyph range in the paragraph
        float width;       // without trailing spaces
    };

    LineBreaker(std::u32string_view text, float max_width) : m_text(text), m_max(max_width) {}

    // Breaks the glyphs added since the last call; full lines go to `lines`.
    void Feed(const std::vector<ShapedGlyph>& glyphs, std::vector<Out>& lines) {
        size_t i = m_next;
        while (i < glyphs.size()) {
            // One cluster: glyphs with the same cluster value. Lines only ever end between clusters.
            size_t j = i + 1;
            float advance = glyphs[i].advance;
            while (j < glyphs.size() && glyphs[j].cluster == glyphs[i].cluster)
                advance += glyphs[j++].advance;
            const size_t cp = glyphs[i].cluster;
            if (i > m_start && CanBreakBefore(m_text, cp)) m_break = {i, m_total, m_content};
            m_total += advance;
            if (!IsSpace(m_text[cp])) {
                float before = m_content; // the line without this cluster
                m_content = m_total;
                if (m_content > m_max + kSlack && m_break.glyph > m_start) { // back to the last word boundary
                    lines.push_back({m_start, m_break.glyph, m_break.content});
                    m_start = m_break.glyph;
                    m_total -= m_break.total;
                    m_content -= m_break.total;
                    before = std::max(0.f, before - m_break.total);
                }
                // A word wider than the line: cut it between clusters, but never before a danda or a
                // comma (it hangs past the edge instead).
                if (m_content > m_max + kSlack && i > m_start && !IsClosing(m_text[cp])) {
                    lines.push_back({m_start, i, before});
                    m_start = i;
                    m_total = m_content = advance;
                }
            }
            i = j;
        }
        m_next = i;
    }

    void Finish(std::vector<Out>& lines) { lines.push_back({m_start, m_next, m_content}); }

  private:
    struct Break {
        size_t glyph = 0;
        float total = 0, content = 0; // the line's width there, with and without trailing spaces
    };
    std::u32string_view m_text;
    float m_max;
    size_t m_next = 0, m_start = 0;
    float m_total = 0, m_content = 0; // the current line's width, with and without trailing spaces
    Break m_break;                    // the last break opportunity (glyph <= m_start: none)
};

// Sets the line's x for the alignment; Justify widens the spaces of a line that is not a
// paragraph's last.
void AlignLine(Line& line, std::vector<PlacedGlyph>& glyphs, std::u32string_view text,
               const LayoutOptions& options, bool paragraph_end) {
    const float room = options.wrap_width - line.width;
    line.x = options.align == Align::Center ? room * 0.5f : options.align == Align::Right ? room : 0;
    if (options.align != Align::Justify || paragraph_end || options.wrap_width <= 0 || room <= 0) return;
    auto space = [&](uint32_t g) {
        return glyphs[g].cluster < text.size() && IsSpace(text[glyphs[g].cluster]);
    };
    uint32_t last = line.end;
    while (last > line.begin && space(last - 1))
        --last;
    int gaps = 0;
    for (uint32_t g = line.begin; g < last; ++g)
        gaps += space(g);
    if (gaps == 0) return;
    const float extra = room / static_cast<float>(gaps);
    float shift = 0;
    for (uint32_t g = line.begin; g < last; ++g) {
        glyphs[g].x += shift;
        if (space(g)) shift += extra;
    }
    line.width = options.wrap_width;
}

// Ends the last line with "…", dropping whole clusters (and then trailing spaces) until it fits.
void Ellipsize(Layout& layout, Shaper& shaper, std::u32string_view text, const Style& style,
               const LayoutOptions& options, float max_width) {
    Line& line = layout.lines.back();
    std::vector<PlacedGlyph>& glyphs = layout.glyphs;
    std::vector<ShapedGlyph> ellipsis;
    shaper.Shape(U"\u2026", 0, 1, style.weight, layout.em, ellipsis);
    float ellipsis_width = 0;
    for (const ShapedGlyph& g : ellipsis)
        ellipsis_width += g.advance;
    const float room = max_width - ellipsis_width;

    std::vector<float> pen(line.end - line.begin + 1, 0); // pen[k]: the width of the line's first k glyphs
    for (uint32_t g = line.begin; g < line.end; ++g)
        pen[g - line.begin + 1] = pen[g - line.begin] + glyphs[g].advance;
    auto trim_spaces = [&](uint32_t end) {
        while (end > line.begin && IsSpace(text[glyphs[end - 1].cluster]))
            --end;
        return end;
    };
    uint32_t end = trim_spaces(line.end);
    while (end > line.begin && pen[end - line.begin] > room + kSlack) {
        const uint32_t cluster = glyphs[end - 1].cluster;
        while (end > line.begin && glyphs[end - 1].cluster == cluster)
            --end;
        end = trim_spaces(end);
    }
    float x = pen[end - line.begin];
    glyphs.resize(end);
    for (const ShapedGlyph& g : ellipsis) {
        glyphs.push_back({x + g.dx, g.dy, g.advance, g.id, static_cast<uint32_t>(text.size()), g.face});
        x += g.advance;
    }
    line.end = static_cast<uint32_t>(glyphs.size());
    line.width = x;
    LayoutOptions last = options;
    if (last.align == Align::Justify) last.align = Align::Left;
    AlignLine(line, glyphs, text, last, true);
}

} // namespace

bool IsSpace(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B && cp != 0x2007);
}

bool CanBreakBefore(std::u32string_view text, size_t i) {
    if (i == 0 || i >= text.size()) return false;
    const char32_t cp = text[i], prev = text[i - 1];
    if (IsSpace(cp) || IsClosing(cp)) return false;
    if (IsSpace(prev)) return true;
    // "ই-পাসপোর্ট", "well-known": after a hyphen or dash between letters (not in "২৭-২৮").
    if ((prev == U'-' || prev == 0x2010 || prev == 0x2013 || prev == 0x2014) && i >= 2)
        return IsLetterLike(cp) && IsLetterLike(text[i - 2]);
    return false;
}

Layout LayOut(Shaper& shaper, std::string_view utf8, const Style& style, const LayoutOptions& options) {
    Layout layout;
    const FontSet& fonts = shaper.Fonts();
    layout.em = style.size * fonts.EmPerPixelSize();

    std::u32string text = content::DecodeUtf8Replacing(utf8, kMaxCodepoints + 1);
    const bool capped = text.size() > kMaxCodepoints;
    if (capped) text.resize(kMaxCodepoints);
    for (char32_t& cp : text) {
        if (cp == U'\t')
            cp = U' ';
        else if ((cp < 0x20 && !IsParagraphEnd(cp)) || cp == 0x7F)
            cp = content::kReplacementCharacter; // controls show as damage
    }
    if (text.size() && IsParagraphEnd(text.back())) { // a final line break adds no empty line
        text.pop_back();
        if (!text.empty() && text.back() == U'\r') text.pop_back();
    }

    const float max_width =
        options.wrap_width > 0 ? options.wrap_width : std::numeric_limits<float>::infinity();
    const size_t max_lines = options.max_lines > 0 ? static_cast<size_t>(options.max_lines) : SIZE_MAX;
    // The em box (Noto Sans ascender to descender, `size` high) centred in the line box.
    const float baseline =
        std::round((style.line_height - style.size) * 0.5f + style.size * fonts.AscentPerPixelSize());

    std::vector<ShapedGlyph> glyphs;
    std::vector<LineBreaker::Out> lines;
    for (size_t p = 0; !utf8.empty() && p <= text.size() && layout.lines.size() <= max_lines;) {
        size_t p_end = p;
        while (p_end < text.size() && !IsParagraphEnd(text[p_end]))
            ++p_end;

        glyphs.clear();
        lines.clear();
        LineBreaker breaker(text, max_width);
        bool complete = true;
        for (size_t c = p; c < p_end;) {
            size_t c_end = p_end;
            if (p_end - c > kChunk) { // cut after a space, so shaping sees whole words
                c_end = c + kChunk;
                while (c_end < p_end && !IsSpace(text[c_end - 1]))
                    ++c_end;
            }
            shaper.Shape(text, c, c_end, style.weight, layout.em, glyphs);
            breaker.Feed(glyphs, lines);
            c = c_end;
            if (layout.lines.size() + lines.size() > max_lines) {
                complete = false;
                break;
            }
        }
        if (complete) breaker.Finish(lines);

        for (size_t l = 0; l < lines.size(); ++l) {
            Line line;
            line.begin = static_cast<uint32_t>(layout.glyphs.size());
            line.top = style.line_height * static_cast<float>(layout.lines.size());
            line.baseline = line.top + baseline;
            line.width = lines[l].width;
            float pen = 0;
            for (size_t g = lines[l].begin; g < lines[l].end; ++g) {
                const ShapedGlyph& s = glyphs[g];
                layout.glyphs.push_back({pen + s.dx, s.dy, s.advance, s.id, s.cluster, s.face});
                pen += s.advance;
            }
            line.end = static_cast<uint32_t>(layout.glyphs.size());
            AlignLine(line, layout.glyphs, text, options, complete && l + 1 == lines.size());
            layout.lines.push_back(line);
        }
        if (p_end >= text.size()) break;
        p = p_end + (text[p_end] == U'\r' && p_end + 1 < text.size() && text[p_end + 1] == U'\n' ? 2 : 1);
    }

    if (layout.lines.size() > max_lines) {
        layout.lines.resize(max_lines);
        layout.glyphs.resize(layout.lines.back().end);
        layout.truncated = true;
    }
    layout.truncated |= capped;
    const bool overflows =
        options.max_lines > 0 && !layout.lines.empty() && layout.lines.back().width > max_width + kSlack;
    if (!layout.lines.empty() && (layout.truncated || overflows)) {
        layout.truncated = true;
        Ellipsize(layout, shaper, text, style, options, max_width);
    }

    for (const Line& line : layout.lines)
        layout.width = std::max(layout.width, line.width);
    layout.height = style.line_height * static_cast<float>(layout.lines.size());
    return layout;
}

} // namespace text
