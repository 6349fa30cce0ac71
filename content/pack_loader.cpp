// The pack loader reads every value through small checked readers that note what is wrong and
// go on, so one pass both loads the pack and finds every problem in it.
//
// [SECTION] Where a value is, and what is wrong with it
// [SECTION] Reading values: strings, texts, figures, keys
// [SECTION] fair.json
// [SECTION] Innovations: photos, TCV, process maps
// [SECTION] rubric.json
// [SECTION] The pack
#include "content/pack_loader.h"

#include "content/json_source.h"
#include "content/pack_rules.h"
#include "content/utf8.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

namespace content {

namespace fs = std::filesystem;
using nlohmann::json;

const char* ToString(Severity severity) {
    return severity == Severity::Error ? "error" : "warning";
}

std::string FormatProblem(const PackProblem& problem, const std::string& file) {
    std::string text = file;
    if (problem.line > 0) text += ":" + std::to_string(problem.line);
    if (problem.line > 0 && problem.column > 0) text += ":" + std::to_string(problem.column);
    return text + ": " + ToString(problem.severity) + ": " + problem.message;
}

size_t LoadedPack::Count(Severity severity) const {
    return static_cast<size_t>(std::count_if(problems.begin(), problems.end(),
                                             [&](const PackProblem& p) { return p.severity == severity; })) +
           (severity == Severity::Error ? errors_not_listed : warnings_not_listed);
}

void LoadedPack::Add(PackProblem problem) {
    if (problems.size() < kMostProblemsListed)
        problems.push_back(std::move(problem));
    else
        ++(problem.severity == Severity::Error ? errors_not_listed : warnings_not_listed);
}

namespace {

// [SECTION] Where a value is, and what is wrong with it

// A JSON value and the chain of members and items leading to it. The JSON pointer is only
// built when a problem needs a line number.
struct Node {
    const json& value;
    const Node* parent = nullptr;
    std::string_view key; // in the parent object
    size_t index = 0;     // in the parent array
    bool item = false;    // in an array (index) rather than an object (key)

    std::string Pointer() const {
        if (!parent) return {};
        return parent->Pointer() + "/" + (item ? std::to_string(index) : PointerToken(key));
    }
    Node Item(size_t i) const { return {value[i], this, {}, i, true}; }
};

struct Note {
    std::string pointer;
    Severity severity;
    std::string message;
};

// The problems of one file, noted while reading it.
class Notes {
  public:
    void Add(const Node& at, Severity severity, std::string message) {
        if (severity == Severity::Error) ++m_errors;
        if (m_notes.size() < kMostProblemsListed)
            m_notes.push_back({at.Pointer(), severity, std::move(message)});
        else
            ++(severity == Severity::Error ? m_errors_not_kept : m_warnings_not_kept);
    }
    void Error(const Node& at, std::string message) { Add(at, Severity::Error, std::move(message)); }
    void Warn(const Node& at, std::string message) { Add(at, Severity::Warning, std::move(message)); }
    size_t Errors() const { return m_errors; }
    // No more notes are kept: a warning is only counted (and not worth wording).
    bool Full() const { return m_notes.size() >= kMostProblemsListed; }
    void CountWarning() { ++m_warnings_not_kept; }
    const std::vector<Note>& All() const { return m_notes; } // the first kMostProblemsListed
    size_t ErrorsNotKept() const { return m_errors_not_kept; }
    size_t WarningsNotKept() const { return m_warnings_not_kept; }

