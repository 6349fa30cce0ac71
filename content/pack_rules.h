// What makes a pack's values valid: the rules the pack loader and `kiosk check` share, kept
// apart from JSON so they can be tested (and reused by the picture loader) on their own.
#pragma once

#include "content/model.h"
#include "content/utf8.h" // DecodeUtf8, InvalidUtf8Offset: the pack rules check text with them

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

// Pictures larger than this are refused before decoding: a small file can claim 30000 × 30000
// pixels and take gigabytes once decoded (a decompression bomb).
constexpr int kMaxPictureSide = 16384;
constexpr long long kMaxPicturePixels = 50'000'000;

// A "YYYY-MM-DD" date that exists in the Gregorian calendar; nothing otherwise.
std::optional<Date> ParseDate(std::string_view text);

// An http:// or https:// address with a host: what a visitor's phone can open from a QR code.
bool IsWebLink(std::string_view link);

// Ids are short lowercase words with digits and '-', so they read well in logs and scripts.
bool IsPlainId(std::string_view id);

// The units each TCV figure may use; the first is the default.
const std::vector<std::string>& TimeUnits();  // days, working-days, hours, minutes
const std::vector<std::string>& CostUnits();  // taka
const std::vector<std::string>& VisitUnits(); // visits

// A problem in a process map's structure, at a step (its index), at an edge, or the whole map.
struct MapIssue {
    enum class At { Map, Step, Edge };
    At at = At::Map;
    size_t index = 0;
    std::string message;
};

// A map must read as a flow: exactly one start, at least one end, every step reachable from the
// start and leading to an end, each decision with a "yes" and a "no" edge. Edges naming unknown
// steps are the parser's to report; they are skipped here.
std::vector<MapIssue> CheckProcessMap(const ProcessMap& map);

// Why a picture cannot be shown, read from its header only (stb_image's stbi_info); nothing
// when it is a readable image within the size limits.
std::optional<std::string> CheckPicture(const std::string& path);

// A picture's pixels as the kiosk shows them: RGBA, 4 bytes a pixel, row after row.
struct PicturePixels {
    struct Free {
        void operator()(unsigned char* pixels) const;
    };
    int width = 0, height = 0;
    std::unique_ptr<unsigned char[], Free> rgba;
    std::string error; // why it cannot be shown (then no pixels), e.g. "is damaged or cut short (...)"
};

// The rule for showing a picture, shared by the kiosk and `kiosk check`: the header check above
// (nothing too large is decoded), then the whole file decoded with stb_image, so that a picture
// cut short or damaged past its header is found too.
PicturePixels DecodePicture(const std::string& path);

// How many one-byte edits turn `a` into `b` (Levenshtein), for "did you mean" suggestions.
size_t EditDistance(std::string_view a, std::string_view b);

// The known name closest to a misspelt one (at most two edits away), or "".
std::string ClosestName(std::string_view name, const std::vector<std::string_view>& known);

} // namespace content
