#include "content/locale.h"

#include <cmath>
#include <cstdio>

namespace content {

static const char* const kBengaliDigits[] = {"০", "১", "২", "৩", "৪", "৫", "৬", "৭", "৮", "৯"};

std::string ToBengaliDigits(const std::string& text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (char c : text) {
        if (c >= '0' && c <= '9')
            out += kBengaliDigits[c - '0'];
        else
            out += c;
    }
    return out;
}

static std::string InLanguage(const std::string& ascii, Lang lang) {
    return lang == Lang::Bengali ? ToBengaliDigits(ascii) : ascii;
}

std::string FormatNumber(double value, Lang lang, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    // Group thousands the South Asian way (1,23,456) as Bangladesh writes taka amounts.
    const size_t dot = text.find('.');
    std::string integer = text.substr(0, dot), fraction = dot == std::string::npos ? "" : text.substr(dot);
    const bool negative = !integer.empty() && integer[0] == '-';
    if (negative) integer.erase(0, 1);
    std::string grouped;
    const int n = static_cast<int>(integer.size());
    for (int i = 0; i < n; ++i) {
        grouped += integer[static_cast<size_t>(i)];
        const int left = n - 1 - i;
        if (left > 0 && (left == 3 || (left > 3 && (left - 3) % 2 == 0))) grouped += ',';
    }
    return InLanguage((negative ? "-" : "") + grouped + fraction, lang);
}

static const char* MonthName(int month, Lang lang) {
    const int m = (month >= 1 && month <= 12) ? month : 1;
    return lang == Lang::Bengali ? GregorianMonthNameBn(m) : GregorianMonthNameEn(m);
}

std::string FormatDate(const Date& date, Lang lang) {
    return InLanguage(std::to_string(date.day), lang) + " " + MonthName(date.month, lang) + " " +
           InLanguage(std::to_string(date.year), lang);
}

std::string FormatDateRange(const Date& first, const Date& last, Lang lang) {
    if (first == last) return FormatDate(first, lang);
    if (first.year == last.year && first.month == last.month)
        return InLanguage(std::to_string(first.day), lang) + "–" + FormatDate(last, lang);
    return FormatDate(first, lang) + " – " + FormatDate(last, lang);
}

std::string FormatBanglaDate(const BanglaDate& date) {
    return ToBengaliDigits(std::to_string(date.day)) + " " + BanglaMonthName(date.month) + " " +
           ToBengaliDigits(std::to_string(date.year));
}

std::string FormatMeasure(double value, const std::string& unit, Lang lang) {
    const std::string number = FormatNumber(value, lang);
    const bool one = std::fabs(value - 1.0) < 1e-9;
    if (lang == Lang::Bengali) {
        if (unit == "taka") return number + " টাকা";
        if (unit == "hours") return number + " ঘণ্টা";
        if (unit == "minutes") return number + " মিনিট";
        if (unit == "working-days") return number + " কার্যদিবস";
        if (unit == "visits") return number + " বার";
        return number + " দিন";
    }
    if (unit == "taka") return "Tk " + number;
    if (unit == "hours") return number + (one ? " hour" : " hours");
    if (unit == "minutes") return number + (one ? " minute" : " minutes");
    if (unit == "working-days") return number + (one ? " working day" : " working days");
    if (unit == "visits") return number + (one ? " visit" : " visits");
    return number + (one ? " day" : " days");
}

} // namespace content
