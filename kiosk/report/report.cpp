// The winners' report: the document's sections from a ReportInput (see report.h).
#include "kiosk/report/report.h"

#include "content/bangla_calendar.h"
#include "content/locale.h"
#include "kiosk/figures/qr_code.h"
#include "kiosk/report/document.h"
#include "kiosk/report/painters.h"
#include "kiosk/report/report_text.h"

#include <algorithm>
#include <glib.h>

namespace report {

using content::Lang;

std::string OfficialDate(const content::Date& date, Lang lang) {
    if (lang == Lang::Bengali) return content::FormatBothCalendars(date);
    return content::FormatBanglaDateEnglish(content::ToBanglaDate(date)) + " / " +
           content::FormatEnglishDate(date);
}

std::string Escape(const std::string& text) {
    gchar* escaped = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
    std::string out = escaped;
    g_free(escaped);
    return out;
}

std::string PlaceName(int place, Lang lang) {
    static const char* const kBn[] = {"প্রথম স্থান", "দ্বিতীয় স্থান", "তৃতীয় স্থান"};
    static const char* const kEn[] = {"1st place", "2nd place", "3rd place"};
    if (place >= 1 && place <= 3) return lang == Lang::Bengali ? kBn[place - 1] : kEn[place - 1];
    return lang == Lang::Bengali ? content::ToBengaliDigits(std::to_string(place)) + "তম স্থান"
                                 : std::to_string(place) + "th place";
}

bool ReportInput::Provisional() const {
    if (!final) return true;
    return std::any_of(categories.begin(), categories.end(),
                       [](const CategoryResult& c) { return c.provisional; });
}

namespace {

// What the sections share: the input, the language, the document.
struct Writer {
    const ReportInput& in;
    Lang lang;
    Document& doc;

    const content::FairContent& Content() const { return *in.content; }
    std::string L(const content::LocalText& text) const { return text.Get(lang); }
    std::string Num(double value, int decimals) const { return content::FormatNumber(value, lang, decimals); }
    std::string OfficeName(const std::string& id) const {
        const content::Office* office = Content().FindOffice(id);
        return office ? L(office->name) : id;
    }
    std::string EntryTitle(const std::string& id) const {
        const content::Innovation* entry = Content().FindInnovation(id);
        return entry ? L(entry->title) : id;
    }
    std::string Label(const char* bn, const char* en, const std::string& value) const {
        return "<b>" + Escape(T(lang, bn, en)) + ":</b> " + Escape(value);
    }
};

// The cover: a bordered page of centred lines, the status of the results in a box at its foot.
class CoverFigure : public Figure {
  public:
    explicit CoverFigure(const Writer& w) : m_w(w) {}
    double Height(Typesetter&, double) override { return m_w.doc.ContentHeight() - 1; }
    void Draw(Typesetter& text, double x, double y, double width) override;

