#include "scoring/organiser.h"

#include <charconv>

namespace scoring {

namespace {

// Meta keys. The hash is the only secret; the counters are the lock-out, kept so a restart does not reset it.
constexpr const char* kHashKey = "organiser_pin_hash";
constexpr const char* kFailedKey = "organiser_failed_pins";
constexpr const char* kLockoutsKey = "organiser_lockouts";
constexpr const char* kLockedUntilKey = "organiser_locked_until";

int64_t MetaNumber(Store& store, const char* key) {
    const std::string text = store.Meta(key);
    int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value); // "" (never written) stays 0
    return value;
}

PinLockOut ReadPinLockOut(Store& store) {
    return {MetaNumber(store, kFailedKey), MetaNumber(store, kLockoutsKey),
            MetaNumber(store, kLockedUntilKey)};
}

void WritePinLockOut(Store& store, const PinLockOut& lock) {
    store.SetMeta(kFailedKey, std::to_string(lock.failed));
    store.SetMeta(kLockoutsKey, std::to_string(lock.lockouts));
    store.SetMeta(kLockedUntilKey, std::to_string(lock.locked_until));
}

} // namespace

OrganiserPin::OrganiserPin(Store& store, Clock clock) : m_store(store), m_clock(std::move(clock)) {}

bool OrganiserPin::IsSet() {
    if (!m_is_set) Refresh();
    return m_is_set.value_or(false);
}

// Reads the meta table only when another connection wrote since the last look (PRAGMA
// data_version, as the judges and the score log do); this kiosk's own writes set m_is_set.
void OrganiserPin::Refresh() {
    try {
        const int64_t version = m_store.DataVersion();
        if (m_is_set && version == m_data_version) return;
        m_is_set = !m_store.Meta(kHashKey).empty();
        m_data_version = version;
    } catch (const StoreFailure&) {
        // keep what was known; unknown stays unknown and is asked again next time
    }
}

void OrganiserPin::Set(std::string_view pin) {
    if (!IsValidPin(pin)) throw Refused(Refusal::BadPin, {"organiser"});
    const std::string hash = HashPin(pin); // slow: outside the transaction
    sql::Transaction transaction(m_store.Database());
    m_store.SetMeta(kHashKey, hash);
    WritePinLockOut(m_store, {});
    transaction.Commit();
    m_is_set = true;
}

void OrganiserPin::Unlock() {
    sql::Transaction transaction(m_store.Database());
    WritePinLockOut(m_store, {});
    transaction.Commit();
}

PinCheck OrganiserPin::Check(std::string_view pin) try {
    const std::string hash = m_store.Meta(kHashKey);
    m_is_set = !hash.empty();
    if (hash.empty()) return {PinCheck::Result::UnknownJudge};
    const int64_t now = m_clock();
    const PinLockOut lock = ReadPinLockOut(m_store);
    if (now < lock.locked_until) return {PinCheck::Result::Locked, 0, lock.locked_until - now};

    // The hash is checked outside any transaction: it takes tens of milliseconds. The counters are
    // read again inside it, in case `kiosk organiser unlock` ran meanwhile.
    const bool right = IsValidPin(pin) && VerifyPin(hash, pin);
    if (PinLockOut after = lock; right) { // nothing to reset: no write lock needed, so the organiser
        const PinCheck check = CountPinTry(after, right, now); // gets in while another program holds it
        if (after == lock) return check;
    }
    sql::Transaction transaction(m_store.Database());
    const PinLockOut before = ReadPinLockOut(m_store);
    PinLockOut after = before;
    const PinCheck check = CountPinTry(after, right, now);
    if (after != before) WritePinLockOut(m_store, after); // a right PIN with nothing to reset writes nothing
    transaction.Commit();
    return check;
} catch (const StoreFailure& failure) {
    return {PinCheck::Result::StoreFailed, 0, 0, failure};
}

} // namespace scoring
