#include "content/pack_loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace content {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A field is missing or of the wrong kind; the message names the field.
struct FieldError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

json ReadJson(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FieldError("cannot open the file");
    try {
        return json::parse(in);
    } catch (const json::parse_error& e) {
        throw FieldError(std::string("not valid JSON: ") + e.what());
    }
}

const json& Field(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key)) throw FieldError(std::string("missing \"") + key + "\"");
    return object.at(key);
}

std::string String(const json& object, const char* key) {
    const json& value = Field(object, key);
    if (!value.is_string()) throw FieldError(std::string("\"") + key + "\" must be a string");
    return value.get<std::string>();
}

std::string OptionalString(const json& object, const char* key) {
    return object.contains(key) ? String(object, key) : std::string();
}

LocalText Text(const json& object, const char* key) {
    const json& value = Field(object, key);
    if (!value.is_object()) throw FieldError(std::string("\"") + key + "\" must be {\"bn\": ..., \"en\": ...}");
    LocalText text{OptionalString(value, "bn"), OptionalString(value, "en")};
    if (text.Empty()) throw FieldError(std::string("\"") + key + "\" has neither \"bn\" nor \"en\"");
    return text;
}

LocalText OptionalText(const json& object, const char* key) {
    return object.contains(key) ? Text(object, key) : LocalText{};
}

Date ParseDate(const std::string& text) {
    Date date;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &date.year, &date.month, &date.day, &tail) != 3 ||
        date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31)
        throw FieldError("date \"" + text + "\" is not YYYY-MM-DD");
    return date;
}

Fair ParseFair(const json& root) {
    const json& f = Field(root, "fair");
    Fair fair;
    fair.id = String(f, "id");
    fair.name = Text(f, "name");
    fair.venue = OptionalText(f, "venue");
    fair.ministry = OptionalText(f, "ministry");
    const json& dates = Field(f, "dates");
    if (!dates.is_array() || dates.empty() || dates.size() > 2 || !dates.front().is_string() ||
        !dates.back().is_string())
        throw FieldError("\"dates\" must list the first and last day, e.g. [\"2024-03-12\", \"2024-03-13\"]");
    fair.first_day = ParseDate(dates.front().get<std::string>());
    fair.last_day = ParseDate(dates.back().get<std::string>());
    return fair;
}

Measure ParseMeasure(const json& object, const char* default_unit) {
    Measure measure;
    const json& before = Field(object, "before");
    const json& after = Field(object, "after");
    if (!before.is_number() || !after.is_number()) throw FieldError("TCV \"before\" and \"after\" must be numbers");
    measure.before = before.get<double>();
    measure.after = after.get<double>();
    measure.unit = object.contains("unit") ? String(object, "unit") : default_unit;
    return measure;
}

Tcv ParseTcv(const json& object) {
    Tcv tcv;
    if (object.contains("time")) tcv.time = ParseMeasure(object.at("time"), "days");
    if (object.contains("cost")) tcv.cost = ParseMeasure(object.at("cost"), "taka");
    if (object.contains("visits")) tcv.visits = ParseMeasure(object.at("visits"), "visits");
    return tcv;
}

ProcessMap ParseProcess(const json& object) {
    ProcessMap map;
    const json& steps = Field(object, "steps");
    if (!steps.is_array()) throw FieldError("\"steps\" must be a list");
    for (const json& s : steps) {
        Step step;
        step.id = String(s, "id");
        const std::string kind = String(s, "kind");
        std::optional<StepKind> parsed = ParseStepKind(kind);
        if (!parsed) throw FieldError("step \"" + step.id + "\" has unknown kind \"" + kind + "\"");
        step.kind = *parsed;
        step.label = Text(s, "label");
        map.steps.push_back(std::move(step));
    }
    if (!object.contains("edges")) { // hand-written maps may leave edges out: each step leads to the next
        for (size_t i = 0; i + 1 < map.steps.size(); ++i) map.edges.push_back({map.steps[i].id, map.steps[i + 1].id});
        return map;
    }
    for (const json& e : Field(object, "edges")) {
        Edge edge{String(e, "from"), String(e, "to")};
        const std::string label = OptionalString(e, "label");
        if (label == "yes") edge.label = EdgeLabel::Yes;
        else if (label == "no") edge.label = EdgeLabel::No;
        else if (!label.empty()) throw FieldError("edge label \"" + label + "\" must be \"yes\" or \"no\"");
        if (map.IndexOf(edge.from) < 0 || map.IndexOf(edge.to) < 0)
            throw FieldError("edge " + edge.from + " -> " + edge.to + " names a step that does not exist");
        map.edges.push_back(std::move(edge));
    }
    return map;
}

