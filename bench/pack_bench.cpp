// Load+validate time of a 500-innovation pack (the target: under 200 ms, pictures
// excluded since the kiosk loads them lazily), the same with `kiosk check`'s picture header
// reads, and the peak resident memory of a process that only loads the pack. Prints figures;
// asserts nothing about time.
//
//     pack_bench [--innovations N] [--runs R]
//     pack_bench --load-only DIR      (the child process whose memory is measured)
#include "content/pack_loader.h"
#include "tools/pack_generator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Timing {
    double median = 0, min = 0, max = 0;
};

// Milliseconds of `runs` calls after one warm-up call (a kiosk restarts with a warm file cache).
Timing Time(int runs, const std::function<void()>& work) {
    work();
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const Clock::time_point start = Clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front(), ms.back()};
}

// Peak resident memory, in MB, of a fresh process that loads the pack once: run as a child so
// the generator's own memory does not count.
double PeakLoadingRssMb(const std::string& folder) {
    const std::string self = fs::read_symlink("/proc/self/exe").string();
    std::vector<std::string> args{self, "--load-only", folder};
    std::vector<char*> argv;
    for (std::string& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t child = 0;
    if (posix_spawn(&child, self.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return -1;
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux reports kilobytes
}

int LoadOnly(const std::string& folder) {
    const content::LoadedPack pack = content::LoadPack(folder);
    return pack.fair_ok && pack.problems.empty() ? 0 : 1;
}

// A scratch folder removed at the end, even when the benchmark fails.
struct TempFolder {
    fs::path path = fs::temp_directory_path() / ("kiosk-pack-bench-" + std::to_string(getpid()));
    TempFolder() { fs::remove_all(path); }
    ~TempFolder() { fs::remove_all(path); }
};

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 2 && args[0] == "--load-only") return LoadOnly(args[1]);
    tools::PackSize size; // 500 innovations, 40 offices, 2 pictures each
    int runs = 9;
    for (size_t i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == "--innovations")
            size.innovations = std::atoi(args[i + 1].c_str());
        else if (args[i] == "--runs")
            runs = std::max(1, std::atoi(args[i + 1].c_str()));
    }

    TempFolder folder;
    const Clock::time_point start = Clock::now();
    const tools::GeneratedPack generated = tools::GeneratePack(folder.path.string(), size);
    const double generate_s = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf(
        "pack_bench: %d innovations, %d offices, %d pictures, %.1f MB of JSON (generated in %.2f s)\n",
        size.innovations, size.offices, generated.pictures, static_cast<double>(generated.json_bytes) / 1e6,
        generate_s);

    content::LoadedPack pack;
    const Timing load = Time(runs, [&] { pack = content::LoadPack(folder.path.string()); });
    std::printf(
        "load+validate (the kiosk):        median %7.1f ms  (min %.1f, max %.1f, %d runs; target < 200 ms)\n",
        load.median, load.min, load.max, runs);
    if (!pack.problems.empty() || pack.content.innovations.size() != static_cast<size_t>(size.innovations))
        std::printf("pack_bench: the generated pack has %zu problems, %zu innovations loaded\n",
                    pack.problems.size(), pack.content.innovations.size());

    const Timing check =
        Time(runs, [&] { pack = content::LoadPack(folder.path.string(), {.decode_pictures = true}); });
    std::printf("kiosk check (+ pictures decoded): median %7.1f ms  (min %.1f, max %.1f)\n", check.median,
                check.min, check.max);
    std::printf("peak RSS of a process loading the pack: %.1f MB\n", PeakLoadingRssMb(folder.path.string()));
    return 0;
}
