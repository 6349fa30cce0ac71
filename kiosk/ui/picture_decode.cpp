#include "kiosk/ui/picture_decode.h"

#include "content/pack_rules.h"

#include <stb_image_resize.h>

#include <algorithm>

namespace ui {

DecodedPicture DecodePicture(const std::string& path, int max_side) {
    DecodedPicture picture;
    const content::PicturePixels decoded = content::DecodePicture(path); // the rule kiosk check uses
    if (!decoded.rgba) {
        picture.error = decoded.error;
        return picture;
    }
    const int width = decoded.width, height = decoded.height;
    const unsigned char* pixels = decoded.rgba.get();
    const int longest = std::max(width, height);
    if (max_side <= 0 || longest <= max_side) {
        picture.width = width, picture.height = height;
        picture.rgba.assign(pixels, pixels + static_cast<size_t>(width) * height * 4);
        return picture;
    }
    const double shrink = static_cast<double>(max_side) / longest;
    picture.width = std::max(1, static_cast<int>(width * shrink + 0.5));
    picture.height = std::max(1, static_cast<int>(height * shrink + 0.5));
    picture.rgba.resize(static_cast<size_t>(picture.width) * picture.height * 4);
    stbir_resize_uint8_srgb(pixels, width, height, 0, picture.rgba.data(), picture.width, picture.height, 0,
                            4, 3, 0);
    return picture;
}

} // namespace ui
