#include "fault_vfs.h"

#include <sqlite3.h>

#include <cstring>

namespace faults {

namespace {

sqlite3_vfs g_vfs;
sqlite3_vfs* g_real = nullptr;
Fault g_fault = Fault::None;
int g_at = 0, g_writes = 0, g_syncs = 0, g_reads = 0;
bool g_fired = false;

// Our file: our methods first, the real VFS's file right after it.
struct File {
    sqlite3_file base;
    sqlite3_file* Real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
File* Of(sqlite3_file* file) {
    return reinterpret_cast<File*>(file);
}

// True when this operation is the one to fail.
bool Strike(Fault kind, int& counter) {
    const bool matches = g_fault == kind || (kind == Fault::Write && g_fault == Fault::Full);
    if (!matches) return false;
    if (++counter != g_at || g_fired) return false;
    g_fired = true;
    return true;
}

int Close(sqlite3_file* f) {
    return Of(f)->Real()->pMethods->xClose(Of(f)->Real());
}
int Read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
    if (Strike(Fault::Read, g_reads)) return SQLITE_IOERR_READ;
    return Of(f)->Real()->pMethods->xRead(Of(f)->Real(), buffer, amount, offset);
}
int Write(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
    if (g_fault != Fault::Sync && g_fault != Fault::Read) {
        if (Strike(Fault::Write, g_writes)) return g_fault == Fault::Full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    } else {
        ++g_writes;
    }
    return Of(f)->Real()->pMethods->xWrite(Of(f)->Real(), buffer, amount, offset);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
    return Of(f)->Real()->pMethods->xTruncate(Of(f)->Real(), size);
}
int Sync(sqlite3_file* f, int flags) {
    if (g_fault == Fault::Sync) {
        if (Strike(Fault::Sync, g_syncs)) return SQLITE_IOERR_FSYNC;
    } else {
        ++g_syncs;
    }
    return Of(f)->Real()->pMethods->xSync(Of(f)->Real(), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) {
    return Of(f)->Real()->pMethods->xFileSize(Of(f)->Real(), size);
}
int Lock(sqlite3_file* f, int level) {
    return Of(f)->Real()->pMethods->xLock(Of(f)->Real(), level);
}
int Unlock(sqlite3_file* f, int level) {
    return Of(f)->Real()->pMethods->xUnlock(Of(f)->Real(), level);
}
int CheckReservedLock(sqlite3_file* f, int* out) {
    return Of(f)->Real()->pMethods->xCheckReservedLock(Of(f)->Real(), out);
}
int FileControl(sqlite3_file* f, int op, void* arg) {
    return Of(f)->Real()->pMethods->xFileControl(Of(f)->Real(), op, arg);
}
int SectorSize(sqlite3_file* f) {
    return Of(f)->Real()->pMethods->xSectorSize(Of(f)->Real());
}
int DeviceCharacteristics(sqlite3_file* f) {
    return Of(f)->Real()->pMethods->xDeviceCharacteristics(Of(f)->Real());
}
int ShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return Of(f)->Real()->pMethods->xShmMap(Of(f)->Real(), region, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return Of(f)->Real()->pMethods->xShmLock(Of(f)->Real(), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) {
    Of(f)->Real()->pMethods->xShmBarrier(Of(f)->Real());
}
int ShmUnmap(sqlite3_file* f, int remove) {
    return Of(f)->Real()->pMethods->xShmUnmap(Of(f)->Real(), remove);
}
int Fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
    *out = nullptr; // no memory-mapped reads: every read goes through Read
    (void)f, (void)offset, (void)amount;
    return SQLITE_OK;
}
int Unfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) {
    (void)page;
    return Of(f)->Real()->pMethods->xUnfetch(Of(f)->Real(), offset, nullptr);
}

const sqlite3_io_methods kMethods = {3,
                                     Close,
                                     Read,
                                     Write,
                                     Truncate,
                                     Sync,
                                     FileSize,
                                     Lock,
                                     Unlock,
                                     CheckReservedLock,
                                     FileControl,
                                     SectorSize,
                                     DeviceCharacteristics,
                                     ShmMap,
                                     ShmLock,
                                     ShmBarrier,
                                     ShmUnmap,
                                     Fetch,
                                     Unfetch};

int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    File* ours = Of(file);
    ours->base.pMethods = nullptr;
    const int code = g_real->xOpen(g_real, name, ours->Real(), flags, out_flags);
    if (code == SQLITE_OK && ours->Real()->pMethods) ours->base.pMethods = &kMethods;
    return code;
}

} // namespace

void Install() {
    if (g_real) return;
    g_real = sqlite3_vfs_find(nullptr);
    g_vfs = *g_real;
    g_vfs.zName = kVfs;
    g_vfs.szOsFile = static_cast<int>(sizeof(File)) + g_real->szOsFile;
    g_vfs.xOpen = Open;
    g_vfs.pNext = nullptr;
    sqlite3_vfs_register(&g_vfs, 0);
}

void Arm(Fault fault, int n) {
    g_fault = fault, g_at = n, g_fired = false;
    g_writes = g_syncs = g_reads = 0;
}

bool Fired() {
    return g_fired;
}
int Writes() {
    return g_writes;
}
int Syncs() {
    return g_syncs;
}

} // namespace faults
