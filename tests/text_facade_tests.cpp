// The ui text facade on the engine: the type scale and large-text mode as layout code sees them.
#include "kiosk/ui/text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace ui;

namespace {
const char* const kParagraph = "ই-পাসপোর্টের আবেদনকারী অনলাইনে সুবিধামতো দিন ও সময় বেছে নিয়ে ছবি ও আঙুলের "
                               "ছাপ দিতে আসেন। অফিসে ঢুকে টোকেন নম্বর অনুযায়ী ডাক পান।";
}

TEST_CASE("large-text mode enlarges every style, its line height and what layout measures") {
    Theme normal, large;
    large.large_text = true;
    for (int i = 0; i < static_cast<int>(TextStyle::Count); ++i) {
        const auto style = static_cast<TextStyle>(i);
        CHECK(large.FontSize(style) == std::round(normal.FontSize(style) * Theme::kLargeTextScale));
        CHECK(LineHeight(large, style) > LineHeight(normal, style));
    }
    const TextOptions wrap{420, 0, Align::Left};
    const std::string text = std::string(kParagraph) + " " + kParagraph + " " + kParagraph;
    const ImVec2 small_box = MeasureText(normal, TextStyle::Body, text, wrap);
    const ImVec2 large_box = MeasureText(large, TextStyle::Body, text, wrap);
    CHECK(small_box.x <= 420);
    CHECK(large_box.x <= 420);
    // Taller lines and more of them: more than the scale alone.
    CHECK(large_box.y > small_box.y * Theme::kLargeTextScale);
    CHECK(large_box.y / LineHeight(large, TextStyle::Body) >
          small_box.y / LineHeight(normal, TextStyle::Body));

    const float word = MeasureText(normal, TextStyle::Body, "সেবা সহজিকরণ").x;
    const float large_word = MeasureText(large, TextStyle::Body, "সেবা সহজিকরণ").x;
    CHECK(large_word == doctest::Approx(word * Theme::kLargeTextScale).epsilon(0.05));
}

TEST_CASE("the facade: sizes follow the window scale, options reach the layout") {
    Theme theme;
    theme.scale = 2;
    CHECK(MeasureText(theme, TextStyle::Body, "সেবা").y == LineHeight(theme, TextStyle::Body));
    CHECK(LineHeight(theme, TextStyle::Body) == std::round(theme.FontSize(TextStyle::Body) * 1.45f));
    const ImVec2 two = MeasureText(theme, TextStyle::Body, kParagraph, {500, 2, Align::Justify});
    CHECK(two.y == 2 * LineHeight(theme, TextStyle::Body));
    CHECK(two.x <= 500);
    CHECK(MeasureText(theme, TextStyle::Body, "").y == 0);
}
