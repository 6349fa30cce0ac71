// The innovation bank: reading the Cabinet Division's seven-column CSV in every shape organisers
// bring it, each error message, writing it back for Excel, and import/export against content packs.
#include "content/bank.h"
#include "content/bank_pack.h"
#include "content/pack_loader.h"
#include "content/pack_writer.h"
#include "kiosk/cli/commands.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace content;
using Json = nlohmann::ordered_json;

namespace {

const fs::path kData = fs::path(KIOSK_SOURCE_DIR) / "tests/data/bank";
const fs::path kDemo = fs::path(KIOSK_SOURCE_DIR) / "assets/demo-fair";

const std::string kHeader = "বাস্তবায়িত ধারণার নাম,সংক্ষিপ্ত বিবরণ,সেবাটি কার্যকর আছে কিনা,না থাকলে তার কারণ,"
                            "সেবা গ্রহীতাগণ প্রত্যাশিত ফলাফল পাচ্ছে কিনা,সেবার লিঙ্ক,মন্তব্য";

// A scratch folder, removed when the test ends; unique per process so CTest may run tests in parallel.
struct TempDir {
    fs::path root;
    explicit TempDir(const std::string& name)
        : root(fs::temp_directory_path() / ("kiosk-bank-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~TempDir() { fs::remove_all(root); }
    std::string operator/(const std::string& name) const { return (root / name).string(); }
};

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void WriteFile(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

Json ReadJson(const fs::path& path) {
    return Json::parse(ReadFile(path));
}

// Every file of a folder with its bytes, to see what an operation changed.
std::map<std::string, std::string> Snapshot(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file())
            files[fs::relative(entry.path(), folder).string()] = ReadFile(entry.path());
    return files;
}

BankTable Parse(const std::string& csv) {
    return ParseBankCsv(csv, "bank.csv");
}

std::vector<std::string> Messages(const std::vector<BankProblem>& problems) {
    std::vector<std::string> texts;
    for (const BankProblem& problem : problems)
        texts.push_back(problem.ToString());
    return texts;
}

bool HasMessage(const std::vector<BankProblem>& problems, const std::string& text) {
    for (const BankProblem& problem : problems)
        if (problem.ToString() == text) return true;
    return false;
}

std::vector<std::array<std::string, kBankColumnCount>> Cells(const std::vector<BankRow>& rows) {
    std::vector<std::array<std::string, kBankColumnCount>> cells;
    for (const BankRow& row : rows) {
        cells.emplace_back();
        for (int c = 0; c < kBankColumnCount; ++c)
            cells.back()[static_cast<size_t>(c)] = row.Cell(static_cast<BankColumn>(c));
    }
    return cells;
}

std::string CopyDemo(const TempDir& dir) {
    const fs::path pack = dir.root / "fair";
    fs::copy(kDemo, pack, fs::copy_options::recursive);
    return pack.string();
}

int RunCli(const std::vector<std::string>& args, std::string& out, std::string& err) {
    std::ostringstream o, e;
    const int code = kiosk::cli::Bank(args, o, e);
    out = o.str();
    err = e.str();
    return code;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Reading the CSV
// ---------------------------------------------------------------------------------------------

TEST_CASE("an Excel 'CSV UTF-8' file: BOM, CRLF, quoted commas, quotes and line breaks") {
    const BankTable table = ReadBankCsv((kData / "excel-bank.csv").string());
    INFO(Messages(table.problems).size());
    CHECK(table.problems.empty());
    REQUIRE(table.rows.size() == 5);
    for (int c = 0; c < kBankColumnCount; ++c)
        CHECK(table.Has(static_cast<BankColumn>(c)));

    const BankRow& store = table.rows[0];
    CHECK(store.name == "ডিজিটাল স্টোর ম্যানেজমেন্ট সিস্টেম");
    CHECK(store.line == 2);
    CHECK(store.position == 1);
    CHECK(store.running == "হ্যাঁ");
    CHECK(store.service_link == "https://store.prison.gov.bd");

    const BankRow& noc = table.rows[1];
    CHECK(noc.description == "আমদানিকারক অনলাইনে \"অনাপত্তি\" আবেদন করেন; ধাপ ১২টি থেকে ৫টিতে নেমেছে।");
    CHECK(noc.expected_result == "আংশিক, ৭০% আবেদন ৩ কার্যদিবসে নিষ্পত্তি");
    CHECK(noc.comments.empty());

    const BankRow& archive = table.rows[2];
    CHECK(archive.comments == "মন্ত্রিপরিষদ বিভাগের ছকে তথ্য প্রেরণ করা হয়েছে।\nমোট ৬৩টি সেবার মধ্যে ৬১টি চালু।");
    CHECK(archive.reason_not_running == "সার্ভার হস্তান্তর প্রক্রিয়াধীন, জুন ২০২৪-এ পুনরায় চালু হবে");
    // The row after a two-line cell starts two lines further down.
    CHECK(table.rows[3].line == 6);
    CHECK(table.rows[4].position == 5);
}

TEST_CASE("with or without a BOM, with CRLF, LF or CR line ends, the rows are the same") {
    const std::string excel = ReadFile(kData / "excel-bank.csv");
    const std::vector<BankRow> expected = Parse(excel).rows;
    std::string lf = excel.substr(3); // no BOM
    for (size_t at = lf.find("\r\n"); at != std::string::npos; at = lf.find("\r\n", at))
        lf.erase(at, 1);
    std::string cr = lf;
    std::replace(cr.begin(), cr.end(), '\n', '\r');
    for (const std::string* text : {&lf, &cr}) {
        const BankTable table = Parse(*text);
        CHECK(table.problems.empty());
        CHECK(Cells(table.rows) == Cells(expected));
    }
    CHECK(Parse(lf).rows[3].line == 6);
}

TEST_CASE("English headers in another order, an extra column is ignored with a warning") {
    const BankTable table = ReadBankCsv((kData / "english-headers.csv").string());
    const std::string file = (kData / "english-headers.csv").string();
    CHECK_FALSE(table.HasErrors());
    CHECK(Messages(table.problems) ==
          std::vector<std::string>{file +
                                   ":1: warning: column 8 \"Office\" is not one of the bank's seven columns; "
                                   "it is ignored"});
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].name == "Fire and Rescue App");
    CHECK(table.rows[0].service_link ==
          "https://play.google.com/store/apps/details?id=bd.gov.fscd.firerescue");
    CHECK(table.rows[1].running == "no");
    CHECK(table.rows[1].reason_not_running == "Moving to a new server");
    CHECK(table.rows[1].comments == "Back in June");
}

TEST_CASE("headers match whatever their spacing, punctuation, brackets and spelling of য়") {
    // "য়" typed as য + nukta, a question mark, an explanation in brackets, doubled spaces.
    const std::string header =
        "ক্রমিক নং,বাস্তবা\u09DFিত  ধারণার নাম ,সংক্ষিপ্ত বিবরণ:,সেবাটি কার্যকর আছে কিনা? (হ্যাঁ/না),"
        "না থাকলে তার কারণ,সেবা গ্রহীতাগণ প্রত্যাশিত ফলাফল পাচ্ছে কিনা।,সেবার লিংক,মন্তব্য\n";
    const BankTable table = Parse(header + "১,নাম,বিবরণ,হ্যাঁ,,,,\n");
    CHECK(table.problems.empty()); // the serial column is expected, not warned about
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].name == "নাম");
    CHECK(table.rows[0].running == "হ্যাঁ");
}

