// Decoding a picture file into pixels at the size it is shown at. No GL here, so it runs on a
// worker thread and in tests. Refuses what would exhaust memory before decoding it.
#pragma once

#include <string>
#include <vector>

namespace ui {

struct DecodedPicture {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba; // width * height * 4
    std::string error;               // non-empty when the file could not be used
};

// Limits on what a picture file may claim to be: a 30 000 x 30 000 PNG of a few kilobytes
// would need 3.6 GB to decode.
constexpr int kMaxPictureSide = 16384;
constexpr long long kMaxPicturePixels = 50'000'000;

// Decodes `path` and shrinks it so neither side exceeds `max_side` (keeping its shape).
DecodedPicture DecodePicture(const std::string& path, int max_side);

} // namespace ui
