#include "kiosk/screens/home_screen.h"

#include "content/locale.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>

namespace kiosk {

using namespace ui;

// The fair's banner: name, ministry, venue and both calendars' dates, and the flag's red disc
// where there is room for it.
static float DrawBanner(Context& ui, const content::Fair& fair, float x, float y, float width) {
    const float pad = ui.Px(40);
    const bool disc = width > ui.Px(900);
    const TextOptions wrap{width - 2 * pad - (disc ? ui.Px(240) : 0.f), 3};
    const float height = pad * 2 + MeasureText(ui.theme, TextStyle::Title, ui.L(fair.name), wrap).y +
                         LineHeight(ui.theme, TextStyle::Body) * 2 + ui.Px(12);
    ui.draw->AddRectFilled({x, y}, {x + width, y + height}, color::kGreen, ui.theme.Radius());
    if (disc)
        ui.draw->AddCircleFilled({x + width - ui.Px(150), y + height * 0.5f}, ui.Px(78), color::Rgb(0xf42a41),
                                 64);

    float ty = y + pad;
    ty += DrawText(ui.draw, ui.theme, TextStyle::Title, {x + pad, ty}, ui.L(fair.name), color::kTextOnDark,
                   wrap)
              .y;
    ty += ui.Px(6);
    std::string line = ui.L(fair.ministry);
    ty += DrawText(ui.draw, ui.theme, TextStyle::Body, {x + pad, ty}, line, color::kTextOnDark,
                   {wrap.wrap_width, 1})
              .y;
    line = ui.L(fair.venue);
    if (!line.empty()) line += "  ·  ";
    if (fair.first_day.Known()) {
        line += content::FormatDateRange(fair.first_day, fair.last_day, ui.lang);
        if (ui.Bengali())
            line += " (" + content::FormatBanglaDate(content::ToBanglaDate(fair.first_day)) + ")";
    }
    DrawText(ui.draw, ui.theme, TextStyle::Body, {x + pad, ty}, line, color::Rgb(0xffffff, 225),
             {wrap.wrap_width, 1});
    return height;
}

// The prize categories, a card each: the way judges and visitors think about a fair. Returns the y
// below them.
static float DrawCategories(Context& ui, const content::FairContent& fair, float x, float y, float width,
                            Navigation& nav) {
    const float gap = ui.theme.Gap();
    const int columns = BalancedColumns(GridColumns(ui, width, 400, 4), fair.categories.size());
    const float card_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float pad = ui.Px(28);
    const TextOptions name_wrap{card_w - 2 * pad, 2}, desc_wrap{card_w - 2 * pad, 3};
    float text_h = 0; // every card as tall as the fullest one
    for (const content::Category& category : fair.categories)
        text_h = std::max(
            text_h, MeasureText(ui.theme, TextStyle::Heading, ui.L(category.name), name_wrap).y +
                        MeasureText(ui.theme, TextStyle::Body, ui.L(category.description), desc_wrap).y);
    const float card_h = pad * 2 + text_h + ChipHeight(ui) + ui.Px(28);
    for (size_t i = 0; i < fair.categories.size(); ++i) {
        const content::Category& category = fair.categories[i];
        const Rect card{x + static_cast<float>(i % columns) * (card_w + gap),
                        y + static_cast<float>(i / columns) * (card_h + gap), card_w, card_h};
        ui.Name("category/" + category.id);
        if (Card(ui, card)) nav.go = Route{ScreenId::Category, category.id};
        ui.draw->AddRectFilled(card.Min(), {card.Right(), card.y + ui.Px(10)}, color::kGreen,
                               ui.theme.Radius(), ImDrawFlags_RoundCornersTop);
        float ty = card.y + pad;
        ty += DrawText(ui.draw, ui.theme, TextStyle::Heading, {card.x + pad, ty}, ui.L(category.name),
                       color::kText, name_wrap)
                  .y;
        DrawText(ui.draw, ui.theme, TextStyle::Body, {card.x + pad, ty + ui.Px(4)},
                 ui.L(category.description), color::kTextMuted, desc_wrap);
        Chip(ui, {card.x + pad, card.Bottom() - pad - ChipHeight(ui)},
             InnovationCount(ui, fair.ByCategory(category.id).size()), color::kGreenDark, color::kGreenLight);
        ArrowRight(ui.draw, {card.Right() - pad - ui.Px(14), card.Bottom() - pad - ChipHeight(ui) * 0.5f},
                   ui.Px(28), color::kGreen, ui.Px(4));
    }
    const size_t rows = (fair.categories.size() + columns - 1) / columns;
    return y + static_cast<float>(rows) * (card_h + gap);
}

// The offices, a card each: every stall at the fair. Returns the y below them.
static float DrawOffices(Context& ui, const content::FairContent& fair, float x, float y, float width,
                         Navigation& nav) {
    const float gap = ui.theme.Gap();
    const int columns = BalancedColumns(GridColumns(ui, width, 400, 4), fair.offices.size());
    const float card_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float pad = ui.Px(24);
    const TextOptions wrap{card_w - 2 * pad, 2};
    float text_h = 0;
    for (const content::Office& office : fair.offices)
        text_h = std::max(
            text_h, MeasureText(ui.theme, TextStyle::BodyBold, ui.L(office.ShortName()), wrap).y +
                        MeasureText(ui.theme, TextStyle::Caption, ui.L(office.name), {wrap.wrap_width, 2}).y);
    const float card_h = pad * 2 + text_h + ChipHeight(ui) + ui.Px(20);
    for (size_t i = 0; i < fair.offices.size(); ++i) {
        const content::Office& office = fair.offices[i];
        const Rect card{x + static_cast<float>(i % columns) * (card_w + gap),
                        y + static_cast<float>(i / columns) * (card_h + gap), card_w, card_h};
        ui.Name("office/" + office.id);
        if (Card(ui, card)) nav.go = Route{ScreenId::Office, office.id};
        const std::string& short_name = ui.L(office.ShortName());
        float ty = card.y + pad;
        ty += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {card.x + pad, ty}, short_name, color::kText,
                       wrap)
                  .y;
        if (short_name != ui.L(office.name))
            DrawText(ui.draw, ui.theme, TextStyle::Caption, {card.x + pad, ty}, ui.L(office.name),
                     color::kTextMuted, {wrap.wrap_width, 2});
        Chip(ui, {card.x + pad, card.Bottom() - pad - ChipHeight(ui)},
             InnovationCount(ui, fair.ByOffice(office.id).size()), color::kGreenDark, color::kGreenLight);
    }
    const size_t rows = (fair.offices.size() + columns - 1) / columns;
    return y + static_cast<float>(rows) * (card_h + gap);
}

