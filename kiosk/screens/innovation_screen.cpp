#include "kiosk/screens/innovation_screen.h"

#include "content/locale.h"
#include "content/pack_rules.h"
#include "kiosk/ui/process_map.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

using namespace ui;

namespace {

const char* StatusText(const Context& ui, content::ServiceStatus status) {
    switch (status) {
    case content::ServiceStatus::Running:
        return ui.T("চালু আছে", "Running");
    case content::ServiceStatus::Pilot:
        return ui.T("পাইলট চলছে", "Piloting");
    case content::ServiceStatus::Planned:
        return ui.T("পরিকল্পিত", "Planned");
    case content::ServiceStatus::Stopped:
        return ui.T("বন্ধ", "Stopped");
    }
    return "";
}

// Title, chips, office and summary; returns the height used.
float DrawIntro(Context& ui, const content::FairContent& fair, const content::Innovation& innovation, float x,
                float y, float width) {
    const float top = y;
    float cx = x;
    if (const content::Category* category = fair.FindCategory(innovation.category_id))
        cx += Chip(ui, {cx, y}, ui.L(category->name), color::kGreenDark, color::kGreenLight) + ui.Px(10);
    const bool running = innovation.status == content::ServiceStatus::Running;
    Chip(ui, {cx, y}, StatusText(ui, innovation.status), running ? color::kTextOnDark : color::kAmber,
         running ? color::kGreen : color::kAmberLight);
    y += ChipHeight(ui) + ui.Px(14);
    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y}, ui.L(innovation.title), color::kText,
                  {width, 3})
             .y;
    if (const content::Office* office = fair.FindOffice(innovation.office_id))
        y += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {x, y}, ui.L(office->name), color::kGreen,
                      {width, 2})
                 .y;
    y += ui.Px(12);
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, ui.L(innovation.summary), color::kText,
                  {width, 0})
             .y;
    return y - top;
}

float DrawParagraphCard(Context& ui, const std::string& heading, const std::string& body, ImU32 accent,
                        float x, float y, float width, float min_height) {
    const float pad = ui.Px(28);
    const TextOptions wrap{width - 2 * pad, 0};
    const float height = std::max(min_height, pad * 2 + LineHeight(ui.theme, TextStyle::Heading) + ui.Px(8) +
                                                  MeasureText(ui.theme, TextStyle::Body, body, wrap).y);
    ui.draw->AddRectFilled({x, y}, {x + width, y + height}, color::kSurface, ui.theme.Radius());
    ui.draw->AddRectFilled({x, y}, {x + ui.Px(8), y + height}, accent, ui.theme.Radius(),
                           ImDrawFlags_RoundCornersLeft);
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {x + pad, y + pad}, heading, accent,
             {wrap.wrap_width, 1});
    DrawText(ui.draw, ui.theme, TextStyle::Body,
             {x + pad, y + pad + LineHeight(ui.theme, TextStyle::Heading) + ui.Px(8)}, body, color::kText,
             wrap);
    return height;
}

float ParagraphHeight(Context& ui, const std::string& body, float width) {
    return ui.Px(56) + LineHeight(ui.theme, TextStyle::Heading) + ui.Px(8) +
           MeasureText(ui.theme, TextStyle::Body, body, {width - ui.Px(56), 0}).y;
}

