// demo_pictures: draws the built-in demo fair's photos at build time.
//
// The demo fair must not ship downloaded photos, so this tool reads every innovation of a content pack
// and draws each listed photo as a flat illustration with Cairo: the first photo is a device showing an
// app, any later photo a scene (a fair stall, an office's service hall with counters and a queue, or an
// office building with the flag), always with people of varied skin tones and clothes. The
// drawing is deterministic: layout comes from a hash of the file name, colours from the innovation's
// office, category and id, so innovations of one office share a palette family.
//
//     demo_pictures <source_pack_dir> <output_pack_dir>

#include <cairo.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

constexpr int kWidth = 1280;
constexpr int kHeight = 800;
constexpr double kPi = 3.14159265358979323846;

// ---------------------------------------------------------------------------------------------------
// Hashing, randomness and colour

uint64_t Fnv1a(const std::string& text, uint64_t hash = 14695981039346656037ull) {
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

// SplitMix64: small, fast and identical on every platform, unlike std::uniform_*_distribution.
class Rng {
  public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t Next() {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    double Uniform(double lo, double hi) {
        return lo + (hi - lo) * static_cast<double>(Next() >> 11) * 0x1p-53;
    }
    int Int(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
    bool Chance(double p) { return Uniform(0, 1) < p; }
    template <class T> const T& Pick(const std::vector<T>& items) {
        return items[static_cast<size_t>(Int(static_cast<int>(items.size())))];
    }

  private:
    uint64_t state_;
};

struct Rgb {
    double r, g, b;
};

constexpr Rgb Hex(uint32_t rgb) {
    return {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0};
}

constexpr Rgb kBdGreen = Hex(0x006a4e);
constexpr Rgb kBdRed = Hex(0xf42a41);
constexpr Rgb kWhite = Hex(0xffffff);
constexpr Rgb kInk = Hex(0x263238);

Rgb Mix(Rgb a, Rgb b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}
Rgb Lighten(Rgb c, double t) {
    return Mix(c, kWhite, t);
}
Rgb Darken(Rgb c, double t) {
    return Mix(c, Hex(0x101820), t);
}

Rgb Hsl(double hue, double sat, double light) {
    hue = std::fmod(std::fmod(hue, 360.0) + 360.0, 360.0);
    double chroma = (1 - std::fabs(2 * light - 1)) * sat;
    double x = chroma * (1 - std::fabs(std::fmod(hue / 60.0, 2.0) - 1));
    double m = light - chroma / 2;
    Rgb c{};
    if (hue < 60)
        c = {chroma, x, 0};
    else if (hue < 120)
        c = {x, chroma, 0};
    else if (hue < 180)
        c = {0, chroma, x};
    else if (hue < 240)
        c = {0, x, chroma};
    else if (hue < 300)
        c = {x, 0, chroma};
    else
        c = {chroma, 0, x};
    return {c.r + m, c.g + m, c.b + m};
}

// The colours of one innovation. The hue family comes from the office, the second hue from the
// category, the fine shades and the accent from the innovation id.
struct Palette {
    Rgb bg_top, bg_bottom; // soft background gradient
    Rgb primary, primary_dark, secondary, accent;
    Rgb surface, line; // app cards and their grey "text" bars
};

Palette MakePalette(const std::string& office, const std::string& category, const std::string& id) {
    static const std::vector<double> kHues = {158, 172, 195, 212, 228, 250, 275, 330, 18, 32};
    Rng office_rng(Fnv1a(office, 0x6f6666696365ull));
    Rng category_rng(Fnv1a(category, 0x63617465ull));
    Rng id_rng(Fnv1a(id));
    double hue = office_rng.Pick(kHues) + id_rng.Uniform(-8, 8);
    double second = hue + (category_rng.Chance(0.5) ? 1 : -1) * category_rng.Uniform(35, 70);
    Palette p{};
    p.primary = Hsl(hue, id_rng.Uniform(0.50, 0.62), id_rng.Uniform(0.38, 0.45));
    p.primary_dark = Darken(p.primary, 0.35);
    p.secondary = Hsl(second, 0.65, 0.58);
    p.accent = id_rng.Chance(0.5) ? kBdGreen : kBdRed;
    p.bg_top = Hsl(hue, 0.45, 0.95);
    p.bg_bottom = Hsl(hue + 25, 0.35, 0.87);
    p.surface = kWhite;
    p.line = Hex(0xd5dbe1);
    return p;
}

const std::vector<Rgb> kSkinTones = {Hex(0x8d5524), Hex(0xc68642), Hex(0xe0ac69), Hex(0xa86b3c),
                                     Hex(0x6b4226), Hex(0xd49a6a), Hex(0xb97a4f)};
const std::vector<Rgb> kClothes = {Hex(0x2e86ab), Hex(0xf18f01), Hex(0xc73e1d), Hex(0x3b8b5a),
                                   Hex(0x6a4c93), Hex(0xe56399), Hex(0x1b998b), Hex(0xf4d35e),
                                   Hex(0x4361ee), Hex(0xffffff), Hex(0x9c6644), Hex(0x2b2d42)};
const std::vector<Rgb> kTrousers = {Hex(0x2b2d42), Hex(0x3d405b), Hex(0x5c4d3c), Hex(0x22333b),
                                    Hex(0x4a4e69)};
const std::vector<Rgb> kHair = {Hex(0x1b1b1b), Hex(0x2d1e17), Hex(0x3b2a20), Hex(0x555555)};

// ---------------------------------------------------------------------------------------------------
// Drawing primitives

void SetColor(cairo_t* cr, Rgb c, double alpha = 1.0) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

void RoundedRectPath(cairo_t* cr, double x, double y, double w, double h, double r) {
    r = std::min({r, w / 2, h / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -kPi / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, kPi / 2);
    cairo_arc(cr, x + r, y + h - r, r, kPi / 2, kPi);
    cairo_arc(cr, x + r, y + r, r, kPi, 3 * kPi / 2);
    cairo_close_path(cr);
}

void FillRoundedRect(cairo_t* cr, double x, double y, double w, double h, double r, Rgb c, double alpha = 1) {
    RoundedRectPath(cr, x, y, w, h, r);
    SetColor(cr, c, alpha);
    cairo_fill(cr);
}

void FillRect(cairo_t* cr, double x, double y, double w, double h, Rgb c, double alpha = 1) {
    cairo_rectangle(cr, x, y, w, h);
    SetColor(cr, c, alpha);
    cairo_fill(cr);
}

void FillCircle(cairo_t* cr, double cx, double cy, double r, Rgb c, double alpha = 1) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, cx, cy, r, 0, 2 * kPi);
    SetColor(cr, c, alpha);
    cairo_fill(cr);
}

void FillEllipse(cairo_t* cr, double cx, double cy, double rx, double ry, Rgb c, double alpha = 1) {
    cairo_save(cr);
    cairo_translate(cr, cx, cy);
    cairo_scale(cr, rx, ry);
    cairo_new_sub_path(cr);
    cairo_arc(cr, 0, 0, 1, 0, 2 * kPi);
    cairo_restore(cr);
    SetColor(cr, c, alpha);
    cairo_fill(cr);
}

void FillVerticalGradient(cairo_t* cr, double x, double y, double w, double h, Rgb top, Rgb bottom) {
    cairo_pattern_t* gradient = cairo_pattern_create_linear(0, y, 0, y + h);
    cairo_pattern_add_color_stop_rgb(gradient, 0, top.r, top.g, top.b);
    cairo_pattern_add_color_stop_rgb(gradient, 1, bottom.r, bottom.g, bottom.b);
    cairo_rectangle(cr, x, y, w, h);
    cairo_set_source(cr, gradient);
    cairo_fill(cr);
    cairo_pattern_destroy(gradient);
}

// Grey bars standing for lines of text (the pictures carry no real text).
void DrawTextLines(cairo_t* cr, Rng& rng, double x, double y, double w, int lines, double height, Rgb c) {
    for (int i = 0; i < lines; ++i) {
        double length = (i == lines - 1 && lines > 1) ? rng.Uniform(0.35, 0.6) : rng.Uniform(0.75, 1.0);
        FillRoundedRect(cr, x, y + i * height * 2.0, w * length, height, height / 2, c);
    }
}

void DrawCheckMark(cairo_t* cr, double cx, double cy, double size, Rgb c) {
    cairo_move_to(cr, cx - size * 0.5, cy);
    cairo_line_to(cr, cx - size * 0.12, cy + size * 0.38);
    cairo_line_to(cr, cx + size * 0.55, cy - size * 0.35);
    SetColor(cr, c);
    cairo_set_line_width(cr, size * 0.22);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
}

void DrawMapPin(cairo_t* cr, double x, double tip_y, double size, Rgb c) {
    double cy = tip_y - size * 1.3;
    cairo_move_to(cr, x, tip_y);
    cairo_arc(cr, x, cy, size, kPi * 0.8, kPi * 2.2);
    cairo_close_path(cr);
    SetColor(cr, c);
    cairo_fill(cr);
    FillCircle(cr, x, cy, size * 0.4, kWhite);
}

// The national flag: a red disc slightly towards the hoist on bottle green.
void DrawFlag(cairo_t* cr, double x, double y, double w) {
    double h = w * 0.6;
    FillRect(cr, x, y, w, h, kBdGreen);
    FillCircle(cr, x + w * 0.45, y + h / 2, h * 0.33, kBdRed);
}

// ---------------------------------------------------------------------------------------------------
// App user interface, drawn into a screen rectangle

struct Rect {
    double x, y, w, h;
};

void DrawAvatar(cairo_t* cr, Rng& rng, double cx, double cy, double r, Rgb background) {
    cairo_save(cr);
    cairo_new_sub_path(cr);
    cairo_arc(cr, cx, cy, r, 0, 2 * kPi);
    SetColor(cr, background);
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    Rgb skin = rng.Pick(kSkinTones);
    FillCircle(cr, cx, cy + r * 1.05, r * 0.75, rng.Pick(kClothes));
    FillCircle(cr, cx, cy - r * 0.12, r * 0.38, skin);
    cairo_restore(cr);
}

void DrawBarChart(cairo_t* cr, Rng& rng, Rect area, const Palette& p) {
    int bars = 6 + rng.Int(4);
    double gap = area.w / bars;
    for (int i = 0; i < 3; ++i)
        FillRect(cr, area.x, area.y + area.h * i / 3.0, area.w, 1.5, p.line, 0.6);
    for (int i = 0; i < bars; ++i) {
        double value = rng.Uniform(0.25, 1.0);
        double bar_w = gap * 0.55;
        double bx = area.x + i * gap + (gap - bar_w) / 2;
        Rgb c = i == bars - 2 ? p.accent : (i % 2 ? p.secondary : p.primary);
        FillRoundedRect(cr, bx, area.y + area.h * (1 - value), bar_w, area.h * value, bar_w * 0.25, c);
    }
}

void DrawLineChart(cairo_t* cr, Rng& rng, Rect area, const Palette& p) {
    int points = 7;
    std::vector<double> ys;
    double v = rng.Uniform(0.2, 0.5);
    for (int i = 0; i < points; ++i) {
        ys.push_back(area.y + area.h * (1 - v));
        v = std::clamp(v + rng.Uniform(-0.15, 0.3), 0.1, 0.95);
    }
    auto x_at = [&](int i) { return area.x + area.w * i / (points - 1); };
    cairo_move_to(cr, x_at(0), area.y + area.h);
    for (int i = 0; i < points; ++i)
        cairo_line_to(cr, x_at(i), ys[static_cast<size_t>(i)]);
    cairo_line_to(cr, x_at(points - 1), area.y + area.h);
    cairo_close_path(cr);
    SetColor(cr, p.primary, 0.18);
    cairo_fill(cr);
    for (int i = 0; i < points; ++i)
        cairo_line_to(cr, x_at(i), ys[static_cast<size_t>(i)]);
    SetColor(cr, p.primary);
    cairo_set_line_width(cr, std::max(2.0, area.h * 0.035));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    FillCircle(cr, x_at(points - 1), ys.back(), area.h * 0.06, p.accent);
}

void DrawDonut(cairo_t* cr, Rng& rng, double cx, double cy, double r, const Palette& p) {
    const Rgb colours[] = {p.primary, p.secondary, p.accent, p.line};
    double start = -kPi / 2;
    double remaining = 1.0;
    for (int i = 0; i < 4; ++i) {
        double share = i == 3 ? remaining : remaining * rng.Uniform(0.3, 0.6);
        remaining -= share;
        cairo_new_sub_path(cr);
        cairo_arc(cr, cx, cy, r, start, start + share * 2 * kPi);
        SetColor(cr, colours[i]);
        cairo_set_line_width(cr, r * 0.38);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        cairo_stroke(cr);
        start += share * 2 * kPi;
    }
}

// A map-like panel: land, a river, roads, parks and pins.
void DrawMapPanel(cairo_t* cr, Rng& rng, Rect area, const Palette& p, double radius) {
    cairo_save(cr);
    RoundedRectPath(cr, area.x, area.y, area.w, area.h, radius);
    cairo_clip(cr);
    FillRect(cr, area.x, area.y, area.w, area.h, Hex(0xeef3e8));
    for (int i = 0; i < 3; ++i)
        FillRoundedRect(cr, area.x + rng.Uniform(0, 0.8) * area.w, area.y + rng.Uniform(0, 0.8) * area.h,
                        area.w * rng.Uniform(0.12, 0.25), area.h * rng.Uniform(0.12, 0.25), 8, Hex(0xcfe8c4));
    // River
    cairo_move_to(cr, area.x - 10, area.y + area.h * rng.Uniform(0.2, 0.8));
    cairo_curve_to(cr, area.x + area.w * 0.3, area.y + area.h * rng.Uniform(0, 1), area.x + area.w * 0.6,
                   area.y + area.h * rng.Uniform(0, 1), area.x + area.w + 10,
                   area.y + area.h * rng.Uniform(0.2, 0.8));
    SetColor(cr, Hex(0xa9d6f5));
    cairo_set_line_width(cr, area.h * 0.09);
    cairo_stroke(cr);
    // Roads
    SetColor(cr, kWhite);
    cairo_set_line_width(cr, std::max(3.0, area.h * 0.035));
    for (int i = 1; i <= 3; ++i) {
        double x = area.x + area.w * i / 4.0 + rng.Uniform(-20, 20);
        cairo_move_to(cr, x, area.y);
        cairo_line_to(cr, x + rng.Uniform(-30, 30), area.y + area.h);
        double y = area.y + area.h * i / 4.0 + rng.Uniform(-10, 10);
        cairo_move_to(cr, area.x, y);
        cairo_line_to(cr, area.x + area.w, y + rng.Uniform(-20, 20));
    }
    cairo_stroke(cr);
    // Route between two pins
    double x1 = area.x + area.w * 0.25, y1 = area.y + area.h * 0.7;
    double x2 = area.x + area.w * 0.72, y2 = area.y + area.h * 0.35;
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, (x1 + x2) / 2, y1);
    cairo_line_to(cr, (x1 + x2) / 2, y2);
    cairo_line_to(cr, x2, y2);
    SetColor(cr, p.primary);
    cairo_set_line_width(cr, std::max(3.0, area.h * 0.03));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    double pin = std::max(7.0, area.h * 0.06);
    DrawMapPin(cr, x1, y1, pin, p.primary_dark);
    DrawMapPin(cr, x2, y2, pin, kBdRed);
    cairo_restore(cr);
}

// A list row: icon circle, two text bars, and a status dot or chevron.
void DrawListRow(cairo_t* cr, Rng& rng, Rect row, const Palette& p) {
    FillRoundedRect(cr, row.x, row.y, row.w, row.h, row.h * 0.2, p.surface);
    double r = row.h * 0.28;
    Rgb icon = rng.Chance(0.5) ? p.primary : p.secondary;
    FillCircle(cr, row.x + row.h * 0.5, row.y + row.h / 2, r, Lighten(icon, 0.75));
    FillCircle(cr, row.x + row.h * 0.5, row.y + row.h / 2, r * 0.45, icon);
    double tx = row.x + row.h;
    FillRoundedRect(cr, tx, row.y + row.h * 0.3, row.w * rng.Uniform(0.3, 0.5), row.h * 0.14, 3,
                    Hex(0x90a4ae));
    FillRoundedRect(cr, tx, row.y + row.h * 0.56, row.w * rng.Uniform(0.2, 0.35), row.h * 0.12, 3, p.line);
    if (rng.Chance(0.6))
        FillRoundedRect(cr, row.x + row.w - row.h * 0.95, row.y + row.h * 0.36, row.h * 0.7, row.h * 0.28,
                        row.h * 0.14, rng.Chance(0.7) ? Lighten(kBdGreen, 0.2) : kBdRed);
    else
        FillCircle(cr, row.x + row.w - row.h * 0.5, row.y + row.h / 2, row.h * 0.1, p.line);
}

void DrawCard(cairo_t* cr, Rect card, double radius) {
    FillRoundedRect(cr, card.x, card.y + 3, card.w, card.h, radius, Hex(0x000000), 0.05);
    FillRoundedRect(cr, card.x, card.y, card.w, card.h, radius, kWhite);
}

// A phone app: header, a hero card with a chart or map, list rows and a bottom navigation bar.
void DrawPhoneUi(cairo_t* cr, Rng& rng, Rect s, const Palette& p) {
    FillRect(cr, s.x, s.y, s.w, s.h, Hex(0xf3f5f8));
    double pad = s.w * 0.06;
    double header_h = s.h * 0.2;
    FillRect(cr, s.x, s.y, s.w, header_h, p.primary);
    FillCircle(cr, s.x + s.w + 10, s.y + header_h * 0.1, header_h * 0.7, Lighten(p.primary, 0.15));
    DrawAvatar(cr, rng, s.x + pad + 22, s.y + header_h * 0.52, 22, Lighten(p.primary, 0.6));
    DrawTextLines(cr, rng, s.x + pad + 56, s.y + header_h * 0.42, s.w * 0.4, 2, 9, Lighten(p.primary, 0.55));
    FillCircle(cr, s.x + s.w - pad - 14, s.y + header_h * 0.5, 14, Lighten(p.primary, 0.25));
    FillCircle(cr, s.x + s.w - pad - 8, s.y + header_h * 0.5 - 8, 5, kBdRed);

    double y = s.y + header_h - s.h * 0.05;
    Rect hero{s.x + pad, y, s.w - 2 * pad, s.h * 0.3};
    DrawCard(cr, hero, 18);
    Rect inner{hero.x + 16, hero.y + 44, hero.w - 32, hero.h - 60};
    FillRoundedRect(cr, hero.x + 16, hero.y + 16, hero.w * 0.35, 10, 5, Hex(0x90a4ae));
    switch (rng.Int(3)) {
    case 0:
        DrawBarChart(cr, rng, inner, p);
        break;
    case 1:
        DrawLineChart(cr, rng, inner, p);
        break;
    default:
        DrawMapPanel(cr, rng, {hero.x + 8, hero.y + 8, hero.w - 16, hero.h - 16}, p, 12);
        break;
    }
    y += hero.h + 18;

    // Shortcut tiles
    double tile = (s.w - 2 * pad - 3 * 12) / 4;
    for (int i = 0; i < 4; ++i) {
        Rgb c = i == 0 ? p.accent : (i % 2 ? p.secondary : p.primary);
        double tx = s.x + pad + i * (tile + 12);
        FillRoundedRect(cr, tx, y, tile, tile, 14, Lighten(c, 0.8));
        FillRoundedRect(cr, tx + tile * 0.3, y + tile * 0.3, tile * 0.4, tile * 0.4, 6, c);
    }
    y += tile + 18;

    double row_h = s.h * 0.085;
    double nav_h = s.h * 0.09;
    while (y + row_h < s.y + s.h - nav_h - 60) {
        DrawListRow(cr, rng, {s.x + pad, y, s.w - 2 * pad, row_h}, p);
        y += row_h + 10;
    }
    // Primary button and navigation bar
    double nav_y = s.y + s.h - nav_h;
    FillRoundedRect(cr, s.x + pad, nav_y - 58, s.w - 2 * pad, 44, 22, p.accent);
    FillRoundedRect(cr, s.x + s.w / 2 - 40, nav_y - 40, 80, 8, 4, Lighten(p.accent, 0.6));
    FillRect(cr, s.x, nav_y, s.w, nav_h, kWhite);
    for (int i = 0; i < 4; ++i) {
        double cx = s.x + s.w * (i + 0.5) / 4;
        FillRoundedRect(cr, cx - 11, nav_y + nav_h * 0.3, 22, 22, 6, i == 0 ? p.primary : p.line);
    }
}

// A desktop dashboard: sidebar, top bar, figure cards, a chart and a map or donut panel, table rows.
void DrawDashboardUi(cairo_t* cr, Rng& rng, Rect s, const Palette& p) {
    FillRect(cr, s.x, s.y, s.w, s.h, Hex(0xf3f5f8));
    double side_w = s.w * 0.17;
    FillRect(cr, s.x, s.y, side_w, s.h, p.primary_dark);
    FillCircle(cr, s.x + side_w / 2, s.y + 40, 18, kWhite);
    FillCircle(cr, s.x + side_w / 2 - 3, s.y + 40, 8, kBdRed);
    int active = rng.Int(5);
    for (int i = 0; i < 6; ++i) {
        double ry = s.y + 90 + i * 40;
        if (i == active) FillRoundedRect(cr, s.x + 10, ry - 10, side_w - 20, 32, 8, p.primary);
        FillRoundedRect(cr, s.x + 20, ry, 12, 12, 3, Lighten(p.primary, i == active ? 0.9 : 0.4));
        FillRoundedRect(cr, s.x + 40, ry + 2, side_w * rng.Uniform(0.3, 0.5), 8, 4,
                        Lighten(p.primary, i == active ? 0.9 : 0.4));
    }

    double x0 = s.x + side_w + 20, w = s.w - side_w - 40;
    FillRoundedRect(cr, x0, s.y + 16, w * 0.4, 30, 15, kWhite);
    FillCircle(cr, x0 + 16, s.y + 31, 6, p.line);
    DrawAvatar(cr, rng, x0 + w - 16, s.y + 31, 16, Lighten(p.secondary, 0.6));
    FillCircle(cr, x0 + w - 52, s.y + 31, 9, p.line);

    // Figure cards
    double y = s.y + 62;
    double card_w = (w - 3 * 14) / 4, card_h = s.h * 0.15;
    for (int i = 0; i < 4; ++i) {
        Rect card{x0 + i * (card_w + 14), y, card_w, card_h};
        DrawCard(cr, card, 10);
        Rgb c = i == 3 ? p.accent : (i % 2 ? p.secondary : p.primary);
        FillCircle(cr, card.x + 26, card.y + card_h / 2, 14, Lighten(c, 0.75));
        FillCircle(cr, card.x + 26, card.y + card_h / 2, 6, c);
        FillRoundedRect(cr, card.x + 50, card.y + card_h * 0.3, card_w * 0.45, 12, 6, Hex(0x607d8b));
        FillRoundedRect(cr, card.x + 50, card.y + card_h * 0.58, card_w * 0.3, 8, 4, p.line);
    }
    y += card_h + 14;

    // Chart and side panel
    double panel_h = s.h * 0.42;
    Rect chart{x0, y, w * 0.62, panel_h};
    DrawCard(cr, chart, 10);
    FillRoundedRect(cr, chart.x + 18, chart.y + 16, chart.w * 0.25, 10, 5, Hex(0x90a4ae));
    Rect plot{chart.x + 22, chart.y + 44, chart.w - 44, chart.h - 62};
    if (rng.Chance(0.5))
        DrawBarChart(cr, rng, plot, p);
    else
        DrawLineChart(cr, rng, plot, p);
    Rect side{x0 + chart.w + 14, y, w - chart.w - 14, panel_h};
    DrawCard(cr, side, 10);
    if (rng.Chance(0.6)) {
        DrawMapPanel(cr, rng, {side.x + 8, side.y + 8, side.w - 16, side.h - 16}, p, 8);
    } else {
        DrawDonut(cr, rng, side.x + side.w / 2, side.y + side.h * 0.42, side.h * 0.24, p);
        for (int i = 0; i < 2; ++i)
            FillRoundedRect(cr, side.x + side.w * 0.2, side.y + side.h * (0.8 + i * 0.08), side.w * 0.6, 7,
                            3.5, p.line);
    }
    y += panel_h + 14;

    double row_h = 34;
    while (y + row_h < s.y + s.h - 10) {
        DrawListRow(cr, rng, {x0, y, w, row_h}, p);
        y += row_h + 8;
    }
}

// ---------------------------------------------------------------------------------------------------
// Devices and props

void DrawPlant(cairo_t* cr, Rng& rng, double x, double floor_y, double size) {
    Rgb leaf = Hsl(rng.Uniform(130, 165), 0.45, 0.38);
    int leaves = 6 + rng.Int(3);
    for (int i = 0; i < leaves; ++i) {
        double angle = -kPi / 2 + (i - (leaves - 1) / 2.0) * 0.32;
        double length = size * rng.Uniform(0.7, 1.1);
        cairo_save(cr);
        cairo_translate(cr, x, floor_y - size * 0.45);
        cairo_rotate(cr, angle);
        FillEllipse(cr, length * 0.5, 0, length * 0.5, size * 0.12, i % 2 ? leaf : Lighten(leaf, 0.2));
        cairo_restore(cr);
    }
    double pot_w = size * 0.55, pot_h = size * 0.5;
    cairo_move_to(cr, x - pot_w / 2, floor_y - pot_h);
    cairo_line_to(cr, x + pot_w / 2, floor_y - pot_h);
    cairo_line_to(cr, x + pot_w * 0.38, floor_y);
    cairo_line_to(cr, x - pot_w * 0.38, floor_y);
    cairo_close_path(cr);
    SetColor(cr, Hex(0xd9825b));
    cairo_fill(cr);
    FillRect(cr, x - pot_w / 2 - 4, floor_y - pot_h, pot_w + 8, pot_h * 0.18, Hex(0xc46f4a));
}

void DrawMug(cairo_t* cr, double x, double floor_y, Rgb c) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + 50, floor_y - 38, 14, -kPi / 2, kPi / 2);
    SetColor(cr, c);
    cairo_set_line_width(cr, 7);
    cairo_stroke(cr);
    FillRoundedRect(cr, x, floor_y - 70, 52, 70, 8, c);
    FillRoundedRect(cr, x + 10, floor_y - 46, 32, 12, 6, Lighten(c, 0.5));
}

