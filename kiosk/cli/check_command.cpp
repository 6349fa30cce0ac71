// kiosk check DIR: the pack loader's own findings, plus every picture decoded in full as the kiosk
// decodes it, printed the way compilers print theirs so an editor can jump to each line.
#include "content/pack_loader.h"
#include "kiosk/cli/commands.h"

#include <filesystem>
#include <ostream>

namespace kiosk::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: kiosk check DIR\n"
    "Checks the content pack in DIR and prints every problem as\n"
    "  path:line: error|warning: what is wrong\n"
    "Errors leave an innovation (office, category, the fair) out of the kiosk;\n"
    "warnings are shown anyway. Exit status: 0 clean, 1 problems, 2 wrong usage.\n";

// The file as the organiser named the pack: "my-fair/innovations/x.json", not an absolute path.
std::string AsTyped(const std::string& file, const std::string& folder, const std::string& typed) {
    const fs::path relative = fs::path(file).lexically_relative(folder);
    if (relative.empty() || *relative.begin() == "..") return file;
    return (fs::path(typed) / relative).lexically_normal().generic_string();
}

std::string Plural(size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

} // namespace

int Check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) return out << kUsage, 0;
    if (args.size() != 1 || args[0].empty() || args[0][0] == '-') return err << kUsage, 2;
    const std::string& typed = args[0];
    if (std::error_code error; !fs::is_directory(typed, error)) {
        err << "kiosk check: " << typed << " is not a folder\n";
        return 2;
    }

    const content::LoadedPack pack = content::LoadPack(typed, {.decode_pictures = true});
    for (const content::PackProblem& problem : pack.problems)
        out << content::FormatProblem(problem, AsTyped(problem.file, pack.content.folder, typed)) << '\n';

    const size_t errors = pack.Count(content::Severity::Error),
                 warnings = pack.Count(content::Severity::Warning);
    out << typed << ": "
        << (pack.fair_ok ? Plural(pack.content.innovations.size(), "innovation", "innovations") + " to show"
                         : std::string("the fair cannot be shown"))
        << ", " << Plural(errors, "error", "errors") << ", " << Plural(warnings, "warning", "warnings")
        << '\n';
    return pack.problems.empty() ? 0 : 1;
}

} // namespace kiosk::cli