TEST_CASE("semicolon- and tab-separated files are read too") {
    for (const char* separator : {";", "\t"}) {
        std::string header = kHeader;
        std::replace(header.begin(), header.end(), ',', separator[0]);
        const std::string row = std::string("নাম, কমাসহ") + separator + "বিবরণ" + separator + "না" +
                                separator + "কারণ" + separator + separator + separator + "\n";
        const BankTable table = Parse(header + "\n" + row);
        CAPTURE(separator);
        CHECK(table.problems.empty());
        REQUIRE(table.rows.size() == 1);
        CHECK(table.rows[0].name == "নাম, কমাসহ");
        CHECK(table.rows[0].reason_not_running == "কারণ");
    }
}

TEST_CASE("a title above the header, the column-number row and empty rows are not data") {
    const std::string csv = "জনপ্রশাসন মন্ত্রণালয়ের ইনোভেশন ব্যাংক,,,,,,\r\n" + kHeader +
                            "\r\n১,২,৩,৪,৫,৬,৭\r\n,,,,,,\r\n\r\nনাম,বিবরণ,হ্যাঁ,,,,\r\n";
    const BankTable table = Parse(csv);
    CHECK(Messages(table.problems) ==
          std::vector<std::string>{"bank.csv:1: warning: the rows above the header (line 2) are ignored"});
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].line == 6);
    CHECK(table.rows[0].position == 1);
}

TEST_CASE("trailing empty cells (Excel's padding) are fine, a missing optional column is a warning") {
    const BankTable padded = Parse(kHeader + ",,\nনাম,বিবরণ,হ্যাঁ,,,,,,,\n");
    CHECK(padded.problems.empty());
    CHECK(padded.rows.size() == 1);

    const BankTable partial = Parse("বাস্তবায়িত ধারণার নাম,সংক্ষিপ্ত বিবরণ\nনাম,বিবরণ\n");
    CHECK_FALSE(partial.HasErrors());
    CHECK(partial.rows.size() == 1);
    CHECK(partial.problems.size() == 5);
    CHECK(HasMessage(partial.problems, "bank.csv:1: warning: the header has no \"মন্তব্য\" (comments) column: "
                                       "import leaves that field as it is"));
}

// ---------------------------------------------------------------------------------------------
// Every error, with its message
// ---------------------------------------------------------------------------------------------

TEST_CASE("error: a required column is missing") {
    const BankTable table = Parse("বাস্তবায়িত ধারণার নাম,মন্তব্য\nনাম,কিছু\n");
    CHECK(table.table_error);
    CHECK(table.rows.empty());
    CHECK(HasMessage(table.problems,
                     "bank.csv:1: the header has no \"সংক্ষিপ্ত বিবরণ\" (short description) column"));
}

TEST_CASE("error: two columns are the same column") {
    const BankTable table = Parse("নাম,সংক্ষিপ্ত বিবরণ,Description\nক,খ,গ\n");
    CHECK(table.table_error);
    CHECK(HasMessage(table.problems,
                     "bank.csv:1: columns 2 and 3 are both \"সংক্ষিপ্ত বিবরণ\" (short description)"));
}

