// [SECTION] Atomic file writes
// [SECTION] Reading drafts out of JSON
// [SECTION] Patching JSON with what changed
// [SECTION] PackEditor
#include "content/pack_writer.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

namespace content {

namespace fs = std::filesystem;
// Ordered, so that a hand-written file keeps its fields in the order its author gave them.
using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------------------------------------
// [SECTION] Atomic file writes
// ---------------------------------------------------------------------------------------------

namespace {

std::string SystemError(const std::string& what) {
    return what + ": " + std::strerror(errno);
}

// A file descriptor closed however the write ends.
class UniqueFd {
  public:
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() {
        if (fd_ >= 0) ::close(fd_);
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    int get() const { return fd_; }
    int Release() { return std::exchange(fd_, -1); }

  private:
    int fd_;
};

// The temporary file, removed unless it was renamed into place.
class TempFile {
  public:
    explicit TempFile(std::string path) : path_(std::move(path)) {}
    ~TempFile() {
        if (!path_.empty()) ::unlink(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }
    void Keep() { path_.clear(); }

  private:
    std::string path_;
};

void WriteAll(int fd, std::string_view bytes, const std::string& path) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) throw PackWriteError(SystemError(path + ": cannot write"));
        bytes.remove_prefix(static_cast<size_t>(written));
    }
}

// The new file keeps the old one's permissions; a new file is readable by all, as an editor makes it.
mode_t ModeFor(const std::string& path) {
    struct stat old {};
    return ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644;
}

void SyncFolder(const fs::path& folder) {
    // Makes the rename itself survive a power cut; not all file systems allow it, and that is fine.
    UniqueFd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY));
    if (dir.get() >= 0) ::fsync(dir.get());
}

} // namespace

