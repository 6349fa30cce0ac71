// A long randomised test of the innovation bank's CSV reader (issue 4's fuzz test): random bytes,
// damaged Excel files, truncated UTF-8, unbalanced quotes and huge cells. Nothing may crash or throw,
// every failure must be a "file:line: what" message, and whatever is read must write back and read
// again unchanged. KIOSK_FUZZ_SEED=N repeats a run; KIOSK_FUZZ_SECONDS sets its length (default 4).
#include "content/bank.h"
#include "content/bank_pack.h"
#include "content/pack_loader.h"
#include "content/pack_rules.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using namespace content;

namespace {

const char* const kPieces[] = {
    "বাস্তবায়িত ধারণার নাম",
    "সংক্ষিপ্ত বিবরণ",
    "সেবাটি কার্যকর আছে কিনা",
    "না থাকলে তার কারণ",
    "সেবা গ্রহীতাগণ প্রত্যাশিত ফলাফল পাচ্ছে কিনা",
    "সেবার লিঙ্ক",
    "মন্তব্য",
    "Name",
    "Comments",
    "ক্রমিক নং",
    "হ্যাঁ",
    "না",
    "চালু",
    "বন্ধ",
    "yes",
    "no",
    "ক্ষ",
    "জ্ঞ",
    "স্ত্র",
    "র\u200d্যাব",
    "৬৩টি সেবার মধ্যে ৬১টি চালু",
    "https://a.gov.bd/x?y=1",
    ",",
    ",",
    ",",
    "\"",
    "\"\"",
    "\r\n",
    "\n",
    "\r",
    " ",
    "\t",
    ";",
    "১",
    "২",
    "\xEF\xBB\xBF",
    "\xE0\xA6",
    "\xE0",
    "\xFF",
    "\xC0\x80",
    "\xED\xA0\x80",
    "\xF4\x90\x80\x80",
    "ডিজিটাল সেবা",
};

const std::string kHeader = "বাস্তবায়িত ধারণার নাম,সংক্ষিপ্ত বিবরণ,সেবাটি কার্যকর আছে কিনা,না থাকলে তার কারণ,"
                            "সেবা গ্রহীতাগণ প্রত্যাশিত ফলাফল পাচ্ছে কিনা,সেবার লিঙ্ক,মন্তব্য\r\n";

class Generator {
  public:
    explicit Generator(unsigned seed) : random_(seed) {}

    size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }

    std::string RandomBytes() {
        std::string bytes(Below(2000), '\0');
        for (char& c : bytes)
            c = static_cast<char>(Below(256));
        return bytes;
    }

    // Text made of the pieces CSV and Bengali are made of, good and bad.
    std::string Pieces(size_t count) {
        std::string text;
        for (size_t i = 0; i < count; ++i)
            text += kPieces[Below(std::size(kPieces))];
        return text;
    }

    std::string CsvLike() {
        std::string text = Below(2) ? kHeader : Pieces(1 + Below(12)) + "\n";
        if (Below(4) == 0) text = "\xEF\xBB\xBF" + text;
        const size_t rows = Below(30);
        for (size_t r = 0; r < rows; ++r)
            text += Pieces(Below(25)) + (Below(3) ? "\r\n" : "\n");
        return text;
    }

    // A good file damaged: bytes changed, quotes added or taken away, cut short.
    std::string Damaged(std::string text) {
        const size_t edits = 1 + Below(6);
        for (size_t i = 0; i < edits && !text.empty(); ++i) {
            const size_t at = Below(text.size());
            switch (Below(4)) {
            case 0:
                text[at] = static_cast<char>(Below(256));
                break;
            case 1:
                text.insert(at, 1, '"');
                break;
            case 2:
                text.erase(at, 1);
                break;
            default:
                text.resize(at);
                break; // truncated, perhaps inside a UTF-8 sequence
            }
        }
        return text;
    }

    std::string HugeCell() {
        const std::string cell(1 + Below(4 << 20), Below(2) ? 'x' : ',');
        return kHeader + "নাম,\"" + cell + (Below(2) ? "\"" : "") + ",হ্যাঁ,,,,\r\n";
    }

  private:
    std::mt19937 random_;
};

int CountLines(const std::string& text) {
    int lines = 1;
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
    return lines;
}

bool DigitsOnly(const BankRow& row) {
    for (int c = 0; c < kBankColumnCount; ++c) {
        const std::string key = MatchKey(row.Cell(static_cast<BankColumn>(c)));
        if (!key.empty() && key.find_first_not_of("0123456789.") != std::string::npos) return false;
    }
    return true;
}

