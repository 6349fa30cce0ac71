// A changed rubric while the kiosk runs (see rubric_change.h).
#include "content/rubric_change.h"

namespace content {

bool RubricChange::Empty() const {
    return added.empty() && removed.empty() && max_changed.empty() && weight_changed.empty() &&
           reworded.empty() && !order_changed;
}

std::string RubricChange::Describe() const {
    std::string text;
    const auto part = [&text](const std::string& piece) { text += (text.empty() ? "" : "; ") + piece; };
    const auto list = [](const std::vector<std::string>& ids) {
        std::string joined;
        for (const std::string& id : ids)
            joined += (joined.empty() ? "\"" : ", \"") + id + "\"";
        return joined;
    };
    if (!added.empty()) part("added " + list(added));
    if (!removed.empty()) part("removed " + list(removed));
    for (const Max& max : max_changed)
        part("max of \"" + max.id + "\" " + std::to_string(max.before) + " -> " + std::to_string(max.after));
    if (!weight_changed.empty()) part("weight changed for " + list(weight_changed));
    if (!reworded.empty()) part("reworded " + list(reworded));
    if (order_changed) part("criteria in another order");
    return text.empty() ? "no change" : text;
}

RubricChange CompareRubrics(const Rubric& before, const Rubric& after) {
    RubricChange change;
    std::vector<std::string> kept_before, kept_after;
    for (const Criterion& old : before.criteria) {
        const Criterion* now = after.Find(old.id);
        if (!now) {
            change.removed.push_back(old.id);
            continue;
        }
        kept_before.push_back(old.id);
        if (now->max_marks != old.max_marks)
            change.max_changed.push_back({old.id, old.max_marks, now->max_marks});
        if (now->weight != old.weight) change.weight_changed.push_back(old.id);
        if (now->max_marks == old.max_marks && now->weight == old.weight &&
            (now->name != old.name || now->guidance != old.guidance))
            change.reworded.push_back(old.id);
    }
    for (const Criterion& now : after.criteria) {
        if (!before.Find(now.id))
            change.added.push_back(now.id);
        else
            kept_after.push_back(now.id);
    }
    change.order_changed = kept_before != kept_after;
    return change;
}

RubricUpdate DecideRubric(const Rubric& current, const LoadedPack& next, bool scores_exist) {
    if (next.rubric_file == RubricFile::Unreadable) return RubricUpdate::KeepUnreadable;
    if (next.rubric_file == RubricFile::Absent && current.from_pack && scores_exist)
        return RubricUpdate::KeepMissing;
    if (CompareRubrics(current, next.content.rubric).Empty()) return RubricUpdate::Same;
    return scores_exist ? RubricUpdate::Hold : RubricUpdate::Take;
}

} // namespace content
