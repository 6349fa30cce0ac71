#include "kiosk/script.h"

#include <fstream>
#include <sstream>

namespace kiosk {

static bool ReadNumbers(std::istringstream& in, std::initializer_list<float*> out) {
    for (float* value : out)
        if (!(in >> *value)) return false;
    return true;
}

Script ParseScript(const std::string& text) {
    Script script;
    std::istringstream lines(text);
    std::string raw;
    int number = 0;
    while (std::getline(lines, raw)) {
        ++number;
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        const size_t first = raw.find_first_not_of(" \t");
        if (first == std::string::npos || raw[first] == '#') continue;
        const std::string line = raw.substr(first);

        std::istringstream in(line);
        std::string verb;
        in >> verb;
        ScriptCommand command;
        command.line = number;
        command.source = line;
        auto rest = [&] {
            std::string tail;
            std::getline(in, tail);
            const size_t start = tail.find_first_not_of(" \t");
            return start == std::string::npos ? std::string() : tail.substr(start);
        };
        bool ok = true;
        std::string extra;
        if (verb == "tap") {
            command.kind = ScriptCommand::Kind::Tap;
            ok = ReadNumbers(in, {&command.x1, &command.y1});
        } else if (verb == "drag") {
            command.kind = ScriptCommand::Kind::Drag;
            ok = ReadNumbers(in, {&command.x1, &command.y1, &command.x2, &command.y2});
            command.ms = 300;
            if (ok && !(in >> command.ms)) {
                command.ms = 300;
                in.clear();
            }
            ok = ok && command.ms >= 0;
        } else if (verb == "hold") { // hold MS NAME: the time first, as a name may hold spaces
            command.kind = ScriptCommand::Kind::Hold;
            ok = static_cast<bool>(in >> command.ms) && command.ms >= 0;
            command.text = rest();
            ok = ok && !command.text.empty();
        } else if (verb == "wait") {
            command.kind = ScriptCommand::Kind::Wait;
            ok = static_cast<bool>(in >> command.ms) && command.ms >= 0;
        } else if (verb == "shot" || verb == "goto" || verb == "key") {
            command.kind = verb == "shot"   ? ScriptCommand::Kind::Shot
                           : verb == "goto" ? ScriptCommand::Kind::Goto
                                            : ScriptCommand::Kind::Key;
            in >> command.text;
            ok = !command.text.empty();
        } else if (verb == "text" || verb == "press") { // a target's name may hold spaces (a judge's)
            command.kind = verb == "text" ? ScriptCommand::Kind::Text : ScriptCommand::Kind::Press;
            command.text = rest();
            ok = !command.text.empty();
        } else if (verb == "quit") {
            command.kind = ScriptCommand::Kind::Quit;
        } else {
            script.errors.push_back("line " + std::to_string(number) + ": unknown command \"" + verb + "\"");
            continue;
        }
        if (ok && command.kind != ScriptCommand::Kind::Text && command.kind != ScriptCommand::Kind::Press &&
            command.kind != ScriptCommand::Kind::Hold && (in >> extra))
            ok = false;
        if (!ok) {
            script.errors.push_back("line " + std::to_string(number) + ": cannot read \"" + line + "\"");
            continue;
        }
        script.commands.push_back(std::move(command));
    }
    return script;
}

Script LoadScript(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        Script script;
        script.errors.push_back(path + ": cannot open the script");
        return script;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return ParseScript(text.str());
}

} // namespace kiosk