TEST_CASE("error: no header at all, and the hint when Excel turned Bengali into question marks") {
    CHECK(Messages(Parse("foo,bar\n1,2\n").problems) ==
          std::vector<std::string>{
              "bank.csv:1: no header row: expected columns such as \"বাস্তবায়িত ধারণার নাম\" "
              "(name of the implemented idea) and \"সংক্ষিপ্ত বিবরণ\" (short description)"});
    const BankTable ansi = Parse("?????????? ????? ???,?????????? ??????\n");
    REQUIRE(ansi.problems.size() == 1);
    CHECK(ansi.problems[0].message.find("Excel's plain \"CSV\" format") != std::string::npos);
    CHECK(Messages(Parse("").problems) ==
          std::vector<std::string>{
              "bank.csv: the file has no rows: expected a header with \"বাস্তবায়িত ধারণার "
              "নাম\" (name of the implemented idea), \"সংক্ষিপ্ত বিবরণ\" (short description) "
              "and the other columns of the bank"});
}

TEST_CASE("error: invalid UTF-8 in a cell leaves that row out, the others are read") {
    const std::string csv =
        kHeader + "\nভালো,বিবরণ,হ্যাঁ,,,,\nখারাপ,বি\xE0\xA6,হ্যাঁ,,,,\nআরও ভালো,বিবরণ,না,,,,\n";
    const BankTable table = Parse(csv);
    CHECK_FALSE(table.table_error);
    CHECK(table.rows.size() == 2);
    CHECK(Messages(table.problems) ==
          std::vector<std::string>{
              "bank.csv:3: the short description is not valid UTF-8 (byte 0xE0 after \"বি\"): "
              "save the sheet as \"CSV UTF-8 (Comma delimited)\""});
}

TEST_CASE("error: the header is not UTF-8") {
    const BankTable table = Parse("Name,Description,\xE9t\xE9\n");
    CHECK(table.table_error);
    CHECK(Messages(table.problems) ==
          std::vector<std::string>{
              "bank.csv:1: the header is not valid UTF-8: in Excel, save the sheet as \"CSV "
              "UTF-8 (Comma delimited)\""});
}

TEST_CASE("error: rows with too many or too few cells") {
    const std::string csv = kHeader + "\nএক,দুই,হ্যাঁ,,,,,বাড়তি\nকম,ঘর\nঠিক,আছে,হ্যাঁ,,,,\n";
    const BankTable table = Parse(csv);
    CHECK(table.rows.size() == 1);
    CHECK(Messages(table.problems) ==
          std::vector<std::string>{
              "bank.csv:2: the row has 8 cells but the header has 7: a comma inside a cell needs the cell in "
              "double quotes",
              "bank.csv:3: the row has 2 cells but the header has 7: a cell is missing, or a line break "
              "inside a "
              "cell is not in quotes"});
}

TEST_CASE("error: a row without a name") {
    const BankTable table = Parse(kHeader + "\n  ,বিবরণ আছে,হ্যাঁ,,,,\n");
    CHECK(table.rows.empty());
    CHECK(Messages(table.problems) ==
          std::vector<std::string>{
              "bank.csv:2: the \"বাস্তবায়িত ধারণার নাম\" (name of the implemented idea) is empty"});
}

TEST_CASE("error: a quote that is never closed names the line the cell began on") {
    const std::string csv = kHeader + "\nএক,দুই,হ্যাঁ,,,,\nতিন,\"খোলা উদ্ধৃতি,হ্যাঁ,,,,\nচার,পাঁচ,না,,,,\n";
    const BankTable table = Parse(csv);
    CHECK(table.table_error);
    CHECK(
        Messages(table.problems) ==
        std::vector<std::string>{"bank.csv:3: a cell opened with a double quote is never closed: the closing "
                                 "quote is missing"});
}

TEST_CASE("error: a stray quote inside a cell, and the hint when an earlier quote swallowed lines") {
    const BankTable stray = Parse(kHeader + "\nএক,১৫\" পর্দা,হ্যাঁ,,,,\n");
    CHECK(stray.table_error);
    CHECK(Messages(stray.problems) ==
          std::vector<std::string>{
              "bank.csv:2: not valid CSV: a double quote may only open or close a cell, and a "
              "quote inside a quoted cell is written twice (\"\")"});

    const BankTable swallowed = Parse(kHeader + "\nএক,\"দুই,হ্যাঁ,,,,\nতিন,\"চার\",না,,,,\n");
    REQUIRE(swallowed.problems.size() == 1);
    CHECK(swallowed.problems[0].line == 3);
    CHECK(swallowed.problems[0].message.find("(the cell began on line 2: is its closing quote missing?)") !=
          std::string::npos);
}

TEST_CASE("error: files that are not CSV text say what they are") {
    CHECK(Parse(std::string("\xFF\xFEN\0a\0", 6)).problems.at(0).message.find("UTF-16") != std::string::npos);
    CHECK(Parse(std::string("PK\x03\x04 rest", 9)).problems.at(0).message.find(".xlsx") != std::string::npos);
    CHECK(Parse(std::string("\xD0\xCF\x11\xE0", 4)).problems.at(0).message.find(".xls") != std::string::npos);
    CHECK(Parse(std::string("a\0b", 3)).problems.at(0).ToString() ==
          "bank.csv: the file holds NUL bytes: it is not CSV text (UTF-16 without a byte-order mark?)");
    const BankTable missing = ReadBankCsv("/nonexistent/bank.csv");
    CHECK(missing.table_error);
    CHECK(Messages(missing.problems) ==
          std::vector<std::string>{"/nonexistent/bank.csv: cannot open the file"});
}

