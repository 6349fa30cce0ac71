#include "content/pack_rules.h"

#include <stb_image.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <unordered_map>

namespace content {

namespace fs = std::filesystem;

// [SECTION] Dates, links, ids, units

static bool IsLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int DaysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<Date> ParseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](size_t from, size_t count) {
        int value = 0;
        for (size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const Date date{number(0, 4), number(5, 2), number(8, 2)};
    if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
    if (date.day > DaysInMonth(date.year, date.month)) return std::nullopt;
    return date;
}

static bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
           });
}

// The host of an authority ("user@host:port"): letters, digits, '-', '.', or non-ASCII
// (internationalised names), or a bracketed IPv6 address.
static bool IsHost(std::string_view authority) {
    if (const size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    std::string_view host = authority, port;
    if (!authority.empty() && authority.front() == '[') {
        const size_t close = authority.find(']');
        if (close == std::string_view::npos || close < 2) return false;
        port = authority.substr(close + 1);
        if (!port.empty() && port.front() != ':') return false;
        host = "ipv6";
    } else if (const size_t colon = authority.find(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon);
    }
    if (!port.empty()) {
        port.remove_prefix(1);
        if (port.empty() || port.size() > 5 ||
            !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
    }
    if (host.empty() || host.front() == '.' || host.front() == '-') return false;
    return std::all_of(host.begin(), host.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) || c == '-' || c == '.';
    });
}

