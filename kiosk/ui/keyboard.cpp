#include "kiosk/ui/keyboard.h"

#include "content/locale.h"
#include "content/utf8.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// ---- UTF-8 ----------------------------------------------------------------------------------

using content::AppendUtf8;

// The code point starting at s[i]: its length in bytes, or 0 when the bytes there are not valid UTF-8.
size_t DecodeAt(std::string_view s, size_t i, char32_t& cp) {
    return content::DecodeUtf8(s, i, cp);
}

// Where the valid code point that ends `s` starts, or npos when `s` does not end in one.
size_t LastCodePointStart(std::string_view s) {
    if (s.empty()) return std::string_view::npos;
    size_t start = s.size() - 1;
    for (int back = 0; start > 0 && back < 3 && content::IsUtf8Continuation(s[start]); ++back)
        --start;
    char32_t cp = 0;
    const size_t len = DecodeAt(s, start, cp);
    return len != 0 && start + len == s.size() ? start : std::string_view::npos;
}

bool IsControl(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

constexpr char32_t kVirama = 0x09CD;

// A mark that belongs to the character before it: Bengali signs, virama and nukta, other
// combining marks, ZWNJ and ZWJ. A line is never cut before one (nor after a virama).
bool JoinsPrevious(char32_t cp) {
    return (cp >= 0x0981 && cp <= 0x0983) || cp == 0x09BC || (cp >= 0x09BE && cp <= 0x09CD) || cp == 0x09D7 ||
           (cp >= 0x09E2 && cp <= 0x09E3) || (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200C || cp == 0x200D ||
           (cp >= 0xFE00 && cp <= 0xFE0F);
}

// ---- Layouts --------------------------------------------------------------------------------

enum class Special { None, Backspace, Shift, Layout, Space, Cancel, Done };

// One row of keys: the characters, space-separated (with their shifted forms for English), and
// a wide control key before or after them.
struct RowSpec {
    std::string_view keys;
    std::string_view shifted = {}; // empty: the same as keys
    Special before = Special::None, after = Special::None;
    float special_units = 1.5f; // the control key's width in keys
};

// The alphabet in the order taught at school. Vowel signs sit under their vowels (virama under
// অ); ড় ঢ় য় are the single code points U+09DC U+09DD U+09DF, as Bangladeshi text has them.
const std::vector<RowSpec> kBengali = {
    {"১ ২ ৩ ৪ ৫ ৬ ৭ ৮ ৯ ০ । , ?", {}, Special::None, Special::Backspace, 2.f},
    {"অ আ ই ঈ উ ঊ ঋ এ ঐ ও ঔ"},
    {"\u09CD \u09BE \u09BF \u09C0 \u09C1 \u09C2 \u09C3 \u09C7 \u09C8 \u09CB \u09CC"}, // ্ া ি ী ু ূ ৃ ে ৈ ো ৌ
    {"ক খ গ ঘ ঙ চ ছ জ ঝ ঞ ট ঠ ড ঢ ণ"},
    {"ত থ দ ধ ন প ফ ব ভ ম য র ল শ ষ"},
    {"স হ \u09DC \u09DD \u09DF ৎ \u0982 \u0983 \u0981"}, // স হ ড় ঢ় য় ৎ ং ঃ ঁ
};

const std::vector<RowSpec> kEnglish = {
    {"1 2 3 4 5 6 7 8 9 0", "@ # % & * ( ) - + /", Special::None, Special::Backspace},
    {"q w e r t y u i o p", "Q W E R T Y U I O P"},
    {"a s d f g h j k l '", "A S D F G H J K L \""},
    {"z x c v b n m , . ?", "Z X C V B N M ; : !", Special::Shift},
};

// The bottom row, the same in both layouts (so the layout switch stays under the finger), in
// units of a fifteenth of the width. Cancel is far from backspace and Done.
struct ControlKey {
    Special special;
    float units;
};
constexpr ControlKey kControlRow[] = {
    {Special::Cancel, 2.5f}, {Special::Layout, 2.5f}, {Special::Space, 7.f}, {Special::Done, 3.f}};
constexpr float kControlUnits = 15.f;

const std::vector<RowSpec>& Specs(content::Lang layout) {
    return layout == content::Lang::Bengali ? kBengali : kEnglish;
}

std::vector<std::string_view> Split(std::string_view keys) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < keys.size()) {
        const size_t end = std::min(keys.find(' ', i), keys.size());
        if (end > i) out.push_back(keys.substr(i, end - i));
        i = end + 1;
    }
    return out;
}

