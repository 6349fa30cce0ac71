// scoring/'s refusals and store failures in the words of the screen's language: a judge or the
// organiser reads why a change was not taken, never a raw English SQLite message.
#pragma once

#include "content/model.h"
#include "scoring/errors.h"
#include "scoring/ranking.h"

#include <exception>
#include <optional>
#include <string>

namespace ui {

std::string Words(const scoring::Refused& refused, content::Lang lang);
// Judge-facing: the change was NOT saved, call the organiser; and what failed, briefly.
std::string Words(const scoring::StoreFailure& failure, content::Lang lang);
// What failed, in a few words ("the disk is full"), for a sentence of the screen's own.
std::string WhatFailed(const scoring::StoreFailure& failure, content::Lang lang);
// The banner over staff screens while the judging database fails (a refresh or a save): what is
// wrong, that a change without "saved" was NOT saved, to call the organiser, and that it comes back.
std::string BannerWords(const scoring::StoreFailure& failure, content::Lang lang);

// Why a ranking method was refused for a category (scoring::ranking::Refusal), in words that say
// what to do; `entry_title` is the title of the entry with too few judges (TooFewJudges).
std::string Words(const scoring::ranking::Refusal& refusal, const std::string& entry_title,
                  content::Lang lang);

// Why an action was not done, kept by a screen and worded when drawn (so the language button
// rewords it): a refusal, a store failure, or anything else (a bug, never shown in its English).
struct Problem {
    std::optional<scoring::Refused> refused;
    std::optional<scoring::StoreFailure> failure;
    std::string other; // what() of any other exception, for the log only

    static Problem Of(const std::exception& e);
    bool Empty() const { return !refused && !failure && other.empty(); }
    std::string English() const; // for the log: the English detail, and the path of a failing store
};
// A refusal's or failure's words; for anything else, that it went wrong and was NOT saved.
std::string Words(const Problem& problem, content::Lang lang);

} // namespace ui
