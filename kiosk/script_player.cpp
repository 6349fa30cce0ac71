#include "kiosk/script_player.h"

#include "content/pack_rules.h" // EditDistance
#include "kiosk/app.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>

namespace kiosk {

using Kind = ScriptCommand::Kind;

static int KeyCode(const std::string& name) {
    static const std::map<std::string, int> keys = {
        {"enter", GLFW_KEY_ENTER},   {"escape", GLFW_KEY_ESCAPE}, {"backspace", GLFW_KEY_BACKSPACE},
        {"tab", GLFW_KEY_TAB},       {"left", GLFW_KEY_LEFT},     {"right", GLFW_KEY_RIGHT},
        {"up", GLFW_KEY_UP},         {"down", GLFW_KEY_DOWN},     {"space", GLFW_KEY_SPACE},
        {"delete", GLFW_KEY_DELETE}, {"home", GLFW_KEY_HOME},     {"end", GLFW_KEY_END}};
    auto found = keys.find(name);
    return found == keys.end() ? -1 : found->second;
}

// Up to five names on screen closest to `wanted`, as "a, b, c".
static std::string CloseNames(const std::string& wanted, const std::vector<ui::Target>& targets) {
    std::vector<std::pair<size_t, std::string>> ranked;
    for (const ui::Target& target : targets)
        ranked.emplace_back(content::EditDistance(wanted, target.name), target.name);
    std::sort(ranked.begin(), ranked.end());
    ranked.erase(std::unique(ranked.begin(), ranked.end()), ranked.end());
    std::string names;
    for (size_t i = 0; i < ranked.size() && i < 5; ++i)
        names += (i ? ", " : "") + ranked[i].second;
    return names.empty() ? "none" : names;
}

bool ScriptPlayer::Aim(const ScriptCommand& c, const App& app) {
    const std::vector<ui::Target>& targets = app.Ui().targets;
    // The last one drawn under a name is the one on top.
    for (auto target = targets.rbegin(); target != targets.rend(); ++target)
        if (target->name == c.text) {
            m_tap_at = {target->rect.x + target->rect.w * 0.5f, target->rect.y + target->rect.h * 0.5f};
            return true;
        }
    m_errors.push_back("line " + std::to_string(c.line) + ": no target \"" + c.text + "\" on screen (" +
                       ToString(app.GetRouter().Current()) +
                       "); the closest: " + CloseNames(c.text, targets));
    return false;
}

void ScriptPlayer::WriteTargets(const std::string& shot_name, const App& app) {
    std::ofstream out(std::filesystem::path(m_shots_dir) / (shot_name + ".targets"));
    out << "# name\tx\ty\twidth\theight (window pixels; \"disabled\" when a press does nothing)\n";
    for (const ui::Target& t : app.Ui().targets)
        out << t.name << "\t" << t.rect.x << "\t" << t.rect.y << "\t" << t.rect.w << "\t" << t.rect.h
            << (t.enabled ? "" : "\tdisabled") << "\n";
    if (!out) m_errors.push_back("cannot write " + shot_name + ".targets");
}

ScriptPlayer::ScriptPlayer(Script script, std::string shots_dir)
    : m_script(std::move(script)), m_shots_dir(std::move(shots_dir)) {
    m_errors = m_script.errors;
}

void ScriptPlayer::ShotTaken(bool ok) {
    if (!ok) m_errors.push_back("cannot write " + m_shot_path);
    m_shot_path.clear();
    m_shot_taken = true;
}

void ScriptPlayer::Finish(long frames_drawn, const App& app) {
    const ScriptCommand& command = m_script.commands[m_index];
    m_report.push_back(std::to_string(command.line) + "\t" + command.source + "\t" +
                       std::to_string(frames_drawn - m_command_frames) + "\t" +
                       ToString(app.GetRouter().Current()));
    ++m_index;
    m_started = false;
}

void ScriptPlayer::Advance(double now, long frames_drawn, bool settled, App& app) {
    m_wants_frame = false;
    m_wake_at = std::numeric_limits<double>::infinity();
    while (!m_done) {
        if (m_index >= m_script.commands.size()) {
            m_done = true;
            break;
        }
        if (!m_started) {
            m_started = true;
            m_phase = 0;
            m_phase_time = now;
            m_phase_frames = m_command_frames = frames_drawn;
            m_shot_taken = false;
        }
        if (!Step(now, frames_drawn, settled, app)) break;
        const bool quit = m_script.commands[m_index].kind == Kind::Quit;
        Finish(frames_drawn, app);
        if (quit) m_done = true;
    }
}

void ScriptPlayer::NextPhase(double now, long frames) {
    ++m_phase;
    m_phase_time = now;
    m_phase_frames = frames;
}

void ScriptPlayer::Touch(App& app, double time, ImVec2 pos, bool down) {
    m_input.active = true;
    m_input.pos = pos;
    m_input.down = down;
    m_input.time = time;
    app.OnInput(time);
    m_wants_frame = true;
}

// Let the screen settle (input answered, pictures decoded; 3 s at most) on a frame drawn since
// the command began, so what a shot shows or a press aims at is the screen as it now is.
bool ScriptPlayer::Settling(double now, long frames, bool settled) const {
    return (frames <= m_phase_frames || !settled) && now - m_phase_time < 3.0;
}

// One command's progress. Input changes wait for a drawn frame before the next change, so
// ImGui sees every press and release however slow the frames are.
bool ScriptPlayer::Step(double now, long frames, bool settled, App& app) {
    const ScriptCommand& c = m_script.commands[m_index];
    switch (c.kind) {
    case Kind::Tap:
        if (m_phase == 0) m_tap_at = {c.x1, c.y1};
        return TapPhases(now, frames, 0, app);
    case Kind::Press:
        if (m_phase == 0) {
            if (Settling(now, frames, settled)) return m_wants_frame = true, false;
            if (!Aim(c, app)) return true;
            NextPhase(now, frames); // then a tap where the target is
        }
        return TapPhases(now, frames, 1, app);
    case Kind::Hold:
        return HoldStep(c, now, frames, settled, app);
    case Kind::Drag:
        return DragStep(c, now, frames, app);
    case Kind::Wait:
        if (now - m_phase_time >= c.ms / 1000.0) return true;
        m_wake_at = m_phase_time + c.ms / 1000.0;
        return false;
    case Kind::Shot:
        return ShotStep(c, now, frames, settled, app);
    case Kind::Goto:
        if (!app.Go(c.text, now))
            m_errors.push_back("line " + std::to_string(c.line) + ": no route \"" + c.text + "\"");
        app.OnInput(now);
        m_wants_frame = true;
        return true;
    case Kind::Text:
        ImGui::GetIO().AddInputCharactersUTF8(c.text.c_str());
        app.OnInput(now);
        m_wants_frame = true;
        return true;
    case Kind::Key:
        return KeyStep(c, now, frames, app);
    case Kind::Quit:
        return true;
    }
    return true;
}

// A finger resting still on the named target for c.ms (a long press), then lifted.
bool ScriptPlayer::HoldStep(const ScriptCommand& c, double now, long frames, bool settled, App& app) {
    const bool drawn = frames > m_phase_frames;
    if (m_phase == 0) {
        if (Settling(now, frames, settled)) return m_wants_frame = true, false;
        if (!Aim(c, app)) return true;
        Touch(app, now, m_tap_at, true);
        NextPhase(now, frames);
    } else if (m_phase == 1) { // the kiosk wakes itself for the long press meanwhile
        if (now - m_phase_time >= c.ms / 1000.0)
            NextPhase(now, frames), m_wants_frame = true; // one frame with the finger still down
        else
            m_wake_at = m_phase_time + c.ms / 1000.0;
    } else if (m_phase == 2) {
        if (drawn)
            Touch(app, now, m_tap_at, false), NextPhase(now, frames);
        else
            m_wants_frame = true;
    } else {
        if (!drawn) m_wants_frame = true;
        return drawn;
    }
    return false;
}

std::vector<DragSample> DragPath(ImVec2 from, ImVec2 to, int ms) {
    constexpr double kFrameMs = 16;
    const int moves = std::max(2, static_cast<int>(std::ceil(std::max(ms, 0) / kFrameMs)));
    std::vector<DragSample> path;
    for (int i = 1; i <= moves; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(moves);
        path.push_back({{from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f},
                        i < moves,
                        std::max(ms, 0) / 1000.0 * i / moves});
    }
    return path;
}

// The finger touches, then makes each move of DragPath on a frame of its own, no sooner than the
// script's clock says, however slow the frames; phase N delivers move N.
bool ScriptPlayer::DragStep(const ScriptCommand& c, double now, long frames, App& app) {
    if (m_phase == 0) {
        m_drag = DragPath({c.x1, c.y1}, {c.x2, c.y2}, c.ms);
        m_drag_start = now;
        Touch(app, now, {c.x1, c.y1}, true);
        NextPhase(now, frames);
        return false;
    }
    if (frames <= m_phase_frames) return m_wants_frame = true, false; // the last change not yet drawn
    if (static_cast<size_t>(m_phase) > m_drag.size()) return true;    // the lift is on screen
    const DragSample& move = m_drag[static_cast<size_t>(m_phase) - 1];
    const double at = m_drag_start + move.at;
    if (now < at) {
        m_wake_at = at;
        return false;
    }
    Touch(app, at, move.pos, move.down);
    NextPhase(now, frames);
    return false;
}

// Once the screen settles, the next frame is captured (NAME.png), and its targets listed (NAME.targets).
bool ScriptPlayer::ShotStep(const ScriptCommand& c, double now, long frames, bool settled, const App& app) {
    if (m_phase == 0 && Settling(now, frames, settled)) return m_wants_frame = true, false;
    if (m_phase == 0) {
        std::filesystem::create_directories(m_shots_dir);
        m_shot_path = (std::filesystem::path(m_shots_dir) / (c.text + ".png")).string();
        NextPhase(now, frames);
    }
    if (m_shot_taken) {
        WriteTargets(c.text, app); // the frame just captured is the last one drawn
        return true;
    }
    m_wants_frame = true;
    return false;
}

// Down for a frame, then up for a frame, so a repeated key is pressed again.
bool ScriptPlayer::KeyStep(const ScriptCommand& c, double now, long frames, App& app) {
    const bool drawn = frames > m_phase_frames;
    if (m_phase == 0) {
        m_input.key = KeyCode(c.text);
        if (m_input.key < 0) {
            m_errors.push_back("line " + std::to_string(c.line) + ": no key \"" + c.text + "\"");
            return true;
        }
        app.OnInput(now);
        NextPhase(now, frames);
    } else if (m_phase == 1 && drawn) {
        m_input.key = -1;
        NextPhase(now, frames);
    } else if (m_phase == 2 && drawn) {
        return true;
    }
    m_wants_frame = true;
    return false;
}

// Phases first, first + 1, first + 2 of a command: the finger down, up after 50 ms and a drawn
// frame, then one more drawn frame so the tap's effect is on screen.
bool ScriptPlayer::TapPhases(double now, long frames, int first, App& app) {
    const bool drawn = frames > m_phase_frames;
    if (m_phase == first)
        Touch(app, now, m_tap_at, true), NextPhase(now, frames);
    else if (m_phase == first + 1 && drawn && now - m_phase_time >= 0.05)
        Touch(app, now, m_tap_at, false), NextPhase(now, frames);
    else if (m_phase == first + 2 && drawn)
        return true;
    else
        m_wants_frame = true;
    return false;
}

bool ScriptPlayer::WriteReport() const {
    std::filesystem::create_directories(m_shots_dir);
    std::ofstream out(std::filesystem::path(m_shots_dir) / "script-report.tsv");
    out << "line\tcommand\tframes\troute\n";
    for (const std::string& row : m_report)
        out << row << "\n";
    return static_cast<bool>(out);
}

} // namespace kiosk