std::vector<std::vector<std::string_view>> BuildRows(content::Lang layout, bool shift) {
    std::vector<std::vector<std::string_view>> rows;
    for (const RowSpec& spec : Specs(layout))
        rows.push_back(Split(shift && !spec.shifted.empty() ? spec.shifted : spec.keys));
    return rows;
}

float RowUnits(const RowSpec& spec, size_t keys) {
    return static_cast<float>(keys) + (spec.before != Special::None ? spec.special_units : 0.f) +
           (spec.after != Special::None ? spec.special_units : 0.f);
}

// ---- Drawing --------------------------------------------------------------------------------

constexpr float kKeyHeight = 64, kKeyGap = 8, kPad = 12, kMaxKeyHeight = 100; // design px
constexpr double kFlashSeconds = 0.15;
constexpr double kRepeatDelay = 0.5, kRepeatEvery = 0.08; // a held backspace

enum class Look { Letter, Control, Primary };

struct KeyState {
    bool tapped = false, pressed = false;
    ImU32 ink = 0; // the label's colour
};

bool SameRect(const Rect& a, const Rect& b) {
    return std::fabs(a.x - b.x) < 0.5f && std::fabs(a.y - b.y) < 0.5f && std::fabs(a.w - b.w) < 0.5f &&
           std::fabs(a.h - b.h) < 0.5f;
}

void DrawLabel(Context& ui, const Rect& r, std::string_view label, TextStyle style, ImU32 ink) {
    const float line = LineHeight(ui.theme, style);
    DrawText(ui.draw, ui.theme, style, {r.x, r.y + (r.h - line) * 0.5f}, label, ink, {r.w, 1, Align::Center});
}

// A left-pointing key cap with a cross: the backspace sign.
void BackspaceIcon(ImDrawList* draw, ImVec2 c, float s, ImU32 ink, float t) {
    const float h = s * 0.36f, left = c.x - s * 0.5f, tip = c.x - s * 0.22f, right = c.x + s * 0.5f;
    const ImVec2 outline[] = {
        {left, c.y}, {tip, c.y - h}, {right, c.y - h}, {right, c.y + h}, {tip, c.y + h}};
    draw->AddPolyline(outline, 5, ink, ImDrawFlags_Closed, t);
    const float x = c.x + s * 0.12f, d = h * 0.45f;
    draw->AddLine({x - d, c.y - d}, {x + d, c.y + d}, ink, t);
    draw->AddLine({x - d, c.y + d}, {x + d, c.y - d}, ink, t);
}

// An upward block arrow, filled when shift is on.
void ShiftIcon(ImDrawList* draw, ImVec2 c, float s, ImU32 ink, float t, bool filled) {
    const float w = s * 0.42f, stem = s * 0.2f, top = c.y - s * 0.45f, mid = c.y + s * 0.02f,
                bottom = c.y + s * 0.42f;
    const ImVec2 arrow[] = {{c.x, top},           {c.x + w, mid},    {c.x + stem, mid}, {c.x + stem, bottom},
                            {c.x - stem, bottom}, {c.x - stem, mid}, {c.x - w, mid}};
    if (filled) {
        draw->AddTriangleFilled(arrow[0], arrow[1], arrow[6], ink);
        draw->AddRectFilled({c.x - stem, mid}, {c.x + stem, bottom}, ink);
    }
    draw->AddPolyline(arrow, 7, ink, ImDrawFlags_Closed, t);
}

// An icon followed by a word, centred; the word is left out where it does not fit.
template <typename Icon>
void IconLabel(Context& ui, const Rect& r, std::string_view word, ImU32 ink, Icon icon) {
    const float size = ui.Px(34), gap = ui.Px(10);
    const float word_w = MeasureText(ui.theme, TextStyle::BodyBold, word).x;
    const bool with_word = size + gap + word_w + ui.Px(24) <= r.w;
    const float total = with_word ? size + gap + word_w : size;
    const float x = r.x + (r.w - total) * 0.5f, cy = r.y + r.h * 0.5f;
    icon(ImVec2{x + size * 0.5f, cy}, size);
    if (with_word) {
        const float line = LineHeight(ui.theme, TextStyle::BodyBold);
        DrawText(ui.draw, ui.theme, TextStyle::BodyBold, {x + size + gap, cy - line * 0.5f}, word, ink);
    }
}

