// The kiosk's staff and its store (issue 14): a store opened after a failed start turns judging on,
// and a database file that vanishes is rescued at the next refresh, into the organiser's second
// place first.
#include "kiosk/staff.h"
#include "scoring/judges.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

content::FairContent OneEntryFair() {
    content::FairContent fair;
    fair.offices = {{"o1", {"দপ্তর ১", "Office 1"}, {}}};
    fair.categories = {{"c1", {"বিভাগ ১", "Category 1"}, {}}};
    content::Innovation innovation;
    innovation.id = "a", innovation.office_id = "o1", innovation.category_id = "c1";
    fair.innovations.push_back(innovation);
    fair.rubric.criteria = {{"x", {"ক", "X"}, {}, 5, 1.0}};
    return fair;
}

} // namespace

TEST_CASE("judging turns on when the store opens after a failed start") {
    const content::FairContent fair = OneEntryFair();
    const scoring::StoreFailure full(scoring::StoreFailure::Kind::DiskFull, "/fair/kiosk.db", "full");
    kiosk::Staff staff(nullptr, full, fair, 60);
    CHECK_FALSE(staff.Available());
    REQUIRE(staff.OpenFailure().has_value());
    scoring::Store store(":memory:");
    staff.Adopt(&store);
    CHECK(staff.Available());
    CHECK_FALSE(staff.OpenFailure().has_value());
    CHECK(staff.Judges().empty());
}

TEST_CASE("a vanished database is rescued at the next refresh, to the second place first") {
    const fs::path root = fs::temp_directory_path() / ("kiosk-staff-store-" + std::to_string(getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "stick");
    fs::create_directories(root / "second");
    const content::FairContent fair = OneEntryFair();
    {
        scoring::Store store((root / "stick" / "kiosk.db").string());
        scoring::Judges(store).Add({"Rahman", "o1", {"c1"}, "1234"});
        kiosk::Staff staff(&store, std::nullopt, fair, 60);
        staff.RescueFirstTo((root / "second").string());
        staff.Refresh();
        CHECK(staff.RescuedCopy().empty());
        CHECK(staff.LastProblem() == nullptr);

        fs::remove_all(root / "stick");
        staff.Refresh();
        REQUIRE(staff.LastProblem() != nullptr);
        CHECK(staff.LastProblem()->What() == scoring::StoreFailure::Kind::Vanished);
        REQUIRE_FALSE(staff.RescuedCopy().empty());
        CHECK(fs::path(staff.RescuedCopy()).parent_path() == root / "second");
        scoring::Store rescued(staff.RescuedCopy());
        CHECK(scoring::Judges(rescued).List().size() == 1);
    }
    fs::remove_all(root);
}
