// Sync's outcomes, problems and discovery states are worded in Bengali and English on the Sync tab.
#include "kiosk/screens/sync_screen.h"

#include <doctest/doctest.h>

#include <set>

using content::Lang;

TEST_CASE(
    "every sync outcome, problem, discovery state and conflict kind has its own words in both languages") {
    std::set<std::string> seen;
    auto check = [&](const std::string& bn, const std::string& en) {
        CHECK_FALSE(bn.empty());
        CHECK_FALSE(en.empty());
        CHECK(bn != en);
        CHECK(bn.find("\xe0\xa6") != std::string::npos); // Bengali letters
        seen.insert(en);
    };
    using O = scoring::SyncResult::Outcome;
    for (O o :
         {O::Ok, O::NoKey, O::HubUnreachable, O::KeyRefused, O::HubRefused, O::BadReply, O::StoreFailed})
        check(kiosk::OutcomeWords(o, Lang::Bengali), kiosk::OutcomeWords(o, Lang::English));
    CHECK(seen.size() == 7);
    using K = scoring::SyncProblem::Kind;
    for (K k : {K::CopiedDatabase, K::UnknownJudge, K::BadEvent, K::JudgeRenamed})
        check(kiosk::ProblemWords(k, Lang::Bengali), kiosk::ProblemWords(k, Lang::English));
    CHECK(seen.size() == 11);
    using B = scoring::dnssd::BrowseError;
    for (B b : {B::NoDaemon, B::Failed, B::NothingFound, B::NoHubForThisFair, B::Timeout})
        check(kiosk::BrowseWords(b, Lang::Bengali), kiosk::BrowseWords(b, Lang::English));
    using C = scoring::MarkConflict::Kind;
    for (C c : {C::BothChanged, C::ChangedAfterSubmit})
        check(kiosk::ConflictWords(c, Lang::Bengali), kiosk::ConflictWords(c, Lang::English));
}