// One TCV tile: before and after as bars, and the reduction.
void DrawMeasure(Context& ui, const Rect& r, const char* name, const content::Measure& m) {
    const float pad = ui.Px(24);
    ui.draw->AddRectFilled(r.Min(), r.Max(), color::kSurface, ui.theme.Radius());
    const float inner = r.w - 2 * pad;
    float y = r.y + pad;
    DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {r.x + pad, y}, name, color::kTextMuted, {inner, 1});
    const std::optional<double> percent = m.ReductionPercent();
    if (percent) {
        const std::string big = ui.Number(std::round(std::fabs(*percent))) + "%";
        const std::string word = *percent >= 0 ? ui.T("কম", "less") : ui.T("বেশি", "more");
        DrawText(ui.draw, ui.theme, TextStyle::Title,
                 {r.x + pad, y + LineHeight(ui.theme, TextStyle::BodyBold)}, big + " " + word,
                 *percent >= 0 ? color::kGreen : color::kRed, {inner, 1});
    }
    y += LineHeight(ui.theme, TextStyle::BodyBold) + LineHeight(ui.theme, TextStyle::Title) + ui.Px(10);

    const double top = std::max({m.before, m.after, 1e-9});
    const float bar_h = ui.Px(14);
    struct Row {
        const char* label;
        double value;
        ImU32 color;
    };
    const Row rows[] = {{ui.T("আগে", "Before"), m.before, color::Rgb(0x9aa8a0)},
                        {ui.T("পরে", "After"), m.after, color::kGreen}};
    for (const Row& row : rows) {
        const std::string text =
            std::string(row.label) + ": " + content::FormatMeasure(row.value, m.unit, ui.lang);
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {r.x + pad, y}, text, color::kText, {inner, 1}).y;
        ui.draw->AddRectFilled({r.x + pad, y}, {r.x + pad + inner, y + bar_h}, color::Rgb(0xeef2ef),
                               bar_h * 0.5f);
        const float w = std::max(bar_h, inner * static_cast<float>(row.value / top));
        if (row.value > 0)
            ui.draw->AddRectFilled({r.x + pad, y}, {r.x + pad + w, y + bar_h}, row.color, bar_h * 0.5f);
        y += bar_h + ui.Px(12);
    }
}

float MeasureTileHeight(const Context& ui) {
    return ui.Px(48) + LineHeight(ui.theme, TextStyle::BodyBold) + LineHeight(ui.theme, TextStyle::Title) +
           ui.Px(10) + 2 * (LineHeight(ui.theme, TextStyle::Body) + ui.Px(26));
}

std::string StepCount(const Context& ui, const content::ProcessMap& map) {
    const std::string n = ui.Number(static_cast<double>(map.steps.size()));
    return ui.Bengali() ? n + "টি ধাপ" : n + " steps";
}

} // namespace

