// Loading a content pack folder (docs/content-pack.md) into the content model.
#pragma once

#include "content/model.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace content {

// A problem found in a pack, with the file it is in.
struct PackProblem {
    std::string file;
    std::string message;
};

// Thrown when the pack cannot be used at all (no fair.json, or fair.json unreadable).
class PackError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct LoadedPack {
    FairContent content;
    std::vector<PackProblem> problems; // innovations left out, and why
};

// Loads the pack at `folder`. An innovation file that cannot be read is left out and listed in
// `problems`; the rest of the pack still loads. Throws PackError when fair.json is unusable.
LoadedPack LoadPack(const std::string& folder);

} // namespace content
