// The kiosk application: the fair's content, the router and the screens, one frame at a time.
// It knows nothing of GLFW or GL; the platform layer calls it between ImGui's NewFrame and Render.
#pragma once

#include "content/pack_loader.h"
#include "kiosk/options.h"
#include "kiosk/router.h"
#include "kiosk/screens/organiser_screen.h"
#include "kiosk/screens/screen_table.h"
#include "kiosk/staff.h"
#include "kiosk/ui/context.h"
#include "scoring/store_keeping.h"

#include <functional>
#include <memory>
#include <set>
#include <string>

namespace kiosk {

class ContentWatch;
class BackgroundSync;

class App {
  public:
    // `store` holds judges and scores; null when it could not be opened (`store_problem` says why):
    // visitors are served all the same, and the staff's login screen tells why judging is off.
    App(content::LoadedPack pack, const Options& options, scoring::Store* store = nullptr,
        std::optional<scoring::StoreFailure> store_problem = {});
    ~App();

    // Watches the pack's folder and shows a changed pack once it is saved; `wake` rouses the
    // sleeping frame loop (called from another thread).
    void WatchContent(std::function<void()> wake);
    // A newly loaded pack: swapped in when its fair can be shown, else refused and the old kept.
    // Returns whether it was taken.
    bool OfferContent(content::LoadedPack pack, double now);
    // Starts the background sync with the fair's hub (when the store is open): `wake` rouses the
    // frame loop when it brought the fair's events or its status changed (called from its thread).
    void StartSync(std::function<void()> wake);

    // Builds one frame's draw lists (ImGui frame already begun).
    void Frame(double now);
    // Any touch, key or text: restarts the idle countdown.
    void OnInput(double now);
    // Absolute time when something changes on its own (idle timeout, next slide); +inf if never.
    double NextWake() const;
    // The last frame moved something (scrolling, a fade): draw another.
    bool Animating() const { return m_ui.animating; }
    // Work under way that will change the screen soon (pictures decoding, the results to compute).
    bool Busy() { return m_ui.pictures.Busy() || m_staff.ResultsBusy(); }
    // Goes to a route written as text ("home", "office/ID", ...); false when there is no such route.
    bool Go(const std::string& route, double now);
    void Back(double now);

    ui::Context& Ui() { return m_ui; }
    const ui::Context& Ui() const { return m_ui; }
    const Router& GetRouter() const { return m_router; }
    const content::FairContent& Fair() const { return m_pack.content; }
    const ContentStatus& Status() const { return m_status; }
    Staff& GetStaff() { return m_staff; }
    // Keeping the store (issue 14): `opener` opens it again every few seconds while judging is off
    // (a full disk at start); `backups` copies it to a second place on a schedule. Either may be
    // null; both must outlive the app.
    void KeepStore(scoring::StoreOpener* opener, scoring::BackupSchedule* backups);

  private:
    void Navigate(const Route& route, double now, std::string notice = {});
    void Replace(const Route& route, double now, std::string notice = {});
    void Arrive(double now, std::string notice = {});
    void DrawTopBar(Navigation& nav, float height);
    void RefreshStore(double now);
    void RetryStore(double now);
    void TickBackups(double now);
    float DrawScreen(ScreenArgs& args, const ui::Rect& area);
    std::string StoreBanner();
    bool Exists(const Route& route);
    void LogOut(double now);
    void KeepJudgesRubric(content::LoadedPack& pack); // the rubric rule of content/rubric_change.h
    std::string AcceptHeldRubric();
    std::string RubricNotice(); // for a logged-in judge, once the organiser changed the rubric

    content::LoadedPack m_pack;
    ContentStatus m_status; // m_pack, and what became of the last update
    Staff m_staff;          // who of the fair's staff is logged in; judges score through it
    std::unique_ptr<ContentWatch> m_watch;
    std::string m_hub;                      // --hub, or empty: found on the LAN
    std::unique_ptr<BackgroundSync> m_sync; // after m_staff: stops before it goes
    Router m_router;
    ui::Context m_ui;
    ui::Scroller m_scroller;
    float m_content_height = 0;
    double m_idle_timeout_s;
    content::Lang m_start_lang;
    double m_last_input = 0;
    double m_last_frame = -1;
    double m_next_refresh = 0; // Staff::Refresh at most about once a second, only while drawing
    scoring::StoreOpener* m_opener = nullptr;
    scoring::BackupSchedule* m_backups = nullptr;
    std::string m_logged_failure; // the store failure last logged, so each is logged once
    ui::Problem m_caught;         // what a screen threw, shown until another screen shows or a save works
    long m_saves_when_caught = 0; // Staff::SavesJournaled() then

    std::set<scoring::JudgeId> m_rubric_seen; // judges who closed the notice of the last rubric change
    Screens m_screens;                        // every screen's state, made from the screen table
};

} // namespace kiosk
