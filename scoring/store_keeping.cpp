#include "scoring/store_keeping.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <utility>
#include <vector>

namespace scoring {

namespace fs = std::filesystem;

StoreOpener::StoreOpener(std::string path, StoreOptions options, double retry_every_s)
    : m_path(std::move(path)), m_options(std::move(options)), m_retry_every_s(retry_every_s) {}

Store* StoreOpener::Open(double now) {
    if (m_store || now < m_next_try) return m_store.get();
    m_next_try = now + m_retry_every_s;
    ++m_attempts;
    try {
        m_store = std::make_unique<Store>(m_path, m_options);
        m_failure.reset();
    } catch (const StoreFailure& failure) {
        m_failure = failure;
    } catch (const std::exception& e) { // bad_alloc, a filesystem error: say so, try again later
        m_failure = StoreFailure(StoreFailure::Kind::Other, m_path, e.what());
    }
    return m_store.get();
}

BackupSchedule::BackupSchedule(std::string database, std::string folder, double every_s, int keep)
    : m_database(std::move(database)), m_folder(std::move(folder)), m_every_s(every_s),
      m_keep(std::max(1, keep)) {}

BackupSchedule::~BackupSchedule() {
    Wait();
}

void BackupSchedule::Wait() {
    if (m_worker.joinable()) m_worker.join();
}

void BackupSchedule::Tick(double now) {
    if (m_busy || now < m_next) return;
    Wait(); // the last copy's thread has finished: m_busy is false
    m_next = now + m_every_s;
    const std::string out =
        (fs::path(m_folder) / (fs::path(m_database).stem().string() + "-" + LocalTimeStamp() + ".db"))
            .string();
    m_busy = true;
    m_worker = std::thread([this, out] { CopyNow(out); });
}

void BackupSchedule::CopyNow(const std::string& out) {
    std::string report;
    try {
        std::error_code error;
        if (!fs::is_directory(m_folder, error)) {
            fs::create_directories(m_folder);
            fs::permissions(m_folder, fs::perms::owner_all, fs::perm_options::replace);
        }
        CopyDatabase(m_database, out);
        RemoveOld();
        report = "backed up to " + out;
    } catch (const std::exception& e) {
        report = std::string("the scheduled backup to ") + m_folder + " failed: " + e.what();
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_report = report;
    }
    m_busy = false;
}

// Our copies are <name>-<stamp>.db: sorted by name they are sorted by time.
void BackupSchedule::RemoveOld() {
    const std::string prefix = fs::path(m_database).stem().string() + "-";
    std::vector<fs::path> copies;
    for (const fs::directory_entry& file : fs::directory_iterator(m_folder)) {
        const std::string name = file.path().filename().string();
        if (file.is_regular_file() && name.rfind(prefix, 0) == 0 && file.path().extension() == ".db" &&
            name.size() == prefix.size() + 18)
            copies.push_back(file.path());
    }
    std::sort(copies.begin(), copies.end());
    for (size_t i = 0; i + static_cast<size_t>(m_keep) < copies.size(); ++i)
        fs::remove(copies[i]);
}

std::string BackupSchedule::TakeReport() {
    std::lock_guard<std::mutex> lock(m_mutex);
    return std::exchange(m_report, std::string());
}

} // namespace scoring
