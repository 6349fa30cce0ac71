#include "kiosk/text/shaper.h"

#include "kiosk/text/itemize.h"

namespace text {

Shaper::Shaper(const FontFiles& files) : m_fonts(files), m_buffer(hb_buffer_create()) {
    if (!hb_buffer_allocation_successful(m_buffer.get())) throw FontError("HarfBuzz is out of memory");
}

void Shaper::Shape(std::u32string_view text, size_t begin, size_t end, Weight weight, float em,
                   std::vector<ShapedGlyph>& out) {
    for (const Run& run : Itemize(text, begin, end)) {
        const size_t first = out.size();
        const Face primary = FaceFor(run.Bengali(), weight);
        ShapeRun(text, run.begin, run.end, run.script, primary, em, out);

        // Clusters with a missing glyph are shaped again, whole, with the other script's font.
        bool missing = false;
        for (size_t i = first; i < out.size() && !missing; ++i)
            missing = out[i].id == 0;
        if (!missing) continue;
        std::vector<ShapedGlyph> run_glyphs(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
        out.resize(first);
        const Face fallback = FaceFor(!run.Bengali(), weight);
        const float notdef_advance =
            static_cast<float>(hb_font_get_glyph_h_advance(m_fonts.Get(primary).Hb(), 0)) * em /
            m_fonts.Get(primary).UnitsPerEm();
        size_t i = 0;
        while (i < run_glyphs.size()) {
            // A cluster: the glyphs sharing one cluster value (shaping keeps them together).
            size_t j = i + 1;
            while (j < run_glyphs.size() && run_glyphs[j].cluster == run_glyphs[i].cluster)
                ++j;
            bool cluster_missing = false;
            for (size_t k = i; k < j; ++k)
                cluster_missing |= run_glyphs[k].id == 0;
            if (!cluster_missing) {
                out.insert(out.end(), run_glyphs.begin() + static_cast<std::ptrdiff_t>(i),
                           run_glyphs.begin() + static_cast<std::ptrdiff_t>(j));
                i = j;
                continue;
            }
            // Join neighbouring missing clusters: the fallback font shapes them as one piece.
            size_t k = j;
            while (k < run_glyphs.size()) {
                size_t m = k + 1;
                while (m < run_glyphs.size() && run_glyphs[m].cluster == run_glyphs[k].cluster)
                    ++m;
                bool next_missing = false;
                for (size_t n = k; n < m; ++n)
                    next_missing |= run_glyphs[n].id == 0;
                if (!next_missing) break;
                k = m;
            }
            const size_t cp_begin = run_glyphs[i].cluster;
            const size_t cp_end = k < run_glyphs.size() ? run_glyphs[k].cluster : run.end;
            const size_t before = out.size();
            ShapeRun(text, cp_begin, cp_end, run.script, fallback, em, out);
            for (size_t n = before; n < out.size(); ++n) {
                if (out[n].id != 0) {
                    ++m_fallbacks;
                    continue;
                }
                out[n].face = primary; // neither font has it: the primary font's box
                out[n].advance = notdef_advance;
                out[n].dx = out[n].dy = 0;
            }
            i = k;
        }
    }
}

void Shaper::ShapeRun(std::u32string_view text, size_t begin, size_t end, hb_script_t script, Face face,
                      float em, std::vector<ShapedGlyph>& out) {
    hb_buffer_t* buffer = m_buffer.get();
    hb_buffer_clear_contents(buffer);
    hb_buffer_add_utf32(buffer, reinterpret_cast<const uint32_t*>(text.data()), static_cast<int>(text.size()),
                        static_cast<unsigned>(begin), static_cast<int>(end - begin));
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, script);
    hb_buffer_set_language(buffer, LanguageOf(script));
    hb_buffer_set_flags(buffer,
                        static_cast<hb_buffer_flags_t>((begin == 0 ? HB_BUFFER_FLAG_BOT : 0) |
                                                       (end == text.size() ? HB_BUFFER_FLAG_EOT : 0)));
    const FontFace& font = m_fonts.Get(face);
    hb_shape(font.Hb(), buffer, nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    const float scale = em / font.UnitsPerEm();
    out.reserve(out.size() + count);
    for (unsigned i = 0; i < count; ++i) {
        out.push_back({info[i].codepoint, info[i].cluster, static_cast<float>(pos[i].x_advance) * scale,
                       static_cast<float>(pos[i].x_offset) * scale,
                       -static_cast<float>(pos[i].y_offset) * scale, face});
    }
}

} // namespace text