  private:
    double Line(Typesetter& text, const std::string& line, Font font, Color color, double x, double y,
                double width) {
        LayoutPtr layout = text.Layout(line, font, width, Align::Center, true);
        text.Show(layout.get(), x, y, color);
        return Typesetter::Measure(layout.get()).h;
    }
    const Writer& m_w;
};

void CoverFigure::Draw(Typesetter& text, double x, double y, double width) {
    const Lang lang = m_w.lang;
    const content::Fair& fair = m_w.Content().fair;
    cairo_t* cr = text.Cr();
    const double height = Height(text, width);
    SetColor(cr, colors::kGreen);
    cairo_set_line_width(cr, 2.5);
    cairo_rectangle(cr, x - 14, y - 14, width + 28, height + 28);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, x - 9, y - 9, width + 18, height + 18);
    cairo_stroke(cr);
    double top = y + 40;
    top += Line(text,
                Escape(T(lang, "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
                         "Government of the People's Republic of Bangladesh")),
                {Face::Sans, 13, true}, colors::kText, x, top, width) +
           4;
    top +=
        Line(text, Escape(m_w.L(fair.ministry)), {Face::Sans, 12, false}, colors::kText, x, top, width) + 40;
    top += Line(text, Escape(T(lang, "শ্রেষ্ঠ উদ্ভাবনী উদ্যোগ নির্বাচন", "Selection of the Best Innovations")),
                {Face::Serif, 24, true}, colors::kGreen, x, top, width) +
           8;
    top += Line(text, Escape(T(lang, "ফলাফল ও প্রতিবেদন", "Results and Report")), {Face::Serif, 16, false},
                colors::kGreenDark, x, top, width) +
           34;
    SetColor(cr, colors::kGreen);
    cairo_rectangle(cr, x + width * 0.3, top - 18, width * 0.4, 1.2);
    cairo_fill(cr);
    top += Line(text, Escape(m_w.L(fair.name)), {Face::Serif, 15, true}, colors::kText, x, top, width) + 6;
    top += Line(text, Escape(m_w.L(fair.venue)), {Face::Serif, 12, false}, colors::kText, x, top, width) + 4;
    if (fair.first_day.Known())
        top += Line(text,
                    Escape(content::FormatDateRange(
                        fair.first_day, fair.last_day.Known() ? fair.last_day : fair.first_day, lang)),
                    {Face::Serif, 12, false}, colors::kText, x, top, width) +
               30;
    int winners = 0;
    for (const CategoryResult& category : m_w.in.categories)
        winners += static_cast<int>(category.placed.size());
    const std::string counts = lang == Lang::Bengali
                                   ? "বিভাগ: " + m_w.Num(static_cast<double>(m_w.in.categories.size()), 0) +
                                         "   বিজয়ী উদ্ভাবন: " + m_w.Num(winners, 0) +
                                         "   বিচারক: " + m_w.Num(static_cast<double>(m_w.in.judges.size()), 0)
                                   : "Categories: " + std::to_string(m_w.in.categories.size()) +
                                         "   Winning innovations: " + std::to_string(winners) +
                                         "   Judges: " + std::to_string(m_w.in.judges.size());
    top += Line(text, Escape(counts), {Face::Sans, 10.5, false}, colors::kMuted, x, top, width) + 40;
    top += Line(text, "<b>" + Escape(T(lang, "প্রতিবেদনের তারিখ", "Date of the report")) + "</b>",
                {Face::Serif, 11, false}, colors::kMuted, x, top, width) +
           3;
    Line(text, Escape(OfficialDate(m_w.in.date, lang)), {Face::Serif, 13, true}, colors::kText, x, top,
         width);
    // The status box at the foot: final with the hash, or provisional.
    const bool provisional = m_w.in.Provisional();
    const std::string status =
        provisional ? "<b>" + Escape(T(lang, "অস্থায়ী ফলাফল", "PROVISIONAL RESULTS")) + "</b>\n" +
                          Escape(T(lang, "সব বিচারকের মূল্যায়ন জমা না হওয়া পর্যন্ত এই ফলাফল চূড়ান্ত নয়।",
                                   "These results are not final until every judge's cards are in."))
                    : "<b>" + Escape(T(lang, "চূড়ান্ত ফলাফল", "FINAL RESULTS")) + "</b>\n" +
                          Escape(T(lang, "ফলাফল হ্যাশ: ", "Results hash: ") + m_w.in.results_hash);
    LayoutPtr box = text.Layout(status, {Face::Sans, 10, false}, width * 0.7 - 24, Align::Center, true);
    const double box_h = Typesetter::Measure(box.get()).h + 20, box_y = y + height - box_h - 30;
    cairo_rectangle(cr, x + width * 0.15, box_y, width * 0.7, box_h);
    SetColor(cr, provisional ? colors::kRedLight : colors::kGreenLight);
    cairo_fill_preserve(cr);
    SetColor(cr, provisional ? colors::kRed : colors::kGreen);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
    text.Show(box.get(), x + width * 0.15 + 12, box_y + 10, provisional ? colors::kRed : colors::kGreenDark);
}

TextStyle Body() {
    return {};
}

TextStyle Small() {
    TextStyle style;
    style.font = {Face::Serif, 9.5, false};
    style.space_after = 3;
    return style;
}

void CategorySummary(const Writer& w, const CategoryResult& result) {
    const Lang lang = w.lang;
    w.doc.Heading(result.category ? w.L(result.category->name) : "", 2);
    TableSpec table;
    table.columns = {{T(lang, "স্থান", "Place"), 1.1},
                     {T(lang, "উদ্ভাবন", "Innovation"), 3.0},
                     {T(lang, "দপ্তর", "Office"), 2.4},
                     {T(lang, "স্কোর", "Score"), 0.9, Align::Right},
                     {T(lang, "শীর্ষ তিনে থাকার সম্ভাবনা", "Top-three probability"), 1.3, Align::Right}};
    table.bold_first_column = true;
    for (const PlacedEntry& entry : result.placed) {
        const content::Innovation* innovation = entry.innovation;
        table.rows.push_back({PlaceName(entry.place, lang) + (entry.tie ? " *" : ""),
                              innovation ? w.L(innovation->title) : "",
                              innovation ? w.OfficeName(innovation->office_id) : "", w.Num(entry.score, 2),
                              entry.p_top3 ? w.Num(*entry.p_top3 * 100, 0) + "%" : "—"});
    }
    w.doc.Table(std::move(table));
    w.doc.Paragraph(w.Label("পদ্ধতি", "Method", w.L(result.method)), Small(), true);
    std::string ladder;
    for (const content::LocalText& step : result.ladder)
        ladder += (ladder.empty() ? "" : " › ") + w.L(step);
    if (!ladder.empty())
        w.doc.Paragraph(w.Label("সমতা ভাঙার নিয়ম (ক্রমানুসারে)", "Tie-breaks, in order", ladder), Small(),
                        true);
    for (const PlacedEntry& entry : result.placed)
        if (entry.tie && entry.innovation)
            w.doc.Paragraph("* " +
                                w.Label("সমতা", "Tie",
                                        w.L(entry.innovation->title) + " — " +
                                            (entry.decided_by.Empty() ? T(lang, "নিষ্পত্তি হয়নি", "not settled")
                                                                      : w.L(entry.decided_by))),
                            Small(), true);
    if (!result.provisional) {
        TextStyle style = Small();
        style.color = colors::kGreenDark;
        w.doc.Paragraph(w.Label("অবস্থা", "Status", T(lang, "চূড়ান্ত", "Final")), style, true);
        return;
    }
    std::string missing;
    const size_t shown = std::min<size_t>(result.missing.size(), 12);
    for (size_t i = 0; i < shown; ++i)
        missing +=
            (i ? "; " : "") + result.missing[i].judge + ": " + w.EntryTitle(result.missing[i].entry_id);
    if (result.missing.size() > shown)
        missing += lang == Lang::Bengali
                       ? "; আরও " + w.Num(static_cast<double>(result.missing.size() - shown), 0) + "টি"
                       : "; and " + std::to_string(result.missing.size() - shown) + " more";
    TextStyle style = Small();
    style.color = colors::kRed;
    w.doc.Paragraph(w.Label("অবস্থা", "Status", T(lang, "অস্থায়ী", "Provisional")) +
                        (missing.empty() ? "" : "  " + w.Label("বাকি কার্ড", "Cards still missing", missing)),
                    style, true);
}

// Before and after, side by side, scaled alike to fit the width and the page.
class MapsFigure : public Figure {
  public:
    MapsFigure(const content::Innovation& entry, double max_height)
        : m_entry(entry), m_max_height(max_height) {}
    double Height(Typesetter& text, double width) override;
    void Draw(Typesetter& text, double x, double y, double width) override;

