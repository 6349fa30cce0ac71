// kiosk results [show|finalise|reopen] [--method M] [--ladder L] [--json] [--csv FILE] [--db FILE] [--content
// DIR] The fair's result for organisers and other tools (scoring/results.h does the work): the standings per
// category with the method and ladder named, provisional or final; finalising and reopening. The method and
// ladder given are remembered in the store for every later output.
#include "kiosk/cli/cli_common.h"
#include "kiosk/cli/commands.h"
#include "kiosk/report/csv_export.h"

#include "scoring/results.h"

#include <cstdio>
#include <ostream>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kiosk results [--method mean|trimmed|corrected] [--ladder STEPS] [--json | --csv FILE]\n"
    "       kiosk results finalise\n"
    "       kiosk results reopen --reason TEXT\n"
    "options: --db FILE (default: the kiosk's own database), --content DIR (default: the demo fair)\n"
    "STEPS is the tie-break ladder after the score, e.g. \"score, head-to-head, median, top-criterion,\n"
    "first-choices\" (the default). A method or ladder given is kept for every later output.\n";

std::string Fixed(const std::optional<double>& value, int decimals = 2) {
    if (!value) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, *value);
    return text;
}

std::string Title(const content::FairContent& content, const std::string& entry) {
    const content::Innovation* innovation = content.FindInnovation(entry);
    return innovation ? innovation->title.Get(content::Lang::English) : entry;
}

void PrintCategory(const scoring::CategoryStandings& category, const content::FairContent& content,
                   std::ostream& out) {
    out << "\n"
        << category.category->name.Get(content::Lang::English) << " (" << category.category->id << ")"
        << (category.Provisional()
                ? ": provisional, " + std::to_string(category.missing.size()) + " card(s) missing"
                : "")
        << "\n";
    if (category.result.refused) {
        out << "  refused: " << scoring::ranking::Describe(*category.result.refused, category.result.method)
            << "\n";
        return;
    }
    out << "  place\tscore\tjudges\tp_top3\tdecided by\tentry\n";
    for (const scoring::ranking::Standing& s : category.result.standings)
        out << "  " << (s.place ? std::to_string(*s.place) + (s.tie ? "=" : "") : "-") << '\t'
            << Fixed(s.score) << '\t' << s.judges << '\t'
            << (s.p_top3 ? Fixed(*s.p_top3 * 100, 0) + "%" : "-") << '\t'
            << scoring::ranking::DecisionName(s.decided_by) << (s.statistical_tie ? " (statistical tie)" : "")
            << '\t' << Title(content, s.entry) << " [" << s.entry << "]\n";
    for (const scoring::MissingCard& card : category.missing)
        out << "  missing: " << card.judge_name << " for " << card.entry << " ("
            << scoring::ToString(card.status) << ")\n";
}

void PrintResults(const scoring::FairResults& results, const content::FairContent& content,
                  std::ostream& out) {
    out << "method: " << scoring::ranking::MethodName(results.options.method)
        << "\nladder: " << scoring::ranking::LadderName(results.options.ladder) << "\nstate: ";
    if (results.final && results.final->intact)
        out << "final (results hash " << results.final->hash << ")\n";
    else if (results.final)
        out << "FINALISED, BUT THE EVENTS NO LONGER HASH THE SAME: the result changed after it was finalised "
               "(finalised hash "
            << results.final->hash << ", now " << results.hash << "); reopen the results with a reason\n";
    else
        out << (results.Provisional() ? "provisional" : "complete, not finalised") << " (results hash "
            << results.hash << ")\n";
    for (const scoring::CategoryStandings& category : results.categories)
        PrintCategory(category, content, out);
    for (const scoring::RejudgePair& pair : results.rejudge)
        out << "\nre-judge: " << pair.upper << " / " << pair.lower << " swap in "
            << Fixed(pair.swap_rate * 100, 0) << "% of resamples; " << pair.judges_to_ask.size()
            << " judge(s) to ask, " << pair.answered.size() << " answered\n";
}

