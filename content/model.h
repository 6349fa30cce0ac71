// The content model: what a fair shows. Plain data, loaded from a content pack
// (see docs/content-pack.md) and read by the screens; nothing here draws.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace content {

enum class Lang { Bengali, English };

// A text in both languages. Bengali comes first at a fair; English falls back to it when missing.
struct LocalText {
    std::string bn;
    std::string en;

    const std::string& Get(Lang lang) const {
        return lang == Lang::English && !en.empty() ? en : bn.empty() ? en : bn;
    }
    bool Empty() const { return bn.empty() && en.empty(); }
    friend bool operator==(const LocalText&, const LocalText&) = default;
};

struct Date {
    int year = 0, month = 0, day = 0;
    bool Known() const { return year > 0; } // false when the pack gave no valid date
    friend bool operator==(const Date&, const Date&) = default;
};

struct Fair {
    std::string id;
    LocalText name;
    LocalText venue;
    LocalText ministry; // the organising ministry or division
    Date first_day;
    Date last_day;
};

struct Office {
    std::string id;
    LocalText name;
    LocalText short_name; // for cards and chips; falls back to name

    const LocalText& ShortName() const { return short_name.Empty() ? name : short_name; }
};

struct Category {
    std::string id;
    LocalText name;
    LocalText description;
};

enum class ServiceStatus { Running, Pilot, Planned, Stopped };

struct Photo {
    std::string file; // absolute path, resolved against the pack folder at load time
    LocalText caption;
};

// One TCV figure (time, cost or visits) before and after the innovation.
struct Measure {
    double before = 0;
    double after = 0;
    std::string unit; // time: "days", "working-days", "hours", "minutes"; cost: "taka"; visits: "visits"

    // Reduction in percent: (before - after) / before * 100; nothing when before is zero.
    std::optional<double> ReductionPercent() const;
};

struct Tcv {
    std::optional<Measure> time;
    std::optional<Measure> cost;
    std::optional<Measure> visits;
};

enum class StepKind { Start, Activity, Decision, Document, Wait, End };

struct Step {
    std::string id;
    StepKind kind = StepKind::Activity;
    LocalText label;
};

enum class EdgeLabel { None, Yes, No };

struct Edge {
    std::string from;
    std::string to;
    EdgeLabel label = EdgeLabel::None;
};

// A service's process map (flowchart): steps in reading order and the edges between them.
struct ProcessMap {
    std::vector<Step> steps;
    std::vector<Edge> edges;

    bool Empty() const { return steps.empty(); }
    int IndexOf(const std::string& step_id) const; // -1 when absent
};

// What the Cabinet Division's innovation bank (ইনোভেশন ব্যাংক) records beyond the pack's own
// fields, kept so that a bank table imported and exported again loses nothing.
struct BankRecord {
    std::string reason_not_running; // "if not running, why"
    std::string expected_result;    // "do recipients get the expected result", as written
    std::string comments;
    bool Empty() const { return reason_not_running.empty() && expected_result.empty() && comments.empty(); }
};

struct Innovation {
    std::string id;
    std::string office_id;
    std::string category_id;
    LocalText title;
    LocalText summary;
    LocalText problem;
    LocalText solution;
    std::string service_link;
    ServiceStatus status = ServiceStatus::Running;
    std::vector<Photo> photos;
    Tcv tcv;
    ProcessMap process_before;
    ProcessMap process_after;
    BankRecord bank;
};

// One criterion of the judges' rubric. Judges give whole marks from 0 to max_marks; an entry's
// total is the sum of marks × weight (see docs/content-pack.md, rubric.json).
struct Criterion {
    std::string id;
    LocalText name;
    LocalText guidance; // what the judge looks for, shown on the scorecard
    int max_marks = 10;
    double weight = 1.0;
    friend bool operator==(const Criterion&, const Criterion&) = default;
};

// The fair's own rubric (there is no official one): the pack's rubric.json, or DefaultRubric().
struct Rubric {
    std::vector<Criterion> criteria; // in the order the scorecard shows them
    bool from_pack = false;          // false: the built-in default (no or unusable rubric.json)

    const Criterion* Find(const std::string& id) const;
};

// Everything a pack holds, with look-ups the screens need.
struct FairContent {
    std::string folder; // where the pack was loaded from
    Fair fair;
    std::vector<Office> offices;
    std::vector<Category> categories;
    std::vector<Innovation> innovations; // sorted by category, then office, then id
    Rubric rubric;                       // from LoadPack never empty: the default when the pack has none

    const Office* FindOffice(const std::string& id) const;
    const Category* FindCategory(const std::string& id) const;
    const Innovation* FindInnovation(const std::string& id) const;
    std::vector<const Innovation*> ByOffice(const std::string& office_id) const;
    std::vector<const Innovation*> ByCategory(const std::string& category_id) const;
};

// The rubric a pack without rubric.json gets; the same as assets/demo-fair/rubric.json.
Rubric DefaultRubric();

const char* ToString(StepKind kind);
const char* ToString(ServiceStatus status);
std::optional<StepKind> ParseStepKind(const std::string& text);
std::optional<ServiceStatus> ParseServiceStatus(const std::string& text);

} // namespace content
