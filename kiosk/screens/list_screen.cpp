#include "kiosk/screens/list_screen.h"

#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <cmath>

namespace kiosk {

using namespace ui;

std::string TcvHeadline(const Context& ui, const content::Tcv& tcv) {
    struct Candidate {
        const std::optional<content::Measure>& measure;
        const char *bn, *en;
    };
    const Candidate candidates[] = {
        {tcv.time, "সময়", "time"}, {tcv.visits, "যাতায়াত", "visits"}, {tcv.cost, "খরচ", "cost"}};
    for (const Candidate& c : candidates) {
        if (!c.measure) continue;
        const std::optional<double> percent = c.measure->ReductionPercent();
        if (!percent || *percent <= 0) continue;
        const std::string n = ui.Number(std::round(*percent));
        return ui.Bengali() ? std::string(c.bn) + " " + n + "% কম" : n + "% less " + c.en;
    }
    return {};
}

float ListScreen::Draw(Context& ui, const content::FairContent& fair, const Route& route,
                       const ScrollFrame& frame, Navigation& nav) {
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = frame.top + margin * 0.6f;

    std::vector<const content::Innovation*> items;
    std::string title, subtitle;
    if (route.screen == ScreenId::Office) {
        const content::Office* office = fair.FindOffice(route.id);
        if (office) title = ui.L(office->name);
        items = fair.ByOffice(route.id);
        subtitle = ui.T("দপ্তর", "Office");
    } else {
        const content::Category* category = fair.FindCategory(route.id);
        if (category) title = ui.L(category->name), subtitle = ui.L(category->description);
        items = fair.ByCategory(route.id);
    }
    if (title.empty()) title = ui.T("পাওয়া যায়নি", "Not found");

    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y}, title, color::kText, {width, 2}).y;
    const std::string count = InnovationCount(ui, items.size());
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                  subtitle.empty() ? count : subtitle + "  ·  " + count, color::kTextMuted, {width, 2})
             .y +
         margin * 0.5f;

    if (items.empty()) {
        DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                 ui.T("এখানে এখনো কোনো উদ্ভাবন নেই।", "No innovations here yet."), color::kTextMuted,
                 {width, 2});
        return y + margin - frame.top;
    }

    const int columns = GridColumns(ui, width, 400, 4);
    const float card_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float pad = ui.Px(22);
    const float picture_h = std::round(card_w * 0.56f);
    const TextOptions title_wrap{card_w - 2 * pad, 2};
    const float card_h = picture_h + pad * 2 + LineHeight(ui.theme, TextStyle::BodyBold) * 2 +
                         LineHeight(ui.theme, TextStyle::Caption) + ChipHeight(ui) + ui.Px(20);

    for (size_t i = 0; i < items.size(); ++i) {
        const content::Innovation& innovation = *items[i];
        const Rect card{x + static_cast<float>(i % columns) * (card_w + gap),
                        y + static_cast<float>(i / columns) * (card_h + gap), card_w, card_h};
        if (card.Bottom() < frame.view.y || card.y > frame.view.Bottom())
            continue; // off screen: nothing to draw
        ui.Name("innovation/" + innovation.id);
        if (Card(ui, card)) nav.go = Route{ScreenId::Innovation, innovation.id};
        Picture(ui, {card.x, card.y, card.w, picture_h}, CoverPath(innovation.photos), ui.theme.Radius(),
                ImDrawFlags_RoundCornersTop);

        float ty = card.y + picture_h + pad;
        ty += DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {card.x + pad, ty}, ui.L(innovation.title),
                       color::kText, title_wrap)
                  .y;
        const content::Office* office = fair.FindOffice(innovation.office_id);
        if (office)
            DrawText(ui.draw, ui.theme, TextStyle::Caption, {card.x + pad, ty}, ui.L(office->ShortName()),
                     color::kTextMuted, {title_wrap.wrap_width, 1});
        const std::string headline = TcvHeadline(ui, innovation.tcv);
        if (!headline.empty())
            Chip(ui, {card.x + pad, card.Bottom() - pad - ChipHeight(ui)}, headline, color::kGreenDark,
                 color::kGreenLight);
    }
    const size_t rows = (items.size() + columns - 1) / columns;
    return y + static_cast<float>(rows) * (card_h + gap) + margin - frame.top;
}

} // namespace kiosk
