// The organiser's PIN: what the kiosk asks before the organiser's own screens (the overview,
// reopening a card). One per kiosk database, kept only as an Argon2id hash in the store's meta
// table, with the same hashing and the same lock-out rules as judges' PINs (judges.h).
#pragma once

#include "scoring/judges.h"

#include <optional>
#include <string_view>

namespace scoring {

// The organiser's PIN: one per kiosk database, kept only as an Argon2id hash in the store's meta
// table (same hashing and the same lock-out rules as judges' PINs: kPinTries, kFirstLockMs doubling
// to kLongestLockMs, persisted so a restart does not reset it).
class OrganiserPin {
  public:
    explicit OrganiserPin(Store& store, Clock clock = SystemClockMs); // reads nothing yet

    // From memory once read (the screens ask while drawing); false when the store cannot say.
    bool IsSet();
    // Reads whether a PIN is set again (another program may have set it). Never throws.
    void Refresh();
    // Refused (nothing written) for a PIN that is not 4-8 ASCII digits; a new PIN also ends any lock-out.
    void Set(std::string_view pin);
    // UnknownJudge when no PIN was ever set; Locked while locked (the PIN is not even checked);
    // WrongPin with tries_left, and locked_for_ms when that wrong PIN just locked it; Ok resets the count;
    // StoreFailed (never a throw) when the database failed.
    PinCheck Check(std::string_view pin);
    void Unlock();

  private:
    Store& m_store;
    Clock m_clock;
    std::optional<bool> m_is_set;
    int64_t m_data_version = -1; // PRAGMA data_version when m_is_set was read
};

} // namespace scoring
