#include "kiosk/screens/sync_screen.h"

#include "content/locale.h"
#include "kiosk/screens/organiser_screen.h"
#include "kiosk/sync_worker.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace kiosk {

using namespace ui;
using scoring::SyncResult;

std::string OutcomeWords(SyncResult::Outcome outcome, content::Lang lang) {
    const bool bn = lang == content::Lang::Bengali;
    switch (outcome) {
    case SyncResult::Outcome::Ok:
        return bn ? "সফল: সব আদান-প্রদান হয়েছে" : "OK: everything went across";
    case SyncResult::Outcome::NoKey:
        return bn ? "মেলার চাবি দেওয়া হয়নি" : "the fair's key is not set";
    case SyncResult::Outcome::HubUnreachable:
        return bn ? "হাবে পৌঁছানো যায়নি (হাব চালু আছে? নেটওয়ার্ক?)"
                  : "the hub could not be reached (is it running? the network?)";
    case SyncResult::Outcome::KeyRefused:
        return bn ? "হাবের চাবি আলাদা: চাবিটি আবার দিন, যাচাই কোড মিলিয়ে নিন"
                  : "the hub has another key: enter the key again and compare the check codes";
    case SyncResult::Outcome::HubRefused:
        return bn ? "হাব অনুরোধটি নেয়নি" : "the hub refused the request";
    case SyncResult::Outcome::BadReply:
        return bn ? "হাবের উত্তর পড়া যায়নি (অন্য চাবি বা ভাঙা উত্তর)"
                  : "the hub's reply could not be read (another key, or cut short)";
    case SyncResult::Outcome::StoreFailed:
        return bn ? "এই কিয়স্কের ডেটাবেস পড়া বা লেখা যায়নি"
                  : "this kiosk's database could not be read or written";
    }
    return bn ? "অজানা ফল" : "unknown outcome";
}

std::string ProblemWords(scoring::SyncProblem::Kind kind, content::Lang lang) {
    const bool bn = lang == content::Lang::Bengali;
    switch (kind) {
    case scoring::SyncProblem::Kind::CopiedDatabase:
        return bn ? "কপি করা ডেটাবেস: একই কিয়স্কের নামে দুই রকম ঘটনা। এই কিয়স্কের আর কিছু নেওয়া হচ্ছে না; "
                    "কপিটিকে নতুন ডেটাবেস দিন"
                  : "A copied database: one kiosk's events in two versions. Nothing more of that kiosk is "
                    "taken; give the copy a fresh database";
    case scoring::SyncProblem::Kind::UnknownJudge:
        return bn ? "অজানা বিচারকের নম্বর: নেওয়া হয়নি" : "Marks of an unknown judge: not taken";
    case scoring::SyncProblem::Kind::BadEvent:
        return bn ? "ভুল ঘটনা: নেওয়া হয়নি" : "A malformed event: not taken";
    case scoring::SyncProblem::Kind::JudgeRenamed:
        return bn ? "একই নামে দুজন বিচারক: পরের জনের নামের পাশে চিহ্ন যোগ হয়েছে"
                  : "Two judges with one name: the later one's name was marked";
    }
    return bn ? "অজানা সমস্যা" : "An unknown problem";
}

std::string BrowseWords(scoring::dnssd::BrowseError error, content::Lang lang) {
    const bool bn = lang == content::Lang::Bengali;
    using E = scoring::dnssd::BrowseError;
    switch (error) {
    case E::None:
    case E::Timeout:
        return bn ? "নেটওয়ার্কে মেলার হাব খোঁজা হচ্ছে…" : "Looking for the fair's hub on the network…";
    case E::NoDaemon:
        return bn ? "হাব খোঁজা যাচ্ছে না (avahi-daemon চলছে না): kiosk --hub ঠিকানা দিয়ে চালান"
                  : "Cannot look for the hub (avahi-daemon is not running): start the kiosk with --hub "
                    "ADDRESS";
    case E::Failed:
        return bn ? "হাব খোঁজা ব্যর্থ হয়েছে" : "Looking for the hub failed";
    case E::NothingFound:
        return bn ? "নেটওয়ার্কে কোনো হাব পাওয়া যায়নি; খোঁজা চলছে" : "No hub on the network yet; still looking";
    case E::NoHubForThisFair:
        return bn ? "নেটওয়ার্কে শুধু অন্য মেলার হাব আছে; খোঁজা চলছে"
                  : "Only other fairs' hubs are on the network; still looking";
    }
    return {};
}

