// The report's document model: blocks to slices (lines, rows, figures), slices to pages, pages
// drawn with their frame (see document.h).
#include "kiosk/report/document.h"

#include "content/locale.h"

#include <algorithm>
#include <cmath>

namespace report {

constexpr double kA4Width = 595.276, kA4Height = 841.89; // points

struct Document::Block {
    enum class Kind { Heading, Paragraph, Table, Figure, PageBreak } kind = Kind::Paragraph;
    std::string text;
    TextStyle style;
    bool markup = false;
    int level = 1;
    TableSpec table;
    std::shared_ptr<report::Figure> figure;
    double space_before = 0;
    bool keep_with_next = false;
};

// An unbreakable piece of the flow: a line, a table row, a figure.
struct Document::Slice {
    double height = 0, space_before = 0, space_after = 0;
    bool keep_with_next = false;
    bool page_break = false;
    int header = -1; // a table row: the index of its header row, repeated atop a new page
    std::function<void(Typesetter&, double x, double y, double width)> draw;
};

struct Document::Placed {
    size_t slice = 0;
    double y = 0; // from the content area's top
};

std::string PageNumber(int page, int pages, content::Lang lang) {
    if (lang == content::Lang::English)
        return "Page " + std::to_string(page) + " of " + std::to_string(pages);
    return "পৃষ্ঠা " + content::ToBengaliDigits(std::to_string(page)) + " / " +
           content::ToBengaliDigits(std::to_string(pages));
}

Document::Document(content::Lang lang, bool landscape, Margins margins)
    : m_lang(lang), m_width(landscape ? kA4Height : kA4Width), m_height(landscape ? kA4Width : kA4Height),
      m_margins(margins) {}

void Document::Heading(const std::string& text, int level) {
    auto block = std::make_shared<Block>();
    block->kind = Block::Kind::Heading;
    block->text = text;
    block->level = std::clamp(level, 1, 3);
    block->keep_with_next = true;
    block->space_before = m_pending_space;
    m_pending_space = 0;
    m_blocks.push_back(block);
}

void Document::Paragraph(const std::string& text, const TextStyle& style, bool markup) {
    auto block = std::make_shared<Block>();
    block->text = text;
    block->style = style;
    block->markup = markup;
    block->space_before = m_pending_space + style.space_before;
    m_pending_space = 0;
    m_blocks.push_back(block);
}

void Document::Table(TableSpec table) {
    auto block = std::make_shared<Block>();
    block->kind = Block::Kind::Table;
    block->table = std::move(table);
    block->space_before = m_pending_space;
    m_pending_space = 0;
    m_blocks.push_back(block);
}

void Document::Figure(std::shared_ptr<report::Figure> figure, double space_after) {
    auto block = std::make_shared<Block>();
    block->kind = Block::Kind::Figure;
    block->figure = std::move(figure);
    block->style.space_after = space_after;
    block->space_before = m_pending_space;
    m_pending_space = 0;
    m_blocks.push_back(block);
}

void Document::Space(double points) {
    m_pending_space += points;
}

void Document::PageBreak() {
    auto block = std::make_shared<Block>();
    block->kind = Block::Kind::PageBreak;
    m_pending_space = 0;
    m_blocks.push_back(block);
}

void Document::KeepWithNext() {
    if (!m_blocks.empty()) m_blocks.back()->keep_with_next = true;
}

namespace {

TextStyle HeadingStyle(int level) {
    TextStyle style;
    style.font = {Face::Sans, level == 1 ? 16.0 : level == 2 ? 12.5 : 10.5, true};
    style.color = level == 3 ? colors::kText : level == 2 ? colors::kGreenDark : colors::kGreen;
    style.space_before = level == 1 ? 4 : level == 2 ? 10 : 6;
    style.space_after = level == 1 ? 10 : level == 2 ? 5 : 3;
    return style;
}

} // namespace

void Document::SlicesOf(const Block& block, Typesetter& text, std::vector<Slice>& out) const {
    if (block.kind == Block::Kind::PageBreak) {
        out.push_back(Slice{0, 0, 0, false, true, -1, {}});
        return;
    }
    if (block.kind == Block::Kind::Table) return TableSlices(block, text, out);
    if (block.kind == Block::Kind::Figure) {
        Slice slice;
        slice.height = block.figure->Height(text, ContentWidth());
        slice.space_before = block.space_before;
        slice.space_after = block.style.space_after;
        slice.keep_with_next = block.keep_with_next;
        std::shared_ptr<report::Figure> figure = block.figure;
        slice.draw = [figure](Typesetter& t, double x, double y, double w) { figure->Draw(t, x, y, w); };
        out.push_back(std::move(slice));
        return;
    }
    const bool heading = block.kind == Block::Kind::Heading;
    const TextStyle style = heading ? HeadingStyle(block.level) : block.style;
    const double width = ContentWidth() - style.indent;
    LayoutPtr layout = text.Layout(block.text, style.font, width, style.align, block.markup);
    const std::vector<LineBox> lines = LinesOf(layout.get());
    const size_t n = lines.size();
    for (size_t i = 0; i < n; ++i) {
        Slice slice;
        slice.height = lines[i].height;
        slice.space_before = i == 0 ? block.space_before + (heading ? style.space_before : 0) : 0;
        slice.space_after = i + 1 == n ? style.space_after : 0;
        // Keep the first two and the last two lines together; a heading with what follows.
        slice.keep_with_next = (i + 1 < n && (i == 0 || i + 2 == n)) || (i + 1 == n && block.keep_with_next);
        const int index = static_cast<int>(i);
        const Color color = style.color;
        const double indent = style.indent;
        const bool rule = heading && block.level == 1 && i + 1 == n;
        slice.draw = [layout, index, color, indent, rule, height = lines[i].height](Typesetter& t, double x,
                                                                                    double y, double w) {
            t.ShowLine(layout.get(), index, x + indent, y, color);
            if (!rule) return;
            SetColor(t.Cr(), colors::kGreen);
            cairo_rectangle(t.Cr(), x, y + height + 2, w, 1.2);
            cairo_fill(t.Cr());
        };
        out.push_back(std::move(slice));
    }
}

void Document::TableSlices(const Block& block, Typesetter& text, std::vector<Slice>& out) const {
    const TableSpec& table = block.table;
    if (table.columns.empty()) return;
    double total_weight = 0;
    for (const TableColumn& column : table.columns)
        total_weight += column.weight;
    std::vector<double> widths;
    for (const TableColumn& column : table.columns)
        widths.push_back(ContentWidth() * column.weight / total_weight);
    static constexpr double kPadX = 5, kPadY = 3.5;
    // One row (the header when `row` is negative) as a slice.
    const auto make_row = [&](int row) {
        const bool header = row < 0;
        std::vector<LayoutPtr> cells;
        double height = 0;
        for (size_t c = 0; c < table.columns.size(); ++c) {
            const auto& cells_of = header ? std::vector<std::string>{} : table.rows[static_cast<size_t>(row)];
            const std::string& cell = header                ? table.columns[c].header
                                      : c < cells_of.size() ? cells_of[c]
                                                            : "";
            Font font = header ? Font{Face::Sans, table.font.size - 0.5, true} : table.font;
            if (!header && c == 0 && table.bold_first_column) font.bold = true;
            cells.push_back(text.Layout(cell, font, widths[c] - 2 * kPadX, table.columns[c].align));
            height = std::max(height, Typesetter::Measure(cells.back().get()).h);
        }
        Slice slice;
        slice.height = height + 2 * kPadY;
        slice.draw = [cells, widths, header, row, h = slice.height](Typesetter& t, double x, double y,
                                                                    double) {
            cairo_t* cr = t.Cr();
            double left = x;
            const double width = [&] {
                double sum = 0;
                for (double w : widths)
                    sum += w;
                return sum;
            }();
            if (header || row % 2 == 1) {
                SetColor(cr, header ? colors::kGreen : colors::kGreenLight);
                cairo_rectangle(cr, x, y, width, h);
                cairo_fill(cr);
            }
            for (size_t c = 0; c < cells.size(); ++c) {
                t.Show(cells[c].get(), left + kPadX, y + kPadY, header ? colors::kWhite : colors::kText);
                left += widths[c];
            }
            SetColor(cr, colors::kRule);
            cairo_set_line_width(cr, 0.6);
            cairo_move_to(cr, x, y + h);
            cairo_line_to(cr, x + width, y + h);
            cairo_stroke(cr);
        };
        return slice;
    };
    const int header_index = static_cast<int>(out.size());
    Slice header = make_row(-1);
    header.space_before = block.space_before;
    header.keep_with_next = true;
    out.push_back(std::move(header));
    for (size_t r = 0; r < table.rows.size(); ++r) {
        Slice row = make_row(static_cast<int>(r));
        row.header = header_index;
        row.keep_with_next = r + 1 == table.rows.size() && block.keep_with_next;
        if (r + 1 == table.rows.size()) row.space_after = table.space_after;
        out.push_back(std::move(row));
    }
}

std::vector<std::vector<Document::Placed>> Document::Paginate(const std::vector<Slice>& slices) const {
    const double page_height = ContentHeight();
    std::vector<std::vector<Placed>> pages(1);
    double y = 0;
    const auto new_page = [&] {
        pages.emplace_back();
        y = 0;
    };
    const auto place = [&](size_t k) {
        const Slice& slice = slices[k];
        double before = y > 0 ? slice.space_before : 0;
        if (y > 0 && y + before + slice.height > page_height) new_page(), before = 0;
        if (y == 0 && slice.header >= 0) { // a table continued: its header row first
            const Slice& header = slices[static_cast<size_t>(slice.header)];
            pages.back().push_back({static_cast<size_t>(slice.header), 0});
            y = header.height;
        }
        pages.back().push_back({k, y + before});
        y += before + slice.height + slice.space_after;
    };
    for (size_t i = 0; i < slices.size();) {
        if (slices[i].page_break) {
            if (!pages.back().empty()) new_page();
            ++i;
            continue;
        }
        // A chain: slices that must share a page with the one after them.
        size_t j = i;
        double height = slices[i].height;
        while (j + 1 < slices.size() && slices[j].keep_with_next && !slices[j + 1].page_break) {
            ++j;
            height += slices[j - 1].space_after + slices[j].space_before + slices[j].height;
        }
        if (y > 0 && y + slices[i].space_before + height > page_height && height <= page_height) new_page();
        for (size_t k = i; k <= j; ++k)
            place(k);
        i = j + 1;
    }
    if (pages.back().empty() && pages.size() > 1) pages.pop_back();
    return pages;
}

void Document::DrawFrame(Typesetter& text, const PageFrame& frame, int page, int pages) const {
    cairo_t* cr = text.Cr();
    const double left = m_margins.left, right = m_width - m_margins.right;
    if (!frame.watermark.empty()) {
        LayoutPtr mark = text.Layout(frame.watermark, {Face::Sans, 96, true}, 0);
        const Size size = Typesetter::Measure(mark.get());
        cairo_save(cr);
        cairo_translate(cr, m_width / 2, m_height / 2);
        cairo_rotate(cr, -std::atan2(m_height, m_width));
        cairo_move_to(cr, -size.w / 2, -size.h / 2);
        cairo_set_source_rgba(cr, colors::kRed.r, colors::kRed.g, colors::kRed.b, 0.07);
        // As outlines, not text: the page's text (search, copy, extraction) stays clean of it.
        pango_cairo_layout_path(cr, mark.get());
        cairo_fill(cr);
        cairo_restore(cr);
    }
    if (!frame.notice.empty()) { // a red band above the header: while provisional, on every page
        LayoutPtr notice = text.Layout(frame.notice, {Face::Sans, 9, true}, right - left - 16, Align::Center);
        const double h = Typesetter::Measure(notice.get()).h + 6;
        SetColor(cr, colors::kRedLight);
        cairo_rectangle(cr, left, 18, right - left, h);
        cairo_fill_preserve(cr);
        SetColor(cr, colors::kRed);
        cairo_set_line_width(cr, 0.8);
        cairo_stroke(cr);
        text.Show(notice.get(), left + 8, 21, colors::kRed);
    }
    if (page == 1 && frame.plain_first_page) return;
    const double header_y = m_margins.top - 24;
    LayoutPtr header_left = text.Layout(frame.header_left, {Face::Sans, 8.5, false}, (right - left) * 0.62);
    LayoutPtr header_right =
        text.Layout(frame.header_right, {Face::Sans, 8.5, false}, (right - left) * 0.36, Align::Right);
    text.Show(header_left.get(), left, header_y, colors::kMuted);
    text.Show(header_right.get(), right - (right - left) * 0.36, header_y, colors::kMuted);
    SetColor(cr, colors::kGreen);
    cairo_rectangle(cr, left, m_margins.top - 10, right - left, 0.8);
    cairo_fill(cr);
    const double footer_y = m_height - m_margins.bottom + 18;
    SetColor(cr, colors::kRule);
    cairo_rectangle(cr, left, footer_y - 6, right - left, 0.6);
    cairo_fill(cr);
    LayoutPtr number =
        text.Layout(PageNumber(page, pages, m_lang), {Face::Sans, 9, false}, right - left, Align::Center);
    text.Show(number.get(), left, footer_y, colors::kText);
    if (!frame.footer_left.empty()) {
        LayoutPtr footer = text.Layout(frame.footer_left, {Face::Sans, 7, false}, (right - left) * 0.38);
        text.Show(footer.get(), left, footer_y + 1.5, colors::kMuted);
    }
}

WriteResult Document::Write(const std::string& path, const PageFrame& frame, const std::string& title) const {
    PdfOutput pdf(path, m_width, m_height, m_lang, title);
    if (!pdf.Ok()) return pdf.Finish();
    std::vector<Slice> slices;
    for (const auto& block : m_blocks)
        SlicesOf(*block, pdf.Text(), slices);
    const std::vector<std::vector<Placed>> pages = Paginate(slices);
    const int count = static_cast<int>(pages.size());
    for (int p = 0; p < count && pdf.Ok(); ++p) {
        DrawFrame(pdf.Text(), frame, p + 1, count);
        for (const Placed& placed : pages[static_cast<size_t>(p)]) {
            const Slice& slice = slices[placed.slice];
            if (slice.draw) slice.draw(pdf.Text(), m_margins.left, m_margins.top + placed.y, ContentWidth());
        }
        pdf.EndPage();
    }
    return pdf.Finish();
}

} // namespace report
