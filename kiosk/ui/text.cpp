#include "kiosk/ui/text.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace ui {

namespace {

struct Line {
    std::string_view text;
    float width;
};

ImFont* FontOf(const Theme& theme, TextStyle style) { return theme.fonts[static_cast<int>(style)]; }

float Width(ImFont* font, float size, std::string_view text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

// Steps back to the start of the UTF-8 sequence that ends before `end`.
size_t PreviousCodepoint(std::string_view text, size_t end) {
    size_t i = end;
    while (i > 0 && (static_cast<unsigned char>(text[i - 1]) & 0xC0) == 0x80) --i;
    return i > 0 ? i - 1 : 0;
}

std::string_view TrimEnd(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    return text;
}

std::vector<Line> BreakLines(ImFont* font, float size, std::string_view text, const TextOptions& options) {
    std::vector<Line> lines;
    const char* begin = text.data();
    const char* end = begin + text.size();
    while (begin < end) {
        const char* stop = options.wrap_width > 0 ? font->CalcWordWrapPositionA(size / font->FontSize, begin, end, options.wrap_width)
                                                  : end;
        const char* newline = std::find(begin, stop, '\n');
        if (newline < stop) stop = newline;
        if (stop == begin) stop = begin + 1; // a single glyph wider than the line still moves on
        std::string_view line = TrimEnd(std::string_view(begin, static_cast<size_t>(stop - begin)));
        lines.push_back({line, Width(font, size, line)});
        begin = stop;
        while (begin < end && (*begin == ' ' || *begin == '\n')) {
            if (*begin++ == '\n') break;
        }
    }
    return lines;
}

void Ellipsize(ImFont* font, float size, Line& line, std::string& storage, float max_width) {
    static constexpr std::string_view kEllipsis = "…";
    const float room = max_width - Width(font, size, kEllipsis);
    size_t cut = line.text.size();
    while (cut > 0 && Width(font, size, line.text.substr(0, cut)) > room) cut = PreviousCodepoint(line.text, cut);
    storage = std::string(TrimEnd(line.text.substr(0, cut))) + std::string(kEllipsis);
    line = {storage, Width(font, size, storage)};
}

} // namespace

float LineHeight(const Theme& theme, TextStyle style) { return std::round(theme.FontSize(style) * 1.45f); }

static std::vector<Line> Layout(const Theme& theme, TextStyle style, std::string_view text, const TextOptions& options,
                                std::string& storage) {
    ImFont* font = FontOf(theme, style);
    const float size = theme.FontSize(style);
    std::vector<Line> lines = BreakLines(font, size, text, options);
    const bool clipped = options.max_lines > 0 && lines.size() > static_cast<size_t>(options.max_lines);
    if (clipped) lines.resize(static_cast<size_t>(options.max_lines));
    const float limit = options.wrap_width > 0 ? options.wrap_width : FLT_MAX;
    if (!lines.empty() && (clipped || lines.back().width > limit)) Ellipsize(font, size, lines.back(), storage, limit);
    return lines;
}

ImVec2 MeasureText(const Theme& theme, TextStyle style, std::string_view text, const TextOptions& options) {
    std::string storage;
    const std::vector<Line> lines = Layout(theme, style, text, options, storage);
    float width = 0;
    for (const Line& line : lines) width = std::max(width, line.width);
    return {width, LineHeight(theme, style) * static_cast<float>(lines.size())};
}

ImVec2 DrawText(ImDrawList* draw, const Theme& theme, TextStyle style, ImVec2 pos, std::string_view text, ImU32 color,
                const TextOptions& options) {
    std::string storage;
    const std::vector<Line> lines = Layout(theme, style, text, options, storage);
    ImFont* font = FontOf(theme, style);
    const float size = theme.FontSize(style), line_height = LineHeight(theme, style);
    // Centre the glyphs' em box in the line box.
    float y = pos.y + std::round((line_height - size) * 0.5f);
    float width = 0;
    for (const Line& line : lines) {
        float x = pos.x;
        if (options.align == Align::Center) x += std::round((options.wrap_width - line.width) * 0.5f);
        if (options.align == Align::Right) x += options.wrap_width - line.width;
        draw->AddText(font, size, {x, y}, color, line.text.data(), line.text.data() + line.text.size());
        y += line_height;
        width = std::max(width, line.width);
    }
    return {width, line_height * static_cast<float>(lines.size())};
}

} // namespace ui
