// Writing a content pack's JSON files (docs/content-pack.md) for tools such as `kiosk bank import`.
// Files are edited in place: only the fields a tool changes are touched, every other field (process
// maps, TCV, photos, fields this version does not know) is kept in its order, and a file is replaced
// atomically, so a kiosk or an editor never reads half of one.
#pragma once

#include "content/model.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace content {

// The pack cannot be edited (fair.json is not JSON, a file cannot be written...). The message names
// the file.
class PackWriteError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Replaces the file at `path` with `bytes`: writes a temporary file in the same folder, flushes it to
// disk and renames it over the old one. Throws PackWriteError, leaving the old file as it was.
void WriteFileAtomically(const std::string& path, std::string_view bytes);

// The innovation bank's fields of an innovation file: the BankRecord the kiosk loads, and what only
// the bank's import and export read.
struct BankFields {
    BankRecord record;
    std::optional<int> row;                 // "row": its place in the last imported table, kept on export
    std::optional<std::string> running;     // "running": the bank's own "is it running" answer, as written
    std::optional<std::string> description; // "description": the bank's short description when it was
                                            // empty, since the kiosk needs a summary
};

// The part of an innovation file that the bank reads and changes.
struct InnovationDraft {
    std::string id;
    std::string office_id;
    std::string category_id;
    LocalText title;
    LocalText summary;
    std::string service_link;
    ServiceStatus status = ServiceStatus::Running;
    BankFields bank;
};

// One innovation file of the pack being edited.
struct InnovationEntry {
    std::string file; // innovations/NAME.json, relative to the pack folder
    InnovationDraft draft;
};

// A pack opened for editing: fair.json (or a new, minimal one) and every innovation file that is
// JSON with an id. Change the drafts, add offices, categories and innovations, then Save().
class PackEditor {
  public:
    // Reads the pack at `folder`, which may not exist yet. Throws PackWriteError when fair.json is
    // there but is not a JSON object with offices and categories as lists.
    explicit PackEditor(const std::string& folder);
    ~PackEditor();
    PackEditor(const PackEditor&) = delete;
    PackEditor& operator=(const PackEditor&) = delete;

    const std::string& Folder() const;
    bool HasFair() const;              // false: Save() writes a minimal fair.json
    void CreateFair(const Fair& fair); // a fair.json with no offices or categories yet
    LocalText Ministry() const;        // the fair's "ministry", empty when not given

    bool HasOffice(const std::string& id) const;
    bool HasCategory(const std::string& id) const;
    std::vector<std::string> OfficeIds() const;
    std::vector<std::string> CategoryIds() const;
    void AddOffice(const Office& office);       // appended to fair.json's "offices"
    void AddCategory(const Category& category); // appended to fair.json's "categories"

    std::vector<InnovationEntry>& Innovations();
    const std::vector<InnovationEntry>& Innovations() const;
    // Innovation files that could not be read as JSON with an id, and why: left alone, and their
    // names never reused.
    const std::vector<std::pair<std::string, std::string>>& Unreadable() const;
    // Whether an innovation already has this id, or a file innovations/ID.json exists.
    bool IdInUse(const std::string& id) const;
    // A new innovation, written to innovations/ID.json by Save(); the id must not be in use.
    // Returns its file, relative to the pack folder.
    std::string AddInnovation(const InnovationDraft& draft);

    // Writes fair.json and every innovation file that changed (and only those), pretty-printed UTF-8,
    // each atomically; fair.json first, so no innovation names an office that is not there yet.
    // Returns the files written, relative to the pack folder. Throws PackWriteError.
    std::vector<std::string> Save();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace content