// The label of a character key: a combining mark is shown on a dotted circle (◌ি), as in print.
std::string KeyLabel(std::string_view key) {
    char32_t cp = 0;
    if (!key.empty() && DecodeAt(key, 0, cp) == key.size() && JoinsPrevious(cp))
        return "\u25CC" + std::string(key);
    return std::string(key);
}

} // namespace

// ---- Editing --------------------------------------------------------------------------------

void EraseLastCharacter(std::string& text) {
    if (text.empty()) return;
    const size_t start = LastCodePointStart(text);
    if (start != std::string_view::npos) {
        text.resize(start);
        return;
    }
    // An invalid tail is not a character anyone typed: it goes as a whole, back to the last valid one.
    do
        text.pop_back();
    while (!text.empty() && LastCodePointStart(text) == std::string_view::npos);
}

void AppendTyped(std::string& text, std::string_view typed, size_t max_bytes) {
    size_t i = 0;
    while (i < typed.size()) {
        char32_t cp = 0;
        const size_t len = DecodeAt(typed, i, cp);
        if (len == 0) { // an invalid byte: skip it, and any continuation bytes after it one by one
            ++i;
            continue;
        }
        if (!IsControl(cp)) {
            if (text.size() + len > max_bytes) return;
            text.append(typed.substr(i, len));
        }
        i += len;
    }
}

const std::vector<std::vector<std::string_view>>& KeyRows(content::Lang layout, bool shift) {
    static const std::vector<std::vector<std::string_view>> rows[2][2] = {
        {BuildRows(content::Lang::Bengali, false), BuildRows(content::Lang::Bengali, true)},
        {BuildRows(content::Lang::English, false), BuildRows(content::Lang::English, true)}};
    return rows[layout == content::Lang::Bengali ? 0 : 1][shift ? 1 : 0];
}

// ---- Keyboard -------------------------------------------------------------------------------

float Keyboard::Height(const Context& ui, float /*width*/) const {
    const float rows =
        static_cast<float>(std::max(kBengali.size(), kEnglish.size()) + 1); // + the control row
    return rows * ui.Px(kKeyHeight) + (rows - 1) * ui.Px(kKeyGap) + 2 * ui.Px(kPad);
}

namespace {

// One frame of a keyboard: its geometry, the keys drawn with their names (key/ক, key/done, ...),
// and what the taps and a physical keyboard did to the text.
class KeyboardFrame {
  public:
    KeyboardFrame(Keyboard& keyboard, Context& ui, const Rect& rect, std::string& text)
        : m_kb(keyboard), m_ui(ui), m_rect(rect), m_text(text), m_specs(Specs(keyboard.layout)),
          m_rows(KeyRows(keyboard.layout, keyboard.shift)) {
        float max_units = 1;
        for (size_t r = 0; r < m_specs.size(); ++r)
            max_units = std::max(max_units, RowUnits(m_specs[r], m_rows[r].size()));
        m_pad = ui.Px(kPad), m_gap = ui.Px(kKeyGap);
        m_row_count = static_cast<float>(m_specs.size() + 1);
        m_avail_w = rect.w - 2 * m_pad, m_avail_h = rect.h - 2 * m_pad;
        m_key_h =
            std::clamp((m_avail_h - (m_row_count - 1) * m_gap) / m_row_count, 1.f, ui.Px(kMaxKeyHeight));
        m_unit = (m_avail_w + m_gap) / max_units; // one key and the gap after it
        m_letter_style = m_key_h >= ui.Px(84) ? TextStyle::Title : TextStyle::Heading;
        m_rounding = ui.Px(10), m_line_w = ui.Px(3);
    }

    // The character rows, each centred; returns the y of the control row under them.
    float CharacterRows();
    // The control row across the whole width: Cancel, the layout switch, space, Done.
    void ControlRow(float y);
    // A physical keyboard (and the scripted tests' `text` and `key` commands).
    void PhysicalKeys();
    KeyboardAction Action() const { return m_action; }