float HomeScreen::Draw(Context& ui, const content::FairContent& fair, const ScrollFrame& frame,
                       Navigation& nav) {
    const float margin = PageMargin(ui);
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = frame.top + margin * 0.6f;

    if (fair.fair.name.Empty()) { // the pack could not be read at all: say so, and where to look
        y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y},
                      ui.T("মেলার কনটেন্ট পাওয়া যায়নি", "No fair content to show"), color::kText, {width, 2})
                 .y +
             ui.Px(12);
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                      ui.T("আয়োজক: ওপরের শিরোনামে দুই সেকেন্ড চেপে ধরে রাখুন, কী ঠিক করতে হবে তা দেখুন।",
                           "Organiser: hold a finger on the title above for two seconds to see what to fix."),
                      color::kTextMuted, {width, 0})
                 .y;
        return y + margin - frame.top;
    }
    y += DrawBanner(ui, fair.fair, x, y, width) + margin * 0.8f;

    y = SectionHeading(ui, x, y, width, ui.T("পুরস্কারের বিভাগ", "Prize categories"));
    y = DrawCategories(ui, fair, x, y, width, nav) + margin * 0.5f;
    y = SectionHeading(ui, x, y, width, ui.T("দপ্তর ও সংস্থা", "Offices and agencies"));
    y = DrawOffices(ui, fair, x, y, width, nav);
    return y + margin - frame.top;
}

} // namespace kiosk
