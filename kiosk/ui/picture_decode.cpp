#include "kiosk/ui/picture_decode.h"

#include "content/pack_rules.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <memory>

namespace ui {

DecodedPicture DecodePicture(const std::string& path, int max_side) {
    DecodedPicture picture;
    // The header first: its size decides whether decoding is safe at all.
    if (std::optional<std::string> problem = content::CheckPicture(path)) {
        picture.error = *problem;
        return picture;
    }
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels(
        stbi_load(path.c_str(), &width, &height, &channels, 4), stbi_image_free);
    if (!pixels) {
        picture.error = std::string("is damaged or cut short (") + stbi_failure_reason() + ")";
        return picture;
    }
    const int longest = std::max(width, height);
    if (max_side <= 0 || longest <= max_side) {
        picture.width = width, picture.height = height;
        picture.rgba.assign(pixels.get(), pixels.get() + static_cast<size_t>(width) * height * 4);
        return picture;
    }
    const double shrink = static_cast<double>(max_side) / longest;
    picture.width = std::max(1, static_cast<int>(width * shrink + 0.5));
    picture.height = std::max(1, static_cast<int>(height * shrink + 0.5));
    picture.rgba.resize(static_cast<size_t>(picture.width) * picture.height * 4);
    stbir_resize_uint8_srgb(pixels.get(), width, height, 0, picture.rgba.data(), picture.width,
                            picture.height, 0, 4, 3, 0);
    return picture;
}

} // namespace ui