  private:
    void Typed(std::string_view chars) {
        const size_t before = m_text.size();
        AppendTyped(m_text, chars, m_kb.max_bytes);
        if (m_text.size() != before) m_action = KeyboardAction::Typed;
    }
    void Erase() {
        if (m_text.empty()) return;
        EraseLastCharacter(m_text);
        m_action = KeyboardAction::Typed;
    }
    KeyState Key(std::string name, const Rect& k, Look look, bool lit = false);
    void SpecialKey(Special special, const Rect& k);
    void BackspaceKey(const Rect& k);
    void LayoutKey(const Rect& k);

    Keyboard& m_kb;
    Context& m_ui;
    Rect m_rect;
    std::string& m_text;
    const std::vector<RowSpec>& m_specs;
    const std::vector<std::vector<std::string_view>>& m_rows; // as the frame began, before Shift
    KeyboardAction m_action = KeyboardAction::None;
    float m_pad = 0, m_gap = 0, m_row_count = 0, m_avail_w = 0, m_avail_h = 0, m_key_h = 0, m_unit = 0;
    float m_rounding = 0, m_line_w = 0;
    TextStyle m_letter_style = TextStyle::Heading;
};

// A key's cap, pressed while held and for a moment after a tap.
KeyState KeyboardFrame::Key(std::string name, const Rect& k, Look look, bool lit) {
    m_ui.AddTarget("key/" + name, k);
    KeyState state;
    state.tapped = m_ui.Tapped(k);
    if (state.tapped) m_kb.flash_rect = k, m_kb.flash_until = m_ui.now + kFlashSeconds;
    state.pressed = m_ui.Pressing(k) || (m_ui.now < m_kb.flash_until && SameRect(k, m_kb.flash_rect));
    ImU32 fill = color::kSurface;
    state.ink = color::kText;
    if (look == Look::Control) fill = color::kGreenLight, state.ink = color::kGreenDark;
    if (look == Look::Primary || lit) fill = color::kGreen, state.ink = color::kTextOnDark;
    if (state.pressed)
        fill = look == Look::Primary || lit ? color::kGreenDark : color::kGreen,
        state.ink = color::kTextOnDark;
    m_ui.draw->AddRectFilled({k.x, k.y + m_ui.Px(2)}, {k.Right(), k.Bottom() + m_ui.Px(2)}, color::kShadow,
                             m_rounding);
    m_ui.draw->AddRectFilled(k.Min(), k.Max(), fill, m_rounding);
    return state;
}

void KeyboardFrame::BackspaceKey(const Rect& k) {
    const KeyState c = Key("backspace", k, Look::Control);
    IconLabel(m_ui, k, m_ui.T("মুছুন", "Delete"), c.ink,
              [&](ImVec2 at, float size) { BackspaceIcon(m_ui.draw, at, size, c.ink, m_line_w); });
    // Held: erases again and again after a moment; the release then erases nothing more.
    if (m_ui.touch.Pressed()) m_kb.erase_repeats = 0;
    if (m_ui.Pressing(k)) {
        m_ui.animating = true;
        const double held = m_ui.now - m_ui.touch.PressTime();
        while (held >= kRepeatDelay &&
               m_kb.erase_repeats <= static_cast<int>((held - kRepeatDelay) / kRepeatEvery)) {
            Erase();
            ++m_kb.erase_repeats;
        }
    }
    if (c.tapped && m_kb.erase_repeats == 0) Erase();
}

// Both names, the one in use on a green pill; only the other one where both do not fit.
void KeyboardFrame::LayoutKey(const Rect& k) {
    const KeyState c = Key("layout", k, Look::Control);
    const bool bengali = m_kb.layout == content::Lang::Bengali;
    const float half = k.w * 0.5f, inset = m_ui.Px(6);
    const bool both = std::max(MeasureText(m_ui.theme, TextStyle::BodyBold, "English").x,
                               MeasureText(m_ui.theme, TextStyle::BodyBold, "বাংলা").x) +
                          m_ui.Px(20) <=
                      half - inset;
    if (both) {
        const Rect left{k.x + inset, k.y + inset, half - inset, k.h - 2 * inset};
        const Rect right{k.x + half, k.y + inset, half - inset, k.h - 2 * inset};
        const Rect& active = bengali ? left : right;
        m_ui.draw->AddRectFilled(active.Min(), active.Max(), color::kGreen, m_rounding * 0.7f);
        DrawLabel(m_ui, left, "বাংলা", TextStyle::BodyBold, bengali ? color::kTextOnDark : c.ink);
        DrawLabel(m_ui, right, "English", TextStyle::BodyBold, bengali ? c.ink : color::kTextOnDark);
    } else {
        DrawLabel(m_ui, k, bengali ? "English" : "বাংলা", TextStyle::BodyBold, c.ink);
    }
    if (c.tapped) {
        m_kb.layout = bengali ? content::Lang::English : content::Lang::Bengali;
        m_kb.shift = false;
    }
}

void KeyboardFrame::SpecialKey(Special special, const Rect& k) {
    switch (special) {
    case Special::Backspace:
        BackspaceKey(k);
        break;
    case Special::Shift: {
        const KeyState c = Key("shift", k, Look::Control, m_kb.shift);
        IconLabel(m_ui, k, "Shift", c.ink, [&](ImVec2 at, float size) {
            ShiftIcon(m_ui.draw, at, size, c.ink, m_line_w, m_kb.shift);
        });
        if (c.tapped) m_kb.shift = !m_kb.shift;
        break;
    }
    case Special::Layout:
        LayoutKey(k);
        break;
    case Special::Space: {
        const KeyState c = Key("space", k, Look::Letter);
        DrawLabel(m_ui, k, m_ui.T("স্পেস", "space"), TextStyle::Body, c.pressed ? c.ink : color::kTextMuted);
        if (c.tapped) Typed(" ");
        break;
    }
    case Special::Cancel: {
        const KeyState c = Key("cancel", k, Look::Control);
        DrawLabel(m_ui, k, m_ui.T("বাতিল", "Cancel"), TextStyle::BodyBold, c.ink);
        if (c.tapped) m_action = KeyboardAction::Cancel;
        break;
    }
    case Special::Done: {
        const KeyState c = Key("done", k, Look::Primary);
        DrawLabel(m_ui, k, m_ui.T("সম্পন্ন", "Done"), TextStyle::BodyBold, c.ink);
        if (c.tapped) m_action = KeyboardAction::Done;
        break;
    }
    case Special::None:
        break;
    }
}

float KeyboardFrame::CharacterRows() {
    const float block_h = m_row_count * m_key_h + (m_row_count - 1) * m_gap;
    float y = m_rect.y + m_pad + std::max(0.f, (m_avail_h - block_h) * 0.5f);
    const bool was_shift = m_kb.shift;
    for (size_t r = 0; r < m_specs.size(); ++r) {
        const RowSpec& spec = m_specs[r];
        float x = m_rect.x + m_pad + (m_avail_w - (RowUnits(spec, m_rows[r].size()) * m_unit - m_gap)) * 0.5f;
        const auto wide = [&](Special s) {
            if (s == Special::None) return;
            SpecialKey(s, {x, y, spec.special_units * m_unit - m_gap, m_key_h});
            x += spec.special_units * m_unit;
        };
        wide(spec.before);
        for (std::string_view ch : m_rows[r]) {
            const Rect k{x, y, m_unit - m_gap, m_key_h};
            const KeyState c = Key(std::string(ch), k, Look::Letter);
            DrawLabel(m_ui, k, KeyLabel(ch), m_letter_style, c.ink);
            if (c.tapped) {
                Typed(ch);
                if (was_shift) m_kb.shift = false; // one-shot: the next key is small again
            }
            x += m_unit;
        }
        wide(spec.after);
        y += m_key_h + m_gap;
    }
    return y;
}

void KeyboardFrame::ControlRow(float y) {
    const float control_unit = (m_avail_w + m_gap) / kControlUnits;
    float x = m_rect.x + m_pad;
    for (const ControlKey& control : kControlRow) {
        SpecialKey(control.special, {x, y, control.units * control_unit - m_gap, m_key_h});
        x += control.units * control_unit;
    }
}

void KeyboardFrame::PhysicalKeys() {
    ImGuiIO& io = ImGui::GetIO();
    std::string chars;
    for (const ImWchar c : io.InputQueueCharacters)
        if (c != 0xFFFD && (c < 0xD800 || c > 0xDFFF))
            AppendUtf8(chars, c); // ImGui's invalid marker, lone surrogates
    if (!chars.empty()) Typed(chars);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) Erase();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)))
        m_action = KeyboardAction::Done;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) m_action = KeyboardAction::Cancel;
}

} // namespace

