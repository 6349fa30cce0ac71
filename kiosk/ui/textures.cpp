#include "kiosk/ui/textures.h"

#include <GL/gl.h>
#include <stb_image.h>
#include <stb_image_resize.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace ui {

Texture::Texture(const unsigned char* rgba, int width, int height) : m_width(width), m_height(height) {
    glGenTextures(1, &m_id);
    glBindTexture(GL_TEXTURE_2D, m_id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, 0x812F); // GL_CLAMP_TO_EDGE
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, 0x812F);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
}

Texture::~Texture() { Release(); }

Texture::Texture(Texture&& other) noexcept : m_id(other.m_id), m_width(other.m_width), m_height(other.m_height) {
    other.m_id = 0;
}

Texture& Texture::operator=(Texture&& other) noexcept {
    if (this != &other) {
        Release(); // free ours before taking theirs
        m_id = other.m_id;
        m_width = other.m_width;
        m_height = other.m_height;
        other.m_id = 0;
    }
    return *this;
}

void Texture::Release() {
    if (m_id) glDeleteTextures(1, &m_id);
    m_id = 0;
}

const Texture* TextureCache::Get(const std::string& path) {
    auto found = m_textures.find(path);
    if (found != m_textures.end()) return found->second.Width() > 0 ? &found->second : nullptr;

    Texture& texture = m_textures[path];
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels(stbi_load(path.c_str(), &width, &height, &channels, 4),
                                                           stbi_image_free);
    if (!pixels) {
        std::fprintf(stderr, "kiosk: cannot read picture %s: %s\n", path.c_str(), stbi_failure_reason());
        return nullptr;
    }
    // Pictures are never shown wider than about 1280 px: keep no more than that in memory.
    constexpr int kMaxSide = 1280;
    if (width > kMaxSide || height > kMaxSide) {
        const float shrink = static_cast<float>(kMaxSide) / static_cast<float>(std::max(width, height));
        const int w = std::max(1, static_cast<int>(static_cast<float>(width) * shrink));
        const int h = std::max(1, static_cast<int>(static_cast<float>(height) * shrink));
        std::vector<unsigned char> smaller(static_cast<size_t>(w) * h * 4);
        stbir_resize_uint8(pixels.get(), width, height, 0, smaller.data(), w, h, 0, 4);
        texture = Texture(smaller.data(), w, h);
    } else {
        texture = Texture(pixels.get(), width, height);
    }
    return &texture;
}

} // namespace ui