// The standings as CSV: UTF-8 with a BOM, formula-like cells neutralised (kiosk/report/csv_export.h).
int WriteStandingsCsv(const scoring::FairResults& results, const content::FairContent& content,
                      const std::string& path, std::ostream& out, std::ostream& err) {
    std::vector<std::vector<std::string>> rows;
    for (const scoring::CategoryStandings& category : results.categories)
        for (const scoring::ranking::Standing& s : category.result.standings) {
            const content::Innovation* innovation = content.FindInnovation(s.entry);
            rows.push_back(
                {category.category->id, s.place ? std::to_string(*s.place) : "", s.entry,
                 innovation ? innovation->title.bn : "", innovation ? innovation->title.en : "",
                 Fixed(s.score), std::to_string(s.judges), s.p_top3 ? Fixed(*s.p_top3, 3) : "",
                 s.tie ? "yes" : "no", scoring::ranking::DecisionName(s.decided_by),
                 category.Provisional() ? "provisional" : (results.Final() ? "final" : "complete")});
        }
    const report::WriteResult written =
        report::WriteCsv(path,
                         {"category", "place", "entry", "title_bn", "title_en", "score", "judges", "p_top3",
                          "tie", "decided_by", "state"},
                         rows);
    if (!written.Ok()) return err << "kiosk results: " << written.message << '\n', 1;
    out << "wrote " << rows.size() << " standings to " << path << " (method "
        << scoring::ranking::MethodName(results.options.method) << ")\n";
    return 0;
}

std::optional<scoring::ranking::Options> ChosenOptions(Setting& setting, const Arguments& args,
                                                       std::ostream& err) {
    scoring::ranking::Options options = scoring::LoadResultsOptions(setting.store);
    bool changed = false;
    if (args.Has("--method")) {
        const auto method = scoring::ranking::ParseMethod(args.Option("--method"));
        if (!method)
            return err << "kiosk results: unknown method \"" << args.Option("--method") << "\"\n"
                       << kUsage,
                   std::nullopt;
        options.method = *method, changed = true;
    }
    if (args.Has("--ladder")) {
        const auto ladder = scoring::ranking::ParseLadder(args.Option("--ladder"));
        if (!ladder)
            return err << "kiosk results: cannot read the ladder \"" << args.Option("--ladder") << "\"\n"
                       << kUsage,
                   std::nullopt;
        options.ladder = *ladder, changed = true;
    }
    if (changed) scoring::SaveResultsOptions(setting.store, options);
    return options;
}

int Run(Setting& setting, const Arguments& args, std::ostream& out, std::ostream& err) {
    const std::optional<scoring::ranking::Options> options = ChosenOptions(setting, args, err);
    if (!options) return 2;
    const content::FairContent& content = setting.pack.content;
    const scoring::FairResults results = scoring::ComputeResults(setting.judging, content, *options);
    if (args.command == "finalise") {
        scoring::Finalise(setting.judging, results);
        out << "finalised: results hash " << results.hash << " (method "
            << scoring::ranking::MethodName(results.options.method) << ")\n";
        return 0;
    }
    if (args.command == "reopen") {
        scoring::ReopenResults(setting.judging, args.Option("--reason"));
        out << "results reopened: " << args.Option("--reason") << '\n';
        return 0;
    }
    if (args.Has("--csv")) return WriteStandingsCsv(results, content, args.Option("--csv"), out, err);
    if (args.Has("--json")) return out << scoring::ResultsJson(results) << '\n', 0;
    PrintResults(results, content, out);
    return 0;
}

} // namespace

int Results(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) return out << kUsage, 0;
    std::vector<std::string> words = args;
    if (words.empty() || words[0].starts_with("-")) words.insert(words.begin(), "show");
    if (words[0] != "show" && words[0] != "finalise" && words[0] != "reopen")
        return err << "kiosk results: unknown command \"" << words[0] << "\"\n" << kUsage, 2;
    const std::optional<Arguments> parsed = ParseArguments(
        words, "kiosk results", {"--db", "--content", "--method", "--ladder", "--csv", "--reason"},
        {"--json"}, kUsage, err);
    if (!parsed) return 2;
    try {
        Setting setting(*parsed);
        if (!setting.pack.fair_ok)
            return err << "kiosk results: the content pack in " << setting.pack.content.folder
                       << " cannot be used (run kiosk check on it)\n",
                   1;
        return Run(setting, *parsed, out, err);
    } catch (const std::exception& e) { // Refused, StoreFailure: the organiser's to fix
        err << "kiosk results: " << e.what() << '\n';
        return 1;
    }
}

} // namespace kiosk::cli
