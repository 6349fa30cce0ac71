// The Bangladesh calendar (বঙ্গাব্দ) as revised in 2019 (from 1426 BS), and the dates official
// letters carry in both calendars with Bengali digits: "১৯ পৌষ ১৪৩০ / ০৩ জানুয়ারি ২০২৪".
// 1 Boishakh is 14 April; Boishakh to Ashwin have 31 days, Falgun 29 (30 when the Gregorian year
// it falls in is a leap year), the other months 30. Year = CE − 593 from 14 April, CE − 594 before.
// Pure functions, no dependencies beyond the content model's Date.
#pragma once

#include "content/model.h"

#include <optional>
#include <string>

namespace content {

struct BanglaDate {
    int year = 0;  // বঙ্গাব্দ
    int month = 1; // 1 = বৈশাখ ... 12 = চৈত্র
    int day = 1;
    friend bool operator==(const BanglaDate&, const BanglaDate&) = default;
};

bool IsGregorianLeapYear(int year);
int GregorianMonthLength(int year, int month); // 0 for a month outside 1..12
bool IsValidDate(const Date& date);            // a real Gregorian day

// Days in `month` (1..12) of Bangla year `year`; Falgun (11) depends on Gregorian year `year` + 594.
int BanglaMonthLength(int year, int month);

// A valid Gregorian date to the Bangla date; the inverse gives nothing for a day that does not exist.
BanglaDate ToBanglaDate(const Date& date);
std::optional<Date> FromBanglaDate(const BanglaDate& date);

const char* BanglaMonthName(int month);      // "বৈশাখ" ... "চৈত্র"; "" outside 1..12
const char* GregorianMonthNameBn(int month); // "জানুয়ারি" ...
const char* GregorianMonthNameEn(int month); // "January" ...

// As official letters write them: two-digit day, Bengali digits.
std::string FormatBanglaDateOfficial(const BanglaDate& date); // "১৯ পৌষ ১৪৩০"
std::string FormatGregorianDateOfficial(const Date& date); // "০৩ জানুয়ারি ২০২৪"
std::string FormatBothCalendars(const Date& date); // "১৯ পৌষ ১৪৩০ / ০৩ জানুয়ারি ২০২৪"
std::string FormatEnglishDate(const Date& date);             // "3 January 2024"
const char* BanglaMonthNameEn(int month);                    // "Boishakh" ... "Chaitra"
std::string FormatBanglaDateEnglish(const BanglaDate& date); // "19 Poush 1430 BS"

} // namespace content
