#include "kiosk/text/itemize.h"

#include <utility>

namespace text {

namespace {

bool Weak(hb_script_t script) {
    return script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN;
}

// The opening bracket a closing one pairs with, or 0.
char32_t OpeningOf(char32_t cp) {
    switch (cp) {
    case U')':
        return U'(';
    case U']':
        return U'[';
    case U'}':
        return U'{';
    case U'\u201D':
        return U'\u201C'; // ” “
    case U'\u2019':
        return U'\u2018'; // ’ ‘
    case U'\u00BB':
        return U'\u00AB'; // » «
    default:
        return 0;
    }
}

bool Opening(char32_t cp) {
    return cp == U'(' || cp == U'[' || cp == U'{' || cp == U'\u201C' || cp == U'\u2018' || cp == U'\u00AB';
}

} // namespace

std::vector<Run> Itemize(std::u32string_view text, size_t begin, size_t end) {
    std::vector<Run> runs;
    if (begin >= end) return runs;
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();

    // Leading weak characters take the first strong script; a text with none is Latin.
    hb_script_t current = HB_SCRIPT_LATIN;
    for (size_t i = begin; i < end; ++i) {
        const hb_script_t script = hb_unicode_script(unicode, text[i]);
        if (!Weak(script)) {
            current = script;
            break;
        }
    }

    std::vector<std::pair<char32_t, hb_script_t>> brackets; // open brackets and their scripts
    for (size_t i = begin; i < end; ++i) {
        const char32_t cp = text[i];
        hb_script_t script = hb_unicode_script(unicode, cp);
        if (Weak(script)) {
            script = current;
            if (Opening(cp)) {
                if (brackets.size() < 64)
                    brackets.emplace_back(cp, script); // deep nesting is not worth memory
            } else if (const char32_t open = OpeningOf(cp)) {
                for (size_t k = brackets.size(); k-- > 0;) {
                    if (brackets[k].first != open) continue;
                    script = brackets[k].second;
                    brackets.resize(k);
                    break;
                }
            }
        }
        current = script;
        if (runs.empty() || runs.back().script != script)
            runs.push_back({i, i + 1, script});
        else
            runs.back().end = i + 1;
    }
    return runs;
}

hb_language_t LanguageOf(hb_script_t script) {
    static const hb_language_t bengali = hb_language_from_string("bn", -1);
    static const hb_language_t english = hb_language_from_string("en", -1);
    return script == HB_SCRIPT_BENGALI ? bengali : english;
}

} // namespace text