// A notification bubble floating beside the device: a tick in a circle and two text bars.
void DrawFloatingCard(cairo_t* cr, Rng& rng, double x, double y, const Palette& p, Rgb tick) {
    Rect card{x, y, 230, 78};
    FillRoundedRect(cr, card.x + 6, card.y + 10, card.w, card.h, 18, p.primary_dark, 0.12);
    FillRoundedRect(cr, card.x, card.y, card.w, card.h, 18, kWhite);
    FillCircle(cr, card.x + 40, card.y + 39, 22, tick);
    DrawCheckMark(cr, card.x + 40, card.y + 39, 18, kWhite);
    DrawTextLines(cr, rng, card.x + 76, card.y + 26, 130, 2, 10, p.line);
}

void DrawBackdrop(cairo_t* cr, Rng& rng, const Palette& p) {
    FillVerticalGradient(cr, 0, 0, kWidth, kHeight, p.bg_top, p.bg_bottom);
    // Large soft blobs and a dot grid, the usual flat-illustration decor.
    for (int i = 0; i < 4; ++i)
        FillCircle(cr, rng.Uniform(0, kWidth), rng.Uniform(0, kHeight), rng.Uniform(120, 260),
                   i % 2 ? Lighten(p.primary, 0.55) : Lighten(p.secondary, 0.5), 0.25);
    double gx = rng.Uniform(60, 300), gy = rng.Uniform(60, 200);
    for (int row = 0; row < 5; ++row)
        for (int col = 0; col < 6; ++col)
            FillCircle(cr, gx + col * 22, gy + row * 22, 3, p.primary, 0.25);
}