Innovation ParseInnovation(const json& root, const fs::path& pack) {
    Innovation innovation;
    innovation.id = String(root, "id");
    innovation.office_id = String(root, "office");
    innovation.category_id = String(root, "category");
    innovation.title = Text(root, "title");
    innovation.summary = Text(root, "summary");
    innovation.problem = OptionalText(root, "problem");
    innovation.solution = OptionalText(root, "solution");
    innovation.service_link = OptionalString(root, "service_link");
    if (root.contains("status")) {
        const std::string status = String(root, "status");
        std::optional<ServiceStatus> parsed = ParseServiceStatus(status);
        if (!parsed) throw FieldError("unknown status \"" + status + "\"");
        innovation.status = *parsed;
    }
    if (root.contains("photos"))
        for (const json& p : root.at("photos"))
            innovation.photos.push_back({(pack / String(p, "file")).lexically_normal().string(), OptionalText(p, "caption")});
    if (root.contains("tcv")) innovation.tcv = ParseTcv(root.at("tcv"));
    if (root.contains("process")) {
        const json& process = root.at("process");
        if (process.contains("before")) innovation.process_before = ParseProcess(process.at("before"));
        if (process.contains("after")) innovation.process_after = ParseProcess(process.at("after"));
    }
    return innovation;
}

} // namespace

LoadedPack LoadPack(const std::string& folder) {
    LoadedPack pack;
    FairContent& content = pack.content;
    const fs::path root = fs::absolute(folder).lexically_normal();
    content.folder = root.string();

    const fs::path fair_file = root / "fair.json";
    try {
        const json fair = ReadJson(fair_file);
        content.fair = ParseFair(fair);
        for (const json& o : Field(fair, "offices"))
            content.offices.push_back({String(o, "id"), Text(o, "name"), OptionalText(o, "short_name")});
        for (const json& c : Field(fair, "categories"))
            content.categories.push_back({String(c, "id"), Text(c, "name"), OptionalText(c, "description")});
    } catch (const std::exception& e) {
        throw PackError(fair_file.string() + ": " + e.what());
    }

    std::vector<fs::path> files;
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(root / "innovations", error))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (error) pack.problems.push_back({(root / "innovations").string(), "cannot list the folder: " + error.message()});
    std::sort(files.begin(), files.end());

    for (const fs::path& file : files) {
        try {
            Innovation innovation = ParseInnovation(ReadJson(file), root);
            if (!content.FindOffice(innovation.office_id))
                throw FieldError("unknown office \"" + innovation.office_id + "\"");
            if (!content.FindCategory(innovation.category_id))
                throw FieldError("unknown category \"" + innovation.category_id + "\"");
            if (content.FindInnovation(innovation.id)) throw FieldError("duplicate id \"" + innovation.id + "\"");
            content.innovations.push_back(std::move(innovation));
        } catch (const std::exception& e) {
            pack.problems.push_back({file.string(), e.what()});
        }
    }

    // Visitors browse by category, then office: keep that order everywhere.
    auto rank = [&](const Innovation& i) {
        auto position = [](const auto& items, const std::string& id) {
            return std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; }) -
                   items.begin();
        };
        return std::make_tuple(position(content.categories, i.category_id), position(content.offices, i.office_id),
                               i.id);
    };
    std::stable_sort(content.innovations.begin(), content.innovations.end(),
                     [&](const Innovation& a, const Innovation& b) { return rank(a) < rank(b); });
    return pack;
}

} // namespace content
