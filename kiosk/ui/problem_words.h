// scoring/'s refusals and store failures in the words of the screen's language: a judge or the
// organiser reads why a change was not taken, never a raw English SQLite message.
#pragma once

#include "content/model.h"
#include "scoring/errors.h"

#include <string>

namespace ui {

std::string Words(const scoring::Refused& refused, content::Lang lang);
// Judge-facing: the change was NOT saved, call the organiser; and what failed, briefly.
std::string Words(const scoring::StoreFailure& failure, content::Lang lang);

} // namespace ui
