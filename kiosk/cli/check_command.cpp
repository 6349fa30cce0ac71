// kiosk check DIR: the pack loader's own findings, plus every picture decoded in full as the kiosk
// decodes it, printed the way compilers print theirs so an editor can jump to each line.
#include "content/pack_loader.h"
#include "kiosk/cli/commands.h"
#include "scoring/judges.h"
#include "scoring/score_log.h"

#include <filesystem>
#include <ostream>

namespace kiosk::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage = "usage: kiosk check DIR [--db FILE]\n"
                               "Checks the content pack in DIR and prints every problem as\n"
                               "  path:line: error|warning: what is wrong\n"
                               "Errors leave an innovation (office, category, the fair) out of the kiosk;\n"
                               "warnings are shown anyway. With --db, also names every mark in the judges'\n"
                               "database above its criterion's max in the pack's rubric.\n"
                               "Exit status: 0 clean, 1 problems, 2 wrong usage.\n";

// The file as the organiser named the pack: "my-fair/innovations/x.json", not an absolute path.
std::string AsTyped(const std::string& file, const std::string& folder, const std::string& typed) {
    const fs::path relative = fs::path(file).lexically_relative(folder);
    if (relative.empty() || *relative.begin() == "..") return file;
    return (fs::path(typed) / relative).lexically_normal().generic_string();
}

std::string Plural(size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Marks given before a criterion's max was lowered: each one named, as the total counts only the max.
size_t MarksAboveMax(const std::string& db, const content::FairContent& content, std::ostream& out) {
    scoring::Store store(db);
    scoring::Judges judges(store);
    scoring::ScoreLog log(store);
    size_t found = 0;
    for (const scoring::Judge& judge : judges.List())
        for (const auto& [entry, card] : log.Book().CardsOf(judge.key))
            for (const auto& [criterion_id, marks] : card.marks) {
                const content::Criterion* criterion = content.rubric.Find(criterion_id);
                if (!criterion || marks <= criterion->max_marks) continue;
                ++found;
                out << db << ": error: judge " << judge.id << " \"" << judge.name << "\" gave " << marks
                    << " marks for \"" << criterion_id << "\" to \"" << entry << "\", above its max of "
                    << criterion->max_marks << " in the rubric: the total counts " << criterion->max_marks
                    << "; give the max back, or reopen the card so the judge scores it again\n";
            }
    return found;
}

} // namespace

int Check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) return out << kUsage, 0;
    std::string db;
    std::vector<std::string> words;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--db" && i + 1 < args.size())
            db = args[++i];
        else
            words.push_back(args[i]);
    }
    if (words.size() != 1 || words[0].empty() || words[0][0] == '-') return err << kUsage, 2;
    const std::string& typed = words[0];
    if (std::error_code error; !fs::is_directory(typed, error)) {
        err << "kiosk check: " << typed << " is not a folder\n";
        return 2;
    }
    if (std::error_code error; !db.empty() && !fs::is_regular_file(db, error)) {
        err << "kiosk check: there is no database " << db << "\n";
        return 2;
    }

    const content::LoadedPack pack = content::LoadPack(typed, {.decode_pictures = true});
    for (const content::PackProblem& problem : pack.problems)
        out << content::FormatProblem(problem, AsTyped(problem.file, pack.content.folder, typed)) << '\n';

    if (pack.NotListed() > 0)
        out << typed << ": ... and " << pack.NotListed() << " more problems, not listed (the first "
            << content::kMostProblemsListed << " are above)\n";
    size_t above_max = 0;
    try {
        if (!db.empty()) above_max = MarksAboveMax(db, pack.content, out);
    } catch (const std::exception& e) { // StoreFailure, Refused: the file is not a kiosk database
        err << "kiosk check: " << db << ": " << e.what() << '\n';
        return 2;
    }
    const size_t errors = pack.Count(content::Severity::Error) + above_max,
                 warnings = pack.Count(content::Severity::Warning);
    out << typed << ": "
        << (pack.fair_ok ? Plural(pack.content.innovations.size(), "innovation", "innovations") + " to show"
                         : std::string("the fair cannot be shown"))
        << ", " << Plural(errors, "error", "errors") << ", " << Plural(warnings, "warning", "warnings")
        << '\n';
    return pack.Clean() && above_max == 0 ? 0 : 1;
}

} // namespace kiosk::cli
