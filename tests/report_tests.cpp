// The winners' report and certificates (issue 13), read back with the tools a reader would use:
// pdftotext (the Bengali words and the cover date come back), pdffonts (every font embedded),
// qpdf --check, pdftoppm + tesseract -l ben (the shaped Bengali is legible); atomic writing;
// the certificate template; the QR painter; CSV exports.
#include "content/locale.h"
#include "content/pack_loader.h"
#include "content/pack_rules.h"
#include "kiosk/report/atomic_file.h"
#include "kiosk/report/certificates.h"
#include "kiosk/report/csv_export.h"
#include "kiosk/report/painters.h"
#include "tests/report_sample.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace fs = std::filesystem;
using content::Lang;

namespace {

const content::FairContent& Demo() {
    static const content::LoadedPack pack =
        content::LoadPack(std::string(KIOSK_SOURCE_DIR) + "/assets/demo-fair");
    return pack.content;
}

struct TempDir {
    fs::path path;
    TempDir() {
        char name[] = "/tmp/report_tests.XXXXXX";
        path = mkdtemp(name);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(path, ignored);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string Run(const std::string& command, int* status = nullptr) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        out.append(buffer.data(), n);
    const int result = pclose(pipe);
    if (status) *status = result;
    return out;
}

// The text in content order (-raw): what searching and copying from the PDF give. Line breaks
// become spaces, so a title wrapped over two lines is still found.
std::string PdfText(const std::string& pdf, int first = 0, int last = 0) {
    std::string range = first ? " -f " + std::to_string(first) + " -l " + std::to_string(last) : "";
    std::string text = Run("pdftotext -raw -enc UTF-8" + range + " '" + pdf + "' - 2>&1");
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

int Pages(const std::string& pdf) {
    const std::string info = Run("pdfinfo '" + pdf + "'");
    const size_t at = info.find("Pages:");
    return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}

// The lowest edit distance between `word` and any stretch of `text` as long as the word.
size_t NearestDistance(const std::string& text, const std::string& word) {
    size_t best = word.size();
    for (size_t at = 0; at + word.size() <= text.size() + 6; ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue; // not a character's start
        best = std::min(best, content::EditDistance(text.substr(at, word.size()), word));
    }
    return best;
}

} // namespace

TEST_CASE("the Bengali report's titles, winners and the cover date come back out of the PDF") {
    TempDir dir;
    const report::ReportInput input = report_sample::Make(Demo(), false);
    const report::WriteResult result = report::WriteReport(input, dir / "report.pdf", Lang::Bengali);
    REQUIRE_MESSAGE(result.Ok(), result.message);
    CHECK(result.pages == Pages(dir / "report.pdf"));
    CHECK(result.pages > 1 + 12); // the cover, the results, twelve winners, the annex
    const std::string text = PdfText(dir / "report.pdf");
    CHECK(text.find("শ্রেষ্ঠ উদ্ভাবনী উদ্যোগ নির্বাচন") != std::string::npos);
    CHECK(text.find("১৯ পৌষ ১৪৩০ / ০৩ জানুয়ারি ২০২৪") != std::string::npos);
    CHECK(text.find("গণপ্রজাতন্ত্রী বাংলাদেশ সরকার") != std::string::npos);
    CHECK(text.find("বিভাগভিত্তিক ফলাফল") != std::string::npos);
    CHECK(text.find("টিসিভি বিশ্লেষণ") != std::string::npos);
    CHECK(text.find("পরিশিষ্ট: বিচারকদের মূল্যায়ন") != std::string::npos);
    CHECK(text.find(Demo().fair.name.bn) != std::string::npos);
    // pdftotext's default layout mode too: a vowel sign drawn left of its letter's end (তৃ, তু)
    // once made it split the word ("তৃ তীয়"); the text layer now holds whole words.
    const std::string layout = Run("pdftotext -enc UTF-8 '" + (dir / "report.pdf") + "' - 2>&1");
    CHECK(layout.find("তৃতীয় স্থান") != std::string::npos);
    CHECK(layout.find("তৃ তীয়") == std::string::npos);
    for (const report::CategoryResult& category : input.categories) {
        CHECK(text.find(category.category->name.bn) != std::string::npos);
        for (const report::PlacedEntry& entry : category.placed)
            CHECK_MESSAGE(text.find(entry.innovation->title.bn) != std::string::npos,
                          entry.innovation->title.bn);
    }
    // Provisional: said on every page; page numbers in Bengali digits with the total.
    const std::string notice = "অস্থায়ী ফলাফল";
    for (int page = 1; page <= result.pages; ++page)
        CHECK_MESSAGE(PdfText(dir / "report.pdf", page, page).find(notice) != std::string::npos, page);
    CHECK(text.find("পৃষ্ঠা ২ / " + content::ToBengaliDigits(std::to_string(result.pages))) !=
          std::string::npos);
}

TEST_CASE("the English report: page numbers, both calendars, the final hash and no provisional notice") {
    TempDir dir;
    const report::ReportInput input = report_sample::Make(Demo(), true);
    const report::WriteResult result = report::WriteReport(input, dir / "report.pdf", Lang::English);
    REQUIRE_MESSAGE(result.Ok(), result.message);
    const std::string text = PdfText(dir / "report.pdf");
    CHECK(text.find("19 Poush 1430 BS / 3 January 2024") != std::string::npos);
    CHECK(text.find("Page 2 of " + std::to_string(result.pages)) != std::string::npos);
    CHECK(text.find("Results by category") != std::string::npos);
    CHECK(text.find("sha256:4f1c9a0be27d") != std::string::npos);
    CHECK(text.find("PROVISIONAL") == std::string::npos);
    CHECK(text.find(Demo().innovations.front().title.en) != std::string::npos);
}

TEST_CASE("every font is embedded, Bengali and Latin, and qpdf finds the file sound") {
    TempDir dir;
    const report::ReportInput input = report_sample::Make(Demo(), false);
    REQUIRE(report::WriteReport(input, dir / "report.pdf", Lang::Bengali).Ok());
    REQUIRE(report::WriteCertificates(input, report::DefaultCertificateTemplate(), dir / "cert.pdf",
                                      Lang::Bengali)
                .Ok());
    for (const std::string& pdf : {dir / "report.pdf", dir / "cert.pdf"}) {
        CAPTURE(pdf);
        std::istringstream fonts(Run("pdffonts '" + pdf + "'"));
        std::string line;
        int rows = 0;
        bool bengali = false;
        while (std::getline(fonts, line)) {
            if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
            ++rows;
            bengali |= line.find("Bengali") != std::string::npos;
            CHECK_MESSAGE(line.find(" yes yes yes ") != std::string::npos, line); // emb, sub, uni
        }
        CHECK(rows > 0);
        CHECK(bengali);
        int status = -1;
        const std::string check = Run("qpdf --check '" + pdf + "' 2>&1", &status);
        CHECK_MESSAGE(status == 0, check);
    }
}

TEST_CASE("tesseract reads the rendered Bengali cover back") {
    TempDir dir;
    REQUIRE(report::WriteReport(report_sample::Make(Demo(), false), dir / "report.pdf", Lang::Bengali).Ok());
    Run("pdftoppm -r 150 -f 1 -l 1 -png '" + dir / "report.pdf" + "' '" + dir / "page" + "'");
    std::string png;
    for (const auto& file : fs::directory_iterator(dir.path))
        if (file.path().extension() == ".png") png = file.path().string();
    REQUIRE(!png.empty());
    const std::string ocr = Run("tesseract '" + png + "' - -l ben 2>/dev/null");
    CAPTURE(ocr);
    for (const std::string word : {"উদ্ভাবনী", "নির্বাচন", "মন্ত্রণালয়", "প্রতিবেদন"})
        CHECK_MESSAGE(NearestDistance(ocr, word) <= word.size() / 6, word); // a character or two may differ
}

TEST_CASE("certificates: one landscape page per placed entry, the template's words filled in") {
    TempDir dir;
    const report::ReportInput input = report_sample::Make(Demo(), true);
    const report::WriteResult result = report::WriteCertificates(input, report::DefaultCertificateTemplate(),
                                                                 dir / "cert.pdf", Lang::Bengali);
    REQUIRE_MESSAGE(result.Ok(), result.message);
    size_t placed = 0;
    for (const auto& category : input.categories)
        placed += category.placed.size();
    CHECK(result.pages == static_cast<int>(placed));
    CHECK(Pages(dir / "cert.pdf") == static_cast<int>(placed));
    CHECK(Run("pdfinfo '" + dir / "cert.pdf" + "'").find("841.89 x 595.276") != std::string::npos);
    const std::string first = PdfText(dir / "cert.pdf", 1, 1);
    const report::PlacedEntry& entry = input.categories.front().placed.front();
    CHECK(first.find("সনদপত্র") != std::string::npos);
    CHECK(first.find("প্রথম স্থান") != std::string::npos);
    CHECK(first.find(entry.innovation->title.bn) != std::string::npos);
    CHECK(first.find(Demo().FindOffice(entry.innovation->office_id)->name.bn) != std::string::npos);
    CHECK(first.find("১৯ পৌষ ১৪৩০ / ০৩ জানুয়ারি ২০২৪") != std::string::npos);
    CHECK(first.find("আহ্বায়ক") != std::string::npos);
    CHECK(PdfText(dir / "cert.pdf", 2, 2).find("দ্বিতীয় স্থান") != std::string::npos);
}

TEST_CASE("the certificate template: the pack's, placeholders, and the default when it is unusable") {
    const report::LoadedTemplate good = report::ParseCertificateTemplate(R"({
        "title": {"bn": "প্রশংসাপত্র", "en": "Certificate of Merit"},
        "body": {"bn": "{office} — {innovation} — {place}", "en": "{office}: {innovation}, {place}"},
        "signatures": [{"bn": "সচিব", "en": "Secretary"}]})");
    CHECK(good.from_pack);
    CHECK(good.problems.empty());
    CHECK(good.tmpl.title.bn == "প্রশংসাপত্র");
    CHECK(good.tmpl.signatures.size() == 1);
    const report::LoadedTemplate unknown =
        report::ParseCertificateTemplate(R"({"body": {"bn": "{winner}"}})");
    CHECK_FALSE(unknown.from_pack);
    REQUIRE(!unknown.problems.empty());
    CHECK(unknown.problems.front().find("{winner}") != std::string::npos);
    CHECK(unknown.tmpl.title.bn == "সনদপত্র");
    CHECK_FALSE(report::ParseCertificateTemplate("{ not json").from_pack);
    const report::LoadedTemplate none = report::LoadCertificateTemplate("/nonexistent-pack");
    CHECK_FALSE(none.from_pack);
    CHECK(none.problems.empty());
    std::vector<std::string> missing;
    CHECK(report::FillPlaceholders("<{a}> {b}", {{"a", "x&y"}}, true, &missing) ==
          "&lt;<b>x&amp;y</b>&gt; {b}");
    CHECK(missing == std::vector<std::string>{"b"});
}

TEST_CASE("a report that cannot be written leaves nothing under its name, and no temporary file") {
    TempDir dir;
    const report::ReportInput input = report_sample::Make(Demo(), false);
    const report::WriteResult missing_folder =
        report::WriteReport(input, dir / "no-such-folder/report.pdf", Lang::Bengali);
    CHECK(missing_folder.error == report::WriteError::FolderNotWritable);
    CHECK(missing_folder.message.find("no-such-folder") != std::string::npos);
    // A bad date: refused before anything is created; an old file under the name is kept.
    { std::ofstream(dir / "report.pdf") << "old"; }
    report::ReportInput bad = input;
    bad.date = {2023, 2, 29};
    CHECK(report::WriteReport(bad, dir / "report.pdf", Lang::Bengali).error == report::WriteError::BadInput);
    CHECK(fs::file_size(dir / "report.pdf") == 3);
    // A failure after the temporary file exists: it is removed, the old file stays.
    {
        report::AtomicFile file(dir / "report.pdf");
        REQUIRE(file.Error().Ok());
        CHECK(fs::exists(file.TempPath()));
        file.Write("partial");
        file.Fail(report::WriteError::Render, "stopped");
        CHECK(file.Commit().error == report::WriteError::Render);
    }
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir.path))
        names.push_back(entry.path().filename().string());
    CHECK(names == std::vector<std::string>{"report.pdf"});
    CHECK(fs::file_size(dir / "report.pdf") == 3);
    // A success replaces it whole.
    REQUIRE(report::WriteReport(input, dir / "report.pdf", Lang::Bengali).Ok());
    CHECK(fs::file_size(dir / "report.pdf") > 10000);
}