std::string ConflictWords(scoring::MarkConflict::Kind kind, content::Lang lang) {
    const bool bn = lang == content::Lang::Bengali;
    return kind == scoring::MarkConflict::Kind::BothChanged
               ? (bn ? "দুই কিয়স্কে একই নম্বর বদলানো হয়েছে" : "The same mark changed on two kiosks")
               : (bn ? "জমা দেওয়ার পর অন্য কিয়স্কে নম্বর বদলানো হয়েছে"
                     : "A mark changed on another kiosk after the card was submitted");
}

namespace {

constexpr ImU32 kRedLight = color::Rgb(0xfde8ea);

// "14:05:09" local time of a Unix ms time, in the screen's digits; "—" for never.
std::string ClockAt(const Context& ui, int64_t ms) {
    if (ms <= 0) return ui.T("কখনো না", "never");
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return ui.Bengali() ? content::ToBengaliDigits(text) : text;
}

std::string Count(const Context& ui, int64_t n) {
    return ui.Number(static_cast<double>(n));
}

// A short kiosk id for people: its first 8 characters.
std::string Short(const std::string& kiosk) {
    return kiosk.substr(0, 8);
}

float Line(Context& ui, float x, float y, float width, const std::string& text, ImU32 ink,
           TextStyle style = TextStyle::Body, int lines = 0) {
    return DrawText(ui.draw, ui.theme, style, {x, y}, text, ink, {width, lines}).y;
}

} // namespace

float SyncScreen::Draw(Context& ui, Staff& staff, const ScrollFrame& frame, Navigation& nav) {
    if (typing_key) return DrawKeyEditor(ui, staff, frame);
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = OrganiserTabs(ui, x, frame.top + margin * 0.6f, width, OrganiserTab::Sync, nav) + margin * 0.5f;
    y += Line(ui, x, y, width, ui.T("আয়োজকের জন্য: সিঙ্ক", "For the organiser: sync"), color::kText,
              TextStyle::Title, 2) +
         ui.Px(12);
    if (!done.empty()) y += Banner(ui, x, y, width, done, color::kGreen, color::kGreenLight) + gap;
    if (problem) y += Banner(ui, x, y, width, Words(*problem, ui.lang), color::kRed, kRedLight) + gap;
    BackgroundSync* worker = staff.Sync();
    if (!worker) {
        y += Banner(
            ui, x, y, width,
            ui.T("ডেটাবেস খোলা যায়নি, তাই সিঙ্ক বন্ধ।", "The database could not be opened: sync is off."),
            color::kAmber, color::kAmberLight);
        return y + margin - frame.top;
    }
    const std::shared_ptr<const SyncSnapshot> snap = worker->Snapshot();
    if (snap->store_failure)
        y += Banner(ui, x, y, width,
                    std::string(ui.T("সিঙ্ক ডেটাবেস পড়তে পারছে না: ", "Sync cannot read the database: ")) +
                        WhatFailed(*snap->store_failure, ui.lang),
                    color::kRed, kRedLight) +
             gap;
    if (!snap->read) {
        y += Line(ui, x, y, width, ui.T("পড়া হচ্ছে…", "Reading…"), color::kTextMuted);
        return y + margin - frame.top;
    }
    // What needs the organiser first (conflicts, problems), then the set-up (the hub's key, the kiosks).
    y = DrawKey(ui, *snap, x, y, width);
    if (!snap->status.is_hub) y = DrawContact(ui, staff, *snap, x, y, width);
    y = DrawConflicts(ui, staff, x, y, width);
    y = DrawProblems(ui, *snap, x, y, width);
    if (snap->status.is_hub) y = DrawHubKey(ui, *snap, x, y, width);
    if (snap->status.is_hub) y = DrawPeers(ui, *snap, x, y, width);
    return y + margin - frame.top;
}

