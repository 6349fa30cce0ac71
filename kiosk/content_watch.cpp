#include "kiosk/content_watch.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace kiosk {

namespace fs = std::filesystem;

ContentWatch::ContentWatch(std::string folder, std::function<void()> wake)
    : m_folder(std::move(folder)), m_wake(std::move(wake)) {
    m_inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    m_stop_event = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_inotify < 0 || m_stop_event < 0) {
        std::fprintf(stderr, "kiosk: cannot watch %s for changes; restart the kiosk to show new content\n",
                     m_folder.c_str());
        return;
    }
    AddWatches();
    m_thread = std::jthread([this](std::stop_token stop) { Run(stop); });
}

ContentWatch::~ContentWatch() {
    if (m_thread.joinable()) {
        m_thread.request_stop();
        const uint64_t one = 1;
        if (write(m_stop_event, &one, sizeof one) < 0) { /* the thread also polls with a timeout */
        }
        m_thread.join();
    }
    if (m_inotify >= 0) close(m_inotify);
    if (m_stop_event >= 0) close(m_stop_event);
}

// The pack folder and every folder in it (innovations, pictures...), two levels deep.
void ContentWatch::AddWatches() {
    constexpr uint32_t kEvents =
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;
    inotify_add_watch(m_inotify, m_folder.c_str(), kEvents);
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(m_folder, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (it.depth() > 1) it.disable_recursion_pending();
        if (it->is_directory(error)) inotify_add_watch(m_inotify, it->path().c_str(), kEvents);
    }
}

void ContentWatch::Run(std::stop_token stop) {
    using Clock = std::chrono::steady_clock;
    std::optional<Clock::time_point> last_change;
    std::array<char, 8192> buffer{};
    while (!stop.stop_requested()) {
        int timeout_ms = -1;
        if (last_change) {
            const auto quiet = std::chrono::duration<double>(Clock::now() - *last_change).count();
            timeout_ms = std::max(0, static_cast<int>((kQuietSeconds - quiet) * 1000));
        }
        pollfd fds[2] = {{m_inotify, POLLIN, 0}, {m_stop_event, POLLIN, 0}};
        const int ready = poll(fds, 2, timeout_ms);
        if (stop.stop_requested() || (fds[1].revents & POLLIN)) return;
        if (ready > 0 && (fds[0].revents & POLLIN)) {
            while (read(m_inotify, buffer.data(), buffer.size()) > 0) {
            }
            AddWatches(); // a new folder (say, pictures/) is watched too; existing watches are kept
            last_change = Clock::now();
            continue;
        }
        if (last_change &&
            std::chrono::duration<double>(Clock::now() - *last_change).count() >= kQuietSeconds) {
            last_change.reset();
            content::LoadedPack pack = content::LoadPack(m_folder);
            {
                std::lock_guard lock(m_mutex);
                m_new = std::move(pack);
            }
            m_wake();
        }
    }
}

std::optional<content::LoadedPack> ContentWatch::TakeNew() {
    std::lock_guard lock(m_mutex);
    std::optional<content::LoadedPack> pack = std::move(m_new);
    m_new.reset();
    return pack;
}

} // namespace kiosk
