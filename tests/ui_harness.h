// Running the real kiosk under Xvfb with a script, and looking at what it drew.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace uitest {

struct ReportRow {
    int line = 0;
    std::string command;
    long frames = 0;
    std::string route; // where the kiosk was after the command
};

// A named touch target as a shot's NAME.targets lists it (window pixels).
struct TargetRect {
    float x = 0, y = 0, w = 0, h = 0;
    bool enabled = true;
};

struct KioskRun {
    int exit_code = -1;
    std::string output; // stdout and stderr
    std::vector<ReportRow> report;
    std::filesystem::path shots;

    const ReportRow* Find(const std::string& command) const; // the first row with this command
    std::string Shot(const std::string& name) const { return (shots / (name + ".png")).string(); }
    // The named targets on screen when the shot was taken, by name.
    std::map<std::string, TargetRect> Targets(const std::string& shot) const;
};

// Runs `kiosk --windowed WxH --script ...` on a fresh Xvfb, with a scratch database.
// `name` names the run's folder under the build tree's ui-shots/, kept for people to look at.
// `alongside`, when given, is a shell command run in the background while the kiosk runs (say,
// an organiser saving a file).
KioskRun RunKiosk(const std::string& name, const std::string& script, int width, int height,
                  const std::vector<std::string>& extra_args = {}, const std::string& alongside = "");
// Runs the kiosk without --windowed: fullscreen on an X screen of the given size.
KioskRun RunKioskFullscreen(const std::string& name, const std::string& script, int screen_width,
                            int screen_height);
// Runs the kiosk binary with arguments and no display.
KioskRun RunCommand(const std::vector<std::string>& args);

struct Rgb {
    int r = 0, g = 0, b = 0;
};

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;

    static Image Load(const std::string& path); // empty on failure
    bool Empty() const { return width == 0; }
    Rgb At(int x, int y) const;
    // Fraction of pixels in the rectangle within `tolerance` of `color` (per channel).
    double Share(int x, int y, int w, int h, Rgb color, int tolerance = 24) const;
    // Fraction of pixels that differ noticeably from `other` (same size).
    double DifferenceFrom(const Image& other) const;
    // Standard deviation of luminance: a blank frame has almost none.
    double Contrast() const;
};

// Text read back from a picture with tesseract ("eng" or "ben").
std::string Ocr(const std::string& png, const std::string& lang);
// The text of the QR codes in a picture, read back with zbarimg, one per line.
std::string ReadQrCodes(const std::string& png);
// Lower-cased with runs of whitespace as one space, for matching OCR output.
std::string Normalise(const std::string& text);

} // namespace uitest