void DrawPhone(cairo_t* cr, Rng& rng, const Palette& p) {
    const double w = 330, h = 660;
    const double x = kWidth / 2.0 - w / 2 + rng.Uniform(-140, 140), y = (kHeight - h) / 2 + 10;
    FillEllipse(cr, x + w / 2, y + h + 8, w * 0.7, 18, p.primary_dark, 0.15);
    FillRoundedRect(cr, x, y, w, h, 50, Hex(0x1f2933));
    FillRoundedRect(cr, x + 4, y + 4, w - 8, h - 8, 46, Hex(0x323f4b));
    Rect screen{x + 14, y + 14, w - 28, h - 28};
    cairo_save(cr);
    RoundedRectPath(cr, screen.x, screen.y, screen.w, screen.h, 38);
    cairo_clip(cr);
    DrawPhoneUi(cr, rng, screen, p);
    cairo_restore(cr);
    FillRoundedRect(cr, x + w / 2 - 45, y + 22, 90, 22, 11, Hex(0x1f2933));

    // Floating extras on both sides of the phone.
    bool left_card = rng.Chance(0.5);
    DrawFloatingCard(cr, rng, left_card ? x - 200 : x + w - 30, y + rng.Uniform(100, 380), p,
                     Lighten(kBdGreen, 0.1));
    double pin_x = left_card ? x + w + 90 : x - 90;
    FillCircle(cr, pin_x, y + 170, 62, kWhite);
    DrawMapPin(cr, pin_x, y + 200, 24, kBdRed);
    DrawPlant(cr, rng, left_card ? x + w + 180 : x - 180, kHeight - 40, 190);
}

