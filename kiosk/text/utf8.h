// UTF-8 in, code points out. Text from content packs is not trusted: every malformed sequence
// (stray continuation byte, truncated or overlong sequence, surrogate, > U+10FFFF) becomes one
// U+FFFD, so the layout never sees invalid input and the visitor sees where the damage is.
#pragma once

#include <string>
#include <string_view>

namespace text {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes `utf8`, replacing each maximal invalid subpart with U+FFFD (the Unicode-recommended
// practice, also what browsers do). Stops after `max_codepoints` code points.
std::u32string DecodeUtf8(std::string_view utf8, size_t max_codepoints = std::u32string::npos);
void AppendUtf8(std::string& out, char32_t cp);

} // namespace text
