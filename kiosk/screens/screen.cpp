#include "kiosk/screens/screen.h"

#include "kiosk/ui/text.h"

#include <algorithm>

namespace kiosk {

int GridColumns(const ui::Context& ui, float width, float min_width, int max_columns) {
    const float gap = ui.theme.Gap();
    return std::clamp(static_cast<int>((width + gap) / (ui.Px(min_width) + gap)), 1, max_columns);
}

int BalancedColumns(int columns, size_t count) {
    auto rows = [&](int c) { return (count + static_cast<size_t>(c) - 1) / static_cast<size_t>(c); };
    while (columns > 1 && count % static_cast<size_t>(columns) != 0 && rows(columns - 1) == rows(columns)) --columns;
    return columns;
}

std::string InnovationCount(const ui::Context& ui, size_t count) {
    const std::string n = ui.Number(static_cast<double>(count));
    return ui.Bengali() ? n + "টি উদ্ভাবন" : n + (count == 1 ? " innovation" : " innovations");
}

float PageMargin(const ui::Context& ui) { return ui.Portrait() ? ui.Px(32) : ui.Px(56); }

float SectionHeading(ui::Context& ui, float x, float y, float width, const std::string& text) {
    ui.draw->AddRectFilled({x, y + ui.Px(8)}, {x + ui.Px(8), y + ui::LineHeight(ui.theme, ui::TextStyle::Heading) - ui.Px(8)},
                           ui::color::kRed, ui.Px(4));
    const ImVec2 size = ui::DrawText(ui.draw, ui.theme, ui::TextStyle::Heading, {x + ui.Px(22), y}, text, ui::color::kText,
                                     {width - ui.Px(22), 2});
    return y + size.y + ui.Px(16);
}

} // namespace kiosk
