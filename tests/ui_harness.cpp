#include "ui_harness.h"

#include <stb_image.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace uitest {

namespace fs = std::filesystem;

namespace {

std::string Quote(const std::string& arg) {
    std::string quoted = "'";
    for (char c : arg)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// Runs a shell command, returning its exit code and combined output.
int Shell(const std::string& command, std::string& output) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return -1;
    std::array<char, 4096> buffer{};
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        output.append(buffer.data(), n);
    const int status = pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<ReportRow> ReadReport(const fs::path& file) {
    std::vector<ReportRow> rows;
    std::ifstream in(file);
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        ReportRow row;
        std::string number, frames;
        std::getline(fields, number, '\t');
        std::getline(fields, row.command, '\t');
        std::getline(fields, frames, '\t');
        std::getline(fields, row.route, '\t');
        row.line = std::atoi(number.c_str());
        row.frames = std::atol(frames.c_str());
        rows.push_back(row);
    }
    return rows;
}

} // namespace

const ReportRow* KioskRun::Find(const std::string& command) const {
    for (const ReportRow& row : report)
        if (row.command == command) return &row;
    return nullptr;
}

std::map<std::string, TargetRect> KioskRun::Targets(const std::string& shot) const {
    std::map<std::string, TargetRect> targets;
    std::ifstream in(shots / (shot + ".targets"));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string name, value;
        std::getline(fields, name, '\t');
        TargetRect rect;
        fields >> rect.x >> rect.y >> rect.w >> rect.h >> value;
        rect.enabled = value != "disabled";
        targets[name] = rect;
    }
    return targets;
}

namespace {

KioskRun Run(const std::string& name, const std::string& script, int screen_w, int screen_h,
             const std::vector<std::string>& args, const std::string& alongside = "") {
    KioskRun run;
    run.shots = fs::current_path() / "ui-shots" / name;
    fs::remove_all(run.shots);
    fs::create_directories(run.shots);
    const fs::path script_file = run.shots / "script.txt";
    std::ofstream(script_file) << script;

    std::string command =
        (alongside.empty() ? "" : "(" + alongside + ") & ") + "xvfb-run -a -s " +
        Quote("-screen 0 " + std::to_string(screen_w) + "x" + std::to_string(screen_h) + "x24") + " " +
        Quote(KIOSK_BINARY) + " --db " + Quote((run.shots / "kiosk.db").string()) + " --script " +
        Quote(script_file.string()) + " --shots " + Quote(run.shots.string());
    for (const std::string& arg : args) {
        command += ' '; // not += " " + Quote(arg): GCC 12 -O3 reports a false -Wrestrict (GCC bug 105329)
        command += Quote(arg);
    }
    run.exit_code = Shell(command, run.output);
    run.report = ReadReport(run.shots / "script-report.tsv");
    return run;
}

} // namespace

KioskRun RunKiosk(const std::string& name, const std::string& script, int width, int height,
                  const std::vector<std::string>& extra_args, const std::string& alongside) {
    std::vector<std::string> args = {"--windowed", std::to_string(width) + "x" + std::to_string(height)};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    // The X screen is square and large enough for every window size we test, portrait included.
    const int side = std::max({width, height, 1920});
    return Run(name, script, side, side, args, alongside);
}

KioskRun RunKioskFullscreen(const std::string& name, const std::string& script, int screen_width,
                            int screen_height) {
    return Run(name, script, screen_width, screen_height, {});
}

KioskRun RunCommand(const std::vector<std::string>& args) {
    KioskRun run;
    std::string command = Quote(KIOSK_BINARY);
    for (const std::string& arg : args) {
        command += ' '; // not += " " + Quote(arg): GCC 12 -O3 reports a false -Wrestrict (GCC bug 105329)
        command += Quote(arg);
    }
    run.exit_code = Shell(command, run.output);
    return run;
}

Image Image::Load(const std::string& path) {
    Image image;
    int channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
    if (!pixels) return Image{};
    image.rgb.assign(pixels, pixels + static_cast<size_t>(image.width) * image.height * 3);
    stbi_image_free(pixels);
    return image;
}

Rgb Image::At(int x, int y) const {
    const size_t i = (static_cast<size_t>(y) * width + x) * 3;
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
}

double Image::Share(int x, int y, int w, int h, Rgb color, int tolerance) const {
    long hits = 0, total = 0;
    for (int j = std::max(0, y); j < std::min(height, y + h); ++j)
        for (int i = std::max(0, x); i < std::min(width, x + w); ++i) {
            const Rgb p = At(i, j);
            ++total;
            if (std::abs(p.r - color.r) <= tolerance && std::abs(p.g - color.g) <= tolerance &&
                std::abs(p.b - color.b) <= tolerance)
                ++hits;
        }
    return total ? static_cast<double>(hits) / static_cast<double>(total) : 0;
}

double Image::DifferenceFrom(const Image& other) const {
    if (other.width != width || other.height != height) return 1;
    long differ = 0;
    for (size_t i = 0; i < rgb.size(); i += 3) {
        const int d = std::abs(rgb[i] - other.rgb[i]) + std::abs(rgb[i + 1] - other.rgb[i + 1]) +
                      std::abs(rgb[i + 2] - other.rgb[i + 2]);
        if (d > 48) ++differ;
    }
    return static_cast<double>(differ) / static_cast<double>(rgb.size() / 3);
}

double Image::Contrast() const {
    double sum = 0, squares = 0;
    const double n = static_cast<double>(rgb.size() / 3);
    for (size_t i = 0; i < rgb.size(); i += 3) {
        const double y = 0.2126 * rgb[i] + 0.7152 * rgb[i + 1] + 0.0722 * rgb[i + 2];
        sum += y;
        squares += y * y;
    }
    const double mean = sum / n;
    return std::sqrt(std::max(0.0, squares / n - mean * mean));
}

std::string Ocr(const std::string& png, const std::string& lang) {
    std::string output;
    Shell("tesseract " + Quote(png) + " stdout -l " + lang + " --psm 3 2>/dev/null", output);
    return output;
}

std::string ReadQrCodes(const std::string& png) {
    std::string output;
    Shell("zbarimg --quiet --raw " + Quote(png) + " 2>/dev/null", output);
    return output;
}

std::string Normalise(const std::string& text) {
    std::string out;
    bool space = false;
    for (unsigned char c : text) {
        if (std::isspace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

} // namespace uitest
