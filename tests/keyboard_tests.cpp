// Typing: the editing helpers (backspace over Bengali, appending within a limit), the keys of both
// layouts, and the on-screen keyboard driven headlessly through ImGui's io as the platform does:
// every key found by tapping across it, Bengali typed by taps, a physical keyboard.
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <map>
#include <set>

using content::Lang;
using ui::AppendTyped;
using ui::EraseLastCharacter;

namespace {

std::string Erased(std::string text) {
    EraseLastCharacter(text);
    return text;
}

bool ValidUtf8(std::string_view s) {
    std::string copy;
    AppendTyped(copy, s, 1 << 20);
    return copy == s;
}

} // namespace

TEST_CASE("keyboard: backspace removes the last ASCII character") {
    CHECK(Erased("abc") == "ab");
    CHECK(Erased("a") == "");
    CHECK(Erased("ab ") == "ab");
}

TEST_CASE("keyboard: backspace on an empty string leaves it empty") {
    CHECK(Erased("") == "");
}

TEST_CASE("keyboard: backspace takes a Bengali vowel sign off its consonant first") {
    CHECK(Erased("কি") == "ক");
    CHECK(Erased("ক") == "");
    CHECK(Erased("আমি") == "আম");
    CHECK(Erased("কো") == "ক");      // ো is one code point (U+09CB)
    CHECK(Erased("কাং") == "কা");    // anusvara
    CHECK(Erased("ক\u09BC") == "ক"); // nukta
    CHECK(Erased("\u09DC") == "");   // ড় typed as one code point goes at once
}

TEST_CASE("keyboard: backspace undoes a conjunct one code point at a time") {
    std::string text = "ক্ষ"; // ক + virama + ষ
    EraseLastCharacter(text);
    CHECK(text == "ক্");
    EraseLastCharacter(text);
    CHECK(text == "ক");
    EraseLastCharacter(text);
    CHECK(text.empty());
    CHECK(Erased("পরীক্ষা") == "পরীক্ষ");
}

TEST_CASE("keyboard: backspace removes a four byte code point whole") {
    CHECK(Erased("a\xF0\x9F\x98\x80") == "a"); // U+1F600
    CHECK(Erased("é") == "");
}

TEST_CASE("keyboard: backspace removes invalid trailing bytes as one character") {
    CHECK(Erased("ক\x80") == "ক");             // a stray continuation byte
    CHECK(Erased("ab\xE0\xA6") == "ab");       // a truncated ক
    CHECK(Erased("ক\x80\x80\x80\x80") == "ক"); // a run of them
    CHECK(Erased("\xFF") == "");
    CHECK(Erased("a\xC0\xAF") == "a");     // overlong '/'
    CHECK(Erased("a\xED\xA0\x80") == "a"); // a surrogate
    CHECK(Erased("\x80\x80") == "");
}

TEST_CASE("keyboard: typing appends what fits and drops control characters") {
    std::string text = "ab";
    AppendTyped(text,
                "c\nd\te\r\x7F"
                "f\x1B",
                100);
    CHECK(text == "abcdef");
    AppendTyped(text, "\xC2\x85g", 100); // U+0085, a C1 control
    CHECK(text == "abcdefg");
    AppendTyped(text, "আমি", 100);
    CHECK(text == "abcdefgআমি");
}

TEST_CASE("keyboard: typing drops invalid UTF-8 and keeps the valid rest") {
    std::string text;
    AppendTyped(text,
                "a\x80"
                "b\xE0\xA6"
                "c\xFF"
                "d\xC0\xAF"
                "e\xED\xA0\x80"
                "f\xF4\x90\x80\x80"
                "g",
                100);
    CHECK(text == "abcdefg");
    AppendTyped(text, "\xE0\xA6", 100); // a truncated sequence at the end
    CHECK(text == "abcdefg");
}

TEST_CASE("keyboard: typing stops at the byte limit without cutting a code point") {
    std::string text = "abc";
    AppendTyped(text, "defgh", 5);
    CHECK(text == "abcde");
    AppendTyped(text, "x", 5);
    CHECK(text == "abcde");

    text = std::string("a");    // not = "a": GCC 12 -O3 reports a false -Wrestrict there (GCC bug 105329)
    AppendTyped(text, "কখ", 5); // 1 + 3 fits and 3 more would not
    CHECK(text == "aক");
    AppendTyped(text, "b", 5);
    CHECK(text == "aকb");
    CHECK(text.size() == 5);

    text.clear();
    AppendTyped(text, "ক", 2);
    CHECK(text.empty());
    AppendTyped(text, "\xF0\x9F\x98\x80", 4);
    CHECK(text.size() == 4);

    text = "toolong";
    AppendTyped(text, "x", 3); // already past the limit: nothing more
    CHECK(text == "toolong");
}

