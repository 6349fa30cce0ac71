// The one UTF-8 module: decoding (strict, or replacing damage with U+FFFD), validation and
// encoding, for the pack checks, the innovation bank, the text engine and the keyboard alike.
// It lives in its own small library (content_utf8) rather than in `content`, so the text engine
// can use it without linking the pack loader, JSON and CSV readers it does not need.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace content {

constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes one code point at `pos` (< text.size()); returns its length, or 0 when the bytes there
// are not UTF-8 (stray continuation bytes, truncated or overlong forms, surrogates, past U+10FFFF).
size_t DecodeUtf8(std::string_view text, size_t pos, char32_t& out);

// The UTF-8 byte offset of the first byte that is not valid UTF-8; nothing when all of it is.
std::optional<size_t> InvalidUtf8Offset(std::string_view text);

// Decodes untrusted text, replacing each maximal invalid subpart with one U+FFFD (the
// Unicode-recommended practice, also what browsers do), so a reader sees where the damage is.
// Stops after `max_codepoints` code points.
std::u32string DecodeUtf8Replacing(std::string_view text, size_t max_codepoints = std::u32string::npos);

// Appends `cp` (a Unicode scalar value) encoded as UTF-8.
void AppendUtf8(std::string& out, char32_t cp);

// True for the bytes 10xxxxxx, which continue a code point and never start one.
constexpr bool IsUtf8Continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

} // namespace content
