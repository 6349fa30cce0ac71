// Certificates: the template, its placeholders, and the landscape pages (see certificates.h).
#include "kiosk/report/certificates.h"

#include "content/bangla_calendar.h"
#include "kiosk/report/document.h"
#include "kiosk/report/report_text.h"
#include "kiosk/report/typesetter.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace report {

using content::Lang;

CertificateTemplate DefaultCertificateTemplate() {
    CertificateTemplate tmpl;
    tmpl.authority = {"গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "Government of the People's Republic of Bangladesh"};
    tmpl.title = {"সনদপত্র", "Certificate"};
    tmpl.body = {"এই মর্মে প্রত্যয়ন করা যাচ্ছে যে, {office}-এর উদ্ভাবনী উদ্যোগ “{innovation}” {fair}-এ "
                 "“{category}” বিভাগে {place} অধিকার করেছে। উদ্ভাবনী দলের সকল সদস্যকে আন্তরিক অভিনন্দন "
                 "এবং ভবিষ্যৎ সাফল্য কামনা করা হচ্ছে।",
                 "This is to certify that the innovation “{innovation}” of {office} won {place} in the "
                 "category “{category}” at {fair}. We congratulate every member of the innovation team and "
                 "wish them continued success."};
    tmpl.signatures = {{"সদস্য-সচিব, ইনোভেশন টিম", "Member Secretary, Innovation Team"},
                       {"আহ্বায়ক, বিচারক প্যানেল", "Convenor, Panel of Judges"},
                       {"প্রধান অতিথি", "Chief Guest"}};
    return tmpl;
}

namespace {

bool ReadLocal(const nlohmann::json& json, const char* key, content::LocalText& out,
               std::vector<std::string>& problems) {
    if (!json.contains(key)) return false;
    const nlohmann::json& value = json[key];
    if (!value.is_object() || !value.value("bn", nlohmann::json()).is_string()) {
        problems.push_back(std::string("certificate.json: \"") + key +
                           "\" must be {\"bn\": \"...\", \"en\": \"...\"}");
        return false;
    }
    out.bn = value["bn"].get<std::string>();
    out.en = value.contains("en") && value["en"].is_string() ? value["en"].get<std::string>() : "";
    return true;
}

const std::vector<std::string> kPlaceholders = {"office", "innovation", "place",    "category",
                                                "fair",   "venue",      "ministry", "date"};

} // namespace

LoadedTemplate ParseCertificateTemplate(const std::string& json_text) {
    LoadedTemplate loaded;
    loaded.tmpl = DefaultCertificateTemplate();
    const nlohmann::json json = nlohmann::json::parse(json_text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        loaded.problems.push_back("certificate.json: not a JSON object; the built-in certificate is used");
        return loaded;
    }
    CertificateTemplate tmpl = DefaultCertificateTemplate();
    std::vector<std::string> problems;
    ReadLocal(json, "authority", tmpl.authority, problems);
    ReadLocal(json, "title", tmpl.title, problems);
    ReadLocal(json, "body", tmpl.body, problems);
    if (json.contains("signatures")) {
        if (!json["signatures"].is_array())
            problems.push_back("certificate.json: \"signatures\" must be a list");
        else {
            tmpl.signatures.clear();
            for (const nlohmann::json& item : json["signatures"]) {
                nlohmann::json wrapper = {{"s", item}};
                content::LocalText title;
                if (ReadLocal(wrapper, "s", title, problems)) tmpl.signatures.push_back(title);
            }
        }
    }
    std::map<std::string, std::string> known;
    for (const std::string& name : kPlaceholders)
        known[name] = "";
    std::vector<std::string> unknown;
    FillPlaceholders(tmpl.body.bn + tmpl.body.en, known, false, &unknown);
    for (const std::string& name : unknown)
        problems.push_back(
            "certificate.json: unknown placeholder {" + name +
            "}; known: {office} {innovation} {place} {category} {fair} {venue} {ministry} {date}");
    if (!problems.empty()) {
        problems.push_back("certificate.json: the built-in certificate is used");
        loaded.problems = problems;
        return loaded;
    }
    loaded.tmpl = tmpl;
    loaded.from_pack = true;
    return loaded;
}

LoadedTemplate LoadCertificateTemplate(const std::string& pack_folder) {
    std::ifstream file(pack_folder + "/certificate.json", std::ios::binary);
    if (!file) return {DefaultCertificateTemplate(), false, {}};
    std::stringstream bytes;
    bytes << file.rdbuf();
    return ParseCertificateTemplate(bytes.str());
}

std::string FillPlaceholders(const std::string& text, const std::map<std::string, std::string>& values,
                             bool markup, std::vector<std::string>* unknown) {
    std::string out;
    size_t at = 0;
    while (at < text.size()) {
        const size_t open = text.find('{', at);
        const size_t close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) {
            out += markup ? Escape(text.substr(at)) : text.substr(at);
            break;
        }
        out += markup ? Escape(text.substr(at, open - at)) : text.substr(at, open - at);
        const std::string name = text.substr(open + 1, close - open - 1);
        const auto found = values.find(name);
        if (found == values.end()) {
            if (unknown) unknown->push_back(name);
            out += markup ? Escape(text.substr(open, close - open + 1)) : text.substr(open, close - open + 1);
        } else {
            out += markup ? "<b>" + Escape(found->second) + "</b>" : found->second;
        }
        at = close + 1;
    }
    return out;
}