void DrawLaptop(cairo_t* cr, Rng& rng, const Palette& p) {
    const double w = 880, h = 540, x = (kWidth - w) / 2, y = 70;
    const double desk_y = y + h + 40;
    FillRect(cr, 0, desk_y, kWidth, kHeight - desk_y, Lighten(p.primary_dark, 0.72));
    FillRect(cr, 0, desk_y, kWidth, 8, Lighten(p.primary_dark, 0.6));
    FillRoundedRect(cr, x, y, w, h, 22, Hex(0x1f2933));
    Rect screen{x + 18, y + 18, w - 36, h - 44};
    cairo_save(cr);
    cairo_rectangle(cr, screen.x, screen.y, screen.w, screen.h);
    cairo_clip(cr);
    DrawDashboardUi(cr, rng, screen, p);
    cairo_restore(cr);
    // Base
    const double base_y = y + h;
    cairo_move_to(cr, x - 70, base_y);
    cairo_line_to(cr, x + w + 70, base_y);
    cairo_line_to(cr, x + w + 40, desk_y);
    cairo_line_to(cr, x - 40, desk_y);
    cairo_close_path(cr);
    SetColor(cr, Hex(0xb8c2cc));
    cairo_fill(cr);
    FillRect(cr, x - 70, base_y, w + 140, 10, Hex(0xd3dae0));
    FillRoundedRect(cr, kWidth / 2.0 - 70, base_y, 140, 12, 6, Hex(0x9aa5b1));
    DrawMug(cr, x + w + 100, desk_y + 40, p.accent);
    DrawPlant(cr, rng, x - 110, desk_y + 60, 170);
}

