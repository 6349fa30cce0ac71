// The one UTF-8 module (content/utf8): its strict decoder, its validator, its replacing decoder
// and its encoder agree with each other on every string of up to three bytes and on samples of
// four, and each case of damage is reported where it starts.
#include "content/utf8.h"

#include <doctest/doctest.h>

#include <string>

using namespace content;

namespace {

// Checks that every view of `s` agrees: valid exactly when the replacing decoder replaces nothing
// and the encoder gives the same bytes back; the validator's offset is where the strict decoder
// first fails.
void CheckAgreement(const std::string& s) {
    const std::u32string decoded = DecodeUtf8Replacing(s);
    const bool replaced = decoded.find(kReplacementCharacter) != std::u32string::npos;
    std::string encoded;
    for (char32_t cp : decoded)
        AppendUtf8(encoded, cp);
    const std::optional<size_t> bad = InvalidUtf8Offset(s);
    CHECK(bad.has_value() == replaced);
    CHECK((encoded == s) == !bad.has_value());
    size_t pos = 0;
    char32_t cp = 0;
    while (pos < s.size()) {
        const size_t length = DecodeUtf8(s, pos, cp);
        if (length == 0) break;
        CHECK_FALSE(IsUtf8Continuation(s[pos]));
        pos += length;
    }
    CHECK(pos == bad.value_or(s.size()));
}

} // namespace

TEST_CASE("UTF-8: the decoders, the validator and the encoder agree on every short string") {
    std::string s(2, '\0');
    for (int a = 0; a < 256; ++a)
        for (int b = 0; b < 256; ++b) {
            s[0] = static_cast<char>(a), s[1] = static_cast<char>(b);
            CheckAgreement(s);
        }
    // Three bytes: every lead byte from 0xC0 on with every second byte, and a few third bytes.
    s.assign(3, '\0');
    for (int a = 0xC0; a < 256; ++a)
        for (int b = 0; b < 256; ++b)
            for (int c : {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE0, 0xFF}) {
                s[0] = static_cast<char>(a), s[1] = static_cast<char>(b), s[2] = static_cast<char>(c);
                CheckAgreement(s);
            }
    for (const char* four : {"\xF0\x9F\x98\x80", "\xF0\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80",
                             "\xF5\x80\x80\x80", "\xF0\x9F\x98"})
        CheckAgreement(four);
}

TEST_CASE("UTF-8: each kind of damage is found where it starts") {
    CHECK_FALSE(InvalidUtf8Offset("বাংলা ok 😀"));
    CHECK(InvalidUtf8Offset("ok\xC0\xAF") == 2u);         // overlong
    CHECK(InvalidUtf8Offset("ok\xE0\x80\x80") == 2u);     // overlong, three bytes
    CHECK(InvalidUtf8Offset("ok\xED\xA0\x80") == 2u);     // a UTF-16 surrogate
    CHECK(InvalidUtf8Offset("ok\xF4\x90\x80\x80") == 2u); // past U+10FFFF
    CHECK(InvalidUtf8Offset("ok\xE0\xA6") == 2u);         // cut short
    CHECK(InvalidUtf8Offset("\x80ok") == 0u);             // a stray continuation byte
    char32_t cp = 0;
    CHECK(DecodeUtf8("ক", 0, cp) == 3);
    CHECK(cp == 0x0995);
    CHECK(IsUtf8Continuation("ক"[1]));
    CHECK_FALSE(IsUtf8Continuation('a'));
}