// The key: set or not, its check code, and the button to enter it (not on the hub: its key is
// made there with `kiosk sync key --new`, and every kiosk would need a new one).
float SyncScreen::DrawKey(Context& ui, const SyncSnapshot& snap, float x, float y, float width) {
    const float gap = ui.theme.Gap();
    y = SectionHeading(ui, x, y, width, ui.T("মেলার চাবি", "The fair's key"));
    const scoring::SyncStatus& status = snap.status;
    const bool pending = !key_sent_check.empty() && key_sent_check != status.key_check;
    if (!key_sent_check.empty() && key_sent_check == status.key_check)
        done = std::string(ui.T("চাবি রাখা হয়েছে। যাচাই কোড: ", "The key is stored. Check code: ")) +
               status.key_check,
        key_sent_check.clear();
    std::string text =
        status.key_set ? std::string(ui.T("চাবি দেওয়া আছে। যাচাই কোড: ", "The key is set. Check code: ")) +
                             status.key_check
                       : ui.T("চাবি দেওয়া হয়নি: এই যন্ত্র এখনো মেলার সাথে সিঙ্ক করে না।",
                              "No key yet: this machine does not sync with the fair.");
    if (pending) text += ui.T("  ·  নতুন চাবি রাখা হচ্ছে…", "  ·  storing the new key…");
    const bool editable = !status.is_hub;
    const float button_w = ui.Px(340), button_h = ui.Px(72);
    const bool beside = editable && width >= ui.Px(1200);
    const float text_w = beside ? width - button_w - gap : width;
    const float h = Line(ui, x, y + (beside ? ui.Px(14) : 0), text_w, text,
                         status.key_set ? color::kText : color::kAmber, TextStyle::Body, 2);
    float below = y + std::max(h, beside ? button_h : 0.f) + gap;
    if (editable) {
        const Rect button = beside ? Rect{x + width - button_w, y, button_w, button_h}
                                   : Rect{x, below, std::min(width, button_w), button_h};
        if (!beside) below += button_h + gap;
        ui.Name("sync/key");
        if (Button(ui, button,
                   status.key_set ? ui.T("চাবি বদলান", "Change the key") : ui.T("চাবি দিন", "Enter the key"),
                   status.key_set ? ButtonKind::Secondary : ButtonKind::Primary))
            typing_key = true, key_typed.clear(), key_error.clear(), done.clear(), problem.reset(),
            keyboard.layout = content::Lang::English;
    }
    return below;
}

// On the hub: the key to type on each kiosk, as groups of four and as a QR code.
float SyncScreen::DrawHubKey(Context& ui, const SyncSnapshot& snap, float x, float y, float width) {
    const float gap = ui.theme.Gap();
    y = SectionHeading(ui, x, y, width, ui.T("এই যন্ত্রটি মেলার হাব", "This machine is the fair's hub"));
    if (snap.key_text.empty()) return y;
    if (!qr || qr->Text() != snap.key_text) qr = QrCode::Encode(snap.key_text);
    const float side = ui.Px(300);
    const bool beside = width >= side + ui.Px(700);
    float tx = x, ty = y, tw = width;
    if (qr) {
        ui.Name("sync/key-qr");
        DrawQrCode(ui.draw, *qr, {x, y}, side);
        if (beside)
            tx = x + side + gap, tw = width - side - gap;
        else
            ty = y + side + gap;
    }
    ty += Line(ui, tx, ty, tw,
               ui.T("প্রতিটি কিয়স্কে আয়োজকের পাতার সিঙ্ক ট্যাবে \"চাবি দিন\" চেপে এই চাবিটি লিখুন:",
                    "On each kiosk, tap \"Enter the key\" on the organiser's Sync tab and type this key:"),
               color::kText) +
          ui.Px(12);
    ui.Name("sync/key-text");
    ty += Line(ui, tx, ty, tw, snap.key_text, color::kText, TextStyle::Heading) + ui.Px(12);
    ty += Line(ui, tx, ty, tw,
               ui.T("বা: kiosk sync key --set \"চাবি\". কিয়স্কে একই যাচাই কোড দেখালে চাবি ঠিক আছে।",
                    "Or: kiosk sync key --set \"KEY\". A kiosk showing the same check code has it right."),
               color::kTextMuted, TextStyle::Caption);
    return std::max(ty, qr ? y + side : y) + gap;
}

