// The fair's result (issue 11): scores by each method, places and every step of the tie-break
// ladder, declared ties and the organiser's settlements, refusals, the judge-corrected fit against
// a plain least-squares solve, the bootstrap's podium confidence, and the judge diagnostics. Every
// expected figure is computed by hand in the comments.
#include "scoring/ranking.h"

#include <Eigen/QR>
#include <doctest/doctest.h>

#include <random>
#include <stdexcept>

using namespace scoring::ranking;

namespace {

using Marks = std::vector<std::pair<std::string, int>>;

// "j" and 3: "j3" (appended, not "j" + std::to_string(3): GCC bug 105329's false -Wrestrict at -O3).
std::string Numbered(const char* prefix, size_t number) {
    std::string name = prefix;
    name += std::to_string(number);
    return name;
}

Card C(const std::string& judge, const std::string& entry, double percent, Marks marks = {}) {
    return Card{judge, entry, percent, std::move(marks)};
}

CategoryInput Category(std::vector<std::string> entries, std::vector<Card> cards,
                       std::vector<CriterionSpec> criteria = {{"only", 1.0, 10}}) {
    return CategoryInput{"digital", std::move(entries), std::move(criteria), std::move(cards)};
}

// Cards from a table: totals[j][e] for judge "j<j>" and entry entries[e]; a negative total: no card.
std::vector<Card> Table(const std::vector<std::string>& entries,
                        const std::vector<std::vector<double>>& totals) {
    std::vector<Card> cards;
    for (size_t j = 0; j < totals.size(); ++j)
        for (size_t e = 0; e < entries.size(); ++e)
            if (totals[j][e] >= 0) cards.push_back(C(Numbered("j", j + 1), entries[e], totals[j][e]));
    return cards;
}

Options With(Method method, int resamples = 0) {
    Options options;
    options.method = method;
    options.resamples = resamples;
    return options;
}

const Standing& Of(const CategoryResult& result, const std::string& entry) {
    for (const Standing& standing : result.standings)
        if (standing.entry == entry) return standing;
    FAIL("no standing for " << entry);
    throw std::logic_error("unreachable");
}

std::vector<std::string> Order(const CategoryResult& result) {
    std::vector<std::string> order;
    for (const Standing& standing : result.standings)
        order.push_back(standing.entry);
    return order;
}

std::string DecidedBy(const CategoryResult& result, const std::string& entry) {
    return DecisionName(Of(result, entry).decided_by);
}

} // namespace

TEST_CASE("ranking names: methods, ladder steps and ladders print and parse back") {
    for (Method method : {Method::Mean, Method::TrimmedMean, Method::JudgeCorrected})
        CHECK(ParseMethod(MethodName(method)) == method);
    CHECK(std::string(MethodName(Method::JudgeCorrected)) == "corrected");
    CHECK_FALSE(ParseMethod("median"));
    for (Step step : DefaultLadder())
        CHECK(ParseStep(StepName(step)) == step);
    CHECK(LadderName(DefaultLadder()) == "score,head-to-head,median,top-criterion,first-choices");
    CHECK(ParseLadder("score, median,first-choices") ==
          Ladder{Step::Score, Step::Median, Step::FirstChoices});
    CHECK_FALSE(ParseLadder("score,median,median"));
    CHECK_FALSE(ParseLadder("score,coin-toss"));
    CHECK_FALSE(ParseLadder(""));
    // The score always decides first; each step once.
    CHECK(NormalisedLadder({Step::Median, Step::Score, Step::Median}) == Ladder{Step::Score, Step::Median});
    CHECK(std::string(RefusalName(RefusalCode::DisconnectedDesign)) == "disconnected-design");
}

