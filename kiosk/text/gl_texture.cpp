#include "kiosk/text/gl_texture.h"

#include <GL/gl.h>

namespace text {

namespace {
// GL 3.x names the GL 1.1 header does not have; the functions taking them are GL 1.1.
constexpr GLint kR8 = 0x8229;
constexpr GLenum kClampToEdge = 0x812F;
constexpr GLenum kSwizzleRgba = 0x8E46;
} // namespace

GlTexture::GlTexture(int size) {
    glGenTextures(1, &m_id);
    glBindTexture(GL_TEXTURE_2D, m_id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, kClampToEdge);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, kClampToEdge);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, kSwizzleRgba, swizzle);
    const std::vector<uint8_t> clear(static_cast<size_t>(size) * size, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, kR8, size, size, 0, GL_RED, GL_UNSIGNED_BYTE, clear.data());
}

GlTexture& GlTexture::operator=(GlTexture&& other) noexcept {
    if (this != &other) {
        Release(); // ours goes before we take theirs
        m_id = other.m_id;
        other.m_id = 0;
    }
    return *this;
}

void GlTexture::Release() {
    if (m_id) glDeleteTextures(1, &m_id);
    m_id = 0;
}

void GlTextureBackend::Upload(int page, int x, int y, int w, int h, const uint8_t* coverage) {
    glBindTexture(GL_TEXTURE_2D, m_pages[static_cast<size_t>(page)].Id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RED, GL_UNSIGNED_BYTE, coverage);
}

} // namespace text
