#include "kiosk/platform.h"

#include "kiosk/app.h"
#include "kiosk/script_player.h"
#include "kiosk/ui/text.h"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace kiosk {

// Input callbacks installed before ImGui's (which chain to them): any event means a redraw.
void Platform::OnInputEvent(GLFWwindow* window) {
    auto* self = static_cast<Platform*>(glfwGetWindowUserPointer(window));
    self->m_pending_frames = std::max(self->m_pending_frames, 3);
    self->m_input_seen = true;
}

Platform::Platform(const WindowConfig& config) {
    glfwSetErrorCallback(
        [](int code, const char* text) { std::fprintf(stderr, "kiosk: GLFW error %d: %s\n", code, text); });
    if (!glfwInit())
        throw PlatformError("cannot start GLFW: is there a display (DISPLAY or WAYLAND_DISPLAY)?");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);

    GLFWmonitor* monitor = nullptr;
    int width = config.width, height = config.height;
    if (width == 0 || height == 0) {
        monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) throw PlatformError("no monitor found for fullscreen (use --windowed WxH)");
        width = mode->width, height = mode->height;
        glfwWindowHint(GLFW_RED_BITS, mode->redBits);
        glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
        glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
    } else {
        glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    }
    m_window = glfwCreateWindow(width, height, config.title.c_str(), monitor, nullptr);
    if (!m_window) {
        glfwTerminate();
        throw PlatformError("cannot open an OpenGL 3.3 window (is Mesa's libgl1-mesa-dri installed?)");
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);
    if (monitor) glfwSetInputMode(m_window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN); // a finger needs no cursor

    glfwSetWindowUserPointer(m_window, this);
    glfwSetCursorPosCallback(m_window, [](GLFWwindow* w, double, double) { OnInputEvent(w); });
    glfwSetMouseButtonCallback(m_window, [](GLFWwindow* w, int, int, int) { OnInputEvent(w); });
    glfwSetScrollCallback(m_window, [](GLFWwindow* w, double, double) { OnInputEvent(w); });
    glfwSetKeyCallback(m_window, [](GLFWwindow* w, int, int, int, int) { OnInputEvent(w); });
    glfwSetCharCallback(m_window, [](GLFWwindow* w, unsigned) { OnInputEvent(w); });
    glfwSetWindowRefreshCallback(m_window, [](GLFWwindow* w) {
        auto* self = static_cast<Platform*>(glfwGetWindowUserPointer(w));
        self->m_pending_frames = std::max(self->m_pending_frames, 1);
    });
    glfwSetFramebufferSizeCallback(m_window, [](GLFWwindow* w, int, int) {
        auto* self = static_cast<Platform*>(glfwGetWindowUserPointer(w));
        self->m_pending_frames = std::max(self->m_pending_frames, 2);
    });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk keeps no window settings
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_imgui_ready = true;
}

Platform::~Platform() {
    ui::StopText(); // its atlas textures go while the GL context is still here
    if (m_imgui_ready) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (m_window) glfwDestroyWindow(m_window);
    glfwTerminate();
}

// Sizes follow the window's scale. The text engine renders glyphs at any size, so nothing is
// rebuilt; it starts on the first frame. ImGui keeps only its small built-in font, unused.
void Platform::UpdateFonts(App& app) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    app.Ui().theme.scale = ui::ScaleFor(width, height);
    const std::string error = ui::StartText();
    if (!error.empty()) throw PlatformError(error);
}

bool SaveScreenshot(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    for (size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255;              // the frame is opaque
    stbi_flip_vertically_on_write(1); // GL's rows run bottom to top
    return stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4) != 0;
}

void Platform::DrawFrame(App& app, ScriptPlayer* script, double now) {
    UpdateFonts(app);
    ui::BeginTextFrame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (script && script->Input().active) {
        io.MousePos = script->Input().pos;
        io.MouseDown[0] = script->Input().down;
        app.Ui().touch.SetFingerTime(script->Input().time);
    }
    if (script) {
        if (m_script_key >= 0) io.KeysDown[m_script_key] = false;
        m_script_key = script->Input().key;
        if (m_script_key >= 0) io.KeysDown[m_script_key] = true;
    }
    ImGui::NewFrame();
    app.Frame(now);
    ImGui::Render();

    int width = 0, height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.95f, 0.96f, 0.95f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (script && !script->ShotPath().empty())
        script->ShotTaken(SaveScreenshot(script->ShotPath(), width, height));
    glfwSwapBuffers(m_window);
    ++m_frames;
}

int Platform::Run(App& app, ScriptPlayer* script) {
    constexpr double kNever = std::numeric_limits<double>::infinity();
    // A decoded picture wakes the loop from its sleep to show it.
    // So does a changed content pack, once it is loaded.
    auto rouse = [this] {
        m_woken = true;
        glfwPostEmptyEvent();
    };
    app.Ui().pictures.SetWake(rouse);
    app.WatchContent(rouse);
    app.StartSync(rouse); // the hub's events, and the Sync tab's status
    while (!glfwWindowShouldClose(m_window)) {
        const double now = glfwGetTime();
        if (m_woken.exchange(false)) m_pending_frames = std::max(m_pending_frames, 1);
        if (m_input_seen) {
            app.OnInput(now);
            m_input_seen = false;
        }
        if (script) {
            // A shot waits for input to settle and pictures to arrive, not for animations.
            script->Advance(now, m_frames, m_pending_frames == 0 && !app.Busy(), app);
            if (script->Done()) break;
        }
        const bool timer_due = now >= app.NextWake();
        const bool need_frame =
            m_pending_frames > 0 || app.Animating() || timer_due || (script && script->WantsFrame());
        if (!need_frame) {
            // Nothing changes until an event or the next timer: sleep, draw nothing.
            const double wake = std::min(app.NextWake(), script ? script->NextWake() : kNever);
            if (wake == kNever)
                glfwWaitEvents();
            else
                glfwWaitEventsTimeout(std::max(0.001, wake - now));
            continue;
        }
        glfwPollEvents();
        DrawFrame(app, script, glfwGetTime());
        if (m_pending_frames > 0)
            --m_pending_frames; // animations ask for their frames through app.Animating()
    }
    return 0;
}

} // namespace kiosk