void DrawMonitor(cairo_t* cr, Rng& rng, const Palette& p) {
    const double w = 900, h = 520, x = (kWidth - w) / 2, y = 50;
    const double desk_y = y + h + 110;
    FillRect(cr, 0, desk_y, kWidth, kHeight - desk_y, Lighten(p.primary_dark, 0.72));
    FillRect(cr, 0, desk_y, kWidth, 8, Lighten(p.primary_dark, 0.6));
    // Stand
    FillRect(cr, kWidth / 2.0 - 35, y + h, 70, desk_y - y - h - 10, Hex(0x9aa5b1));
    FillRoundedRect(cr, kWidth / 2.0 - 150, desk_y - 16, 300, 22, 10, Hex(0xb8c2cc));
    FillRoundedRect(cr, x, y, w, h, 16, Hex(0x1f2933));
    Rect screen{x + 16, y + 16, w - 32, h - 32};
    cairo_save(cr);
    cairo_rectangle(cr, screen.x, screen.y, screen.w, screen.h);
    cairo_clip(cr);
    DrawDashboardUi(cr, rng, screen, p);
    cairo_restore(cr);
    // Keyboard and mouse
    FillRoundedRect(cr, kWidth / 2.0 - 260, desk_y + 40, 460, 46, 10, Hex(0xe4e9ee));
    for (int row = 0; row < 3; ++row)
        for (int key = 0; key < 15; ++key)
            FillRoundedRect(cr, kWidth / 2.0 - 250 + key * 29.5, desk_y + 46 + row * 13, 25, 9, 2,
                            Hex(0xc3ccd5));
    FillEllipse(cr, kWidth / 2.0 + 270, desk_y + 62, 22, 30, Hex(0xe4e9ee));
    DrawPlant(cr, rng, x + w + 105, desk_y + 60, 160);
    DrawMug(cr, x - 80, desk_y + 70, p.accent);
}

// ---------------------------------------------------------------------------------------------------
// People and scenes

struct Person {
    double x, feet_y, height;
    Rgb skin, top, bottom, hair;
    int style;                // 0 shirt and trousers, 1 saree, 2 headscarf and long dress, 3 panjabi
    bool from_behind = false; // queueing at a counter, facing away from the viewer
};

Person RandomPerson(Rng& rng, double x, double feet_y, double height) {
    return {x,
            feet_y,
            height * rng.Uniform(0.92, 1.05),
            rng.Pick(kSkinTones),
            rng.Pick(kClothes),
            rng.Pick(kTrousers),
            rng.Pick(kHair),
            rng.Int(4),
            false};
}

void DrawPerson(cairo_t* cr, const Person& person) {
    const double h = person.height, x = person.x, feet = person.feet_y;
    const double head_r = h * 0.085;
    const double head_y = feet - h + head_r;
    const double shoulder_y = head_y + head_r + h * 0.035;
    const double hip_y = feet - h * 0.46;
    const double body_w = h * 0.3;
    const double limb = h * 0.085;
    const bool dress = person.style == 1 || person.style == 2;

    FillEllipse(cr, x, feet, body_w * 0.75, h * 0.025, Hex(0x000000), 0.12);
    // Legs and shoes
    for (int side = -1; side <= 1; side += 2) {
        double lx = x + side * body_w * 0.2 - limb / 2;
        FillRoundedRect(cr, lx, hip_y - 10, limb, feet - hip_y + 10, limb / 2,
                        dress ? person.skin : person.bottom);
        FillRoundedRect(cr, lx - (side < 0 ? limb * 0.4 : 0), feet - limb * 0.5, limb * 1.4, limb * 0.5,
                        limb * 0.25, Hex(0x33272a));
    }
    // Arms behind the body
    for (int side = -1; side <= 1; side += 2) {
        double ax = x + side * (body_w / 2 + limb * 0.1) - limb / 2;
        FillRoundedRect(cr, ax, shoulder_y + limb * 0.2, limb, h * 0.33, limb / 2, Darken(person.top, 0.12));
        FillCircle(cr, ax + limb / 2, shoulder_y + h * 0.33 + limb * 0.1, limb * 0.55, person.skin);
    }
    FillRect(cr, x - head_r * 0.35, head_y + head_r * 0.6, head_r * 0.7, shoulder_y - head_y, person.skin);
    // Body
    if (dress) {
        double hem = feet - h * 0.1;
        cairo_move_to(cr, x - body_w / 2 + limb * 0.3, shoulder_y + limb * 0.4);
        cairo_line_to(cr, x + body_w / 2 - limb * 0.3, shoulder_y + limb * 0.4);
        cairo_line_to(cr, x + body_w * 0.68, hem);
        cairo_line_to(cr, x - body_w * 0.68, hem);
        cairo_close_path(cr);
        SetColor(cr, person.top);
        cairo_fill(cr);
        FillRoundedRect(cr, x - body_w / 2, shoulder_y, body_w, h * 0.22, limb * 0.8, person.top);
        if (person.style == 1) { // the saree's anchal across the shoulder
            cairo_move_to(cr, x + body_w / 2, shoulder_y + limb * 0.3);
            cairo_line_to(cr, x - body_w * 0.55, hem - h * 0.12);
            cairo_line_to(cr, x - body_w * 0.62, hem);
            cairo_line_to(cr, x - body_w * 0.3, hem);
            cairo_line_to(cr, x + body_w / 2, shoulder_y + h * 0.12);
            cairo_close_path(cr);
            SetColor(cr, Darken(person.top, 0.25));
            cairo_fill(cr);
        }
    } else {
        double body_bottom = person.style == 3 ? feet - h * 0.25 : hip_y + limb * 0.3;
        FillRoundedRect(cr, x - body_w / 2, shoulder_y, body_w, body_bottom - shoulder_y, limb * 0.8,
                        person.top);
        if (!person.from_behind)
            FillRect(cr, x - 1.5, shoulder_y + limb * 0.2, 3, (body_bottom - shoulder_y) * 0.35,
                     Darken(person.top, 0.2));
    }
    // Head and hair
    if (person.style == 2) { // headscarf framing the face
        Rgb scarf = Lighten(person.bottom, 0.35);
        FillCircle(cr, x, head_y, head_r * 1.3, scarf);
        FillRoundedRect(cr, x - head_r * 1.3, head_y, head_r * 2.6, head_r * 2.1, head_r * 0.8, scarf);
        if (!person.from_behind) FillCircle(cr, x, head_y + head_r * 0.1, head_r * 0.85, person.skin);
    } else if (person.from_behind) {
        FillCircle(cr, x, head_y, head_r * 1.05, person.hair);
        if (person.style == 1)
            FillCircle(cr, x, head_y + head_r * 0.7, head_r * 0.5, Darken(person.hair, 0.2));
    } else {
        FillCircle(cr, x, head_y, head_r, person.skin);
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, head_y, head_r * 1.05, kPi * 1.0, kPi * 2.0);
        cairo_close_path(cr);
        SetColor(cr, person.hair);
        cairo_fill(cr);
        if (person.style == 1)
            FillCircle(cr, x + head_r * 0.9, head_y - head_r * 0.5, head_r * 0.5, person.hair);
    }
}

// A string of small triangular flags in the national colours.
void DrawBunting(cairo_t* cr, double x0, double x1, double y, double sag) {
    int flags = static_cast<int>((x1 - x0) / 44);
    auto rope_y = [&](double t) { return y + sag * 4 * t * (1 - t); };
    cairo_move_to(cr, x0, y);
    for (int i = 1; i <= 40; ++i)
        cairo_line_to(cr, x0 + (x1 - x0) * i / 40.0, rope_y(i / 40.0));
    SetColor(cr, Hex(0x8d99a6));
    cairo_set_line_width(cr, 2);
    cairo_stroke(cr);
    for (int i = 0; i < flags; ++i) {
        double t = (i + 0.5) / flags;
        double fx = x0 + (x1 - x0) * t, fy = rope_y(t);
        cairo_move_to(cr, fx - 14, fy);
        cairo_line_to(cr, fx + 14, fy);
        cairo_line_to(cr, fx, fy + 30);
        cairo_close_path(cr);
        SetColor(cr, i % 3 == 2 ? Hex(0xf6c945) : (i % 3 == 0 ? kBdGreen : kBdRed));
        cairo_fill(cr);
    }
}