// A kiosk's hub: where it is, the last exchange with it (when, ok or why not), what is waiting.
float SyncScreen::DrawContact(Context& ui, Staff& staff, const SyncSnapshot& snap, float x, float y,
                              float width) {
    const float gap = ui.theme.Gap();
    y = SectionHeading(ui, x, y, width, ui.T("মেলার হাব", "The fair's hub"));
    const scoring::SyncStatus& status = snap.status;
    if (!status.key_set)
        return y +
               Line(ui, x, y, width, ui.T("আগে মেলার চাবি দিন।", "Enter the fair's key first."),
                    color::kTextMuted) +
               gap;
    std::string where;
    if (snap.hub_from == SyncSnapshot::HubFrom::Given)
        where = std::string(ui.T("হাব (--hub): ", "Hub (--hub): ")) + snap.hub;
    else if (snap.hub_from == SyncSnapshot::HubFrom::Found)
        where = std::string(ui.T("নেটওয়ার্কে পাওয়া হাব: ", "Hub found on the network: ")) + snap.hub;
    else
        where = BrowseWords(snap.browse, ui.lang);
    y += Line(ui, x, y, width, where, snap.hub.empty() ? color::kAmber : color::kText) + ui.Px(8);

    // The last exchange of this run, else the last one the store remembers.
    std::string last = ui.T("শেষ যোগাযোগ: ", "Last contact: ");
    ImU32 ink = color::kText;
    if (snap.last) {
        last += ClockAt(ui, snap.last_ms) + "  ·  " + OutcomeWords(snap.last->outcome, ui.lang);
        ink = snap.last->Ok() ? color::kGreen : color::kRed;
        if (snap.last->Ok())
            last += ui.Bengali()
                        ? " (পাঠানো " + Count(ui, static_cast<int64_t>(snap.last->sent)) + "টি, পাওয়া " +
                              Count(ui, static_cast<int64_t>(snap.last->received)) + "টি)"
                        : " (" + Count(ui, static_cast<int64_t>(snap.last->sent)) + " sent, " +
                              Count(ui, static_cast<int64_t>(snap.last->received)) + " received)";
    } else if (status.last_attempt_ms > 0) {
        last += ClockAt(ui, status.last_attempt_ms) + "  ·  " +
                (status.last_ok ? ui.T("সফল", "OK") : ui.T("ব্যর্থ", "failed"));
        ink = status.last_ok ? color::kGreen : color::kRed;
    } else {
        last += ui.T("এখনো হয়নি", "none yet");
    }
    y += Line(ui, x, y, width, last, ink, TextStyle::Body, 3);
    if (snap.last && !snap.last->Ok() && !snap.last->detail.empty() && !ui.Bengali())
        y += Line(ui, x, y, width, snap.last->detail, color::kTextMuted, TextStyle::Caption,
                  2); // English detail
    for (const std::string& refused : snap.last ? snap.last->refused : std::vector<std::string>{})
        y += Line(ui, x, y, width, std::string(ui.T("হাব নেয়নি: ", "The hub refused: ")) + refused,
                  color::kRed, TextStyle::Caption, 2);
    if (status.last_ok_ms > 0 && !(snap.last && snap.last->Ok()))
        y += Line(ui, x, y, width,
                  std::string(ui.T("শেষ সফল: ", "Last good: ")) + ClockAt(ui, status.last_ok_ms),
                  color::kTextMuted);
    const std::string waiting = ui.Bengali()
                                    ? "হাবে যাওয়ার অপেক্ষায়: " + Count(ui, status.events_waiting) +
                                          "টি ঘটনা (মোট " + Count(ui, status.events_total) + "টি)"
                                    : "Waiting to go to the hub: " + Count(ui, status.events_waiting) +
                                          " events (of " + Count(ui, status.events_total) + ")";
    y += Line(ui, x, y, width, waiting, status.events_waiting > 0 ? color::kAmber : color::kText) + ui.Px(12);
    ui.Name("sync/now");
    if (Button(ui, {x, y, std::min(width, ui.Px(340)), ui.Px(72)}, ui.T("এখনই সিঙ্ক করুন", "Sync now")))
        staff.Sync()->Poke(), done.clear();
    return y + ui.Px(72) + gap;
}

