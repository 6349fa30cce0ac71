// A long randomised test of the pack parser: the demo fair's JSON files mutated thousands of
// times (byte flips, cuts, deletions, duplicated spans, random and broken UTF-8, stray JSON
// tokens), each mutant loaded and checked. Nothing may throw or crash, and what loads must still
// be a consistent fair. Deterministic: a fixed seed; KIOSK_FUZZ_ITERATIONS runs it longer.
#include "content/pack_loader.h"
#include "content/pack_rules.h"
#include "kiosk/cli/commands.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace content;

namespace {

const fs::path kDemo = fs::path(KIOSK_SOURCE_DIR) / "assets/demo-fair";

size_t Iterations(size_t fallback) {
    const char* text = std::getenv("KIOSK_FUZZ_ITERATIONS");
    return text && *text ? std::strtoul(text, nullptr, 10) : fallback;
}

std::string ReadAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Mutations that hand-edited files and broken copies produce, and some that nobody would.
class Mutator {
  public:
    explicit Mutator(uint32_t seed) : m_random(seed) {}

    std::string Mutate(std::string text) {
        const size_t count = 1 + Below(4);
        for (size_t i = 0; i < count; ++i)
            MutateOnce(text);
        return text;
    }

  private:
    size_t Below(size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(m_random); }

    void MutateOnce(std::string& text) {
        const size_t at = Below(text.size() + 1);
        const size_t span = 1 + Below(std::min<size_t>(64, text.size() + 1));
        switch (Below(8)) {
        case 0: // flip a byte's bit
            if (!text.empty()) text[at % text.size()] ^= static_cast<char>(1u << Below(8));
            break;
        case 1:
            text.resize(at);
            break; // cut short
        case 2:
            text.erase(at, span);
            break;
        case 3:
            text.insert(at, text.substr(Below(text.size() + 1), span));
            break; // duplicate a span
        case 4:
            text.insert(at, RandomUtf8());
            break;
        case 5:
            text.insert(at, Token());
            break;
        case 6: // replace a value with another kind
            if (size_t colon = text.find(':', at); colon != std::string::npos)
                text.insert(colon + 1, Token() + ",");
            break;
        default: // random bytes, valid UTF-8 or not
            for (size_t i = 0; i < 1 + Below(6); ++i)
                text.insert(text.begin() + static_cast<long>(std::min(at, text.size())),
                            static_cast<char>(Below(256)));
        }
    }

    std::string RandomUtf8() {
        static const char* const kPieces[] = {
            "ক্ষ",           "।",       "\xE0\xA6", "\xC3\x28", "\xED\xA0\x80", "\xF4\x90\x80\x80",
            "\xEF\xBB\xBF", "\\u0000", "\\ud800",  "\"",       "\\",           "\n",
            "\r\n",         "\t",      "😀"};
        return kPieces[Below(std::size(kPieces))];
    }

    std::string Token() {
        static const char* const kTokens[] = {"{",
                                              "}",
                                              "[",
                                              "]",
                                              ",",
                                              ":",
                                              "null",
                                              "true",
                                              "-1",
                                              "1e999",
                                              "-0.5",
                                              "\"\"",
                                              "{}",
                                              "[]",
                                              "\"s1\"",
                                              "\"start\"",
                                              "\"decision\"",
                                              "\"yes\"",
                                              "{\"bn\": 1}",
                                              "\"https://x\"",
                                              "\"pictures/x.png\"",
                                              "[[[[[[[[[[",
                                              "18446744073709551616",
                                              "\"id\": \"a\""};
        return kTokens[Below(std::size(kTokens))];
    }