// A standing kiosk screen on a pole, its screen a grid of service tiles and a button.
void DrawKioskStand(cairo_t* cr, double x, double floor_y, const Palette& p) {
    const double w = 160, h = 250, top = floor_y - 350;
    FillRect(cr, x - 11, top + h, 22, floor_y - top - h, Hex(0x9aa5b1));
    FillRoundedRect(cr, x - 65, floor_y - 14, 130, 18, 8, Hex(0x7b8794));
    FillRoundedRect(cr, x - w / 2, top, w, h, 16, Hex(0x1f2933));
    Rect s{x - w / 2 + 10, top + 10, w - 20, h - 20};
    cairo_save(cr);
    cairo_rectangle(cr, s.x, s.y, s.w, s.h);
    cairo_clip(cr);
    FillRect(cr, s.x, s.y, s.w, s.h, Hex(0xf3f5f8));
    FillRect(cr, s.x, s.y, s.w, 40, p.primary);
    FillCircle(cr, s.x + 22, s.y + 20, 11, kWhite);
    FillCircle(cr, s.x + 20, s.y + 20, 5, kBdRed);
    FillRoundedRect(cr, s.x + 42, s.y + 16, s.w * 0.45, 8, 4, Lighten(p.primary, 0.6));
    const double gap = 8, tile = (s.w - 3 * gap) / 2;
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) {
            Rgb c = (i + j) % 2 ? p.secondary : p.primary;
            double tx = s.x + gap + j * (tile + gap), ty = s.y + 50 + i * (tile * 0.85 + gap);
            FillRoundedRect(cr, tx, ty, tile, tile * 0.85, 10, Lighten(c, 0.75));
            FillCircle(cr, tx + tile / 2, ty + tile * 0.42, tile * 0.18, c);
        }
    FillRoundedRect(cr, s.x + 12, s.y + s.h - 38, s.w - 24, 26, 13, p.accent);
    cairo_restore(cr);
}

void DrawStall(cairo_t* cr, Rng& rng, const Palette& p) {
    const double floor_y = 560;
    FillVerticalGradient(cr, 0, 0, kWidth, floor_y, p.bg_top, Lighten(p.bg_bottom, 0.3));
    FillVerticalGradient(cr, 0, floor_y, kWidth, kHeight - floor_y, Hex(0xe9e2d6), Hex(0xd9cfbf));
    for (int i = 0; i < 12; ++i)
        FillRect(cr, i * 120.0 - 40, floor_y, 2, kHeight - floor_y, Hex(0xcdbfa9), 0.5);
    DrawBunting(cr, -20, kWidth + 20, 18, 50);

    // Back panel with a banner band
    const double panel_x = 160, panel_w = kWidth - 320, panel_top = 110;
    FillRect(cr, panel_x, panel_top, panel_w, floor_y - panel_top, kWhite);
    FillRect(cr, panel_x, panel_top, panel_w, 110, p.primary);
    FillRect(cr, panel_x, panel_top + 110, panel_w, 10, p.accent);
    FillCircle(cr, panel_x + 70, panel_top + 55, 36, kWhite);
    FillCircle(cr, panel_x + 66, panel_top + 55, 18, kBdRed);
    FillRoundedRect(cr, panel_x + 130, panel_top + 32, panel_w * 0.42, 20, 10, kWhite);
    FillRoundedRect(cr, panel_x + 130, panel_top + 66, panel_w * 0.28, 12, 6, Lighten(p.primary, 0.5));
    FillRect(cr, panel_x - 14, panel_top - 10, 14, floor_y - panel_top + 10, p.primary_dark);
    FillRect(cr, panel_x + panel_w, panel_top - 10, 14, floor_y - panel_top + 10, p.primary_dark);
    // Posters on the panel
    bool kiosk_left = rng.Chance(0.5);
    for (int i = 0; i < 3; ++i) {
        Rect poster{(kiosk_left ? 420 : 200) + i * 230.0, panel_top + 150, 200, 150};
        FillRoundedRect(cr, poster.x, poster.y, poster.w, poster.h, 8, Lighten(p.secondary, 0.82));
        if (i == 1)
            DrawBarChart(cr, rng, {poster.x + 20, poster.y + 20, poster.w - 40, poster.h - 40}, p);
        else if (i == 0)
            DrawMapPanel(cr, rng, {poster.x + 10, poster.y + 10, poster.w - 20, poster.h - 20}, p, 6);
        else {
            DrawDonut(cr, rng, poster.x + 60, poster.y + 75, 34, p);
            DrawTextLines(cr, rng, poster.x + 112, poster.y + 50, 70, 3, 8, p.line);
        }
    }
    DrawKioskStand(cr, kiosk_left ? panel_x + 130 : panel_x + panel_w - 130, floor_y + 20, p);

    // Staff behind the table
    const double table_top = 480, table_x = kiosk_left ? 420 : 260, table_w = 600;
    int staff = 1 + rng.Int(2);
    for (int i = 0; i < staff; ++i)
        DrawPerson(
            cr, RandomPerson(rng, table_x + table_w * (staff == 1 ? 0.5 : 0.3 + 0.4 * i), floor_y + 10, 270));
    // Table with cloth, a laptop and brochures
    FillRect(cr, table_x - 10, table_top, table_w + 20, 16, Lighten(p.primary, 0.85));
    FillRect(cr, table_x, table_top + 16, table_w, floor_y + 40 - table_top - 16, p.primary_dark);
    FillRect(cr, table_x, table_top + 16, table_w, 22, p.accent);
    FillCircle(cr, table_x + table_w / 2, table_top + 100, 34, kWhite, 0.9);
    FillCircle(cr, table_x + table_w / 2 - 4, table_top + 100, 17, kBdRed);
    double lx = table_x + 60;
    FillRoundedRect(cr, lx, table_top - 80, 130, 80, 6, Hex(0x323f4b));
    FillRect(cr, lx + 8, table_top - 72, 114, 64, Lighten(p.secondary, 0.5));
    FillRect(cr, lx + 8, table_top - 72, 114, 14, p.primary);
    FillRect(cr, lx - 14, table_top - 6, 158, 6, Hex(0xb8c2cc));
    for (int i = 0; i < 4; ++i)
        FillRect(cr, table_x + table_w - 170 + i * 3, table_top - 8 - i * 7, 110, 7,
                 i % 2 ? kWhite : Lighten(p.secondary, 0.4));
    FillRect(cr, table_x + table_w - 40, table_top - 60, 3, 60, Hex(0x7b8794));
    DrawFlag(cr, table_x + table_w - 37, table_top - 60, 40);

    // Plants at the sides, then visitors in front, standing clear of the kiosk screen
    DrawPlant(cr, rng, 75, floor_y + 90, 170);
    DrawPlant(cr, rng, kWidth - 75, floor_y + 80, 160);
    int visitors = 2 + rng.Int(2);
    const double slots[] = {150, 1120, 870};
    for (int i = 0; i < visitors; ++i) {
        double x = (kiosk_left ? slots[i] : kWidth - slots[i]) + rng.Uniform(-25, 25);
        DrawPerson(cr, RandomPerson(rng, x, 740 + rng.Uniform(-20, 20), 380));
    }
}

void DrawTree(cairo_t* cr, Rng& rng, double x, double ground_y, double size) {
    Rgb leaf = Hsl(rng.Uniform(115, 150), 0.45, rng.Uniform(0.35, 0.45));
    FillRoundedRect(cr, x - size * 0.06, ground_y - size * 0.8, size * 0.12, size * 0.8, 4, Hex(0x7a5230));
    FillCircle(cr, x, ground_y - size * 1.05, size * 0.42, leaf);
    FillCircle(cr, x - size * 0.3, ground_y - size * 0.8, size * 0.3, Lighten(leaf, 0.1));
    FillCircle(cr, x + size * 0.3, ground_y - size * 0.82, size * 0.32, Darken(leaf, 0.1));
}

void DrawCloud(cairo_t* cr, double x, double y, double size) {
    FillCircle(cr, x, y, size * 0.5, kWhite, 0.9);
    FillCircle(cr, x + size * 0.55, y + size * 0.1, size * 0.38, kWhite, 0.9);
    FillCircle(cr, x - size * 0.55, y + size * 0.15, size * 0.32, kWhite, 0.9);
    FillRoundedRect(cr, x - size * 0.85, y + size * 0.1, size * 1.8, size * 0.38, size * 0.19, kWhite, 0.9);
}

void DrawWindows(cairo_t* cr, Rect block, int cols, int rows, Rgb glass) {
    double cell_w = block.w / cols, cell_h = block.h / rows;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            double wx = block.x + c * cell_w + cell_w * 0.2, wy = block.y + r * cell_h + cell_h * 0.18;
            FillRect(cr, wx, wy, cell_w * 0.6, cell_h * 0.64, glass);
            FillRect(cr, wx, wy, cell_w * 0.6, cell_h * 0.12, Darken(glass, 0.15));
        }
}

