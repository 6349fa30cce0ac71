#include "kiosk/ui/problem_words.h"

namespace ui {

namespace {

// ASCII digits as Bengali digits, for numbers that come as arguments.
std::string BengaliDigits(const std::string& text) {
    static const char* kDigits[] = {"০", "১", "২", "৩", "৪", "৫", "৬", "৭", "৮", "৯"};
    std::string out;
    for (char c : text)
        out += c >= '0' && c <= '9' ? std::string(kDigits[c - '0']) : std::string(1, c);
    return out;
}

struct Pair {
    std::string bn, en;
};

Pair RefusalWords(const scoring::Refused& r) {
    using scoring::Refusal;
    const std::string a0 = r.Arg(0), a1 = r.Arg(1), a2 = r.Arg(2), a3 = r.Arg(3);
    switch (r.Code()) {
    case Refusal::Other:
        return {a0, a0};
    case Refusal::NoSuchJudge:
        return {"এই বিচারককে তালিকায় পাওয়া যাচ্ছে না।", "This judge is not on the list."};
    case Refusal::NoSuchEntry:
        return {"এই এন্ট্রিটি এই মেলায় নেই।", "This entry is not at this fair."};
    case Refusal::NotAssigned:
        return {"এই এন্ট্রিটি আপনার বিচারের বিভাগে নেই।", "This entry is not in a category you judge."};
    case Refusal::RecusedOwnOffice:
        return {"এটি আপনার নিজের দপ্তরের এন্ট্রি: এতে নম্বর দেওয়া যাবে না।",
                "This is an entry of your own office: you cannot score it."};
    case Refusal::NoSuchCriterion:
        return {"এই মানদণ্ডটি নম্বর-তালিকায় নেই।", "This criterion is not in the rubric."};
    case Refusal::MarksOutOfRange:
        return {"নম্বর ০ থেকে " + BengaliDigits(a1) + " পর্যন্ত দেওয়া যায়।", "Marks are from 0 to " + a1 + "."};
    case Refusal::CardSubmitted:
        return {"কার্ডটি জমা দেওয়া ও লক করা: শুধু আয়োজক আবার খুলতে পারেন।",
                "This card is submitted and locked: only the organiser can reopen it."};
    case Refusal::CardConflicted:
        return {"এই এন্ট্রিতে স্বার্থের দ্বন্দ্ব ঘোষণা করা হয়েছে: নম্বর দেওয়া যাবে না।",
                "A conflict of interest is declared on this entry: it cannot be scored."};
    case Refusal::NothingToUndo:
        return {"ফিরিয়ে নেওয়ার মতো কোনো পরিবর্তন নেই।", "There is nothing to undo."};
    case Refusal::CardIncomplete:
        return {BengaliDigits(a3) + "টির মধ্যে " + BengaliDigits(a2) + "টি মানদণ্ডে এখনো নম্বর দেওয়া হয়নি।",
                a2 + " of " + a3 + " criteria are not scored yet."};
    case Refusal::CardNotSubmitted:
        return {"কার্ডটি জমা দেওয়া হয়নি: খোলার কিছু নেই।",
                "This card is not submitted: there is nothing to reopen."};
    case Refusal::ReasonNeeded:
        return {"একটি কারণ লিখুন।", "Please write a reason."};
    case Refusal::JudgeNameNeeded:
        return {"বিচারকের নাম লিখুন।", "Please write the judge's name."};
    case Refusal::JudgeOfficeNeeded:
        return {"বিচারকের দপ্তর বেছে নিন।", "Please choose the judge's office."};
    case Refusal::JudgeCategoryNeeded:
        return {"অন্তত একটি বিভাগ বেছে নিন।", "Please choose at least one category."};
    case Refusal::BadPin:
        return {"পিন ৪ থেকে ৮ অঙ্কের হয়।", "A PIN is 4 to 8 digits."};
    case Refusal::PaperRowRepeated:
        return {"এই নম্বর " + BengaliDigits(a3) + " নম্বর সারিতে আগেই দেওয়া আছে।",
                "These marks are already given on line " + a3 + "."};
    case Refusal::ResultsProvisional:
        return {"ফলাফল এখনো অস্থায়ী: " + BengaliDigits(a0) + "টি স্কোরকার্ড জমা হয়নি।",
                "The results are provisional: " + a0 + " scorecard(s) are still missing."};
    case Refusal::ResultsAlreadyFinal:
        return {"ফলাফল চূড়ান্ত হয়ে গেছে: কিছু বদলাতে আগে কারণ লিখে ফলাফল খুলুন।",
                "The results are final: reopen them, with a reason, before changing anything."};
    case Refusal::ChangedMeanwhile:
        return {"যাচাইয়ের সময় অন্য কিয়স্কে কার্ড বদলেছে: কিছুই সংরক্ষণ হয়নি, আবার চেষ্টা করুন।",
                "A card changed on another kiosk meanwhile: nothing was saved, please try again."};
    case Refusal::JudgeNameTaken:
        return {"এই নামে আরেকজন বিচারক আছেন: নামটি একটু আলাদা করে লিখুন।",
                "There is already a judge with this name: write the name a little differently."};
    case Refusal::PinHashFailed:
        return {"পিন এখন রাখা গেল না। আবার চেষ্টা করুন, না হলে আয়োজককে ডাকুন।",
                "The PIN could not be stored now. Try again, or call the organiser."};
    }
    return {r.what(), r.what()};
}

// What failed, in a few words; the sentence around it says the change was not saved.
Pair FailureWords(scoring::StoreFailure::Kind kind) {
    using Kind = scoring::StoreFailure::Kind;
    switch (kind) {
    case Kind::DiskFull:
        return {"ডিস্কে জায়গা নেই", "the disk is full"};
    case Kind::ReadOnly:
        return {"ডেটাবেসে লেখা যাচ্ছে না", "the database cannot be written"};
    case Kind::Locked:
        return {"অন্য একটি প্রোগ্রাম ডেটাবেস আটকে রেখেছে", "another program is holding the database"};
    case Kind::Damaged:
        return {"ডেটাবেস ফাইলটি নষ্ট", "the database file is damaged"};
    case Kind::IoError:
        return {"ডিস্কে লেখা বা পড়া যাচ্ছে না", "the disk could not be read or written"};
    case Kind::Vanished:
        return {"ডেটাবেস ফাইলটি পাওয়া যাচ্ছে না", "the database file is missing"};
    case Kind::TooNew:
        return {"ডেটাবেসটি নতুন সংস্করণের কিয়স্কের", "the database is from a newer kiosk"};
    case Kind::NotOurs:
        return {"ফাইলটি কিয়স্কের ডেটাবেস নয়, অন্য একটি প্রোগ্রামের",
                "the file is another program's, not the kiosk's database"};
    case Kind::Other:
        return {"ডেটাবেসে সমস্যা", "a database problem"};
    }
    return {"ডেটাবেসে সমস্যা", "a database problem"};
}

} // namespace

std::string Words(const scoring::Refused& refused, content::Lang lang) {
    const Pair words = RefusalWords(refused);
    return lang == content::Lang::Bengali ? words.bn : words.en;
}

std::string Words(const scoring::ranking::Refusal& refusal, const std::string& entry_title,
                  content::Lang lang) {
    using Code = scoring::ranking::RefusalCode;
    const std::string judges = std::to_string(refusal.judges), needed = std::to_string(refusal.needed),
                      parts = std::to_string(refusal.parts);
    Pair words;
    switch (refusal.code) {
    case Code::NoCards:
        words = {"এই বিভাগে এখনো কোনো কার্ড জমা পড়েনি: স্থান দেওয়ার মতো কিছু নেই।",
                 "No scorecard has been submitted in this category yet: there is nothing to place."};
        break;
    case Code::TooFewJudges:
        words = {"ছাঁটাই গড়ের জন্য প্রতিটি এন্ট্রিতে অন্তত " + BengaliDigits(needed) + " জন বিচারক লাগে; \"" +
                     entry_title + "\"-এ আছেন মাত্র " + BengaliDigits(judges) + " জন। অন্য পদ্ধতি বেছে নিন।",
                 "The trimmed mean needs " + needed + " judges on every entry; \"" + entry_title +
                     "\" has only " + judges + ". Choose another method."};
        break;
    case Code::DisconnectedDesign:
        words = {
            "বিচারক-সংশোধিত নম্বরের জন্য বিচারকদের কার্ড সব এন্ট্রিকে এক সুতোয় জুড়তে হয়; এখানে কার্ডগুলো " +
                BengaliDigits(parts) +
                "টি আলাদা দলে ভাগ হয়ে আছে। দুই দলেরই এন্ট্রিতে নম্বর দেন এমন বিচারক যোগ করুন, বা অন্য পদ্ধতি বেছে "
                "নিন।",
            "The judge-corrected score needs the judges' cards to link every entry; here they form " + parts +
                " separate groups. Add cards by judges who score entries of both, or choose another method."};
        break;
    }
    return lang == content::Lang::Bengali ? words.bn : words.en;
}

std::string WhatFailed(const scoring::StoreFailure& failure, content::Lang lang) {
    const Pair what = FailureWords(failure.What());
    return lang == content::Lang::Bengali ? what.bn : what.en;
}

std::string BannerWords(const scoring::StoreFailure& failure, content::Lang lang) {
    const Pair what = FailureWords(failure.What());
    if (failure.What() == scoring::StoreFailure::Kind::Vanished) // it does not come back by itself
        return lang == content::Lang::Bengali
                   ? "বিচারের ডেটাবেসে সমস্যা: " + what.bn +
                         "। এখন থেকে কোনো পরিবর্তন সংরক্ষণ হচ্ছে না। আয়োজককে ডাকুন: ডেটাবেসের একটি নিরাপদ কপি "
                         "দিয়ে "
                         "কিয়স্কটি আবার চালু করতে হবে।"
                   : "The judging database has a problem: " + what.en +
                         ". From now on NO change is saved. Please call the organiser: the kiosk must be "
                         "restarted on a safe copy of the database.";
    if (lang == content::Lang::Bengali)
        return "বিচারের ডেটাবেসে সমস্যা: " + what.bn +
               "। যে পরিবর্তনের পাশে \"সংরক্ষিত\" লেখা নেই, সেটি সংরক্ষণ হয়নি। আয়োজককে ডাকুন। সমস্যা মিটলে "
               "সব আপনা-আপনি আবার চলবে।";
    return "The judging database has a problem: " + what.en +
           ". A change that does not say \"Saved\" was NOT saved. Please call the organiser. Judging "
           "carries on by itself once it is fixed.";
}

Problem Problem::Of(const std::exception& e) {
    Problem problem;
    if (const auto* refused = dynamic_cast<const scoring::Refused*>(&e))
        problem.refused = *refused;
    else if (const auto* failure = dynamic_cast<const scoring::StoreFailure*>(&e))
        problem.failure = *failure;
    else
        problem.other = e.what()[0] ? e.what() : "an unknown error";
    return problem;
}

std::string Problem::English() const {
    if (refused)
        return std::string("refused (") + scoring::ToString(refused->Code()) + "): " + refused->what();
    if (failure) return failure->what(); // names the file, the kind and SQLite's detail
    return other;
}

std::string Words(const Problem& problem, content::Lang lang) {
    if (problem.refused) return Words(*problem.refused, lang);
    if (problem.failure) return Words(*problem.failure, lang);
    if (problem.other.empty()) return {};
    return lang == content::Lang::Bengali
               ? "কিছু একটা ভুল হয়েছে: শেষ পরিবর্তনটি সংরক্ষণ হয়নি। পিছনে যান, অথবা আয়োজককে ডাকুন।"
               : "Something went wrong: the last change was NOT saved. Go back, or call the organiser.";
}

std::string Words(const scoring::StoreFailure& failure, content::Lang lang) {
    const Pair what = FailureWords(failure.What());
    if (lang == content::Lang::Bengali)
        return "পরিবর্তনটি সংরক্ষণ হয়নি (" + what.bn + ")। আয়োজককে ডাকুন। সমস্যা মিটলে আবার চেষ্টা করা যাবে।";
    return "The change was NOT saved (" + what.en +
           "). Please call the organiser. You can try again once it is fixed.";
}

} // namespace ui
