// Pango and Cairo for the report: fonts, layouts, lines, and the PDF surface (see typesetter.h).
#include "kiosk/report/typesetter.h"

#include <cairo-pdf.h>

#include <vector>

namespace report {

void SetColor(cairo_t* cr, Color color) {
    cairo_set_source_rgb(cr, color.r, color.g, color.b);
}

namespace {

// Bengali text first in Bengali documents; each list falls back to the other script's family.
const char* Families(Face face, content::Lang lang) {
    const bool bn = lang == content::Lang::Bengali;
    if (face == Face::Sans) return bn ? "Noto Sans Bengali, Noto Sans" : "Noto Sans, Noto Sans Bengali";
    return bn ? "Noto Serif Bengali, Noto Serif" : "Noto Serif, Noto Serif Bengali";
}

double Points(int pango_units) {
    return pango_units_to_double(pango_units);
}

// A run's colour: a <span foreground> of the markup, else the text's.
void SetRunColor(cairo_t* cr, const PangoItem* item, Color color) {
    for (GSList* attr = item->analysis.extra_attrs; attr; attr = attr->next) {
        const auto* a = static_cast<const PangoAttribute*>(attr->data);
        if (a->klass->type != PANGO_ATTR_FOREGROUND) continue;
        const PangoColor& c = reinterpret_cast<const PangoAttrColor*>(a)->color;
        cairo_set_source_rgb(cr, c.red / 65535.0, c.green / 65535.0, c.blue / 65535.0);
        return;
    }
    SetColor(cr, color);
}

// One run's glyphs from the pen position (x, baseline y), with one text cluster per word (the
// bytes up to the next space) and one per space. PDF readers then read Bengali words whole:
// with Pango's own clusters, a vowel sign drawn left of its end (তু, চূ, তৃ) or a chandrabindu
// over one (ঝুঁ) made pdftotext, search and copy split the word ("তু লনা"). Returns the advance.
double ShowRunByWords(cairo_t* cr, const char* text, const PangoGlyphItem* run, double x, double y) {
    cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font)));
    const PangoGlyphString* glyphs = run->glyphs;
    const char* bytes = text + run->item->offset;
    const auto is_space = [&](int glyph) { return bytes[glyphs->log_clusters[glyph]] == ' '; };
    std::vector<cairo_glyph_t> placed;
    std::vector<cairo_text_cluster_t> clusters;
    double pen = x;
    for (int i = 0; i < glyphs->num_glyphs;) {
        int j = i;
        const size_t first = placed.size();
        do {
            const PangoGlyphInfo& glyph = glyphs->glyphs[j];
            // Pango's stand-ins (a line break's empty glyph, a missing glyph) are not the font's.
            if (glyph.glyph != PANGO_GLYPH_EMPTY && !(glyph.glyph & PANGO_GLYPH_UNKNOWN_FLAG))
                placed.push_back({glyph.glyph, pen + Points(glyph.geometry.x_offset),
                                  y + Points(glyph.geometry.y_offset)});
            pen += Points(glyph.geometry.width);
            ++j;
        } while (j < glyphs->num_glyphs && !is_space(i) && !is_space(j));
        const int end = j < glyphs->num_glyphs ? glyphs->log_clusters[j] : run->item->length;
        clusters.push_back({end - glyphs->log_clusters[i], static_cast<int>(placed.size() - first)});
        i = j;
    }
    cairo_show_text_glyphs(cr, bytes, run->item->length, placed.data(), static_cast<int>(placed.size()),
                           clusters.data(), static_cast<int>(clusters.size()), cairo_text_cluster_flags_t(0));
    return pen - x;
}

// A line from its origin (x, baseline y), run by run in visual order, as
// pango_cairo_show_layout_line would draw it, but with whole words for the text layer.
void ShowLineByWords(cairo_t* cr, PangoLayout* layout, PangoLayoutLine* line, double x, double y,
                     Color color) {
    const char* text = pango_layout_get_text(layout);
    for (GSList* item = line->runs; item; item = item->next) {
        const auto* run = static_cast<const PangoGlyphItem*>(item->data);
        SetRunColor(cr, run->item, color);
        x += Points(run->start_x_offset);
        x += ShowRunByWords(cr, text, run, x, y - Points(run->y_offset)) + Points(run->end_x_offset);
    }
}

} // namespace

Typesetter::Typesetter(cairo_t* cr, content::Lang lang)
    : m_cr(cr), m_lang(lang), m_context(pango_cairo_create_context(cr)) {
    // Device-independent metrics: no hinting, no rounding to pixels; a PDF has no pixels.
    FontOptionsPtr options(cairo_font_options_create());
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(m_context.get(), options.get());
    pango_context_set_round_glyph_positions(m_context.get(), FALSE);
    pango_context_set_language(m_context.get(),
                               pango_language_from_string(lang == content::Lang::Bengali ? "bn" : "en"));
}