namespace {

void Border(cairo_t* cr, double width, double height) {
    SetColor(cr, colors::kGreen);
    cairo_set_line_width(cr, 5);
    cairo_rectangle(cr, 22, 22, width - 44, height - 44);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, 32, 32, width - 64, height - 64);
    cairo_stroke(cr);
    // Small squares at the inner corners, as printed certificates have.
    for (const double x : {32.0, width - 32.0})
        for (const double y : {32.0, height - 32.0}) {
            cairo_rectangle(cr, x - 5, y - 5, 10, 10);
            cairo_fill(cr);
        }
}

double Centered(Typesetter& text, const std::string& markup, Font font, Color color, double width,
                double page_width, double y) {
    LayoutPtr layout = text.Layout(markup, font, width, Align::Center, true);
    text.Show(layout.get(), (page_width - width) / 2, y, color);
    return Typesetter::Measure(layout.get()).h;
}

void CertificatePage(PdfOutput& pdf, const ReportInput& in, const CertificateTemplate& tmpl,
                     const CategoryResult& category, const PlacedEntry& entry, Lang lang) {
    Typesetter& text = pdf.Text();
    const double w = pdf.Width(), h = pdf.Height();
    Border(pdf.Cr(), w, h);
    const content::FairContent& content = *in.content;
    const content::Office* office = content.FindOffice(entry.innovation->office_id);
    const std::map<std::string, std::string> values = {
        {"office", office ? office->name.Get(lang) : entry.innovation->office_id},
        {"innovation", entry.innovation->title.Get(lang)},
        {"place", PlaceName(entry.place, lang)},
        {"category", category.category ? category.category->name.Get(lang) : ""},
        {"fair", content.fair.name.Get(lang)},
        {"venue", content.fair.venue.Get(lang)},
        {"ministry", content.fair.ministry.Get(lang)},
        {"date", OfficialDate(in.date, lang)}};
    double y = 62;
    y += Centered(text, Escape(tmpl.authority.Get(lang)), {Face::Sans, 13, true}, colors::kText, w - 160, w,
                  y) +
         2;
    y += Centered(text, Escape(content.fair.ministry.Get(lang)), {Face::Sans, 12, false}, colors::kText,
                  w - 160, w, y) +
         22;
    y +=
        Centered(text, Escape(tmpl.title.Get(lang)), {Face::Serif, 42, true}, colors::kGreen, w - 160, w, y) +
        8;
    y += Centered(text, Escape(PlaceName(entry.place, lang)), {Face::Sans, 16, true}, colors::kAmber, w - 160,
                  w, y) +
         26;
    Centered(text, FillPlaceholders(tmpl.body.Get(lang), values, true), {Face::Serif, 15, false},
             colors::kText, w - 220, w, y);
    const double date_y = h - 170;
    Centered(text, Escape(T(lang, "তারিখ: ", "Date: ") + OfficialDate(in.date, lang)),
             {Face::Serif, 11.5, false}, colors::kText, w - 160, w, date_y);
    // Signature lines, spread evenly.
    const size_t n = std::max<size_t>(tmpl.signatures.size(), 1);
    const double cell = (w - 140) / static_cast<double>(n);
    for (size_t i = 0; i < tmpl.signatures.size(); ++i) {
        const double left = 70 + cell * static_cast<double>(i) + 18;
        SetColor(pdf.Cr(), colors::kText);
        cairo_rectangle(pdf.Cr(), left, h - 92, cell - 36, 0.8);
        cairo_fill(pdf.Cr());
        LayoutPtr title =
            text.Layout(tmpl.signatures[i].Get(lang), {Face::Serif, 10.5, false}, cell - 36, Align::Center);
        text.Show(title.get(), left, h - 87, colors::kText);
    }
}

} // namespace

WriteResult WriteCertificates(const ReportInput& input, const CertificateTemplate& tmpl,
                              const std::string& path, Lang lang) {
    if (!input.content)
        return WriteResult::Failure(WriteError::BadInput, "the certificates have no fair content");
    if (!content::IsValidDate(input.date))
        return WriteResult::Failure(WriteError::BadInput, "the certificates' date is not a valid date");
    size_t placed = 0;
    for (const CategoryResult& category : input.categories)
        for (const PlacedEntry& entry : category.placed)
            placed += entry.innovation ? 1 : 0;
    if (placed == 0)
        return WriteResult::Failure(WriteError::BadInput, "no placed entry to make a certificate for");
    const Document landscape(lang, true);
    PdfOutput pdf(path, landscape.PageWidth(), landscape.PageHeight(), lang,
                  input.content->fair.name.Get(lang) + " — " + tmpl.title.Get(lang));
    for (const CategoryResult& category : input.categories)
        for (const PlacedEntry& entry : category.placed) {
            if (!entry.innovation || !pdf.Ok()) continue;
            CertificatePage(pdf, input, tmpl, category, entry, lang);
            pdf.EndPage();
        }
    return pdf.Finish();
}

} // namespace report