TEST_CASE("the QR painter draws exactly the code's dark modules") {
    const std::optional<figures::QrCode> code =
        figures::QrCode::Encode("https://service.example.gov.bd/apply");
    REQUIRE(code);
    const int side = code->SizeWithQuietZone();
    report::SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, side * 4, side * 4));
    report::CairoPtr cr(cairo_create(surface.get()));
    report::PaintQrCode(cr.get(), *code, 0, 0, side * 4.0);
    cairo_surface_flush(surface.get());
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    int wrong = 0;
    for (int y = -figures::QrCode::kQuietZone; y < code->Size() + figures::QrCode::kQuietZone; ++y)
        for (int x = -figures::QrCode::kQuietZone; x < code->Size() + figures::QrCode::kQuietZone; ++x) {
            const int px = (x + figures::QrCode::kQuietZone) * 4 + 2,
                      py = (y + figures::QrCode::kQuietZone) * 4 + 2;
            const bool dark = data[py * stride + px * 4] < 128;
            wrong += dark != code->Dark(x, y);
        }
    CHECK(wrong == 0);
}

TEST_CASE("CSV exports: a BOM, quoting, and formulas neutralised") {
    CHECK(report::CsvCell("=SUM(A1)") == "'=SUM(A1)");
    CHECK(report::CsvCell("+880") == "'+880");
    CHECK(report::CsvCell("-1") == "'-1");
    CHECK(report::CsvCell("@cmd") == "'@cmd");
    CHECK(report::CsvCell("\tx") == "'\tx");
    CHECK(report::CsvCell("a,b") == "\"a,b\"");
    CHECK(report::CsvCell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(report::CsvCell("ফায়ার সার্ভিস") == "ফায়ার সার্ভিস");
    const std::string csv =
        report::FormatCsv({"স্থান", "score"}, {{"প্রথম", "86.5"}, {"=cmd|' /C calc'!A0", "1"}});
    CHECK(csv == "\xEF\xBB\xBFস্থান,score\r\nপ্রথম,86.5\r\n'=cmd|' /C calc'!A0,1\r\n");

    TempDir dir;
    scoring::Event event;
    event.id = 7;
    event.kiosk = "k1";
    event.seq = 3;
    event.judge = "j-1";
    event.entry = "fire-rescue-app";
    event.kind = scoring::EventKind::Score;
    event.criterion = "novelty";
    event.value = 8;
    event.at_ms = 1704240000000; // 2024-01-03T00:00:00Z
    event.from_paper = true;
    REQUIRE(report::WriteEventsCsv({event}, dir / "events.csv", {{"j-1", "=Rahman"}}).Ok());
    std::ifstream file(dir / "events.csv", std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    CHECK(bytes.str().rfind("\xEF\xBB\xBFid,kiosk,seq,judge,judge_name,entry,kind,criterion,value", 0) == 0);
    CHECK(bytes.str().find(
              "7,k1,3,j-1,'=Rahman,fire-rescue-app,score,novelty,8,,,,,,,no,paper,2024-01-03T00:00:00Z,"
              "1704240000000\r\n") != std::string::npos);
    CHECK(report::WriteCsv(dir / "missing/x.csv", {"a"}, {}).error == report::WriteError::FolderNotWritable);
}

TEST_CASE("process maps are drawn with their labels as text, before and after") {
    TempDir dir;
    const report::ReportInput input = report_sample::Make(Demo(), true);
    REQUIRE(report::WriteReport(input, dir / "report.pdf", Lang::English).Ok());
    const std::string text = PdfText(dir / "report.pdf");
    const content::Innovation& winner = *input.categories.front().placed.front().innovation;
    REQUIRE(!winner.process_before.Empty());
    CHECK(text.find("Before: the old process") != std::string::npos);
    for (const content::Step& step : winner.process_after.steps)
        CHECK_MESSAGE(text.find(step.label.en.substr(0, 12)) != std::string::npos, step.label.en);
}
