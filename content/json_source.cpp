#include "content/json_source.h"

#include "content/pack_rules.h"
#include "content/utf8.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

namespace content {

namespace fs = std::filesystem;
using nlohmann::json;

TextPosition PositionAt(std::string_view text, size_t offset) {
    if (text.empty()) return {};
    // "Unexpected end of input" points one past the end: after the last character, or on the
    // last line's newline rather than on a line the editor does not show.
    offset = std::min(offset, text.size());
    if (offset == text.size() && text.back() == '\n') --offset;
    TextPosition position;
    size_t line_start = 0;
    for (size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') ++position.line, line_start = i + 1;
    for (size_t i = line_start; i < offset; ++i) // count characters, not UTF-8 continuation bytes
        if (!IsUtf8Continuation(text[i])) ++position.column;
    return position;
}

std::string PointerToken(std::string_view key) {
    std::string token;
    for (char c : key)
        token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return token;
}

namespace {

// [SECTION] Byte positions from nlohmann's own parser

// A char iterator that remembers how far the parser has read. nlohmann's lexer pulls one
// character at a time, so at each SAX event this is the end of the token just read (one past
// it for a number, whose end the lexer sees only at the next character).
class CountingIterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* at, const char** furthest) : m_at(at), m_furthest(furthest) {}
    reference operator*() const { return *m_at; }
    CountingIterator& operator++() {
        *m_furthest = ++m_at;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CountingIterator& other) const { return m_at == other.m_at; }

  private:
    const char* m_at;
    const char** m_furthest;
};

// Records the byte offset of every value (up to a depth the pack format never exceeds), and
// where parsing stopped when the text is not valid JSON.
class OffsetRecorder : public nlohmann::json_sax<json> {
  public:
    static constexpr size_t kMaxDepth = 8;

    OffsetRecorder(const std::string& text, std::unordered_map<std::string, size_t>* offsets)
        : m_text(text), m_furthest(text.data()), m_offsets(offsets) {}

    bool Parse() {
        const char* end = m_text.data() + m_text.size();
        return json::sax_parse(CountingIterator(m_text.data(), &m_furthest),
                               CountingIterator(end, &m_furthest), this);
    }

    size_t error_offset = 0;
    std::string error;

    bool null() override { return Value(); }
    bool boolean(bool) override { return Value(); }
    bool number_integer(number_integer_t) override { return Value(); }
    bool number_unsigned(number_unsigned_t) override { return Value(); }
    bool number_float(number_float_t, const string_t&) override { return Value(); }
    bool string(string_t&) override { return Value(); }
    bool binary(binary_t&) override { return Value(); }
    bool start_object(std::size_t) override { return Value() && Push(false); }
    bool start_array(std::size_t) override { return Value() && Push(true); }
    bool end_object() override { return Pop(); }
    bool end_array() override { return Pop(); }
    bool key(string_t& name) override {
        // Appended rather than `"/" + PointerToken(name)`: GCC 12 at -O2 and up reports a false
        // -Wrestrict in the inlined insert at the front of a temporary string (GCC bug 105329).
        std::string& token = m_frames.back().token;
        token.assign(1, '/');
        token += PointerToken(name);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& e) override {
        // `position` counts the bytes read: the last one, where the parser gave up, is the
        // offending token's last character, as nlohmann's own column says.
        error_offset = position > 0 ? position - 1 : 0;
        error = e.what();
        return false;
    }

  private:
    struct Frame {
        bool array = false;
        size_t next_index = 0;
        std::string token; // "/key" or "/index" of the value being read in this container
    };

    bool Value() {
        if (!m_frames.empty() && m_frames.back().array)
            m_frames.back().token = "/" + std::to_string(m_frames.back().next_index++);
        if (m_offsets && m_frames.size() <= kMaxDepth) {
            std::string pointer;
            for (const Frame& frame : m_frames)
                pointer += frame.token;
            const auto read = static_cast<size_t>(m_furthest - m_text.data());
            (*m_offsets)[std::move(pointer)] = read > 0 ? read - 1 : 0;
        }
        return true;
    }
    bool Push(bool array) {
        m_frames.push_back({array, 0, {}});
        return true;
    }
    bool Pop() {
        m_frames.pop_back();
        return true;
    }

    const std::string& m_text;
    const char* m_furthest;
    std::unordered_map<std::string, size_t>* m_offsets;
    std::vector<Frame> m_frames;
};

// nlohmann quotes the bytes it last read, which may be the first byte of a character only.
std::string ValidUtf8(std::string text) {
    while (std::optional<size_t> bad = InvalidUtf8Offset(text))
        text[*bad] = '?';
    return text;
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1,
// column 4: " prefix: the position is reported our way.
std::string PlainMessage(std::string what) {
    if (what.rfind("[json.exception.", 0) == 0) {
        const size_t close = what.find("] ");
        if (close != std::string::npos) what.erase(0, close + 2);
    }
    if (what.rfind("parse error", 0) == 0) {
        const size_t colon = what.find(": ");
        if (colon != std::string::npos) what.erase(0, colon + 2);
    }
    return ValidUtf8(std::move(what));
}

std::optional<std::string> ReadWhole(const fs::path& file, std::string& text) {
    std::error_code error;
    const fs::file_status status = fs::status(file, error);
    if (!fs::exists(status)) return "cannot open the file: it does not exist";
    if (!fs::is_regular_file(status)) return "cannot open the file: it is not a regular file";
    const uintmax_t size = fs::file_size(file, error);
    if (error) return "cannot read the file: " + error.message();
    if (size > kMaxJsonFileBytes)
        return "the file is " + std::to_string(size >> 20) + " MB, too big for a pack file (" +
               std::to_string(kMaxJsonFileBytes >> 20) + " MB at most)";
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::string("cannot open the file: ") + std::strerror(errno);
    text.resize(static_cast<size_t>(size));
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<size_t>(in.gcount())); // the file may have shrunk since
    if (in.bad()) return "cannot read the file";
    return std::nullopt;
}

} // namespace

JsonSource ReadJsonSource(const fs::path& file) {
    JsonSource source;
    if (std::optional<std::string> error = ReadWhole(file, source.text)) {
        source.error = std::move(*error);
        return source;
    }
    if (std::optional<size_t> bad = InvalidUtf8Offset(source.text)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(source.text[*bad]));
        source.error = std::string("invalid UTF-8 (byte ") + byte + "): save the file as UTF-8";
        source.error_offset = *bad;
        return source;
    }
    try {
        source.value = json::parse(source.text);
    } catch (const json::exception& e) {
        // The DOM parser's exceptions do not all carry a position (a number overflow has none);
        // the SAX parser reports one for every error.
        OffsetRecorder recorder(source.text, nullptr);
        const bool parsed = recorder.Parse();
        source.error = "not valid JSON: " + PlainMessage(parsed ? e.what() : recorder.error);
        if (!parsed) source.error_offset = recorder.error_offset;
    }
    return source;
}

ValueLocator::ValueLocator(const std::string& text) {
    OffsetRecorder recorder(text, &m_offsets);
    recorder.Parse();
    m_line_starts.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') m_line_starts.push_back(i + 1);
}

int ValueLocator::LineOf(std::string pointer) const {
    for (;;) {
        if (auto found = m_offsets.find(pointer); found != m_offsets.end()) {
            const auto line = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), found->second);
            return static_cast<int>(line - m_line_starts.begin());
        }
        if (pointer.empty()) return 1;
        pointer.erase(pointer.rfind('/'));
    }
}

} // namespace content