TEST_CASE("ranking by mean with complete cards: scores, places and the score deciding each") {
    // a: (80+70+90)/3 = 80; b: (60+75+66)/3 = 67; c: (71+70+72)/3 = 71.
    const CategoryInput category =
        Category({"a", "b", "c"}, Table({"a", "b", "c"}, {{80, 60, 71}, {70, 75, 70}, {90, 66, 72}}));
    const CategoryResult result = RankCategory(category, {}, With(Method::Mean));
    CHECK_FALSE(result.refused);
    CHECK(result.method == Method::Mean);
    CHECK(Order(result) == std::vector<std::string>{"a", "c", "b"});
    CHECK(*Of(result, "a").score == doctest::Approx(80));
    CHECK(*Of(result, "c").score == doctest::Approx(71));
    CHECK(*Of(result, "b").score == doctest::Approx(67));
    CHECK(*Of(result, "a").place == 1);
    CHECK(*Of(result, "c").place == 2);
    CHECK(*Of(result, "b").place == 3);
    CHECK(Of(result, "a").judges == 3);
    CHECK(*Of(result, "b").median == doctest::Approx(66));
    CHECK(DecidedBy(result, "a") == "score");
    CHECK(DecidedBy(result, "c") == "score");
    CHECK(DecidedBy(result, "b") == "last");
    CHECK_FALSE(Of(result, "a").tie);
    // Each judge's highest total: j1 -> a (80), j2 -> b (75), j3 -> a (90).
    CHECK(Of(result, "a").first_choices == 2);
    CHECK(Of(result, "b").first_choices == 1);
    CHECK_FALSE(Of(result, "a").p_top3); // no bootstrap asked for
    // Every judge scored every entry: the judge-corrected scores are the means, exactly.
    const CategoryResult corrected = RankCategory(category, {}, With(Method::JudgeCorrected));
    for (const char* entry : {"a", "b", "c"})
        CHECK(std::abs(*Of(corrected, entry).score - *Of(result, entry).score) < 1e-9);
}

TEST_CASE("ranking with incomplete cards: unequal judges per entry, an unscored entry listed unranked") {
    // a: j1 and j2, (70+80)/2 = 75; b: j2 only, 78; c: nobody; d: j1, j2, j3, (50+60+70)/3 = 60.
    const CategoryInput category =
        Category({"a", "b", "c", "d"},
                 Table({"a", "b", "c", "d"}, {{70, -1, -1, 50}, {80, 78, -1, 60}, {-1, -1, -1, 70}}));
    const CategoryResult result = RankCategory(category, {}, With(Method::Mean, 200));
    CHECK(Order(result) == std::vector<std::string>{"b", "a", "d", "c"});
    CHECK(*Of(result, "b").score == doctest::Approx(78));
    CHECK(Of(result, "a").judges == 2);
    CHECK(Of(result, "d").judges == 3);
    const Standing& unscored = Of(result, "c");
    CHECK(unscored.judges == 0);
    CHECK_FALSE(unscored.score);
    CHECK_FALSE(unscored.place);
    CHECK_FALSE(unscored.median);
    CHECK_FALSE(unscored.p_top3);
    CHECK(*Of(result, "d").place == 3);
}

TEST_CASE("ranking a later card of the same judge and entry replaces the earlier one") {
    const CategoryInput category =
        Category({"a", "b"}, {C("j1", "a", 40), C("j1", "b", 50), C("j1", "a", 90)});
    const CategoryResult result = RankCategory(category, {}, With(Method::Mean));
    CHECK(*Of(result, "a").score == doctest::Approx(90));
    CHECK(Of(result, "a").judges == 1);
}

