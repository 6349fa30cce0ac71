// The fair's key and the sealed envelope every sync message and USB file travels in. The key is
// 32 random bytes (libsodium), made once on the hub and typed on each kiosk as Crockford base32 in
// groups of four; a short check code lets the organiser compare two machines at a glance.
// A sealed blob is a clear header (magic, format, what it is, a key id) then XSalsa20-Poly1305
// (crypto_secretbox_easy) with a random nonce: private, and any change to a byte is detected. The
// key id (a keyed hash of the key, 8 bytes) tells "made with another fair's key" from "tampered".
#pragma once

#include "scoring/store.h"

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace scoring {

using SyncKey = std::array<unsigned char, 32>;

SyncKey NewSyncKey();
std::string KeyToText(const SyncKey& key);                 // "7KQ2 M9XA ..." 13 groups of 4
std::optional<SyncKey> KeyFromText(std::string_view text); // spaces, dashes and case ignored; O=0, I=L=1
std::string KeyCheckCode(const SyncKey& key);              // "3F9-A21": the same on every machine of the fair

// The key kept in the store (meta "sync_key"). Nothing when none was set.
std::optional<SyncKey> StoredSyncKey(Store& store);
void StoreSyncKey(Store& store, const SyncKey& key);

// Why a sealed blob was refused. Nothing of a refused blob may be used.
enum class SealProblem {
    NotSync,     // not one of ours at all (no magic): another file, or an HTTP error page
    NewerFormat, // made by a newer kiosk
    WrongKind,   // a message where a file was expected, or the other way round
    Truncated,   // shorter than its header and authenticator: cut short
    ForeignKey,  // sealed with another key (another fair's, or a typo in the key)
    Tampered,    // our key, but the bytes were changed or cut (authentication failed)
};
const char* ToString(SealProblem problem); // "tampered"... stable, for logs and tests

class SealRefused : public std::runtime_error {
  public:
    explicit SealRefused(SealProblem problem);
    SealProblem Problem() const { return m_problem; }

  private:
    SealProblem m_problem;
};

// What a sealed blob holds: a request to the hub, its reply, or a USB export file.
enum class SealKind : unsigned char { Request = 1, Reply = 2, ExportFile = 3 };

std::string Seal(const SyncKey& key, SealKind kind, std::string_view plain);
// Throws SealRefused; returns the plaintext only when it is exactly what was sealed with `key`.
std::string Unseal(const SyncKey& key, SealKind kind, std::string_view sealed);

} // namespace scoring
