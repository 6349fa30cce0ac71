// Pictures from the content pack as GL textures: decoded on a worker thread at the size they
// are shown at, uploaded one per frame so no frame stalls, and kept within a memory cap by
// letting the least recently drawn go.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/ui/gl_texture.h"
#include "kiosk/ui/picture_decode.h"

namespace ui {

enum class PictureState { Loading, Ready, Failed };

class PictureCache {
  public:
    explicit PictureCache(size_t memory_cap_bytes = 192u << 20);
    ~PictureCache();
    PictureCache(const PictureCache&) = delete;
    PictureCache& operator=(const PictureCache&) = delete;

    // The picture at `path` for drawing `shown_px` wide or tall: the texture when ready, else
    // nullptr and the state (loading: asked for; failed: the file is unusable).
    const GlTexture* Get(const std::string& path, float shown_px, PictureState* state = nullptr);
    // Once per frame on the UI thread: uploads what the worker finished, evicts over the cap.
    // True while work is left, so the caller draws again.
    bool Update();
    // Forgets every picture (the pack changed); what is still decoding is dropped when done.
    void Clear();
    // Called from the worker when a picture is decoded: wakes the sleeping frame loop.
    void SetWake(std::function<void()> wake) {
        std::lock_guard lock(m_mutex);
        m_wake = std::move(wake);
    }
    // Pictures asked for and not yet on screen (scripts wait for this before a screenshot).
    bool Busy();

    size_t MemoryBytes() const { return m_bytes; }

  private:
    struct Entry {
        GlTexture texture;
        PictureState state = PictureState::Loading;
        long last_used = 0;
        std::string error;
    };
    struct Job {
        std::string key, path;
        int max_side = 0;
    };
    struct Done {
        std::string key;
        DecodedPicture picture;
    };
    void Work(std::stop_token stop);
    void Evict();

    std::map<std::string, Entry> m_entries; // keyed by path and size bucket
    size_t m_cap, m_bytes = 0;
    long m_frame = 0;
    std::function<void()> m_wake;

    std::mutex m_mutex; // guards the queues, m_decoding and m_wake
    std::condition_variable_any m_work_ready;
    std::deque<Job> m_jobs;
    std::deque<Done> m_done;
    bool m_decoding = false;
    std::jthread m_worker; // last: started after everything it uses, stopped first
};

} // namespace ui