TEST_CASE("ranking a harsh judge who saw only some entries: corrected puts them right where mean does not") {
    // True quality a 80, b 75, c 70, d 60. j1 and j2 score all four exactly; j3, 20 points harsher,
    // scores only a (60) and b (55). Mean: a (80+80+60)/3 = 73.33, c 70, b (75+75+55)/3 = 68.33, d 60.
    const std::vector<std::string> entries{"a", "b", "c", "d"};
    const CategoryInput category =
        Category(entries, Table(entries, {{80, 75, 70, 60}, {80, 75, 70, 60}, {60, 55, -1, -1}}));
    const CategoryResult mean = RankCategory(category, {}, With(Method::Mean));
    CHECK(Order(mean) == std::vector<std::string>{"a", "c", "b", "d"});
    CHECK(*Of(mean, "a").score == doctest::Approx(73.333333333));
    // Corrected: j1 and j2 share severity s, j3 has s - 20, and s + s + (s - 20) = 0: s = 20/3.
    // Scores a(e) = total - s: a 73.33, b 68.33, c 63.33, d 53.33, the true order.
    const CategoryResult corrected = RankCategory(category, {}, With(Method::JudgeCorrected));
    CHECK_FALSE(corrected.refused);
    CHECK(Order(corrected) == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(*Of(corrected, "a").score == doctest::Approx(80 - 20.0 / 3).epsilon(1e-12));
    CHECK(*Of(corrected, "b").score == doctest::Approx(75 - 20.0 / 3).epsilon(1e-12));
    CHECK(*Of(corrected, "c").score == doctest::Approx(70 - 20.0 / 3).epsilon(1e-12));
    CHECK(*Of(corrected, "d").score == doctest::Approx(60 - 20.0 / 3).epsilon(1e-12));
    CHECK(std::string(MethodName(corrected.method)) == "corrected");
    REQUIRE(corrected.severities.size() == 3);
    CHECK(corrected.severities[0].judge == "j1");
    CHECK(corrected.severities[0].severity == doctest::Approx(20.0 / 3).epsilon(1e-12));
    CHECK(corrected.severities[2].judge == "j3");
    CHECK(corrected.severities[2].severity == doctest::Approx(20.0 / 3 - 20).epsilon(1e-12));
    CHECK(mean.severities.empty());
}

TEST_CASE("ranking corrected recovers noise-free additive data exactly") {
    // 8 judges, 15 entries, each judge a different subset, linked: total = mu + quality + severity.
    std::mt19937_64 random(7);
    auto uniform = [&](double low, double high) {
        return low + (high - low) * static_cast<double>(random() >> 11) / static_cast<double>(1ull << 53);
    };
    const int judges = 8, count = 15;
    std::vector<std::string> entries;
    std::vector<double> quality(count), severity(judges);
    for (int e = 0; e < count; ++e)
        entries.push_back(Numbered("e", e)), quality[e] = uniform(-15, 15);
    double severity_sum = 0;
    for (int j = 0; j < judges; ++j)
        severity_sum += severity[j] = uniform(-10, 10);
    for (double& s : severity)
        s -= severity_sum / judges; // the model's convention: severities sum to 0
    const double mu = 62.5;
    std::vector<Card> cards;
    for (int j = 0; j < judges; ++j)
        for (int e = 0; e < count; ++e)
            if ((e + j) % 3 != 0 || e == j)
                cards.push_back(C(Numbered("judge-", j), entries[e], mu + quality[e] + severity[j]));
    const CategoryResult result = RankCategory(Category(entries, cards), {}, With(Method::JudgeCorrected));
    REQUIRE_FALSE(result.refused);
    for (int e = 0; e < count; ++e)
        CHECK(std::abs(*Of(result, entries[e]).score - (mu + quality[e])) < 1e-9);
}

TEST_CASE("ranking corrected equals a plain least-squares solve of the additive model on noisy data") {
    // The fast fit (entries eliminated, judges x judges system) against QR on the full design matrix
    // with the last judge's severity written as minus the sum of the others.
    std::mt19937_64 random(11);
    const int judges = 6, count = 10;
    std::vector<std::string> entries;
    for (int e = 0; e < count; ++e)
        entries.push_back(Numbered("e", e));
    std::vector<Card> cards;
    std::vector<std::pair<int, int>> cells;
    for (int j = 0; j < judges; ++j)
        for (int e = 0; e < count; ++e)
            if ((e * 7 + j * 3) % 5 < 3) {
                cards.push_back(
                    C(Numbered("j", j), entries[e], static_cast<double>(40 + random() % 600) / 10));
                cells.emplace_back(j, e);
            }
    const CategoryResult result = RankCategory(Category(entries, cards), {}, With(Method::JudgeCorrected));
    REQUIRE_FALSE(result.refused);
    Eigen::MatrixXd design =
        Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(cells.size()), count + judges - 1);
    Eigen::VectorXd totals(static_cast<Eigen::Index>(cells.size()));
    for (size_t c = 0; c < cells.size(); ++c) {
        const auto row = static_cast<Eigen::Index>(c);
        const auto [j, e] = cells[c];
        design(row, e) = 1;
        if (j < judges - 1)
            design(row, count + j) = 1;
        else
            for (int k = 0; k < judges - 1; ++k)
                design(row, count + k) = -1;
        totals(row) = cards[c].percent;
    }
    const Eigen::VectorXd fit = design.colPivHouseholderQr().solve(totals);
    for (int e = 0; e < count; ++e)
        CHECK(std::abs(*Of(result, entries[e]).score - fit(e)) < 1e-9);
}

