// libFuzzer target for the pack parser (cmake -DKIOSK_FUZZ=ON with clang). Each input is one
// file of a small pack: its first byte picks fair.json or an innovation, the rest is the text.
// Seed it with the demo fair:  pack_fuzzer CORPUS_DIR assets/demo-fair/innovations
#include "content/pack_loader.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const fs::path kDemo = fs::path(KIOSK_SOURCE_DIR) / "assets/demo-fair";

void Write(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

std::string Read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A pack with the demo fair.json and one demo innovation, kept for the whole run.
struct Scratch {
    fs::path root = fs::temp_directory_path() / ("kiosk-pack-fuzzer-" + std::to_string(getpid()));
    std::string fair = Read(kDemo / "fair.json");
    std::string innovation = Read(kDemo / "innovations/fire-rescue-app.json");
    Scratch() {
        fs::create_directories(root / "innovations");
        Write(root / "fair.json", fair);
        Write(root / "innovations/a.json", innovation);
    }
    ~Scratch() { fs::remove_all(root); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const Scratch scratch;
    if (size == 0) return 0;
    const bool fair = data[0] & 1;
    const fs::path file = scratch.root / (fair ? "fair.json" : "innovations/a.json");
    Write(file, std::string(reinterpret_cast<const char*>(data + 1), size - 1));
    const content::LoadedPack pack =
        content::LoadPack(scratch.root.string(), {.decode_pictures = (data[0] & 2) != 0});
    if (!pack.fair_ok && !pack.content.innovations.empty()) __builtin_trap(); // an empty fair shows nothing
    Write(file, fair ? scratch.fair : scratch.innovation);
    return 0;
}
