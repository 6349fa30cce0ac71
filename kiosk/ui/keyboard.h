// Typing on the touchscreen: an on-screen keyboard (Bengali and English layouts) and a text field,
// for judges' comments and reasons. Text is UTF-8 in the Unicode order the text engine shapes:
// a vowel sign after its consonant, a conjunct as consonant + virama (্) + consonant.
//
// Use: keep a Keyboard and the text in the screen's state, and each frame
//     if (TextField(ui, field, comment, ui.T("মন্তব্য (ঐচ্ছিক)", "Comment (optional)"), open)) open = true;
//     if (open) {
//         const float h = keyboard.Height(ui, ui.screen.x);
//         switch (keyboard.Draw(ui, {0, ui.screen.y - h, ui.screen.x, h}, comment)) { ... }
//     }
// While the keyboard is open it reads Backspace, Enter and Escape itself: nothing else should.
#pragma once

#include "kiosk/ui/context.h"

#include <string>
#include <string_view>
#include <vector>

namespace ui {

// Editing helpers, pure.
// Removes the last character of UTF-8 `text`: one code point, so a Bengali vowel sign, virama
// (U+09CD) or nukta after a consonant goes first on its own (backspace on "কি" leaves "ক", on
// "ক্ষ" leaves "ক্"). An invalid tail (stray or truncated bytes) goes as one character.
void EraseLastCharacter(std::string& text);
// Appends typed characters, dropping control characters (U+0000-001F, U+007F-009F: newlines and
// tabs too) and invalid UTF-8, stopping at max_bytes without cutting a code point.
void AppendTyped(std::string& text, std::string_view typed, size_t max_bytes);

enum class KeyboardAction { None, Typed, Done, Cancel };

// The characters of a layout's keys, row by row, top to bottom (without space, backspace, shift
// and the other controls). Bengali has no shifted form: `shift` changes the English letters only.
const std::vector<std::vector<std::string_view>>& KeyRows(content::Lang layout, bool shift);

// An on-screen keyboard. Bengali layout, in the order of the alphabet as taught at school: digits,
// danda and punctuation; the vowels; the vowel signs under their vowels (virama under অ);
// consonants by class (ক-ঙ চ-ঞ ট-ণ, ত-ন প-ম য-ষ, স হ ড় ঢ় য় ৎ ং ঃ ঁ). English: QWERTY with
// digits and a one-shot Shift (capitals; @ # % & * ( ) - + / on the digits row; ; : ! for , . ?).
// Backspace is at the right end of the top row; the bottom row is the same in both layouts:
// Cancel, the layout switch (বাংলা / English), space, Done.
// Keys show a pressed state while held, and for a moment after a tap. A held backspace repeats
// after half a second.
struct Keyboard {
    content::Lang layout = content::Lang::Bengali;
    bool shift = false;
    size_t max_bytes = 1000;

    // What Draw needs for `width`: the Bengali layout's 7 rows of keys Px(64) tall (520 px at
    // 1080 lines), the same for both layouts so switching moves nothing. Given a taller rect,
    // Draw makes the keys taller (to Px(100)).
    float Height(const Context& ui, float width) const;
    // Draws the keys in `rect` and applies taps to `text`; also takes typing from a physical
    // keyboard through ImGui's io (InputQueueCharacters, Backspace, Enter = Done, Escape = Cancel).
    // Typed: `text` changed this frame. Done and Cancel leave `text` as it is: restoring it on
    // Cancel is the caller's choice.
    KeyboardAction Draw(Context& ui, const Rect& rect, std::string& text);
    // Draw, `width` wide at `x`, resting on `bottom` (an editor page's foot), or just under `top`
    // when the page is too short for that.
    KeyboardAction DrawAtFoot(Context& ui, float x, float width, float top, float bottom, std::string& text);

    // The key last tapped, drawn pressed until flash_until (ui.now), so a quick tap shows.
    Rect flash_rect{};
    double flash_until = 0;
    int erase_repeats = 0; // characters a held backspace has erased during this press
};

// A text box showing `text` (wrapped, up to `max_lines`) or the placeholder in muted ink when
// empty; returns true when tapped. Focused: a green border, the end of the text (its last
// max_lines lines, "…" when the start is cut off) and a steady caret after it. Not focused: the
// start of the text, ending in "…" when it does not fit.
bool TextField(Context& ui, const Rect& rect, const std::string& text, std::string_view placeholder,
               bool focused, int max_lines = 3);
// The height of a TextField that shows `max_lines` lines.
float TextFieldHeight(const Context& ui, int max_lines = 3);

// A PIN pad's twelve keys (1-9, then clear, 0, erase) in a 3x4 grid at (x, y), `width` wide:
// taps and a physical keyboard's digits and Backspace edit `pin`, ASCII digits up to `max_digits`
// whichever digits the keys show. Greyed and deaf when not `enabled`. Returns the height used.
float PinKeys(Context& ui, float x, float y, float width, float key_h, float key_gap, std::string& pin,
              size_t max_digits, bool enabled = true);

} // namespace ui