KeyboardAction Keyboard::Draw(Context& ui, const Rect& rect, std::string& text) {
    ui.draw->AddRectFilled(rect.Min(), rect.Max(), color::kBorder);
    KeyboardFrame frame(*this, ui, rect, text);
    frame.ControlRow(frame.CharacterRows());
    frame.PhysicalKeys();
    if (ui.now < flash_until) ui.animating = true; // the flash ends on a later frame
    return frame.Action();
}

// ---- Text field -----------------------------------------------------------------------------

namespace {

constexpr float kFieldPadX = 20, kFieldPadY = 14; // design px

struct Span {
    size_t begin = 0, end = 0; // bytes; end includes trailing spaces
};

// Lines of `text` for `width`, broken after spaces (and at newlines); a word wider than a line
// is cut between characters, never inside one (see JoinsPrevious).
std::vector<Span> WrapLines(const Theme& theme, TextStyle style, std::string_view text, float width) {
    const auto fits = [&](size_t b, size_t e) {
        return MeasureText(theme, style, text.substr(b, e - b)).x <= width;
    };
    std::vector<Span> lines;
    size_t start = 0, i = 0;
    while (i < text.size()) {
        if (text[i] == '\n') {
            lines.push_back({start, i});
            start = i = i + 1;
            continue;
        }
        size_t word_end = i;
        while (word_end < text.size() && text[word_end] != ' ' && text[word_end] != '\n')
            ++word_end;
        size_t next = word_end;
        while (next < text.size() && text[next] == ' ')
            ++next;
        if (!fits(start, word_end) && start < i) { // the word starts a new line
            lines.push_back({start, i});
            start = i;
        }
        while (!fits(start, word_end)) { // too wide on its own: cut it where it still fits
            std::vector<size_t> cuts;
            char32_t prev = 0;
            for (size_t p = start; p < word_end;) {
                char32_t cp = 0;
                const size_t len = std::max<size_t>(1, DecodeAt(text, p, cp));
                if (p > start && !JoinsPrevious(cp) && prev != kVirama) cuts.push_back(p);
                prev = cp;
                p += len;
            }
            if (cuts.empty()) break;         // one character wider than the line: it stays whole
            size_t lo = 0, hi = cuts.size(); // the first cut that does not fit, by bisection
            while (lo < hi) {
                const size_t mid = (lo + hi) / 2;
                if (fits(start, cuts[mid]))
                    lo = mid + 1;
                else
                    hi = mid;
            }
            const size_t cut = cuts[lo == 0 ? 0 : lo - 1];
            lines.push_back({start, cut});
            start = cut;
        }
        i = next;
    }
    lines.push_back({start, text.size()});
    return lines;
}

} // namespace

