// Setting text with Pango on a Cairo context (fonts from fontconfig: Noto Serif/Sans Bengali and
// Noto Serif/Sans), and a PDF being written atomically. Layouts are made, measured and drawn by
// the same context, so what was measured is what is drawn. Glyphs go out with their text
// (cairo_show_text_glyphs through Pango), so Bengali copied or extracted from the PDF reads right.
#pragma once

#include "content/model.h"
#include "kiosk/report/atomic_file.h"
#include "kiosk/report/handles.h"

#include <memory>
#include <string>
#include <string_view>

namespace report {

enum class Face { Serif, Sans };
enum class Align { Left, Center, Right };

struct Font {
    Face face = Face::Serif;
    double size = 10.5; // points
    bool bold = false;
};

struct Color {
    double r = 0x17 / 255.0, g = 0x24 / 255.0, b = 0x1e / 255.0; // the kiosk's text colour
    static constexpr Color Rgb(unsigned hex) {
        return {((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0};
    }
};

namespace colors {
constexpr Color kText = Color::Rgb(0x17241e);
constexpr Color kMuted = Color::Rgb(0x4b5b53);
constexpr Color kGreen = Color::Rgb(0x006a4e); // Bangladesh green
constexpr Color kGreenDark = Color::Rgb(0x004d38);
constexpr Color kGreenLight = Color::Rgb(0xe6f1ec);
constexpr Color kRed = Color::Rgb(0xb3261e);
constexpr Color kRedLight = Color::Rgb(0xfbe9e7);
constexpr Color kAmber = Color::Rgb(0x9a5b00);
constexpr Color kAmberLight = Color::Rgb(0xfff1d6);
constexpr Color kBlue = Color::Rgb(0x1f5fa8);
constexpr Color kBlueLight = Color::Rgb(0xe4eefa);
constexpr Color kRule = Color::Rgb(0xb9c4be);
constexpr Color kWhite = Color::Rgb(0xffffff);
} // namespace colors

void SetColor(cairo_t* cr, Color color);

struct Size {
    double w = 0, h = 0;
};

class Typesetter {
  public:
    Typesetter(cairo_t* cr, content::Lang lang);

    // `width` <= 0: one line per paragraph of the text, unwrapped. `markup`: Pango markup (<b>...).
    LayoutPtr Layout(std::string_view text, const Font& font, double width, Align align = Align::Left,
                     bool markup = false) const;
    static Size Measure(PangoLayout* layout);                              // logical size, points
    void Show(PangoLayout* layout, double x, double y, Color color) const; // top-left at (x, y)
    // A laid-out paragraph's line `index`, its logical top at y (x is the layout's left edge).
    void ShowLine(PangoLayout* layout, int index, double x, double y, Color color) const;

    cairo_t* Cr() const { return m_cr; }
    content::Lang Lang() const { return m_lang; }

  private:
    cairo_t* m_cr;
    content::Lang m_lang;
    PangoContextPtr m_context;
};

// One line of a laid-out paragraph: its top and height within the layout, in points.
struct LineBox {
    double top = 0, height = 0;
};
std::vector<LineBox> LinesOf(PangoLayout* layout);

// A PDF written through an AtomicFile: nothing appears under the path until Finish() succeeds.
class PdfOutput {
  public:
    PdfOutput(const std::string& path, double width_pt, double height_pt, content::Lang lang,
              const std::string& title);
    ~PdfOutput();
    PdfOutput(const PdfOutput&) = delete;
    PdfOutput& operator=(const PdfOutput&) = delete;

    bool Ok() const; // false once the file or Cairo failed
    Typesetter& Text() { return *m_text; }
    cairo_t* Cr() const { return m_cr.get(); }
    double Width() const { return m_width; }
    double Height() const { return m_height; }
    void EndPage();
    WriteResult Finish(); // completes the PDF and commits the file; reports the first failure

  private:
    static cairo_status_t WriteBytes(void* closure, const unsigned char* data, unsigned int length);

    AtomicFile m_file;
    double m_width, m_height;
    SurfacePtr m_surface;
    CairoPtr m_cr;
    std::unique_ptr<Typesetter> m_text;
    int m_pages = 0;
};

} // namespace report