void DrawOfficeBuilding(cairo_t* cr, Rng& rng, const Palette& p) {
    const double ground_y = 600;
    FillVerticalGradient(cr, 0, 0, kWidth, ground_y, Hex(0xbfe3f5), Lighten(p.bg_top, 0.3));
    FillCircle(cr, rng.Uniform(900, 1150), rng.Uniform(90, 150), 56, Hex(0xffd166));
    for (int i = 0; i < 3; ++i)
        DrawCloud(cr, rng.Uniform(80, 1200), rng.Uniform(60, 200), rng.Uniform(60, 110));
    FillRect(cr, 0, ground_y, kWidth, kHeight - ground_y, Hex(0x8cc084));
    // A path from the entrance to the viewer
    cairo_move_to(cr, 580, ground_y);
    cairo_line_to(cr, 700, ground_y);
    cairo_line_to(cr, 860, kHeight);
    cairo_line_to(cr, 420, kHeight);
    cairo_close_path(cr);
    SetColor(cr, Hex(0xe6dccb));
    cairo_fill(cr);

    // Building: two wings and a taller central block with a portico
    Rgb wall = Lighten(Mix(p.primary, Hex(0xe8dcc8), 0.75), 0.2);
    Rgb glass = Mix(Hex(0x9fd3ea), p.secondary, 0.2);
    int floors = 3 + rng.Int(2);
    double floor_h = 70;
    double wing_top = ground_y - floors * floor_h;
    FillRect(cr, 180, wing_top, 920, floors * floor_h, wall);
    FillRect(cr, 170, wing_top - 16, 940, 18, Darken(wall, 0.2));
    DrawWindows(cr, {190, wing_top + 10, 300, floors * floor_h - 10}, 5, floors, glass);
    DrawWindows(cr, {790, wing_top + 10, 300, floors * floor_h - 10}, 5, floors, glass);
    double centre_top = wing_top - 110;
    FillRect(cr, 500, centre_top, 280, ground_y - centre_top, Lighten(wall, 0.3));
    switch (rng.Int(3)) {
    case 0: // classical pediment with the national emblem disc
        cairo_move_to(cr, 480, centre_top);
        cairo_line_to(cr, 640, centre_top - 70);
        cairo_line_to(cr, 800, centre_top);
        cairo_close_path(cr);
        SetColor(cr, p.primary_dark);
        cairo_fill(cr);
        FillCircle(cr, 640, centre_top - 26, 20, kWhite);
        FillCircle(cr, 636, centre_top - 26, 10, kBdRed);
        break;
    case 1: // a dome on a drum
        FillRect(cr, 570, centre_top - 30, 140, 30, Darken(wall, 0.1));
        cairo_new_sub_path(cr);
        cairo_arc(cr, 640, centre_top - 30, 62, kPi, 2 * kPi);
        cairo_close_path(cr);
        SetColor(cr, p.primary_dark);
        cairo_fill(cr);
        FillRect(cr, 637, centre_top - 122, 6, 32, p.primary_dark);
        FillCircle(cr, 640, centre_top - 124, 7, Hex(0xf6c945));
        break;
    default: // flat parapet with a clock
        FillRect(cr, 490, centre_top - 22, 300, 24, p.primary_dark);
        FillCircle(cr, 640, centre_top - 40, 34, p.primary_dark);
        FillCircle(cr, 640, centre_top - 40, 26, kWhite);
        SetColor(cr, kInk);
        cairo_set_line_width(cr, 4);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_move_to(cr, 640, centre_top - 58);
        cairo_line_to(cr, 640, centre_top - 40);
        cairo_line_to(cr, 653, centre_top - 33);
        cairo_stroke(cr);
        break;
    }
    DrawWindows(cr, {520, centre_top + 20, 240, ground_y - centre_top - 170}, 4, floors, glass);
    // Portico: columns, entrance, steps
    for (int i = 0; i < 5; ++i)
        FillRect(cr, 518 + i * 58.0, ground_y - 150, 16, 130, kWhite);
    FillRect(cr, 505, ground_y - 160, 270, 14, Darken(wall, 0.1));
    FillRoundedRect(cr, 605, ground_y - 120, 70, 100, 4, p.primary_dark);
    for (int i = 0; i < 3; ++i)
        FillRect(cr, 530 - i * 12.0, ground_y - 20 + i * 7.0, 220 + i * 24.0, 7, Hex(0xd3c7b4));
    // Accent stripe
    FillRect(cr, 180, ground_y - 8, 920, 8, p.accent);

    // Flag pole
    double pole_x = rng.Chance(0.5) ? 110 : 1170;
    FillRect(cr, pole_x - 3, ground_y - 330, 6, 330, Hex(0x9aa5b1));
    FillCircle(cr, pole_x, ground_y - 332, 6, Hex(0xf6c945));
    DrawFlag(cr, pole_x + 3, ground_y - 320, 110);
    FillRoundedRect(cr, pole_x - 24, ground_y - 10, 48, 14, 4, Hex(0xb8c2cc));

    // Trees, shrubs and people walking in
    DrawTree(cr, rng, pole_x < 640 ? 1210 : 70, ground_y + 20, 230);
    DrawTree(cr, rng, pole_x < 640 ? 300 : 980, ground_y + 60, 170);
    for (int i = 0; i < 6; ++i)
        FillEllipse(cr, 200 + i * 150.0 + (i >= 3 ? 100 : 0), ground_y + 4, 50, 24, Hsl(140, 0.4, 0.35));
    // People on the path, in lanes so they do not stand inside each other, far ones drawn first.
    std::vector<Person> people;
    int count = 3 + rng.Int(3);
    for (int i = 0; i < count; ++i) {
        double t = (i + rng.Uniform(0.1, 0.9)) / count;
        double feet = ground_y + 30 + t * 170;
        double side = (i % 2 ? 1 : -1) * rng.Uniform(0.3, 1.0);
        people.push_back(RandomPerson(rng, 640 + side * (90 + t * 230), feet, 130 + t * 170));
    }
    for (const Person& person : people)
        DrawPerson(cr, person);
}

// A wall display of a queue system: rows of token and counter pills, the served row highlighted.
void DrawQueueDisplay(cairo_t* cr, Rng& rng, Rect d, const Palette& p) {
    FillRoundedRect(cr, d.x, d.y, d.w, d.h, 12, Hex(0x1f2933));
    Rect s{d.x + 12, d.y + 12, d.w - 24, d.h - 24};
    FillRect(cr, s.x, s.y, s.w, s.h, Darken(p.primary, 0.55));
    FillRect(cr, s.x, s.y, s.w, 30, p.primary);
    FillCircle(cr, s.x + 18, s.y + 15, 8, kWhite);
    FillCircle(cr, s.x + 17, s.y + 15, 4, kBdRed);
    const int rows = 4;
    const double row_h = (s.h - 44) / rows;
    int served = rng.Int(rows);
    for (int i = 0; i < rows; ++i) {
        double y = s.y + 38 + i * row_h;
        if (i == served) FillRect(cr, s.x, y - 2, s.w, row_h - 4, p.accent, 0.6);
        FillRoundedRect(cr, s.x + 16, y + row_h * 0.25, s.w * 0.38, row_h * 0.35, row_h * 0.17,
                        Lighten(p.secondary, 0.3));
        FillRoundedRect(cr, s.x + s.w * 0.62, y + row_h * 0.25, s.w * 0.3, row_h * 0.35, row_h * 0.17, kWhite,
                        0.85);
    }
}

