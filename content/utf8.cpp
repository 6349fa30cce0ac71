// The one UTF-8 decoder and encoder; see utf8.h.
#include "content/utf8.h"

#include <algorithm>

namespace content {

namespace {

// The code point at text[pos]: its length and value when valid; otherwise valid is false and
// length is the maximal invalid subpart (at least 1 byte): up to the first byte that cannot
// continue the sequence. The allowed range of the second byte rules out overlong forms,
// surrogates and values past U+10FFFF.
struct Decoded {
    char32_t cp = 0;
    size_t length = 1;
    bool valid = false;
};

Decoded DecodeAt(std::string_view text, size_t pos) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char lead = s[pos];
    if (lead < 0x80) return {lead, 1, true};
    size_t length = 0;
    char32_t cp = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, cp = lead & 0x0F;
        if (lead == 0xE0) lo = 0xA0;
        if (lead == 0xED) hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, cp = lead & 0x07;
        if (lead == 0xF0) lo = 0x90;
        if (lead == 0xF4) hi = 0x8F;
    } else {
        return {}; // a continuation byte, or a byte never used in UTF-8
    }
    size_t i = pos + 1;
    for (size_t k = 1; k < length; ++k, ++i) {
        if (i >= text.size() || s[i] < (k == 1 ? lo : 0x80) || s[i] > (k == 1 ? hi : 0xBF))
            return {0, i - pos, false};
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    return {cp, length, true};
}

} // namespace

size_t DecodeUtf8(std::string_view text, size_t pos, char32_t& out) {
    const Decoded decoded = DecodeAt(text, pos);
    if (!decoded.valid) return 0;
    out = decoded.cp;
    return decoded.length;
}

std::optional<size_t> InvalidUtf8Offset(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        const Decoded decoded = DecodeAt(text, i);
        if (!decoded.valid) return i;
        i += decoded.length;
    }
    return std::nullopt;
}

std::u32string DecodeUtf8Replacing(std::string_view text, size_t max_codepoints) {
    std::u32string out;
    out.reserve(std::min(text.size(), max_codepoints));
    for (size_t i = 0; i < text.size() && out.size() < max_codepoints;) {
        const Decoded decoded = DecodeAt(text, i);
        out.push_back(decoded.valid ? decoded.cp : kReplacementCharacter);
        i += decoded.length;
    }
    return out;
}

void AppendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

} // namespace content
