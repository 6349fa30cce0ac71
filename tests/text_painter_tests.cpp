// The text engine's quads painted into an ImDrawList by the kiosk's painter: cached layouts are
// drawn from cached quads on whole pixels, and lines outside the clip rectangle are left out.
#include "kiosk/ui/text_painter.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace text;

namespace {

const Style kBody{Weight::Regular, 27, 39};

const char* const kParagraph =
    "আগে প্রত্যেক আবেদনকারীকে কমপক্ষে চারবার কার্যালয়ে যেতে হতো। কর্মকর্তার স্বাক্ষরের জন্য দীর্ঘ "
    "অপেক্ষা, হারানো নথি আর দালালের দৌরাত্ম্য ছিল নিত্যদিনের অভিজ্ঞতা। স্ত্রী ও সন্তানসহ দূরের উপজেলা "
    "থেকে নৌকায় আসা লোকের খরচ বাড়ত (TCV ৩০%), হঠাৎ বৃষ্টিতে ভোগান্তি বাড়ত।";

} // namespace

TEST_CASE("painter: unchanged text is laid out once and drawn from cached quads") {
    ImGui::CreateContext();
    ImGui::GetIO().Fonts->Build();
    {
        Engine engine(FindFonts(), std::make_unique<NullTextureBackend>());
        ImDrawList draw(ImGui::GetDrawListSharedData());
        auto frame = [&](float width) {
            engine.BeginFrame();
            draw._ResetForNewFrame();
            draw.PushClipRect({0, 0}, {4000, 4000});
            draw.PushTextureID(ImGui::GetIO().Fonts->TexID);
            const ImVec2 size = ui::PaintText(engine, &draw, {10.4f, 20.6f}, kParagraph, kBody,
                                              {width, 0, Align::Left}, IM_COL32_WHITE);
            ui::PaintText(engine, &draw, {10, 500}, "Innovation", kBody, {}, IM_COL32_WHITE);
            return size;
        };
        const ImVec2 first = frame(500);
        const EngineStats cold = engine.Stats();
        CHECK(cold.layout_misses == 2);
        CHECK(cold.layout_hits == 0);
        CHECK(cold.glyphs_rendered > 30);
        const int vertices = draw.VtxBuffer.Size;
        REQUIRE(vertices > 4 * 100);
        CHECK(first.x <= 500);

        const ImVec2 second = frame(500);
        const EngineStats warm = engine.Stats();
        CHECK(warm.layout_hits == 2);
        CHECK(warm.layout_misses == 2);
        CHECK(warm.quad_rebuilds == cold.quad_rebuilds); // nothing looked up again
        CHECK(warm.glyphs_rendered == cold.glyphs_rendered);
        CHECK(draw.VtxBuffer.Size == vertices);
        CHECK(second.y == first.y);
        // Glyph quads sit on whole pixels.
        CHECK(draw.VtxBuffer[0].pos.x == std::round(draw.VtxBuffer[0].pos.x));
        CHECK(draw.VtxBuffer[0].pos.y == std::round(draw.VtxBuffer[0].pos.y));

        frame(300); // another width is another layout
        CHECK(engine.Stats().layout_misses == 3);
        CHECK(engine.Measure(kParagraph, kBody, {300, 0, Align::Left}).width <= 300);
        CHECK(engine.Stats().layout_hits == 4);

        // Lines outside the clip rectangle are not emitted.
        engine.BeginFrame();
        draw._ResetForNewFrame();
        draw.PushClipRect({0, 0}, {2000, 60});
        draw.PushTextureID(ImGui::GetIO().Fonts->TexID);
        ui::PaintText(engine, &draw, {0, 0}, kParagraph, kBody, {300, 0, Align::Left}, IM_COL32_WHITE);
        const int clipped_vertices = draw.VtxBuffer.Size;
        CHECK(clipped_vertices > 0);
        CHECK(clipped_vertices < vertices / 2);
    }
    ImGui::DestroyContext();
}
