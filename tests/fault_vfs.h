// A test SQLite VFS, "faulty", wrapping the default (unix) one: it fails the N-th write, sync or
// read from the moment it is armed, once, as SQLite's own I/O-error tests do. A failed write
// writes nothing, a failed sync syncs nothing. Open a store on it with StoreOptions{.vfs = "faulty"}.
#pragma once

namespace faults {

enum class Fault { None, Write, Full, Sync, Read }; // Write: SQLITE_IOERR_WRITE, Full: SQLITE_FULL

void Install(); // registers "faulty" (not as the default); safe to call again
constexpr const char* kVfs = "faulty";

// From now, the n-th (1-based) operation of that kind fails, once. None disarms.
void Arm(Fault fault, int n);
bool Fired(); // whether the armed fault has happened since Arm
int Writes(); // writes and syncs seen since Arm (to size a sweep)
int Syncs();

} // namespace faults