// An office's service hall: counters with staff, a queue display, and citizens queueing.
void DrawServiceCounter(cairo_t* cr, Rng& rng, const Palette& p) {
    const double floor_y = 540;
    FillVerticalGradient(cr, 0, 0, kWidth, floor_y, p.bg_top, p.bg_bottom);
    FillRect(cr, 0, floor_y - 120, kWidth, 120, Lighten(p.primary_dark, 0.78));
    FillRect(cr, 0, floor_y - 124, kWidth, 6, Lighten(p.primary_dark, 0.6));
    FillVerticalGradient(cr, 0, floor_y, kWidth, kHeight - floor_y, Hex(0xeae6df), Hex(0xd8d1c5));
    for (int i = 0; i < 8; ++i) {
        double x = 640 + (i - 3.5) * 180;
        cairo_move_to(cr, x, floor_y);
        cairo_line_to(cr, 640 + (x - 640) * 2.2, kHeight);
    }
    SetColor(cr, Hex(0xc9c0b2), 0.6);
    cairo_set_line_width(cr, 2);
    cairo_stroke(cr);

    // Windows with daylight and the queue display on the wall
    for (int i = 0; i < 2; ++i) {
        double wx = i == 0 ? 70 : kWidth - 250;
        FillRect(cr, wx, 60, 180, 200, Lighten(p.primary_dark, 0.55));
        FillRect(cr, wx + 10, 70, 160, 180, Hex(0xcfeaf7));
        FillRect(cr, wx + 88, 70, 4, 180, Lighten(p.primary_dark, 0.55));
        FillEllipse(cr, wx + 60, 230, 50, 30, Hex(0x9ccf8f));
    }
    DrawQueueDisplay(cr, rng, {470, 40, 340, 190}, p);
    FillRect(cr, 380, 250, 520, 12, p.accent);
    DrawFlag(cr, 300, 110, 110);
    FillRect(cr, 296, 100, 4, 180, Hex(0x9aa5b1));

    // Counters: staff, each desk with a monitor and a hanging sign
    const int counters = 3;
    const double desk_y = 440, desk_x = 150, desk_w = kWidth - 300;
    const double section = desk_w / counters;
    for (int i = 0; i < counters; ++i) {
        double cx = desk_x + section * (i + 0.5);
        FillRect(cr, cx - 1, 262, 2, 28, Hex(0x9aa5b1));
        Rgb sign = i % 2 ? p.secondary : p.primary;
        FillRoundedRect(cr, cx - 44, 290, 88, 40, 10, sign);
        FillCircle(cr, cx - 20, 310, 10, kWhite);
        FillRoundedRect(cr, cx - 2, 305, 30, 10, 5, Lighten(sign, 0.6));
        DrawPerson(cr, RandomPerson(rng, cx + rng.Uniform(-30, 30), floor_y + 20, 250));
    }
    FillRect(cr, desk_x - 10, desk_y, desk_w + 20, 16, Lighten(p.primary, 0.85));
    FillRect(cr, desk_x, desk_y + 16, desk_w, floor_y + 30 - desk_y - 16,
             Mix(p.primary_dark, Hex(0x8d6e63), 0.4));
    for (int i = 0; i < counters; ++i) {
        double cx = desk_x + section * (i + 0.5);
        FillRect(cr, desk_x + section * i + 6, desk_y + 26, section - 12, 64, Lighten(p.primary_dark, 0.15));
        if (i > 0)
            FillRect(cr, desk_x + section * i - 3, desk_y - 90, 6, 90, Lighten(p.primary_dark, 0.7), 0.8);
        double mx = cx + (i % 2 ? -110 : 60);
        FillRoundedRect(cr, mx, desk_y - 70, 90, 60, 5, Hex(0x323f4b));
        FillRect(cr, mx + 6, desk_y - 64, 78, 48, Lighten(p.secondary, 0.55));
        FillRect(cr, mx + 40, desk_y - 10, 10, 10, Hex(0x9aa5b1));
    }

    // A queue at one counter, seen from behind, and a visitor walking away from another
    int queue_at = rng.Int(counters);
    double qx = desk_x + section * (queue_at + 0.5);
    DrawPlant(cr, rng, 60, 660, 170);
    DrawPlant(cr, rng, kWidth - 60, 660, 170);
    // The line bends away from the counter towards the middle of the hall; the walker keeps clear of it.
    const double dir = queue_at == counters - 1 ? -1 : 1;
    int queue = 2 + rng.Int(2);
    for (int i = 0; i < queue; ++i) {
        Person person = RandomPerson(rng, qx + dir * (-30 + i * 95), 600 + i * 65, 290 + i * 40);
        person.from_behind = true;
        DrawPerson(cr, person);
    }
    double walker_x = queue_at == counters - 1 ? rng.Uniform(200, 300) : rng.Uniform(1020, 1100);
    DrawPerson(cr, RandomPerson(rng, walker_x, 770, 400));
}

// ---------------------------------------------------------------------------------------------------
// Pack reading and picture writing

struct Photo {
    std::string file;
    int index; // position in the innovation's photo list
};

struct Innovation {
    std::string id, office, category;
    std::vector<Photo> photos;
};

std::string OptionalString(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end()) return "";
    if (!it->is_string()) throw std::runtime_error(std::string("\"") + key + "\" must be a string");
    return it->get<std::string>();
}

Innovation ReadInnovation(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open file");
    json doc = json::parse(in); // throws json::parse_error with line and column
    if (!doc.is_object()) throw std::runtime_error("not a JSON object");
    Innovation innovation;
    innovation.id = OptionalString(doc, "id");
    if (innovation.id.empty()) throw std::runtime_error("\"id\" is missing");
    innovation.office = OptionalString(doc, "office");
    innovation.category = OptionalString(doc, "category");
    auto photos = doc.find("photos");
    if (photos == doc.end()) return innovation;
    if (!photos->is_array()) throw std::runtime_error("\"photos\" must be an array");
    for (size_t i = 0; i < photos->size(); ++i) {
        const json& photo = (*photos)[i];
        std::string where = "photos[" + std::to_string(i) + "].file";
        if (!photo.is_object() || !photo.contains("file") || !photo["file"].is_string())
            throw std::runtime_error(where + " is missing or not a string");
        fs::path file = photo["file"].get<std::string>();
        if (file.empty() || file.is_absolute() || *file.lexically_normal().begin() == "..")
            throw std::runtime_error(where + " must be a path inside the pack");
        if (file.extension() != ".png")
            throw std::runtime_error(where + " must end in .png for a drawn picture");
        innovation.photos.push_back({file.generic_string(), static_cast<int>(i)});
    }
    return innovation;
}

void DrawPicture(cairo_t* cr, const Innovation& innovation, const Photo& photo) {
    Palette palette = MakePalette(innovation.office, innovation.category, innovation.id);
    Rng rng(Fnv1a(photo.file));
    if (photo.index == 0) {
        DrawBackdrop(cr, rng, palette);
        switch (rng.Int(3)) {
        case 0:
            DrawPhone(cr, rng, palette);
            break;
        case 1:
            DrawLaptop(cr, rng, palette);
            break;
        default:
            DrawMonitor(cr, rng, palette);
            break;
        }
    } else {
        switch (rng.Int(3)) {
        case 0:
            DrawStall(cr, rng, palette);
            break;
        case 1:
            DrawServiceCounter(cr, rng, palette);
            break;
        default:
            DrawOfficeBuilding(cr, rng, palette);
            break;
        }
    }
}

void WritePicture(const Innovation& innovation, const Photo& photo, const fs::path& output_pack) {
    fs::path target = output_pack / photo.file;
    fs::create_directories(target.parent_path());
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, kWidth, kHeight);
    cairo_t* cr = cairo_create(surface);
    DrawPicture(cr, innovation, photo);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_write_to_png(surface, target.c_str());
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(target.string() + ": " + cairo_status_to_string(status));
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: demo_pictures <source_pack_dir> <output_pack_dir>\n";
        return 2;
    }
    const fs::path source = argv[1], output = argv[2];
    const fs::path innovations_dir = source / "innovations";
    std::error_code error;
    if (!fs::is_directory(innovations_dir, error)) {
        std::cerr << innovations_dir.string() << ": not a folder\n";
        return 1;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(innovations_dir))
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    int written = 0;
    for (const fs::path& file : files) {
        Innovation innovation;
        try {
            innovation = ReadInnovation(file);
        } catch (const std::exception& e) {
            std::cerr << file.string() << ": " << e.what() << "\n";
            return 1;
        }
        try {
            for (const Photo& photo : innovation.photos) {
                WritePicture(innovation, photo, output);
                ++written;
            }
        } catch (const std::exception& e) {
            std::cerr << e.what() << "\n";
            return 1;
        }
    }
    std::cout << "demo_pictures: drew " << written << " pictures from " << files.size() << " innovations\n";
    return 0;
}