  private:
    static constexpr double kGap = 18, kTitle = 30;
    const content::Innovation& m_entry;
    double m_max_height;
    figures::MapLayout m_before, m_after;
    double m_scale = 1, m_height = 0;
};

double MapsFigure::Height(Typesetter& text, double width) {
    const double column = (width - kGap) / 2;
    m_before = LayOutForPrint(text, m_entry.process_before, column);
    m_after = LayOutForPrint(text, m_entry.process_after, column);
    const double widest = std::max(m_before.width, m_after.width);
    const double tallest = std::max(m_before.height, m_after.height);
    m_scale = std::min(
        {1.0, widest > 0 ? column / widest : 1.0, tallest > 0 ? (m_max_height - kTitle) / tallest : 1.0});
    m_height = kTitle + std::max(tallest * m_scale, 20.0);
    return m_height;
}

void MapsFigure::Draw(Typesetter& text, double x, double y, double width) {
    const Lang lang = text.Lang();
    const double column = (width - kGap) / 2;
    const auto one = [&](const figures::MapLayout& layout, const content::ProcessMap& map, double left,
                         bool before) {
        std::string title = before ? T(lang, "আগে: প্রচলিত প্রক্রিয়া", "Before: the old process")
                                   : T(lang, "পরে: উদ্ভাবনের পর", "After: with the innovation");
        if (!map.Empty())
            title +=
                lang == Lang::Bengali
                    ? " (" + content::FormatNumber(static_cast<double>(map.steps.size()), lang, 0) + "টি ধাপ)"
                    : " (" + std::to_string(map.steps.size()) + " steps)";
        LayoutPtr heading = text.Layout(title, {Face::Sans, 9.5, true}, column, Align::Center);
        text.Show(heading.get(), left, y, before ? colors::kAmber : colors::kGreen);
        SetColor(text.Cr(), colors::kRule);
        cairo_rectangle(text.Cr(), left, y + kTitle - 8, column, 0.6);
        cairo_fill(text.Cr());
        if (layout.Empty()) {
            LayoutPtr none = text.Layout(T(lang, "প্রসেস ম্যাপ দেওয়া হয়নি", "No process map given"),
                                         {Face::Serif, 9, false}, column, Align::Center);
            text.Show(none.get(), left, y + kTitle, colors::kMuted);
            return;
        }
        PaintProcessMap(text, layout, left + (column - layout.width * m_scale) / 2, y + kTitle, m_scale);
    };
    one(m_before, m_entry.process_before, x, true);
    one(m_after, m_entry.process_after, x + column + kGap, false);
    SetColor(text.Cr(), colors::kRule);
    cairo_rectangle(text.Cr(), x + column + kGap / 2 - 0.3, y + kTitle, 0.6, m_height - kTitle);
    cairo_fill(text.Cr());
}

// The service link with its QR code.
class LinkFigure : public Figure {
  public:
    explicit LinkFigure(std::string link)
        : m_link(std::move(link)), m_code(figures::QrCode::Encode(m_link)) {}
    double Height(Typesetter&, double) override { return m_code ? kSide : 16; }
    void Draw(Typesetter& text, double x, double y, double width) override {
        const double left = m_code ? x + kSide + 14 : x;
        if (m_code) PaintQrCode(text.Cr(), *m_code, x, y, kSide);
        const Lang lang = text.Lang();
        const std::string words = "<b>" + Escape(T(lang, "সেবার লিংক", "Service link")) + "</b>\n" +
                                  "<span foreground=\"#1f5fa8\">" + Escape(m_link) + "</span>\n" +
                                  Escape(T(lang, "ফোনের ক্যামেরায় কোডটি স্ক্যান করে সেবাটি খুলুন।",
                                           "Scan the code with a phone's camera to open the service."));
        LayoutPtr layout =
            text.Layout(words, {Face::Serif, 10, false}, width - (left - x), Align::Left, true);
        text.Show(layout.get(), left, y + (m_code ? 12 : 0), colors::kText);
    }

