// Small wording helpers shared by the report and the certificates.
#pragma once

#include "content/model.h"

#include <string>

namespace report {

inline const std::string& Pick(content::Lang lang, const std::string& bn, const std::string& en) {
    return lang == content::Lang::Bengali ? bn : en;
}
inline std::string T(content::Lang lang, const char* bn, const char* en) {
    return lang == content::Lang::Bengali ? bn : en;
}

// The date on an official paper: "১৯ পৌষ ১৪৩০ / ০৩ জানুয়ারি ২০২৪" or "19 Poush 1430 BS / 3 January 2024".
std::string OfficialDate(const content::Date& date, content::Lang lang);

std::string Escape(const std::string& text); // for Pango markup

} // namespace report