// On the hub: each kiosk heard from.
float SyncScreen::DrawPeers(Context& ui, const SyncSnapshot& snap, float x, float y, float width) {
    const float gap = ui.theme.Gap();
    y = SectionHeading(ui, x, y, width,
                       ui.Bengali() ? "কিয়স্ক: " + Count(ui, static_cast<int64_t>(snap.peers.size())) + "টি"
                                    : "Kiosks: " + Count(ui, static_cast<int64_t>(snap.peers.size())));
    if (snap.peers.empty())
        return y +
               Line(ui, x, y, width,
                    ui.T("এখনো কোনো কিয়স্ক যোগাযোগ করেনি।", "No kiosk has been in touch yet."),
                    color::kTextMuted) +
               gap;
    for (const scoring::SyncPeer& peer : snap.peers) {
        const std::string head = Short(peer.kiosk) + (peer.address.empty() ? "" : "  ·  " + peer.address);
        const std::string about =
            ui.Bengali()
                ? "শেষ দেখা " + ClockAt(ui, peer.last_seen_ms) + "  ·  " + Count(ui, peer.exchanges) +
                      " বার যোগাযোগ  ·  পাওয়া " + Count(ui, peer.events_received) + "টি ঘটনা  ·  মোট " +
                      Count(ui, peer.events_held) + "টি"
                : "last seen " + ClockAt(ui, peer.last_seen_ms) + "  ·  " + Count(ui, peer.exchanges) +
                      " exchanges  ·  " + Count(ui, peer.events_received) + " events received  ·  " +
                      Count(ui, peer.events_held) + " held";
        ui.Name("sync/kiosk/" + peer.kiosk);
        y += Line(ui, x, y, width, head, color::kText, TextStyle::Body, 1);
        y += Line(ui, x + ui.Px(24), y, width - ui.Px(24), about, color::kTextMuted, TextStyle::Caption, 2) +
             ui.Px(10);
    }
    return y + gap;
}

// What sync refused: copied databases, renamed judges...
float SyncScreen::DrawProblems(Context& ui, const SyncSnapshot& snap, float x, float y, float width) {
    if (snap.problems.empty()) return y;
    const float gap = ui.theme.Gap();
    y = SectionHeading(ui, x, y, width,
                       ui.Bengali()
                           ? "সিঙ্কের সমস্যা: " + Count(ui, static_cast<int64_t>(snap.problems.size())) + "টি"
                           : "Sync problems: " + Count(ui, static_cast<int64_t>(snap.problems.size())));
    for (const scoring::SyncProblem& p : snap.problems) {
        const bool copied = p.kind == scoring::SyncProblem::Kind::CopiedDatabase;
        ui.draw->AddRectFilled({x, y}, {x + ui.Px(8), y + ui.Px(60)}, copied ? color::kRed : color::kAmber,
                               ui.Px(3));
        const float tx = x + ui.Px(24), tw = width - ui.Px(24);
        y += Line(ui, tx, y, tw, ProblemWords(p.kind, ui.lang), color::kText, TextStyle::Body, 3);
        const std::string about = std::string(ui.T("কিয়স্ক ", "kiosk ")) + Short(p.kiosk) +
                                  (p.seq > 0 ? " #" + Count(ui, p.seq) : std::string()) + "  ·  " +
                                  ui.T("থেকে ", "from ") + Short(p.peer) + "  ·  " + ClockAt(ui, p.at_ms);
        y += Line(ui, tx, y, tw, about, color::kTextMuted, TextStyle::Caption, 1);
        if (!p.detail.empty()) y += Line(ui, tx, y, tw, p.detail, color::kTextMuted, TextStyle::Caption, 3);
        y += ui.Px(12);
    }
    return y + gap;
}

const std::string& SyncScreen::JudgeName(Staff& staff, const std::string& key) {
    const scoring::Judges& roster = staff.Judging().Registry();
    if (roster.Generation() != names_generation) {
        judge_names.clear();
        for (const scoring::Judge& judge : roster.List())
            judge_names[judge.key] = judge.name;
        names_generation = roster.Generation();
    }
    const auto found = judge_names.find(key);
    return found != judge_names.end() ? found->second : key;
}

