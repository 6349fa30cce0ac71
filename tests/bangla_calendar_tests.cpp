// The revised Bangladesh calendar: every month boundary, leap years, year ends, round trips, and
// the official two-calendar date format.
#include "content/bangla_calendar.h"

#include <doctest/doctest.h>

using namespace content;

namespace {

Date NextDay(Date d) {
    if (++d.day > GregorianMonthLength(d.year, d.month)) {
        d.day = 1;
        if (++d.month > 12) d.month = 1, ++d.year;
    }
    return d;
}

// The first Gregorian day of each Bangla month of the year beginning on 14 April `gregorian_year`,
// as the revision fixes them.
Date MonthStart(int gregorian_year, int month) {
    const Date starts[] = {
        {gregorian_year, 4, 14},     {gregorian_year, 5, 15},     {gregorian_year, 6, 15},
        {gregorian_year, 7, 16},     {gregorian_year, 8, 16},     {gregorian_year, 9, 16},
        {gregorian_year, 10, 17},    {gregorian_year, 11, 16},    {gregorian_year, 12, 16},
        {gregorian_year + 1, 1, 15}, {gregorian_year + 1, 2, 14}, {gregorian_year + 1, 3, 15}};
    // Chaitra begins on 15 March either way: Falgun's extra day is February's 29th.
    return starts[month - 1];
}

} // namespace

TEST_CASE("the example of the official letters: 3 January 2024 is 19 Poush 1430") {
    CHECK(ToBanglaDate({2024, 1, 3}) == BanglaDate{1430, 9, 19});
    CHECK(FormatBanglaDateOfficial(ToBanglaDate({2024, 1, 3})) == "১৯ পৌষ ১৪৩০");
    CHECK(FormatGregorianDateOfficial({2024, 1, 3}) == "০৩ জানুয়ারি ২০২৪");
    CHECK(FormatBothCalendars({2024, 1, 3}) == "১৯ পৌষ ১৪৩০ / ০৩ জানুয়ারি ২০২৪");
    CHECK(FormatEnglishDate({2024, 1, 3}) == "3 January 2024");
    CHECK(FormatBanglaDateEnglish(ToBanglaDate({2024, 1, 3})) == "19 Poush 1430 BS");
}

TEST_CASE("every month of several years begins where the revised calendar puts it") {
    for (int year = 2019; year <= 2031; ++year) {
        CAPTURE(year);
        for (int month = 1; month <= 12; ++month) {
            CAPTURE(month);
            const Date start = MonthStart(year, month);
            CHECK(ToBanglaDate(start) == BanglaDate{year - 593, month, 1});
            CHECK(FromBanglaDate({year - 593, month, 1}) == start);
        }
    }
}

TEST_CASE("the last day of each month is followed by the first of the next") {
    for (int year = 1426; year <= 1440; ++year) {
        for (int month = 1; month <= 12; ++month) {
            CAPTURE(year);
            CAPTURE(month);
            const int length = BanglaMonthLength(year, month);
            const std::optional<Date> last = FromBanglaDate({year, month, length});
            REQUIRE(last);
            CHECK(ToBanglaDate(*last) == BanglaDate{year, month, length});
            const BanglaDate next = ToBanglaDate(NextDay(*last));
            CHECK(next == (month == 12 ? BanglaDate{year + 1, 1, 1} : BanglaDate{year, month + 1, 1}));
            CHECK_FALSE(FromBanglaDate({year, month, length + 1}));
        }
    }
}

TEST_CASE("14 April is 1 Boishakh and 13 April the last day of Chaitra") {
    CHECK(ToBanglaDate({2024, 4, 14}) == BanglaDate{1431, 1, 1});
    CHECK(ToBanglaDate({2024, 4, 13}) == BanglaDate{1430, 12, 30});
    CHECK(ToBanglaDate({2019, 4, 14}) == BanglaDate{1426, 1, 1});
    CHECK(FormatBanglaDateOfficial(ToBanglaDate({2024, 4, 14})) == "০১ বৈশাখ ১৪৩১");
}

TEST_CASE("Falgun has 30 days in a Gregorian leap year, 29 otherwise") {
    CHECK(BanglaMonthLength(1430, 11) == 30); // Falgun 1430 falls in 2024
    CHECK(BanglaMonthLength(1429, 11) == 29); // in 2023
    CHECK(BanglaMonthLength(1426, 11) == 30); // in 2020
    CHECK(ToBanglaDate({2024, 2, 29}) == BanglaDate{1430, 11, 16});
    CHECK(ToBanglaDate({2024, 3, 14}) == BanglaDate{1430, 11, 30});
    CHECK(ToBanglaDate({2024, 3, 15}) == BanglaDate{1430, 12, 1});
    CHECK(ToBanglaDate({2023, 3, 14}) == BanglaDate{1429, 11, 29});
    CHECK(ToBanglaDate({2023, 3, 15}) == BanglaDate{1429, 12, 1});
    CHECK_FALSE(FromBanglaDate({1429, 11, 30}));
    CHECK(FromBanglaDate({1430, 11, 30}) == Date{2024, 3, 14});
    // The national days fall on the same Bangla dates every year, as the revision intended.
    for (int year = 2020; year <= 2030; ++year) {
        CHECK(ToBanglaDate({year, 2, 21}) == BanglaDate{year - 594, 11, 8});
        CHECK(ToBanglaDate({year, 3, 26}) == BanglaDate{year - 594, 12, 12});
        CHECK(ToBanglaDate({year, 12, 16}) == BanglaDate{year - 593, 9, 1});
    }
}

TEST_CASE("year ends: 31 December and 1 January") {
    CHECK(ToBanglaDate({2023, 12, 31}) == BanglaDate{1430, 9, 16});
    CHECK(ToBanglaDate({2024, 1, 1}) == BanglaDate{1430, 9, 17});
    CHECK(FormatBothCalendars({2023, 12, 31}) == "১৬ পৌষ ১৪৩০ / ৩১ ডিসেম্বর ২০২৩");
}

TEST_CASE("every day of twelve years converts and converts back") {
    Date day{2019, 4, 14};
    BanglaDate expected{1426, 1, 1};
    for (int i = 0; i < 12 * 366; ++i) {
        const BanglaDate bangla = ToBanglaDate(day);
        REQUIRE(bangla == expected);
        REQUIRE(FromBanglaDate(bangla) == day);
        day = NextDay(day);
        if (++expected.day > BanglaMonthLength(expected.year, expected.month)) {
            expected.day = 1;
            if (++expected.month > 12) expected.month = 1, ++expected.year;
        }
    }
}

TEST_CASE("Gregorian validity") {
    CHECK(IsValidDate({2024, 2, 29}));
    CHECK_FALSE(IsValidDate({2023, 2, 29}));
    CHECK_FALSE(IsValidDate({2024, 13, 1}));
    CHECK_FALSE(IsValidDate({2024, 4, 31}));
    CHECK(IsGregorianLeapYear(2000));
    CHECK_FALSE(IsGregorianLeapYear(2100));
}