TEST_CASE("ranking a disconnected design is refused by corrected with the number of parts") {
    // j1 scored a and b, j2 scored c and d, j3 scored e: no judge links the three groups.
    const std::vector<std::string> entries{"a", "b", "c", "d", "e"};
    const CategoryInput category =
        Category(entries, Table(entries, {{70, 60, -1, -1, -1}, {-1, -1, 80, 50, -1}, {-1, -1, -1, -1, 65}}));
    const CategoryResult corrected = RankCategory(category, {}, With(Method::JudgeCorrected, 100));
    REQUIRE(corrected.refused);
    CHECK(corrected.refused->code == RefusalCode::DisconnectedDesign);
    CHECK(corrected.refused->parts == 3);
    CHECK(Describe(*corrected.refused, Method::JudgeCorrected).find("3 separate groups") !=
          std::string::npos);
    CHECK(corrected.standings.size() == 5); // every entry, in pack order, without score or place
    CHECK(Order(corrected) == entries);
    for (const Standing& standing : corrected.standings)
        CHECK_FALSE(standing.place);
    CHECK(Of(corrected, "c").judges == 1);
    // The mean still ranks it; one more card linking the groups lets corrected rank it too.
    CHECK_FALSE(RankCategory(category, {}, With(Method::Mean)).refused);
    CategoryInput linked = category;
    linked.cards.push_back(C("j2", "b", 62));
    linked.cards.push_back(C("j3", "d", 55));
    CHECK_FALSE(RankCategory(linked, {}, With(Method::JudgeCorrected)).refused);
}

TEST_CASE("ranking trimmed mean is refused with 4 judges and works with 5") {
    const std::vector<std::string> entries{"a", "b"};
    // a has 5 judges, b only 4.
    CategoryInput category =
        Category(entries, Table(entries, {{90, 70}, {60, 72}, {70, 74}, {75, 50}, {40, -1}}));
    CategoryResult result = RankCategory(category, {}, With(Method::TrimmedMean));
    REQUIRE(result.refused);
    CHECK(result.refused->code == RefusalCode::TooFewJudges);
    CHECK(result.refused->entry == "b");
    CHECK(result.refused->judges == 4);
    CHECK(result.refused->needed == 5);
    CHECK(Describe(*result.refused, Method::TrimmedMean) ==
          "The trimmed mean needs 5 judges on every entry; b has only 4.");
    for (const Standing& standing : result.standings)
        CHECK_FALSE(standing.score);
    // A fifth judge on b. a: drop 90 and 40, (60+70+75)/3 = 68.33; b: drop 80 and 50, (70+72+74)/3 = 72.
    category.cards.push_back(C("j5", "b", 80));
    result = RankCategory(category, {}, With(Method::TrimmedMean));
    REQUIRE_FALSE(result.refused);
    CHECK(Order(result) == std::vector<std::string>{"b", "a"});
    CHECK(*Of(result, "a").score == doctest::Approx(205.0 / 3));
    CHECK(*Of(result, "b").score == doctest::Approx(72));
    CHECK(std::string(MethodName(result.method)) == "trimmed");
}

TEST_CASE("ranking a category with no submitted cards is refused by every method") {
    for (Method method : {Method::Mean, Method::TrimmedMean, Method::JudgeCorrected}) {
        const CategoryResult result = RankCategory(Category({"a", "b"}, {}), {}, With(method, 50));
        REQUIRE(result.refused);
        CHECK(result.refused->code == RefusalCode::NoCards);
        CHECK(result.standings.size() == 2);
    }
}

TEST_CASE("ranking a full tie is declared: the same place, then competition places") {
    // a and b have the same totals from the same judges: nothing on the ladder separates them.
    const std::vector<std::string> entries{"a", "b", "c"};
    const CategoryInput category = Category(entries, Table(entries, {{70, 70, 60}, {80, 80, 50}}));
    const CategoryResult result = RankCategory(category, {}, With(Method::Mean));
    CHECK(*Of(result, "a").place == 1);
    CHECK(*Of(result, "b").place == 1);
    CHECK(*Of(result, "c").place == 3);
    CHECK(Of(result, "a").tie);
    CHECK(Of(result, "b").tie);
    CHECK_FALSE(Of(result, "c").tie);
    CHECK(DecidedBy(result, "a") == "declared tie");
    CHECK(DecidedBy(result, "b") == "score"); // the last of the tie, against c
}

