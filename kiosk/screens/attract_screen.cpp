#include "kiosk/screens/attract_screen.h"

#include "content/locale.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <cmath>

namespace kiosk {

using namespace ui;

double AttractScreen::NextChange(double now) const {
    const double elapsed = std::max(0.0, now - started);
    return started + (std::floor(elapsed / kSlideSeconds) + 1) * kSlideSeconds;
}

bool AttractScreen::Fading(double now) const {
    const double elapsed = now - started;
    return elapsed >= kSlideSeconds && std::fmod(elapsed, kSlideSeconds) < kFadeSeconds;
}

static void DrawSlide(Context& ui, const content::FairContent& fair, const content::Innovation& innovation, float alpha) {
    const ImVec2 size = ui.screen;
    const auto a = static_cast<unsigned>(alpha * 255.f);
    const Texture* cover = innovation.photos.empty() ? nullptr : ui.textures.Get(innovation.photos.front().file);
    const Rect full{0, 0, size.x, size.y};
    if (cover) {
        // Crop to fill, tinted by alpha for the cross-fade.
        const float aspect_screen = size.x / size.y;
        const float aspect_tex = static_cast<float>(cover->Width()) / static_cast<float>(cover->Height());
        ImVec2 uv0{0, 0}, uv1{1, 1};
        if (aspect_tex > aspect_screen) uv0.x = (1 - aspect_screen / aspect_tex) * 0.5f, uv1.x = 1 - uv0.x;
        else uv0.y = (1 - aspect_tex / aspect_screen) * 0.5f, uv1.y = 1 - uv0.y;
        ui.draw->AddImage(cover->Id(), full.Min(), full.Max(), uv0, uv1, IM_COL32(255, 255, 255, a));
    } else {
        ui.draw->AddRectFilled(full.Min(), full.Max(), color::Rgb(0x004d38, a));
    }
    // A dark band at the bottom so white text reads on any picture.
    const float band_top = size.y * (ui.Portrait() ? 0.55f : 0.45f);
    ui.draw->AddRectFilledMultiColor({0, band_top}, size, IM_COL32(0, 30, 20, 0), IM_COL32(0, 30, 20, 0),
                                     IM_COL32(0, 30, 20, a * 235 / 255), IM_COL32(0, 30, 20, a * 235 / 255));

    const float margin = ui.Px(72), width = size.x - 2 * margin;
    const ImU32 white = color::Rgb(0xffffff, a);
    const content::Office* office = fair.FindOffice(innovation.office_id);
    const std::string office_name = office ? ui.L(office->name) : std::string();
    const float title_h = MeasureText(ui.theme, TextStyle::Display, ui.L(innovation.title), {width, 2}).y;
    float y = size.y - margin * 2.4f - title_h - LineHeight(ui.theme, TextStyle::Heading) * 2;
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {margin, y}, office_name, color::Rgb(0xbfe8d4, a), {width, 1});
    y += LineHeight(ui.theme, TextStyle::Heading);
    y += DrawText(ui.draw, ui.theme, TextStyle::Display, {margin, y}, ui.L(innovation.title), white, {width, 2}).y;
    const std::string headline = ui.L(innovation.summary);
    DrawText(ui.draw, ui.theme, TextStyle::Body, {margin, y + ui.Px(8)}, headline, color::Rgb(0xffffff, a * 220 / 255), {width, 2});
}

void AttractScreen::Draw(Context& ui, const content::FairContent& fair) {
    const ImVec2 size = ui.screen;
    ui.draw->AddRectFilled({0, 0}, size, color::kGreenDark);
    std::vector<const content::Innovation*> slides;
    for (const content::Innovation& innovation : fair.innovations) slides.push_back(&innovation);

    if (!slides.empty()) {
        const double elapsed = std::max(0.0, ui.now - started);
        const auto slide = static_cast<size_t>(elapsed / kSlideSeconds);
        const double into = elapsed - static_cast<double>(slide) * kSlideSeconds;
        if (slide > 0 && into < kFadeSeconds) {
            DrawSlide(ui, fair, *slides[(slide - 1) % slides.size()], 1.f);
            DrawSlide(ui, fair, *slides[slide % slides.size()], static_cast<float>(into / kFadeSeconds));
            ui.animating = true;
        } else {
            DrawSlide(ui, fair, *slides[slide % slides.size()], 1.f);
        }
    }

    // The fair's name at the top, and the invitation to touch.
    const float margin = ui.Px(72);
    ui.draw->AddRectFilledMultiColor({0, 0}, {size.x, ui.Px(220)}, IM_COL32(0, 30, 20, 210), IM_COL32(0, 30, 20, 210),
                                     IM_COL32(0, 30, 20, 0), IM_COL32(0, 30, 20, 0));
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {margin, ui.Px(48)}, ui.L(fair.fair.name), color::kTextOnDark,
             {size.x - 2 * margin, 1});
    DrawText(ui.draw, ui.theme, TextStyle::Body, {margin, ui.Px(48) + LineHeight(ui.theme, TextStyle::Heading)},
             ui.L(fair.fair.ministry) + "  ·  " + content::FormatDateRange(fair.fair.first_day, fair.fair.last_day, ui.lang),
             color::Rgb(0xffffff, 220), {size.x - 2 * margin, 1});

    // Both languages, always: the visitor has not chosen yet.
    const std::string invite = "স্পর্শ করে দেখুন  ·  Touch to explore";
    const float pill_w = MeasureText(ui.theme, TextStyle::Heading, invite).x + ui.Px(96);
    const float pill_h = ui.Px(96);
    const Rect pill{(size.x - pill_w) * 0.5f, size.y - margin - pill_h * 0.6f, pill_w, pill_h};
    ui.draw->AddRectFilled(pill.Min(), pill.Max(), color::kRed, pill_h * 0.5f);
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {pill.x, pill.y + (pill_h - LineHeight(ui.theme, TextStyle::Heading)) * 0.5f},
             invite, color::kTextOnDark, {pill.w, 1, Align::Center});
}

} // namespace kiosk
