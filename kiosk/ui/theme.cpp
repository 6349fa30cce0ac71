#include "kiosk/ui/theme.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

namespace ui {

float Theme::FontSize(TextStyle style) const {
    static constexpr float kDesign[] = {22, 27, 27, 34, 46, 72}; // caption .. display, at 1080 lines
    return std::round(kDesign[static_cast<int>(style)] * scale * large_text);
}

float ScaleFor(int width, int height) { return std::max(0.4f, static_cast<float>(std::min(width, height)) / 1080.f); }

static std::string FindFont(const char* file) {
    static const char* const kFolders[] = {"/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto",
                                           "/usr/local/share/fonts", "/usr/share/fonts/truetype"};
    for (const char* folder : kFolders) {
        std::filesystem::path path = std::filesystem::path(folder) / file;
        if (std::filesystem::exists(path)) return path.string();
    }
    return {};
}

std::string BuildFonts(Theme& theme) {
    // Until the HarfBuzz text engine lands, ImGui draws text itself: Latin from Noto Sans, Bengali
    // glyphs merged in from Noto Sans Bengali (unshaped).
    static const ImWchar kLatin[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x20B9, 0x20B9, 0x2190, 0x2193, 0x25A0, 0x25CF, 0};
    static const ImWchar kBengali[] = {0x0964, 0x0965, 0x0980, 0x09FF, 0x200C, 0x200D, 0};
    const std::string regular = FindFont("NotoSans-Regular.ttf"), bold = FindFont("NotoSans-Bold.ttf");
    const std::string bengali = FindFont("NotoSansBengali-Regular.ttf"),
                      bengali_bold = FindFont("NotoSansBengali-Bold.ttf");
    if (regular.empty() || bold.empty() || bengali.empty() || bengali_bold.empty())
        return "Noto Sans and Noto Sans Bengali are missing (install fonts-noto-core)";

    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    for (int i = 0; i < static_cast<int>(TextStyle::Count); ++i) {
        const auto style = static_cast<TextStyle>(i);
        const bool is_bold = style != TextStyle::Caption && style != TextStyle::Body;
        const float size = theme.FontSize(style);
        ImFontConfig config;
        config.OversampleH = 2;
        config.PixelSnapH = false;
        theme.fonts[i] = atlas->AddFontFromFileTTF((is_bold ? bold : regular).c_str(), size, &config, kLatin);
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.OversampleH = 2;
        atlas->AddFontFromFileTTF((is_bold ? bengali_bold : bengali).c_str(), size, &merge, kBengali);
        if (!theme.fonts[i]) return "cannot load fonts from " + regular;
    }
    atlas->Build();
    return {};
}

} // namespace ui
