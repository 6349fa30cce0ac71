// A pack's JSON file as the loader reads it: its text, its value, and the line of any value in
// it, so that problems can be reported as "path:line: what is wrong".
// nlohmann-json 3.11 records no positions; this reads them from its own SAX parser (see
// ValueLocator), so the JSON is never parsed by hand.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace content {

// A 1-based line and column (in characters, as an editor counts them).
struct TextPosition {
    int line = 1;
    int column = 1;
};

// The position of the byte at `offset` (clamped to the text).
TextPosition PositionAt(std::string_view text, size_t offset);

// A JSON file read whole. When it cannot be used, `error` says why and, when the problem is at
// a place in the text, `error_offset` is the byte it was found at.
struct JsonSource {
    std::string text;
    nlohmann::json value;
    std::string error;
    size_t error_offset = std::string::npos;
    bool Ok() const { return error.empty(); }
};

// Files larger than this are refused: no hand-written pack file comes near it.
constexpr size_t kMaxJsonFileBytes = 16u << 20;

JsonSource ReadJsonSource(const std::filesystem::path& file);

// "~" and "/" escaped as a JSON pointer (RFC 6901) reference token needs.
std::string PointerToken(std::string_view key);

// Where each value of a JSON text is, by JSON pointer ("/process/before/steps/2/id").
// Built only for files that have problems, so a clean pack is parsed once.
class ValueLocator {
  public:
    explicit ValueLocator(const std::string& text);
    // The line of the value at `pointer`, or of its nearest enclosing value found in the text.
    int LineOf(std::string pointer) const;

  private:
    std::unordered_map<std::string, size_t> m_offsets; // pointer -> byte offset of the value's end
    std::vector<size_t> m_line_starts;
};

} // namespace content