TEST_CASE("keyboard: every key of both layouts is one valid non-empty character") {
    for (const Lang layout : {Lang::Bengali, Lang::English})
        for (const bool shift : {false, true}) {
            const auto& rows = ui::KeyRows(layout, shift);
            REQUIRE(rows.size() >= 4);
            std::set<std::string_view> seen;
            for (const auto& row : rows) {
                CHECK(!row.empty());
                for (std::string_view key : row) {
                    CAPTURE(key);
                    CHECK(!key.empty());
                    CHECK(ValidUtf8(key));
                    CHECK(key.find(' ') == std::string_view::npos);
                    CHECK(Erased(std::string(key)).empty()); // one code point
                    CHECK(seen.insert(key).second);          // no key twice
                }
            }
        }
}

TEST_CASE("keyboard: the Bengali layout has every letter sign and digit") {
    std::set<std::string_view> keys;
    for (const auto& row : ui::KeyRows(Lang::Bengali, false))
        keys.insert(row.begin(), row.end());
    for (const char* key :
         {"অ",      "আ",      "ই",      "ঈ",      "উ",      "ঊ",      "ঋ",      "এ",      "ঐ",
          "ও",      "ঔ",      "ক",      "খ",      "গ",      "ঘ",      "ঙ",      "চ",      "ছ",
          "জ",      "ঝ",      "ঞ",      "ট",      "ঠ",      "ড",      "ঢ",      "ণ",      "ত",
          "থ",      "দ",      "ধ",      "ন",      "প",      "ফ",      "ব",      "ভ",      "ম",
          "য",      "র",      "ল",      "শ",      "ষ",      "স",      "হ",      "\u09DC", "\u09DD",
          "\u09DF", "ৎ",      "\u09BE", "\u09BF", "\u09C0", "\u09C1", "\u09C2", "\u09C3", "\u09C7",
          "\u09C8", "\u09CB", "\u09CC", "\u09CD", "\u0982", "\u0983", "\u0981", "।",      "০",
          "১",      "২",      "৩",      "৪",      "৫",      "৬",      "৭",      "৮",      "৯"}) {
        CAPTURE(key);
        CHECK(keys.count(key) == 1);
    }
    CHECK(ui::KeyRows(Lang::Bengali, true) == ui::KeyRows(Lang::Bengali, false));
}