float TextFieldHeight(const Context& ui, int max_lines) {
    return LineHeight(ui.theme, TextStyle::Body) * static_cast<float>(std::max(1, max_lines)) +
           2 * ui.Px(kFieldPadY);
}

bool TextField(Context& ui, const Rect& rect, const std::string& text, std::string_view placeholder,
               bool focused, int max_lines) {
    max_lines = std::max(1, max_lines);
    const float pad_x = ui.Px(kFieldPadX), pad_y = ui.Px(kFieldPadY), rounding = ui.Px(12);
    const float line = LineHeight(ui.theme, TextStyle::Body);
    const float width = std::max(1.f, rect.w - 2 * pad_x - ui.Px(4)); // room for the caret
    ui.AddTarget(rect);
    const bool pressing = ui.Pressing(rect);

    ui.draw->AddRectFilled(rect.Min(), rect.Max(), pressing ? color::kSurfacePressed : color::kSurface,
                           rounding);
    ui.draw->AddRect(rect.Min(), rect.Max(), focused || pressing ? color::kGreen : color::kBorder, rounding,
                     0, ui.Px(focused ? 3 : 2));
    ui.draw->PushClipRect(rect.Min(), rect.Max(), true);
    const ImVec2 origin{rect.x + pad_x, rect.y + pad_y};
    ImVec2 caret = origin;
    if (text.empty()) {
        DrawText(ui.draw, ui.theme, TextStyle::Body, origin, placeholder, color::kTextMuted,
                 {width, max_lines});
    } else if (!focused) {
        DrawText(ui.draw, ui.theme, TextStyle::Body, origin, text, color::kText, {width, max_lines});
    } else {
        // The end of the text, where the caret is: its last lines.
        const std::vector<Span> lines = WrapLines(ui.theme, TextStyle::Body, text, width);
        const size_t first = lines.size() > static_cast<size_t>(max_lines) ? lines.size() - max_lines : 0;
        float y = origin.y;
        for (size_t i = first; i < lines.size(); ++i, y += line)
            DrawText(ui.draw, ui.theme, TextStyle::Body, {origin.x, y},
                     std::string_view(text).substr(lines[i].begin, lines[i].end - lines[i].begin),
                     color::kText);
        // After the last character, trailing spaces included (the engine's widths leave them out).
        const Span last = lines.back();
        size_t trimmed = last.end;
        while (trimmed > last.begin && text[trimmed - 1] == ' ')
            --trimmed;
        const float space =
            MeasureText(ui.theme, TextStyle::Body, "a a").x - MeasureText(ui.theme, TextStyle::Body, "aa").x;
        const float x = MeasureText(ui.theme, TextStyle::Body,
                                    std::string_view(text).substr(last.begin, trimmed - last.begin))
                            .x +
                        static_cast<float>(last.end - trimmed) * space;
        caret = {origin.x + std::min(x, width), y - line};
        if (first > 0) { // more above: a small chevron in the top-right corner
            const float s = ui.Px(8), cx = rect.Right() - pad_x * 0.5f - ui.Px(2), cy = origin.y + ui.Px(10);
            ui.draw->AddTriangleFilled({cx - s, cy + s * 0.6f}, {cx, cy - s * 0.6f}, {cx + s, cy + s * 0.6f},
                                       color::kTextMuted);
        }
    }
    if (focused) // steady, not blinking: a blinking caret would keep the kiosk drawing (and never settle)
        ui.draw->AddRectFilled({caret.x + ui.Px(1), caret.y + ui.Px(5)},
                               {caret.x + ui.Px(4), caret.y + line - ui.Px(5)}, color::kGreen);
    ui.draw->PopClipRect();
    return ui.Tapped(rect);
}

