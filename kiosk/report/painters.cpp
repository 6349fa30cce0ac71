// Cairo painters for process maps and QR codes (see painters.h).
#include "kiosk/report/painters.h"

#include <algorithm>
#include <cmath>

namespace report {

using content::StepKind;

namespace {

Font LabelFont() {
    return {Face::Sans, kMapLabelSize, false};
}

figures::MapStyle PrintStyle(content::Lang lang, double label_width) {
    // The screen's proportions (design pixels at a 1080-line screen) at about a third: points.
    figures::MapStyle style;
    style.label_width = static_cast<float>(label_width);
    style.padding_x = 7;
    style.padding_y = 5;
    style.node_gap = 20;
    style.rank_gap = 16;
    style.lane_gap = 9;
    style.label_gap = 2.5f;
    style.wave = 4;
    style.terminal_radius = 10;
    style.yes = lang == content::Lang::Bengali ? "হ্যাঁ" : "Yes";
    style.no = lang == content::Lang::Bengali ? "না" : "No";
    style.lang = lang;
    return style;
}

} // namespace

figures::MapLayout LayOutForPrint(Typesetter& text, const content::ProcessMap& map, double max_width) {
    const figures::MeasureLabel measure = [&text](std::string_view label, float max) {
        LayoutPtr layout = text.Layout(label, LabelFont(), max, Align::Center);
        const Size size = Typesetter::Measure(layout.get());
        return figures::LabelSize{static_cast<float>(size.w), static_cast<float>(size.h)};
    };
    figures::MapLayout layout;
    for (const double label_width : {110.0, 92.0, 78.0, 64.0}) {
        layout = figures::LayOutProcessMap(map, measure, PrintStyle(text.Lang(), label_width));
        if (layout.width <= max_width) break;
    }
    return layout;
}

namespace {

void Arrowhead(cairo_t* cr, figures::Point tip, figures::Point from, double size) {
    const double dx = tip.x - from.x, dy = tip.y - from.y, length = std::hypot(dx, dy);
    if (length < 0.01) return;
    const double ux = dx / length, uy = dy / length, sx = -uy, sy = ux;
    const double bx = tip.x - ux * size, by = tip.y - uy * size;
    cairo_move_to(cr, tip.x, tip.y);
    cairo_line_to(cr, bx + sx * size * 0.55, by + sy * size * 0.55);
    cairo_line_to(cr, bx - sx * size * 0.55, by - sy * size * 0.55);
    cairo_close_path(cr);
    cairo_fill(cr);
}

void RoundedRect(cairo_t* cr, const figures::Box& b, double radius) {
    const double r = std::min<double>(radius, std::min(b.w, b.h) * 0.5);
    cairo_new_sub_path(cr);
    cairo_arc(cr, b.x + b.w - r, b.y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, b.x + b.w - r, b.y + b.h - r, r, 0, M_PI / 2);
    cairo_arc(cr, b.x + r, b.y + b.h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, b.x + r, b.y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

void FillAndStroke(cairo_t* cr, Color fill, Color line, double width) {
    SetColor(cr, fill);
    cairo_fill_preserve(cr);
    SetColor(cr, line);
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
}

void DrawShape(cairo_t* cr, StepKind kind, const figures::Box& r, double wave, double terminal_radius) {
    constexpr double kLine = 1.0;
    const Color wait = Color::Rgb(0x6b4fa0);
    switch (kind) {
    case StepKind::Start:
    case StepKind::End:
        RoundedRect(cr, r, std::min<double>(r.h * 0.5, terminal_radius));
        SetColor(cr, kind == StepKind::Start ? colors::kGreen : colors::kGreenDark);
        cairo_fill(cr);
        break;
    case StepKind::Activity:
        RoundedRect(cr, r, 3);
        FillAndStroke(cr, colors::kWhite, colors::kGreen, kLine);
        break;
    case StepKind::Decision:
        cairo_move_to(cr, r.x + r.w / 2, r.y);
        cairo_line_to(cr, r.Right(), r.y + r.h / 2);
        cairo_line_to(cr, r.x + r.w / 2, r.Bottom());
        cairo_line_to(cr, r.x, r.y + r.h / 2);
        cairo_close_path(cr);
        FillAndStroke(cr, colors::kAmberLight, colors::kAmber, kLine);
        break;
    case StepKind::Document: // a sheet with a wavy lower edge crossing its middle `wave` above the bottom
        cairo_move_to(cr, r.x, r.y);
        cairo_line_to(cr, r.Right(), r.y);
        cairo_line_to(cr, r.Right(), r.Bottom() - wave);
        for (int i = 1; i <= 24; ++i) {
            const double t = i / 24.0;
            cairo_line_to(cr, r.Right() - r.w * t, r.Bottom() - wave + std::sin(t * 6.2832) * wave * 0.8);
        }
        cairo_close_path(cr);
        FillAndStroke(cr, colors::kBlueLight, colors::kBlue, kLine);
        break;
    case StepKind::Wait: {
        RoundedRect(cr, r, 3);
        FillAndStroke(cr, Color::Rgb(0xf1ecf8), wait, kLine);
        const double s = 4.2, hx = r.x + 8.5, hy = r.y + r.h / 2; // an hourglass: waiting
        cairo_move_to(cr, hx - s, hy - s * 1.3);
        cairo_line_to(cr, hx + s, hy - s * 1.3);
        cairo_line_to(cr, hx, hy);
        cairo_close_path(cr);
        cairo_move_to(cr, hx - s, hy + s * 1.3);
        cairo_line_to(cr, hx + s, hy + s * 1.3);
        cairo_line_to(cr, hx, hy);
        cairo_close_path(cr);
        SetColor(cr, wait);
        cairo_fill(cr);
        break;
    }
    }
}

void DrawEdges(Typesetter& text, const figures::MapLayout& layout) {
    cairo_t* cr = text.Cr();
    constexpr double kHead = 5.5;
    for (const figures::MapEdge& edge : layout.edges) {
        if (edge.path.size() < 2) continue;
        const figures::Point tip = edge.path.back(), before = edge.path[edge.path.size() - 2];
        const double dx = tip.x - before.x, dy = tip.y - before.y, length = std::hypot(dx, dy);
        cairo_move_to(cr, edge.path[0].x, edge.path[0].y);
        for (size_t i = 1; i + 1 < edge.path.size(); ++i)
            cairo_line_to(cr, edge.path[i].x, edge.path[i].y);
        // Stop the line where the arrowhead begins, so its tip stays sharp.
        if (length > kHead)
            cairo_line_to(cr, tip.x - dx / length * kHead * 0.8, tip.y - dy / length * kHead * 0.8);
        else
            cairo_line_to(cr, tip.x, tip.y);
        SetColor(cr, colors::kMuted);
        cairo_set_line_width(cr, 1.0);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        Arrowhead(cr, tip, before, kHead);
        if (!edge.label.empty()) {
            LayoutPtr label = text.Layout(edge.label, LabelFont(), 0);
            text.Show(label.get(), edge.label_box.x, edge.label_box.y, colors::kAmber);
        }
    }
}

} // namespace

void PaintProcessMap(Typesetter& text, const figures::MapLayout& layout, double x, double y, double scale) {
    cairo_t* cr = text.Cr();
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, scale, scale);
    DrawEdges(text, layout);
    for (const figures::MapNode& node : layout.nodes) {
        DrawShape(cr, node.kind, node.box, layout.wave, layout.terminal_radius);
        LayoutPtr label = text.Layout(node.label, LabelFont(), node.label_wrap, Align::Center);
        const bool on_dark = node.kind == StepKind::Start || node.kind == StepKind::End;
        const double left = node.label_box.x + node.label_box.w * 0.5 - node.label_wrap * 0.5;
        text.Show(label.get(), left, node.label_box.y, on_dark ? colors::kWhite : colors::kText);
    }
    cairo_restore(cr);
}

void PaintQrCode(cairo_t* cr, const figures::QrCode& code, double x, double y, double side) {
    const double module = side / code.SizeWithQuietZone();
    SetColor(cr, colors::kWhite);
    cairo_rectangle(cr, x, y, side, side);
    cairo_fill(cr);
    const double origin_x = x + figures::QrCode::kQuietZone * module;
    const double origin_y = y + figures::QrCode::kQuietZone * module;
    // Runs of dark modules as one rectangle each: fewer path elements, no hairline seams.
    for (int row = 0; row < code.Size(); ++row) {
        for (int col = 0; col < code.Size();) {
            if (!code.Dark(col, row)) {
                ++col;
                continue;
            }
            int end = col;
            while (end < code.Size() && code.Dark(end, row))
                ++end;
            cairo_rectangle(cr, origin_x + col * module, origin_y + row * module, (end - col) * module,
                            module);
            col = end;
        }
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_fill(cr);
}

} // namespace report
