// Bengali conventions for what the kiosk writes itself: digits, numbers, dates (Gregorian and
// the revised Bangla Academy calendar), TCV units. Texts from the pack are shown as written.
#pragma once

#include "content/bangla_calendar.h"
#include "content/model.h"

#include <string>

namespace content {

// Replaces ASCII digits 0-9 with Bengali digits ০-৯; everything else is kept.
std::string ToBengaliDigits(const std::string& text);

// A number with at most `decimals` decimals (trailing zeros dropped), in the language's digits.
std::string FormatNumber(double value, Lang lang, int decimals = 1);

// "১২ মার্চ ২০২৪" / "12 March 2024"
std::string FormatDate(const Date& date, Lang lang);
// "১২–১৩ মার্চ ২০২৪" / "12–13 March 2024"; a single date when both are the same day.
std::string FormatDateRange(const Date& first, const Date& last, Lang lang);

// The Bangla date (ToBanglaDate) is in content/bangla_calendar.h.
std::string FormatBanglaDate(const BanglaDate& date); // "২৮ ফাল্গুন ১৪৩০"

// "৩ দিন", "2 hours", "৫০০ টাকা", "Tk 500", "১ বার", "2 visits"
std::string FormatMeasure(double value, const std::string& unit, Lang lang);

} // namespace content
