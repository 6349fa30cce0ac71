// The window system behind one small class: GLFW window and GL context, Dear ImGui's backends,
// the frame loop that sleeps while nothing changes, input, screenshots.
#pragma once

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace kiosk {

class App;
class ScriptPlayer;

class PlatformError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct WindowConfig {
    int width = 0, height = 0; // 0: fullscreen on the primary monitor
    std::string title = "Innovation showcase";
};

class Platform {
  public:
    explicit Platform(const WindowConfig& config); // throws PlatformError
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    // Runs until the window closes or the script ends; returns the process exit code.
    int Run(App& app, ScriptPlayer* script);
    long FramesDrawn() const { return m_frames; }

  private:
    void DrawFrame(App& app, ScriptPlayer* script, double now);
    void UpdateFonts(App& app);
    static void OnInputEvent(GLFWwindow* window);

    GLFWwindow* m_window = nullptr;
    bool m_imgui_ready = false;
    long m_frames = 0;
    int m_pending_frames = 3; // frames still owed to the last change; 0 means the screen is still
    bool m_input_seen = false;
    int m_script_key = -1;            // the key a script holds down this frame
    std::atomic<bool> m_woken{false}; // set from the picture worker
};

// Writes the current back buffer (width x height) to a PNG file.
bool SaveScreenshot(const std::string& path, int width, int height);

} // namespace kiosk
