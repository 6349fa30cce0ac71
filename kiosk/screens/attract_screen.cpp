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

// Where the invitation pill sits: the slide's text stands above it.
static Rect InvitePill(const Context& ui, const std::string& invite) {
    const float margin = ui.Px(72), pill_h = ui.Px(96);
    const float pill_w = MeasureText(ui.theme, TextStyle::Heading, invite).x + ui.Px(96);
    return {(ui.screen.x - pill_w) * 0.5f, ui.screen.y - margin - pill_h * 0.6f, pill_w, pill_h};
}

static void DrawSlide(Context& ui, const content::FairContent& fair, const content::Innovation& innovation,
                      float alpha, float text_bottom) {
    const ImVec2 size = ui.screen;
    const auto a = static_cast<unsigned>(alpha * 255.f);
    const float margin = ui.Px(72), width = size.x - 2 * margin;
    const TextOptions title_wrap{width, 2}, summary_wrap{width, 2};
    const std::string& title = ui.L(innovation.title);
    const std::string& summary = ui.L(innovation.summary);
    const float text_h = LineHeight(ui.theme, TextStyle::Heading) +
                         MeasureText(ui.theme, TextStyle::Display, title, title_wrap).y + ui.Px(8) +
                         MeasureText(ui.theme, TextStyle::Body, summary, summary_wrap).y;
    const float text_top = text_bottom - text_h;

    ui.draw->AddRectFilled({0, 0}, size, color::Rgb(0x004d38, a));
    const std::string& cover_path = CoverPath(innovation.photos);
    const GlTexture* cover =
        cover_path.empty() ? nullptr : ui.pictures.Get(cover_path, std::max(size.x, size.y));
    if (cover) {
        const float aspect_tex = static_cast<float>(cover->Width()) / static_cast<float>(cover->Height());
        if (ui.Portrait()) {
            // A landscape picture on a tall screen: whole and full width, between the header and the text.
            const float h = size.x / aspect_tex;
            const float top = std::max(ui.Px(220), (ui.Px(220) + text_top - h) * 0.5f);
            ui.draw->AddImage(cover->Id(), {0, top}, {size.x, top + h}, {0, 0}, {1, 1},
                              IM_COL32(255, 255, 255, a));
        } else {
            // Fill the screen, cropped to keep the picture's shape.
            ImVec2 uv0, uv1;
            CropToFill(*cover, size.x, size.y, uv0, uv1);
            ui.draw->AddImage(cover->Id(), {0, 0}, size, uv0, uv1, IM_COL32(255, 255, 255, a));
        }
    }
    // A dark band behind the text so white letters read on any picture.
    const float band_top = std::max(0.f, text_top - ui.Px(240));
    const ImU32 clear = IM_COL32(0, 30, 20, 0), dark = IM_COL32(0, 30, 20, a * 235 / 255);
    ui.draw->AddRectFilledMultiColor({0, band_top}, {size.x, text_top}, clear, clear, dark, dark);
    ui.draw->AddRectFilled({0, text_top}, size, dark);

    const content::Office* office = fair.FindOffice(innovation.office_id);
    float y = text_top;
    if (office)
        DrawText(ui.draw, ui.theme, TextStyle::Heading, {margin, y}, ui.L(office->name),
                 color::Rgb(0xbfe8d4, a), {width, 1});
    y += LineHeight(ui.theme, TextStyle::Heading);
    y += DrawText(ui.draw, ui.theme, TextStyle::Display, {margin, y}, title, color::Rgb(0xffffff, a),
                  title_wrap)
             .y +
         ui.Px(8);
    DrawText(ui.draw, ui.theme, TextStyle::Body, {margin, y}, summary, color::Rgb(0xffffff, a * 220 / 255),
             summary_wrap);
}

void AttractScreen::Draw(Context& ui, const content::FairContent& fair) {
    const ImVec2 size = ui.screen;
    // Both languages, always: the visitor has not chosen yet.
    const std::string invite = "স্পর্শ করে দেখুন  ·  Touch to explore";
    const Rect pill = InvitePill(ui, invite);
    const float text_bottom = pill.y - ui.Px(40);
    ui.draw->AddRectFilled({0, 0}, size, color::kGreenDark);
    std::vector<const content::Innovation*> slides;
    for (const content::Innovation& innovation : fair.innovations)
        slides.push_back(&innovation);

    if (!slides.empty()) {
        const double elapsed = std::max(0.0, ui.now - started);
        const auto slide = static_cast<size_t>(elapsed / kSlideSeconds);
        const double into = elapsed - static_cast<double>(slide) * kSlideSeconds;
        if (slide > 0 && into < kFadeSeconds) {
            DrawSlide(ui, fair, *slides[(slide - 1) % slides.size()], 1.f, text_bottom);
            DrawSlide(ui, fair, *slides[slide % slides.size()], static_cast<float>(into / kFadeSeconds),
                      text_bottom);
            ui.animating = true;
        } else {
            DrawSlide(ui, fair, *slides[slide % slides.size()], 1.f, text_bottom);
        }
    }

    // The fair's name at the top, and the invitation to touch.
    const float margin = ui.Px(72);
    ui.draw->AddRectFilledMultiColor({0, 0}, {size.x, ui.Px(220)}, IM_COL32(0, 30, 20, 210),
                                     IM_COL32(0, 30, 20, 210), IM_COL32(0, 30, 20, 0),
                                     IM_COL32(0, 30, 20, 0));
    DrawText(ui.draw, ui.theme, TextStyle::Heading, {margin, ui.Px(48)}, ui.L(fair.fair.name),
             color::kTextOnDark, {size.x - 2 * margin, 1});
    DrawText(ui.draw, ui.theme, TextStyle::Body,
             {margin, ui.Px(48) + LineHeight(ui.theme, TextStyle::Heading)},
             ui.L(fair.fair.ministry) +
                 (fair.fair.first_day.Known()
                      ? "  ·  " + content::FormatDateRange(fair.fair.first_day, fair.fair.last_day, ui.lang)
                      : std::string()),
             color::Rgb(0xffffff, 220), {size.x - 2 * margin, 1});

    ui.draw->AddRectFilled(pill.Min(), pill.Max(), color::kRed, pill.h * 0.5f);
    DrawText(ui.draw, ui.theme, TextStyle::Heading,
             {pill.x, pill.y + (pill.h - LineHeight(ui.theme, TextStyle::Heading)) * 0.5f}, invite,
             color::kTextOnDark, {pill.w, 1, Align::Center});
}

} // namespace kiosk