namespace {

// The cover picture beside the introduction (landscape) or above it (portrait); returns the y below.
float DrawCoverAndIntro(Context& ui, const content::FairContent& fair, const content::Innovation& innovation,
                        float x, float y, float width, bool wide) {
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const std::string& cover = CoverPath(innovation.photos);
    if (wide) {
        const float picture_w = std::round(width * 0.46f), picture_h = std::round(picture_w * 0.625f);
        const float text_x = x + picture_w + gap * 1.5f, text_w = width - picture_w - gap * 1.5f;
        Picture(ui, {x, y, picture_w, picture_h}, cover, ui.theme.Radius());
        const float intro_h = DrawIntro(ui, fair, innovation, text_x, y, text_w);
        y += std::max(picture_h, intro_h) + margin * 0.6f;
    } else {
        const float picture_h = std::round(width * 0.5f);
        Picture(ui, {x, y, width, picture_h}, cover, ui.theme.Radius());
        y += picture_h + gap;
        y += DrawIntro(ui, fair, innovation, x, y, width) + margin * 0.6f;
    }
    return y;
}

// TCV: the figures visitors and judges look for first. Returns the y below.
float DrawTcv(Context& ui, const content::Tcv& tcv, float x, float y, float width) {
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const std::pair<const char*, const std::optional<content::Measure>*> measures[] = {
        {ui.T("সময়", "Time"), &tcv.time},
        {ui.T("খরচ", "Cost"), &tcv.cost},
        {ui.T("যাতায়াত", "Visits"), &tcv.visits}};
    const int shown = static_cast<int>(std::count_if(std::begin(measures), std::end(measures),
                                                     [](const auto& m) { return m.second->has_value(); }));
    if (shown > 0) {
        y = SectionHeading(ui, x, y, width, ui.T("সময়, খরচ ও যাতায়াত (TCV)", "Time, cost and visits (TCV)"));
        const int columns = ui.Portrait() && width < ui.Px(900) ? 1 : shown;
        const float tile_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        const float tile_h = MeasureTileHeight(ui);
        int i = 0;
        for (const auto& [name, measure] : measures) {
            if (!measure->has_value()) continue;
            DrawMeasure(ui,
                        {x + static_cast<float>(i % columns) * (tile_w + gap),
                         y + static_cast<float>(i / columns) * (tile_h + gap), tile_w, tile_h},
                        name, **measure);
            ++i;
        }
        y += static_cast<float>((shown + columns - 1) / columns) * (tile_h + gap) + margin * 0.4f;
    }
    return y;
}

// Problem and solution, side by side when there is room. Returns the y below.
float DrawProblemAndSolution(Context& ui, const content::Innovation& innovation, float x, float y,
                             float width, bool wide) {
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const std::string problem = ui.L(innovation.problem), solution = ui.L(innovation.solution);
    if (!problem.empty() || !solution.empty()) {
        const char* problem_head = ui.T("সমস্যা", "The problem");
        const char* solution_head = ui.T("সমাধান", "The solution");
        if (wide && !problem.empty() && !solution.empty()) {
            const float half = (width - gap) * 0.5f;
            const float h = std::max(ParagraphHeight(ui, problem, half), ParagraphHeight(ui, solution, half));
            DrawParagraphCard(ui, problem_head, problem, color::kRed, x, y, half, h);
            DrawParagraphCard(ui, solution_head, solution, color::kGreen, x + half + gap, y, half, h);
            y += h + margin * 0.6f;
        } else {
            if (!problem.empty())
                y += DrawParagraphCard(ui, problem_head, problem, color::kRed, x, y, width, 0) + gap;
            if (!solution.empty())
                y += DrawParagraphCard(ui, solution_head, solution, color::kGreen, x, y, width, 0) + gap;
            y += margin * 0.6f - gap;
        }
    }
    return y;
}

// The process before and after, side by side when there is room. Returns the y below.
float DrawProcessMaps(Context& ui, const content::Innovation& innovation, float x, float y, float width,
                      const ScrollFrame& frame) {
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const content::ProcessMap& before = innovation.process_before;
    const content::ProcessMap& after = innovation.process_after;
    if (!before.Empty() || !after.Empty()) {
        y = SectionHeading(ui, x, y, width, ui.T("প্রসেস ম্যাপ: আগে ও পরে", "Process map: before and after"));
        const bool side_by_side = width > ui.Px(860);
        const float column_w = side_by_side ? (width - gap) * 0.5f : width;
        float column_y[2] = {y, y};
        const std::pair<const char*, const content::ProcessMap*> maps[] = {{ui.T("আগে", "Before"), &before},
                                                                           {ui.T("পরে", "After"), &after}};
        for (int i = 0; i < 2; ++i) {
            const content::ProcessMap& map = *maps[i].second;
            if (map.Empty()) continue;
            const int column = side_by_side ? i : 0;
            const float cx = x + static_cast<float>(column) * (column_w + gap);
            float& cy = side_by_side ? column_y[i] : column_y[0];
            const float pad = ui.Px(24);
            const float map_h = ProcessMapHeight(ui, map, column_w - 2 * pad);
            const float head_h = LineHeight(ui.theme, TextStyle::Heading);
            const Rect box{cx, cy, column_w, map_h + head_h + pad * 3};
            ui.draw->AddRectFilled(box.Min(), box.Max(), i == 0 ? color::Rgb(0xfbf3f3) : color::Rgb(0xeef6f1),
                                   ui.theme.Radius());
            const std::string head = std::string(maps[i].first) + "  ·  " + StepCount(ui, map);
            DrawText(ui.draw, ui.theme, TextStyle::Heading, {cx + pad, cy + pad}, head,
                     i == 0 ? color::kRed : color::kGreen, {column_w - 2 * pad, 1});
            if (box.Bottom() > frame.view.y && box.y < frame.view.Bottom())
                DrawProcessMap(ui, map, {cx + pad, cy + pad * 2 + head_h}, column_w - 2 * pad);
            cy += box.h + gap;
        }
        y = std::max(column_y[0], column_y[1]) + margin * 0.4f - gap;
    }
    return y;
}

// More pictures, with their captions. Returns the y below.
float DrawMorePictures(Context& ui, const content::Innovation& innovation, float x, float y, float width,
                       const ScrollFrame& frame) {
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    if (innovation.photos.size() > 1) {
        y = SectionHeading(ui, x, y, width, ui.T("ছবি", "Pictures"));
        const int columns = ui.Portrait() ? 1 : 2;
        const float w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        const float h = std::round(w * 0.625f);
        const float caption_h = LineHeight(ui.theme, TextStyle::Caption) * 2 + ui.Px(12);
        for (size_t i = 1; i < innovation.photos.size(); ++i) {
            const size_t slot = i - 1;
            const Rect r{x + static_cast<float>(slot % columns) * (w + gap),
                         y + static_cast<float>(slot / columns) * (h + caption_h + gap), w, h};
            if (r.Bottom() > frame.view.y && r.y < frame.view.Bottom())
                Picture(ui, r, innovation.photos[i].file, ui.theme.Radius());
            DrawText(ui.draw, ui.theme, TextStyle::Caption, {r.x, r.Bottom() + ui.Px(8)},
                     ui.L(innovation.photos[i].caption), color::kTextMuted, {w, 2});
        }
        const size_t rows = (innovation.photos.size() - 1 + columns - 1) / columns;
        y += static_cast<float>(rows) * (h + caption_h + gap) + margin * 0.4f - gap;
    }
    return y;
}

// Where to use the service: a QR code for a phone (encoded once into `qr`), and the link written
// out. Returns the y below.
float DrawServiceLink(Context& ui, const content::Innovation& innovation, std::optional<ui::QrCode>& qr,
                      float x, float y, float width) {
    if (!innovation.service_link.empty()) {
        y = SectionHeading(ui, x, y, width, ui.T("সেবাটি কোথায় পাবেন", "Where to use the service"));
        const bool web = content::IsWebLink(innovation.service_link);
        if (web && (!qr || qr->Text() != innovation.service_link))
            qr = ui::QrCode::Encode(innovation.service_link);
        float text_x = x;
        const float side = ui.Px(260);
        if (web && qr) {
            DrawQrCode(ui.draw, *qr, {x, y}, side);
            text_x = x + side + ui.theme.Gap();
        }
        const float text_w = width - (text_x - x);
        float ty = y + (web && qr ? ui.Px(40) : 0);
        if (web && qr)
            ty +=
                DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {text_x, ty},
                         ui.T("ফোনের ক্যামেরা দিয়ে কোডটি স্ক্যান করুন", "Scan the code with your phone's camera"),
                         color::kText, {text_w, 2})
                    .y +
                ui.Px(8);
        ty += DrawText(ui.draw, ui.theme, TextStyle::Body, {text_x, ty}, innovation.service_link,
                       color::kBlue, {text_w, 2})
                  .y;
        y = std::max(ty, web && qr ? y + side : ty);
    }
    return y;
}

} // namespace

float InnovationScreen::Draw(Context& ui, const content::FairContent& fair, const Route& route,
                             const ScrollFrame& frame, Navigation& nav) {
    (void)nav;
    const float margin = PageMargin(ui);
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = frame.top + margin * 0.6f;

    const content::Innovation* found = fair.FindInnovation(route.id);
    if (!found) {
        DrawText(ui.draw, ui.theme, TextStyle::Heading, {x, y},
                 ui.T("এই উদ্ভাবনটি পাওয়া যায়নি।", "This innovation was not found."), color::kText,
                 {width, 2});
        return ui.Px(200);
    }
    const content::Innovation& innovation = *found;
    const bool wide = !ui.Portrait() && width > ui.Px(1100);
    y = DrawCoverAndIntro(ui, fair, innovation, x, y, width, wide);
    y = DrawTcv(ui, innovation.tcv, x, y, width);
    y = DrawProblemAndSolution(ui, innovation, x, y, width, wide);
    y = DrawProcessMaps(ui, innovation, x, y, width, frame);
    y = DrawMorePictures(ui, innovation, x, y, width, frame);
    y = DrawServiceLink(ui, innovation, qr, x, y, width);
    return y + margin - frame.top;
}

} // namespace kiosk
