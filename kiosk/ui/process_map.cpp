#include "kiosk/ui/process_map.h"

#include "kiosk/ui/text.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ui {

namespace {

using content::Edge;
using content::EdgeLabel;
using content::StepKind;

struct NodeBox {
    Rect rect;    // the shape's bounding box
    float text_h; // height of its label
};

struct Layout {
    std::vector<NodeBox> nodes;
    std::vector<int> lane_of_edge; // -1 for a straight edge to the next step
    float node_w = 0, lane_x0 = 0, lane_step = 0, height = 0;
};

float LabelWrap(const Context& ui, StepKind kind, float node_w) {
    return kind == StepKind::Decision ? node_w * 0.58f : node_w - ui.Px(36);
}

Layout MakeLayout(Context& ui, const content::ProcessMap& map, ImVec2 origin, float width) {
    Layout layout;
    int lanes = 0;
    for (const Edge& edge : map.edges) {
        const bool straight = map.IndexOf(edge.to) == map.IndexOf(edge.from) + 1;
        layout.lane_of_edge.push_back(straight ? -1 : lanes++);
    }
    layout.lane_step = ui.Px(22);
    const float lane_room = lanes > 0 ? ui.Px(28) + layout.lane_step * static_cast<float>(lanes) : 0;
    layout.node_w = std::min(width - 2 * lane_room, ui.Px(480));
    const float x = origin.x + (width - layout.node_w) * 0.5f;
    layout.lane_x0 = x + layout.node_w + ui.Px(28);

    float y = origin.y;
    const float gap = ui.Px(46);
    for (const content::Step& step : map.steps) {
        const TextOptions wrap{LabelWrap(ui, step.kind, layout.node_w), 3, Align::Center};
        const float text_h = MeasureText(ui.theme, TextStyle::Caption, ui.L(step.label), wrap).y;
        float h = text_h + ui.Px(28);
        if (step.kind == StepKind::Decision) h = text_h * 1.9f + ui.Px(26);
        if (step.kind == StepKind::Document) h += ui.Px(12);
        layout.nodes.push_back({{x, y, layout.node_w, h}, text_h});
        y += h + gap;
    }
    layout.height = map.steps.empty() ? 0 : y - gap - origin.y;
    return layout;
}

void Arrowhead(ImDrawList* draw, ImVec2 tip, ImVec2 direction, float size, ImU32 color) {
    const ImVec2 side{-direction.y, direction.x};
    const ImVec2 base{tip.x - direction.x * size, tip.y - direction.y * size};
    draw->AddTriangleFilled(tip, {base.x + side.x * size * 0.55f, base.y + side.y * size * 0.55f},
                            {base.x - side.x * size * 0.55f, base.y - side.y * size * 0.55f}, color);
}

void DrawShape(Context& ui, StepKind kind, const Rect& r) {
    ImDrawList* draw = ui.draw;
    const float line = ui.Px(2.5f);
    const ImVec2 c{r.x + r.w * 0.5f, r.y + r.h * 0.5f};
    switch (kind) {
    case StepKind::Start:
    case StepKind::End:
        draw->AddRectFilled(r.Min(), r.Max(), kind == StepKind::Start ? color::kGreen : color::kGreenDark,
                            r.h * 0.5f);
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
    case StepKind::Document: {
        // A sheet with a wavy lower edge.
        const float wave = ui.Px(10);
        std::vector<ImVec2> points = {{r.x, r.y}, {r.Right(), r.y}, {r.Right(), r.Bottom() - wave}};
        for (int i = 1; i <= 24; ++i) {
            const float t = static_cast<float>(i) / 24.f;
            points.push_back({r.Right() - r.w * t, r.Bottom() - wave + std::sin(t * 6.2832f) * wave * 0.8f});
        }
        // The outline is star-shaped around the centre, so a fan of triangles fills it.
        for (size_t i = 0; i < points.size(); ++i)
            draw->AddTriangleFilled(c, points[i], points[(i + 1) % points.size()], color::kBlueLight);
        draw->AddPolyline(points.data(), static_cast<int>(points.size()), color::kBlue, ImDrawFlags_Closed,
                          line);
        break;
    }
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

const char* EdgeText(const Context& ui, EdgeLabel label) {
    if (label == EdgeLabel::Yes) return ui.T("হ্যাঁ", "Yes");
    if (label == EdgeLabel::No) return ui.T("না", "No");
    return nullptr;
}

} // namespace

float ProcessMapHeight(Context& ui, const content::ProcessMap& map, float width) {
    return MakeLayout(ui, map, {0, 0}, width).height;
}

float DrawProcessMap(Context& ui, const content::ProcessMap& map, ImVec2 origin, float width) {
    const Layout layout = MakeLayout(ui, map, origin, width);
    ImDrawList* draw = ui.draw;
    const ImU32 edge_color = color::kTextMuted;
    const float thickness = ui.Px(2.5f), head = ui.Px(14);

    for (size_t e = 0; e < map.edges.size(); ++e) {
        const Edge& edge = map.edges[e];
        const int from = map.IndexOf(edge.from), to = map.IndexOf(edge.to);
        const Rect& a = layout.nodes[static_cast<size_t>(from)].rect;
        const Rect& b = layout.nodes[static_cast<size_t>(to)].rect;
        const char* label = EdgeText(ui, edge.label);
        if (layout.lane_of_edge[e] < 0) {
            const ImVec2 p0{a.x + a.w * 0.5f, a.Bottom()}, p1{b.x + b.w * 0.5f, b.y};
            draw->AddLine(p0, {p1.x, p1.y - head * 0.8f}, edge_color, thickness);
            Arrowhead(draw, p1, {0, 1}, head, edge_color);
            if (label)
                DrawText(draw, ui.theme, TextStyle::Caption, {p0.x + ui.Px(10), p0.y + ui.Px(2)}, label,
                         color::kAmber);
            continue;
        }
        // Out of the right side, along its lane, into the target's right side.
        const float lane = layout.lane_x0 + layout.lane_step * static_cast<float>(layout.lane_of_edge[e]);
        const float y0 = a.y + a.h * 0.5f + ui.Px(6) * static_cast<float>(layout.lane_of_edge[e] % 2);
        const float y1 = b.y + b.h * 0.5f - ui.Px(6) * static_cast<float>(layout.lane_of_edge[e] % 2);
        const ImVec2 path[] = {{a.Right(), y0}, {lane, y0}, {lane, y1}, {b.Right() + head * 0.8f, y1}};
        draw->AddPolyline(path, 4, edge_color, 0, thickness);
        Arrowhead(draw, {b.Right(), y1}, {-1, 0}, head, edge_color);
        if (label)
            DrawText(draw, ui.theme, TextStyle::Caption,
                     {a.Right() + ui.Px(6), y0 - LineHeight(ui.theme, TextStyle::Caption)}, label,
                     color::kAmber);
    }

    for (size_t i = 0; i < map.steps.size(); ++i) {
        const content::Step& step = map.steps[i];
        const NodeBox& node = layout.nodes[i];
        DrawShape(ui, step.kind, node.rect);
        const float wrap = LabelWrap(ui, step.kind, node.rect.w);
        const bool on_dark = step.kind == StepKind::Start || step.kind == StepKind::End;
        const float text_y = node.rect.y + (node.rect.h - node.text_h) * 0.5f -
                             (step.kind == StepKind::Document ? ui.Px(5) : 0);
        DrawText(draw, ui.theme, TextStyle::Caption, {node.rect.x + (node.rect.w - wrap) * 0.5f, text_y},
                 ui.L(step.label), on_dark ? color::kTextOnDark : color::kText, {wrap, 3, Align::Center});
    }
    return layout.height;
}

} // namespace ui
