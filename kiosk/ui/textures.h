// Pictures from the content pack as GL textures, loaded when first shown and kept for reuse.
// (Loading off the UI thread, with a memory cap, comes with the content-pack hardening issue.)
#pragma once

#include <imgui.h>

#include <map>
#include <string>

namespace ui {

class Texture {
public:
    Texture() = default;
    Texture(const unsigned char* rgba, int width, int height);
    ~Texture();
    Texture(Texture&& other) noexcept;
    Texture& operator=(Texture&& other) noexcept;
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;

    ImTextureID Id() const { return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_id)); }
    int Width() const { return m_width; }
    int Height() const { return m_height; }

private:
    void Release();
    unsigned int m_id = 0;
    int m_width = 0, m_height = 0;
};

class TextureCache {
public:
    // The picture at `path`, or nullptr when it cannot be read (the failure is remembered).
    const Texture* Get(const std::string& path);
    void Clear() { m_textures.clear(); }

private:
    std::map<std::string, Texture> m_textures; // an empty Texture marks a picture that failed
};

} // namespace ui
