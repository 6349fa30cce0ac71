#include "kiosk/ui/textures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace ui {

// Decoded sizes come in a few steps, so a picture shown at slightly different sizes is decoded once.
static int SizeBucket(float shown_px) {
    for (int bucket : {320, 640, 1024, 1600})
        if (shown_px <= static_cast<float>(bucket)) return bucket;
    return 2400;
}

PictureCache::PictureCache(size_t memory_cap_bytes)
    : m_cap(memory_cap_bytes), m_worker([this](std::stop_token stop) { Work(stop); }) {}

PictureCache::~PictureCache() {
    m_worker.request_stop();
    m_work_ready.notify_all();
}

void PictureCache::Work(std::stop_token stop) {
    while (true) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            if (!m_work_ready.wait(lock, stop, [&] { return !m_jobs.empty(); })) return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_decoding = true;
        }
        DecodedPicture picture = DecodePicture(job.path, job.max_side);
        {
            std::lock_guard lock(m_mutex);
            m_done.push_back({std::move(job.key), std::move(picture)});
            m_decoding = false;
        }
        std::function<void()> wake;
        {
            std::lock_guard lock(m_mutex);
            wake = m_wake;
        }
        if (wake) wake();
    }
}

const GlTexture* PictureCache::Get(const std::string& path, float shown_px, PictureState* state) {
    const int bucket = SizeBucket(shown_px);
    const std::string key = path + "@" + std::to_string(bucket);
    auto [it, added] = m_entries.try_emplace(key);
    Entry& entry = it->second;
    entry.last_used = m_frame;
    if (added) {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back({key, path, bucket});
        m_work_ready.notify_one();
    }
    if (state) *state = entry.state;
    return entry.state == PictureState::Ready ? &entry.texture : nullptr;
}

bool PictureCache::Update() {
    ++m_frame;
    std::deque<Done> finished;
    bool work_left = false;
    {
        std::lock_guard lock(m_mutex);
        // One upload per frame keeps every frame short; the rest wait for the next.
        if (!m_done.empty()) {
            finished.push_back(std::move(m_done.front()));
            m_done.pop_front();
        }
        work_left = !m_done.empty(); // jobs still decoding wake the loop themselves when done
    }
    for (Done& done : finished) {
        auto it = m_entries.find(done.key);
        if (it == m_entries.end()) continue;
        Entry& entry = it->second;
        if (!done.picture.error.empty()) {
            entry.state = PictureState::Failed;
            entry.error = done.picture.error;
            std::fprintf(stderr, "kiosk: picture %s %s\n", done.key.substr(0, done.key.rfind('@')).c_str(),
                         entry.error.c_str());
            continue;
        }
        entry.texture = GlTexture::Rgba(done.picture.rgba.data(), done.picture.width, done.picture.height);
        entry.state = PictureState::Ready;
        m_bytes += entry.texture.Bytes();
    }
    Evict();
    return work_left || !finished.empty();
}

bool PictureCache::Busy() {
    std::lock_guard lock(m_mutex);
    return !m_jobs.empty() || !m_done.empty() || m_decoding;
}

// Over the cap, the pictures drawn longest ago go first; whatever was drawn in the last frame stays.
void PictureCache::Evict() {
    while (m_bytes > m_cap) {
        auto oldest = m_entries.end();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->second.state == PictureState::Ready && it->second.last_used < m_frame - 1 &&
                (oldest == m_entries.end() || it->second.last_used < oldest->second.last_used))
                oldest = it;
        if (oldest == m_entries.end()) return;
        m_bytes -= oldest->second.texture.Bytes();
        m_entries.erase(oldest); // asked for again, it is decoded again
    }
}

void PictureCache::Clear() {
    m_entries.clear();
    m_bytes = 0;
}

} // namespace ui
