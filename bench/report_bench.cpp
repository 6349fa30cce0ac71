// report_bench prints the time to write the winners' report for 30 categories and 90 winners
// (the demo fair's entries repeated; target under 3 s), in Bengali and English, and the
// certificates for the same 90 winners. Printed, never asserted.
#include "content/pack_loader.h"
#include "kiosk/report/certificates.h"
#include "tests/report_sample.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <string>

int main() {
    const content::LoadedPack pack = content::LoadPack(std::string(KIOSK_SOURCE_DIR) + "/assets/demo-fair");
    const report::ReportInput input = report_sample::Make(pack.content, false, 30);
    size_t winners = 0;
    for (const report::CategoryResult& category : input.categories)
        winners += category.placed.size();
    const std::string folder = std::filesystem::temp_directory_path() / "report_bench";
    std::filesystem::create_directories(folder);
    std::printf("report_bench: %zu categories, %zu winners, %zu judges\n", input.categories.size(), winners,
                input.judges.size());
    const auto time = [&](const char* what, auto&& write) {
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock(); // CPU time: what a loaded machine does not inflate
        const report::WriteResult result = write();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        std::printf("  %-26s %6.2f s (CPU %5.2f s)  %3d pages  %s\n", what, seconds, cpu, result.pages,
                    result.Ok() ? "" : result.message.c_str());
    };
    for (int run = 0; run < 2; ++run) { // the first run also loads the fonts
        std::printf(run == 0 ? "first run (fonts loaded):\n" : "second run:\n");
        time("report, Bengali",
             [&] { return report::WriteReport(input, folder + "/report-bn.pdf", content::Lang::Bengali); });
        time("report, English",
             [&] { return report::WriteReport(input, folder + "/report-en.pdf", content::Lang::English); });
        time("certificates, Bengali", [&] {
            return report::WriteCertificates(input, report::DefaultCertificateTemplate(),
                                             folder + "/cert-bn.pdf", content::Lang::Bengali);
        });
    }
    std::printf("target: the report under 3 s; files in %s\n", folder.c_str());
    std::filesystem::remove_all(folder);
}
