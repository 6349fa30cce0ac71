// A small document model for printed reports: headings, paragraphs (line breaking by Pango),
// tables, figures, spaces and page breaks, laid out first and then drawn, so every page knows the
// page count ("পৃষ্ঠা ৩ / ১২"). Pages never split a table row, repeat a table's header row on the
// next page, never leave a heading at a page's foot, and keep a paragraph's first and last two
// lines together. A running header, a footer with the page number, and a notice on every page
// (the results are provisional) come from the PageFrame.
#pragma once

#include "content/model.h"
#include "kiosk/report/typesetter.h"
#include "kiosk/report/write_result.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace report {

struct TextStyle {
    Font font;
    Color color = colors::kText;
    Align align = Align::Left;
    double space_before = 0; // dropped at the top of a page
    double space_after = 5;
    double indent = 0; // from the left margin
};

struct TableColumn {
    std::string header;
    double weight = 1; // share of the table's width
    Align align = Align::Left;
};

struct TableSpec {
    std::vector<TableColumn> columns;
    std::vector<std::vector<std::string>> rows; // cells in column order; missing cells are empty
    Font font{Face::Serif, 9.5, false};
    bool bold_first_column = false;
    double space_after = 8;
};

// Something drawn with Cairo that takes the content width and a height it says itself.
class Figure {
  public:
    virtual ~Figure() = default;
    virtual double Height(Typesetter& text, double width) = 0;
    virtual void Draw(Typesetter& text, double x, double y, double width) = 0;
};

// What every page carries besides the flow.
struct PageFrame {
    std::string header_left;  // the fair's name
    std::string header_right; // what the document is
    std::string notice; // on every page when not empty: "অস্থায়ী ফলাফল" while provisional
    std::string watermark;        // a faint diagonal word across every page when not empty
    std::string footer_left;      // e.g. the results hash when final
    bool plain_first_page = true; // a cover: no running header or footer (the notice stays)
};

struct Margins {
    double top = 72, bottom = 64, left = 62, right = 62; // points; about 25/22/22/22 mm
};

class Document {
  public:
    Document(content::Lang lang, bool landscape = false, Margins margins = {});

    content::Lang Lang() const { return m_lang; }
    double PageWidth() const { return m_width; }
    double PageHeight() const { return m_height; }
    double ContentWidth() const { return m_width - m_margins.left - m_margins.right; }
    double ContentHeight() const { return m_height - m_margins.top - m_margins.bottom; }

    void Heading(const std::string& text, int level); // 1, 2 or 3; stays with what follows
    void Paragraph(const std::string& text, const TextStyle& style = {}, bool markup = false);
    void Table(TableSpec table);
    void Figure(std::shared_ptr<report::Figure> figure, double space_after = 8);
    void Space(double points); // added above the next block
    void PageBreak();
    void KeepWithNext(); // the last block added stays on the page of the next one

    // Lays out, paginates and writes the PDF atomically. Pages in the result.
    WriteResult Write(const std::string& path, const PageFrame& frame, const std::string& title) const;

  private:
    struct Block;
    struct Slice;
    struct Placed;
    void SlicesOf(const Block& block, Typesetter& text, std::vector<Slice>& out) const;
    void TableSlices(const Block& block, Typesetter& text, std::vector<Slice>& out) const;
    std::vector<std::vector<Placed>> Paginate(const std::vector<Slice>& slices) const;
    void DrawFrame(Typesetter& text, const PageFrame& frame, int page, int pages) const;

    content::Lang m_lang;
    double m_width, m_height;
    Margins m_margins;
    std::vector<std::shared_ptr<Block>> m_blocks;
    double m_pending_space = 0;
};

// "পৃষ্ঠা ৩ / ১২" or "Page 3 of 12".
std::string PageNumber(int page, int pages, content::Lang lang);

} // namespace report
