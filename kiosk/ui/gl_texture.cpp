// The kiosk's one RAII OpenGL texture; see gl_texture.h.
#include "kiosk/ui/gl_texture.h"

#include <GL/gl.h>

#include <type_traits>
#include <utility>
#include <vector>

namespace ui {

static_assert(!std::is_copy_constructible_v<GlTexture> && !std::is_copy_assignable_v<GlTexture>);
static_assert(std::is_nothrow_move_constructible_v<GlTexture> &&
              std::is_nothrow_move_assignable_v<GlTexture>);

namespace {
// GL 3.x names the GL 1.1 header does not have; the functions taking them are GL 1.1.
constexpr GLint kR8 = 0x8229;
constexpr GLint kClampToEdge = 0x812F;
constexpr GLenum kSwizzleRgba = 0x8E46;
} // namespace

// Generates and binds a name with linear filtering and clamped edges; the caller fills it.
GlTexture::GlTexture(int width, int height, int bytes_per_pixel)
    : m_width(width), m_height(height), m_bytes_per_pixel(bytes_per_pixel) {
    glGenTextures(1, &m_name);
    glBindTexture(GL_TEXTURE_2D, m_name);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, kClampToEdge);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, kClampToEdge);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
}

GlTexture GlTexture::Rgba(const unsigned char* rgba, int width, int height) {
    GlTexture texture(width, height, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    return texture;
}

GlTexture GlTexture::Coverage(int size) {
    GlTexture texture(size, size, 1);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, kSwizzleRgba, swizzle);
    const std::vector<uint8_t> clear(static_cast<size_t>(size) * size, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, kR8, size, size, 0, GL_RED, GL_UNSIGNED_BYTE, clear.data());
    return texture;
}

GlTexture::GlTexture(GlTexture&& other) noexcept
    : m_name(std::exchange(other.m_name, 0)), m_width(std::exchange(other.m_width, 0)),
      m_height(std::exchange(other.m_height, 0)),
      m_bytes_per_pixel(std::exchange(other.m_bytes_per_pixel, 0)) {}

GlTexture& GlTexture::operator=(GlTexture&& other) noexcept {
    if (this != &other) {
        Release(); // ours goes before we take theirs
        m_name = std::exchange(other.m_name, 0);
        m_width = std::exchange(other.m_width, 0);
        m_height = std::exchange(other.m_height, 0);
        m_bytes_per_pixel = std::exchange(other.m_bytes_per_pixel, 0);
    }
    return *this;
}

void GlTexture::UploadCoverage(int x, int y, int w, int h, const uint8_t* coverage) {
    glBindTexture(GL_TEXTURE_2D, m_name);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RED, GL_UNSIGNED_BYTE, coverage);
}

void GlTexture::Release() {
    if (m_name) glDeleteTextures(1, &m_name);
    m_name = 0;
    m_width = m_height = m_bytes_per_pixel = 0;
}

} // namespace ui