// ---------------------------------------------------------------------------------------------
// Answers, keys and writing
// ---------------------------------------------------------------------------------------------

TEST_CASE("running answers: হ্যাঁ/না/চালু/বন্ধ/yes/no and common variants") {
    for (const char* yes :
         {"হ্যাঁ", "হ্যা", "চালু", "চালু আছে", "কার্যকর", "সচল", "Yes", " YES ", "হ্যাঁ।", "হ্যাঁ, আংশিক"})
        CHECK_MESSAGE(ParseRunningAnswer(yes) == ServiceStatus::Running, yes);
    for (const char* no : {"না", "বন্ধ", "চালু নেই", "অকার্যকর", "No", "না (বাজেট নেই)", "stopped"})
        CHECK_MESSAGE(ParseRunningAnswer(no) == ServiceStatus::Stopped, no);
    for (const char* unknown : {"", "আংশিক চালু", "maybe", "চালু হবে"})
        CHECK_MESSAGE(!ParseRunningAnswer(unknown).has_value(), unknown);
    CHECK(std::string(DefaultRunningAnswer(ServiceStatus::Pilot)) == "হ্যাঁ");
    CHECK(std::string(DefaultRunningAnswer(ServiceStatus::Planned)) == "না");
}

TEST_CASE("match keys: spacing, invisible joiners, two spellings of য় and ো, digits and case") {
    CHECK(MatchKey("  ডিজিটাল   স্টোর\u00A0সিস্টেম ") == MatchKey("ডিজিটাল স্টোর সিস্টেম"));
    CHECK(MatchKey("নবায়ন") == MatchKey("নবায\u09BCন"));    // য় precomposed vs য + nukta
    CHECK(MatchKey("রোগী") == MatchKey("র\u09C7\u09BEগী")); // ো as one code point or two
    CHECK(MatchKey("৬৩টি সেবা") == MatchKey("63টি সেবা"));
    CHECK(MatchKey("fire\u200Bapp") == "fireapp");
    CHECK(MatchKey("Fire App") == MatchKey("FIRE app"));
    CHECK(MatchKey("কর্ম\u200Cচারী") == MatchKey("কর্মচারী"));
    CHECK(MatchKey("ক্ষ") != MatchKey("ক্স"));
}

TEST_CASE("writing: BOM, Bengali headers, CRLF, quotes only where needed, reading gives the rows back") {
    BankRow row;
    row.name = "নাম, কমাসহ";
    row.description = "\"উদ্ধৃতি\" ও\nনতুন লাইন";
    row.running = "হ্যাঁ";
    row.comments = "  ফাঁকা  ";
    row.service_link = "https://a.gov.bd";
    const std::string csv = FormatBankCsv({row});
    CHECK(csv.rfind("\xEF\xBB\xBF" + kHeader + "\r\n", 0) == 0);
    CHECK(csv.substr(3 + kHeader.size() + 2) ==
          "\"নাম, কমাসহ\",\"\"\"উদ্ধৃতি\"\" ও\nনতুন লাইন\",হ্যাঁ,,,https://a.gov.bd,\"  ফাঁকা  \"\r\n");
    const BankTable back = Parse(csv);
    CHECK(back.problems.empty());
    CHECK(Cells(back.rows) == Cells({row}));
}

// ---------------------------------------------------------------------------------------------
// Writing files and editing packs
// ---------------------------------------------------------------------------------------------

TEST_CASE("atomic writes replace a file whole, keep its permissions and leave no temporary file") {
    TempDir dir("atomic");
    const std::string file = dir / "a.json";
    WriteFileAtomically(file, "first\n");
    CHECK(ReadFile(file) == "first\n");
    ::chmod(file.c_str(), 0640);
    WriteFileAtomically(file, "second\n");
    CHECK(ReadFile(file) == "second\n");
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0640);
    CHECK(std::distance(fs::directory_iterator(dir.root), fs::directory_iterator()) == 1);

    CHECK_THROWS_AS(WriteFileAtomically(dir / "missing/b.json", "x"), PackWriteError);
    fs::create_directories(dir.root / "folder.json");
    CHECK_THROWS_AS(WriteFileAtomically(dir / "folder.json", "x"), PackWriteError);
    CHECK(std::distance(fs::directory_iterator(dir.root), fs::directory_iterator()) == 2);
}

TEST_CASE("the pack editor writes nothing it was not asked to, and keeps every other field in order") {
    TempDir dir("editor");
    const std::string pack = CopyDemo(dir);
    const auto before = Snapshot(pack);
    {
        PackEditor editor(pack);
        CHECK(editor.HasFair());
        CHECK(editor.Save().empty());
    }
    CHECK(Snapshot(pack) == before);

    PackEditor editor(pack);
    for (InnovationEntry& entry : editor.Innovations())
        if (entry.draft.id == "fire-rescue-app") entry.draft.bank.record.comments = "মন্তব্য";
    CHECK(editor.Save() == std::vector<std::string>{"innovations/fire-rescue-app.json"});
    const Json old_json = Json::parse(before.at("innovations/fire-rescue-app.json"));
    Json new_json = ReadJson(fs::path(pack) / "innovations/fire-rescue-app.json");
    CHECK(new_json["bank"] == Json{{"comments", "মন্তব্য"}});
    new_json.erase("bank");
    CHECK(new_json == old_json); // ordered: same fields, same values, same order
}

