// Text cost per frame for a 1920x1080 screen of about 5 000 Bengali glyphs (the demo fair's
// paragraphs in card columns): the first (cold) frame, frames with the layout cache off
// (shaping, wrapping and atlas look-ups every frame), and steady-state cached frames, with the
// cache hit rate. The kiosk's painter puts the quads into an ImDrawList; the glyph atlas keeps
// no GL textures here: uploads are a one-off cost.
#include "content/pack_loader.h"
#include "kiosk/text/engine.h"
#include "kiosk/ui/text_painter.h"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr float kWidth = 1920, kHeight = 1080;
constexpr size_t kTargetGlyphs = 5000;

struct Paragraph {
    std::string text;
    bool heading;
};

// Lays out the paragraphs in columns like the kiosk's cards; returns glyphs drawn this frame.
uint64_t DrawScreen(text::Engine& engine, ImDrawList* draw, const std::vector<Paragraph>& paragraphs) {
    const text::Style body{text::Weight::Regular, 20, 28}, heading{text::Weight::Bold, 24, 34};
    constexpr int kColumns = 5;
    constexpr float kGap = 20, kColumnWidth = (kWidth - kGap * (kColumns + 1)) / kColumns;
    const uint64_t before = engine.Stats().glyphs_drawn;
    int column = 0;
    float y = kGap;
    for (const Paragraph& p : paragraphs) {
        const text::Style& style = p.heading ? heading : body;
        const text::LayoutOptions options{kColumnWidth, p.heading ? 2 : 0, text::Align::Left};
        const float h = engine.Measure(p.text, style, options).height; // measure first, as screens do
        if (y + h > kHeight && ++column == kColumns) break;
        if (y + h > kHeight) y = kGap;
        ui::PaintText(engine, draw, {kGap + static_cast<float>(column) * (kColumnWidth + kGap), y}, p.text,
                      style, options, IM_COL32(23, 36, 30, 255));
        y += h + (p.heading ? 4.f : kGap);
        if (engine.Stats().glyphs_drawn - before >= kTargetGlyphs) break;
    }
    return engine.Stats().glyphs_drawn - before;
}

struct Result {
    double ms_per_frame = 0;
    uint64_t glyphs = 0;
};

// Runs `frames` frames; returns the mean text time (engine calls only) per frame.
Result Frames(text::Engine& engine, const std::vector<Paragraph>& paragraphs, int frames) {
    Result result;
    double total_ms = 0;
    for (int i = 0; i < frames; ++i) {
        ImGui::NewFrame();
        ImDrawList* draw = ImGui::GetBackgroundDrawList();
        const auto start = Clock::now();
        engine.BeginFrame();
        result.glyphs = DrawScreen(engine, draw, paragraphs);
        total_ms += std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        ImGui::Render();
    }
    result.ms_per_frame = total_ms / frames;
    return result;
}

} // namespace

int main() {
    const content::FairContent fair = content::LoadPack(KIOSK_SOURCE_DIR "/assets/demo-fair").content;
    std::vector<Paragraph> paragraphs;
    for (const content::Innovation& innovation : fair.innovations) {
        paragraphs.push_back({innovation.title.bn, true});
        for (const content::LocalText* text :
             {&innovation.summary, &innovation.problem, &innovation.solution})
            if (!text->bn.empty()) paragraphs.push_back({text->bn, false});
    }

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {kWidth, kHeight};
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset; // as the OpenGL 3 backend
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    {
        text::Engine engine(text::FindFonts(), std::make_unique<text::NullTextureBackend>());

        const Result cold = Frames(engine, paragraphs, 1);
        std::printf("screen: %llu Bengali glyphs, %.0fx%.0f, %zu paragraphs available\n",
                    static_cast<unsigned long long>(cold.glyphs), kWidth, kHeight, paragraphs.size());
        std::printf("cold first frame (shape, wrap, rasterise %llu glyph bitmaps): %7.3f ms\n",
                    static_cast<unsigned long long>(engine.Stats().glyphs_rendered), cold.ms_per_frame);

        engine.SetLayoutCaching(false);
        const Result uncached = Frames(engine, paragraphs, 50);
        std::printf("uncached (shape + wrap + atlas look-ups every frame):   %7.3f ms/frame\n",
                    uncached.ms_per_frame);

        engine.SetLayoutCaching(true);
        Frames(engine, paragraphs, 2); // fill the cache
        engine.ResetStats();
        const Result cached = Frames(engine, paragraphs, 500);
        const text::EngineStats stats = engine.Stats();
        const double lookups = static_cast<double>(stats.layout_hits + stats.layout_misses);
        std::printf("cached, steady state:                                  %7.3f ms/frame (target < 1 ms)\n",
                    cached.ms_per_frame);
        std::printf(
            "layout cache hit rate, steady state: %.2f %% (%llu hits, %llu misses); quad rebuilds: %llu\n",
            lookups > 0 ? 100.0 * static_cast<double>(stats.layout_hits) / lookups : 0.0,
            static_cast<unsigned long long>(stats.layout_hits),
            static_cast<unsigned long long>(stats.layout_misses),
            static_cast<unsigned long long>(stats.quad_rebuilds));
        std::printf("atlas: %d page(s) of 1024x1024, %llu shelf evictions\n", stats.atlas_pages,
                    static_cast<unsigned long long>(stats.atlas_evictions));
    }
    ImGui::DestroyContext();
    return 0;
}
