// make_pack: writes a large valid content pack for benchmarks and for trying the kiosk on a big fair.
//
//     make_pack DIR [--innovations N] [--offices M] [--pictures-per-innovation K] [--seed S]
#include "tools/pack_generator.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

namespace {

constexpr const char* kUsage =
    "usage: make_pack DIR [--innovations N] [--offices M] [--pictures-per-innovation K] [--seed S]\n"
    "Writes a valid content pack into DIR (which must be new or empty): defaults 500 innovations,\n"
    "40 offices, 2 pictures each.\n";

// A whole non-negative number, or -1.
long Count(const std::string& text) {
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
        return -1;
    return std::stol(text);
}

bool Parse(int argc, char** argv, std::string& folder, tools::PackSize& size) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0) {
            if (!folder.empty()) return false;
            folder = arg;
            continue;
        }
        if (i + 1 >= argc) return false;
        const long value = Count(argv[++i]);
        if (value < 0) return false;
        if (arg == "--innovations")
            size.innovations = static_cast<int>(value);
        else if (arg == "--offices" && value > 0)
            size.offices = static_cast<int>(value);
        else if (arg == "--pictures-per-innovation")
            size.pictures_per_innovation = static_cast<int>(value);
        else if (arg == "--seed")
            size.seed = static_cast<uint32_t>(value);
        else
            return false;
    }
    return !folder.empty();
}

} // namespace

int main(int argc, char** argv) {
    std::string folder;
    tools::PackSize size;
    if (!Parse(argc, argv, folder, size)) return std::fputs(kUsage, stderr), 2;
    if (std::error_code error;
        std::filesystem::exists(folder, error) && !std::filesystem::is_empty(folder, error)) {
        std::fprintf(stderr, "make_pack: %s is not empty; give a new folder\n", folder.c_str());
        return 2;
    }
    try {
        const auto start = std::chrono::steady_clock::now();
        const tools::GeneratedPack pack = tools::GeneratePack(folder, size);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("make_pack: %s: %d innovations, %d offices, %d pictures, %.1f MB of JSON in %.2f s\n",
                    folder.c_str(), size.innovations, size.offices, pack.pictures,
                    static_cast<double>(pack.json_bytes) / 1e6, seconds);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_pack: %s\n", e.what());
        return 1;
    }
}