TEST_CASE("keyboard: the English layout is QWERTY with digits and capitals on shift") {
    const auto& lower = ui::KeyRows(Lang::English, false);
    const auto& upper = ui::KeyRows(Lang::English, true);
    REQUIRE(lower.size() == 4);
    REQUIRE(upper.size() == lower.size());
    CHECK(lower[0] == std::vector<std::string_view>{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"});
    CHECK(lower[1].front() == "q");
    CHECK(lower[1].back() == "p");
    CHECK(upper[1].front() == "Q");
    std::string letters_lower, letters_upper;
    for (size_t r = 1; r < lower.size(); ++r) {
        REQUIRE(upper[r].size() == lower[r].size());
        for (size_t i = 0; i < lower[r].size(); ++i)
            if (std::isalpha(static_cast<unsigned char>(lower[r][i][0]))) {
                letters_lower += lower[r][i];
                letters_upper += upper[r][i];
            }
    }
    CHECK(letters_lower == "qwertyuiopasdfghjklzxcvbnm");
    CHECK(letters_upper == "QWERTYUIOPASDFGHJKLZXCVBNM");
}

// ---- The keyboard on screen -------------------------------------------------------------------

namespace {

constexpr float kWidth = 1920, kHeight = 1080;

// A headless frame loop: ImGui without a window, the text engine without GL, a draw list per frame.
struct Harness {
    ui::Context ui;
    ui::Keyboard keyboard;
    std::string text;
    ui::KeyboardAction action = ui::KeyboardAction::None;
    ImDrawList* draw = nullptr;
    ui::Rect rect;

    Harness() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.Fonts->Build();
        io.DisplaySize = {kWidth, kHeight};
        io.IniFilename = nullptr;
        io.KeyMap[ImGuiKey_Backspace] = 1;
        io.KeyMap[ImGuiKey_Enter] = 2;
        io.KeyMap[ImGuiKey_Escape] = 3;
        io.KeyMap[ImGuiKey_KeyPadEnter] = 4;
        draw = IM_NEW(ImDrawList)(ImGui::GetDrawListSharedData());
        ui.screen = {kWidth, kHeight};
        ui.clip = {0, 0, kWidth, kHeight};
        const float h = keyboard.Height(ui, kWidth);
        rect = {0, kHeight - h, kWidth, h};
    }
    ~Harness() {
        IM_DELETE(draw);
        ImGui::DestroyContext();
    }

    // One frame with the finger at `pos` (down or not); returns what the keyboard did.
    ui::KeyboardAction Frame(ImVec2 pos, bool down, double dt = 1.0 / 60) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = static_cast<float>(dt);
        io.MousePos = pos;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ui.now += dt;
        ui.dt = static_cast<float>(dt);
        ui.animating = false;
        ui.targets.clear(); // as the app does each frame
        ui.touch.Update(ui.now, 18);
        ui::BeginTextFrame();
        draw->_ResetForNewFrame();
        draw->PushClipRect({0, 0}, {kWidth, kHeight});
        draw->PushTextureID(io.Fonts->TexID);
        ui.draw = draw;
        action = keyboard.Draw(ui, rect, text);
        ImGui::EndFrame();
        for (bool& key : io.KeysDown)
            key = false;
        return action;
    }
    ui::KeyboardAction Tap(ImVec2 pos) {
        Frame(pos, true);
        return Frame(pos, false);
    }
    ui::KeyboardAction Idle() { return Frame({-FLT_MAX, -FLT_MAX}, false); }
};

// Taps across the keyboard on a grid and records what each key does, by the text it leaves from
// "x" (a character, "" for backspace) or its action, layout or shift change. Where each was found.
struct KeyMap {
    std::map<std::string, ImVec2> typed; // appended text -> where
    std::vector<std::string> order;      // appended text, in the order found (rows top to bottom)
    std::map<std::string, ImVec2> other; // "backspace", "done", "cancel", "layout", "shift"
};

KeyMap Explore(Harness& h, Lang layout) {
    KeyMap map;
    const float step_y = 16, step_x = 20;
    for (float y = h.rect.y + 2; y < h.rect.Bottom(); y += step_y)
        for (float x = 2; x < kWidth; x += step_x) {
            h.keyboard.layout = layout;
            h.keyboard.shift = false;
            h.text = std::string("x"); // not = "x": GCC bug 105329, see above
            const ui::KeyboardAction action = h.Tap({x, y});
            std::string found;
            if (action == ui::KeyboardAction::Done)
                found = "done";
            else if (action == ui::KeyboardAction::Cancel)
                found = "cancel";
            else if (h.keyboard.layout != layout)
                found = "layout";
            else if (h.keyboard.shift)
                found = "shift";
            else if (h.text.empty())
                found = "backspace";
            if (!found.empty()) {
                CHECK(h.text.size() <= 1);
                map.other.emplace(found, ImVec2{x, y});
            } else if (h.text.size() > 1) {
                CHECK(action == ui::KeyboardAction::Typed);
                const std::string key = h.text.substr(1);
                if (map.typed.emplace(key, ImVec2{x, y}).second) map.order.push_back(key);
            } else {
                CHECK(action == ui::KeyboardAction::None); // a gap or the panel: nothing happens
            }
        }
    h.keyboard.layout = layout;
    return map;
}

} // namespace

TEST_CASE("keyboard: keys are 64 design pixels tall and the keyboard fits a 1080 line screen") {
    Harness h;
    CHECK(h.keyboard.Height(h.ui, kWidth) == doctest::Approx(520));
    h.ui.theme.scale = 2;
    CHECK(h.keyboard.Height(h.ui, kWidth * 2) == doctest::Approx(1040));
}

TEST_CASE("keyboard: every Bengali key can be tapped and types its character") {
    Harness h;
    const KeyMap map = Explore(h, Lang::Bengali);
    std::vector<std::string> expected;
    for (const auto& row : ui::KeyRows(Lang::Bengali, false))
        for (std::string_view key : row)
            expected.emplace_back(key);
    expected.push_back(" ");
    std::vector<std::string> found = map.order;
    // The space bar is on the bottom row, found last.
    CHECK(found == expected);
    for (const char* control : {"backspace", "done", "cancel", "layout"}) {
        CAPTURE(control);
        CHECK(map.other.count(control) == 1);
    }
    CHECK(map.other.count("shift") == 0);
}