TEST_CASE("the pack editor refuses a fair.json that is not JSON, and lists unreadable innovation files") {
    TempDir dir("editor-bad");
    WriteFile(dir.root / "fair.json", "{ not json");
    CHECK_THROWS_WITH_AS(PackEditor(dir.root.string()), doctest::Contains("fair.json: not valid JSON"),
                         PackWriteError);
    fs::remove(dir.root / "fair.json");
    fs::create_directories(dir.root / "innovations");
    WriteFile(dir.root / "innovations/broken.json", "{");
    WriteFile(dir.root / "innovations/noid.json", "{}");
    PackEditor editor(dir.root.string());
    CHECK_FALSE(editor.HasFair());
    CHECK(editor.Unreadable().size() == 2);
    CHECK(editor.IdInUse("broken")); // its file name is never reused
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

TEST_CASE("import into a fresh folder: a minimal fair, the bank's office and category, one file per row") {
    TempDir dir("fresh");
    const std::string pack = dir / "new-pack";
    const BankTable table = ReadBankCsv((kData / "excel-bank.csv").string());
    const BankImportReport report = ImportBank(table, pack, {});
    CHECK(Messages(report.problems).empty());
    CHECK(report.created.size() == 5);
    CHECK(report.written.front() == "fair.json");

    const LoadedPack loaded = LoadPack(pack);
    CHECK(loaded.fair_ok);
    CHECK(loaded.Count(Severity::Error) == 0);
    REQUIRE(loaded.content.innovations.size() == 5);
    CHECK(loaded.content.fair.name.bn == "ইনোভেশন ব্যাংক");
    REQUIRE(loaded.content.offices.size() == 1);
    CHECK(loaded.content.offices[0].id == "innovation-bank");
    CHECK(loaded.content.categories[0].name.bn == "ইনোভেশন ব্যাংক");

    const std::string archive_id = BankInnovationId("আর্কাইভকৃত নথির অনলাইন তালিকা");
    CHECK(archive_id.rfind("bank-", 0) == 0);
    CHECK(archive_id.size() == 13);
    const Innovation* archive = loaded.content.FindInnovation(archive_id);
    REQUIRE(archive);
    CHECK(archive->status == ServiceStatus::Stopped);
    CHECK(archive->bank.reason_not_running == "সার্ভার হস্তান্তর প্রক্রিয়াধীন, জুন ২০২৪-এ পুনরায় চালু হবে");
    CHECK(archive->bank.expected_result == "না");
    CHECK(archive->summary.bn == "শাখার পুরোনো নথির তালিকা ওয়েবসাইটে; নথি খুঁজতে আর সশরীরে আসতে হয় না।");
    const Innovation* leave =
        loaded.content.FindInnovation(BankInnovationId("কর্মকর্তা/কর্মচারীদের অর্জিত ছুটি মঞ্জুর সেবা ডিজিটাইজেশন"));
    REQUIRE(leave);
    CHECK(leave->status == ServiceStatus::Stopped);
    CHECK(leave->service_link == "https://eleave.mowca.gov.bd");

    // The file is what docs/content-pack.md shows, pretty-printed UTF-8, plus the bank's fields.
    const Json file = ReadJson(fs::path(pack) / ("innovations/" + archive_id + ".json"));
    std::vector<std::string> keys;
    for (const auto& item : file.items())
        keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"id", "office", "category", "status", "title", "summary", "bank"});
    CHECK(file["bank"]["row"] == 3);
    CHECK(ReadFile(fs::path(pack) / ("innovations/" + archive_id + ".json")).find("\"আর্কাইভকৃত") !=
          std::string::npos);
}

TEST_CASE("import into the demo fair: matching titles are updated and keep process maps, TCV and photos") {
    TempDir dir("demo");
    const std::string pack = CopyDemo(dir);
    const auto before = Snapshot(pack);
    const BankImportReport report = ImportBank(ReadBankCsv((kData / "excel-bank.csv").string()), pack, {});
    CHECK_FALSE(report.HasErrors());
    CHECK(report.updated ==
          std::vector<std::string>{"innovations/prison-store.json", "innovations/dnc-customs-noc.json"});
    CHECK(report.created.size() == 3);

    // Only the bank's fields, the summary and the link change; everything else is as it was.
    Json store = ReadJson(fs::path(pack) / "innovations/prison-store.json");
    Json store_before = Json::parse(before.at("innovations/prison-store.json"));
    CHECK(store["summary"]["bn"] ==
          "কারাগারের মালামালের চাহিদা, মজুদ ও বিতরণের হিসাব অনলাইনে; কাগজের রেজিস্টার আর লাগে না।");
    CHECK(store["summary"]["en"] == store_before["summary"]["en"]);
    CHECK(store["bank"] == Json{{"row", 1}, {"expected_result", "হ্যাঁ"}, {"comments", "৬৮টি কারাগারে চালু"}});
    for (const char* kept : {"id", "office", "category", "status", "title", "problem", "solution",
                             "service_link", "photos", "tcv", "process"})
        CHECK_MESSAGE(store[kept] == store_before[kept], kept);

    Json noc = ReadJson(fs::path(pack) / "innovations/dnc-customs-noc.json");
    CHECK(noc["bank"]["running"] == "চালু"); // the bank's own word, kept for export
    CHECK(noc["status"] == "running");

    // New rows go to the bank's office, named after the fair's ministry, and its category.
    const LoadedPack loaded = LoadPack(pack);
    CHECK(loaded.Count(Severity::Error) == 0);
    const Office* office = loaded.content.FindOffice("innovation-bank");
    REQUIRE(office);
    CHECK(office->name.bn == "স্বরাষ্ট্র মন্ত্রণালয়");
    CHECK(loaded.content.FindCategory("innovation-bank"));
    CHECK(loaded.content.innovations.size() == 16 + 3);
    // fair.json kept its other offices and categories, in their order.
    const Json fair = ReadJson(fs::path(pack) / "fair.json");
    CHECK(fair["offices"].size() == 8);
    CHECK(fair["offices"][0]["id"] == "ssd");
    CHECK(fair["fair"] == Json::parse(before.at("fair.json"))["fair"]);
}