  private:
    static constexpr double kSide = 86;
    std::string m_link;
    std::optional<figures::QrCode> m_code;
};

void TcvTable(const Writer& w, const content::Tcv& tcv) {
    const Lang lang = w.lang;
    TableSpec table;
    table.columns = {{T(lang, "সূচক", "Measure"), 1.6},
                     {T(lang, "আগে", "Before"), 1.5, Align::Right},
                     {T(lang, "পরে", "After"), 1.5, Align::Right},
                     {T(lang, "হ্রাস", "Reduction"), 1.1, Align::Right}};
    table.bold_first_column = true;
    const auto row = [&](const std::optional<content::Measure>& measure, const char* bn, const char* en) {
        if (!measure) return;
        const std::optional<double> reduction = measure->ReductionPercent();
        table.rows.push_back({T(lang, bn, en), content::FormatMeasure(measure->before, measure->unit, lang),
                              content::FormatMeasure(measure->after, measure->unit, lang),
                              reduction ? w.Num(*reduction, 1) + "%" : "—"});
    };
    row(tcv.time, "সময় (T)", "Time (T)");
    row(tcv.cost, "খরচ (C)", "Cost (C)");
    row(tcv.visits, "যাতায়াত (V)", "Visits (V)");
    if (table.rows.empty()) {
        w.doc.Paragraph(T(lang, "টিসিভি বিশ্লেষণ দেওয়া হয়নি।", "No TCV analysis given."), Small());
        return;
    }
    w.doc.Table(std::move(table));
}

void WinnerSection(const Writer& w, const CategoryResult& category, const PlacedEntry& entry) {
    const Lang lang = w.lang;
    const content::Innovation& innovation = *entry.innovation;
    w.doc.PageBreak();
    w.doc.Heading(PlaceName(entry.place, lang) + " — " + w.L(innovation.title), 1);
    w.doc.Paragraph(w.Label("বিভাগ", "Category", category.category ? w.L(category.category->name) : "") +
                        "\n" + w.Label("দপ্তর", "Office", w.OfficeName(innovation.office_id)) + "\n" +
                        w.Label("স্কোর", "Score", w.Num(entry.score, 2)) +
                        (entry.p_top3 ? "   " + w.Label("শীর্ষ তিনে থাকার সম্ভাবনা", "Top-three probability",
                                                        w.Num(*entry.p_top3 * 100, 0) + "%")
                                      : ""),
                    Body(), true);
    const auto part = [&](const char* bn, const char* en, const content::LocalText& text) {
        if (text.Empty()) return;
        w.doc.Heading(T(lang, bn, en), 3);
        w.doc.Paragraph(w.L(text), Body());
    };
    part("সারসংক্ষেপ", "Summary", innovation.summary);
    part("সমস্যা", "The problem", innovation.problem);
    part("সমাধান", "The solution", innovation.solution);
    w.doc.Heading(T(lang, "প্রসেস ম্যাপ: আগে ও পরে", "Process map: before and after"), 2);
    w.doc.Figure(std::make_shared<MapsFigure>(innovation, w.doc.ContentHeight() -
                                                              60)); // legible: a page of its own if need be
    w.doc.Heading(T(lang, "টিসিভি বিশ্লেষণ (সময়, খরচ, যাতায়াত)", "TCV analysis (time, cost, visits)"), 2);
    TcvTable(w, innovation.tcv);
    if (!innovation.service_link.empty()) {
        w.doc.Space(6);
        w.doc.Figure(std::make_shared<LinkFigure>(innovation.service_link));
    }
}

void JudgeDetails(const Writer& w, const JudgeAnnex& judge) {
    const Lang lang = w.lang;
    w.doc.Heading(judge.name + " — " + w.OfficeName(judge.office_id), 3);
    if (!judge.totals.empty()) {
        TableSpec table;
        table.columns = {{T(lang, "উদ্ভাবন", "Innovation"), 4},
                         {T(lang, "মোট নম্বর", "Total"), 1, Align::Right}};
        table.font.size = 9;
        table.space_after = 4;
        for (const EntryTotal& total : judge.totals)
            table.rows.push_back({w.EntryTitle(total.entry_id), w.Num(total.total, 2)});
        w.doc.Table(std::move(table));
    }
    const auto notes = [&](const char* bn, const char* en, const std::vector<CardNote>& list) {
        if (list.empty()) return;
        std::string text;
        for (const CardNote& note : list)
            text += (text.empty() ? "" : "; ") + w.EntryTitle(note.entry_id) +
                    (note.reason.empty() ? "" : " (" + note.reason + ")");
        w.doc.Paragraph(w.Label(bn, en, text), Small(), true);
    };
    if (!judge.recusals.empty()) {
        std::string text;
        for (const std::string& id : judge.recusals)
            text += (text.empty() ? "" : "; ") + w.EntryTitle(id);
        w.doc.Paragraph(w.Label("বিরত (নিজ দপ্তরের উদ্ভাবন)", "Recused (own office)", text), Small(), true);
    }
    notes("স্বার্থের সংঘাত ঘোষিত", "Conflicts declared", judge.conflicts);
    notes("পুনরায় খোলা কার্ড", "Cards reopened", judge.reopened);
}

void Annex(const Writer& w) {
    const Lang lang = w.lang;
    w.doc.PageBreak();
    w.doc.Heading(T(lang, "পরিশিষ্ট: বিচারকদের মূল্যায়ন", "Annex: the judges' scoring"), 1);
    TableSpec table;
    table.columns = {{T(lang, "বিচারক", "Judge"), 2.2},
                     {T(lang, "দপ্তর", "Office"), 2.4},
                     {T(lang, "জমা কার্ড", "Cards submitted"), 1.1, Align::Right},
                     {T(lang, "বিরত", "Recused"), 0.8, Align::Right},
                     {T(lang, "সংঘাত", "Conflicts"), 0.9, Align::Right},
                     {T(lang, "পুনরায় খোলা", "Reopened"), 1.0, Align::Right}};
    table.bold_first_column = true;
    const auto n = [&](size_t value) { return w.Num(static_cast<double>(value), 0); };
    for (const JudgeAnnex& judge : w.in.judges)
        table.rows.push_back({judge.name, w.OfficeName(judge.office_id),
                              n(static_cast<size_t>(judge.cards_submitted)) + " / " +
                                  n(static_cast<size_t>(judge.cards_assigned)),
                              n(judge.recusals.size()), n(judge.conflicts.size()), n(judge.reopened.size())});
    w.doc.Table(std::move(table));
    for (const JudgeAnnex& judge : w.in.judges)
        JudgeDetails(w, judge);
}

// Signature lines: every judge, then the convenor, three to a row.
class SignatureFigure : public Figure {
  public:
    SignatureFigure(std::vector<std::pair<std::string, std::string>> people) : m_people(std::move(people)) {}
    double Height(Typesetter&, double) override { return Rows() * kRow; }
    void Draw(Typesetter& text, double x, double y, double width) override {
        const double cell = width / 3;
        for (size_t i = 0; i < m_people.size(); ++i) {
            const double left = x + cell * static_cast<double>(i % 3) + 10,
                         top = y + kRow * static_cast<double>(i / 3);
            SetColor(text.Cr(), colors::kText);
            cairo_rectangle(text.Cr(), left, top + 44, cell - 20, 0.7);
            cairo_fill(text.Cr());
            LayoutPtr name =
                text.Layout("<b>" + Escape(m_people[i].first) + "</b>\n" + Escape(m_people[i].second),
                            {Face::Serif, 9.5, false}, cell - 20, Align::Center, true);
            text.Show(name.get(), left, top + 48, colors::kText);
        }
    }

