#include "kiosk/ui/process_map.h"

#include "kiosk/ui/text.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <tuple>
#include <vector>

namespace ui {

namespace {

using content::StepKind;
using figures::MapLayout;
using figures::Point;

constexpr int kLabelLines = 4; // a step's label is cut with an ellipsis after this many lines

TextOptions LabelOptions(float wrap) {
    return {wrap, kLabelLines, Align::Center};
}

figures::MapStyle StyleFor(const Context& ui, float label_width) {
    figures::MapStyle style;
    style.label_width = std::round(ui.Px(label_width));
    style.padding_x = ui.Px(18);
    style.padding_y = ui.Px(14);
    style.node_gap = ui.Px(56);
    style.rank_gap = ui.Px(46);
    style.lane_gap = ui.Px(24);
    style.label_gap = ui.Px(6);
    style.wave = ui.Px(10);
    style.terminal_radius = ui.Px(26);
    style.yes = ui.T("হ্যাঁ", "Yes");
    style.no = ui.T("না", "No");
    style.lang = ui.lang;
    return style;
}

size_t HashOf(const content::ProcessMap& map) {
    size_t hash = map.steps.size() * 31 + map.edges.size();
    const auto mix = [&hash](const std::string& text) {
        hash = hash * 1099511628211ull ^ std::hash<std::string>{}(text);
    };
    for (const content::Step& step : map.steps) {
        mix(step.id), mix(step.label.bn), mix(step.label.en);
        hash = hash * 31 + static_cast<size_t>(step.kind);
    }
    for (const content::Edge& edge : map.edges) {
        mix(edge.from), mix(edge.to);
        hash = hash * 31 + static_cast<size_t>(edge.label);
    }
    return hash;
}

// Laid out with the widest labels that let the map fit `width`; a map too wide even with the
// narrowest is scaled down when painted.
MapLayout Fit(const Context& ui, const content::ProcessMap& map, float width) {
    const Theme& theme = ui.theme;
    const figures::MeasureLabel measure = [&theme](std::string_view text, float max_width) {
        const ImVec2 size = MeasureText(theme, TextStyle::Caption, text, LabelOptions(max_width));
        return figures::LabelSize{size.x, size.y};
    };
    MapLayout layout;
    for (const float label_width : {300.f, 250.f, 210.f, 170.f, 140.f}) {
        layout = figures::LayOutProcessMap(map, measure, StyleFor(ui, label_width));
        if (layout.width <= width) break;
    }
    return layout;
}

float ScaleFor(const MapLayout& layout, float width) {
    return layout.width > width && layout.width > 0 ? width / layout.width : 1.f;
}

} // namespace

const MapLayout& ProcessMapLayout(Context& ui, const content::ProcessMap& map, float width) {
    // The text's size counts apart from the screen's scale: a visitor may ask for larger text.
    using Key = std::tuple<size_t, int, long, long, long>;
    static std::map<Key, MapLayout> cache;
    const Key key{HashOf(map), static_cast<int>(ui.lang), std::lround(width), std::lround(ui.Px(1000)),
                  std::lround(LineHeight(ui.theme, TextStyle::Caption) * 100)};
    const auto found = cache.find(key);
    if (found != cache.end()) return found->second;
    if (cache.size() > 64) cache.clear(); // a fair has a few dozen maps; sizes change rarely
    return cache.emplace(key, Fit(ui, map, width)).first->second;
}

float ProcessMapHeight(Context& ui, const content::ProcessMap& map, float width) {
    const MapLayout& layout = ProcessMapLayout(ui, map, width);
    return layout.height * ScaleFor(layout, width);
}

namespace {

// Map units to the screen: scaled to fit, centred in the width given.
struct Transform {
    float scale = 1;
    ImVec2 origin{};
    ImVec2 operator()(Point p) const { return {origin.x + p.x * scale, origin.y + p.y * scale}; }
    Rect operator()(const figures::Box& b) const {
        return {origin.x + b.x * scale, origin.y + b.y * scale, b.w * scale, b.h * scale};
    }
};

void Arrowhead(ImDrawList* draw, ImVec2 tip, ImVec2 from, float size, ImU32 color) {
    const float dx = tip.x - from.x, dy = tip.y - from.y, length = std::sqrt(dx * dx + dy * dy);
    if (length < 0.01f) return;
    const ImVec2 direction{dx / length, dy / length}, side{-direction.y, direction.x};
    const ImVec2 base{tip.x - direction.x * size, tip.y - direction.y * size};
    draw->AddTriangleFilled(tip, {base.x + side.x * size * 0.55f, base.y + side.y * size * 0.55f},
                            {base.x - side.x * size * 0.55f, base.y - side.y * size * 0.55f}, color);
}

void DrawDocument(ImDrawList* draw, const Rect& r, float wave, float line) {
    // A sheet with a wavy lower edge, crossing its middle `wave` above the bottom.
    const ImVec2 c{r.x + r.w * 0.5f, r.y + r.h * 0.5f};
    std::vector<ImVec2> points = {{r.x, r.y}, {r.Right(), r.y}, {r.Right(), r.Bottom() - wave}};
    for (int i = 1; i <= 24; ++i) {
        const float t = static_cast<float>(i) / 24.f;
        points.push_back({r.Right() - r.w * t, r.Bottom() - wave + std::sin(t * 6.2832f) * wave * 0.8f});
    }
    // The outline is star-shaped around the centre, so a fan of triangles fills it.
    for (size_t i = 0; i < points.size(); ++i)
        draw->AddTriangleFilled(c, points[i], points[(i + 1) % points.size()], color::kBlueLight);
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), color::kBlue, ImDrawFlags_Closed, line);
}

