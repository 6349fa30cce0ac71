// What every screen draws with: theme, touch, pictures, language, time, and the frame's draw list.
#pragma once

#include "content/model.h"
#include "kiosk/ui/textures.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/touch.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace ui {

// A touch target drawn this frame under a stable, language-independent name ("review/submit",
// "score/impact/8"; the scheme is in docs/ui-testing.md). Scripts press targets by name.
struct Target {
    std::string name;
    Rect rect;           // the visible part, in window pixels
    bool enabled = true; // drawn greyed: a press does nothing
};

struct Context {
    Theme theme;
    Touch touch;
    PictureCache pictures;
    content::Lang lang = content::Lang::Bengali;
    double now = 0;  // seconds
    float dt = 0;    // seconds since the previous frame
    ImVec2 screen{}; // window size in pixels
    ImDrawList* draw = nullptr;
    bool animating = false; // set by anything that moves this frame: another frame follows
    Rect clip;              // where input may start: the visible part of a scrolled area
    bool typing = false; // a text box or PIN pad has the keys this frame: Backspace and Escape are not Back
    std::vector<Target> targets; // this frame's named touch targets, in drawing order
    std::string next_name;       // set by Name(), taken by the next target drawn

    // Names the next touch target drawn: `ui.Name("review/submit"); if (Button(ui, ...))`.
    void Name(std::string name) { next_name = std::move(name); }
    // A touch target: recorded under the name from Name() with its visible part (nothing when it is
    // unnamed or out of sight). Widgets call it; so does a screen that takes taps on its own.
    void AddTarget(const Rect& rect, bool enabled = true);
    void AddTarget(std::string name, const Rect& rect, bool enabled = true) {
        Name(std::move(name));
        AddTarget(rect, enabled);
    }

    // A tap or a held press on `rect`, counting only touches that began in the visible area.
    bool Tapped(const Rect& rect) const { return clip.Contains(touch.Start()) && touch.Tapped(rect); }
    bool Pressing(const Rect& rect) const { return clip.Contains(touch.Start()) && touch.Pressing(rect); }

    bool Bengali() const { return lang == content::Lang::Bengali; }
    // The UI's own words in the visitor's language.
    const char* T(const char* bn, const char* en) const { return Bengali() ? bn : en; }
    const std::string& L(const content::LocalText& text) const { return text.Get(lang); }
    std::string Number(double value, int decimals = 0) const;
    float Px(float design_px) const { return theme.Px(design_px); }
    bool Portrait() const { return screen.y > screen.x; }
};

} // namespace ui
