// Keeping the store through a fair: opening it again until it works (a full disk at start, a stick
// not yet mounted), and backup copies to a second place on a schedule, in the background, keeping
// the last few. No UI: the kiosk's app calls both about once a second, outside drawing.
#pragma once

#include "scoring/store.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace scoring {

class StoreOpener {
  public:
    // Nothing is opened before the first Open().
    StoreOpener(std::string path, StoreOptions options = {}, double retry_every_s = 5);

    // The store once open. Until then tries to open it, at most once every `retry_every_s` (by the
    // caller's clock `now`, seconds), and keeps why it failed in Failure(). Never throws.
    Store* Open(double now);
    Store* Get() { return m_store.get(); }
    const std::optional<StoreFailure>& Failure() const { return m_failure; }
    const std::string& Path() const { return m_path; }
    int Attempts() const { return m_attempts; }

  private:
    std::string m_path;
    StoreOptions m_options;
    double m_retry_every_s;
    double m_next_try = -1e300;
    int m_attempts = 0;
    std::unique_ptr<Store> m_store;
    std::optional<StoreFailure> m_failure;
};

// Every `every_s` seconds (the first at the first Tick), a consistent copy of the database file
// (CopyDatabase: the online backup API on a connection of its own, WAL included, integrity-checked,
// atomic) into `folder` as <name>-<YYYYmmdd-HHMMSS>.db, mode 0600, on a thread of its own so no
// save waits for it; the oldest beyond `keep` are removed. The folder is made (0700) when absent.
class BackupSchedule {
  public:
    BackupSchedule(std::string database, std::string folder, double every_s, int keep = 10);
    ~BackupSchedule(); // waits for a copy under way

    // Starts a copy when one is due and none is under way; never blocks on a copy.
    void Tick(double now);
    // What the last finished copy did, once: "backed up to FILE" or why it failed; "" when nothing new.
    std::string TakeReport();
    bool Busy() const { return m_busy; }
    const std::string& Folder() const { return m_folder; }
    void Wait(); // until the copy under way (if any) is done: for tests and the end of the program

  private:
    void CopyNow(const std::string& out);
    void RemoveOld();

    std::string m_database, m_folder;
    double m_every_s;
    int m_keep;
    double m_next = -1e300;
    std::thread m_worker;
    std::atomic<bool> m_busy{false};
    std::mutex m_mutex;
    std::string m_report; // under m_mutex
};

} // namespace scoring