LayoutPtr Typesetter::Layout(std::string_view text, const Font& font, double width, Align align,
                             bool markup) const {
    LayoutPtr layout = AdoptLayout(pango_layout_new(m_context.get()));
    FontDescriptionPtr description(pango_font_description_from_string(Families(font.face, m_lang)));
    pango_font_description_set_absolute_size(description.get(), font.size * PANGO_SCALE);
    pango_font_description_set_weight(description.get(), font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), description.get());
    if (width > 0) {
        pango_layout_set_width(layout.get(), pango_units_from_double(width));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout.get(), align == Align::Center  ? PANGO_ALIGN_CENTER
                                             : align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                     : PANGO_ALIGN_LEFT);
    const int length = static_cast<int>(text.size());
    if (markup)
        pango_layout_set_markup(layout.get(), text.data(), length);
    else
        pango_layout_set_text(layout.get(), text.data(), length);
    return layout;
}

Size Typesetter::Measure(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return {Points(logical.width), Points(logical.height)};
}

void Typesetter::Show(PangoLayout* layout, double x, double y, Color color) const {
    LayoutIterPtr iter(pango_layout_get_iter(layout));
    do {
        PangoRectangle logical, own;
        pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
        PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
        pango_layout_line_get_extents(line, nullptr, &own); // relative to the line's origin
        ShowLineByWords(m_cr, layout, line, x + Points(logical.x - own.x),
                        y + Points(pango_layout_iter_get_baseline(iter.get())), color);
    } while (pango_layout_iter_next_line(iter.get()));
}

std::vector<LineBox> LinesOf(PangoLayout* layout) {
    std::vector<LineBox> lines;
    LayoutIterPtr iter(pango_layout_get_iter(layout));
    do {
        int top = 0, bottom = 0;
        pango_layout_iter_get_line_yrange(iter.get(), &top, &bottom);
        lines.push_back({Points(top), Points(bottom - top)});
    } while (pango_layout_iter_next_line(iter.get()));
    return lines;
}

void Typesetter::ShowLine(PangoLayout* layout, int index, double x, double y, Color color) const {
    LayoutIterPtr iter(pango_layout_get_iter(layout));
    for (int i = 0; i < index; ++i)
        if (!pango_layout_iter_next_line(iter.get())) return;
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    int top = 0, bottom = 0;
    pango_layout_iter_get_line_yrange(iter.get(), &top, &bottom);
    const double baseline = Points(pango_layout_iter_get_baseline(iter.get()) - top);
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
    PangoRectangle own;
    pango_layout_line_get_extents(line, nullptr, &own);
    ShowLineByWords(m_cr, layout, line, x + Points(logical.x - own.x), y + baseline, color);
}

PdfOutput::PdfOutput(const std::string& path, double width_pt, double height_pt, content::Lang lang,
                     const std::string& title)
    : m_file(path), m_width(width_pt), m_height(height_pt) {
    if (!m_file.Error().Ok()) return;
    m_surface.reset(cairo_pdf_surface_create_for_stream(&PdfOutput::WriteBytes, this, width_pt, height_pt));
    cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_CREATOR, "Showcase kiosk");
    m_cr.reset(cairo_create(m_surface.get()));
    m_text = std::make_unique<Typesetter>(m_cr.get(), lang);
}

PdfOutput::~PdfOutput() {
    m_text.reset();
    m_cr.reset();
    m_surface.reset(); // still writes the file's tail into the temporary file, which is then removed
}

cairo_status_t PdfOutput::WriteBytes(void* closure, const unsigned char* data, unsigned int length) {
    return static_cast<PdfOutput*>(closure)->m_file.Write(data, length) ? CAIRO_STATUS_SUCCESS
                                                                        : CAIRO_STATUS_WRITE_ERROR;
}

bool PdfOutput::Ok() const {
    return m_file.Error().Ok() && m_cr && cairo_status(m_cr.get()) == CAIRO_STATUS_SUCCESS;
}

void PdfOutput::EndPage() {
    if (m_cr) cairo_show_page(m_cr.get());
    ++m_pages;
}

WriteResult PdfOutput::Finish() {
    if (!m_file.Error().Ok()) return m_file.Error();
    const cairo_status_t drawing = cairo_status(m_cr.get());
    m_text.reset();
    m_cr.reset();
    cairo_surface_finish(m_surface.get());
    const cairo_status_t status =
        drawing != CAIRO_STATUS_SUCCESS ? drawing : cairo_surface_status(m_surface.get());
    m_surface.reset();
    if (status != CAIRO_STATUS_SUCCESS && m_file.Error().Ok())
        m_file.Fail(WriteError::Render,
                    std::string("Cairo could not make the PDF: ") + cairo_status_to_string(status));
    WriteResult result = m_file.Commit();
    result.pages = result.Ok() ? m_pages : 0;
    return result;
}

} // namespace report