TEST_CASE("keyboard: every key is a named target, and pressing a character key by name types it") {
    for (const Lang layout : {Lang::Bengali, Lang::English}) {
        Harness h;
        h.keyboard.layout = layout;
        h.Idle();
        const std::vector<ui::Target> targets = h.ui.targets;
        size_t characters = 0;
        for (const auto& row : ui::KeyRows(layout, false))
            characters += row.size();
        CHECK(targets.size() == characters + (layout == Lang::English ? 6 : 5)); // and the controls
        for (const char* control : {"key/backspace", "key/layout", "key/space", "key/cancel", "key/done"})
            CHECK(std::any_of(targets.begin(), targets.end(),
                              [&](const ui::Target& t) { return t.name == control; }));
        for (const ui::Target& target : targets) {
            REQUIRE(target.name.rfind("key/", 0) == 0);
            const std::string key = target.name.substr(4);
            if (key == "backspace" || key == "shift" || key == "layout" || key == "space" ||
                key == "cancel" || key == "done")
                continue;
            CAPTURE(target.name);
            h.keyboard.layout = layout;
            h.text = std::string("x"); // not = "x": GCC bug 105329, see above
            h.Tap({target.rect.x + target.rect.w / 2, target.rect.y + target.rect.h / 2});
            CHECK(h.text == "x" + key);
        }
    }
}

TEST_CASE("keyboard: every English key can be tapped and shift makes one capital") {
    Harness h;
    const KeyMap map = Explore(h, Lang::English);
    std::vector<std::string> expected;
    for (const auto& row : ui::KeyRows(Lang::English, false))
        for (std::string_view key : row)
            expected.emplace_back(key);
    expected.push_back(" ");
    CHECK(map.order == expected);
    for (const char* control : {"backspace", "done", "cancel", "layout", "shift"}) {
        CAPTURE(control);
        CHECK(map.other.count(control) == 1);
    }

    h.keyboard.layout = Lang::English;
    h.keyboard.shift = false;
    h.text.clear();
    h.Tap(map.other.at("shift"));
    CHECK(h.keyboard.shift);
    h.Tap(map.typed.at("d")); // where d is, D is when shifted
    h.Tap(map.typed.at("h"));
    h.Tap(map.typed.at("a"));
    h.Tap(map.typed.at("k"));
    h.Tap(map.typed.at("a"));
    CHECK(h.text == "Dhaka");
    CHECK_FALSE(h.keyboard.shift);
    h.Tap(map.other.at("shift"));
    h.Tap(map.other.at("shift")); // tapped twice: off again
    h.Tap(map.typed.at("1"));
    CHECK(h.text == "Dhaka1");
}

TEST_CASE("keyboard: Bengali is typed by taps in Unicode order and erased by the backspace key") {
    Harness h;
    const KeyMap map = Explore(h, Lang::Bengali);
    h.text.clear();
    // পরীক্ষা = প র ী ক ্ ষ া, then a space and আমি
    for (const char* key : {"প", "র", "\u09C0", "ক", "\u09CD", "ষ", "\u09BE", " ", "আ", "ম", "\u09BF"}) {
        CAPTURE(key);
        CHECK(h.Tap(map.typed.at(key)) == ui::KeyboardAction::Typed);
    }
    CHECK(h.text == "পরীক্ষা আমি");
    CHECK(h.Tap(map.other.at("backspace")) == ui::KeyboardAction::Typed);
    CHECK(h.text == "পরীক্ষা আম");
    h.text.clear();
    CHECK(h.Tap(map.other.at("backspace")) == ui::KeyboardAction::None); // nothing to erase

    // The layout switch stays where it is, so a second tap comes back.
    h.Tap(map.other.at("layout"));
    CHECK(h.keyboard.layout == Lang::English);
    h.Tap(map.other.at("layout"));
    CHECK(h.keyboard.layout == Lang::Bengali);

    h.text = "মন্তব্য";
    CHECK(h.Tap(map.other.at("done")) == ui::KeyboardAction::Done);
    CHECK(h.Tap(map.other.at("cancel")) == ui::KeyboardAction::Cancel);
    CHECK(h.text == "মন্তব্য"); // Done and Cancel leave the text to the caller
}

