#include "scoring/judges.h"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace scoring {

namespace {

void InitSodium() {
    static const bool ready = sodium_init() >= 0; // thread-safe, once
    if (!ready) throw Refused(Refusal::PinHashFailed, {});
}

// 30 s for the first lock-out, doubling with each one after it.
int64_t LockDelayMs(int64_t lockouts) {
    int64_t delay = kFirstLockMs;
    for (int64_t i = 0; i < lockouts && delay < kLongestLockMs; ++i)
        delay *= 2;
    return std::min(delay, kLongestLockMs);
}

} // namespace

bool IsValidPin(std::string_view pin) {
    return pin.size() >= kShortestPin && pin.size() <= kLongestPin &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string HashPin(std::string_view pin) {
    if (!IsValidPin(pin)) throw Refused(Refusal::BadPin, {});
    InitSodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.data(), pin.size(), kPinOpsLimit, kPinMemLimit) != 0)
        throw Refused(Refusal::PinHashFailed, {});
    return hash;
}

bool VerifyPin(const std::string& hash, std::string_view pin) {
    InitSodium();
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

Judges::Judges(Store& store, Clock clock)
    : m_store(store), m_db(store.Database()), m_clock(std::move(clock)) {
    Reload();
}

// [SECTION] The roster in memory

void Judges::Reload() {
    const int64_t version = m_store.DataVersion();
    std::vector<Judge> roster;
    std::map<JudgeId, size_t> index;
    sql::Statement rows = m_db.Prepare("SELECT id, key, name, office, failed_pins, locked_until FROM judges "
                                       "WHERE removed = 0 ORDER BY name, id");
    while (rows.Step()) {
        Judge judge;
        judge.id = rows.ColumnInt(0);
        judge.key = rows.ColumnText(1);
        judge.name = rows.ColumnText(2);
        judge.office = rows.ColumnText(3);
        judge.failed_pins = static_cast<int>(rows.ColumnInt(4));
        judge.locked_until_ms = rows.ColumnInt(5);
        index[judge.id] = roster.size();
        roster.push_back(std::move(judge));
    }
    sql::Statement categories =
        m_db.Prepare("SELECT judge, category FROM judge_categories ORDER BY judge, category");
    while (categories.Step())
        if (const auto found = index.find(categories.ColumnInt(0)); found != index.end())
            roster[found->second].categories.push_back(categories.ColumnText(1));
    m_roster = std::move(roster);
    m_data_version = version;
    Changed();
}

bool Judges::ReloadIfChanged() {
    if (m_store.DataVersion() == m_data_version) return false;
    Reload();
    return true;
}

void Judges::Sort() {
    std::sort(m_roster.begin(), m_roster.end(),
              [](const Judge& a, const Judge& b) { return std::tie(a.name, a.id) < std::tie(b.name, b.id); });
    Changed();
}

std::vector<Judge> Judges::List() const {
    return m_roster;
}

const Judge* Judges::Get(JudgeId id) const {
    for (const Judge& judge : m_roster)
        if (judge.id == id) return &judge;
    return nullptr;
}

std::optional<Judge> Judges::Find(JudgeId id) const {
    const Judge* judge = Get(id);
    return judge ? std::optional<Judge>(*judge) : std::nullopt;
}

std::optional<Judge> Judges::FindByName(const std::string& name) const {
    for (const Judge& judge : m_roster)
        if (judge.name == name) return judge;
    return std::nullopt;
}

// [SECTION] Changes: SQL first, then the roster in memory once committed

Judge* Judges::Require(JudgeId id) {
    for (Judge& judge : m_roster)
        if (judge.id == id) return &judge;
    throw Refused(Refusal::NoSuchJudge, {std::to_string(id)});
}

void Judges::Check(const NewJudge& judge, bool with_pin) {
    if (judge.name.empty()) throw Refused(Refusal::JudgeNameNeeded, {});
    if (judge.office.empty()) throw Refused(Refusal::JudgeOfficeNeeded, {judge.name});
    if (judge.categories.empty()) throw Refused(Refusal::JudgeCategoryNeeded, {judge.name});
    if (with_pin && !IsValidPin(judge.pin)) throw Refused(Refusal::BadPin, {judge.name});
}

void Judges::SetCategories(JudgeId id, const std::vector<std::string>& categories) {
    m_db.Prepare("DELETE FROM judge_categories WHERE judge = ?").Bind(1, id).Run();
    for (const std::string& category : categories)
        m_db.Prepare("INSERT OR IGNORE INTO judge_categories(judge, category) VALUES(?, ?)")
            .Bind(1, id)
            .Bind(2, category)
            .Run();
}

static std::vector<std::string> SortedUnique(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return items;
}

JudgeId Judges::Add(const NewJudge& judge) {
    Check(judge, true);
    const std::string hash = HashPin(judge.pin); // slow: outside the transaction
    sql::Transaction transaction(m_db);
    Reload(); // inside the transaction: what another connection did is seen
    Judge added = Insert(judge, hash);
    transaction.Commit();
    const JudgeId id = added.id;
    m_roster.push_back(std::move(added));
    Sort();
    return id;
}

Judge Judges::Insert(const NewJudge& judge, const std::string& hash) {
    if (FindByName(judge.name)) throw Refused(Refusal::JudgeNameTaken, {judge.name});
    Judge added{.key = RandomHex(16),
                .name = judge.name,
                .office = judge.office,
                .categories = SortedUnique(judge.categories)};
    m_db.Prepare("INSERT INTO judges(key, name, office, pin_hash) VALUES(?, ?, ?, ?)")
        .Bind(1, added.key)
        .Bind(2, judge.name)
        .Bind(3, judge.office)
        .Bind(4, hash)
        .Run();
    added.id = m_db.LastInsertId();
    SetCategories(added.id, added.categories);
    return added;
}

void Judges::Update(JudgeId id, const NewJudge& judge) {
    Check(judge, !judge.pin.empty());
    const std::string hash = judge.pin.empty() ? std::string() : HashPin(judge.pin);
    sql::Transaction transaction(m_db);
    Reload();
    Change(id, judge, hash);
    transaction.Commit();
    Judge* changed = Require(id);
    changed->name = judge.name, changed->office = judge.office;
    changed->categories = SortedUnique(judge.categories);
    Sort();
}

void Judges::Change(JudgeId id, const NewJudge& judge, const std::string& hash) {
    Require(id);
    if (std::optional<Judge> other = FindByName(judge.name); other && other->id != id)
        throw Refused(Refusal::JudgeNameTaken, {judge.name});
    m_db.Prepare("UPDATE judges SET name = ?, office = ? WHERE id = ?")
        .Bind(1, judge.name)
        .Bind(2, judge.office)
        .Bind(3, id)
        .Run();
    if (!hash.empty())
        m_db.Prepare("UPDATE judges SET pin_hash = ? WHERE id = ?").Bind(1, hash).Bind(2, id).Run();
    SetCategories(id, SortedUnique(judge.categories));
}

std::vector<Judges::Imported> Judges::AddOrUpdateAll(const std::vector<NewJudge>& judges) {
    std::vector<std::string> hashes;
    for (const NewJudge& judge : judges) {
        Check(judge, !judge.pin.empty());
        hashes.push_back(judge.pin.empty() ? std::string()
                                           : HashPin(judge.pin)); // slow: before the transaction
    }
    std::vector<Imported> done;
    try {
        sql::Transaction transaction(m_db);
        Reload();
        for (size_t i = 0; i < judges.size(); ++i) {
            if (std::optional<Judge> existing = FindByName(judges[i].name)) {
                Change(existing->id, judges[i], hashes[i]);
                done.push_back({existing->id, false});
            } else {
                if (hashes[i].empty()) throw Refused(Refusal::BadPin, {judges[i].name});
                m_roster.push_back(Insert(judges[i], hashes[i])); // a later row of the same name finds it
                done.push_back({m_roster.back().id, true});
            }
        }
        transaction.Commit();
    } catch (...) { // rolled back: the roster in memory goes back to the file's
        try {
            Reload();
        } catch (const StoreFailure&) {
        }
        throw;
    }
    try {
        Reload();
    } catch (const StoreFailure&) { // written all the same: the next ReloadIfChanged reads it
    }
    return done;
}

void Judges::Remove(JudgeId id) {
    sql::Transaction transaction(m_db);
    Reload();
    Require(id);
    m_db.Prepare("UPDATE judges SET removed = 1 WHERE id = ?").Bind(1, id).Run();
    transaction.Commit();
    std::erase_if(m_roster, [&](const Judge& judge) { return judge.id == id; });
    Changed();
}

void Judges::SetPin(JudgeId id, std::string_view pin) {
    const std::string hash = HashPin(pin);
    sql::Transaction transaction(m_db);
    Reload();
    Require(id);
    m_db.Prepare(
            "UPDATE judges SET pin_hash = ?, failed_pins = 0, lockouts = 0, locked_until = 0 WHERE id = ?")
        .Bind(1, hash)
        .Bind(2, id)
        .Run();
    transaction.Commit();
    Judge* changed = Require(id);
    changed->failed_pins = 0, changed->locked_until_ms = 0;
    Changed();
}

void Judges::Unlock(JudgeId id) {
    sql::Transaction transaction(m_db);
    Reload();
    Require(id);
    m_db.Prepare("UPDATE judges SET failed_pins = 0, lockouts = 0, locked_until = 0 WHERE id = ?")
        .Bind(1, id)
        .Run();
    transaction.Commit();
    Judge* changed = Require(id);
    changed->failed_pins = 0, changed->locked_until_ms = 0;
    Changed();
}

PinCheck CountPinTry(PinLockOut& lock, bool right, int64_t now) {
    if (right) {
        lock.failed = 0, lock.lockouts = 0;
        return {PinCheck::Result::Ok, kPinTries};
    }
    if (lock.failed + 1 < kPinTries) {
        ++lock.failed;
        return {PinCheck::Result::WrongPin, static_cast<int>(kPinTries - lock.failed)};
    }
    const int64_t delay = LockDelayMs(lock.lockouts);
    lock = {0, lock.lockouts + 1, now + delay};
    return {PinCheck::Result::WrongPin, 0, delay};
}

PinCheck Judges::CheckPin(JudgeId id, std::string_view pin) try {
    sql::Statement row = m_db.Prepare(
        "SELECT pin_hash, failed_pins, lockouts, locked_until FROM judges WHERE id = ? AND removed = 0");
    row.Bind(1, id);
    if (!row.Step()) return {PinCheck::Result::UnknownJudge};
    const std::string hash = row.ColumnText(0);
    const PinLockOut before{row.ColumnInt(1), row.ColumnInt(2), row.ColumnInt(3)};
    const int64_t now = m_clock();
    if (now < before.locked_until) return {PinCheck::Result::Locked, 0, before.locked_until - now};

    // The hash is checked outside any transaction: it takes tens of milliseconds.
    PinLockOut after = before;
    const PinCheck check = CountPinTry(after, IsValidPin(pin) && VerifyPin(hash, pin), now);
    if (after != before) {
        m_db.Prepare("UPDATE judges SET failed_pins = ?, lockouts = ?, locked_until = ? WHERE id = ?")
            .Bind(1, after.failed)
            .Bind(2, after.lockouts)
            .Bind(3, after.locked_until)
            .Bind(4, id)
            .Run();
        for (Judge& judge : m_roster)
            if (judge.id == id)
                judge.failed_pins = static_cast<int>(after.failed),
                judge.locked_until_ms = after.locked_until;
        Changed();
    }
    return check;
} catch (const StoreFailure& failure) {
    return {PinCheck::Result::StoreFailed, 0, 0, failure};
}

} // namespace scoring
