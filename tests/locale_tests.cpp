// Bengali conventions: digits, number grouping, dates in both calendars, TCV units.
#include "content/locale.h"

#include <doctest/doctest.h>

using namespace content;

TEST_CASE("Bengali digits replace ASCII digits only") {
    CHECK(ToBengaliDigits("2024-03-12") == "২০২৪-০৩-১২");
    CHECK(ToBengaliDigits("abc") == "abc");
}

TEST_CASE("numbers group thousands the South Asian way, in the visitor's digits") {
    CHECK(FormatNumber(500, Lang::English) == "500");
    CHECK(FormatNumber(1500, Lang::English) == "1,500");
    CHECK(FormatNumber(123456, Lang::English) == "1,23,456");
    CHECK(FormatNumber(12345678, Lang::English) == "1,23,45,678");
    CHECK(FormatNumber(2.5, Lang::English) == "2.5");
    CHECK(FormatNumber(3.0, Lang::English) == "3");
    CHECK(FormatNumber(1500, Lang::Bengali) == "১,৫০০");
    CHECK(FormatNumber(48.9, Lang::Bengali) == "৪৮.৯");
}

TEST_CASE("dates and date ranges") {
    CHECK(FormatDate({2024, 3, 12}, Lang::English) == "12 March 2024");
    CHECK(FormatDate({2024, 1, 3}, Lang::Bengali) == "৩ জানুয়ারি ২০২৪");
    CHECK(FormatDateRange({2024, 2, 27}, {2024, 2, 28}, Lang::English) == "27–28 February 2024");
    CHECK(FormatDateRange({2024, 2, 29}, {2024, 3, 1}, Lang::English) == "29 February 2024 – 1 March 2024");
    CHECK(FormatDateRange({2024, 2, 27}, {2024, 2, 27}, Lang::Bengali) == "২৭ ফেব্রুয়ারি ২০২৪");
}

TEST_CASE("the revised Bangla Academy calendar") {
    auto bangla = [](int y, int m, int d) { return FormatBanglaDate(ToBanglaDate({y, m, d})); };
    CHECK(bangla(2024, 4, 14) == "১ বৈশাখ ১৪৩১"); // Pohela Boishakh
    CHECK(bangla(2024, 4, 13) == "৩০ চৈত্র ১৪৩০");
    CHECK(bangla(2024, 1, 3) == "১৯ পৌষ ১৪৩০");    // the example in the minutes' convention
    CHECK(bangla(2024, 2, 21) == "৮ ফাল্গুন ১৪৩০");  // Language Martyrs' Day
    CHECK(bangla(2023, 12, 16) == "১ পৌষ ১৪৩০");   // Victory Day
    CHECK(bangla(2024, 3, 14) == "৩০ ফাল্গুন ১৪৩০"); // Falgun has 30 days when February has 29
    CHECK(bangla(2023, 3, 14) == "২৯ ফাল্গুন ১৪২৯");
    CHECK(bangla(2023, 3, 15) == "১ চৈত্র ১৪২৯");
}

TEST_CASE("TCV measures carry their unit in the visitor's language") {
    CHECK(FormatMeasure(28, "working-days", Lang::Bengali) == "২৮ কার্যদিবস");
    CHECK(FormatMeasure(1, "days", Lang::English) == "1 day");
    CHECK(FormatMeasure(1500, "taka", Lang::English) == "Tk 1,500");
    CHECK(FormatMeasure(1500, "taka", Lang::Bengali) == "১,৫০০ টাকা");
    CHECK(FormatMeasure(2, "visits", Lang::English) == "2 visits");
    CHECK(FormatMeasure(0.5, "hours", Lang::English) == "0.5 hours");
}
