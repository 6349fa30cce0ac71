// Atomic file writing: temporary file, fsync, rename, folder fsync (see atomic_file.h).
#include "kiosk/report/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace report {

const char* ToString(WriteError error) {
    switch (error) {
    case WriteError::None:
        return "none";
    case WriteError::FolderNotWritable:
        return "folder-not-writable";
    case WriteError::DiskFull:
        return "disk-full";
    case WriteError::Io:
        return "io";
    case WriteError::Render:
        return "render";
    case WriteError::BadInput:
        return "bad-input";
    }
    return "unknown";
}

namespace {

std::string FolderOf(const std::string& path) {
    const size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

} // namespace

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {
    const size_t slash = m_path.rfind('/');
    const std::string name = slash == std::string::npos ? m_path : m_path.substr(slash + 1);
    if (name.empty()) {
        m_error = WriteResult::Failure(WriteError::BadInput, "no file name in \"" + m_path + "\"");
        return;
    }
    std::string temp = FolderOf(m_path) + "/." + name + ".XXXXXX";
    std::vector<char> buffer(temp.begin(), temp.end());
    buffer.push_back('\0');
    m_fd = mkostemp(buffer.data(), O_CLOEXEC);
    if (m_fd < 0) {
        const int error_number = errno;
        m_error = WriteResult::Failure(
            error_number == ENOSPC || error_number == EDQUOT ? WriteError::DiskFull
                                                             : WriteError::FolderNotWritable,
            "cannot create a file in " + FolderOf(m_path) + ": " + std::strerror(error_number));
        return;
    }
    m_temp = buffer.data();
    fchmod(m_fd, 0644); // mkstemp makes it 0600; a report is for others to read
}

AtomicFile::~AtomicFile() {
    if (!m_committed) Discard();
}

void AtomicFile::Discard() {
    if (m_fd >= 0) close(m_fd);
    m_fd = -1;
    if (!m_temp.empty()) unlink(m_temp.c_str());
    m_temp.clear();
}

void AtomicFile::SetErrno(const char* doing, int error_number) {
    if (!m_error.Ok()) return;
    const bool full = error_number == ENOSPC || error_number == EDQUOT || error_number == EFBIG;
    m_error = WriteResult::Failure(full ? WriteError::DiskFull : WriteError::Io,
                                   std::string(doing) + " " + m_path + ": " + std::strerror(error_number));
}

void AtomicFile::Fail(WriteError error, std::string message) {
    if (m_error.Ok()) m_error = WriteResult::Failure(error, std::move(message));
}

bool AtomicFile::Write(const void* data, size_t size) {
    if (!m_error.Ok() || m_fd < 0) return false;
    const char* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t written = ::write(m_fd, bytes, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            SetErrno("cannot write", written < 0 ? errno : ENOSPC);
            return false;
        }
        bytes += written;
        size -= static_cast<size_t>(written);
    }
    return true;
}

WriteResult AtomicFile::Commit() {
    if (m_error.Ok() && fsync(m_fd) != 0) SetErrno("cannot sync", errno);
    if (m_error.Ok() && close(m_fd) != 0) SetErrno("cannot close", errno);
    if (m_error.Ok()) m_fd = -1;
    if (m_error.Ok() && rename(m_temp.c_str(), m_path.c_str()) != 0) SetErrno("cannot rename onto", errno);
    if (!m_error.Ok()) {
        Discard();
        return m_error;
    }
    m_committed = true;
    // The rename itself must survive a power cut: sync the folder's entry too.
    const int folder = open(FolderOf(m_path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        fsync(folder);
        close(folder);
    }
    return {};
}

WriteResult WriteFileAtomically(const std::string& path, const std::string& bytes) {
    AtomicFile file(path);
    if (!file.Error().Ok()) return file.Error();
    file.Write(bytes);
    return file.Commit();
}

} // namespace report
