// The organiser's PIN (issue 5): set and checked like a judge's, with the same lock-out, kept in
// the store across restarts; and `kiosk organiser set-pin|unlock` with its messages.
#include "kiosk/cli/commands.h"
#include "scoring/organiser.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <unistd.h>

using namespace scoring;
namespace fs = std::filesystem;

namespace {

// A store in memory with a clock the test moves.
struct Fixture {
    int64_t now = 1'700'000'000'000;
    Store store{":memory:"};
    OrganiserPin pin{store, [this] { return now; }};
};

// A database file of this test process's own, removed with its WAL when done.
struct TempDb {
    std::string path;
    explicit TempDb(const std::string& name)
        : path((fs::temp_directory_path() /
                ("kiosk-organiser-" + name + "-" + std::to_string(getpid()) + ".db"))
                   .string()) {
        Remove();
    }
    ~TempDb() { Remove(); }
    void Remove() const {
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(path + suffix);
    }
};

} // namespace

TEST_CASE("the organiser's PIN: none at first, 4 to 8 digits, kept only as an Argon2id hash") {
    Fixture f;
    CHECK_FALSE(f.pin.IsSet());
    CHECK(f.pin.Check("1234").result == PinCheck::Result::UnknownJudge);
    for (const char* bad : {"", "123", "123456789", "12a4", "১২৩৪"})
        CHECK_THROWS_WITH_AS(f.pin.Set(bad), "the organiser's PIN must be 4 to 8 digits", Refused);
    CHECK_FALSE(f.pin.IsSet()); // refusals write nothing

    f.pin.Set("024680");
    CHECK(f.pin.IsSet());
    const std::string hash = f.store.Meta("organiser_pin_hash");
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("024680") == std::string::npos);
    const PinCheck ok = f.pin.Check("024680");
    CHECK(ok.result == PinCheck::Result::Ok);
    CHECK(ok.tries_left == kPinTries);
    CHECK(f.pin.Check("24680").result == PinCheck::Result::WrongPin);

    f.pin.Set("1357");
    CHECK(f.pin.Check("024680").result == PinCheck::Result::WrongPin);
    CHECK(f.pin.Check("1357").result == PinCheck::Result::Ok);
}

