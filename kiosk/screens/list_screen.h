// A list of innovations: those of one office or of one prize category, as picture cards.
#pragma once

#include "kiosk/screens/screen.h"

#include <string>
#include <vector>

namespace kiosk {

struct ListScreen {
    // `route` says whose innovations: an office's or a category's.
    float Draw(ui::Context& ui, const content::FairContent& fair, const Route& route,
               const ScrollFrame& frame, Navigation& nav);
};

// The headline figure of an innovation's TCV for cards: "সময় ৮৯% কম" / "89% less time".
std::string TcvHeadline(const ui::Context& ui, const content::Tcv& tcv);

} // namespace kiosk