TEST_CASE("import again changes nothing, a changed row changes only its innovation") {
    TempDir dir("again");
    const std::string pack = CopyDemo(dir);
    const std::string csv = (kData / "excel-bank.csv").string();
    ImportBank(ReadBankCsv(csv), pack, {});
    const auto after_first = Snapshot(pack);
    const BankImportReport again = ImportBank(ReadBankCsv(csv), pack, {});
    CHECK(again.written.empty());
    CHECK(again.unchanged == 5);
    CHECK(Snapshot(pack) == after_first);

    // The store stops running: status and reason change, the wording is the default, so not stored.
    std::string text = ReadFile(csv);
    const std::string from = "হ্যাঁ,,হ্যাঁ,https://store.prison.gov.bd";
    text.replace(text.find(from), from.size(), "না,দরপত্র প্রক্রিয়াধীন,হ্যাঁ,https://store.prison.gov.bd");
    const BankImportReport changed = ImportBank(Parse(text), pack, {});
    CHECK(changed.written == std::vector<std::string>{"innovations/prison-store.json"});
    const Json store = ReadJson(fs::path(pack) / "innovations/prison-store.json");
    CHECK(store["status"] == "stopped");
    CHECK(store["bank"]["reason_not_running"] == "দরপত্র প্রক্রিয়াধীন");
    CHECK_FALSE(store["bank"].contains("running"));
}

TEST_CASE("a title edited in the pack still matches the bank's name through the id the import gave it") {
    TempDir dir("renamed");
    const std::string csv = (kData / "excel-bank.csv").string();
    ImportBank(ReadBankCsv(csv), dir / "pack", {});
    const std::string id = BankInnovationId("আর্কাইভকৃত নথির অনলাইন তালিকা");
    {
        PackEditor editor(dir / "pack");
        for (InnovationEntry& entry : editor.Innovations())
            if (entry.draft.id == id)
                entry.draft.title = {"আর্কাইভকৃত নথির অনলাইন তালিকা (সংশোধিত)", "Archive list"};
        editor.Save();
    }
    const BankImportReport report = ImportBank(ReadBankCsv(csv), dir / "pack", {});
    CHECK(report.created.empty());
    CHECK(report.unchanged == 5);
    std::vector<BankProblem> problems;
    CHECK(ExportBank(dir / "pack", problems).at(2).name == "আর্কাইভকৃত নথির অনলাইন তালিকা (সংশোধিত)");
}

TEST_CASE("--office and --category: known ids are used, unknown ones stop the import before any write") {
    TempDir dir("office");
    const std::string pack = CopyDemo(dir);
    const auto before = Snapshot(pack);
    const BankTable table = ReadBankCsv((kData / "excel-bank.csv").string());
    const BankImportReport bad = ImportBank(table, pack, {"fir", "digital"});
    CHECK(bad.HasErrors());
    CHECK(bad.written.empty());
    CHECK(Snapshot(pack) == before);
    REQUIRE_FALSE(bad.problems.empty());
    CHECK(bad.problems.back().message == "no office \"fir\"; the pack's offices: ssd, fire, passport, "
                                         "prisons, narcotics, police, ansar (leave "
                                         "--office out to use \"innovation-bank\", created when missing)");

    const BankImportReport good = ImportBank(table, pack, {"prisons", "digital"});
    CHECK_FALSE(good.HasErrors());
    const LoadedPack loaded = LoadPack(pack);
    CHECK_FALSE(loaded.content.FindOffice("innovation-bank"));
    const Innovation* archive =
        loaded.content.FindInnovation(BankInnovationId("আর্কাইভকৃত নথির অনলাইন তালিকা"));
    REQUIRE(archive);
    CHECK(archive->office_id == "prisons");
    CHECK(archive->category_id == "digital");
}

