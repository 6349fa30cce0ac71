// Writing a file so that the requested name holds either the old file or the complete new one:
// the bytes go to a temporary file in the same folder, are synced, and only then renamed over the
// name (and the folder synced). Anything short of Commit() removes the temporary file.
#pragma once

#include "kiosk/report/write_result.h"

#include <cstddef>
#include <string>

namespace report {

class AtomicFile {
  public:
    // Opens a temporary file beside `path`; check Error() before writing.
    explicit AtomicFile(std::string path);
    ~AtomicFile(); // removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // False once anything failed; the first failure is kept in Error().
    bool Write(const void* data, size_t size);
    bool Write(const std::string& bytes) { return Write(bytes.data(), bytes.size()); }
    // Syncs, renames over the path and syncs the folder. After a failure nothing is left behind.
    WriteResult Commit();
    void Fail(WriteError error, std::string message); // the producer failed: Commit() will refuse

    const WriteResult& Error() const { return m_error; }
    const std::string& TempPath() const { return m_temp; }

  private:
    void SetErrno(const char* doing, int error_number);
    void Discard();

    std::string m_path, m_temp;
    int m_fd = -1;
    bool m_committed = false;
    WriteResult m_error;
};

// The whole of `bytes` under `path`, atomically.
WriteResult WriteFileAtomically(const std::string& path, const std::string& bytes);

} // namespace report
