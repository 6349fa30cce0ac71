// Scripted runs (kiosk --script FILE): parsing the script into commands. Playing them is the
// platform layer's job, since it owns time and input.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

struct ScriptCommand {
    enum class Kind { Tap, Press, Hold, Drag, Wait, Shot, Goto, Text, Key, Quit };
    Kind kind = Kind::Wait;
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    int ms = 0;
    std::string text; // shot name, route, typed text, key name or the name of a target to press
    int line = 0;
    std::string source; // the line as written, for the report
};

struct Script {
    std::vector<ScriptCommand> commands;
    std::vector<std::string> errors; // "line N: what is wrong"
};

Script ParseScript(const std::string& text);
Script LoadScript(const std::string& path);

} // namespace kiosk
