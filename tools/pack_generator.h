// Writes large, valid content packs with varied Bengali and English texts, process maps and small
// generated pictures: for benchmarks (bench/pack_bench) and for trying the kiosk on a big fair.
#pragma once

#include <cstdint>
#include <string>

namespace tools {

struct PackSize {
    int innovations = 500;
    int offices = 40;
    int pictures_per_innovation = 2;
    uint32_t seed = 1; // the same seed writes the same pack
};

struct GeneratedPack {
    int files = 0; // JSON files
    long long json_bytes = 0;
    int pictures = 0;
};

// Writes the pack into `folder` (created if needed). Throws std::runtime_error when it cannot write.
GeneratedPack GeneratePack(const std::string& folder, const PackSize& size);

} // namespace tools
