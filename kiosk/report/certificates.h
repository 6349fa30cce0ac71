// Certificates (সনদপত্র): one A4 landscape page per placed entry, from a template the pack may
// carry (certificate.json, see docs/content-pack.md) or the built-in one. The body's placeholders
// {office} {innovation} {place} {category} {fair} {venue} {ministry} {date} are filled per entry.
#pragma once

#include "content/model.h"
#include "kiosk/report/report.h"
#include "kiosk/report/write_result.h"

#include <map>
#include <string>
#include <vector>

namespace report {

struct CertificateTemplate {
    content::LocalText authority; // the first line: "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"
    content::LocalText title;                   // "সনদপত্র"
    content::LocalText body;                    // with placeholders
    std::vector<content::LocalText> signatures; // the titles under the signature lines, left to right
};

CertificateTemplate DefaultCertificateTemplate();

struct LoadedTemplate {
    CertificateTemplate tmpl; // the pack's, or the default when it has none or it is unusable
    bool from_pack = false;
    std::vector<std::string> problems; // English, "certificate.json: ..."; the default is used then
};
// Reads `pack_folder`/certificate.json when there is one.
LoadedTemplate LoadCertificateTemplate(const std::string& pack_folder);
LoadedTemplate ParseCertificateTemplate(const std::string& json_text);

// `text` with each {name} replaced by values[name] (escaped for Pango markup when `markup`, and
// then set in bold); unknown names are kept as written and listed in `unknown`.
std::string FillPlaceholders(const std::string& text, const std::map<std::string, std::string>& values,
                             bool markup, std::vector<std::string>* unknown = nullptr);

// One page per placed entry of `input` (its content, date and categories), atomically.
WriteResult WriteCertificates(const ReportInput& input, const CertificateTemplate& tmpl,
                              const std::string& path, content::Lang lang);

} // namespace report
