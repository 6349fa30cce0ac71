#include "kiosk/ui/picture_decode.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace ui {

namespace {

struct FileCloser {
    void operator()(FILE* file) const { std::fclose(file); }
};

// The size a PNG's header claims (bytes 16-23 of the file, big-endian), so that a picture too
// large for stb_image to accept is reported as too large rather than as unreadable.
bool PngClaimedSize(FILE* file, long long& width, long long& height) {
    unsigned char header[24];
    std::rewind(file);
    const bool read = std::fread(header, 1, sizeof header, file) == sizeof header;
    std::rewind(file);
    static const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (!read || !std::equal(kSignature, kSignature + 8, header)) return false;
    auto be32 = [&](int at) {
        return (static_cast<long long>(header[at]) << 24) | (header[at + 1] << 16) | (header[at + 2] << 8) | header[at + 3];
    };
    width = be32(16), height = be32(20);
    return true;
}

std::string TooLarge(long long width, long long height) {
    return "too large to show (" + std::to_string(width) + " x " + std::to_string(height) + " pixels)";
}

} // namespace

DecodedPicture DecodePicture(const std::string& path, int max_side) {
    DecodedPicture picture;
    std::unique_ptr<FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        picture.error = "cannot open the file";
        return picture;
    }
    int width = 0, height = 0, channels = 0;
    // Read the header first: the size decides whether decoding is safe at all.
    long long claimed_width = 0, claimed_height = 0;
    if (!stbi_info_from_file(file.get(), &width, &height, &channels)) {
        if (PngClaimedSize(file.get(), claimed_width, claimed_height) &&
            (claimed_width > kMaxPictureSide || claimed_height > kMaxPictureSide))
            picture.error = TooLarge(claimed_width, claimed_height);
        else
            picture.error = std::string("not a picture stb_image can read (") + stbi_failure_reason() + ")";
        return picture;
    }
    if (width <= 0 || height <= 0 || width > kMaxPictureSide || height > kMaxPictureSide ||
        static_cast<long long>(width) * height > kMaxPicturePixels) {
        picture.error = TooLarge(width, height);
        return picture;
    }
    std::unique_ptr<unsigned char, void (*)(void*)> pixels(stbi_load_from_file(file.get(), &width, &height, &channels, 4),
                                                           stbi_image_free);
    if (!pixels) {
        picture.error = std::string("damaged or truncated (") + stbi_failure_reason() + ")";
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
    stbir_resize_uint8_srgb(pixels.get(), width, height, 0, picture.rgba.data(), picture.width, picture.height, 0, 4, 3, 0);
    return picture;
}

} // namespace ui
