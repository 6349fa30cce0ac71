// The revised Bangladesh calendar (2019) and official two-calendar dates; see bangla_calendar.h.
#include "content/bangla_calendar.h"

namespace content {

namespace {

const char* const kBanglaMonths[] = {"বৈশাখ",  "জ্যৈষ্ঠ",   "আষাঢ়", "শ্রাবণ", "ভাদ্র",  "আশ্বিন",
                                     "কার্তিক", "অগ্রহায়ণ", "পৌষ",  "মাঘ",   "ফাল্গুন", "চৈত্র"};
const char* const kMonthsBn[] = {"জানুয়ারি", "ফেব্রুয়ারি", "মার্চ",     "এপ্রিল",  "মে",     "জুন",
                                 "জুলাই",    "আগস্ট",     "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"};
const char* const kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
const char* const kBanglaMonthsEn[] = {"Boishakh", "Joishtho",  "Asharh", "Shrabon", "Bhadro", "Ashwin",
                                       "Kartik",   "Ogrohayon", "Poush",  "Magh",    "Falgun", "Chaitra"};
const char* const kDigits[] = {"০", "১", "২", "৩", "৪", "৫", "৬", "৭", "৮", "৯"};

// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's days_from_civil.
long DaysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// The inverse: civil_from_days.
Date CivilFromDays(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(yoe + era * 400 + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::string BengaliNumber(int value, int min_digits) {
    std::string ascii = std::to_string(value);
    while (static_cast<int>(ascii.size()) < min_digits)
        ascii.insert(ascii.begin(), '0');
    std::string out;
    for (char c : ascii)
        out += (c >= '0' && c <= '9') ? kDigits[c - '0'] : std::string(1, c);
    return out;
}

} // namespace

bool IsGregorianLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int GregorianMonthLength(int year, int month) {
    static const int kLengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && IsGregorianLeapYear(year) ? 29 : kLengths[month - 1];
}

bool IsValidDate(const Date& date) {
    return date.year > 0 && date.day >= 1 && date.day <= GregorianMonthLength(date.year, date.month);
}

int BanglaMonthLength(int year, int month) {
    if (month < 1 || month > 12) return 0;
    if (month <= 6) return 31;
    if (month == 11) return IsGregorianLeapYear(year + 594) ? 30 : 29;
    return 30;
}

BanglaDate ToBanglaDate(const Date& date) {
    const bool after_new_year = date.month > 4 || (date.month == 4 && date.day >= 14);
    const int start_year = after_new_year ? date.year : date.year - 1; // Gregorian year of 1 Boishakh
    long day = DaysFromCivil(date.year, date.month, date.day) - DaysFromCivil(start_year, 4, 14);
    BanglaDate bangla;
    bangla.year = start_year - 593;
    for (int month = 1; month <= 12; ++month) {
        const int length = BanglaMonthLength(bangla.year, month);
        if (day < length || month == 12) {
            bangla.month = month;
            bangla.day = static_cast<int>(day) + 1;
            break;
        }
        day -= length;
    }
    return bangla;
}

std::optional<Date> FromBanglaDate(const BanglaDate& date) {
    if (date.year < 1 || date.day < 1 || date.day > BanglaMonthLength(date.year, date.month))
        return std::nullopt;
    long day = DaysFromCivil(date.year + 593, 4, 14);
    for (int month = 1; month < date.month; ++month)
        day += BanglaMonthLength(date.year, month);
    return CivilFromDays(day + date.day - 1);
}

const char* BanglaMonthName(int month) {
    return month >= 1 && month <= 12 ? kBanglaMonths[month - 1] : "";
}
const char* GregorianMonthNameBn(int month) {
    return month >= 1 && month <= 12 ? kMonthsBn[month - 1] : "";
}
const char* GregorianMonthNameEn(int month) {
    return month >= 1 && month <= 12 ? kMonthsEn[month - 1] : "";
}

std::string FormatBanglaDateOfficial(const BanglaDate& date) {
    return BengaliNumber(date.day, 2) + " " + BanglaMonthName(date.month) + " " + BengaliNumber(date.year, 1);
}

std::string FormatGregorianDateOfficial(const Date& date) {
    return BengaliNumber(date.day, 2) + " " + GregorianMonthNameBn(date.month) + " " +
           BengaliNumber(date.year, 1);
}

std::string FormatBothCalendars(const Date& date) {
    return FormatBanglaDateOfficial(ToBanglaDate(date)) + " / " + FormatGregorianDateOfficial(date);
}

std::string FormatEnglishDate(const Date& date) {
    return std::to_string(date.day) + " " + GregorianMonthNameEn(date.month) + " " +
           std::to_string(date.year);
}

const char* BanglaMonthNameEn(int month) {
    return month >= 1 && month <= 12 ? kBanglaMonthsEn[month - 1] : "";
}

std::string FormatBanglaDateEnglish(const BanglaDate& date) {
    return std::to_string(date.day) + " " + BanglaMonthNameEn(date.month) + " " + std::to_string(date.year) +
           " BS";
}

} // namespace content
