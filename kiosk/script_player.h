// Plays a script (kiosk --script) against the running kiosk: moves the finger, waits, types,
// navigates and asks for screenshots, and reports the frames drawn during each command.
#pragma once

#include "kiosk/script.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace kiosk {

class App;

// The finger and keys a script holds, applied over the real input each frame.
struct ScriptedInput {
    bool active = false; // a script has touched the screen: its pointer replaces the real one
    ImVec2 pos{};
    bool down = false;
    double time = 0; // when the finger came to be so, on the script's clock (ui::Touch::SetFingerTime)
    int key = -1;    // a GLFW key held for this frame, or -1
};

// One move of a scripted drag: where the finger is, whether it is still down, and when, in
// seconds after it touched.
struct DragSample {
    ImVec2 pos;
    bool down = true;
    double at = 0;
};

// The moves of `drag X1 Y1 X2 Y2 MS` after the press: evenly spaced, one per ~16 ms of its
// duration and never fewer than two (so the screen sees the finger down and moved before it
// lifts); the last lifts the finger as it arrives, as in a fling. The player gives each its own
// frame and the finger the sample's time, so the same script scrolls the same on a slow machine.
std::vector<DragSample> DragPath(ImVec2 from, ImVec2 to, int ms);

class ScriptPlayer {
  public:
    ScriptPlayer(Script script, std::string shots_dir);

    // Before each loop turn: moves the script on as far as time and drawn frames allow.
    void Advance(double now, long frames_drawn, bool settled, App& app);
    bool WantsFrame() const { return m_wants_frame; }
    double NextWake() const { return m_wake_at; }               // when a waiting command ends
    const std::string& ShotPath() const { return m_shot_path; } // non-empty: capture the next frame
    void ShotTaken(bool ok);
    bool Done() const { return m_done; }
    const ScriptedInput& Input() const { return m_input; }
    const std::vector<std::string>& Errors() const { return m_errors; }
    // script-report.tsv: line, command, frames drawn while it ran, the route after it.
    bool WriteReport() const;

  private:
    bool Step(double now, long frames_drawn, bool settled, App& app); // true when the command finished
    // A tap at m_tap_at over three phases from `first`; true when done.
    bool TapPhases(double now, long frames, int first, App& app);
    bool HoldStep(const ScriptCommand& command, double now, long frames, bool settled, App& app);
    bool DragStep(const ScriptCommand& command, double now, long frames, App& app);
    bool ShotStep(const ScriptCommand& command, double now, long frames, bool settled, const App& app);
    bool KeyStep(const ScriptCommand& command, double now, long frames, App& app);
    void NextPhase(double now, long frames);
    // The scripted finger moves, down or up, at `time` on the script's clock.
    void Touch(App& app, double time, ImVec2 pos, bool down);
    bool Settling(double now, long frames, bool settled) const;
    // Finds the named target on the last frame drawn; false (and an error naming it) when absent.
    bool Aim(const ScriptCommand& command, const App& app);
    void WriteTargets(const std::string& shot_name, const App& app);
    void Finish(long frames_drawn, const App& app);

    Script m_script;
    std::string m_shots_dir;
    size_t m_index = 0;
    int m_phase = 0;
    double m_phase_time = 0;
    long m_phase_frames = 0, m_command_frames = 0;
    bool m_started = false, m_wants_frame = false, m_done = false;
    double m_wake_at = 0;
    std::string m_shot_path;
    bool m_shot_taken = false;
    ScriptedInput m_input;
    ImVec2 m_tap_at{};
    std::vector<DragSample> m_drag; // the drag under way, and when its finger touched
    double m_drag_start = 0;
    std::vector<std::string> m_errors;
    std::vector<std::string> m_report;
};

} // namespace kiosk
