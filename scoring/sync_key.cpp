// The fair's key (Crockford base32 for typing, a check code for comparing) and the sealed envelope.
#include "scoring/sync_key.h"

#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace scoring {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U
constexpr char kMagic[6] = {'S', 'K', 'S', 'Y', 'N', 'C'};
constexpr unsigned char kFormat = 1;
constexpr size_t kKeyIdBytes = 8;
// magic, format, kind, key id, length of what follows, nonce
constexpr size_t kHeaderBytes = sizeof(kMagic) + 2 + kKeyIdBytes + 8 + crypto_secretbox_NONCEBYTES;

void InitSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium cannot start");
}

std::array<unsigned char, kKeyIdBytes> KeyId(const SyncKey& key) {
    InitSodium();
    static constexpr char kContext[] = "showcase-kiosk sync key id";
    std::array<unsigned char, kKeyIdBytes> id{};
    crypto_generichash(id.data(), id.size(), reinterpret_cast<const unsigned char*>(kContext),
                       sizeof(kContext) - 1, key.data(), key.size());
    return id;
}

int DigitOf(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    const char* found = std::strchr(kAlphabet, c);
    return c && found ? static_cast<int>(found - kAlphabet) : -1;
}

} // namespace

SyncKey NewSyncKey() {
    InitSodium();
    SyncKey key;
    randombytes_buf(key.data(), key.size());
    return key;
}

std::string KeyToText(const SyncKey& key) {
    std::string digits;
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char byte : key) {
        buffer = (buffer << 8) | byte, bits += 8;
        while (bits >= 5)
            digits += kAlphabet[(buffer >> (bits - 5)) & 31], bits -= 5;
    }
    if (bits > 0) digits += kAlphabet[(buffer << (5 - bits)) & 31];
    std::string text;
    for (size_t i = 0; i < digits.size(); ++i)
        text += (i > 0 && i % 4 == 0 ? " " : "") + std::string(1, digits[i]);
    return text;
}

std::optional<SyncKey> KeyFromText(std::string_view text) {
    std::vector<int> digits;
    for (char c : text) {
        if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') continue;
        const int digit = DigitOf(c);
        if (digit < 0) return std::nullopt;
        digits.push_back(digit);
    }
    if (digits.size() != 52) return std::nullopt; // 256 bits in 52 digits, the last 4 bits zero
    SyncKey key{};
    unsigned buffer = 0;
    int bits = 0;
    size_t out = 0;
    for (int digit : digits) {
        buffer = (buffer << 5) | static_cast<unsigned>(digit), bits += 5;
        if (bits >= 8 && out < key.size())
            key[out++] = static_cast<unsigned char>(buffer >> (bits - 8)), bits -= 8;
    }
    if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
    return key;
}

std::string KeyCheckCode(const SyncKey& key) {
    const auto id = KeyId(key);
    std::string code;
    for (size_t i = 0; i < 6; ++i)
        code += (i == 3 ? "-" : "") + std::string(1, kAlphabet[id[i] & 31]);
    return code;
}

std::optional<SyncKey> StoredSyncKey(Store& store) {
    const std::string hex = store.Meta("sync_key");
    SyncKey key;
    size_t length = 0;
    if (hex.size() != key.size() * 2 ||
        sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
        length != key.size())
        return std::nullopt;
    return key;
}

void StoreSyncKey(Store& store, const SyncKey& key) {
    std::string hex(key.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
    hex.pop_back();
    store.SetMeta("sync_key", hex);
}

const char* ToString(SealProblem problem) {
    switch (problem) {
    case SealProblem::NotSync:
        return "not a sync file";
    case SealProblem::NewerFormat:
        return "made by a newer kiosk";
    case SealProblem::WrongKind:
        return "the wrong kind of sync data";
    case SealProblem::Truncated:
        return "truncated";
    case SealProblem::ForeignKey:
        return "sealed with another fair's key";
    case SealProblem::Tampered:
        return "tampered with or damaged";
    }
    return "?";
}

SealRefused::SealRefused(SealProblem problem)
    : std::runtime_error(std::string("refused: ") + ToString(problem)), m_problem(problem) {}

// Offsets in the clear header.
constexpr size_t kFormatAt = sizeof(kMagic), kKindAt = kFormatAt + 1, kKeyIdAt = kKindAt + 1,
                 kLengthAt = kKeyIdAt + kKeyIdBytes, kNonceAt = kLengthAt + 8;
static_assert(kNonceAt + crypto_secretbox_NONCEBYTES == kHeaderBytes);

std::string Seal(const SyncKey& key, SealKind kind, std::string_view plain) {
    InitSodium();
    // The kind is inside the box too (its first byte), so a changed header byte is tampering.
    std::string boxed(1, static_cast<char>(kind));
    boxed.append(plain);
    const uint64_t length = crypto_secretbox_MACBYTES + boxed.size();
    std::string sealed(kHeaderBytes + length, '\0');
    auto* out = reinterpret_cast<unsigned char*>(sealed.data());
    std::memcpy(out, kMagic, sizeof(kMagic));
    out[kFormatAt] = kFormat;
    out[kKindAt] = static_cast<unsigned char>(kind);
    const auto id = KeyId(key);
    std::memcpy(out + kKeyIdAt, id.data(), id.size());
    for (size_t i = 0; i < 8; ++i)
        out[kLengthAt + i] = static_cast<unsigned char>(length >> (8 * i));
    randombytes_buf(out + kNonceAt, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out + kHeaderBytes, reinterpret_cast<const unsigned char*>(boxed.data()),
                          boxed.size(), out + kNonceAt, key.data());
    return sealed;
}

// The header in order: ours, not newer, whole, our key; then the box must open.
std::string Unseal(const SyncKey& key, SealKind kind, std::string_view sealed) {
    InitSodium();
    const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
    const size_t magic = std::min(sealed.size(), sizeof(kMagic));
    if (magic == 0 || std::memcmp(in, kMagic, magic) != 0) throw SealRefused(SealProblem::NotSync);
    if (sealed.size() < kHeaderBytes) throw SealRefused(SealProblem::Truncated);
    if (in[kFormatAt] > kFormat) throw SealRefused(SealProblem::NewerFormat);
    if (in[kFormatAt] != kFormat) throw SealRefused(SealProblem::Tampered);
    const auto id = KeyId(key);
    if (std::memcmp(in + kKeyIdAt, id.data(), id.size()) != 0) throw SealRefused(SealProblem::ForeignKey);
    uint64_t length = 0;
    for (size_t i = 0; i < 8; ++i)
        length |= static_cast<uint64_t>(in[kLengthAt + i]) << (8 * i);
    if (sealed.size() - kHeaderBytes < length) throw SealRefused(SealProblem::Truncated);
    if (sealed.size() - kHeaderBytes > length || length < crypto_secretbox_MACBYTES + 1)
        throw SealRefused(SealProblem::Tampered);
    std::string boxed(length - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(boxed.data()), in + kHeaderBytes, length,
                                   in + kNonceAt, key.data()) != 0)
        throw SealRefused(SealProblem::Tampered);
    if (static_cast<unsigned char>(boxed[0]) != in[kKindAt]) throw SealRefused(SealProblem::Tampered);
    if (static_cast<unsigned char>(boxed[0]) != static_cast<unsigned char>(kind))
        throw SealRefused(SealProblem::WrongKind);
    return boxed.substr(1);
}

} // namespace scoring