TEST_CASE("import: duplicate names, unknown answers, an empty description, bad rows among good ones") {
    TempDir dir("rows");
    const std::string csv = kHeader + "\nএক,বিবরণ,হ্যাঁ,,,,\n" + "\"এক \",আবার,না,,,,\n" +
                            "দুই,বিবরণ,আংশিক চালু,,,,\n" + "তিন,,হ্যাঁ,,,,\n" + "চার,\"অসম্পূর্ণ\n";
    const BankTable broken = Parse(csv);
    CHECK(broken.table_error); // the open quote at the end spoils the whole table...
    CHECK(ImportBank(broken, dir / "pack", {}).written.empty()); // ...so nothing is imported

    const BankTable table = Parse(csv.substr(0, csv.rfind("চার")) + "চার,বিবরণ\n");
    const BankImportReport report = ImportBank(table, dir / "pack", {});
    CHECK(report.HasErrors());
    CHECK(report.created.size() == 3);
    CHECK(Messages(report.problems) ==
          std::vector<std::string>{
              "bank.csv:6: the row has 2 cells but the header has 7: a cell is missing, or a line break "
              "inside a "
              "cell is not in quotes",
              "bank.csv:3: the name \"এক \" is already on line 2; this row is left out",
              "bank.csv:4: warning: \"আংশিক চালু\" is not an answer the import knows for \"সেবাটি কার্যকর আছে "
              "কিনা\" "
              "(হ্যাঁ/না, চালু/বন্ধ, yes/no): it is kept as written and the status is left as it is",
              "bank.csv:5: warning: no \"সংক্ষিপ্ত বিবরণ\": the kiosk shows the name in its place"});
    const LoadedPack loaded = LoadPack(dir / "pack");
    CHECK(loaded.content.innovations.size() == 3);
    const Innovation* three = loaded.content.FindInnovation(BankInnovationId("তিন"));
    REQUIRE(three);
    CHECK(three->summary.bn == "তিন");
}

TEST_CASE("import matches an English title when no Bengali one does, and writes the English summary") {
    TempDir dir("english");
    const std::string pack = CopyDemo(dir);
    const BankImportReport report =
        ImportBank(ReadBankCsv((kData / "english-headers.csv").string()), pack, {});
    CHECK_FALSE(report.HasErrors());
    CHECK(report.created.empty());
    const Json visa = ReadJson(fs::path(pack) / "innovations/visa-tracking.json");
    CHECK(visa["summary"]["en"] == "Track a visa application online.");
    CHECK(visa["status"] == "stopped");
    CHECK(visa["bank"]["running"] == "no");
    CHECK(visa["bank"]["comments"] == "Back in June");
}

// ---------------------------------------------------------------------------------------------
// Export and round trips
// ---------------------------------------------------------------------------------------------

TEST_CASE("export: every innovation of the demo fair as a row, in the kiosk's order, for Excel") {
    TempDir dir("export");
    const std::string pack = CopyDemo(dir);
    std::vector<BankProblem> problems;
    const std::vector<BankRow> rows = ExportBank(pack, problems);
    CHECK(Messages(problems).empty());
    REQUIRE(rows.size() == 16);
    const LoadedPack loaded = LoadPack(pack);
    for (size_t i = 0; i < rows.size(); ++i) {
        const Innovation& innovation = loaded.content.innovations[i];
        CHECK(rows[i].name == innovation.title.bn);
        CHECK(rows[i].description == innovation.summary.bn);
        CHECK(rows[i].service_link == innovation.service_link);
        CHECK(rows[i].running == (innovation.status == ServiceStatus::Planned ? "না" : "হ্যাঁ"));
    }
    const std::string csv = FormatBankCsv(rows);
    CHECK(csv.rfind("\xEF\xBB\xBF" + kHeader + "\r\n", 0) == 0);
}

TEST_CASE("export leaves out what the kiosk leaves out, and says so") {
    TempDir dir("export-bad");
    const std::string pack = CopyDemo(dir);
    WriteFile(fs::path(pack) / "innovations/zz-broken.json", "{\"id\": \"zz\"}");
    std::vector<BankProblem> problems;
    CHECK(ExportBank(pack, problems).size() == 16);
    REQUIRE_FALSE(problems.empty());
    CHECK_FALSE(problems[0].error);
    CHECK(problems[0].ToString().find("zz-broken.json") != std::string::npos);
    CHECK(problems[0].ToString().find("left out of the table") != std::string::npos);

    problems.clear();
    CHECK(ExportBank(dir / "nowhere", problems).empty());
    CHECK_FALSE(problems.empty());
    CHECK(problems[0].error);
}

TEST_CASE("round trip: export(import(csv)) gives the table's cells back, tricky ones included") {
    for (const char* name : {"tricky.csv", "excel-bank.csv"}) {
        CAPTURE(name);
        TempDir dir("round-csv");
        const std::string csv = ReadFile(kData / name);
        const BankTable table = Parse(csv);
        REQUIRE_FALSE(table.HasErrors());
        REQUIRE_FALSE(ImportBank(table, dir / "pack", {}).HasErrors());
        std::vector<BankProblem> problems;
        const std::vector<BankRow> rows = ExportBank(dir / "pack", problems);
        CHECK(problems.empty());
        CHECK(Cells(rows) == Cells(table.rows));
        CHECK(FormatBankCsv(rows) == csv); // these files are written as Excel writes: byte for byte
    }
}

