// kiosk report --out FILE.pdf [--date YYYY-MM-DD] [--lang bn|en] [--db FILE] [--content DIR]
// kiosk certificates --out FILE.pdf [--date YYYY-MM-DD] [--lang bn|en] [--db FILE] [--content DIR]
// The winners' report for the Cabinet Division and the winners' certificates, from the fair's
// result (scoring/results.h) by the library kiosk/report. The file appears whole or not at all.
#include "kiosk/cli/cli_common.h"
#include "kiosk/cli/commands.h"
#include "kiosk/report/certificates.h"
#include "kiosk/report/from_results.h"

#include "content/bangla_calendar.h"

#include <ctime>
#include <ostream>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kiosk report --out FILE.pdf [--date YYYY-MM-DD] [--lang bn|en] [--db FILE] [--content DIR]\n"
    "       kiosk certificates --out FILE.pdf [--date YYYY-MM-DD] [--lang bn|en] [--db FILE] [--content "
    "DIR]\n"
    "The date (default: today) is printed in both calendars; the language defaults to Bengali.\n";

content::Date Today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::optional<content::Date> DateFrom(const std::string& text) {
    content::Date date;
    char end = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &date.year, &date.month, &date.day, &end) != 3)
        return std::nullopt;
    if (!content::IsValidDate(date)) return std::nullopt;
    return date;
}

int Write(Setting& setting, const Arguments& args, bool certificates, std::ostream& out, std::ostream& err) {
    const char* program = certificates ? "kiosk certificates" : "kiosk report";
    if (!args.Has("--out") || !args.positional.empty()) return err << kUsage, 2;
    const std::optional<content::Date> date = args.Has("--date") ? DateFrom(args.Option("--date")) : Today();
    if (!date)
        return err << program << ": \"" << args.Option("--date") << "\" is not a date (YYYY-MM-DD)\n", 2;
    const std::string lang_name = args.Option("--lang", "bn");
    if (lang_name != "bn" && lang_name != "en") return err << program << ": --lang is bn or en\n", 2;
    const content::Lang lang = lang_name == "en" ? content::Lang::English : content::Lang::Bengali;

    const content::FairContent& content = setting.pack.content;
    const scoring::FairResults results =
        scoring::ComputeResults(setting.judging, content, scoring::LoadResultsOptions(setting.store));
    const report::ReportInput input = report::ReportFromResults(results, setting.judging, content, *date);
    report::WriteResult written;
    if (certificates) {
        const report::LoadedTemplate loaded = report::LoadCertificateTemplate(content.folder);
        for (const std::string& problem : loaded.problems)
            err << program << ": " << problem << " (the built-in certificate is used)\n";
        written = report::WriteCertificates(input, loaded.tmpl, args.Option("--out"), lang);
    } else {
        written = report::WriteReport(input, args.Option("--out"), lang);
    }
    if (!written.Ok()) return err << program << ": " << written.message << '\n', 1;
    out << "wrote " << args.Option("--out") << ": " << written.pages
        << (written.pages == 1 ? " page" : " pages")
        << (results.Final() ? ", final results" : ", PROVISIONAL results") << '\n';
    return 0;
}

} // namespace

int Report(const std::vector<std::string>& args, bool certificates, std::ostream& out, std::ostream& err) {
    const char* program = certificates ? "kiosk certificates" : "kiosk report";
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) return out << kUsage, 0;
    std::vector<std::string> words = args;
    words.insert(words.begin(), certificates ? "certificates" : "report");
    const std::optional<Arguments> parsed =
        ParseArguments(words, program, {"--db", "--content", "--out", "--date", "--lang"}, {}, kUsage, err);
    if (!parsed) return 2;
    try {
        Setting setting(*parsed);
        if (!setting.pack.fair_ok)
            return err << program << ": the content pack in " << setting.pack.content.folder
                       << " cannot be used (run kiosk check on it)\n",
                   1;
        return Write(setting, *parsed, certificates, out, err);
    } catch (const std::exception& e) { // StoreFailure: the organiser's to fix
        err << program << ": " << e.what() << '\n';
        return 1;
    }
}

} // namespace kiosk::cli