  private:
    static constexpr double kRow = 92;
    double Rows() const { return static_cast<double>((m_people.size() + 2) / 3); }
    std::vector<std::pair<std::string, std::string>> m_people;
};

void Signatures(const Writer& w) {
    const Lang lang = w.lang;
    w.doc.Space(14);
    w.doc.Heading(T(lang, "স্বাক্ষর", "Signatures"), 2);
    w.doc.Paragraph(T(lang, "উপরের ফলাফল বিচারকমণ্ডলীর মূল্যায়নের ভিত্তিতে প্রস্তুত করা হয়েছে।",
                      "The results above were prepared from the judges' scoring."),
                    Small());
    w.doc.KeepWithNext();
    std::vector<std::pair<std::string, std::string>> people;
    for (const JudgeAnnex& judge : w.in.judges)
        people.push_back({judge.name, T(lang, "বিচারক", "Judge")});
    people.push_back({"", w.L(w.in.convenor)});
    w.doc.Figure(std::make_shared<SignatureFigure>(std::move(people)));
}

PageFrame FrameFor(const ReportInput& in, Lang lang) {
    PageFrame frame;
    frame.header_left = in.content->fair.name.Get(lang) + " — " + in.content->fair.ministry.Get(lang);
    frame.header_right = T(lang, "শ্রেষ্ঠ উদ্ভাবন: ফলাফল ও প্রতিবেদন", "Best innovations: results and report");
    if (in.Provisional()) {
        frame.notice = T(lang, "অস্থায়ী ফলাফল — সব মূল্যায়ন জমা হয়নি, এই ফলাফল চূড়ান্ত নয়",
                         "PROVISIONAL RESULTS — not all cards are in; these results are not final");
        frame.watermark = T(lang, "অস্থায়ী", "PROVISIONAL");
    } else {
        frame.footer_left = T(lang, "চূড়ান্ত · হ্যাশ ", "Final · hash ") + in.results_hash;
    }
    return frame;
}

} // namespace

WriteResult WriteReport(const ReportInput& input, const std::string& path, Lang lang) {
    if (!input.content) return WriteResult::Failure(WriteError::BadInput, "the report has no fair content");
    if (!content::IsValidDate(input.date))
        return WriteResult::Failure(WriteError::BadInput, "the report's date is not a valid date");
    Document doc(lang);
    const Writer w{input, lang, doc};
    doc.Figure(std::make_shared<CoverFigure>(w), 0);
    doc.PageBreak();
    doc.Heading(T(lang, "বিভাগভিত্তিক ফলাফল", "Results by category"), 1);
    for (const CategoryResult& category : input.categories)
        CategorySummary(w, category);
    for (const CategoryResult& category : input.categories)
        for (const PlacedEntry& entry : category.placed)
            if (entry.innovation) WinnerSection(w, category, entry);
    if (!input.judges.empty()) Annex(w);
    Signatures(w);
    const std::string title =
        input.content->fair.name.Get(lang) + " — " + T(lang, "ফলাফল ও প্রতিবেদন", "Results and report");
    return doc.Write(path, FrameFor(input, lang), title);
}

} // namespace report