TEST_CASE("five wrong organiser PINs lock it for 30 s, then 60 s, and a right PIN resets the count") {
    Fixture f;
    f.pin.Set("2468");
    for (int i = 0; i < 4; ++i) {
        const PinCheck check = f.pin.Check(i == 0 ? "12" : "0000"); // not even a PIN counts as a wrong one
        CHECK(check.result == PinCheck::Result::WrongPin);
        CHECK(check.tries_left == 4 - i);
        CHECK(check.locked_for_ms == 0);
    }
    const PinCheck fifth = f.pin.Check("0000");
    CHECK(fifth.result == PinCheck::Result::WrongPin);
    CHECK(fifth.tries_left == 0);
    CHECK(fifth.locked_for_ms == kFirstLockMs);
    // Locked: even the right PIN is not checked.
    const PinCheck locked = f.pin.Check("2468");
    CHECK(locked.result == PinCheck::Result::Locked);
    CHECK(locked.locked_for_ms == 30'000);
    f.now += 29'999;
    CHECK(f.pin.Check("2468").locked_for_ms == 1);
    f.now += 1;
    for (int i = 0; i < 4; ++i)
        CHECK(f.pin.Check("0000").result == PinCheck::Result::WrongPin);
    CHECK(f.pin.Check("0000").locked_for_ms == 60'000); // doubled
    f.now += 60'000;
    CHECK(f.pin.Check("2468").result == PinCheck::Result::Ok);
    // After a good PIN, the count starts again and the next lock-out is 30 s again.
    CHECK(f.pin.Check("0000").tries_left == 4);
    for (int i = 0; i < 3; ++i)
        f.pin.Check("0000");
    CHECK(f.pin.Check("0000").locked_for_ms == 30'000);
}

TEST_CASE("organiser lock-outs double up to an hour") {
    Fixture f;
    f.pin.Set("2468");
    int64_t delay = 0;
    for (int lockout = 0; lockout < 10; ++lockout) {
        for (int i = 0; i < kPinTries; ++i)
            delay = f.pin.Check("x").locked_for_ms; // no hash to check: quick
        f.now += delay;
    }
    CHECK(delay == kLongestLockMs);
}

TEST_CASE("an unlock or a new organiser PIN ends the lock-out") {
    Fixture f;
    f.pin.Set("2468");
    for (int i = 0; i < kPinTries; ++i)
        f.pin.Check("x");
    CHECK(f.pin.Check("2468").result == PinCheck::Result::Locked);
    f.pin.Unlock();
    CHECK(f.pin.Check("2468").result == PinCheck::Result::Ok);

    for (int i = 0; i < kPinTries; ++i)
        f.pin.Check("x");
    f.pin.Set("97531");
    CHECK(f.pin.Check("x").tries_left == kPinTries - 1); // the count starts again too
    CHECK(f.pin.Check("97531").result == PinCheck::Result::Ok);
    // After an unlock, the next lock-out is the first one's 30 s again.
    for (int i = 0; i < kPinTries; ++i)
        f.pin.Check("x");
    f.pin.Unlock();
    for (int i = 0; i < kPinTries - 1; ++i)
        f.pin.Check("x");
    CHECK(f.pin.Check("x").locked_for_ms == kFirstLockMs);
}

TEST_CASE("the organiser's PIN and its lock-out survive a restart") {
    TempDb db("restart");
    int64_t now = 1'000'000;
    {
        Store store(db.path);
        OrganiserPin pin(store, [&] { return now; });
        pin.Set("2468");
        for (int i = 0; i < kPinTries; ++i)
            pin.Check("0000");
    }
    {
        Store store(db.path);
        OrganiserPin pin(store, [&] { return now + 10'000; });
        CHECK(pin.IsSet());
        const PinCheck check = pin.Check("2468");
        CHECK(check.result == PinCheck::Result::Locked);
        CHECK(check.locked_for_ms == 20'000);
        pin.Unlock();
    }
    Store store(db.path);
    OrganiserPin pin(store, [&] { return now; });
    CHECK(pin.Check("2468").result == PinCheck::Result::Ok);
}

TEST_CASE("the organiser's lock-out and the judges' are separate") {
    Fixture f;
    f.pin.Set("1234");
    Judges judges(f.store, [&] { return f.now; });
    const JudgeId judge = judges.Add({"Rahman", "o1", {"c1"}, "1234"});
    for (int i = 0; i < kPinTries; ++i)
        f.pin.Check("x");
    CHECK(judges.CheckPin(judge, "1234").result == PinCheck::Result::Ok);
    for (int i = 0; i < kPinTries; ++i)
        judges.CheckPin(judge, "x");
    f.pin.Unlock();
    CHECK(f.pin.Check("1234").result == PinCheck::Result::Ok);
    CHECK(judges.CheckPin(judge, "1234").result == PinCheck::Result::Locked);
}

// [SECTION] kiosk organiser

namespace {

struct Cli {
    TempDb db{"cli"};
    std::string out, err;

    int Run(std::vector<std::string> args, const std::string& input = "") {
        args.insert(args.end(), {"--db", db.path});
        std::istringstream in(input);
        std::ostringstream o, e;
        const int status = kiosk::cli::Organiser(args, in, o, e);
        out = o.str(), err = e.str();
        return status;
    }
    PinCheck Check(const std::string& pin) {
        Store store(db.path);
        return OrganiserPin(store).Check(pin);
    }
};

} // namespace

TEST_CASE("kiosk organiser set-pin: the PIN on stdin or --pin") {
    Cli cli;
    CHECK(cli.Run({"set-pin"}, " 2468\r\n") == 0);
    CHECK(cli.out == "the organiser's PIN is set\n");
    CHECK(cli.err.empty());
    CHECK(cli.Check("2468").result == PinCheck::Result::Ok);
    CHECK(cli.Run({"set-pin", "--pin", "97531"}) == 0);
    CHECK(cli.out == "the organiser's PIN is changed\n");
    CHECK(cli.Check("97531").result == PinCheck::Result::Ok);

    CHECK(cli.Run({"set-pin"}, "12\n") == 1);
    CHECK(cli.err == "kiosk organiser: the organiser's PIN must be 4 to 8 digits\n");
    CHECK(cli.Run({"set-pin"}) == 1); // nothing on stdin
    CHECK(cli.Check("97531").result == PinCheck::Result::Ok);
}

TEST_CASE("kiosk organiser unlock") {
    Cli cli;
    CHECK(cli.Run({"unlock"}) == 1);
    CHECK(cli.err ==
          "kiosk organiser: there is no organiser PIN yet: set one with kiosk organiser set-pin\n");
    REQUIRE(cli.Run({"set-pin", "--pin", "2468"}) == 0);
    for (int i = 0; i < kPinTries; ++i)
        cli.Check("x");
    CHECK(cli.Check("2468").result == PinCheck::Result::Locked);
    CHECK(cli.Run({"unlock"}) == 0);
    CHECK(cli.out == "the organiser's PIN is unlocked\n");
    CHECK(cli.Check("2468").result == PinCheck::Result::Ok);
}

TEST_CASE("kiosk organiser: a wrong command line is a usage error") {
    Cli cli;
    CHECK(cli.Run({"frobnicate"}) == 2);
    CHECK(cli.err.rfind("kiosk organiser: unknown command \"frobnicate\"\nusage: kiosk organiser set-pin",
                        0) == 0);
    CHECK(cli.Run({"set-pin", "2468"}) == 2);
    CHECK(cli.err.rfind("kiosk organiser set-pin: unexpected \"2468\"\n", 0) == 0);
    CHECK(cli.Run({"unlock", "--pin", "2468"}) == 2);
    std::istringstream in;
    std::ostringstream out, err;
    CHECK(kiosk::cli::Organiser({"set-pin", "--pin"}, in, out, err) == 2);
    CHECK(err.str().rfind("kiosk organiser: --pin needs a value\n", 0) == 0);
    CHECK(kiosk::cli::Organiser({}, out, err) == 2);
    CHECK(kiosk::cli::Organiser({"--help"}, out, err) == 0);
    CHECK(out.str().rfind("usage: kiosk organiser", 0) == 0);
}

TEST_CASE("kiosk organiser is one of the kiosk's subcommands") {
    TempDb db("subcommand");
    CHECK(kiosk::cli::IsSubcommand({"organiser", "unlock"}));
    std::ostringstream out, err;
    CHECK(kiosk::cli::RunSubcommand({"organiser", "set-pin", "--pin", "2468", "--db", db.path}, out, err) ==
          0);
    CHECK(out.str() == "the organiser's PIN is set\n");
    Store store(db.path);
    CHECK(OrganiserPin(store).Check("2468").result == PinCheck::Result::Ok);
}