  private:
    std::vector<Note> m_notes;
    size_t m_errors = 0;
    size_t m_errors_not_kept = 0, m_warnings_not_kept = 0; // bounded memory for a pack gone wild
};

// A text from the pack in a message: quoted, control characters escaped, cut when long.
std::string Shown(std::string_view text) {
    constexpr size_t kLongest = 60;
    std::string shown = "\"";
    size_t i = 0;
    for (; i < text.size() && i < kLongest; ++i) {
        const char c = text[i];
        if (c == '\n')
            shown += "\\n";
        else if (static_cast<unsigned char>(c) < ' ')
            shown += '?';
        else
            shown += c;
    }
    if (i < text.size()) {
        while (!shown.empty() && IsUtf8Continuation(shown.back()))
            shown.pop_back();
        if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0)
            shown.pop_back(); // a cut lead byte
        shown += "…";
    }
    return shown + "\"";
}

std::string Suggest(std::string_view name, const std::vector<std::string_view>& known) {
    const std::string closest = ClosestName(name, known);
    return closest.empty() ? std::string() : " (did you mean \"" + closest + "\"?)";
}

std::string OneOf(const std::vector<std::string_view>& names) {
    std::string list;
    for (size_t i = 0; i < names.size(); ++i)
        list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + std::string(names[i]);
    return list;
}

std::vector<std::string_view> Views(const std::vector<std::string>& names) {
    return {names.begin(), names.end()};
}

const char* KindOf(const json& value) {
    switch (value.type()) {
    case json::value_t::object:
        return "an object {...}";
    case json::value_t::array:
        return "a list [...]";
    case json::value_t::string:
        return "a text";
    case json::value_t::boolean:
        return "true or false";
    case json::value_t::null:
        return "null";
    default:
        return "a number";
    }
}

// [SECTION] Reading values: strings, texts, figures, keys

// How much a field matters: a missing or broken Required field leaves its innovation (office,
// category, fair) out; a broken Optional one too, but it may be missing; a broken Extra one is
// only ignored, with a warning.
enum class Need { Required, Optional, Extra };

void Report(Notes& notes, const Node& at, Need need, std::string message) {
    if (need == Need::Extra)
        notes.Warn(at, message + ": ignored");
    else
        notes.Error(at, std::move(message));
}

std::optional<Node> Member(Notes& notes, const Node& object, std::string_view key, Need need) {
    const auto found = object.value.find(key);
    if (found == object.value.end()) {
        if (need == Need::Required) notes.Error(object, "missing \"" + std::string(key) + "\"");
        return std::nullopt;
    }
    return Node{*found, &object, found.key()};
}

// The member `key`, known to be there; the object itself when it is not (its line is then the object's).
Node At(const Node& object, std::string_view key) {
    const auto found = object.value.find(key);
    return found == object.value.end() ? object : Node{*found, &object, found.key()};
}

// The member when it is of the kind `ok` accepts; otherwise a problem saying what it should be.
template <class IsKind>
std::optional<Node> Typed(Notes& notes, const Node& object, std::string_view key, Need need, IsKind ok,
                          const char* should_be) {
    std::optional<Node> node = Member(notes, object, key, need);
    if (!node || ok(node->value)) return node;
    Report(notes, *node, need,
           "\"" + std::string(key) + "\" must be " + should_be + ", not " + KindOf(node->value));
    return std::nullopt;
}

std::optional<Node> Object(Notes& notes, const Node& object, std::string_view key, Need need) {
    return Typed(
        notes, object, key, need, [](const json& v) { return v.is_object(); }, "an object {...}");
}

std::optional<Node> List(Notes& notes, const Node& object, std::string_view key, Need need) {
    return Typed(
        notes, object, key, need, [](const json& v) { return v.is_array(); }, "a list [...]");
}

std::optional<std::string> String(Notes& notes, const Node& object, std::string_view key, Need need) {
    std::optional<Node> node = Typed(
        notes, object, key, need, [](const json& v) { return v.is_string(); }, "a text in quotes");
    if (!node) return std::nullopt;
    std::string text = node->value.get<std::string>();
    if (text.empty() && need == Need::Required) {
        notes.Error(*node, "\"" + std::string(key) + "\" is empty");
        return std::nullopt;
    }
    return text;
}

// Warns about keys the format does not know: most are typos of a known one.
void CheckKeys(Notes& notes, const Node& object, const std::vector<std::string_view>& known) {
    for (auto it = object.value.begin(); it != object.value.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
        if (notes.Full()) { // a million unknown keys: counted, not each given a "did you mean"
            notes.CountWarning();
            continue;
        }
        notes.Warn(Node{it.value(), &object, it.key()},
                   "unknown key " + Shown(it.key()) + Suggest(it.key(), known) + ": ignored");
    }
}

// An element of a list must be an object; the problem is noted when it is not.
bool IsObjectItem(Notes& notes, const Node& item, Need need, const char* what) {
    if (item.value.is_object()) return true;
    Report(notes, item, need, std::string(what) + " must be an object {...}, not " + KindOf(item.value));
    return false;
}

// A text in both languages. Bengali is the kiosk's first language: a required text must have
// it; English falls back to Bengali (and an optional text's Bengali to English) with a warning.
LocalText Text(Notes& notes, const Node& object, std::string_view key, Need need) {
    const std::string name = "\"" + std::string(key) + "\"";
    std::optional<Node> node = Typed(
        notes, object, key, need, [](const json& v) { return v.is_object(); },
        "{\"bn\": \"...\", \"en\": \"...\"}");
    if (!node) return {};
    static const std::vector<std::string_view> kTextKeys{"bn", "en"};
    CheckKeys(notes, *node, kTextKeys);
    const Need bengali = need == Need::Required ? Need::Optional : Need::Extra;
    LocalText text{String(notes, *node, "bn", bengali).value_or(""),
                   String(notes, *node, "en", Need::Extra).value_or("")};
    if (need == Need::Required && text.bn.empty())
        notes.Error(*node, name + " has no Bengali (\"bn\"): the kiosk shows every text in Bengali first");
    else if (text.Empty())
        notes.Warn(*node, name + " has neither \"bn\" nor \"en\": ignored");
    else if (text.bn.empty())
        notes.Warn(*node, name + " has no Bengali (\"bn\"): Bengali visitors see the English");
    else if (text.en.empty())
        notes.Warn(*node, name + " has no English (\"en\"): English visitors see the Bengali");
    return text;
}

std::optional<std::string> Id(Notes& notes, const Node& object) {
    std::optional<std::string> id = String(notes, object, "id", Need::Required);
    if (id && !IsPlainId(*id))
        notes.Warn(At(object, "id"),
                   "id " + Shown(*id) +
                       " is best written in lowercase letters, digits and -, e.g. \"fire-app\"");
    return id;
}

// [SECTION] fair.json

const std::vector<std::string_view> kFairFileKeys{"format", "fair", "offices", "categories"};
const std::vector<std::string_view> kFairKeys{"id", "name", "venue", "ministry", "dates"};
const std::vector<std::string_view> kOfficeKeys{"id", "name", "short_name"};
const std::vector<std::string_view> kCategoryKeys{"id", "name", "description"};

// The first and last day of the fair; a problem leaves the fair without dates, nothing more.
void Dates(Notes& notes, const Node& fair_node, Fair& fair) {
    std::optional<Node> node = Member(notes, fair_node, "dates", Need::Extra);
    const char* shape = "\"dates\" must list the first and last day, e.g. [\"2024-03-12\", \"2024-03-13\"]";
    if (!node) return notes.Warn(fair_node, "missing \"dates\": the fair is shown without dates");
    if (!node->value.is_array() || node->value.empty() || node->value.size() > 2)
        return notes.Warn(*node, std::string(shape) + ": the fair is shown without dates");
    std::optional<Date> days[2];
    for (size_t i = 0; i < node->value.size(); ++i) {
        const Node day = node->Item(i);
        if (day.value.is_string()) days[i] = ParseDate(day.value.get<std::string>());
        if (!days[i])
            return notes.Warn(
                day, "date " +
                         (day.value.is_string() ? Shown(day.value.get<std::string>()) : KindOf(day.value)) +
                         " is not a real day written YYYY-MM-DD: the fair is shown without dates");
    }
    if (!days[1]) days[1] = days[0];
    if (std::tie(days[1]->year, days[1]->month, days[1]->day) <
        std::tie(days[0]->year, days[0]->month, days[0]->day))
        return notes.Warn(*node, "the last day is before the first: the fair is shown without dates");
    fair.first_day = *days[0];
    fair.last_day = *days[1];
}

void Format(Notes& notes, const Node& root) {
    std::optional<Node> format = Member(notes, root, "format", Need::Extra);
    if (format && !(format->value.is_number() && format->value.get<double>() == 1.0))
        notes.Warn(*format, "\"format\" is " + format->value.dump() +
                                ", but this kiosk reads format 1: what it does not know is ignored");
}

// The fair block; nothing when it is unusable (then the whole fair is left out).
std::optional<Fair> FairBlock(Notes& notes, const Node& root) {
    std::optional<Node> node = Object(notes, root, "fair", Need::Required);
    if (!node) return std::nullopt;
    CheckKeys(notes, *node, kFairKeys);
    const size_t errors = notes.Errors();
    Fair fair;
    fair.id = Id(notes, *node).value_or("");
    fair.name = Text(notes, *node, "name", Need::Required);
    fair.venue = Text(notes, *node, "venue", Need::Extra);
    fair.ministry = Text(notes, *node, "ministry", Need::Extra);
    Dates(notes, *node, fair);
    if (notes.Errors() > errors) return std::nullopt;
    return fair;
}

// [SECTION] Innovations: photos, TCV, process maps

const std::vector<std::string_view> kInnovationKeys{
    "id",       "office", "category",     "status", "title",   "summary", "problem",
    "solution", "photos", "service_link", "tcv",    "process", "bank"};
const std::vector<std::string_view> kPhotoKeys{"file", "caption"};
const std::vector<std::string_view> kTcvKeys{"time", "cost", "visits"};
const std::vector<std::string_view> kMeasureKeys{"before", "after", "unit"};
const std::vector<std::string_view> kProcessKeys{"before", "after"};
const std::vector<std::string_view> kMapKeys{"steps", "edges"};
const std::vector<std::string_view> kStepKeys{"id", "kind", "label"};
const std::vector<std::string_view> kEdgeKeys{"from", "to", "label"};
// row, running and description are kept for `kiosk bank export` (its order and wording); the kiosk does not
// show them.
const std::vector<std::string_view> kBankKeys{
    "reason_not_running", "expected_result", "comments", "row", "running", "description"};
const std::vector<std::string_view> kStatuses{"running", "pilot", "planned", "stopped"};
const std::vector<std::string_view> kStepKinds{"start", "activity", "decision", "document", "wait", "end"};

std::optional<double> Figure(Notes& notes, const Node& measure, std::string_view key) {
    std::optional<Node> node = Member(notes, measure, key, Need::Required);
    if (!node) return std::nullopt;
    const std::string name = "\"" + std::string(key) + "\"";
    if (node->value.is_string())
        return notes.Error(*node,
                           name + " must be a number, not the text " + Shown(node->value.get<std::string>())),
               std::nullopt;
    if (!node->value.is_number())
        return notes.Error(*node, name + " must be a number, not " + KindOf(node->value)), std::nullopt;
    const double value = node->value.get<double>();
    if (value < 0)
        return notes.Error(*node, name + " is negative (" + node->value.dump() + ")"), std::nullopt;
    return value;
}

std::optional<Measure> MeasureOf(Notes& notes, const Node& tcv, std::string_view key,
                                 const std::vector<std::string>& units) {
    std::optional<Node> node = Object(notes, tcv, key, Need::Optional);
    if (!node) return std::nullopt;
    CheckKeys(notes, *node, kMeasureKeys);
    const std::optional<double> before = Figure(notes, *node, "before"),
                                after = Figure(notes, *node, "after");
    const std::string unit = String(notes, *node, "unit", Need::Optional).value_or(units.front());
    if (std::find(units.begin(), units.end(), unit) == units.end())
        notes.Error(At(*node, "unit"), "unknown " + std::string(key) + " unit " + Shown(unit) +
                                           Suggest(unit, Views(units)) + ": use " + OneOf(Views(units)));
    if (!before || !after) return std::nullopt;
    return Measure{*before, *after, unit};
}

Tcv TcvOf(Notes& notes, const Node& root) {
    Tcv tcv;
    std::optional<Node> node = Object(notes, root, "tcv", Need::Optional);
    if (!node) return tcv;
    CheckKeys(notes, *node, kTcvKeys);
    tcv.time = MeasureOf(notes, *node, "time", TimeUnits());
    tcv.cost = MeasureOf(notes, *node, "cost", CostUnits());
    tcv.visits = MeasureOf(notes, *node, "visits", VisitUnits());
    return tcv;
}

// Reads one step into `map`; steps that are too broken to draw are left out of it.
void StepOf(Notes& notes, const Node& item, ProcessMap& map) {
    if (!IsObjectItem(notes, item, Need::Required, "a step")) return;
    CheckKeys(notes, item, kStepKeys);
    Step step;
    step.id = String(notes, item, "id", Need::Required).value_or("");
    if (!step.id.empty() && map.IndexOf(step.id) >= 0)
        notes.Error(At(item, "id"), "duplicate step id " + Shown(step.id) + " in this map");
    if (std::optional<std::string> kind = String(notes, item, "kind", Need::Required)) {
        if (std::optional<StepKind> parsed = ParseStepKind(*kind))
            step.kind = *parsed;
        else
            notes.Error(At(item, "kind"), "unknown step kind " + Shown(*kind) + Suggest(*kind, kStepKinds) +
                                              ": use " + OneOf(kStepKinds));
    }
    step.label = Text(notes, item, "label", Need::Required);
    map.steps.push_back(std::move(step));
}

void EdgeOf(Notes& notes, const Node& item, ProcessMap& map) {
    if (!IsObjectItem(notes, item, Need::Required, "an edge")) return;
    CheckKeys(notes, item, kEdgeKeys);
    Edge edge{String(notes, item, "from", Need::Required).value_or(""),
              String(notes, item, "to", Need::Required).value_or("")};
    for (const char* end : {"from", "to"}) {
        const std::string& id = std::string_view(end) == "from" ? edge.from : edge.to;
        if (!id.empty() && map.IndexOf(id) < 0)
            notes.Error(At(item, end), "edge " + Shown(edge.from) + " -> " + Shown(edge.to) +
                                           ": there is no step " + Shown(id));
    }
    const std::string label = String(notes, item, "label", Need::Optional).value_or("");
    if (label == "yes")
        edge.label = EdgeLabel::Yes;
    else if (label == "no")
        edge.label = EdgeLabel::No;
    else if (!label.empty())
        notes.Error(At(item, "label"), "edge label " + Shown(label) + " must be \"yes\" or \"no\"");
    map.edges.push_back(std::move(edge));
}

ProcessMap MapOf(Notes& notes, const Node& process, std::string_view key) {
    ProcessMap map;
    std::optional<Node> node = Object(notes, process, key, Need::Optional);
    if (!node) return map;
    CheckKeys(notes, *node, kMapKeys);
    const size_t errors = notes.Errors();
    std::optional<Node> steps = List(notes, *node, "steps", Need::Required);
    if (!steps) return map;
    for (size_t i = 0; i < steps->value.size(); ++i)
        StepOf(notes, steps->Item(i), map);
    std::optional<Node> edges = List(notes, *node, "edges", Need::Optional);
    if (edges)
        for (size_t i = 0; i < edges->value.size(); ++i)
            EdgeOf(notes, edges->Item(i), map);
    else if (!node->value.contains(
                 "edges")) // hand-written maps may leave edges out: each step leads to the next
        for (size_t i = 0; i + 1 < map.steps.size(); ++i)
            map.edges.push_back({map.steps[i].id, map.steps[i + 1].id});
    if (notes.Errors() > errors) return map; // the flow of a map with broken steps would only add noise

    const std::string name = "process map \"" + std::string(key) + "\" ";
    for (const MapIssue& issue : CheckProcessMap(map)) {
        if (issue.at == MapIssue::At::Step)
            notes.Error(steps->Item(issue.index), issue.message);
        else if (issue.at == MapIssue::At::Edge && edges)
            notes.Error(edges->Item(issue.index), issue.message);
        else
            notes.Error(*node, name + issue.message);
    }
    return map;
}

void ProcessOf(Notes& notes, const Node& root, Innovation& innovation) {
    std::optional<Node> node = Object(notes, root, "process", Need::Optional);
    if (!node) return;
    CheckKeys(notes, *node, kProcessKeys);
    innovation.process_before = MapOf(notes, *node, "before");
    innovation.process_after = MapOf(notes, *node, "after");
}

BankRecord BankOf(Notes& notes, const Node& root) {
    std::optional<Node> node = Object(notes, root, "bank", Need::Optional);
    if (!node) return {};
    CheckKeys(notes, *node, kBankKeys);
    return {String(notes, *node, "reason_not_running", Need::Optional).value_or(""),
            String(notes, *node, "expected_result", Need::Optional).value_or(""),
            String(notes, *node, "comments", Need::Optional).value_or("")};
}

void LinkOf(Notes& notes, const Node& root, Innovation& innovation) {
    std::optional<std::string> link = String(notes, root, "service_link", Need::Extra);
    if (!link || link->empty()) return;
    if (IsWebLink(*link))
        innovation.service_link = *link;
    else
        notes.Warn(At(root, "service_link"),
                   "\"service_link\" " + Shown(*link) +
                       " is not a web address (http:// or https:// and a host): shown without a link");
}

void StatusOf(Notes& notes, const Node& root, Innovation& innovation) {
    std::optional<std::string> status = String(notes, root, "status", Need::Optional);
    if (!status) return;
    if (std::optional<ServiceStatus> parsed = ParseServiceStatus(*status))
        innovation.status = *parsed;
    else
        notes.Error(At(root, "status"), "unknown status " + Shown(*status) + Suggest(*status, kStatuses) +
                                            ": use " + OneOf(kStatuses));
}

// [SECTION] rubric.json

const std::vector<std::string_view> kRubricFileKeys{"format", "note", "criteria"};
const std::vector<std::string_view> kCriterionKeys{"id", "name", "guidance", "max", "weight"};
constexpr int kMostMarks = 100; // more would only make the steppers unusable
constexpr double kHeaviestWeight = 100;

std::optional<int> MaxMarks(Notes& notes, const Node& item) {
    std::optional<Node> node = Member(notes, item, "max", Need::Required);
    if (!node) return std::nullopt;
    const json& value = node->value;
    const bool whole = value.is_number_integer() ||
                       (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>());
    if (!whole || value.get<double>() < 1 || value.get<double>() > kMostMarks)
        return notes.Error(*node, "\"max\" must be a whole number of marks from 1 to " +
                                      std::to_string(kMostMarks) + ", not " +
                                      (value.is_number() ? value.dump() : std::string(KindOf(value)))),
               std::nullopt;
    return static_cast<int>(value.get<double>());
}

std::optional<double> Weight(Notes& notes, const Node& item) {
    std::optional<Node> node = Member(notes, item, "weight", Need::Optional);
    if (!node) return 1.0;
    const json& value = node->value;
    if (!value.is_number() || value.get<double>() <= 0 || value.get<double>() > kHeaviestWeight)
        return notes.Error(*node, "\"weight\" must be a number above 0 and at most 100, not " +
                                      (value.is_number() ? value.dump() : std::string(KindOf(value)))),
               std::nullopt;
    return value.get<double>();
}

// One criterion; nothing when it has an error (it is then left out of the rubric).
std::optional<Criterion> CriterionOf(Notes& notes, const Node& item, const Rubric& so_far) {
    if (!IsObjectItem(notes, item, Need::Required, "a criterion")) return std::nullopt;
    CheckKeys(notes, item, kCriterionKeys);
    const size_t errors = notes.Errors();
    Criterion criterion;
    criterion.id = Id(notes, item).value_or("");
    criterion.name = Text(notes, item, "name", Need::Required);
    criterion.guidance = Text(notes, item, "guidance", Need::Extra);
    if (!item.value.contains("guidance"))
        notes.Warn(item,
                   "criterion " + Shown(criterion.id) + " has no \"guidance\": judges see only its name");
    criterion.max_marks = MaxMarks(notes, item).value_or(0);
    criterion.weight = Weight(notes, item).value_or(0);
    if (!criterion.id.empty() && so_far.Find(criterion.id))
        notes.Error(At(item, "id"), "duplicate criterion id " + Shown(criterion.id) + ": the first is kept");
    if (notes.Errors() > errors) return std::nullopt;
    return criterion;
}

// The criteria of rubric.json; empty when none can be used.
Rubric RubricOf(Notes& notes, const Node& root) {
    Rubric rubric;
    rubric.from_pack = true;
    if (!root.value.is_object())
        return notes.Error(root, "rubric.json must hold one JSON object {...}"), rubric;
    CheckKeys(notes, root, kRubricFileKeys);
    Format(notes, root);
    String(notes, root, "note", Need::Extra); // the organiser's own words; only its kind is checked
    std::optional<Node> list = List(notes, root, "criteria", Need::Required);
    for (size_t i = 0; list && i < list->value.size(); ++i)
        if (std::optional<Criterion> criterion = CriterionOf(notes, list->Item(i), rubric))
            rubric.criteria.push_back(std::move(*criterion));
    if (list && rubric.criteria.empty())
        notes.Error(*list, "no criterion can be used: the default rubric is used");
    return rubric;
}

// [SECTION] The pack

// Reads a pack's files in order, keeping what is valid and noting every problem.
class PackReader {
  public:
    PackReader(const fs::path& root, const LoadOptions& options, LoadedPack& pack)
        : m_root(root), m_options(options), m_pack(pack) {}