// What must hold for any input at all.
void CheckTable(const std::string& input, const BankTable& table) {
    const int lines = CountLines(input);
    for (const BankProblem& problem : table.problems) {
        CHECK(problem.file == "fuzz.csv");
        CHECK(problem.line >= 0);
        CHECK(problem.line <= lines);
        CHECK(problem.message.size() > 10);
        CHECK(problem.ToString().rfind("fuzz.csv", 0) == 0);
    }
    CHECK(table.HasErrors() == std::any_of(table.problems.begin(), table.problems.end(),
                                           [](const BankProblem& p) { return p.error; }));
    if (table.table_error) CHECK(table.rows.empty());
    int last_position = 0;
    for (const BankRow& row : table.rows) {
        CHECK_FALSE(MatchKey(row.name).empty());
        CHECK(row.line >= 1);
        CHECK(row.line <= lines);
        CHECK(row.position > last_position);
        last_position = row.position;
        for (int c = 0; c < kBankColumnCount; ++c)
            CHECK_FALSE(InvalidUtf8Offset(row.Cell(static_cast<BankColumn>(c))).has_value());
    }
    // What was read writes back and reads again the same (a first row of bare numbers would read as
    // the column-number row, so such tables are left out of this check).
    if (table.rows.empty() || DigitsOnly(table.rows.front())) return;
    const BankTable again = ParseBankCsv(FormatBankCsv(table.rows), "fuzz.csv");
    CHECK_FALSE(again.HasErrors());
    REQUIRE(again.rows.size() == table.rows.size());
    for (size_t r = 0; r < table.rows.size(); ++r)
        for (int c = 0; c < kBankColumnCount; ++c)
            CHECK(again.rows[r].Cell(static_cast<BankColumn>(c)) ==
                  table.rows[r].Cell(static_cast<BankColumn>(c)));
}

unsigned SeedFromEnvironment() {
    if (const char* seed = std::getenv("KIOSK_FUZZ_SEED"))
        return static_cast<unsigned>(std::strtoul(seed, nullptr, 10));
    return std::random_device{}();
}

double SecondsFromEnvironment() {
    const char* seconds = std::getenv("KIOSK_FUZZ_SECONDS");
    return seconds ? std::strtod(seconds, nullptr) : 4.0;
}

} // namespace

TEST_CASE("fuzz: the bank CSV reader survives random and damaged input, and says what is wrong") {
    const unsigned seed = SeedFromEnvironment();
    MESSAGE("KIOSK_FUZZ_SEED=" << seed);
    Generator generate(seed);
    std::ifstream sample(fs::path(KIOSK_SOURCE_DIR) / "tests/data/bank/tricky.csv", std::ios::binary);
    const std::string tricky{std::istreambuf_iterator<char>(sample), std::istreambuf_iterator<char>()};
    REQUIRE_FALSE(tricky.empty());

    const fs::path scratch = fs::temp_directory_path() / ("kiosk-bank-fuzz-" + std::to_string(::getpid()));
    const auto start = std::chrono::steady_clock::now();
    const auto budget = std::chrono::duration<double>(SecondsFromEnvironment());
    int runs = 0, huge = 0, imported = 0;
    bool want_import = false;
    while (std::chrono::steady_clock::now() - start < budget) {
        std::string input;
        switch (runs % 4) {
        case 0:
            input = generate.RandomBytes();
            break;
        case 1:
            input = generate.CsvLike();
            break;
        case 2:
            input = generate.Damaged(tricky);
            break;
        default:
            input = runs % 200 == 3 ? (++huge, generate.HugeCell()) : generate.Damaged(generate.CsvLike());
            break;
        }
        CAPTURE(runs);
        BankTable table;
        REQUIRE_NOTHROW(table = ParseBankCsv(input, "fuzz.csv"));
        CheckTable(input, table);

        // Now and then the rows go all the way into a pack, which must then load without errors.
        want_import = want_import || runs % 50 == 0;
        if (want_import && !table.rows.empty()) {
            want_import = false;
            fs::remove_all(scratch);
            const BankImportReport report = ImportBank(table, scratch.string(), {});
            if (!report.HasErrors()) {
                const LoadedPack pack = LoadPack(scratch.string());
                CHECK(pack.Count(Severity::Error) == 0);
                ++imported;
            }
        }
        ++runs;
    }
    fs::remove_all(scratch);
    MESSAGE(runs << " inputs, " << huge << " with a huge cell, " << imported << " imported into a pack");
    CHECK(runs > 100);
}
