// kiosk: the showcase kiosk's entry point and command line.
#include "content/pack_loader.h"
#include "kiosk/app.h"
#include "kiosk/cli/commands.h"
#include "kiosk/options.h"
#include "kiosk/platform.h"
#include "kiosk/script_player.h"
#include "scoring/store_keeping.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

namespace {

// The process's peak resident memory (VmHWM), for scripted runs and the memory benchmark.
long PeakMemoryMb() {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (!status) return -1;
    char line[256];
    long kb = -1;
    while (std::fgets(line, sizeof line, status))
        if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
    std::fclose(status);
    return kb < 0 ? -1 : kb / 1024;
}

int Run(const kiosk::Options& options) {
    const std::string folder = options.content_dir.empty() ? kiosk::cli::DemoPack() : options.content_dir;
    // A bad pack never stops the kiosk: what is valid is shown, the rest is listed here.
    content::LoadedPack pack = content::LoadPack(folder);
    for (const content::PackProblem& problem : pack.problems)
        std::fprintf(stderr, "kiosk: %s\n", content::FormatProblem(problem, problem.file).c_str());
    if (pack.NotListed() > 0) std::fprintf(stderr, "kiosk: ... and %zu more problems\n", pack.NotListed());
    if (!pack.fair_ok)
        std::fprintf(stderr, "kiosk: the content pack in %s cannot be shown; see above\n", folder.c_str());

    // The store holds the judges and their scores; the kiosk runs for visitors even when it
    // cannot be opened, and the staff's login screen says why.
    // When it cannot be opened (a full disk), the app tries again every few seconds.
    std::string database = options.database;
    if (database.empty()) try {
            database = scoring::DefaultStorePath();
        } catch (const std::exception& e) { // the data folder cannot be made: the tries will say why
            std::fprintf(stderr, "kiosk: %s\n", e.what());
            database = scoring::DefaultStoreFolder() + "/kiosk.db";
        }
    scoring::StoreOpener opener(database);
    if (!opener.Open(0)) std::fprintf(stderr, "kiosk: %s\n", opener.Failure()->what());
    std::unique_ptr<scoring::BackupSchedule> backups;
    if (!options.backup_dir.empty())
        backups = std::make_unique<scoring::BackupSchedule>(
            database, options.backup_dir, options.backup_every_min * 60, options.backup_keep);

    std::unique_ptr<kiosk::ScriptPlayer> script;
    if (!options.script.empty()) {
        kiosk::Script parsed = kiosk::LoadScript(options.script);
        if (!parsed.errors.empty()) {
            for (const std::string& error : parsed.errors)
                std::fprintf(stderr, "kiosk: %s: %s\n", options.script.c_str(), error.c_str());
            return 2;
        }
        script = std::make_unique<kiosk::ScriptPlayer>(std::move(parsed), options.shots_dir);
    }

    try {
        kiosk::Platform platform({options.window_width, options.window_height});
        kiosk::App app(std::move(pack), options, opener.Get(), opener.Failure());
        app.KeepStore(&opener, backups.get());
        platform.Run(app, script.get());
        if (!script) return 0;
        script->WriteReport();
        std::printf("kiosk: script done, %ld frames drawn, peak memory %ld MB\n", platform.FramesDrawn(),
                    PeakMemoryMb());
        for (const std::string& error : script->Errors())
            std::fprintf(stderr, "kiosk: %s: %s\n", options.script.c_str(), error.c_str());
        return script->Errors().empty() ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: %s\n", e.what());
        return 1;
    }
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (kiosk::cli::IsSubcommand(args)) return kiosk::cli::RunSubcommand(args, std::cout, std::cerr);
    const kiosk::ParsedOptions parsed = kiosk::ParseOptions(args);
    if (!parsed.error.empty()) {
        std::fprintf(stderr, "kiosk: %s\n", parsed.error.c_str());
        return 2;
    }
    if (parsed.options.show_help) return std::fputs(kiosk::HelpText().c_str(), stdout), 0;
    if (parsed.options.show_version) return std::fputs(kiosk::VersionText().c_str(), stdout), 0;
    return Run(parsed.options);
}
