// figures_bench: prints how long Graphviz takes to lay out the demo fair's process maps (median of
// 50 runs per map, with a fixed-width stand-in for text measurement) and the slowest map. The
// kiosk lays a map out once per width and language, never per frame; this is for keeping it so.
#include "content/pack_loader.h"
#include "kiosk/figures/process_map_layout.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace {

figures::LabelSize Measure(std::string_view text, float max_width) {
    float chars = 0;
    for (const char c : text)
        chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1.f : 0.f;
    const float total = chars * 10, lines = std::max(1.f, std::ceil(total / max_width));
    return {std::min(total, max_width), lines * 20};
}

double MedianMs(const content::ProcessMap& map) {
    std::vector<double> times;
    for (int i = 0; i < 50; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const figures::MapLayout layout = figures::LayOutProcessMap(map, Measure, {});
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (!layout.error.empty()) std::printf("error: %s\n", layout.error.c_str());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main() {
    const content::LoadedPack pack = content::LoadPack(std::string(KIOSK_SOURCE_DIR) + "/assets/demo-fair");
    double slowest = 0, total = 0;
    int maps = 0;
    for (const content::Innovation& innovation : pack.content.innovations)
        for (const auto& [name, map] : {std::pair{"before", &innovation.process_before},
                                        std::pair{"after", &innovation.process_after}}) {
            if (map->Empty()) continue;
            const double ms = MedianMs(*map);
            std::printf("%-24s %-6s %2zu steps  %6.2f ms\n", innovation.id.c_str(), name, map->steps.size(),
                        ms);
            slowest = std::max(slowest, ms);
            total += ms;
            ++maps;
        }
    std::printf("%d maps: median layout %.2f ms on average, slowest %.2f ms\n", maps, total / maps, slowest);
}
