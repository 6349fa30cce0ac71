#include "kiosk/ui/text.h"

#include "kiosk/text/engine.h"
#include "kiosk/ui/text_painter.h"

#include <cmath>
#include <memory>

namespace ui {

namespace {

// One engine for the process: the fonts, the caches and the atlas are shared by every screen.
std::unique_ptr<text::Engine> g_engine;
bool g_engine_has_gl = false;

text::Engine& Engine() {
    if (!g_engine)
        g_engine =
            std::make_unique<text::Engine>(text::FindFonts(), std::make_unique<text::NullTextureBackend>());
    return *g_engine;
}

text::Style StyleOf(const Theme& theme, TextStyle style) {
    const bool bold = style != TextStyle::Caption && style != TextStyle::Body;
    return {bold ? text::Weight::Bold : text::Weight::Regular, theme.FontSize(style),
            LineHeight(theme, style)};
}

static_assert(static_cast<int>(Align::Justify) == static_cast<int>(text::Align::Justify));

text::LayoutOptions OptionsOf(const TextOptions& options) {
    return {options.wrap_width, options.max_lines, static_cast<text::Align>(options.align)};
}

} // namespace

std::string StartText() {
    if (g_engine && g_engine_has_gl) return {};
    try {
        g_engine = std::make_unique<text::Engine>(text::FindFonts(), std::make_unique<GlAtlasPages>());
        g_engine_has_gl = true;
    } catch (const text::FontError& e) {
        return e.what();
    }
    return {};
}

void StopText() {
    g_engine.reset();
    g_engine_has_gl = false;
}

void BeginTextFrame() {
    Engine().BeginFrame();
}

float LineHeight(const Theme& theme, TextStyle style) {
    return std::round(theme.FontSize(style) * 1.45f);
}

ImVec2 MeasureText(const Theme& theme, TextStyle style, std::string_view text, const TextOptions& options) {
    const text::Size size = Engine().Measure(text, StyleOf(theme, style), OptionsOf(options));
    return {size.width, size.height};
}

ImVec2 DrawText(ImDrawList* draw, const Theme& theme, TextStyle style, ImVec2 pos, std::string_view text,
                ImU32 color, const TextOptions& options) {
    return PaintText(Engine(), draw, pos, text, StyleOf(theme, style), OptionsOf(options), color);
}

} // namespace ui
