#include "scoring/paper_sheets.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace scoring {

namespace {

// Whole marks as typed: ASCII or Bengali digits (০-৯, three bytes each in UTF-8), nothing else.
std::optional<int> WholeMarks(const std::string& text) {
    std::string digits;
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t') {
            ++i;
        } else if (c >= '0' && c <= '9') {
            digits += text[i++];
        } else if (text.compare(i, 2, "\xe0\xa7") == 0 && i + 2 < text.size() &&
                   static_cast<unsigned char>(text[i + 2]) >= 0xa6 &&
                   static_cast<unsigned char>(text[i + 2]) <= 0xaf) {
            digits += static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0xa6));
            i += 3;
        } else {
            return std::nullopt;
        }
    }
    if (digits.empty() || digits.size() > 6) return std::nullopt;
    return std::stoi(digits);
}

// A batch being checked: the cards as they will be once every row so far is written.
struct Batch {
    Judging& judging;
    const content::FairContent& content;
    std::map<std::string, const Judge*> by_name;
    std::vector<Judge> judges;
    std::map<std::tuple<std::string, std::string, std::string>, int> first_line; // judge, entry, criterion
    std::map<std::pair<std::string, std::string>, std::map<std::string, int>> cards; // marks so far
    std::vector<Event> events;
    std::map<std::string, uint64_t> versions; // judge key -> the cards' version the batch was checked on

    Batch(Judging& j, const content::FairContent& c) : judging(j), content(c), judges(j.Registry().List()) {
        for (const Judge& judge : judges)
            by_name[judge.name] = &judge;
    }

    // The card's marks as stored, then as this batch changes them.
    std::map<std::string, int>& Card(const Judge& judge, const std::string& entry) {
        const auto key = std::make_pair(judge.key, entry);
        if (auto found = cards.find(key); found != cards.end()) return found->second;
        const StoredCard* stored = judging.Log().Book().Find(judge.key, entry);
        return cards[key] = stored ? stored->marks : std::map<std::string, int>{};
    }

    // The row as a score event, or why not.
    std::optional<Refused> Check(const PaperMark& row, Event& event) {
        const auto judge = by_name.find(row.judge_name);
        if (judge == by_name.end()) return Refused(Refusal::NoSuchJudge, {row.judge_name});
        const Judge& who = *judge->second;
        versions.emplace(who.key, judging.Log().Book().VersionOf(who.key));
        const content::Innovation* entry = content.FindInnovation(row.entry);
        if (!entry) return Refused(Refusal::NoSuchEntry, {row.entry});
        if (std::find(who.categories.begin(), who.categories.end(), entry->category_id) ==
            who.categories.end())
            return Refused(Refusal::NotAssigned, {row.entry, who.name});
        if (entry->office_id == who.office) return Refused(Refusal::RecusedOwnOffice, {row.entry, who.name});
        const content::Criterion* criterion = content.rubric.Find(row.criterion);
        if (!criterion) return Refused(Refusal::NoSuchCriterion, {row.criterion});
        const std::optional<int> marks = WholeMarks(row.marks);
        if (!marks || *marks > criterion->max_marks)
            return Refused(Refusal::MarksOutOfRange, {criterion->name.Get(content::Lang::English),
                                                      std::to_string(criterion->max_marks), row.marks});
        if (const StoredCard* stored = judging.Log().Book().Find(who.key, row.entry)) {
            if (stored->submitted) return Refused(Refusal::CardSubmitted, {who.name, row.entry});
            if (stored->conflict)
                return Refused(Refusal::CardConflicted, {who.name, row.entry, *stored->conflict});
        }
        const auto [first, added] =
            first_line.emplace(std::make_tuple(who.key, row.entry, row.criterion), row.line);
        if (!added)
            return Refused(Refusal::PaperRowRepeated,
                           {row.criterion, row.entry, who.name, std::to_string(first->second)});
        std::map<std::string, int>& card = Card(who, row.entry);
        event =
            Event{.judge = who.key, .entry = row.entry, .kind = EventKind::Score, .criterion = row.criterion};
        event.value = *marks;
        if (auto before = card.find(row.criterion); before != card.end()) event.previous = before->second;
        event.from_paper = true;
        card[row.criterion] = *marks;
        return std::nullopt;
    }

    // A submit for every card of the batch that now has every criterion, as a signed sheet is.
    std::vector<std::pair<std::string, std::string>> SubmitComplete() {
        std::vector<std::pair<std::string, std::string>> submitted;
        for (const auto& [key, marks] : cards) {
            const bool complete =
                std::all_of(content.rubric.criteria.begin(), content.rubric.criteria.end(),
                            [&](const content::Criterion& c) { return marks.count(c.id) > 0; });
            if (!complete) continue;
            events.push_back(Event{.judge = key.first, .entry = key.second, .kind = EventKind::Submit});
            events.back().from_paper = true;
            for (const Judge& judge : judges)
                if (judge.key == key.first) submitted.emplace_back(judge.name, key.second);
        }
        return submitted;
    }
};

} // namespace

PaperImport ImportPaperMarks(Judging& judging, const content::FairContent& content,
                             const std::vector<PaperMark>& rows) {
    judging.Refresh();
    Batch batch(judging, content);
    PaperImport result;
    for (const PaperMark& row : rows) {
        Event event;
        if (std::optional<Refused> refused = batch.Check(row, event))
            result.problems.push_back({row.line, std::move(*refused)});
        else
            batch.events.push_back(std::move(event));
    }
    if (!result.problems.empty() || batch.events.empty()) return result;
    result.marks = static_cast<int>(batch.events.size());
    result.submitted = batch.SubmitComplete();
    judging.Log().Record(std::move(batch.events), [&](const CardBook& book) {
        for (const auto& [key, version] : batch.versions)
            if (book.VersionOf(key) != version)
                for (const Judge& judge : batch.judges)
                    if (judge.key == key) throw Refused(Refusal::ChangedMeanwhile, {judge.name});
    });
    return result;
}

} // namespace scoring
