// Bengali paragraphs drawn by the real kiosk under Xvfb and read back with `tesseract -l ben`:
// correctly shaped text reads back nearly perfectly, unshaped text does not. The measure is the
// character error rate (CER): edit distance between OCR and source over the source's length, in
// code points, per paragraph, with the paragraph located in the page's OCR text.
//
// To measure another build's screenshots (e.g. the ImGui font path before issue 3), make them
// with the same script and pack and set KIOSK_OCR_SHOTS to their folder.
#include "content/pack_loader.h"
#include "content/utf8.h"
#include "ui_harness.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <sstream>

using namespace uitest;

namespace {

const std::string kPack = KIOSK_SOURCE_DIR "/tests/data/ocr";

// What OCR cannot be asked to tell apart is made equal on both sides: runs of whitespace are
// one space; invisible joiners go; a Bengali letter with a nukta or a two-part vowel sign is
// its single code point (য় not য + ়, ো not ে + া), as tesseract may write either.
std::u32string ForCer(const std::string& utf8) {
    const std::u32string in = content::DecodeUtf8Replacing(utf8);
    std::u32string out;
    for (char32_t cp : in) {
        if (cp == 0x200C || cp == 0x200D || cp == 0xFEFF) continue;
        if (cp == U' ' || cp == U'\n' || cp == U'\t' || cp == U'\r' || cp == 0x0C) {
            if (!out.empty() && out.back() != U' ') out.push_back(U' ');
            continue;
        }
        if (!out.empty()) {
            char32_t& prev = out.back();
            if (cp == 0x09BC && prev == 0x09AF) {
                prev = 0x09DF;
                continue;
            }
            if (cp == 0x09BC && prev == 0x09A1) {
                prev = 0x09DC;
                continue;
            }
            if (cp == 0x09BC && prev == 0x09A2) {
                prev = 0x09DD;
                continue;
            }
            if (cp == 0x09BE && prev == 0x09C7) {
                prev = 0x09CB;
                continue;
            }
            if (cp == 0x09D7 && prev == 0x09C7) {
                prev = 0x09CC;
                continue;
            }
        }
        out.push_back(cp);
    }
    while (!out.empty() && out.back() == U' ')
        out.pop_back();
    return out;
}

size_t Levenshtein(std::u32string_view a, std::u32string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The smallest edit distance between `truth` and any stretch of `page`: the paragraph located
// in the OCR text of the whole screen (free start and end in the page).
size_t LocatedDistance(std::u32string_view truth, std::u32string_view page) {
    std::vector<size_t> row(page.size() + 1, 0); // starting anywhere in the page is free
    for (size_t i = 1; i <= truth.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= page.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (truth[i - 1] == page[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return *std::min_element(row.begin(), row.end()); // and so is ending anywhere
}

struct Cer {
    size_t errors = 0, length = 0;
    double Rate() const { return length ? static_cast<double>(errors) / static_cast<double>(length) : 1; }
};

std::string Percent(double rate) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(2) << rate * 100 << " %";
    return out.str();
}

} // namespace

TEST_CASE("CER helpers: normalising, edit distance, locating a paragraph in a page") {
    CHECK(ForCer("  \u0995\u09C7\u09BE  \u09AF\u09BC\n\n\u09BE ") == U"\u0995\u09CB \u09DF \u09BE");
    CHECK(ForCer("\u0995\u09C7\u09BE") == U"\u0995\u09CB"); // ে + া is ো
    CHECK(ForCer("ক\u200Dখ") == U"কখ");
    CHECK(Levenshtein(U"কখগ", U"কগ") == 1);
    CHECK(Levenshtein(U"", U"abc") == 3);
    CHECK(LocatedDistance(U"সেবা সহজ", U"শিরোনাম\nসেবা সহজ হয়েছে") == 0);
    CHECK(LocatedDistance(U"সেবা সহজ", U"শিরোনাম সবো সহজ") == 2);
}

TEST_CASE("Bengali paragraphs read back with tesseract -l ben: CER under 2 %") {
    const content::FairContent fair = content::LoadPack(kPack).content;
    REQUIRE(fair.innovations.size() >= 3);

    std::string shots;
    if (const char* other = std::getenv("KIOSK_OCR_SHOTS")) {
        shots = other;
    } else {
        // Portrait, so each innovation is one column that fits the screen.
        std::string script;
        for (const content::Innovation& innovation : fair.innovations)
            script += "goto innovation/" + innovation.id + "\nwait 300\nshot " + innovation.id + "\n";
        script += "quit\n";
        const KioskRun run = RunKiosk("text-ocr", script, 1080, 1920, {"--content", kPack, "--lang", "bn"});
        INFO(run.output);
        REQUIRE(run.exit_code == 0);
        shots = run.shots.string();
    }

    Cer total;
    std::string table;
    for (const content::Innovation& innovation : fair.innovations) {
        const std::u32string page = ForCer(Ocr(shots + "/" + innovation.id + ".png", "ben"));
        REQUIRE_FALSE(page.empty());
        const std::pair<const char*, const content::LocalText*> paragraphs[] = {
            {"summary", &innovation.summary},
            {"problem", &innovation.problem},
            {"solution", &innovation.solution}};
        for (const auto& [name, paragraph] : paragraphs) {
            const std::u32string truth = ForCer(paragraph->bn);
            const Cer cer{LocatedDistance(truth, page), truth.size()};
            total.errors += cer.errors;
            total.length += cer.length;
            table += "  " + innovation.id + " " + name + ": " + std::to_string(cer.errors) + " / " +
                     std::to_string(cer.length) + " = " + Percent(cer.Rate()) + "\n";
        }
    }
    MESSAGE("OCR character error rate over " << total.length << " code points: " << Percent(total.Rate())
                                             << "\n"
                                             << table);
    CHECK(total.Rate() < 0.02);
}
