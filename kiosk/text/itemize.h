// Itemisation: cutting text into runs of one script, each shaped with its own font, script and
// language. Digits, punctuation and spaces (Unicode script Common) and combining marks
// (Inherited) belong to no script: they join the run before them, or the one after them at the
// start of a text, so "১২ মার্চ, ২০২৪।" stays one Bengali run and "(TCV)" keeps its brackets
// together. A closing bracket takes the script of its opening bracket.
#pragma once

#include <hb.h>

#include <string_view>
#include <vector>

namespace text {

struct Run {
    size_t begin = 0, end = 0; // code point indices, end exclusive
    hb_script_t script = HB_SCRIPT_LATIN;

    bool Bengali() const { return script == HB_SCRIPT_BENGALI; }
    friend bool operator==(const Run&, const Run&) = default;
};

// Runs covering [begin, end) of `text` in order; text with no letters at all is one Latin run.
std::vector<Run> Itemize(std::u32string_view text, size_t begin, size_t end);
inline std::vector<Run> Itemize(std::u32string_view text) {
    return Itemize(text, 0, text.size());
}

// The HarfBuzz language for a run: "bn" for Bengali, "en" otherwise.
hb_language_t LanguageOf(hb_script_t script);

} // namespace text
