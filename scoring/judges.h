// The fair's judges as the organiser sets them up: name, office, the categories they judge, and a
// PIN kept only as an Argon2id hash (libsodium crypto_pwhash_str). Wrong PINs lock a judge out
// for a growing delay, kept in the store so a restart does not reset it. The roster is kept in
// memory (the screens read it while drawing) and read again after each change and by Reload().
#pragma once

#include "scoring/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scoring {

using JudgeId = int64_t;

struct Judge {
    JudgeId id = 0;  // this store's row: the handle of screens and command line
    std::string key; // fair-wide: random, made once where the judge was added, the same in every store
    std::string name;
    std::string office;                  // an office id of the content pack: recused from its entries
    std::vector<std::string> categories; // category ids of the pack, sorted
    int failed_pins = 0;                 // wrong PINs since the last good one or lock-out
    int64_t locked_until_ms = 0;         // Unix ms; in the past when not locked
};

struct NewJudge {
    std::string name;
    std::string office;
    std::vector<std::string> categories;
    std::string pin;
};

// PINs are 4 to 8 ASCII digits (the PIN pad sends ASCII, whichever digits it shows).
constexpr size_t kShortestPin = 4, kLongestPin = 8;
bool IsValidPin(std::string_view pin);

// Argon2id with opslimit 3 and 32 MiB: measured at 50-65 ms a verify on the 2-core fair box
// (libsodium's INTERACTIVE, 2 and 64 MiB, took about 170 ms; score_bench prints it). A 4-8 digit PIN has too
// few values for any hash cost to stop an offline search; the lock-out is the real defence, so the hash only
// needs to be slow enough to make a stolen file a chore, and fast enough for a PIN pad.
constexpr unsigned long long kPinOpsLimit = 3;
constexpr size_t kPinMemLimit = 32u << 20;
std::string HashPin(std::string_view pin); // throws Refused for a bad PIN
bool VerifyPin(const std::string& hash, std::string_view pin);

// Lock-out: after kPinTries wrong PINs in a row, the judge is locked for 30 s, then 60 s, 120 s...
// (each lock-out doubles the next, up to an hour) until a right PIN or an organiser's unlock.
constexpr int kPinTries = 5;
constexpr int64_t kFirstLockMs = 30'000, kLongestLockMs = 3'600'000;

struct PinCheck {
    enum class Result { Ok, WrongPin, Locked, UnknownJudge, StoreFailed };
    Result result = Result::UnknownJudge;
    int tries_left = 0;        // WrongPin: before the next lock-out
    int64_t locked_for_ms = 0; // Locked (also a WrongPin that just locked): how long until another try
    std::optional<StoreFailure> failure{}; // StoreFailed: the database could not be read or written
};

// The lock-out state a PIN keeps (a judge's row, the organiser's meta), and one checked PIN
// applied to it: the rules above in one place for judges and the organiser.
struct PinLockOut {
    int64_t failed = 0, lockouts = 0, locked_until = 0; // locked_until: Unix ms
    bool operator==(const PinLockOut&) const = default;
};
PinCheck CountPinTry(PinLockOut& lock, bool right, int64_t now_ms);

class Judges {
  public:
    // Reads the roster (throws StoreFailure).
    explicit Judges(Store& store, Clock clock = SystemClockMs);

    // From memory, no SQL.
    std::vector<Judge> List() const;             // the active judges, by name
    std::optional<Judge> Find(JudgeId id) const; // active judges only
    std::optional<Judge> FindByName(const std::string& name) const;
    const Judge* Get(JudgeId id) const; // into the roster: valid until the next change or reload
    uint64_t Generation() const { return m_generation; } // grows with every change of the roster

    // Reads the roster again when another connection changed the file (PRAGMA data_version), or
    // always. Throws StoreFailure, keeping the roster it had.
    bool ReloadIfChanged();
    void Reload();

    // Each throws Refused (nothing written) when the name, PIN or id is not acceptable, or
    // StoreFailure (nothing written).
    JudgeId Add(const NewJudge& judge);
    void Update(JudgeId id, const NewJudge& judge); // name, office, categories; the PIN too when given
    void Remove(JudgeId id);                        // kept in the store for the audit trail
    // Adds each judge whose name is new and updates those whose name exists (the PIN too when
    // given), all in one transaction: all or nothing, also when the process is killed halfway.
    struct Imported {
        JudgeId id = 0;
        bool added = false; // false: an existing judge was updated
    };
    std::vector<Imported> AddOrUpdateAll(const std::vector<NewJudge>& judges);
    void SetPin(JudgeId id, std::string_view pin);
    void Unlock(JudgeId id);

    // Checks a PIN and counts wrong ones. While locked, the PIN is not even checked. Never throws
    // for the store: a failure is Result::StoreFailed with the failure.
    PinCheck CheckPin(JudgeId id, std::string_view pin);

  private:
    void SetCategories(JudgeId id, const std::vector<std::string>& categories);
    // Inside an open transaction, after Reload():
    Judge Insert(const NewJudge& judge, const std::string& hash);
    void Change(JudgeId id, const NewJudge& judge, const std::string& hash);
    void Check(const NewJudge& judge, bool with_pin);
    Judge* Require(JudgeId id);
    void Sort();
    void Changed() { ++m_generation; }

    Store& m_store;
    sql::Database& m_db;
    Clock m_clock;
    std::vector<Judge> m_roster; // active judges, by name then id
    uint64_t m_generation = 0;
    int64_t m_data_version = -1;
};

} // namespace scoring