TEST_CASE("round trip: import(export(pack)) keeps every bank field and changes no file") {
    TempDir dir("round-pack");
    const std::string pack = CopyDemo(dir);
    ImportBank(ReadBankCsv((kData / "tricky.csv").string()), pack, {});
    ImportBank(ReadBankCsv((kData / "excel-bank.csv").string()), pack, {});
    // A hand edit: the pilot's running answer was the bank's own; a planned one says nothing.
    std::vector<BankProblem> problems;
    const std::string first = FormatBankCsv(ExportBank(pack, problems));
    const BankImportReport first_import = ImportBank(Parse(first), pack, {});
    CHECK_FALSE(first_import.HasErrors());
    const auto settled = Snapshot(pack);
    std::map<std::string, BankFields> bank_before;
    const PackEditor before(pack);
    for (const InnovationEntry& entry : before.Innovations())
        bank_before[entry.draft.id] = entry.draft.bank;

    const std::string second = FormatBankCsv(ExportBank(pack, problems));
    CHECK(second == first);
    const BankImportReport again = ImportBank(Parse(second), pack, {});
    CHECK(again.written.empty());
    CHECK(Snapshot(pack) == settled);
    const PackEditor after(pack);
    CHECK(after.Innovations().size() == bank_before.size());
    for (const InnovationEntry& entry : after.Innovations()) {
        CAPTURE(entry.draft.id);
        const BankFields& was = bank_before.at(entry.draft.id);
        CHECK(entry.draft.bank.record.reason_not_running == was.record.reason_not_running);
        CHECK(entry.draft.bank.record.expected_result == was.record.expected_result);
        CHECK(entry.draft.bank.record.comments == was.record.comments);
        CHECK(entry.draft.bank.running == was.running);
        CHECK(entry.draft.bank.description == was.description);
    }

    // Into a fresh folder: the same table comes out again.
    TempDir fresh("round-fresh");
    ImportBank(Parse(first), fresh / "pack", {});
    CHECK(FormatBankCsv(ExportBank(fresh / "pack", problems)) == first);
}

TEST_CASE("round trip: the bank's own wording survives, a status changed by hand wins over it") {
    TempDir dir("wording");
    const std::string csv = kHeader + "\nএক,বিবরণ,চালু আছে,,,,\nদুই,বিবরণ,বন্ধ,কারণ,,,\n";
    ImportBank(Parse(csv), dir / "pack", {});
    std::vector<BankProblem> problems;
    CHECK(FormatBankCsv(ExportBank(dir / "pack", problems)).substr(3) == kHeader +
                                                                             "\r\nএক,বিবরণ,চালু আছে,,,,\r\n"
                                                                             "দুই,বিবরণ,বন্ধ,কারণ,,,\r\n");
    PackEditor editor(dir / "pack");
    for (InnovationEntry& entry : editor.Innovations())
        entry.draft.status =
            entry.draft.status == ServiceStatus::Running ? ServiceStatus::Planned : ServiceStatus::Pilot;
    editor.Save();
    CHECK(FormatBankCsv(ExportBank(dir / "pack", problems)).substr(3) == kHeader +
                                                                             "\r\nএক,বিবরণ,না,,,,\r\n"
                                                                             "দুই,বিবরণ,হ্যাঁ,কারণ,,,\r\n");
}

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

TEST_CASE("kiosk bank: usage errors exit 2") {
    std::string out, err;
    CHECK(RunCli({}, out, err) == 2);
    CHECK(err.find("usage: kiosk bank import FILE.csv --into DIR") != std::string::npos);
    CHECK(RunCli({"import", "a.csv"}, out, err) == 2);
    CHECK(RunCli({"import", "a.csv", "--into"}, out, err) == 2);
    CHECK(err.find("--into needs a value") != std::string::npos);
    CHECK(RunCli({"export", "dir", "--into", "x"}, out, err) == 2);
    CHECK(err.find("unknown option \"--into\"") != std::string::npos);
    CHECK(RunCli({"export", "dir", "other", "--out", "x.csv"}, out, err) == 2);
    CHECK(RunCli({"merge"}, out, err) == 2);
    CHECK(RunCli({"--help"}, out, err) == 0);
}

TEST_CASE("kiosk bank import and export: what they print and return") {
    TempDir dir("cli");
    const std::string csv = (kData / "excel-bank.csv").string();
    std::string out, err;
    CHECK(RunCli({"import", csv, "--into", dir / "pack"}, out, err) == 0);
    CHECK(err.empty());
    CHECK(out.find("new      innovations/bank-") != std::string::npos);
    CHECK(out.find("wrote    fair.json") != std::string::npos);
    CHECK(out.find(": 5 rows read: 5 new, 0 updated, 0 unchanged") != std::string::npos);

    CHECK(RunCli({"export", dir / "pack", "--out", dir / "out.csv"}, out, err) == 0);
    CHECK(out == dir / "out.csv" + ": 5 rows written\n");
    CHECK(ReadFile(dir / "out.csv") == ReadFile(csv));

    WriteFile(dir / "bad.csv", kHeader + "\nনাম,বিবরণ\n");
    CHECK(RunCli({"import", dir / "bad.csv", "--into", dir / "pack"}, out, err) == 1);
    CHECK(err == dir / "bad.csv" +
                     ":2: the row has 2 cells but the header has 7: a cell is missing, or a line "
                     "break inside a cell is not in quotes\n");
    CHECK(RunCli({"import", csv, "--into", dir / "pack", "--office", "nope"}, out, err) == 1);
    CHECK(RunCli({"export", dir / "nowhere", "--out", dir / "x.csv"}, out, err) == 1);
    CHECK_FALSE(fs::exists(dir / "x.csv"));
}