// The conflicts between kiosks, open ones first, from the read model in memory.
float SyncScreen::DrawConflicts(Context& ui, Staff& staff, float x, float y, float width) {
    if (!staff.Available()) return y;
    const scoring::CardBook& book = staff.Judging().Log().Book();
    const size_t open = book.OpenConflicts();
    y = SectionHeading(ui, x, y, width,
                       ui.Bengali()
                           ? "কিয়স্কের মধ্যে দ্বন্দ্ব: " + Count(ui, static_cast<int64_t>(open)) + "টি খোলা"
                           : "Conflicts between kiosks: " + Count(ui, static_cast<int64_t>(open)) + " open");
    if (book.Conflicts().empty())
        return y + Line(ui, x, y, width, ui.T("কোনো দ্বন্দ্ব নেই।", "No conflicts."), color::kGreen) +
               ui.theme.Gap();
    y +=
        Line(ui, x, y, width,
             ui.T("একই বিচারক একই নম্বর দুই কিয়স্কে বদলেছেন। কোনটি থাকবে, বেছে নিন: আপনার পছন্দ একটি ঘটনা হয়ে সব "
                  "কিয়স্কে যাবে।",
                  "The same judge changed the same mark on two kiosks. Pick the value that stands: your pick "
                  "is an event that goes to every kiosk."),
             color::kTextMuted, TextStyle::Caption, 3) +
        ui.Px(12);
    for (bool resolved : {false, true})
        for (const scoring::MarkConflict& conflict : book.Conflicts())
            if (conflict.resolved == resolved) y = DrawConflict(ui, staff, conflict, x, y, width);
    return y;
}

float SyncScreen::DrawConflict(Context& ui, Staff& staff, const scoring::MarkConflict& conflict, float x,
                               float y, float width) {
    const float pad = ui.Px(24), gap = ui.theme.Gap(), button_h = ui.Px(72);
    const content::Innovation* entry = staff.Fair().FindInnovation(conflict.entry);
    const content::Criterion* criterion = staff.Fair().rubric.Find(conflict.criterion);
    const std::string what = JudgeName(staff, conflict.judge) + "  ·  " +
                             (entry ? ui.L(entry->title) : conflict.entry) + "  ·  " +
                             (criterion ? ui.L(criterion->name) : conflict.criterion);
    const float text_w = width - 2 * pad;
    const float what_h = MeasureText(ui.theme, TextStyle::Body, what, {text_w, 2}).y;
    const bool stacked = width < ui.Px(1000);
    const float buttons_h =
        conflict.resolved ? LineHeight(ui.theme, TextStyle::Body) : (stacked ? 2 * button_h + gap : button_h);
    const Rect card{x, y, width,
                    pad * 2 + LineHeight(ui.theme, TextStyle::Heading) + what_h + ui.Px(12) + buttons_h};
    ui.draw->AddRectFilled({card.x, card.y + ui.Px(3)}, {card.Right(), card.Bottom() + ui.Px(4)},
                           color::kShadow, ui.theme.Radius());
    ui.draw->AddRectFilled(card.Min(), card.Max(), color::kSurface, ui.theme.Radius());
    float cy = card.y + pad;
    cy += Line(ui, x + pad, cy, text_w, ConflictWords(conflict.kind, ui.lang),
               conflict.resolved ? color::kTextMuted : color::kRed, TextStyle::Heading, 1);
    cy += Line(ui, x + pad, cy, text_w, what, color::kText, TextStyle::Body, 2) + ui.Px(12);
    auto value_text = [&](std::optional<int> value) {
        return value ? ui.Number(*value) : std::string(ui.T("নম্বর নেই", "not scored"));
    };
    if (conflict.resolved) {
        Line(ui, x + pad, cy, text_w,
             std::string(ui.T("মীমাংসিত: ", "Resolved: ")) + value_text(conflict.resolved_value),
             color::kGreen);
        return card.Bottom() + gap;
    }
    const float button_w = stacked ? text_w : (text_w - gap) / 2;
    int i = 0;
    for (const scoring::MarkConflict::Side* side : {&conflict.first, &conflict.second}) {
        const std::string label = std::string(ui.T("কিয়স্ক ", "Kiosk ")) + Short(side->kiosk) + ": " +
                                  value_text(side->value) + ui.T(" রাখুন", " stands");
        const Rect button =
            stacked ? Rect{x + pad, cy + static_cast<float>(i) * (button_h + gap), button_w, button_h}
                    : Rect{x + pad + static_cast<float>(i) * (button_w + gap), cy, button_w, button_h};
        ui.Name("sync/resolve/" + conflict.id + "/" + (side->value ? std::to_string(*side->value) : "none"));
        if (Button(ui, button, label)) Resolve(ui, staff, conflict, side->value);
        ++i;
    }
    return card.Bottom() + gap;
}

