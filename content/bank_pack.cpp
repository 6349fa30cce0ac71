// [SECTION] A draft as a bank row
// [SECTION] Applying a row to a draft
// [SECTION] Import
// [SECTION] Export
#include "content/bank_pack.h"

#include "content/pack_loader.h"
#include "content/pack_writer.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <ctime>
#include <map>
#include <optional>

namespace content {

bool BankImportReport::HasErrors() const {
    return std::any_of(problems.begin(), problems.end(), [](const BankProblem& p) { return p.error; });
}

std::string BankInnovationId(std::string_view name) {
    // FNV-1a: tiny, and the same on every machine, unlike std::hash.
    std::uint64_t hash = 14695981039346656037ull;
    for (char c : MatchKey(name)) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    static const char* const kHex = "0123456789abcdef";
    std::string id = "bank-";
    for (int shift = 28; shift >= 0; shift -= 4)
        id += kHex[(hash >> shift) & 15u];
    return id;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] A draft as a bank row
// ---------------------------------------------------------------------------------------------

namespace {

// The language a row speaks for an innovation: Bengali, unless the innovation has only an English title.
bool UsesEnglish(const InnovationDraft& draft) {
    return draft.title.bn.empty() && !draft.title.en.empty();
}

const std::string& InLanguage(const LocalText& text, bool english) {
    const std::string& first = english ? text.en : text.bn;
    return first.empty() ? (english ? text.bn : text.en) : first;
}

// The bank's own answer is written back unless the status has since changed to the opposite.
std::string RunningCell(const InnovationDraft& draft) {
    if (draft.bank.running) {
        const std::optional<ServiceStatus> said = ParseRunningAnswer(*draft.bank.running);
        if (!said || IsRunningForBank(*said) == IsRunningForBank(draft.status)) return *draft.bank.running;
    }
    return DefaultRunningAnswer(draft.status);
}

BankRow RowOf(const InnovationDraft& draft) {
    const bool english = UsesEnglish(draft);
    BankRow row;
    row.name = InLanguage(draft.title, english);
    row.description = draft.bank.description ? *draft.bank.description : InLanguage(draft.summary, english);
    row.running = RunningCell(draft);
    row.reason_not_running = draft.bank.record.reason_not_running;
    row.expected_result = draft.bank.record.expected_result;
    row.service_link = draft.service_link;
    row.comments = draft.bank.record.comments;
    return row;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Applying a row to a draft
// ---------------------------------------------------------------------------------------------

template <class T> void Set(T& field, const T& value, bool& changed) {
    if (field == value) return;
    field = value;
    changed = true;
}

bool IsBlankText(const std::string& text) {
    return MatchKey(text).empty();
}

// Puts what a row says into a draft, touching only the columns the table has. Empty descriptions and
// links never erase the pack's own: a bank is often less complete than the fair's content.
class RowApplier {
  public:
    RowApplier(const BankTable& table, const std::string& file, std::vector<BankProblem>& problems)
        : table_(table), file_(file), problems_(problems) {}

    // Returns whether the draft changed.
    bool Apply(InnovationDraft& draft, const BankRow& row, bool english) {
        const BankRow before = RowOf(draft);
        bool changed = false;
        if (table_.Has(BankColumn::Description)) ApplyDescription(draft, row, before, english, changed);
        if (table_.Has(BankColumn::Running)) ApplyRunning(draft, row, before, changed);
        BankRecord& record = draft.bank.record;
        if (table_.Has(BankColumn::ReasonNotRunning))
            Set(record.reason_not_running, row.reason_not_running, changed);
        if (table_.Has(BankColumn::ExpectedResult)) Set(record.expected_result, row.expected_result, changed);
        if (table_.Has(BankColumn::Comments)) Set(record.comments, row.comments, changed);
        if (table_.Has(BankColumn::ServiceLink) && !IsBlankText(row.service_link))
            Set(draft.service_link, row.service_link, changed);
        Set(draft.bank.row, std::optional<int>(row.position), changed);
        return changed;
    }

  private:
    void ApplyDescription(InnovationDraft& draft, const BankRow& row, const BankRow& before, bool english,
                          bool& changed) {
        if (row.description == before.description) return;
        if (IsBlankText(row.description)) { // keep the kiosk's summary, remember the bank's cell
            Set(draft.bank.description, std::optional<std::string>(row.description), changed);
            return;
        }
        Set(english ? draft.summary.en : draft.summary.bn, row.description, changed);
        Set(draft.bank.description, std::optional<std::string>(), changed);
    }

    void ApplyRunning(InnovationDraft& draft, const BankRow& row, const BankRow& before, bool& changed) {
        if (row.running == before.running) return;
        const std::optional<ServiceStatus> said = ParseRunningAnswer(row.running);
        if (said && IsRunningForBank(*said) != IsRunningForBank(draft.status))
            Set(draft.status, *said, changed);
        if (!said && !IsBlankText(row.running))
            problems_.push_back({file_, row.line,
                                 "\"" + row.running + "\" is not an answer the import knows for \"" +
                                     BankHeader(BankColumn::Running) +
                                     "\" (হ্যাঁ/না, চালু/বন্ধ, yes/no): it is kept as written and the status is "
                                     "left as it is",
                                 false});
        const bool is_default = row.running == DefaultRunningAnswer(draft.status);
        Set(draft.bank.running, is_default ? std::optional<std::string>() : row.running, changed);
    }

    const BankTable& table_;
    const std::string& file_;
    std::vector<BankProblem>& problems_;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Import
// ---------------------------------------------------------------------------------------------

const LocalText kBankName{"ইনোভেশন ব্যাংক", "Innovation bank"};

Date Today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// What a folder with no fair.json gets: enough for the kiosk to open it; the organiser names the fair.
Fair MinimalFair() {
    Fair fair;
    fair.id = "innovation-bank";
    fair.name = kBankName;
    fair.first_day = fair.last_day = Today();
    return fair;
}

// The bank's rows come from the whole ministry and its agencies, and the table names no office: they
// are shown under the ministry, in a category of their own.
Office DefaultOffice(const PackEditor& editor) {
    const LocalText ministry = editor.Ministry();
    return {kBankOfficeId, ministry.Empty() ? kBankName : ministry, {}};
}

Category DefaultCategory() {
    // The minutes' own words for what the bank holds (shared/seeds/000_*.txt, item ০৩).
    return {kBankCategoryId,
            kBankName,
            {"ইতঃপূর্বে বাস্তবায়িত উদ্ভাবনী ধারণা, সহজিকৃত ও ডিজিটাইজকৃত সেবা",
             "Innovations, simplified and digitised services implemented earlier"}};
}

std::string Joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text.empty() ? "none yet" : text;
}

// Checks the organiser's --office and --category before anything is written.
bool CheckChosenIds(const PackEditor& editor, const BankImportOptions& options,
                    std::vector<BankProblem>& problems) {
    bool ok = true;
    const std::string fair = editor.Folder() + "/fair.json";
    if (!options.office_id.empty() && !editor.HasOffice(options.office_id)) {
        problems.push_back(
            {fair, 0,
             "no office \"" + options.office_id + "\"; the pack's offices: " + Joined(editor.OfficeIds()) +
                 " (leave --office out to use \"" + kBankOfficeId + "\", created when missing)"});
        ok = false;
    }
    if (!options.category_id.empty() && !editor.HasCategory(options.category_id)) {
        problems.push_back({fair, 0,
                            "no category \"" + options.category_id + "\"; the pack's categories: " +
                                Joined(editor.CategoryIds()) + " (leave --category out to use \"" +
                                kBankCategoryId + "\", created when missing)"});
        ok = false;
    }
    return ok;
}

class Importer {
  public:
    Importer(const BankTable& table, PackEditor& editor, const BankImportOptions& options,
             BankImportReport& report)
        : editor_(editor), options_(options), report_(report), file_(table.file),
          applier_(table, file_, report.problems) {
        IndexTitles();
    }

    void Import(const BankRow& row);

  private:
    void IndexTitles() {
        const std::vector<InnovationEntry>& entries = editor_.Innovations();
        for (size_t i = 0; i < entries.size(); ++i) {
            if (!entries[i].draft.title.bn.empty())
                by_bengali_[MatchKey(entries[i].draft.title.bn)].push_back(i);
            if (!entries[i].draft.title.en.empty())
                by_english_[MatchKey(entries[i].draft.title.en)].push_back(i);
        }
    }
    struct Match {
        std::vector<size_t> indexes; // into editor_.Innovations(); empty: a new innovation
        bool english = false;        // matched by the English title: the row's texts are English
    };
    Match FindMatch(const std::string& key, const std::string& name) const;
    void Update(size_t index, const BankRow& row, bool english);
    void Create(const BankRow& row);
    std::string NewId(const std::string& name) const;
    std::string OfficeForNew();
    std::string CategoryForNew();

    PackEditor& editor_;
    const BankImportOptions& options_;
    BankImportReport& report_;
    std::string file_;
    RowApplier applier_;
    std::map<std::string, std::vector<size_t>> by_bengali_, by_english_;
    std::map<std::string, int> seen_names_; // match key -> line
    std::map<size_t, int> touched_;         // innovation index -> the line that updated it
};

// The innovations a row names: by Bengali title, else by English title, else the one an earlier import
// made from this name (its title may have been edited in the pack since).
Importer::Match Importer::FindMatch(const std::string& key, const std::string& name) const {
    if (const auto bn = by_bengali_.find(key); bn != by_bengali_.end()) return {bn->second, false};
    if (const auto en = by_english_.find(key); en != by_english_.end()) return {en->second, true};
    const std::vector<InnovationEntry>& entries = editor_.Innovations();
    const std::string id = BankInnovationId(name);
    for (size_t i = 0; i < entries.size(); ++i)
        if (entries[i].draft.id == id) return {{i}, UsesEnglish(entries[i].draft)};
    return {};
}

void Importer::Import(const BankRow& row) {
    const std::string key = MatchKey(row.name);
    if (const auto seen = seen_names_.find(key); seen != seen_names_.end()) {
        report_.problems.push_back({file_, row.line,
                                    "the name \"" + row.name + "\" is already on line " +
                                        std::to_string(seen->second) + "; this row is left out"});
        return;
    }
    seen_names_[key] = row.line;
    const Match match = FindMatch(key, row.name);
    if (match.indexes.empty()) return Create(row);
    const size_t index = match.indexes.front();
    const InnovationEntry& first = editor_.Innovations()[index];
    if (match.indexes.size() > 1) {
        std::vector<std::string> files;
        for (size_t other : match.indexes)
            files.push_back(editor_.Innovations()[other].file);
        report_.problems.push_back({file_, row.line,
                                    "the name matches " + std::to_string(files.size()) + " innovations (" +
                                        Joined(files) + "); only " + first.file + " is updated",
                                    false});
    }
    if (const auto done = touched_.find(index); done != touched_.end()) {
        report_.problems.push_back({file_, row.line,
                                    "this row names the same innovation (" + first.file + ") as line " +
                                        std::to_string(done->second) + "; it is left out"});
        return;
    }
    touched_[index] = row.line;
    Update(index, row, match.english);
}

void Importer::Update(size_t index, const BankRow& row, bool english) {
    InnovationEntry& entry = editor_.Innovations()[index];
    if (applier_.Apply(entry.draft, row, english))
        report_.updated.push_back(entry.file);
    else
        ++report_.unchanged;
}

std::string Importer::NewId(const std::string& name) const {
    const std::string base = BankInnovationId(name);
    std::string id = base;
    for (int n = 2; editor_.IdInUse(id); ++n)
        id = base + "-" + std::to_string(n);
    return id;
}

std::string Importer::OfficeForNew() {
    if (!options_.office_id.empty()) return options_.office_id;
    if (!editor_.HasOffice(kBankOfficeId)) editor_.AddOffice(DefaultOffice(editor_));
    return kBankOfficeId;
}

std::string Importer::CategoryForNew() {
    if (!options_.category_id.empty()) return options_.category_id;
    if (!editor_.HasCategory(kBankCategoryId)) editor_.AddCategory(DefaultCategory());
    return kBankCategoryId;
}

void Importer::Create(const BankRow& row) {
    InnovationDraft draft;
    draft.id = NewId(row.name);
    draft.office_id = OfficeForNew();
    draft.category_id = CategoryForNew();
    draft.title.bn = row.name;
    // A row that does not say whether the service runs, but says why it does not, means stopped.
    if (!ParseRunningAnswer(row.running) && !IsBlankText(row.reason_not_running))
        draft.status = ServiceStatus::Stopped;
    applier_.Apply(draft, row, false);
    if (draft.summary.Empty()) {
        draft.summary.bn = row.name; // the kiosk needs a summary; the bank's empty cell is kept apart
        draft.bank.description = row.description;
        report_.problems.push_back({file_, row.line,
                                    std::string("no \"") + BankHeader(BankColumn::Description) +
                                        "\": the kiosk shows the name in its place",
                                    false});
    }
    report_.created.push_back(editor_.AddInnovation(draft));
}

} // namespace

BankImportReport ImportBank(const BankTable& table, const std::string& folder,
                            const BankImportOptions& options) {
    BankImportReport report;
    report.problems = table.problems;
    if (table.table_error || table.rows.empty()) return report; // nothing to import: write nothing either
    try {
        PackEditor editor(folder);
        for (const auto& [file, why] : editor.Unreadable())
            report.problems.push_back({editor.Folder() + "/" + file, 0,
                                       "cannot be read (" + why + "); the import leaves it alone", false});
        if (!CheckChosenIds(editor, options, report.problems)) return report;
        if (!editor.HasFair()) editor.CreateFair(MinimalFair());
        Importer importer(table, editor, options, report);
        for (const BankRow& row : table.rows)
            importer.Import(row);
        report.written = editor.Save();
    } catch (const PackWriteError& e) {
        report.problems.push_back({"", 0, e.what()});
    }
    return report;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Export
// ---------------------------------------------------------------------------------------------

std::vector<BankRow> ExportBank(const std::string& folder, std::vector<BankProblem>& problems) {
    const LoadedPack pack = LoadPack(folder); // what the kiosk shows is what the bank gets
    for (const PackProblem& problem : pack.problems)
        if (problem.severity == Severity::Error)
            problems.push_back({problem.file, problem.line,
                                (pack.fair_ok ? "left out of the table, as the kiosk leaves it out: " : "") +
                                    problem.message,
                                !pack.fair_ok});
    if (!pack.fair_ok) return {};

    std::optional<PackEditor> editor;
    try {
        editor.emplace(folder);
    } catch (const PackWriteError& e) {
        problems.push_back({"", 0, e.what()});
        return {};
    }
    std::map<std::string, const InnovationDraft*> drafts; // the first file with an id, as the loader keeps it
    for (const InnovationEntry& entry : editor->Innovations())
        drafts.emplace(entry.draft.id, &entry.draft);

    std::vector<const InnovationDraft*> ordered;
    for (const Innovation& innovation : pack.content.innovations)
        if (const auto it = drafts.find(innovation.id); it != drafts.end()) ordered.push_back(it->second);
    // Rows from an imported table keep that table's order; the fair's own innovations follow.
    std::stable_sort(ordered.begin(), ordered.end(), [](const InnovationDraft* a, const InnovationDraft* b) {
        return a->bank.row.value_or(INT_MAX) < b->bank.row.value_or(INT_MAX);
    });
    std::vector<BankRow> rows;
    for (size_t i = 0; i < ordered.size(); ++i) {
        rows.push_back(RowOf(*ordered[i]));
        rows.back().position = static_cast<int>(i) + 1;
    }
    return rows;
}

} // namespace content
