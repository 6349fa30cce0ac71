// Who of the fair's staff is at the kiosk: nobody (visitors browse), one judge, or the organiser.
// Holds the judging back end for the screens, logs staff out when the kiosk is left alone, and
// writes a journal line to stderr for every change saved, after it is on disk (the crash test
// checks the database against that journal).
#pragma once

#include "content/model.h"
#include "kiosk/ui/problem_words.h"
#include "scoring/judging.h"
#include "scoring/organiser.h"
#include "scoring/results.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

class BackgroundSync;

class Staff {
  public:
    // `store` may be null when the database could not be opened; `problem` then says why, and
    // the login screen shows it. `content` must outlive this object.
    Staff(scoring::Store* store, std::optional<scoring::StoreFailure> problem,
          const content::FairContent& content, double idle_timeout_s);
    ~Staff();

    bool Available() const { return m_judging.has_value(); }
    // Takes in what other programs wrote to the database; never throws. The app calls it about
    // once a second, outside drawing (see scoring::Judging::Refresh).
    void Refresh();
    // The store opened at last, after failing at start (StoreOpener): judging starts.
    void Adopt(scoring::Store* store);
    // Why the latest try to open the store failed, while it is not Available().
    void SetOpenFailure(const scoring::StoreFailure& failure) { m_problem = failure; }
    // Where the emergency copy went once the database file vanished under the kiosk (Refresh
    // writes it from the still-open connection), or "" (none was needed, or none could be made).
    const std::string& RescuedCopy() const { return m_rescued; }
    // The organiser's second place (--backup-to): a rescued copy goes there first.
    void RescueFirstTo(std::string folder) { m_rescue_folder = std::move(folder); }
    // Why the database could not be opened (then not Available()).
    const std::optional<scoring::StoreFailure>& OpenFailure() const { return m_problem; }
    // The judging database's unresolved failure (a refresh or a save), if any.
    const scoring::StoreFailure* LastProblem() const;

    std::vector<scoring::Judge> Judges();
    bool OrganiserPinSet();

    // A right PIN logs in (and anyone before logs out); otherwise why not.
    scoring::PinCheck LogInJudge(scoring::JudgeId judge, const std::string& pin, double now);
    scoring::PinCheck LogInOrganiser(const std::string& pin, double now);
    void LogOut();

    scoring::JudgeSession* Judge() { return m_session.get(); }
    bool Organiser() const { return m_organiser; }
    bool LoggedIn() const { return m_session || m_organiser; }
    scoring::Judging& Judging() { return *m_judging; } // only when Available()
    std::string StoreDescription() const;              // the database file, for the organiser
    const content::FairContent& Fair() const { return m_content; }

    // Staff activity keeps the login; a kiosk left alone this long logs them out.
    void Touched(double now) { m_last_activity = now; }
    double LogoutAt() const { return LoggedIn() ? m_last_activity + m_idle_timeout_s : 1e300; }

    // A change was saved: journal it. Screens call this only after the save returned.
    void Journal(const std::string& what, const scoring::Scorecard& card);
    long SavesJournaled() const { return m_saves; } // how many: a save after a failure shows it passed
    // A change was NOT saved: log what and why (the English detail and the database's path).
    void JournalNotSaved(const std::string& what, const std::string& entry, const ui::Problem& problem);

    // The app's background sync with the fair's hub, when it runs one (kiosk/sync_worker.h): every
    // journaled save pokes it, and the organiser's Sync tab reads its snapshot.
    void SetSync(BackgroundSync* sync) { m_sync = sync; }
    BackgroundSync* Sync() const { return m_sync; }
    // ---- The fair's result (the organiser's console) and the judge's head-to-head questions ----
    // ComputeResults reads the events (SQL) for its hash, so the results are computed between
    // frames (UpdateResults, before drawing), only while a screen showing them asks
    // (WantResults, from its draw), and again only when the store, the roster or the pack changed.
    void WantResults() { m_results_wanted = true; }
    // The app calls it every frame before drawing. Never throws: a failure is ResultsProblem().
    void UpdateResults();
    // The organiser's only: null for anyone else, or before the first computation.
    const scoring::FairResults* Results() const;
    // Why the last computation failed (the results shown are the last good ones), if it did.
    const std::optional<ui::Problem>& ResultsProblem() const { return m_results_problem; }
    // Wanted, and not (yet) computed from the store as it is: the screen asks for another frame.
    bool ResultsPending();
    // A screen asked for them in the frame drawn last and they are pending: a script waits (settling).
    bool ResultsBusy() { return m_results_wanted && ResultsPending(); }

    // The organiser's decisions. Each writes one durable event, or throws Refused/StoreFailure
    // (nothing written); the results are computed again before the next frame.
    void SetResultsMethod(scoring::ranking::Method method); // kept in the store (meta)
    void Settle(const std::string& higher, const std::string& lower, const std::string& reason);
    void FinaliseResults();                        // refused while provisional or already final
    void ReopenResults(const std::string& reason); // final results open again, with a reason

    // The logged-in judge's head-to-head questions: the re-judge pairs he or she is still to be
    // asked about (titles only on screen: never a score nor a place). Empty for anyone else, and
    // while the results are final.
    std::vector<scoring::RejudgePair> HeadToHeadQuestions() const;
    // The judge's answer: `better` is better than `worse` (a `prefer` event). Refused unless the
    // pair is one of his or her questions.
    void AnswerHeadToHead(const std::string& better, const std::string& worse);

  private:
    // What the results were computed from: when any of it changes, they are computed again.
    struct ResultsBasis {
        size_t events = 0;
        uint64_t roster = 0;
        const void* categories = nullptr; // the pack's vectors: a new pack moves them
        const void* innovations = nullptr;
        bool operator==(const ResultsBasis&) const = default;
    };
    ResultsBasis BasisNow();
    void ComputeResultsNow(); // throws StoreFailure

    scoring::Store* m_store = nullptr;
    const content::FairContent& m_content;
    std::optional<scoring::StoreFailure> m_problem;
    std::optional<scoring::Judging> m_judging;
    std::optional<scoring::OrganiserPin> m_organiser_pin;
    std::unique_ptr<scoring::JudgeSession> m_session;
    bool m_organiser = false;
    double m_idle_timeout_s;
    double m_last_activity = 0;
    long m_saves = 0;
    BackgroundSync* m_sync = nullptr;
    std::string m_rescued;
    std::string m_rescue_folder;
    bool m_rescue_failed_logged = false;
    void RescueIfVanished();

    std::optional<scoring::FairResults> m_results;
    std::optional<ResultsBasis> m_results_basis; // none: to compute (first time, or the method changed)
    std::optional<ui::Problem> m_results_problem;
    bool m_results_wanted = false, m_results_asked = false; // asked: wanted in the frame before
};

} // namespace kiosk
