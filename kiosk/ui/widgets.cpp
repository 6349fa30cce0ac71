#include "kiosk/ui/widgets.h"

#include "content/locale.h"

#include <algorithm>

namespace ui {

std::string Context::Number(double value, int decimals) const {
    return content::FormatNumber(value, lang, decimals);
}

void Context::AddTarget(const Rect& rect, bool enabled) {
    if (next_name.empty()) return;
    const float x0 = std::max(rect.x, clip.x), y0 = std::max(rect.y, clip.y);
    const float x1 = std::min(rect.Right(), clip.Right()), y1 = std::min(rect.Bottom(), clip.Bottom());
    if (x1 - x0 >= 1 && y1 - y0 >= 1)
        targets.push_back({std::move(next_name), {x0, y0, x1 - x0, y1 - y0}, enabled});
    next_name.clear();
}

bool Button(Context& ui, const Rect& rect, std::string_view label, ButtonKind kind, bool enabled) {
    ui.AddTarget(rect, enabled);
    const bool pressing = enabled && ui.Pressing(rect);
    ImU32 fill = color::kSurface, text = color::kGreenDark, border = color::kBorder;
    if (!enabled)
        fill = color::kBackground, text = color::Rgb(0x8a968f);
    else if (kind == ButtonKind::Primary)
        fill = pressing ? color::kGreenDark : color::kGreen, text = color::kTextOnDark, border = 0;
    else if (kind == ButtonKind::OnDark)
        fill = pressing ? color::Rgb(0xffffff, 70) : color::Rgb(0xffffff, 36), text = color::kTextOnDark,
        border = color::Rgb(0xffffff, 110);
    else if (pressing)
        fill = color::kSurfacePressed;
    ui.draw->AddRectFilled(rect.Min(), rect.Max(), fill, rect.h * 0.5f);
    if (border) ui.draw->AddRect(rect.Min(), rect.Max(), border, rect.h * 0.5f, 0, ui.Px(2));
    const TextOptions centered{rect.w - ui.Px(24), 1, Align::Center};
    const float line = LineHeight(ui.theme, TextStyle::BodyBold);
    DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {rect.x + ui.Px(12), rect.y + (rect.h - line) * 0.5f},
             label, text, centered);
    return enabled && ui.Tapped(rect);
}

bool Card(Context& ui, const Rect& rect, ImU32 fill) {
    ui.AddTarget(rect);
    const float r = ui.theme.Radius();
    const bool pressing = ui.Pressing(rect);
    ui.draw->AddRectFilled({rect.x, rect.y + ui.Px(3)}, {rect.Right(), rect.Bottom() + ui.Px(4)},
                           color::kShadow, r);
    ui.draw->AddRectFilled(rect.Min(), rect.Max(), pressing ? color::kSurfacePressed : fill, r);
    ui.draw->AddRect(rect.Min(), rect.Max(), pressing ? color::kGreen : color::kBorder, r, 0,
                     ui.Px(pressing ? 3 : 1.5f));
    return ui.Tapped(rect);
}

float ChipHeight(const Context& ui) {
    return LineHeight(ui.theme, TextStyle::Caption) + ui.Px(6);
}

float ChipWidth(const Context& ui, std::string_view text) {
    return MeasureText(ui.theme, TextStyle::Caption, text).x + ui.Px(28);
}

float Chip(Context& ui, ImVec2 pos, std::string_view text, ImU32 fg, ImU32 bg) {
    const float width = ChipWidth(ui, text), height = ChipHeight(ui);
    ui.draw->AddRectFilled(pos, {pos.x + width, pos.y + height}, bg, height * 0.5f);
    DrawText(ui.draw, ui.theme, TextStyle::Caption, {pos.x + ui.Px(14), pos.y + ui.Px(3)}, text, fg);
    return width;
}

void CropToFill(const GlTexture& texture, float width, float height, ImVec2& uv0, ImVec2& uv1) {
    const float aspect_box = width / height;
    const float aspect_tex = static_cast<float>(texture.Width()) / static_cast<float>(texture.Height());
    uv0 = {0, 0}, uv1 = {1, 1};
    if (aspect_tex > aspect_box) {
        uv0.x = (1 - aspect_box / aspect_tex) * 0.5f, uv1.x = 1 - uv0.x;
    } else {
        uv0.y = (1 - aspect_tex / aspect_box) * 0.5f, uv1.y = 1 - uv0.y;
    }
}