    std::mt19937 m_random;
};

// What the kiosk is given must hold together whatever the files said.
void CheckConsistent(const LoadedPack& pack) {
    for (const PackProblem& problem : pack.problems) {
        REQUIRE_FALSE(problem.file.empty());
        REQUIRE_FALSE(problem.message.empty());
        REQUIRE(problem.line >= 0);
        REQUIRE_FALSE(InvalidUtf8Offset(problem.message)); // messages quote the pack's text, cut safely
    }
    if (!pack.fair_ok) REQUIRE(pack.content.innovations.empty());
    for (const Innovation& innovation : pack.content.innovations) {
        REQUIRE_FALSE(innovation.id.empty());
        REQUIRE(pack.content.FindOffice(innovation.office_id));
        REQUIRE(pack.content.FindCategory(innovation.category_id));
        REQUIRE_FALSE(innovation.title.bn.empty());
        for (const ProcessMap* map : {&innovation.process_before, &innovation.process_after})
            for (const Edge& edge : map->edges)
                REQUIRE((map->IndexOf(edge.from) >= 0 && map->IndexOf(edge.to) >= 0));
        if (innovation.tcv.time) REQUIRE(innovation.tcv.time->before >= 0);
        if (!innovation.service_link.empty()) REQUIRE(IsWebLink(innovation.service_link));
    }
}

// fair.json and the first few innovations of the demo fair: small enough that each mutant loads
// in about a millisecond, and the mutations land on few files.
struct ScratchCopy {
    static constexpr size_t kInnovations = 6;
    fs::path root = fs::temp_directory_path() / ("kiosk-fuzz-" + std::to_string(getpid()));
    ScratchCopy() {
        fs::remove_all(root);
        fs::create_directories(root / "innovations");
        fs::copy_file(kDemo / "fair.json", root / "fair.json");
        std::vector<fs::path> files;
        for (const fs::directory_entry& entry : fs::directory_iterator(kDemo / "innovations"))
            files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (size_t i = 0; i < std::min(kInnovations, files.size()); ++i)
            fs::copy_file(files[i], root / "innovations" / files[i].filename());
    }
    ~ScratchCopy() { fs::remove_all(root); }
};

} // namespace

TEST_CASE("fuzz: mutated demo pack files never make the loader or kiosk check throw or crash") {
    ScratchCopy scratch;
    std::vector<fs::path> files{scratch.root / "fair.json"};
    for (const fs::directory_entry& entry : fs::directory_iterator(scratch.root / "innovations"))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> originals;
    for (const fs::path& file : files)
        originals.push_back(ReadAll(file));

    Mutator mutator(20240312);
    std::mt19937 pick(7);
    const size_t iterations = Iterations(1200);
    size_t with_errors = 0, fair_lost = 0;
    for (size_t i = 0; i < iterations; ++i) {
        // Mutate one to three files, the fair itself one time in five.
        std::vector<size_t> mutated;
        for (size_t k = 0, n = 1 + pick() % 3; k < n; ++k)
            mutated.push_back(pick() % 5 == 0 ? 0 : 1 + pick() % (files.size() - 1));
        for (size_t f : mutated)
            std::ofstream(files[f], std::ios::binary | std::ios::trunc) << mutator.Mutate(originals[f]);

        LoadedPack pack;
        CAPTURE(i);
        REQUIRE_NOTHROW(pack = LoadPack(scratch.root.string()));
        CheckConsistent(pack);
        with_errors += pack.Count(Severity::Error) > 0;
        fair_lost += !pack.fair_ok;
        if (i % 10 == 0) { // the check also reads picture headers and prints: a tenth of the runs
            std::ostringstream out, err;
            int status = 0;
            REQUIRE_NOTHROW(status = kiosk::cli::Check({scratch.root.string()}, out, err));
            REQUIRE((status == 0 || status == 1));
        }
        for (size_t f : mutated)
            std::ofstream(files[f], std::ios::binary | std::ios::trunc) << originals[f];
    }
    MESSAGE(iterations << " mutants: " << with_errors << " with errors, " << fair_lost << " without a fair");
    CHECK(with_errors > iterations / 2); // the mutations do break things
}

TEST_CASE("fuzz: picture headers mutated and cut never crash the picture check") {
    const fs::path file = fs::temp_directory_path() / ("kiosk-fuzz-picture-" + std::to_string(getpid()));
    // Real headers to start from: a PNG and a JPEG, each cut to its first bytes.
    const std::string seeds[] = {
        std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\0\0\0\0", 33),
        std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xC0\0\x11\x08\0\x10\0\x10\x03"
                    "\x01\x22\0\x02\x11\x01\x03\x11\x01",
                    43)};
    std::mt19937 random(99);
    for (size_t i = 0; i < Iterations(1500) / 3; ++i) {
        std::string bytes = seeds[i % 2];
        for (size_t k = 0, n = 1 + random() % 4; k < n; ++k) {
            const size_t at = random() % bytes.size();
            if (random() % 3 == 0)
                bytes.resize(at + 1);
            else
                bytes[at] = static_cast<char>(random());
        }
        std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
        REQUIRE_NOTHROW(CheckPicture(file.string()));
    }
    fs::remove(file);
}