KeyboardAction Keyboard::DrawAtFoot(Context& ui, float x, float width, float top, float bottom,
                                    std::string& text) {
    const float height = Height(ui, width);
    return Draw(ui, {x, std::max(top, bottom - height), width, height}, text);
}

float PinKeys(Context& ui, float x, float y, float width, float key_h, float key_gap, std::string& pin,
              size_t max_digits, bool enabled) {
    if (enabled) {
        const ImGuiIO& io = ImGui::GetIO();
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            const ImWchar c = io.InputQueueCharacters[i];
            if (c >= '0' && c <= '9' && pin.size() < max_digits) pin += static_cast<char>(c);
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !pin.empty()) pin.pop_back();
    }
    const float key_w = (width - 2 * key_gap) / 3;
    static const char* const kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "erase"};
    for (int i = 0; i < 12; ++i) {
        const Rect key{x + static_cast<float>(i % 3) * (key_w + key_gap),
                       y + static_cast<float>(i / 3) * (key_h + key_gap), key_w, key_h};
        const std::string id = kKeys[i];
        std::string label = id;
        if (id == "clear")
            label = ui.T("সব মুছুন", "Clear");
        else if (id == "erase")
            label.clear(); // drawn as a back arrow
        else if (ui.Bengali())
            label = content::ToBengaliDigits(id);
        ui.Name("pin/" + id);
        const bool tapped = Button(ui, key, label, ButtonKind::Secondary, enabled);
        if (id == "erase")
            BackIcon(ui.draw, {key.x + key.w * 0.5f, key.y + key.h * 0.5f}, ui.Px(40),
                     enabled ? color::kGreenDark : color::kBorder);
        if (!tapped) continue;
        if (id.size() == 1 && pin.size() < max_digits)
            pin += id;
        else if (id == "clear")
            pin.clear();
        else if (id == "erase" && !pin.empty())
            pin.pop_back();
    }
    return 4 * (key_h + key_gap);
}

} // namespace ui
