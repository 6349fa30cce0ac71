// Decoding pictures safely: shrunk to the size shown, and refused when damaged or too large to
// decode, before any memory is spent on them.
#include "kiosk/ui/picture_decode.h"

#include <stb_image_write.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <vector>

namespace fs = std::filesystem;
using ui::DecodePicture;

namespace {

fs::path Scratch(const std::string& name) {
    return fs::temp_directory_path() / ("kiosk-picture-" + name);
}

std::vector<unsigned char> ReadBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void WriteBytes(const fs::path& path, const std::vector<unsigned char>& bytes) {
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// A real PNG of the given size, filled with a gradient.
fs::path MakePng(const std::string& name, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 3);
    for (size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = static_cast<unsigned char>(i % 251);
    const fs::path path = Scratch(name);
    stbi_write_png(path.c_str(), width, height, 3, pixels.data(), width * 3);
    return path;
}

} // namespace

TEST_CASE("a picture is shrunk to the size it is shown at, keeping its shape") {
    const fs::path path = MakePng("big.png", 1600, 1000);
    const ui::DecodedPicture picture = DecodePicture(path.string(), 640);
    CHECK(picture.error.empty());
    CHECK(picture.width == 640);
    CHECK(picture.height == 400);
    CHECK(picture.rgba.size() == 640u * 400u * 4u);
    const ui::DecodedPicture whole = DecodePicture(path.string(), 2400);
    CHECK(whole.width == 1600);
    fs::remove(path);
}

TEST_CASE("a missing file, a non-picture and a truncated picture are refused with a reason") {
    CHECK(DecodePicture("/nonexistent/picture.png", 640).error == "is not found");

    const fs::path text = Scratch("notes.png");
    std::ofstream(text) << "this is not a picture";
    CHECK(DecodePicture(text.string(), 640).error == "is not a picture (PNG or JPEG)");

    const fs::path png = MakePng("truncated.png", 400, 300);
    std::vector<unsigned char> bytes = ReadBytes(png);
    bytes.resize(bytes.size() / 3);
    WriteBytes(png, bytes);
    const ui::DecodedPicture truncated = DecodePicture(png.string(), 640);
    CHECK_FALSE(truncated.error.empty());
    CHECK(truncated.rgba.empty());
    fs::remove(text);
    fs::remove(png);
}

TEST_CASE("a decompression bomb (30 000 x 30 000 in a small file) is refused before decoding") {
    // A small PNG whose header claims 30 000 x 30 000 pixels: 3.6 GB if decoded.
    const fs::path png = MakePng("bomb.png", 16, 16);
    std::vector<unsigned char> bytes = ReadBytes(png);
    REQUIRE(bytes.size() > 24);
    for (int offset : {16, 20}) { // IHDR width and height, big-endian
        const unsigned value = 30000;
        bytes[static_cast<size_t>(offset)] = 0;
        bytes[static_cast<size_t>(offset) + 1] = 0;
        bytes[static_cast<size_t>(offset) + 2] = static_cast<unsigned char>(value >> 8);
        bytes[static_cast<size_t>(offset) + 3] = static_cast<unsigned char>(value & 0xff);
    }
    WriteBytes(png, bytes);
    const ui::DecodedPicture bomb = DecodePicture(png.string(), 640);
    CHECK(bomb.error == "is 30000 × 30000 pixels, over the limit of 16384 per side (a decompression bomb?)");
    CHECK(bomb.rgba.empty());
    fs::remove(png);
}

TEST_CASE("a picture stb_image would decode but that is over the pixel budget is refused too") {
    const fs::path png = MakePng("wide.png", 16, 16);
    std::vector<unsigned char> bytes = ReadBytes(png);
    bytes[18] = 0x1f, bytes[19] = 0x40; // width 8000
    bytes[22] = 0x1f, bytes[23] = 0x40; // height 8000: 64 megapixels, 256 MB decoded
    WriteBytes(png, bytes);
    CHECK(DecodePicture(png.string(), 640).error ==
          "is 8000 × 8000 pixels, over the limit of 50 megapixels (a decompression bomb?)");
    fs::remove(png);
}
