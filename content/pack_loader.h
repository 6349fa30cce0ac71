// Loading a content pack folder (docs/content-pack.md) into the content model, checking it on
// the way. The kiosk and `kiosk check` share this: what the check reports is what the kiosk does.
#pragma once

#include "content/model.h"

#include <string>
#include <vector>

namespace content {

enum class Severity {
    Warning, // shown anyway: a picture becomes a placeholder, a missing English text falls back to Bengali
    Error,   // what it is in is left out: an innovation, an office, a category, or the whole fair
};
const char* ToString(Severity severity); // "warning", "error"

// A problem found in a pack: where it is and what is wrong.
struct PackProblem {
    std::string file; // absolute path
    int line = 0;     // 1-based; 0 when it is about the file as a whole
    int column = 0;   // 1-based, in characters; only where the text itself is broken (JSON, UTF-8)
    Severity severity = Severity::Error;
    std::string message;
};

// "file:line:column: error: message", the way compilers write it; `file` replaces the
// problem's own (absolute) path, e.g. with one relative to where the organiser typed the command.
std::string FormatProblem(const PackProblem& problem, const std::string& file);

struct LoadOptions {
    // Decode every picture in full, by the rule the kiosk shows it with (kiosk check). The kiosk
    // leaves this off: pictures load lazily, so loading a pack only looks whether each file exists.
    bool decode_pictures = false;
};

// A pack's problems are listed up to this many; beyond it they are only counted, so that a pack
// with a million broken keys is told in bounded memory ("... and 999 700 more").
constexpr size_t kMostProblemsListed = 300;

// Whether the pack's rubric.json could be used as a whole.
enum class RubricFile {
    Absent,     // no rubric.json: the built-in default rubric
    Read,       // read with no error: the pack's rubric
    Unreadable, // there, but not readable, not UTF-8 or JSON, or with an error in a criterion
};

struct LoadedPack {
    FairContent content;
    std::vector<PackProblem> problems; // in file order, then line order; at most kMostProblemsListed
    size_t errors_not_listed = 0;      // problems beyond the listed ones, counted only
    size_t warnings_not_listed = 0;
    // False when fair.json cannot be used: `content` is then empty and `problems` says why.
    bool fair_ok = false;
    RubricFile rubric_file = RubricFile::Absent;

    size_t Count(Severity severity) const; // listed and not listed
    size_t NotListed() const { return errors_not_listed + warnings_not_listed; }
    bool Clean() const { return problems.empty(); }
    // Adds a problem to the list, or counts it when the list is full.
    void Add(PackProblem problem);
};

// Loads the pack at `folder`. Never throws for a bad pack: every valid innovation is loaded,
// the broken ones are left out, and `problems` lists what was left out and why.
LoadedPack LoadPack(const std::string& folder, const LoadOptions& options = {});

} // namespace content
