#include "content/model.h"

#include <algorithm>

namespace content {

std::optional<double> Measure::ReductionPercent() const {
    if (before <= 0) return std::nullopt;
    return (before - after) / before * 100.0;
}

int ProcessMap::IndexOf(const std::string& step_id) const {
    for (size_t i = 0; i < steps.size(); ++i)
        if (steps[i].id == step_id) return static_cast<int>(i);
    return -1;
}

template <class T> static const T* FindById(const std::vector<T>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

const Criterion* Rubric::Find(const std::string& id) const {
    return FindById(criteria, id);
}
const Office* FairContent::FindOffice(const std::string& id) const {
    return FindById(offices, id);
}
const Category* FairContent::FindCategory(const std::string& id) const {
    return FindById(categories, id);
}
const Innovation* FairContent::FindInnovation(const std::string& id) const {
    return FindById(innovations, id);
}

std::vector<const Innovation*> FairContent::ByOffice(const std::string& office_id) const {
    std::vector<const Innovation*> found;
    for (const Innovation& innovation : innovations)
        if (innovation.office_id == office_id) found.push_back(&innovation);
    return found;
}

std::vector<const Innovation*> FairContent::ByCategory(const std::string& category_id) const {
    std::vector<const Innovation*> found;
    for (const Innovation& innovation : innovations)
        if (innovation.category_id == category_id) found.push_back(&innovation);
    return found;
}

static constexpr std::pair<StepKind, const char*> kStepKinds[] = {
    {StepKind::Start, "start"},       {StepKind::Activity, "activity"}, {StepKind::Decision, "decision"},
    {StepKind::Document, "document"}, {StepKind::Wait, "wait"},         {StepKind::End, "end"},
};
static constexpr std::pair<ServiceStatus, const char*> kStatuses[] = {
    {ServiceStatus::Running, "running"},
    {ServiceStatus::Pilot, "pilot"},
    {ServiceStatus::Planned, "planned"},
    {ServiceStatus::Stopped, "stopped"},
};

template <class E, size_t N> static const char* NameOf(const std::pair<E, const char*> (&table)[N], E value) {
    for (const auto& [e, name] : table)
        if (e == value) return name;
    return "?";
}

template <class E, size_t N>
static std::optional<E> ValueOf(const std::pair<E, const char*> (&table)[N], const std::string& text) {
    for (const auto& [e, name] : table)
        if (text == name) return e;
    return std::nullopt;
}

const char* ToString(StepKind kind) {
    return NameOf(kStepKinds, kind);
}
const char* ToString(ServiceStatus status) {
    return NameOf(kStatuses, status);
}
std::optional<StepKind> ParseStepKind(const std::string& text) {
    return ValueOf(kStepKinds, text);
}
std::optional<ServiceStatus> ParseServiceStatus(const std::string& text) {
    return ValueOf(kStatuses, text);
}

} // namespace content
