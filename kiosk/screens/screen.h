// What the screens share: one file per screen, each a small struct with its state and a Draw
// that takes what it shows. Screens draw and ask to navigate; they never read files or SQL.
#pragma once

#include "content/model.h"
#include "kiosk/router.h"
#include "kiosk/ui/context.h"

#include <optional>
#include <string>

namespace kiosk {

// A screen's request to go somewhere, acted on after the frame.
struct Navigation {
    std::optional<Route> go;
    bool replace = false; // `go` takes this screen's place in the back stack
    bool back = false;
    bool logout = false; // the staff member at the kiosk leaves
    std::string notice;  // said by the screen `go` leads to, on arrival ("Shirin Akter: judge added")
};

// The part of the window a screen's content scrolls in, and where its content starts this frame.
struct ScrollFrame {
    ui::Rect view;
    float top = 0; // y of the content's top edge (view.y minus the scroll offset)
};

class Staff;
struct ContentStatus;

// Everything a screen draws from in one frame; the screen table hands it to the screen's Draw.
struct ScreenArgs {
    ui::Context& ui;
    const content::FairContent& fair;
    const ContentStatus& status; // what pack is showing, and what became of the last update
    Staff& staff;
    const Route& route;
    const ScrollFrame& frame;
    Navigation& nav;
};

// What a screen learns as it is entered: when, and a notice the screen before left for it.
struct Arrival {
    double now = 0;
    std::string notice;
};

// Column count for a grid of cards at least `min_width` wide.
int GridColumns(const ui::Context& ui, float width, float min_width, int max_columns);
// Fewer columns when that fills the last row without adding a row (4 cards: 2+2, not 3+1).
int BalancedColumns(int columns, size_t count);
// "১২টি উদ্ভাবন" / "12 innovations", for cards and list headings.
std::string InnovationCount(const ui::Context& ui, size_t count);
// The standard page margin: wider in landscape.
float PageMargin(const ui::Context& ui);
// The local time as "14:05:09": when a pack was loaded, when a change was saved.
std::string LocalClock();
// "৭/১২" / "7/12": progress in the screen's digits.
std::string Fraction(const ui::Context& ui, int done, int of);
// A tinted box with a coloured edge and wrapped text (a refusal, a saved note); returns its height.
float Banner(ui::Context& ui, float x, float y, float width, const std::string& text, ImU32 ink, ImU32 fill);
// A section heading; returns the y below it.
float SectionHeading(ui::Context& ui, float x, float y, float width, const std::string& text);

} // namespace kiosk