TEST_CASE("keyboard: a held backspace key erases again and again and its release erases nothing more") {
    Harness h;
    const KeyMap map = Explore(h, Lang::Bengali);
    const ImVec2 at = map.other.at("backspace");
    h.text = std::string(40, 'a');
    h.Frame(at, true);
    CHECK(h.ui.animating); // frames keep coming while it is held
    for (int i = 0; i < 20; ++i)
        h.Frame(at, true, 0.02); // 0.4 s: not yet repeating
    CHECK(h.text.size() == 40);
    for (int i = 0; i < 30; ++i)
        h.Frame(at, true, 0.02); // 1.0 s held
    const size_t held = h.text.size();
    CHECK(held < 40);
    CHECK(held > 20);
    h.Frame(at, false);
    CHECK(h.text.size() == held);
    h.Tap(at); // an ordinary tap afterwards erases one
    CHECK(h.text.size() == held - 1);
}

TEST_CASE("keyboard: a tapped key stays lit for a moment and then the keyboard settles") {
    Harness h;
    const KeyMap map = Explore(h, Lang::Bengali);
    h.Tap(map.typed.at("ক"));
    CHECK(h.ui.animating);
    for (int i = 0; i < 20; ++i)
        h.Idle();
    CHECK_FALSE(h.ui.animating);
}

TEST_CASE("keyboard: a physical keyboard types and Enter and Escape finish") {
    Harness h;
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharactersUTF8("আমি\tok\n");
    CHECK(h.Idle() == ui::KeyboardAction::Typed);
    CHECK(h.text == "আমিok");
    CHECK(h.Idle() == ui::KeyboardAction::None);

    io.KeysDown[1] = true; // backspace
    CHECK(h.Idle() == ui::KeyboardAction::Typed);
    CHECK(h.text == "আমিo");
    io.KeysDown[2] = true; // enter
    CHECK(h.Idle() == ui::KeyboardAction::Done);
    io.KeysDown[4] = true; // keypad enter
    CHECK(h.Idle() == ui::KeyboardAction::Done);
    io.KeysDown[3] = true; // escape
    CHECK(h.Idle() == ui::KeyboardAction::Cancel);
    CHECK(h.text == "আমিo");

    h.keyboard.max_bytes = 14; // the text is 10 bytes
    io.AddInputCharactersUTF8("কখগ");
    h.Idle();
    CHECK(h.text == "আমিoক"); // 13 bytes: খ (3 more) would pass the limit
    io.AddInputCharactersUTF8("z");
    h.Idle();
    CHECK(h.text == "আমিoকz");
}

TEST_CASE("keyboard: a text field is tapped and shows its placeholder or the end of its text") {
    Harness h;
    const ui::Rect field{100, 100, 600, ui::TextFieldHeight(h.ui, 3)};
    CHECK(field.h == doctest::Approx(3 * ui::LineHeight(h.ui.theme, ui::TextStyle::Body) + 28));
    std::string long_text;
    for (int i = 0; i < 60; ++i)
        long_text += "পরীক্ষা ";
    long_text += std::string(300, 'm'); // a word longer than a line
    bool tapped = false;
    auto frame = [&](ImVec2 pos, bool down, const std::string& text, bool focused) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.f / 60;
        io.MousePos = pos;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        h.ui.now += 1.0 / 60;
        h.ui.touch.Update(h.ui.now, 18);
        ui::BeginTextFrame();
        h.draw->_ResetForNewFrame();
        h.draw->PushClipRect({0, 0}, {kWidth, kHeight});
        h.draw->PushTextureID(io.Fonts->TexID);
        h.ui.draw = h.draw;
        tapped = ui::TextField(h.ui, field, text, "মন্তব্য লিখুন", focused);
        ImGui::EndFrame();
        return h.draw->VtxBuffer.Size;
    };
    for (const std::string& text : {std::string(), std::string("আমি"), long_text})
        for (const bool focused : {false, true}) {
            CAPTURE(text.size());
            CAPTURE(focused);
            CHECK(frame({150, 150}, true, text, focused) > 0);
            CHECK_FALSE(tapped);
            frame({150, 150}, false, text, focused);
            CHECK(tapped);
            CHECK_FALSE(h.ui.animating); // a steady caret: nothing keeps the kiosk drawing
            frame({50, 50}, true, text, focused);
            frame({50, 50}, false, text, focused);
            CHECK_FALSE(tapped); // outside
        }
}