void SyncScreen::Resolve(Context& ui, Staff& staff, const scoring::MarkConflict& conflict,
                         std::optional<int> value) {
    const std::string id = conflict.id; // the conflict may move once resolved
    try {
        staff.Judging().Log().Resolve(id, value);
        std::fprintf(stderr, "kiosk: organiser resolved sync conflict %s: %s\n", id.c_str(),
                     value ? std::to_string(*value).c_str() : "not scored");
        done = std::string(ui.T("দ্বন্দ্বের মীমাংসা রাখা হয়েছে: ", "Conflict resolved, saved: ")) +
               (value ? ui.Number(*value) : std::string(ui.T("নম্বর নেই", "not scored")));
        problem.reset();
        if (staff.Sync()) staff.Sync()->Poke(); // every kiosk should have it soon
    } catch (const std::exception& e) {
        problem = Problem::Of(e);
        done.clear();
        std::fprintf(stderr, "kiosk: NOT resolved: sync conflict %s: %s\n", id.c_str(),
                     problem->English().c_str());
    }
}

// The key's editor: the on-screen keyboard (English layout: the key is Latin letters and digits).
float SyncScreen::DrawKeyEditor(Context& ui, Staff& staff, const ScrollFrame& frame) {
    ui.typing = true;
    const float margin = PageMargin(ui), gap = ui.theme.Gap();
    const float x = frame.view.x + margin, width = frame.view.w - 2 * margin;
    float y = frame.view.y + margin * 0.5f;
    y += Line(ui, x, y, width, ui.T("মেলার চাবি দিন", "Enter the fair's key"), color::kText, TextStyle::Title,
              1);
    y +=
        Line(ui, x, y, width,
             ui.T("হাবের আয়োজকের পাতায় (সিঙ্ক) বা kiosk sync key --show দেখানো ৫২ অক্ষরের চাবিটি লিখুন। ফাঁকা "
                  "ও ড্যাশ লাগবে না; O আর 0 একই।",
                  "Type the 52-character key shown on the hub's organiser screen (Sync) or by kiosk sync key "
                  "--show. Spaces and dashes do not matter; O and 0 are read alike."),
             color::kText, TextStyle::Body, 0) +
        ui.Px(12);
    const float field_h = TextFieldHeight(ui, 2);
    ui.Name("sync/key-field");
    TextField(ui, {x, y, width, field_h}, key_typed, "M68F YMDS …", true, 2);
    y += field_h + gap;
    if (!key_error.empty()) y += Line(ui, x, y, width, key_error, color::kRed, TextStyle::Body, 2);
    keyboard.max_bytes = 120;
    switch (keyboard.DrawAtFoot(ui, x, width, y, frame.view.Bottom() - margin * 0.5f, key_typed)) {
    case KeyboardAction::Done:
        if (const std::optional<scoring::SyncKey> key = scoring::KeyFromText(key_typed); !key) {
            key_error = ui.T("এটি পুরো চাবি নয়: ৫২টি অক্ষর, ভুল অক্ষর ছাড়া। আবার দেখে লিখুন।",
                             "That is not a whole key: 52 characters, none wrong. Check it and type again.");
        } else if (staff.Sync()) {
            staff.Sync()->SetKey(*key);
            key_sent_check = scoring::KeyCheckCode(*key);
            std::fprintf(stderr, "kiosk: organiser entered the fair's key (check code %s)\n",
                         key_sent_check.c_str());
            typing_key = false;
        }
        break;
    case KeyboardAction::Cancel:
        typing_key = false;
        break;
    default:
        break;
    }
    return frame.view.h;
}

} // namespace kiosk
