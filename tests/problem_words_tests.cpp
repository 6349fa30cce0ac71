// scoring/'s typed errors worded for the screens (issue 9): every refusal code and every kind of
// store failure has Bengali and English words, and a failed save tells the judge it was NOT saved.
#include "kiosk/ui/problem_words.h"

#include <doctest/doctest.h>

#include <stdexcept>

using scoring::Refusal;
using scoring::Refused;
using scoring::StoreFailure;

TEST_CASE("every refusal is worded in Bengali and in English, never SQLite's English") {
    for (int code = static_cast<int>(Refusal::NoSuchJudge);
         code <= static_cast<int>(Refusal::ResultsAlreadyFinal); ++code) {
        const Refused refused(static_cast<Refusal>(code), {"entry-1", "Rahman", "2", "5"});
        CAPTURE(scoring::ToString(refused.Code()));
        const std::string bn = ui::Words(refused, content::Lang::Bengali);
        const std::string en = ui::Words(refused, content::Lang::English);
        CHECK_FALSE(bn.empty());
        CHECK_FALSE(en.empty());
        CHECK(bn != en);
        CHECK(bn.find("sqlite") == std::string::npos);
    }
    const Refused incomplete(Refusal::CardIncomplete, {"3", "b", "2", "10"});
    CHECK(ui::Words(incomplete, content::Lang::Bengali).find("১০") != std::string::npos);
    CHECK(ui::Words(incomplete, content::Lang::English) == "2 of 10 criteria are not scored yet.");
    CHECK(std::string(incomplete.what()).find("2 of 10 criteria are not scored yet") != std::string::npos);
}

TEST_CASE("a store failure tells the judge the change was not saved and to call the organiser") {
    for (auto kind : {StoreFailure::Kind::DiskFull, StoreFailure::Kind::ReadOnly, StoreFailure::Kind::Locked,
                      StoreFailure::Kind::Damaged, StoreFailure::Kind::IoError, StoreFailure::Kind::Vanished,
                      StoreFailure::Kind::NotOurs}) {
        const StoreFailure failure(kind, "/var/kiosk.db", "database or disk is full");
        const std::string bn = ui::Words(failure, content::Lang::Bengali);
        const std::string en = ui::Words(failure, content::Lang::English);
        CHECK(bn.find("সংরক্ষণ হয়নি") != std::string::npos);
        CHECK(bn.find("আয়োজককে ডাকুন") != std::string::npos);
        CHECK(en.find("NOT saved") != std::string::npos);
        CHECK(en.find("organiser") != std::string::npos);
        CHECK(en.find("database or disk is full") == std::string::npos); // the detail is for the log
        CHECK(std::string(failure.what()).find("/var/kiosk.db") != std::string::npos);
    }
}

TEST_CASE("the banner for a vanished database says nothing is saved from now on, not that it heals") {
    const StoreFailure gone(StoreFailure::Kind::Vanished, "/media/stick/kiosk.db", "gone");
    CHECK(ui::BannerWords(gone, content::Lang::English).find("NO change is saved") != std::string::npos);
    CHECK(ui::BannerWords(gone, content::Lang::English).find("by itself") == std::string::npos);
    CHECK(ui::BannerWords(gone, content::Lang::Bengali).find("সংরক্ষণ হচ্ছে না") != std::string::npos);
}

TEST_CASE("another application's database is named as such, in both languages") {
    const StoreFailure failure(StoreFailure::Kind::NotOurs, "/home/fair/photos.db", "not ours");
    CHECK(ui::WhatFailed(failure, content::Lang::English).find("another program's") != std::string::npos);
    CHECK(ui::WhatFailed(failure, content::Lang::Bengali).find("অন্য একটি প্রোগ্রামের") != std::string::npos);
    CHECK(std::string(failure.what()).find("/home/fair/photos.db") != std::string::npos);
}

TEST_CASE("a problem a screen keeps is worded when drawn, and never in an exception's own English") {
    const ui::Problem refused = ui::Problem::Of(Refused(Refusal::NothingToUndo, {"1", "entry-1"}));
    CHECK(refused.refused);
    CHECK(ui::Words(refused, content::Lang::English) == "There is nothing to undo.");
    CHECK(refused.English().find("nothing-to-undo") != std::string::npos);

    const ui::Problem failure = ui::Problem::Of(
        StoreFailure(StoreFailure::Kind::DiskFull, "/fair/kiosk.db", "database or disk is full"));
    REQUIRE(failure.failure);
    CHECK(ui::Words(failure, content::Lang::Bengali).find("সংরক্ষণ হয়নি") != std::string::npos);
    CHECK(ui::Words(failure, content::Lang::English).find("NOT saved") != std::string::npos);
    CHECK(failure.English().find("/fair/kiosk.db") != std::string::npos); // the log says where

    const ui::Problem bug = ui::Problem::Of(std::out_of_range("map::at"));
    CHECK_FALSE(bug.Empty());
    for (content::Lang lang : {content::Lang::Bengali, content::Lang::English}) {
        CHECK(ui::Words(bug, lang).find("map::at") == std::string::npos);
        CHECK_FALSE(ui::Words(bug, lang).empty());
    }
    CHECK(bug.English() == "map::at");
    CHECK(ui::Problem{}.Empty());
    CHECK(ui::Words(ui::Problem{}, content::Lang::English).empty());
}

TEST_CASE("the banner over staff screens says what is wrong, in both languages, for every kind") {
    for (int kind = 0; kind <= static_cast<int>(StoreFailure::Kind::Other); ++kind) {
        const StoreFailure failure(static_cast<StoreFailure::Kind>(kind), "/fair/kiosk.db", "detail");
        const std::string bn = ui::BannerWords(failure, content::Lang::Bengali);
        const std::string en = ui::BannerWords(failure, content::Lang::English);
        CHECK(bn.find(ui::WhatFailed(failure, content::Lang::Bengali)) != std::string::npos);
        CHECK(en.find(ui::WhatFailed(failure, content::Lang::English)) != std::string::npos);
        CHECK(en.find("call the organiser") != std::string::npos);
        CHECK(bn.find("detail") == std::string::npos);
    }
}

TEST_CASE("a refused ranking method says why, and what to do, in both languages") {
    using scoring::ranking::Refusal;
    using scoring::ranking::RefusalCode;
    const Refusal few{RefusalCode::TooFewJudges, "visa-tracking", 4, 5, 0};
    CHECK(ui::Words(few, "Visa Tracking", content::Lang::English) ==
          "The trimmed mean needs 5 judges on every entry; \"Visa Tracking\" has only 4. Choose another "
          "method.");
    const std::string few_bn = ui::Words(few, "ভিসা ট্র্যাকিং", content::Lang::Bengali);
    CHECK(few_bn.find("৫ জন") != std::string::npos);
    CHECK(few_bn.find("মাত্র ৪ জন") != std::string::npos);
    const Refusal apart{RefusalCode::DisconnectedDesign, "", 0, 0, 2};
    CHECK(ui::Words(apart, "", content::Lang::English).find("2 separate groups") != std::string::npos);
    CHECK(ui::Words(apart, "", content::Lang::Bengali).find("২টি আলাদা দলে") != std::string::npos);
    const Refusal none{RefusalCode::NoCards, "", 0, 0, 0};
    CHECK(ui::Words(none, "", content::Lang::English).find("No scorecard") != std::string::npos);
    CHECK_FALSE(ui::Words(none, "", content::Lang::Bengali).empty());
}
