#include "kiosk/screens/organiser_screen.h"

#include "content/locale.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <filesystem>

namespace kiosk {

using namespace ui;

namespace {

std::string Clock(const Context& ui, const std::string& time) {
    return ui.Bengali() ? content::ToBengaliDigits(time) : time;
}

// Paths relative to the pack, as the organiser wrote them.
std::string Where(const content::PackProblem& problem, const std::string& folder) {
    std::error_code error;
    const std::filesystem::path relative = std::filesystem::path(problem.file).lexically_relative(folder);
    const std::string file = relative.empty() || relative.native().rfind("..", 0) == 0 ? problem.file : relative.string();
    return content::FormatProblem(problem, file);
}

float DrawProblems(Context& ui, const content::LoadedPack& pack, float x, float y, float width, const ScrollFrame& frame) {
    const float start = y;
    for (content::Severity severity : {content::Severity::Error, content::Severity::Warning}) {
        for (const content::PackProblem& problem : pack.problems) {
            if (problem.severity != severity) continue;
            const std::string text = Where(problem, pack.content.folder);
            const TextOptions wrap{width - ui.Px(40), 0};
            const float h = MeasureText(ui.theme, TextStyle::Caption, text, wrap).y + ui.Px(16);
            if (y + h > frame.view.y && y < frame.view.Bottom()) {
                const bool error = severity == content::Severity::Error;
                ui.draw->AddRectFilled({x, y}, {x + ui.Px(8), y + h - ui.Px(8)}, error ? color::kRed : color::kAmber, ui.Px(3));
                DrawText(ui.draw, ui.theme, TextStyle::Caption, {x + ui.Px(24), y}, text, color::kText, wrap);
            }
            y += h;
        }
    }
    return y - start;
}

} // namespace

float OrganiserScreen::Draw(Context& ui, const ContentStatus& status, const ScrollFrame& frame) {
    const float margin = PageMargin(ui);
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = frame.top + margin * 0.6f;
    const content::LoadedPack& pack = *status.pack;

    y += DrawText(ui.draw, ui.theme, TextStyle::Title, {x, y}, ui.T("আয়োজকের জন্য: কনটেন্ট", "For the organiser: content"),
                  color::kText, {width, 2}).y + ui.Px(12);
    const std::string counts =
        ui.Bengali() ? ui.Number(static_cast<double>(pack.content.innovations.size())) + "টি উদ্ভাবন, " +
                           ui.Number(static_cast<double>(pack.content.offices.size())) + "টি দপ্তর, " +
                           ui.Number(static_cast<double>(pack.content.categories.size())) + "টি বিভাগ দেখানো হচ্ছে"
                     : "Showing " + ui.Number(static_cast<double>(pack.content.innovations.size())) + " innovations, " +
                           ui.Number(static_cast<double>(pack.content.offices.size())) + " offices, " +
                           ui.Number(static_cast<double>(pack.content.categories.size())) + " categories";
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, counts, color::kText, {width, 2}).y;
    y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                  std::string(ui.T("প্যাক: ", "Pack: ")) + pack.content.folder + "  ·  " + ui.T("লোড: ", "loaded ") + Clock(ui, status.loaded_at),
                  color::kTextMuted, {width, 2}).y + margin * 0.5f;

    if (status.refused) {
        y = SectionHeading(ui, x, y, width, std::string(ui.T("নতুন প্যাক নেওয়া হয়নি", "The new pack was not taken")) + " (" +
                                                Clock(ui, status.refused_at) + ")");
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y},
                      ui.T("আগের কনটেন্টই দেখানো হচ্ছে। নিচের সমস্যাগুলো ঠিক করে আবার ফাইলগুলো রাখুন।",
                           "The kiosk keeps showing the content before it. Fix what is below and save the files again."),
                      color::kText, {width, 0}).y + ui.Px(12);
        y += DrawProblems(ui, *status.refused, x, y, width, frame) + margin * 0.5f;
    }

    const size_t errors = pack.Count(content::Severity::Error), warnings = pack.Count(content::Severity::Warning);
    const std::string heading = ui.Bengali()
                                    ? "বাদ পড়েছে ও সতর্কতা: " + ui.Number(static_cast<double>(errors)) + "টি ত্রুটি, " +
                                          ui.Number(static_cast<double>(warnings)) + "টি সতর্কতা"
                                    : "Left out and warnings: " + ui.Number(static_cast<double>(errors)) + " errors, " +
                                          ui.Number(static_cast<double>(warnings)) + " warnings";
    y = SectionHeading(ui, x, y, width, heading);
    if (pack.problems.empty()) {
        y += DrawText(ui.draw, ui.theme, TextStyle::Body, {x, y}, ui.T("প্যাকে কোনো সমস্যা নেই।", "The pack has no problems."),
                      color::kGreen, {width, 1}).y;
    } else {
        y += DrawText(ui.draw, ui.theme, TextStyle::Caption, {x, y},
                      ui.T("ত্রুটি থাকা উদ্ভাবন দেখানো হয় না; সতর্কতা থাকলেও দেখানো হয়। একই তালিকা দেখায়: kiosk check",
                           "Innovations with errors are left out; those with warnings are shown. The same list: kiosk check"),
                      color::kTextMuted, {width, 0}).y + ui.Px(12);
        y += DrawProblems(ui, pack, x, y, width, frame);
    }
    return y + margin - frame.top;
}

} // namespace kiosk