bool IsWebLink(std::string_view link) {
    size_t start = 0;
    if (StartsWithNoCase(link, "https://"))
        start = 8;
    else if (StartsWithNoCase(link, "http://"))
        start = 7;
    else
        return false;
    // Spaces and control characters break a QR code's address; real links escape them.
    if (std::any_of(link.begin(), link.end(),
                    [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; }))
        return false;
    const size_t end = link.find_first_of("/?#", start);
    return IsHost(link.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

bool IsPlainId(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

const std::vector<std::string>& TimeUnits() {
    static const std::vector<std::string> units{"days", "working-days", "hours", "minutes"};
    return units;
}
const std::vector<std::string>& CostUnits() {
    static const std::vector<std::string> units{"taka"};
    return units;
}
const std::vector<std::string>& VisitUnits() {
    static const std::vector<std::string> units{"visits"};
    return units;
}

// [SECTION] Process maps

namespace {

// Which steps a breadth-first walk along `links` reaches from `from`.
std::vector<bool> Reach(const std::vector<std::vector<size_t>>& links, const std::vector<size_t>& from) {
    std::vector<bool> reached(links.size(), false);
    std::deque<size_t> queue(from.begin(), from.end());
    for (size_t i : from)
        reached[i] = true;
    while (!queue.empty()) {
        const size_t i = queue.front();
        queue.pop_front();
        for (size_t j : links[i])
            if (!reached[j]) reached[j] = true, queue.push_back(j);
    }
    return reached;
}

std::string Quoted(const std::string& text) {
    return "\"" + text + "\"";
}

void CheckDecisions(const ProcessMap& map, std::vector<MapIssue>& issues) {
    for (size_t i = 0; i < map.steps.size(); ++i) {
        if (map.steps[i].kind != StepKind::Decision) continue;
        bool yes = false, no = false;
        for (const Edge& edge : map.edges)
            if (edge.from == map.steps[i].id)
                yes |= edge.label == EdgeLabel::Yes, no |= edge.label == EdgeLabel::No;
        if (yes && no) continue;
        const char* missing = !yes && !no ? "neither a \"yes\" nor a \"no\" edge"
                              : !yes      ? "no \"yes\" edge"
                                          : "no \"no\" edge";
        issues.push_back({MapIssue::At::Step, i,
                          "decision " + Quoted(map.steps[i].id) + " has " + missing + " going out"});
    }
}

// Dead ends are reported where the flow gets stuck, not at every step that leads there: at a
// step with no edge out, and once for a loop with no way out (a sink of the step graph).
void CheckDeadEnds(const ProcessMap& map, const std::vector<std::vector<size_t>>& next,
                   const std::vector<std::vector<size_t>>& previous, const std::vector<bool>& reached,
                   const std::vector<bool>& ending, std::vector<MapIssue>& issues) {
    for (size_t i = 0; i < map.steps.size(); ++i) {
        if (!reached[i] || ending[i]) continue;
        const std::vector<bool> ahead = Reach(next, {i}), behind = Reach(previous, {i});
        bool stuck = true,
             first = true; // stuck: every step ahead leads back here; first: i is the loop's first step
        std::string loop;
        size_t count = 0;
        for (size_t j = 0; j < map.steps.size(); ++j) {
            if (!ahead[j]) continue;
            stuck = stuck && behind[j];
            first = first && j >= i;
            loop += (count++ == 0 ? "" : ", ") + Quoted(map.steps[j].id);
        }
        if (!stuck || !first) continue;
        if (next[i].empty())
            issues.push_back({MapIssue::At::Step, i,
                              "step " + Quoted(map.steps[i].id) +
                                  " is a dead end: no edge goes out of it, and it is not an end"});
        else if (count == 1)
            issues.push_back(
                {MapIssue::At::Step, i,
                 "step " + loop + " is a dead end: it loops back to itself with no way out to an end"});
        else
            issues.push_back({MapIssue::At::Step, i,
                              "steps " + loop + " are a dead end: they loop with no way out to an end"});
    }
}

} // namespace

std::vector<MapIssue> CheckProcessMap(const ProcessMap& map) {
    if (map.steps.empty()) return {{MapIssue::At::Map, 0, "has no steps"}};
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < map.steps.size(); ++i)
        index.emplace(map.steps[i].id, i); // the first of a duplicate
    std::vector<std::vector<size_t>> next(map.steps.size()), previous(map.steps.size());
    for (const Edge& edge : map.edges) {
        auto from = index.find(edge.from), to = index.find(edge.to);
        if (from == index.end() || to == index.end()) continue;
        next[from->second].push_back(to->second);
        previous[to->second].push_back(from->second);
    }
    std::vector<size_t> starts, ends;
    for (size_t i = 0; i < map.steps.size(); ++i) {
        if (map.steps[i].kind == StepKind::Start) starts.push_back(i);
        if (map.steps[i].kind == StepKind::End) ends.push_back(i);
    }

    std::vector<MapIssue> issues;
    if (starts.empty()) issues.push_back({MapIssue::At::Map, 0, "has no start step (kind \"start\")"});
    for (size_t k = 1; k < starts.size(); ++k)
        issues.push_back({MapIssue::At::Step, starts[k],
                          "step " + Quoted(map.steps[starts[k]].id) +
                              " is a second start: the map already starts at " +
                              Quoted(map.steps[starts[0]].id)});
    if (ends.empty()) issues.push_back({MapIssue::At::Map, 0, "has no end step (kind \"end\")"});
    CheckDecisions(map, issues);

    // An unreachable step is reported once, not again as a dead end.
    const std::vector<bool> reached =
        starts.empty() ? std::vector<bool>(map.steps.size(), true) : Reach(next, {starts[0]});
    const std::vector<bool> ending =
        ends.empty() ? std::vector<bool>(map.steps.size(), true) : Reach(previous, ends);
    for (size_t i = 0; i < map.steps.size(); ++i)
        if (!reached[i])
            issues.push_back({MapIssue::At::Step, i,
                              "step " + Quoted(map.steps[i].id) + " cannot be reached from the start " +
                                  Quoted(map.steps[starts[0]].id)});
    CheckDeadEnds(map, next, previous, reached, ending, issues);
    return issues;
}

// [SECTION] Pictures

// Whether the first bytes are those of an image format stb_image reads, so that a file which
// starts like one but fails is called damaged, not "not a picture".
static bool LooksLikePicture(const unsigned char* head, size_t size) {
    auto starts = [&](std::initializer_list<unsigned char> magic) {
        return size >= magic.size() && std::equal(magic.begin(), magic.end(), head);
    };
    return starts({0x89, 'P', 'N', 'G'}) || starts({0xFF, 0xD8, 0xFF}) || starts({'G', 'I', 'F', '8'}) ||
           starts({'B', 'M'});
}

// The width and height in a PNG's IHDR chunk, which the format puts first, at bytes 16 to 23.
static bool PngSize(const unsigned char* head, size_t size, int& width, int& height) {
    if (size < 24 || head[0] != 0x89 || std::memcmp(head + 12, "IHDR", 4) != 0) return false;
    auto big_endian = [&](size_t at) {
        return (uint32_t{head[at]} << 24) | (uint32_t{head[at + 1]} << 16) | (uint32_t{head[at + 2]} << 8) |
               head[at + 3];
    };
    const uint32_t w = big_endian(16), h = big_endian(20);
    if (w == 0 || h == 0 || w > INT32_MAX || h > INT32_MAX) return false;
    width = static_cast<int>(w), height = static_cast<int>(h);
    return width > kMaxPictureSide || height > kMaxPictureSide ||
           static_cast<long long>(width) * height > kMaxPicturePixels;
}

std::optional<std::string> CheckPicture(const std::string& path) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) return "is not found";
    if (!fs::is_regular_file(status)) return "is not a file";
    const std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) return std::string("cannot be opened: ") + std::strerror(errno);
    std::array<unsigned char, 24> head{};
    const size_t got = std::fread(head.data(), 1, head.size(), file.get());
    if (got == 0) return "is empty";
    std::rewind(file.get());
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_file(file.get(), &width, &height, &channels)) {
        if (!LooksLikePicture(head.data(), got)) return "is not a picture (PNG or JPEG)";
        // stb_image refuses a PNG too large to decode before our limits apply, and then only
        // says "unknown image type": its size sits at a fixed place in the header.
        if (!PngSize(head.data(), got, width, height))
            return "is damaged or cut short: its header cannot be read";
    }
    const std::string size = std::to_string(width) + " × " + std::to_string(height) + " pixels";
    if (width > kMaxPictureSide || height > kMaxPictureSide)
        return "is " + size + ", over the limit of " + std::to_string(kMaxPictureSide) +
               " per side (a decompression bomb?)";
    if (static_cast<long long>(width) * height > kMaxPicturePixels)
        return "is " + size + ", over the limit of " + std::to_string(kMaxPicturePixels / 1'000'000) +
               " megapixels (a decompression bomb?)";
    return std::nullopt;
}

void PicturePixels::Free::operator()(unsigned char* pixels) const {
    stbi_image_free(pixels);
}

PicturePixels DecodePicture(const std::string& path) {
    PicturePixels picture;
    if (std::optional<std::string> problem =
            CheckPicture(path)) { // its size decides whether decoding is safe
        picture.error = std::move(*problem);
        return picture;
    }
    int channels = 0;
    picture.rgba.reset(stbi_load(path.c_str(), &picture.width, &picture.height, &channels, 4));
    if (!picture.rgba) {
        picture.width = picture.height = 0;
        picture.error = std::string("is damaged or cut short (") + stbi_failure_reason() + ")";
    }
    return picture;
}

// [SECTION] Text

size_t EditDistance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string ClosestName(std::string_view name, const std::vector<std::string_view>& known) {
    std::string_view best;
    size_t best_distance = 3; // more than two edits away is not a typo
    for (std::string_view candidate : known) {
        const size_t distance = EditDistance(name, candidate);
        if (distance < best_distance && distance < candidate.size())
            best = candidate, best_distance = distance;
    }
    return std::string(best);
}

} // namespace content
