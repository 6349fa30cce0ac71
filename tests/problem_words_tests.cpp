// scoring/'s typed errors worded for the screens (issue 9): every refusal code and every kind of
// store failure has Bengali and English words, and a failed save tells the judge it was NOT saved.
#include "kiosk/ui/problem_words.h"

#include <doctest/doctest.h>

using scoring::Refusal;
using scoring::Refused;
using scoring::StoreFailure;

TEST_CASE("every refusal is worded in Bengali and in English, never SQLite's English") {
    for (int code = static_cast<int>(Refusal::NoSuchJudge); code <= static_cast<int>(Refusal::PinHashFailed);
         ++code) {
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
    for (auto kind :
         {StoreFailure::Kind::DiskFull, StoreFailure::Kind::ReadOnly, StoreFailure::Kind::Locked,
          StoreFailure::Kind::Damaged, StoreFailure::Kind::IoError, StoreFailure::Kind::Vanished}) {
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
