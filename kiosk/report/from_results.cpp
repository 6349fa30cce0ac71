#include "kiosk/report/from_results.h"

namespace report {

using scoring::ranking::Decision;
using scoring::ranking::Method;
using scoring::ranking::Step;

content::LocalText MethodWords(Method method) {
    switch (method) {
    case Method::Mean:
        return {"বিচারকদের মোট নম্বরের গড়", "mean of the judges' totals"};
    case Method::TrimmedMean:
        return {"ছাঁটাই-গড় (সর্বোচ্চ ও সর্বনিম্ন বাদে)", "trimmed mean (highest and lowest left out)"};
    case Method::JudgeCorrected:
        return {"বিচারকের কঠোরতা-সংশোধিত নম্বর", "corrected for each judge's severity"};
    }
    return {};
}

content::LocalText StepWords(Step step) {
    switch (step) {
    case Step::Score:
        return {"নম্বর", "score"};
    case Step::HeadToHead:
        return {"মুখোমুখি তুলনা", "head-to-head"};
    case Step::Median:
        return {"মধ্যমা", "median of the judges' totals"};
    case Step::TopCriterion:
        return {"সর্বোচ্চ গুরুত্বের মানদণ্ড", "the highest-weighted criterion"};
    case Step::FirstChoices:
        return {"প্রথম পছন্দের সংখ্যা", "judges' first choices"};
    }
    return {};
}

content::LocalText DecisionWords(const Decision& decision) {
    switch (decision.kind) {
    case Decision::Kind::LadderStep:
        return StepWords(decision.step);
    case Decision::Kind::Organiser:
        return {"আয়োজকের সিদ্ধান্ত: " + decision.reason, "settled by the organiser: " + decision.reason};
    case Decision::Kind::DeclaredTie:
        return {"ঘোষিত সমতা", "declared tie"};
    case Decision::Kind::Last:
        return {};
    }
    return {};
}

namespace {

CategoryResult CategoryFrom(const scoring::CategoryStandings& standings,
                            const content::FairContent& content) {
    CategoryResult category;
    category.category = standings.category;
    category.method = MethodWords(standings.result.method);
    for (Step step : standings.result.ladder)
        category.ladder.push_back(StepWords(step));
    category.provisional = standings.Provisional();
    for (const scoring::MissingCard& card : standings.missing)
        category.missing.push_back({card.judge_name, card.entry});
    if (standings.result.refused) return category;
    for (const scoring::ranking::Standing& s : standings.result.standings) {
        const content::Innovation* innovation = content.FindInnovation(s.entry);
        if (!s.place || *s.place > 3 || !s.score || !innovation) continue;
        const bool explained = s.decided_by.kind != Decision::Kind::Last && s.decided_by.step != Step::Score;
        category.placed.push_back({innovation, *s.place, *s.score, s.p_top3, s.tie,
                                   explained ? DecisionWords(s.decided_by) : content::LocalText{}});
    }
    return category;
}

JudgeAnnex AnnexFrom(const scoring::JudgeProgress& progress, const scoring::CardBook& book,
                     const std::vector<scoring::Event>& events) {
    JudgeAnnex annex{
        progress.judge.name, progress.judge.office, progress.to_score, progress.submitted, {}, {}, {}, {}};
    for (const scoring::Assignment& a : progress.assignments) {
        if (a.status == scoring::CardStatus::Submitted) annex.totals.push_back({a.entry, a.weighted_percent});
        if (a.status == scoring::CardStatus::RecusedOwnOffice) annex.recusals.push_back(a.entry);
        if (a.status == scoring::CardStatus::ConflictDeclared) {
            const scoring::StoredCard* card = book.Find(progress.judge.key, a.entry);
            annex.conflicts.push_back({a.entry, card && card->conflict ? *card->conflict : ""});
        }
    }
    for (const scoring::Event& event : events)
        if (event.kind == scoring::EventKind::Reopen && event.judge == progress.judge.key)
            annex.reopened.push_back({event.entry, event.text});
    return annex;
}

} // namespace

ReportInput ReportFromResults(const scoring::FairResults& results, scoring::Judging& judging,
                              const content::FairContent& content, const content::Date& date) {
    ReportInput input;
    input.content = &content;
    input.date = date;
    input.final = results.Final();
    input.results_hash = results.Final() ? results.final->hash : "";
    for (const scoring::CategoryStandings& standings : results.categories)
        input.categories.push_back(CategoryFrom(standings, content));
    const std::vector<scoring::Event> events = judging.Log().Events();
    for (const scoring::JudgeProgress& progress : judging.Overview())
        input.judges.push_back(AnnexFrom(progress, judging.Log().Book(), events));
    return input;
}

} // namespace report