const std::string& CoverPath(const std::vector<content::Photo>& photos) {
    static const std::string none;
    return photos.empty() ? none : photos.front().file;
}

void Picture(Context& ui, const Rect& rect, const std::string& path, float rounding, ImDrawFlags corners) {
    PictureState state = PictureState::Failed;
    const GlTexture* texture =
        path.empty() ? nullptr : ui.pictures.Get(path, std::max(rect.w, rect.h), &state);
    if (state == PictureState::Loading) {
        ui.draw->AddRectFilled(rect.Min(), rect.Max(), color::kGreenLight, rounding, corners);
        return;
    }
    if (!texture) {
        ui.draw->AddRectFilled(rect.Min(), rect.Max(), color::kGreenLight, rounding, corners);
        const ImVec2 c{rect.x + rect.w * 0.5f, rect.y + rect.h * 0.5f};
        const float s = std::min(rect.w, rect.h) * 0.18f;
        // A simple landscape glyph: a frame, a sun and a hill.
        ui.draw->AddRect({c.x - s * 1.4f, c.y - s}, {c.x + s * 1.4f, c.y + s}, color::kBorder, s * 0.2f, 0,
                         ui.Px(3));
        ui.draw->AddCircleFilled({c.x + s * 0.6f, c.y - s * 0.4f}, s * 0.25f, color::kBorder);
        ui.draw->AddTriangleFilled({c.x - s * 1.2f, c.y + s * 0.85f}, {c.x - s * 0.2f, c.y - s * 0.2f},
                                   {c.x + s * 0.8f, c.y + s * 0.85f}, color::kBorder);
        return;
    }
    ImVec2 uv0, uv1;
    CropToFill(*texture, rect.w, rect.h, uv0, uv1);
    ui.draw->AddImageRounded(texture->Id(), rect.Min(), rect.Max(), uv0, uv1, IM_COL32_WHITE, rounding,
                             corners);
}

void HomeIcon(ImDrawList* draw, ImVec2 c, float s, ImU32 color) {
    const float t = s * 0.1f;
    draw->AddTriangleFilled({c.x - s * 0.52f, c.y - s * 0.02f}, {c.x, c.y - s * 0.48f},
                            {c.x + s * 0.52f, c.y - s * 0.02f}, color);
    draw->AddRect({c.x - s * 0.32f, c.y - s * 0.08f}, {c.x + s * 0.32f, c.y + s * 0.42f}, color, 0, 0, t);
    draw->AddRectFilled({c.x - s * 0.08f, c.y + s * 0.14f}, {c.x + s * 0.08f, c.y + s * 0.42f}, color);
}

void BackIcon(ImDrawList* draw, ImVec2 c, float s, ImU32 color) {
    const float t = s * 0.12f;
    draw->AddLine({c.x - s * 0.4f, c.y}, {c.x + s * 0.4f, c.y}, color, t);
    draw->AddLine({c.x - s * 0.42f, c.y}, {c.x - s * 0.05f, c.y - s * 0.36f}, color, t);
    draw->AddLine({c.x - s * 0.42f, c.y}, {c.x - s * 0.05f, c.y + s * 0.36f}, color, t);
}

void CheckIcon(ImDrawList* draw, ImVec2 c, float s, ImU32 color, float thickness) {
    const ImVec2 points[] = {{c.x - s * 0.42f, c.y + s * 0.02f},
                             {c.x - s * 0.12f, c.y + s * 0.32f},
                             {c.x + s * 0.45f, c.y - s * 0.3f}};
    draw->AddPolyline(points, 3, color, ImDrawFlags_None, thickness);
}

void ArrowRight(ImDrawList* draw, ImVec2 c, float s, ImU32 color, float thickness) {
    draw->AddLine({c.x - s * 0.5f, c.y}, {c.x + s * 0.45f, c.y}, color, thickness);
    draw->AddLine({c.x + s * 0.5f, c.y}, {c.x + s * 0.1f, c.y - s * 0.35f}, color, thickness);
    draw->AddLine({c.x + s * 0.5f, c.y}, {c.x + s * 0.1f, c.y + s * 0.35f}, color, thickness);
}

} // namespace ui
