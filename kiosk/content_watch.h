// Updating content while the kiosk runs: watches the pack's folders (inotify) and, once the files
// have stopped changing for a moment, loads the pack again on its own thread. The app then swaps
// it in on the UI thread if it is usable, or keeps the old one and says why. The judges' rubric is
// never swapped with it silently: one that cannot be read keeps the last good one, and a change once
// scores exist waits for the organiser (content/rubric_change.h, App::KeepJudgesRubric).
#pragma once

#include "content/pack_loader.h"

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk {

class ContentWatch {
  public:
    // `wake` is called (from the watch thread) when a new pack is ready to take.
    ContentWatch(std::string folder, std::function<void()> wake);
    ~ContentWatch();
    ContentWatch(const ContentWatch&) = delete;
    ContentWatch& operator=(const ContentWatch&) = delete;

    bool Watching() const { return m_inotify >= 0; }
    // The pack loaded after the last change, once; nothing when none is waiting.
    std::optional<content::LoadedPack> TakeNew();

    static constexpr double kQuietSeconds = 1.5; // an organiser copying files is done when they stop

  private:
    void Run(std::stop_token stop);
    void AddWatches();

    std::string m_folder;
    std::function<void()> m_wake;
    int m_inotify = -1;
    int m_stop_event = -1; // an eventfd that wakes the watch thread to stop
    std::mutex m_mutex;
    std::optional<content::LoadedPack> m_new;
    std::jthread m_thread; // last: started once everything above exists
};

} // namespace kiosk
