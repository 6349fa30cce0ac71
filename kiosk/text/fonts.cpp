#include "kiosk/text/fonts.h"

#include <fontconfig/fontconfig.h>

#include <filesystem>

namespace text {

namespace {

struct Wanted {
    const char* family;
    bool bold;
    const char* file; // the name in fonts-noto-core
};

constexpr Wanted kWanted[kFaceCount] = {
    {"Noto Sans", false, "NotoSans-Regular.ttf"},
    {"Noto Sans", true, "NotoSans-Bold.ttf"},
    {"Noto Sans Bengali", false, "NotoSansBengali-Regular.ttf"},
    {"Noto Sans Bengali", true, "NotoSansBengali-Bold.ttf"},
};

// fontconfig always answers with *some* font; accept it only when it is the family and weight
// asked for, so a missing Noto Sans Bengali is reported instead of drawn as boxes.
std::string AskFontconfig(FcConfig* config, const Wanted& wanted) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(wanted.family));
    FcPatternAddInteger(pattern, FC_WEIGHT, wanted.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pattern, &result);
    FcPatternDestroy(pattern);
    if (!match) return {};
    std::string path;
    FcChar8* family = nullptr;
    FcChar8* file = nullptr;
    int weight = 0;
    if (FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch &&
        FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
        FcPatternGetInteger(match, FC_WEIGHT, 0, &weight) == FcResultMatch &&
        FcStrCmpIgnoreCase(family, reinterpret_cast<const FcChar8*>(wanted.family)) == 0 &&
        (weight >= FC_WEIGHT_DEMIBOLD) == wanted.bold)
        path = reinterpret_cast<const char*>(file);
    FcPatternDestroy(match);
    return path;
}

} // namespace

FontFiles FindFonts(const FontSearch& search) {
    static const std::vector<std::string> kFolders = {"/usr/share/fonts/truetype/noto",
                                                      "/usr/share/fonts/noto", "/usr/local/share/fonts",
                                                      "/usr/share/fonts/truetype"};
    const std::vector<std::string>& folders = search.folders.empty() ? kFolders : search.folders;
    FontFiles files;
    FcConfig* config = search.fontconfig ? FcInitLoadConfigAndFonts() : nullptr;
    std::string missing;
    for (int i = 0; i < kFaceCount; ++i) {
        std::string& path = files.paths[i];
        if (config) path = AskFontconfig(config, kWanted[i]);
        for (size_t f = 0; path.empty() && f < folders.size(); ++f) {
            const std::filesystem::path candidate = std::filesystem::path(folders[f]) / kWanted[i].file;
            std::error_code error;
            if (std::filesystem::is_regular_file(candidate, error)) path = candidate.string();
        }
        if (path.empty()) missing += std::string(missing.empty() ? "" : ", ") + kWanted[i].file;
    }
    if (config) FcConfigDestroy(config);
    if (!missing.empty())
        throw FontError("fonts not found: " + missing + " (install the Debian package fonts-noto-core)");
    return files;
}

FreeTypeLibrary::FreeTypeLibrary() {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) throw FontError("cannot start FreeType");
    m_library.reset(library);
}

FontFace::FontFace(const FreeTypeLibrary& library, const std::string& path) {
    FT_Face face = nullptr;
    if (FT_New_Face(library.Get(), path.c_str(), 0, &face) != 0 || !face)
        throw FontError("cannot open font " + path);
    m_ft.reset(face);
    if (!FT_IS_SCALABLE(face) || face->units_per_EM == 0) throw FontError("not an outline font: " + path);

    hb_blob_t* blob = hb_blob_create_from_file(path.c_str());
    hb_face_t* hb_face = hb_face_create(blob, 0);
    hb_blob_destroy(blob); // the face keeps its own reference, and the font one to the face
    m_hb.reset(hb_font_create(hb_face));
    const unsigned glyphs = hb_face_get_glyph_count(hb_face);
    hb_face_destroy(hb_face);
    if (glyphs == 0) throw FontError("HarfBuzz cannot read font " + path);
    const int upem = face->units_per_EM;
    hb_font_set_scale(m_hb.get(), upem, upem);
}

void FontFace::SetPixelSize(int em_26_6) const {
    if (em_26_6 == m_em_26_6) return;
    FT_Set_Char_Size(m_ft.get(), 0, em_26_6, 72, 72); // at 72 dpi a point is a pixel
    m_em_26_6 = em_26_6;
}

FontSet::FontSet(const FontFiles& files) {
    m_faces.reserve(kFaceCount);
    for (const std::string& path : files.paths)
        m_faces.emplace_back(m_library, path);
    const FT_Face latin = Get(Face::LatinRegular).Ft();
    const float height = static_cast<float>(latin->ascender - latin->descender);
    if (height > 0) {
        m_em_per_size = static_cast<float>(latin->units_per_EM) / height;
        m_ascent_per_size = static_cast<float>(latin->ascender) / height;
    }
}

} // namespace text