TEST_CASE("ranking a three-way declared tie shares 1st and the next entry is 4th") {
    const std::vector<std::string> entries{"a", "b", "c", "d"};
    const CategoryInput category = Category(entries, Table(entries, {{70, 70, 70, 10}}));
    const CategoryResult result = RankCategory(category, {}, With(Method::Mean));
    for (const char* entry : {"a", "b", "c"})
        CHECK(*Of(result, entry).place == 1);
    CHECK(*Of(result, "d").place == 4);
}

TEST_CASE("ranking the organiser's settlement breaks a declared tie and keeps the reason") {
    const std::vector<std::string> entries{"a", "b", "c"};
    const CategoryInput category = Category(entries, Table(entries, {{70, 70, 60}, {80, 80, 50}}));
    Verdicts verdicts;
    verdicts.settlements.push_back({"a", "b", "first decision"});
    verdicts.settlements.push_back({"b", "a", "b's pilot is already in three districts"}); // the last counts
    const CategoryResult result = RankCategory(category, verdicts, With(Method::Mean));
    CHECK(Order(result) == std::vector<std::string>{"b", "a", "c"});
    CHECK(*Of(result, "b").place == 1);
    CHECK(*Of(result, "a").place == 2);
    CHECK_FALSE(Of(result, "a").tie);
    CHECK_FALSE(Of(result, "b").tie);
    CHECK(DecidedBy(result, "b") == "settled by organiser");
    CHECK(Of(result, "b").decided_by.reason == "b's pilot is already in three districts");
    CHECK(DecidedBy(result, "a") == "score");
    // A settlement of entries that are not tied changes nothing.
    Verdicts other;
    other.settlements.push_back({"c", "a", "no effect"});
    CHECK(*Of(RankCategory(category, other, With(Method::Mean)), "c").place == 3);
}

TEST_CASE("ranking a settlement of one pair in a three-way tie places only what it names") {
    // a, b, c tied; the organiser puts a above b only: a and c share 1st, b is 3rd.
    const std::vector<std::string> entries{"a", "b", "c"};
    Verdicts verdicts;
    verdicts.settlements.push_back({"a", "b", "reason"});
    const CategoryResult result =
        RankCategory(Category(entries, Table(entries, {{70, 70, 70}})), verdicts, With(Method::Mean));
    CHECK(*Of(result, "a").place == 1);
    CHECK(*Of(result, "c").place == 1);
    CHECK(*Of(result, "b").place == 3);
    CHECK(DecidedBy(result, "c") == "settled by organiser");
}

TEST_CASE("ranking a score tie broken by head-to-head answers") {
    // a and b identical on every measure; j1 and j2 prefer b, j3 prefers a; j3's earlier answer is replaced.
    const std::vector<std::string> entries{"a", "b", "c"};
    const CategoryInput category =
        Category(entries, Table(entries, {{70, 70, 60}, {80, 80, 50}, {75, 75, 55}}));
    Verdicts verdicts;
    verdicts.answers = {{"j3", "b", "a"}, {"j1", "b", "a"}, {"j2", "b", "a"}, {"j3", "a", "b"}};
    const CategoryResult result = RankCategory(category, verdicts, With(Method::Mean));
    CHECK(Order(result) == std::vector<std::string>{"b", "a", "c"});
    CHECK(*Of(result, "b").place == 1);
    CHECK(*Of(result, "a").place == 2);
    CHECK(DecidedBy(result, "b") == "head-to-head");
    // Answers split evenly leave the tie declared.
    verdicts.answers = {{"j1", "b", "a"}, {"j2", "a", "b"}};
    CHECK(*Of(RankCategory(category, verdicts, With(Method::Mean)), "b").place == 1);
    CHECK(*Of(RankCategory(category, verdicts, With(Method::Mean)), "a").place == 1);
}

