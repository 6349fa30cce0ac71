#include "scoring/judges.h"

#include <sodium.h>

#include <algorithm>

namespace scoring {

namespace {

void InitSodium() {
    static const bool ready = sodium_init() >= 0; // thread-safe, once
    if (!ready) throw Refused("libsodium cannot start: PINs cannot be checked");
}

Judge JudgeFromRow(sql::Statement& row) {
    Judge judge;
    judge.id = row.ColumnInt(0);
    judge.name = row.ColumnText(1);
    judge.office = row.ColumnText(2);
    judge.failed_pins = static_cast<int>(row.ColumnInt(3));
    judge.locked_until_ms = row.ColumnInt(4);
    return judge;
}

constexpr const char* kJudgeColumns = "SELECT id, name, office, failed_pins, locked_until FROM judges ";

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
    if (!IsValidPin(pin)) throw Refused("a PIN is 4 to 8 digits");
    InitSodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.data(), pin.size(), kPinOpsLimit, kPinMemLimit) != 0)
        throw Refused("not enough memory to hash the PIN");
    return hash;
}

bool VerifyPin(const std::string& hash, std::string_view pin) {
    InitSodium();
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

Judges::Judges(Store& store, Clock clock) : m_db(store.Database()), m_clock(std::move(clock)) {}

std::vector<Judge> Judges::List() {
    std::vector<Judge> judges;
    sql::Statement rows = m_db.Prepare(std::string(kJudgeColumns) + "WHERE removed = 0 ORDER BY name, id");
    while (rows.Step())
        judges.push_back(JudgeFromRow(rows));
    for (Judge& judge : judges)
        judge = *Find(judge.id);
    return judges;
}

std::optional<Judge> Judges::Find(JudgeId id) {
    sql::Statement row = m_db.Prepare(std::string(kJudgeColumns) + "WHERE id = ? AND removed = 0");
    row.Bind(1, id);
    if (!row.Step()) return std::nullopt;
    Judge judge = JudgeFromRow(row);
    sql::Statement categories =
        m_db.Prepare("SELECT category FROM judge_categories WHERE judge = ? ORDER BY category");
    categories.Bind(1, id);
    while (categories.Step())
        judge.categories.push_back(categories.ColumnText(0));
    return judge;
}

std::optional<Judge> Judges::FindByName(const std::string& name) {
    sql::Statement row = m_db.Prepare("SELECT id FROM judges WHERE name = ? AND removed = 0");
    row.Bind(1, name);
    if (!row.Step()) return std::nullopt;
    return Find(row.ColumnInt(0));
}

Judge Judges::Require(JudgeId id) {
    std::optional<Judge> judge = Find(id);
    if (!judge) throw Refused("there is no judge " + std::to_string(id));
    return *judge;
}

void Judges::Check(const NewJudge& judge, bool with_pin) {
    if (judge.name.empty()) throw Refused("a judge needs a name");
    if (judge.office.empty()) throw Refused("judge \"" + judge.name + "\" needs an office (for recusal)");
    if (judge.categories.empty())
        throw Refused("judge \"" + judge.name + "\" needs at least one category to judge");
    if (with_pin && !IsValidPin(judge.pin))
        throw Refused("the PIN of judge \"" + judge.name + "\" must be 4 to 8 digits");
}

void Judges::SetCategories(JudgeId id, const std::vector<std::string>& categories) {
    m_db.Prepare("DELETE FROM judge_categories WHERE judge = ?").Bind(1, id).Run();
    for (const std::string& category : categories)
        m_db.Prepare("INSERT OR IGNORE INTO judge_categories(judge, category) VALUES(?, ?)")
            .Bind(1, id)
            .Bind(2, category)
            .Run();
}

JudgeId Judges::Add(const NewJudge& judge) {
    Check(judge, true);
    const std::string hash = HashPin(judge.pin); // slow: outside the transaction
    sql::Transaction transaction(m_db);
    if (FindByName(judge.name)) throw Refused("there is already a judge named \"" + judge.name + "\"");
    m_db.Prepare("INSERT INTO judges(name, office, pin_hash) VALUES(?, ?, ?)")
        .Bind(1, judge.name)
        .Bind(2, judge.office)
        .Bind(3, hash)
        .Run();
    sql::Statement last = m_db.Prepare("SELECT last_insert_rowid()");
    last.Step();
    const JudgeId added = last.ColumnInt(0);
    SetCategories(added, judge.categories);
    transaction.Commit();
    return added;
}

void Judges::Update(JudgeId id, const NewJudge& judge) {
    Check(judge, !judge.pin.empty());
    const std::string hash = judge.pin.empty() ? std::string() : HashPin(judge.pin);
    sql::Transaction transaction(m_db);
    Require(id);
    if (std::optional<Judge> other = FindByName(judge.name); other && other->id != id)
        throw Refused("there is already a judge named \"" + judge.name + "\"");
    m_db.Prepare("UPDATE judges SET name = ?, office = ? WHERE id = ?")
        .Bind(1, judge.name)
        .Bind(2, judge.office)
        .Bind(3, id)
        .Run();
    if (!hash.empty())
        m_db.Prepare("UPDATE judges SET pin_hash = ? WHERE id = ?").Bind(1, hash).Bind(2, id).Run();
    SetCategories(id, judge.categories);
    transaction.Commit();
}

void Judges::Remove(JudgeId id) {
    sql::Transaction transaction(m_db);
    Require(id);
    m_db.Prepare("UPDATE judges SET removed = 1 WHERE id = ?").Bind(1, id).Run();
    transaction.Commit();
}

void Judges::SetPin(JudgeId id, std::string_view pin) {
    const std::string hash = HashPin(pin);
    sql::Transaction transaction(m_db);
    Require(id);
    m_db.Prepare(
            "UPDATE judges SET pin_hash = ?, failed_pins = 0, lockouts = 0, locked_until = 0 WHERE id = ?")
        .Bind(1, hash)
        .Bind(2, id)
        .Run();
    transaction.Commit();
}

void Judges::Unlock(JudgeId id) {
    sql::Transaction transaction(m_db);
    Require(id);
    m_db.Prepare("UPDATE judges SET failed_pins = 0, lockouts = 0, locked_until = 0 WHERE id = ?")
        .Bind(1, id)
        .Run();
    transaction.Commit();
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

PinCheck Judges::CheckPin(JudgeId id, std::string_view pin) {
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
    if (after != before)
        m_db.Prepare("UPDATE judges SET failed_pins = ?, lockouts = ?, locked_until = ? WHERE id = ?")
            .Bind(1, after.failed)
            .Bind(2, after.lockouts)
            .Bind(3, after.locked_until)
            .Bind(4, id)
            .Run();
    return check;
}

} // namespace scoring
