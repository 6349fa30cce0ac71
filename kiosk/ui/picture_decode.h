// Decoding a picture file into pixels at the size it is shown at. No GL here, so it runs on a
// worker thread and in tests. Whether a picture can be shown is decided by the rule `kiosk check`
// uses (content::DecodePicture): what would exhaust memory is refused before decoding.
#pragma once

#include <string>
#include <vector>

namespace ui {

struct DecodedPicture {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba; // width * height * 4
    std::string error;               // why the file cannot be shown, e.g. "is not found"
};

// Decodes `path` and shrinks it so neither side exceeds `max_side` (keeping its shape).
DecodedPicture DecodePicture(const std::string& path, int max_side);

} // namespace ui