TEST_CASE("ranking a score tie broken by the median") {
    // a: 60, 70, 80 (mean 70, median 70); b: 50, 80, 80 (mean 70, median 80): b above a.
    const std::vector<std::string> entries{"a", "b"};
    const CategoryInput category = Category(entries, Table(entries, {{60, 50}, {70, 80}, {80, 80}}));
    const CategoryResult result = RankCategory(category, {}, With(Method::Mean));
    CHECK(*Of(result, "a").score == doctest::Approx(70));
    CHECK(*Of(result, "b").score == doctest::Approx(70));
    CHECK(Order(result) == std::vector<std::string>{"b", "a"});
    CHECK(DecidedBy(result, "b") == "median");
    CHECK(*Of(result, "b").place == 1);
    CHECK(*Of(result, "a").place == 2);
    // Without the median on the ladder, nothing separates them.
    Options options = With(Method::Mean);
    options.ladder = {Step::Score, Step::FirstChoices};
    CHECK(*Of(RankCategory(category, {}, options), "a").place == 1);
}

TEST_CASE("ranking a tie on score and median broken by the top-weighted criterion") {
    // impact (weight 2, max 10) and cost (weight 1, max 10): total = (2 impact + cost) / 30.
    // a: impact 5, cost 10 -> 66.67 with impact 50 %; b: impact 6, cost 8 -> 66.67 with impact 60 %.
    const std::vector<CriterionSpec> criteria{{"cost", 1.0, 10}, {"impact", 2.0, 10}};
    const double total = 20.0 / 30 * 100;
    std::vector<Card> cards;
    for (const char* judge : {"j1", "j2"}) {
        cards.push_back(C(judge, "a", total, {{"impact", 5}, {"cost", 10}}));
        cards.push_back(C(judge, "b", total, {{"impact", 6}, {"cost", 8}}));
    }
    const CategoryResult result = RankCategory(Category({"a", "b"}, cards, criteria), {}, With(Method::Mean));
    CHECK(Order(result) == std::vector<std::string>{"b", "a"});
    CHECK(DecidedBy(result, "b") == "top-criterion");
    CHECK(*Of(result, "b").top_criterion == doctest::Approx(60));
    CHECK(*Of(result, "a").top_criterion == doctest::Approx(50));
    CHECK(*Of(result, "a").place == 2);
}

TEST_CASE("ranking criteria sharing the top weight count together") {
    // x and y both weight 2 (max 10 and 5): a's top-criterion mark is (4 + 5) / 15 = 60 %.
    const std::vector<CriterionSpec> criteria{{"x", 2.0, 10}, {"y", 2.0, 5}, {"z", 1.0, 10}};
    const CategoryResult result =
        RankCategory(Category({"a"}, {C("j1", "a", 50, {{"x", 4}, {"y", 5}, {"z", 1}})}, criteria), {},
                     With(Method::Mean));
    CHECK(*Of(result, "a").top_criterion == doctest::Approx(60));
}

TEST_CASE("ranking a tie on score, median and top criterion broken by first choices") {
    // a: 70, 80, 60; b: 80, 60, 70 (both mean 70, median 70). Highest totals: j1 b (80), j2 a (80),
    // j3 b (70): b has 2 first choices, a 1. c: 75, 50, 65 = 63.33, third.
    const std::vector<std::string> entries{"a", "b", "c"};
    const CategoryInput category =
        Category(entries, Table(entries, {{70, 80, 75}, {80, 60, 50}, {60, 70, 65}}));
    const CategoryResult result = RankCategory(category, {}, With(Method::Mean));
    CHECK(Order(result) == std::vector<std::string>{"b", "a", "c"});
    CHECK(Of(result, "b").first_choices == 2);
    CHECK(Of(result, "a").first_choices == 1);
    CHECK(DecidedBy(result, "b") == "first-choices");
    CHECK(DecidedBy(result, "a") == "score");
    CHECK(*Of(result, "c").place == 3);
}