void DrawShape(Context& ui, StepKind kind, const Rect& r, float wave, float terminal_radius) {
    ImDrawList* draw = ui.draw;
    const float line = ui.Px(2.5f);
    const ImVec2 c{r.x + r.w * 0.5f, r.y + r.h * 0.5f};
    switch (kind) {
    case StepKind::Start:
    case StepKind::End:
        draw->AddRectFilled(r.Min(), r.Max(), kind == StepKind::Start ? color::kGreen : color::kGreenDark,
                            std::min(r.h * 0.5f, terminal_radius));
        break;
    case StepKind::Activity:
        draw->AddRectFilled(r.Min(), r.Max(), color::kSurface, ui.Px(8));
        draw->AddRect(r.Min(), r.Max(), color::kGreen, ui.Px(8), 0, line);
        break;
    case StepKind::Decision: {
        const ImVec2 points[] = {{c.x, r.y}, {r.Right(), c.y}, {c.x, r.Bottom()}, {r.x, c.y}};
        draw->AddConvexPolyFilled(points, 4, color::kAmberLight);
        draw->AddPolyline(points, 4, color::kAmber, ImDrawFlags_Closed, line);
        break;
    }
    case StepKind::Document:
        DrawDocument(draw, r, wave, line);
        break;
    case StepKind::Wait: {
        draw->AddRectFilled(r.Min(), r.Max(), color::Rgb(0xf1ecf8), ui.Px(8));
        draw->AddRect(r.Min(), r.Max(), color::Rgb(0x6b4fa0), ui.Px(8), 0, line);
        // An hourglass at the left: waiting.
        const float s = ui.Px(11);
        const ImVec2 h{r.x + ui.Px(22), c.y};
        draw->AddTriangleFilled({h.x - s, h.y - s * 1.3f}, {h.x + s, h.y - s * 1.3f}, h,
                                color::Rgb(0x6b4fa0));
        draw->AddTriangleFilled({h.x - s, h.y + s * 1.3f}, {h.x + s, h.y + s * 1.3f}, h,
                                color::Rgb(0x6b4fa0));
        break;
    }
    }
}

void DrawEdges(Context& ui, const MapLayout& layout, const Transform& to_screen) {
    const ImU32 edge_color = color::kTextMuted;
    const float thickness = ui.Px(2.5f), head = ui.Px(14);
    for (const figures::MapEdge& edge : layout.edges) {
        if (edge.path.size() < 2) continue;
        std::vector<ImVec2> points;
        for (const Point& p : edge.path)
            points.push_back(to_screen(p));
        // Stop the line where the arrowhead begins, so its tip stays sharp.
        const ImVec2 tip = points.back(), before = points[points.size() - 2];
        const float dx = tip.x - before.x, dy = tip.y - before.y, length = std::sqrt(dx * dx + dy * dy);
        if (length > head)
            points.back() = {tip.x - dx / length * head * 0.8f, tip.y - dy / length * head * 0.8f};
        ui.draw->AddPolyline(points.data(), static_cast<int>(points.size()), edge_color, 0, thickness);
        Arrowhead(ui.draw, tip, before, head, edge_color);
        if (!edge.label.empty()) {
            const Rect box = to_screen(edge.label_box);
            DrawText(ui.draw, ui.theme, TextStyle::Caption, box.Min(), edge.label, color::kAmber);
        }
    }
}

} // namespace

float DrawProcessMap(Context& ui, const content::ProcessMap& map, ImVec2 origin, float width) {
    const MapLayout& layout = ProcessMapLayout(ui, map, width);
    const float scale = ScaleFor(layout, width);
    const Transform to_screen{scale,
                              {std::round(origin.x + (width - layout.width * scale) * 0.5f), origin.y}};
    DrawEdges(ui, layout, to_screen);
    for (const figures::MapNode& node : layout.nodes) {
        DrawShape(ui, node.kind, to_screen(node.box), layout.wave * scale, layout.terminal_radius * scale);
        const Rect label = to_screen(node.label_box);
        const float wrap = node.label_wrap * scale;
        const bool on_dark = node.kind == StepKind::Start || node.kind == StepKind::End;
        DrawText(ui.draw, ui.theme, TextStyle::Caption, {label.x + label.w * 0.5f - wrap * 0.5f, label.y},
                 node.label, on_dark ? color::kTextOnDark : color::kText, LabelOptions(wrap));
    }
    return layout.height * scale;
}

} // namespace ui