void WriteFileAtomically(const std::string& path, std::string_view bytes) {
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name = "."; // appended, not `"." + ...`: see TwoDigits
    name += target.filename().string();
    name += ".tmp-XXXXXX";
    std::string pattern = (folder / name).string();
    UniqueFd fd(::mkstemp(pattern.data()));
    if (fd.get() < 0) throw PackWriteError(SystemError(path + ": cannot create a temporary file beside it"));
    TempFile temp(pattern);

    WriteAll(fd.get(), bytes, path);
    if (::fchmod(fd.get(), ModeFor(path)) != 0 || ::fsync(fd.get()) != 0)
        throw PackWriteError(SystemError(path + ": cannot write"));
    if (::close(fd.Release()) != 0) throw PackWriteError(SystemError(path + ": cannot write"));
    if (::rename(temp.path().c_str(), path.c_str()) != 0)
        throw PackWriteError(SystemError(path + ": cannot replace the file"));
    temp.Keep();
    SyncFolder(folder);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Reading drafts out of JSON
// ---------------------------------------------------------------------------------------------

namespace {

// Lenient: a field of the wrong kind reads as empty. Validation is `kiosk check`'s job; the editor
// only needs to know what is there so that it changes nothing it was not asked to.
std::string StringOf(const Json& object, const char* key) {
    if (!object.is_object()) return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::string> OptionalStringOf(const Json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

LocalText TextOf(const Json& object, const char* key) {
    if (!object.is_object() || !object.contains(key)) return {};
    return {StringOf(object.at(key), "bn"), StringOf(object.at(key), "en")};
}

BankFields BankOf(const Json& root) {
    BankFields bank;
    if (!root.contains("bank") || !root.at("bank").is_object()) return bank;
    const Json& object = root.at("bank");
    bank.record = {StringOf(object, "reason_not_running"), StringOf(object, "expected_result"),
                   StringOf(object, "comments")};
    if (object.contains("row") && object.at("row").is_number_integer())
        bank.row = object.at("row").get<int>();
    bank.running = OptionalStringOf(object, "running");
    bank.description = OptionalStringOf(object, "description");
    return bank;
}

InnovationDraft DraftOf(const Json& root) {
    InnovationDraft draft;
    draft.id = StringOf(root, "id");
    draft.office_id = StringOf(root, "office");
    draft.category_id = StringOf(root, "category");
    draft.title = TextOf(root, "title");
    draft.summary = TextOf(root, "summary");
    draft.service_link = StringOf(root, "service_link");
    draft.status = ParseServiceStatus(StringOf(root, "status")).value_or(ServiceStatus::Running);
    draft.bank = BankOf(root);
    return draft;
}

bool Same(const LocalText& a, const LocalText& b) {
    return a.bn == b.bn && a.en == b.en;
}

bool Same(const BankRecord& a, const BankRecord& b) {
    return a.reason_not_running == b.reason_not_running && a.expected_result == b.expected_result &&
           a.comments == b.comments;
}

bool Same(const BankFields& a, const BankFields& b) {
    return Same(a.record, b.record) && a.row == b.row && a.running == b.running &&
           a.description == b.description;
}

bool Same(const InnovationDraft& a, const InnovationDraft& b) {
    return a.id == b.id && a.office_id == b.office_id && a.category_id == b.category_id &&
           Same(a.title, b.title) && Same(a.summary, b.summary) && a.service_link == b.service_link &&
           a.status == b.status && Same(a.bank, b.bank);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Patching JSON with what changed
// ---------------------------------------------------------------------------------------------

Json& ObjectAt(Json& parent, const char* key) {
    Json& child = parent[key];
    if (!child.is_object()) child = Json::object();
    return child;
}

void PatchString(Json& object, const char* key, const std::string& now, const std::string& was) {
    if (now == was) return;
    if (now.empty())
        object.erase(key);
    else
        object[key] = now;
}

void PatchOptional(Json& object, const char* key, const std::optional<std::string>& now,
                   const std::optional<std::string>& was) {
    if (now == was) return;
    if (now)
        object[key] = *now;
    else
        object.erase(key);
}

void PatchText(Json& root, const char* key, const LocalText& now, const LocalText& was) {
    if (Same(now, was)) return;
    Json& text = ObjectAt(root, key);
    for (const auto& [lang, value] : {std::pair{"bn", &now.bn}, std::pair{"en", &now.en}})
        if (!value->empty() || text.contains(lang)) text[lang] = *value;
}

void PatchBank(Json& root, const BankFields& now, const BankFields& was) {
    if (Same(now, was)) return;
    Json& bank = ObjectAt(root, "bank");
    if (now.row != was.row) {
        if (now.row)
            bank["row"] = *now.row;
        else
            bank.erase("row");
    }
    PatchOptional(bank, "running", now.running, was.running);
    PatchOptional(bank, "description", now.description, was.description);
    PatchString(bank, "reason_not_running", now.record.reason_not_running, was.record.reason_not_running);
    PatchString(bank, "expected_result", now.record.expected_result, was.record.expected_result);
    PatchString(bank, "comments", now.record.comments, was.record.comments);
    if (bank.empty()) root.erase("bank");
}

void PatchInnovation(Json& root, const InnovationDraft& now, const InnovationDraft& was) {
    if (!root.is_object()) root = Json::object();
    PatchString(root, "id", now.id, was.id);
    PatchString(root, "office", now.office_id, was.office_id);
    PatchString(root, "category", now.category_id, was.category_id);
    if (now.status != was.status) root["status"] = ToString(now.status);
    PatchText(root, "title", now.title, was.title);
    PatchText(root, "summary", now.summary, was.summary);
    PatchString(root, "service_link", now.service_link, was.service_link);
    PatchBank(root, now.bank, was.bank);
}

// A new file lists its fields in the order docs/content-pack.md shows them.
Json NewInnovation(const InnovationDraft& draft) {
    Json root = Json::object();
    root["id"] = draft.id;
    root["office"] = draft.office_id;
    root["category"] = draft.category_id;
    root["status"] = ToString(draft.status);
    InnovationDraft was = draft;
    was.title = was.summary = {};
    was.service_link.clear();
    was.bank = {};
    PatchInnovation(root, draft, was);
    return root;
}

Json TextJson(const LocalText& text) {
    Json object = Json::object();
    if (!text.bn.empty()) object["bn"] = text.bn;
    if (!text.en.empty()) object["en"] = text.en;
    return object;
}

std::string Dump(const Json& json, const std::string& path) {
    try {
        return json.dump(2) + "\n";
    } catch (const Json::exception& e) {
        throw PackWriteError(path + ": cannot write it as JSON: " + e.what());
    }
}

// Appended rather than `"0" + std::to_string(n)`: GCC 12 at -O2 and up reports a false -Wrestrict
// in the inlined insert at the front of a temporary string (GCC bug 105329).
std::string TwoDigits(int n) {
    std::string digits = n < 10 ? "0" : "";
    digits += std::to_string(n);
    return digits;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] PackEditor
// ---------------------------------------------------------------------------------------------

struct PackEditor::Impl {
    fs::path folder;
    std::string folder_text;
    Json fair; // null while there is no fair.json
    bool fair_on_disk = false;
    bool fair_changed = false;
    std::vector<InnovationEntry> entries;
    std::vector<Json> documents;          // beside entries: each file's whole JSON
    std::vector<InnovationDraft> as_read; // beside entries: the draft as last read or written
    std::vector<bool> is_new;             // beside entries
    std::vector<std::pair<std::string, std::string>> unreadable;
    std::set<std::string> file_names; // every name in innovations/, to never overwrite one

    void ReadFair();
    void ReadInnovations();
    std::vector<std::string> Ids(const char* list) const;
    bool Has(const char* list, const std::string& id) const;
    Json& List(const char* list);
};

void PackEditor::Impl::ReadFair() {
    const fs::path path = folder / "fair.json";
    std::error_code error;
    if (!fs::exists(path, error)) return;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw PackWriteError(path.string() + ": cannot open the file");
    try {
        fair = Json::parse(in);
    } catch (const Json::parse_error& e) {
        throw PackWriteError(path.string() + ": not valid JSON (" + e.what() + "); fix it before importing");
    }
    const auto bad_list = [&](const char* key) { return fair.contains(key) && !fair.at(key).is_array(); };
    if (!fair.is_object() || bad_list("offices") || bad_list("categories"))
        throw PackWriteError(path.string() +
                             ": not a fair: expected an object with \"offices\" and \"categories\" "
                             "lists; fix it before importing");
    fair_on_disk = true;
}

void PackEditor::Impl::ReadInnovations() {
    std::error_code error;
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder / "innovations", error)) {
        file_names.insert(entry.path().filename().string());
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end()); // the loader's order, so "the first" means the same to both
    for (const fs::path& path : files) {
        const std::string relative = "innovations/" + path.filename().string();
        std::ifstream in(path, std::ios::binary);
        Json root;
        try {
            root = Json::parse(in);
        } catch (const Json::exception& e) {
            unreadable.emplace_back(relative, std::string("not valid JSON: ") + e.what());
            continue;
        }
        InnovationDraft draft = DraftOf(root);
        if (draft.id.empty()) {
            unreadable.emplace_back(relative, "no \"id\"");
            continue;
        }
        entries.push_back({relative, draft});
        documents.push_back(std::move(root));
        as_read.push_back(std::move(draft));
        is_new.push_back(false);
    }
}

std::vector<std::string> PackEditor::Impl::Ids(const char* list) const {
    std::vector<std::string> ids;
    if (fair.is_object() && fair.contains(list))
        for (const Json& item : fair.at(list))
            if (std::string id = StringOf(item, "id"); !id.empty()) ids.push_back(std::move(id));
    return ids;
}

bool PackEditor::Impl::Has(const char* list, const std::string& id) const {
    const std::vector<std::string> ids = Ids(list);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Json& PackEditor::Impl::List(const char* list) {
    if (!fair.is_object()) throw PackWriteError("no fair.json to add to: call CreateFair first");
    Json& items = fair[list];
    if (!items.is_array()) items = Json::array();
    return items;
}

PackEditor::PackEditor(const std::string& folder) : impl_(std::make_unique<Impl>()) {
    impl_->folder = fs::absolute(folder).lexically_normal();
    impl_->folder_text = impl_->folder.string();
    impl_->ReadFair();
    impl_->ReadInnovations();
}

PackEditor::~PackEditor() = default;

const std::string& PackEditor::Folder() const {
    return impl_->folder_text;
}
bool PackEditor::HasFair() const {
    return impl_->fair.is_object();
}

void PackEditor::CreateFair(const Fair& fair) {
    const auto date = [](const Date& d) {
        return std::to_string(d.year) + "-" + TwoDigits(d.month) + "-" + TwoDigits(d.day);
    };
    Json root = Json::object();
    root["format"] = 1;
    Json& about = root["fair"] = Json::object();
    about["id"] = fair.id;
    about["name"] = TextJson(fair.name);
    if (!fair.venue.Empty()) about["venue"] = TextJson(fair.venue);
    if (!fair.ministry.Empty()) about["ministry"] = TextJson(fair.ministry);
    about["dates"] = Json::array({date(fair.first_day)});
    if (!(fair.last_day == fair.first_day) && fair.last_day.year != 0)
        about["dates"].push_back(date(fair.last_day));
    root["offices"] = Json::array();
    root["categories"] = Json::array();
    impl_->fair = std::move(root);
    impl_->fair_changed = true;
}

LocalText PackEditor::Ministry() const {
    return impl_->fair.is_object() && impl_->fair.contains("fair")
               ? TextOf(impl_->fair.at("fair"), "ministry")
               : LocalText{};
}

bool PackEditor::HasOffice(const std::string& id) const {
    return impl_->Has("offices", id);
}
bool PackEditor::HasCategory(const std::string& id) const {
    return impl_->Has("categories", id);
}
std::vector<std::string> PackEditor::OfficeIds() const {
    return impl_->Ids("offices");
}
std::vector<std::string> PackEditor::CategoryIds() const {
    return impl_->Ids("categories");
}

void PackEditor::AddOffice(const Office& office) {
    Json item = {{"id", office.id}, {"name", TextJson(office.name)}};
    if (!office.short_name.Empty()) item["short_name"] = TextJson(office.short_name);
    impl_->List("offices").push_back(std::move(item));
    impl_->fair_changed = true;
}

void PackEditor::AddCategory(const Category& category) {
    Json item = {{"id", category.id}, {"name", TextJson(category.name)}};
    if (!category.description.Empty()) item["description"] = TextJson(category.description);
    impl_->List("categories").push_back(std::move(item));
    impl_->fair_changed = true;
}

std::vector<InnovationEntry>& PackEditor::Innovations() {
    return impl_->entries;
}
const std::vector<InnovationEntry>& PackEditor::Innovations() const {
    return impl_->entries;
}

const std::vector<std::pair<std::string, std::string>>& PackEditor::Unreadable() const {
    return impl_->unreadable;
}

bool PackEditor::IdInUse(const std::string& id) const {
    return impl_->file_names.count(id + ".json") > 0 ||
           std::any_of(impl_->entries.begin(), impl_->entries.end(),
                       [&](const InnovationEntry& entry) { return entry.draft.id == id; });
}

std::string PackEditor::AddInnovation(const InnovationDraft& draft) {
    if (IdInUse(draft.id)) throw PackWriteError("innovation id \"" + draft.id + "\" is already in use");
    const std::string file = "innovations/" + draft.id + ".json";
    impl_->file_names.insert(draft.id + ".json");
    impl_->entries.push_back({file, draft});
    impl_->documents.push_back(Json::object());
    impl_->as_read.push_back(draft);
    impl_->is_new.push_back(true);
    return file;
}

std::vector<std::string> PackEditor::Save() {
    Impl& d = *impl_;
    std::vector<std::string> written;
    std::error_code error;
    fs::create_directories(d.folder / "innovations", error);
    if (error)
        throw PackWriteError((d.folder / "innovations").string() +
                             ": cannot create the folder: " + error.message());

    if (d.fair.is_object() && (d.fair_changed || !d.fair_on_disk)) {
        const std::string path = (d.folder / "fair.json").string();
        WriteFileAtomically(path, Dump(d.fair, path));
        d.fair_on_disk = true;
        d.fair_changed = false;
        written.push_back("fair.json");
    }
    for (size_t i = 0; i < d.entries.size(); ++i) {
        const InnovationDraft& now = d.entries[i].draft;
        if (!d.is_new[i] && Same(now, d.as_read[i])) continue;
        if (d.is_new[i])
            d.documents[i] = NewInnovation(now);
        else
            PatchInnovation(d.documents[i], now, d.as_read[i]);
        const std::string path = (d.folder / d.entries[i].file).string();
        WriteFileAtomically(path, Dump(d.documents[i], path));
        d.as_read[i] = now;
        d.is_new[i] = false;
        written.push_back(d.entries[i].file);
    }
    return written;
}

} // namespace content
