// Pango and Cairo for the report: fonts, layouts, lines, and the PDF surface (see typesetter.h).
#include "kiosk/report/typesetter.h"

#include <cairo-pdf.h>

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
    SetColor(m_cr, color);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, layout);
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
    SetColor(m_cr, color);
    cairo_move_to(m_cr, x + Points(logical.x - own.x), y + baseline);
    pango_cairo_show_layout_line(m_cr, line);
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
