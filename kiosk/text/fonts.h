// The kiosk's four font files (Noto Sans and Noto Sans Bengali, regular and bold), found on
// the system, and each opened once as a FreeType face (rasterising) and a HarfBuzz font
// (shaping). Every handle is RAII and move-only.
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace text {

enum class Weight : uint8_t { Regular, Bold };
enum class Face : uint8_t { LatinRegular, LatinBold, BengaliRegular, BengaliBold };
constexpr int kFaceCount = 4;

constexpr Face FaceFor(bool bengali, Weight weight) {
    return static_cast<Face>((bengali ? 2 : 0) + (weight == Weight::Bold ? 1 : 0));
}
constexpr bool IsBengali(Face face) {
    return face == Face::BengaliRegular || face == Face::BengaliBold;
}

class FontError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct FontFiles {
    std::array<std::string, kFaceCount> paths; // indexed by Face
};

struct FontSearch {
    bool fontconfig = true;           // ask fontconfig first
    std::vector<std::string> folders; // then these folders; empty: the usual Debian ones
};

// Finds the four files; throws FontError naming every missing one and the Debian package.
FontFiles FindFonts(const FontSearch& search = {});

// One FreeType library handle for the faces opened from it.
class FreeTypeLibrary {
  public:
    FreeTypeLibrary(); // throws FontError
    FT_Library Get() const { return m_library.get(); }

  private:
    struct Deleter {
        void operator()(FT_Library library) const { FT_Done_FreeType(library); }
    };
    std::unique_ptr<FT_LibraryRec_, Deleter> m_library;
};

// One font file as a FreeType face and a HarfBuzz font. HarfBuzz shapes in font units (no
// hinting, so shaping is the same at every size); positions are scaled to pixels by the caller.
class FontFace {
  public:
    FontFace(const FreeTypeLibrary& library, const std::string& path); // throws FontError

    FT_Face Ft() const { return m_ft.get(); }
    hb_font_t* Hb() const { return m_hb.get(); }
    float UnitsPerEm() const { return static_cast<float>(m_ft->units_per_EM); }
    // Sets the FreeType size (26.6 pixels per em) unless it is already set.
    void SetPixelSize(int em_26_6) const;

  private:
    struct FtDeleter {
        void operator()(FT_Face face) const { FT_Done_Face(face); }
    };
    struct HbDeleter {
        void operator()(hb_font_t* font) const { hb_font_destroy(font); }
    };
    std::unique_ptr<FT_FaceRec_, FtDeleter> m_ft;
    std::unique_ptr<hb_font_t, HbDeleter> m_hb;
    mutable int m_em_26_6 = 0;
};

// The four faces, opened together. Sizes given to the engine are ImGui-style pixel sizes: the
// height from Noto Sans' ascender to its descender, so designs made for ImGui keep their look.
class FontSet {
  public:
    explicit FontSet(const FontFiles& files); // throws FontError

    const FontFace& Get(Face face) const { return m_faces[static_cast<int>(face)]; }
    float EmPerPixelSize() const { return m_em_per_size; } // em = size * this
    float AscentPerPixelSize() const { return m_ascent_per_size; }

  private:
    FreeTypeLibrary m_library; // declared first: destroyed after the faces
    std::vector<FontFace> m_faces;
    float m_em_per_size = 1, m_ascent_per_size = 0.8f;
};

} // namespace text