    void ReadFair();
    void ReadInnovations();
    void ReadRubric();
    void RefuseDuplicates();

  private:
    void Offices(Notes& notes, const Node& root);
    void Categories(Notes& notes, const Node& root);
    void ReadInnovation(const fs::path& file);
    std::optional<Innovation> InnovationOf(Notes& notes, const Node& root);
    void References(Notes& notes, const Node& root, const Innovation& innovation);
    void Photos(Notes& notes, const Node& root, Innovation& innovation);
    void Finish(const fs::path& file, const JsonSource& source, const Notes& notes);

    std::string Relative(const fs::path& file) const {
        return file.lexically_relative(m_root).generic_string();
    }

    const fs::path m_root;
    const LoadOptions& m_options;
    LoadedPack& m_pack;
    bool m_know_offices = false;      // fair.json was read, so references can be checked
    std::set<std::string> m_left_out; // office and category ids left out, for clearer messages
    std::map<std::string, std::string> m_innovation_files; // id -> the first file that has it
    std::map<std::string, std::string> m_duplicates;       // an id claimed twice -> its first file
    std::vector<std::pair<std::string, std::string>> m_duplicate_files; // (id, a later file claiming it)
};

// Turns one file's notes into problems with line numbers, in line order.
void PackReader::Finish(const fs::path& file, const JsonSource& source, const Notes& notes) {
    if (!source.Ok()) {
        PackProblem problem{file.string(), 0, 0, Severity::Error, source.error};
        if (source.error_offset != std::string::npos) {
            const TextPosition position = PositionAt(source.text, source.error_offset);
            problem.line = position.line, problem.column = position.column;
        }
        m_pack.Add(std::move(problem));
        return;
    }
    m_pack.errors_not_listed += notes.ErrorsNotKept();
    m_pack.warnings_not_listed += notes.WarningsNotKept();
    if (notes.All().empty()) return;
    const ValueLocator locator(source.text);
    std::vector<PackProblem> problems;
    for (const Note& note : notes.All())
        problems.push_back({file.string(), locator.LineOf(note.pointer), 0, note.severity, note.message});
    std::stable_sort(problems.begin(), problems.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    for (PackProblem& problem : problems)
        m_pack.Add(std::move(problem));
}

void PackReader::ReadFair() {
    const fs::path file = m_root / "fair.json";
    const JsonSource source = ReadJsonSource(file);
    Notes notes;
    if (source.Ok()) {
        const Node root{source.value, nullptr, {}, 0, false};
        if (!root.value.is_object())
            notes.Error(root, "fair.json must hold one JSON object {...}");
        else {
            m_know_offices = true;
            CheckKeys(notes, root, kFairFileKeys);
            Format(notes, root);
            if (std::optional<Fair> fair = FairBlock(notes, root))
                m_pack.content.fair = std::move(*fair), m_pack.fair_ok = true;
            Offices(notes, root);
            Categories(notes, root);
        }
    }
    Finish(file, source, notes);
}

// rubric.json is optional: without it, or when none of it can be used, judges score with the
// default rubric, and `kiosk check` says so.
void PackReader::ReadRubric() {
    const fs::path file = m_root / "rubric.json";
    m_pack.content.rubric = DefaultRubric();
    if (std::error_code error; !fs::exists(file, error)) return;
    const JsonSource source = ReadJsonSource(file);
    Notes notes;
    if (source.Ok()) {
        Rubric rubric = RubricOf(notes, Node{source.value, nullptr, {}, 0, false});
        if (!rubric.criteria.empty()) m_pack.content.rubric = std::move(rubric);
    }
    // A file half saved, or with a criterion left out, is not the rubric the organiser meant: the
    // content watch keeps the rubric the judges have rather than take this one (content/rubric_change.h).
    m_pack.rubric_file = source.Ok() && notes.Errors() == 0 ? RubricFile::Read : RubricFile::Unreadable;
    Finish(file, source, notes);
    if (!source.Ok())
        m_pack.Add(
            {file.string(), 0, 0, Severity::Error, "the default rubric is used until this file is fixed"});
}

void PackReader::Offices(Notes& notes, const Node& root) {
    std::optional<Node> list = List(notes, root, "offices", Need::Required);
    for (size_t i = 0; list && i < list->value.size(); ++i) {
        const Node item = list->Item(i);
        if (!IsObjectItem(notes, item, Need::Required, "an office")) continue;
        CheckKeys(notes, item, kOfficeKeys);
        const size_t errors = notes.Errors();
        Office office{Id(notes, item).value_or(""), Text(notes, item, "name", Need::Required),
                      Text(notes, item, "short_name", Need::Extra)};
        if (!office.id.empty() && m_pack.content.FindOffice(office.id))
            notes.Error(At(item, "id"), "duplicate office id " + Shown(office.id) + ": the first is kept");
        else if (notes.Errors() > errors)
            m_left_out.insert("office " + office.id);
        else
            m_pack.content.offices.push_back(std::move(office));
    }
}

void PackReader::Categories(Notes& notes, const Node& root) {
    std::optional<Node> list = List(notes, root, "categories", Need::Required);
    for (size_t i = 0; list && i < list->value.size(); ++i) {
        const Node item = list->Item(i);
        if (!IsObjectItem(notes, item, Need::Required, "a category")) continue;
        CheckKeys(notes, item, kCategoryKeys);
        const size_t errors = notes.Errors();
        Category category{Id(notes, item).value_or(""), Text(notes, item, "name", Need::Required),
                          Text(notes, item, "description", Need::Extra)};
        if (!category.id.empty() && m_pack.content.FindCategory(category.id))
            notes.Error(At(item, "id"),
                        "duplicate category id " + Shown(category.id) + ": the first is kept");
        else if (notes.Errors() > errors)
            m_left_out.insert("category " + category.id);
        else
            m_pack.content.categories.push_back(std::move(category));
    }
}

void PackReader::ReadInnovations() {
    const fs::path folder = m_root / "innovations";
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
        if (it->path().extension() == ".json") files.push_back(it->path());
    if (error) {
        m_pack.Add({folder.string(), 0, 0, Severity::Error, "cannot list the folder: " + error.message()});
        return;
    }
    if (files.empty())
        m_pack.Add({folder.string(), 0, 0, Severity::Warning, "no innovations (*.json files) in the folder"});
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        try {
            ReadInnovation(file);
        } catch (const std::exception& e) { // a bug here must not stop the kiosk: leave the file out
            m_pack.Add({file.string(), 0, 0, Severity::Error, std::string("cannot be read: ") + e.what()});
        }
    }
}

void PackReader::ReadInnovation(const fs::path& file) {
    const JsonSource source = ReadJsonSource(file);
    Notes notes;
    if (source.Ok()) {
        const Node root{source.value, nullptr, {}, 0, false};
        std::optional<Innovation> innovation = InnovationOf(notes, root);
        if (innovation && !innovation->id.empty()) {
            // Every file that claims an id counts, broken or not: a second file must never take
            // over an entry (its scores would sit under the other's content), so both are refused.
            if (auto [first, added] = m_innovation_files.emplace(innovation->id, Relative(file)); !added) {
                m_duplicates.emplace(innovation->id, first->second);
                m_duplicate_files.emplace_back(innovation->id, Relative(file));
            }
        }
        if (innovation && notes.Errors() == 0) m_pack.content.innovations.push_back(std::move(*innovation));
    }
    Finish(file, source, notes);
}

// The first file of each duplicated id: its innovation is taken out again, and told why.
void PackReader::RefuseDuplicates() {
    for (const auto& [id, first_file] : m_duplicates) {
        std::erase_if(m_pack.content.innovations, [&](const Innovation& i) { return i.id == id; });
        const fs::path file = m_root / first_file;
        const JsonSource source = ReadJsonSource(file);
        const int line = source.Ok() ? ValueLocator(source.text).LineOf("/id") : 0;
        std::string others;
        for (const auto& [dup_id, dup_file] : m_duplicate_files)
            if (dup_id == id) others += (others.empty() ? "" : ", ") + dup_file;
        m_pack.Add({file.string(), line, 0, Severity::Error,
                    "duplicate id " + Shown(id) + ": " + others +
                        " also has it: neither is shown or judged until one of them is given another id"});
    }
}

std::optional<Innovation> PackReader::InnovationOf(Notes& notes, const Node& root) {
    if (!root.value.is_object())
        return notes.Error(root, "an innovation file must hold one JSON object {...}"), std::nullopt;
    CheckKeys(notes, root, kInnovationKeys);
    Innovation innovation;
    innovation.id = Id(notes, root).value_or("");
    innovation.office_id = String(notes, root, "office", Need::Required).value_or("");
    innovation.category_id = String(notes, root, "category", Need::Required).value_or("");
    innovation.title = Text(notes, root, "title", Need::Required);
    innovation.summary = Text(notes, root, "summary", Need::Required);
    innovation.problem = Text(notes, root, "problem", Need::Optional);
    innovation.solution = Text(notes, root, "solution", Need::Optional);
    StatusOf(notes, root, innovation);
    LinkOf(notes, root, innovation);
    Photos(notes, root, innovation);
    innovation.tcv = TcvOf(notes, root);
    ProcessOf(notes, root, innovation);
    innovation.bank = BankOf(notes, root);
    References(notes, root, innovation);
    if (auto first = m_innovation_files.find(innovation.id);
        !innovation.id.empty() && first != m_innovation_files.end())
        notes.Error(At(root, "id"), "duplicate id " + Shown(innovation.id) + ": " + first->second +
                                        " already has it: neither is shown or judged until one of them "
                                        "is given another id");
    return innovation;
}

// The office and category an innovation names must be in fair.json.
void PackReader::References(Notes& notes, const Node& root, const Innovation& innovation) {
    if (!m_know_offices) return;
    auto check = [&](const char* key, const std::string& id, const auto& items) {
        if (id.empty() ||
            std::any_of(items.begin(), items.end(), [&](const auto& item) { return item.id == id; }))
            return;
        std::vector<std::string_view> ids;
        for (const auto& item : items)
            ids.push_back(item.id);
        const std::string what = std::string(key) + " " + Shown(id);
        notes.Error(At(root, key), m_left_out.count(std::string(key) + " " + id)
                                       ? what + " is left out: see the problems in fair.json"
                                       : "unknown " + what + Suggest(id, ids) + ": not in fair.json");
    };
    check("office", innovation.office_id, m_pack.content.offices);
    check("category", innovation.category_id, m_pack.content.categories);
}

// Whether `file`, relative to the pack, stays inside it: not absolute, no "..", and no symbolic
// link on the way leading out. Links are followed by reading them, never by opening what they name,
// and a link leading out is refused whether or not its target exists.
bool InsidePack(const fs::path& root, const std::string& file) {
    const fs::path relative(file);
    if (file.empty() || relative.has_root_name() || relative.has_root_directory()) return false;
    for (const fs::path& part : relative)
        if (part == "..") return false;
    std::error_code error;
    const fs::path base = fs::canonical(root, error); // the pack folder itself may be a link
    if (error) return false;
    std::vector<fs::path> rest(relative.begin(), relative.end());
    std::reverse(rest.begin(), rest.end()); // a stack: the next part last
    fs::path at = base;
    for (int links = 0; !rest.empty();) {
        const fs::path part = rest.back();
        rest.pop_back();
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            if (at == base) return false;
            at = at.parent_path();
            continue;
        }
        const fs::path next = at / part;
        if (!fs::is_symlink(fs::symlink_status(next, error))) {
            at = next;
            continue;
        }
        if (++links > 40) return false; // a loop of links
        const fs::path target = fs::read_symlink(next, error);
        if (error || target.has_root_name() || target.has_root_directory()) {
            // An absolute link may still name a place inside the pack, written in full.
            const fs::path inside = target.lexically_normal().lexically_relative(base);
            if (error || inside.empty() || *inside.begin() == "..") return false;
            at = base;
            for (auto it = inside.end(); it != inside.begin();)
                rest.push_back(*--it);
            continue;
        }
        for (auto it = target.end(); it != target.begin();)
            rest.push_back(*--it);
    }
    return true;
}

