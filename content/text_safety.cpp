// Text made safe at the edges (see text_safety.h).
#include "content/text_safety.h"

#include "content/utf8.h"

#include <algorithm>
#include <cstdio>

namespace content {

namespace {

bool IsFormulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Windows-1252 bytes 0x80-0x9F as Unicode (the rest of 0xA0-0xFF is Latin-1, the same numbers).
char32_t FromWindows1252(unsigned char byte) {
    static constexpr char32_t kHigh[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                           0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    return byte >= 0x80 && byte < 0xA0 ? kHigh[byte - 0x80] : byte;
}

// The Windows-1252 signs Bijoy fonts draw as Bengali vowel signs, conjuncts and letters, which
// ordinary English or Bengali text almost never holds. Accented letters of European names
// (é, ü, ñ...) are left out so that "Café" is not taken for Bijoy.
bool IsBijoySign(char32_t c) {
    switch (c) {
    case 0x2020: // † e-kar
    case 0x2021: // ‡ e-kar
    case 0x02C6: // ˆ
    case 0x2030: // ‰
    case 0x0160: // Š
    case 0x2039: // ‹
    case 0x0152: // Œ
    case 0x017D: // Ž
    case 0x2122: // ™
    case 0x0161: // š
    case 0x203A: // ›
    case 0x0153: // œ
    case 0x0178: // Ÿ
    case 0x00A1: // ¡
    case 0x00A2: // ¢
    case 0x00A3: // £
    case 0x00A4: // ¤
    case 0x00A5: // ¥
    case 0x00A6: // ¦
    case 0x00A7: // §
    case 0x00A8: // ¨ ya-phala
    case 0x00A9: // © reph
    case 0x00AA: // ª
    case 0x00AB: // «
    case 0x00AC: // ¬
    case 0x00AE: // ®
    case 0x00AF: // ¯
    case 0x00B0: // °
    case 0x00B1: // ±
    case 0x00B2: // ²
    case 0x00B3: // ³
    case 0x00B5: // µ
    case 0x00B6: // ¶
    case 0x00B7: // ·
    case 0x00B8: // ¸
    case 0x00B9: // ¹
    case 0x00BA: // º
    case 0x00BB: // »
    case 0x00BC: // ¼
    case 0x00BD: // ½
    case 0x00BE: // ¾
    case 0x00BF: // ¿
    case 0x00C6: // Æ
    case 0x00CB: // Ë
    case 0x00CC: // Ì
    case 0x00CD: // Í
    case 0x00CE: // Î
    case 0x00CF: // Ï
    case 0x00D0: // Ð
    case 0x00D2: // Ò
    case 0x00D3: // Ó
    case 0x00D4: // Ô
    case 0x00D5: // Õ
    case 0x00D7: // ×
    case 0x00D8: // Ø
    case 0x00D9: // Ù
    case 0x00DA: // Ú
    case 0x00DB: // Û
    case 0x00DD: // Ý
    case 0x00DE: // Þ
    case 0x00F7: // ÷
        return true;
    default:
        return false;
    }
}

// Apostrophes, then a formula character: what CsvCell neutralises (a cell that already looks
// neutralised gets one more apostrophe, so that importers, taking one off, read it back exactly).
bool StartsAsFormula(std::string_view cell) {
    const size_t first = cell.find_first_not_of('\'');
    return first != std::string_view::npos && IsFormulaStart(cell[first]);
}

} // namespace

std::string CsvCell(std::string_view cell) {
    std::string value; // appended, not inserted at the front: GCC bug 105329 (see bank.cpp)
    if (StartsAsFormula(cell)) value += '\'';
    value += cell;
    const bool needs_quotes =
        value.find_first_of(",\"\r\n") != std::string::npos ||
        (!value.empty() && (value.front() == ' ' || value.back() == ' ' || value.back() == '\t'));
    if (!needs_quotes) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

bool IsNeutralisedCell(std::string_view cell) {
    return cell.size() >= 2 && cell[0] == '\'' && StartsAsFormula(cell.substr(1));
}

bool LooksLikeBijoy(std::string_view text) {
    const bool utf8 = !InvalidUtf8Offset(text);
    int letters = 0, signs = 0, e_kars = 0;
    for (size_t pos = 0; pos < text.size();) {
        char32_t c = 0;
        if (utf8) {
            pos += DecodeUtf8(text, pos, c);
        } else {
            c = FromWindows1252(static_cast<unsigned char>(text[pos++]));
        }
        if (c >= 0x0980 && c <= 0x09FF) return false; // real Bengali: written in Unicode
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
        if (IsBijoySign(c)) ++signs;
        if (c == 0x2020 || c == 0x2021) ++e_kars;
    }
    // Bijoy writes consonants as ASCII letters and most vowel signs as the signs above: a word or
    // two of it holds several. One † or ‡ (the e-kar, in almost every Bengali sentence) is enough.
    return letters >= 2 && (e_kars >= 1 || signs >= 2);
}

std::optional<std::string> UnsafeNameReason(std::string_view text) {
    if (const std::optional<size_t> bad = InvalidUtf8Offset(text)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
        return std::string("is not valid UTF-8 (byte ") + hex +
               "; Latin-1 or ANSI?): save the sheet as \"CSV UTF-8 (Comma delimited)\"";
    }
    for (size_t pos = 0; pos < text.size();) {
        char32_t c = 0;
        pos += DecodeUtf8(text, pos, c);
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
            return std::string("holds a control character (") + code + ")";
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
            return std::string("holds a text-direction override (") + code +
                   "), which makes it read differently from what it is";
    }
    return std::nullopt;
}

bool StartsAsUtf16(std::string_view bytes) {
    return bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
}

} // namespace content