TEST_CASE("ranking ties at 1st and at 3rd each broken by its own step") {
    // 1st/2nd: a and b level on score (70), b's median higher. 3rd/4th: c and d level on score and
    // median (50), j3 and j1 prefer d head to head.
    const std::vector<std::string> entries{"a", "b", "c", "d"};
    const CategoryInput category =
        Category(entries, Table(entries, {{60, 50, 40, 40}, {70, 80, 50, 50}, {80, 80, 60, 60}}));
    Verdicts verdicts;
    verdicts.answers = {{"j1", "d", "c"}, {"j3", "d", "c"}};
    const CategoryResult result = RankCategory(category, verdicts, With(Method::Mean));
    CHECK(Order(result) == std::vector<std::string>{"b", "a", "d", "c"});
    CHECK(DecidedBy(result, "b") == "median");
    CHECK(DecidedBy(result, "a") == "score");
    CHECK(DecidedBy(result, "d") == "head-to-head");
    CHECK(DecidedBy(result, "c") == "last");
}

TEST_CASE("ranking bootstrap is reproducible and a clear winner is always in the top 3") {
    // Five entries far apart, judges differing by a point or two.
    const std::vector<std::string> entries{"a", "b", "c", "d", "e"};
    const CategoryInput category = Category(
        entries,
        Table(entries,
              {{91, 81, 70, 60, 50}, {89, 80, 71, 61, 49}, {90, 79, 69, 59, 51}, {92, 82, 72, 58, 52}}));
    const CategoryResult once = RankCategory(category, {}, With(Method::Mean, 1000));
    const CategoryResult again = RankCategory(category, {}, With(Method::Mean, 1000));
    CHECK(once.resamples == 1000);
    for (const Standing& standing : once.standings)
        CHECK(standing.p_top3 == Of(again, standing.entry).p_top3);
    CHECK(*Of(once, "a").p_top3 == 1.0);
    CHECK(*Of(once, "c").p_top3 == 1.0);
    CHECK(*Of(once, "d").p_top3 == 0.0);
    REQUIRE(once.first_second);
    CHECK(once.first_second->upper == "a");
    CHECK(once.first_second->swap_rate == 0.0);
    CHECK_FALSE(once.first_second->statistical_tie);
    REQUIRE(once.third_fourth);
    CHECK(once.third_fourth->upper == "c");
    CHECK(once.third_fourth->lower == "d");
    CHECK_FALSE(Of(once, "c").statistical_tie);
    for (Method method : {Method::TrimmedMean, Method::JudgeCorrected}) {
        CategoryInput five = category;
        for (size_t e = 0; e < entries.size(); ++e)
            five.cards.push_back(C("j5", entries[e], 90.0 - 10.0 * static_cast<double>(e)));
        const CategoryResult result = RankCategory(five, {}, With(method, 300));
        REQUIRE_FALSE(result.refused);
        CHECK(*Of(result, "a").p_top3 == 1.0);
        CHECK(*Of(result, "e").p_top3 == 0.0);
    }
}

TEST_CASE(
    "ranking corrected bootstrap scores a resample whose design falls apart by the mean and counts it") {
    // j1 links a and b, j2 links b and c, j3 saw c only: a resample without j2 but with j1 and j3
    // is disconnected (6 in 27 resamples on average).
    const std::vector<std::string> entries{"a", "b", "c"};
    const CategoryInput category =
        Category(entries, Table(entries, {{80, 70, -1}, {-1, 72, 60}, {-1, -1, 58}}));
    const CategoryResult corrected = RankCategory(category, {}, With(Method::JudgeCorrected, 300));
    REQUIRE_FALSE(corrected.refused);
    CHECK(corrected.fallback_resamples > 0);
    CHECK(corrected.fallback_resamples < 300);
    CHECK(RankCategory(category, {}, With(Method::Mean, 300)).fallback_resamples == 0);
}

TEST_CASE("ranking two nearly equal entries scored noisily are flagged as a statistical tie") {
    // a and b differ by 0.5 on average, judge by judge sometimes one way, sometimes the other.
    const std::vector<std::string> entries{"a", "b", "c"};
    const CategoryInput category = Category(
        entries,
        Table(entries, {{70, 62, 40}, {60, 71, 42}, {80, 74, 38}, {65, 69, 41}, {75, 70, 39}, {71, 72, 40}}));
    const CategoryResult result = RankCategory(category, {}, With(Method::Mean, 1000));
    REQUIRE(result.first_second);
    CHECK(result.first_second->upper == "a");
    CHECK(result.first_second->lower == "b");
    CHECK(result.first_second->swap_rate > kStatisticalTieRate);
    CHECK(result.first_second->statistical_tie);
    CHECK(Of(result, "a").statistical_tie);
    CHECK(Of(result, "b").statistical_tie);
    CHECK_FALSE(Of(result, "c").statistical_tie);
    CHECK_FALSE(result.third_fourth); // only three entries
    // A different seed gives other resamples, but the same verdict on this pair.
    Options options = With(Method::Mean, 1000);
    options.seed = 12345;
    CHECK(RankCategory(category, {}, options).first_second->statistical_tie);
}