// Photos are shown as placeholders when they cannot be read, so their problems are warnings.
// The kiosk only looks whether each file exists; `kiosk check` also decodes it as the kiosk will.
void PackReader::Photos(Notes& notes, const Node& root, Innovation& innovation) {
    std::optional<Node> list = List(notes, root, "photos", Need::Extra);
    for (size_t i = 0; list && i < list->value.size(); ++i) {
        const Node item = list->Item(i);
        if (!IsObjectItem(notes, item, Need::Extra, "a photo")) continue;
        CheckKeys(notes, item, kPhotoKeys);
        std::optional<std::string> file = String(notes, item, "file", Need::Extra);
        if (!file || file->empty()) {
            if (!file && !item.value.contains("file")) notes.Warn(item, "a photo without \"file\": ignored");
            continue;
        }
        const fs::path path = (m_root / *file).lexically_normal();
        if (!InsidePack(m_root, *file)) {
            // Said before anything is looked up outside, and the same whether a file is there or not:
            // `kiosk check` must not tell what exists elsewhere on the machine.
            notes.Warn(At(item, "file"), "picture " + Shown(*file) +
                                             " is outside the pack folder (an absolute path, \"..\", or a "
                                             "link leading out): pictures must be inside the pack: ignored");
            continue;
        }
        std::optional<std::string> why;
        if (m_options.decode_pictures) {
            if (std::string error = DecodePicture(path.string()).error; !error.empty())
                why = std::move(error);
        } else if (std::error_code error; !fs::exists(path, error)) {
            why = "is not found";
        }
        if (why)
            notes.Warn(At(item, "file"), "picture " + Shown(*file) + " " + *why + ": shown as a placeholder");
        innovation.photos.push_back({path.string(), Text(notes, item, "caption", Need::Extra)});
    }
}

// Visitors browse by category, then office: keep that order everywhere.
void SortForBrowsing(FairContent& content) {
    auto position = [](const auto& items, const std::string& id) {
        return std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; }) -
               items.begin();
    };
    auto rank = [&](const Innovation& i) {
        return std::make_tuple(position(content.categories, i.category_id),
                               position(content.offices, i.office_id), i.id);
    };
    std::stable_sort(content.innovations.begin(), content.innovations.end(),
                     [&](const Innovation& a, const Innovation& b) { return rank(a) < rank(b); });
}

} // namespace

LoadedPack LoadPack(const std::string& folder, const LoadOptions& options) {
    LoadedPack pack;
    const fs::path root = fs::absolute(folder).lexically_normal();
    pack.content.folder = root.string();
    PackReader reader(root, options, pack);
    reader.ReadFair();
    reader.ReadRubric();
    reader.ReadInnovations(); // even without a fair, so that every problem is listed at once
    reader.RefuseDuplicates();
    if (!pack.fair_ok) {
        pack.content = FairContent{};
        pack.content.folder = root.string();
        pack.content.rubric = DefaultRubric();
    }
    SortForBrowsing(pack.content);
    return pack;
}

} // namespace content
