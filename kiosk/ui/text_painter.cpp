// The text engine's quads painted into an ImDrawList; see text_painter.h.
#include "kiosk/ui/text_painter.h"

#include <bit>
#include <cfloat>
#include <cmath>

namespace ui {

ImVec2 PaintText(text::Engine& engine, ImDrawList* draw, ImVec2 pos, std::string_view text,
                 const text::Style& style, const text::LayoutOptions& options, ImU32 color) {
    if ((color & IM_COL32_A_MASK) == 0) {
        const text::Size size = engine.Measure(text, style, options);
        return {size.width, size.height};
    }
    const ImVec2 origin{std::round(pos.x), std::round(pos.y)};
    const ImVec4 clip = draw->_ClipRectStack.empty() ? ImVec4(-FLT_MAX, -FLT_MAX, FLT_MAX, FLT_MAX)
                                                     : draw->_ClipRectStack.back();
    const text::TextQuads quads = engine.Quads(text, style, options, clip.y - origin.y, clip.w - origin.y);

    for (uint32_t mask = quads.pages; mask != 0; mask &= mask - 1) {
        const int page = std::countr_zero(mask);
        draw->PushTextureID(reinterpret_cast<ImTextureID>(engine.TextureId(page)));
        constexpr size_t kBatch = 4096; // quads per reservation, well inside 16-bit indices
        for (size_t q = 0; q < quads.quads.size();) {
            size_t count = 0, stop = q;
            for (; stop < quads.quads.size() && count < kBatch; ++stop)
                count += quads.quads[stop].page == page;
            draw->PrimReserve(static_cast<int>(count * 6), static_cast<int>(count * 4));
            for (; q < stop; ++q) {
                const text::GlyphQuad& quad = quads.quads[q];
                if (quad.page != page) continue;
                draw->PrimRectUV({origin.x + quad.x0, origin.y + quad.y0},
                                 {origin.x + quad.x1, origin.y + quad.y1}, {quad.u0, quad.v0},
                                 {quad.u1, quad.v1}, color);
            }
        }
        draw->PopTextureID();
    }
    return {quads.size.width, quads.size.height};
}

} // namespace ui