TEST_CASE("ranking categories are ranked independently by Rank") {
    CategoryInput first = Category({"a", "b"}, Table({"a", "b"}, {{60, 70}}));
    CategoryInput second = Category({"x"}, {});
    second.category = "health";
    const std::vector<CategoryResult> results = Rank({first, second}, {}, With(Method::Mean, 100));
    REQUIRE(results.size() == 2);
    CHECK(results[0].category == "digital");
    CHECK_FALSE(results[0].refused);
    CHECK(results[1].category == "health");
    CHECK(results[1].refused->code == RefusalCode::NoCards);
    // The bootstrap of one category does not depend on the others.
    CHECK(*Of(results[0], "b").p_top3 == *Of(RankCategory(first, {}, With(Method::Mean, 100)), "b").p_top3);
}

TEST_CASE("ranking judge diagnostics: severity, spread, agreement and the flags") {
    // j1, j2, j5 agree (80, 70, 60, 50); j3 reverses it; j4 gives everything 100.
    const std::vector<std::string> entries{"a", "b", "c", "d"};
    const CategoryInput category = Category(
        entries,
        Table(
            entries,
            {{80, 70, 60, 50}, {80, 70, 60, 50}, {50, 60, 70, 80}, {100, 100, 100, 100}, {80, 70, 60, 50}}));
    const std::vector<JudgeDiagnostics> rows = DiagnoseJudges({category});
    REQUIRE(rows.size() == 5);
    auto row = [&](const std::string& judge) {
        for (const JudgeDiagnostics& diagnostics : rows)
            if (diagnostics.judge == judge) return diagnostics;
        FAIL("no row for " << judge);
        return JudgeDiagnostics{};
    };
    // j1: the others' means are 77.5, 75, 72.5, 70; severity ((2.5) + (-5) + (-12.5) + (-20)) / 4.
    const JudgeDiagnostics j1 = row("j1");
    CHECK(j1.cards == 4);
    CHECK(j1.mean_total == doctest::Approx(65));
    CHECK(*j1.severity == doctest::Approx(-8.75));
    CHECK(*j1.spread == doctest::Approx(std::sqrt(125.0))); // deviations 15, 5, -5, -15
    CHECK(*j1.agreement == doctest::Approx(1.0));
    CHECK(j1.shared_entries == 4);
    CHECK_FALSE(j1.flat);
    CHECK_FALSE(j1.disagrees);
    // j3: the others' means are 85, 77.5, 70, 62.5: the reverse of j3's order.
    const JudgeDiagnostics j3 = row("j3");
    CHECK(*j3.agreement == doctest::Approx(-1.0));
    CHECK(j3.disagrees);
    // j4: everything 100; the others' means 72.5, 67.5, 62.5, 57.5 average 65: severity 35.
    const JudgeDiagnostics j4 = row("j4");
    CHECK(*j4.spread == doctest::Approx(0));
    CHECK(j4.flat);
    CHECK(*j4.severity == doctest::Approx(35));
    CHECK_FALSE(j4.agreement); // a constant judge has no ranking to compare
    CHECK_FALSE(j4.disagrees);
}

TEST_CASE("ranking judge diagnostics of a judge alone on his entries leave severity and agreement empty") {
    const CategoryInput category = Category({"a", "b"}, {C("j1", "a", 60), C("j2", "b", 70)});
    const std::vector<JudgeDiagnostics> rows = DiagnoseJudges({category});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].judge == "j1");
    CHECK(rows[0].cards == 1);
    CHECK_FALSE(rows[0].severity);
    CHECK_FALSE(rows[0].spread);
    CHECK_FALSE(rows[0].agreement);
    CHECK(rows[0].shared_entries == 0);
}
