// The generated fair: a ministry's divisional fair with many offices (district and upazila
// offices of real-sounding agencies), innovations built from pairs of an idea and a service,
// TCV figures that fall, and process maps that shrink from before to after. Every text has its
// Bengali and English; numbers inside Bengali texts use Bengali digits.
//
// [SECTION] Randomness
// [SECTION] Vocabulary
// [SECTION] Texts, TCV and process maps
// [SECTION] Pictures
// [SECTION] The pack
#include "tools/pack_generator.h"

#include "content/locale.h"

#include <nlohmann/json.hpp>
#include <stb_image_write.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace tools {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json; // keys in the order a person would write them

namespace {

// [SECTION] Randomness

// SplitMix64: the same pack for the same seed on every platform, unlike std::*_distribution.
class Rng {
  public:
    explicit Rng(uint64_t seed) : m_state(seed) {}
    uint64_t Next() {
        uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int Int(int low, int high) {
        return low + static_cast<int>(Next() % static_cast<uint64_t>(high - low + 1));
    } // inclusive
    bool Chance(int percent) { return Int(1, 100) <= percent; }
    template <class T> const T& Pick(const std::vector<T>& items) { return items[Next() % items.size()]; }

  private:
    uint64_t m_state;
};

// [SECTION] Vocabulary

struct Words {
    const char* bn;
    const char* en;
};

json Text(const std::string& bn, const std::string& en) {
    return {{"bn", bn}, {"en", en}};
}
json Text(const Words& words) {
    return Text(words.bn, words.en);
}

const std::vector<Words> kServices{
    {"জন্ম নিবন্ধন", "birth registration"},
    {"ট্রেড লাইসেন্স", "trade licence"},
    {"পেনশন মঞ্জুরি", "pension approval"},
    {"ভূমি নামজারি", "land mutation"},
    {"পুলিশ ক্লিয়ারেন্স", "police clearance"},
    {"পাসপোর্ট নবায়ন", "passport renewal"},
    {"অগ্নি নিরাপত্তা ছাড়পত্র", "fire safety clearance"},
    {"কারাবন্দি সাক্ষাৎ", "prison visit"},
    {"বয়স্ক ভাতা", "old-age allowance"},
    {"শিক্ষাবৃত্তি", "education stipend"},
    {"কৃষি ভর্তুকি", "farm subsidy"},
    {"মাদকদ্রব্য লাইসেন্স", "narcotics licence"},
    {"অর্জিত ছুটি অনুমোদন", "earned-leave approval"},
    {"সনদ সত্যায়ন", "certificate attestation"},
    {"গাড়ির ফিটনেস সনদ", "vehicle fitness certificate"},
    {"মামলার তথ্য", "case information"},
    {"জলাবদ্ধতার অভিযোগ", "waterlogging complaints"},
    {"টিকা নিবন্ধন", "vaccine registration"},
};

const std::vector<Words> kIdeas{
    {"অনলাইন আবেদন", "Online application"},
    {"ডিজিটাল ট্র্যাকিং", "Digital tracking"},
    {"এসএমএস বার্তা", "SMS updates"},
    {"মোবাইল অ্যাপ", "Mobile app"},
    {"ই-ফাইলিং", "E-filing"},
    {"এক দিনে সেবা", "One-day service"},
    {"হেল্প ডেস্ক", "Help desk"},
    {"কিউআর কোড যাচাই", "QR code verification"},
    {"ডিজিটাল রেজিস্টার", "Digital register"},
    {"অনলাইন পেমেন্ট", "Online payment"},
};

const std::vector<Words> kAgencies{
    {"জেলা প্রশাসকের কার্যালয়", "Deputy Commissioner's Office"},
    {"উপজেলা নির্বাহী অফিসারের কার্যালয়", "Upazila Nirbahi Officer's Office"},
    {"ফায়ার সার্ভিস ও সিভিল ডিফেন্স", "Fire Service and Civil Defence"},
    {"আঞ্চলিক পাসপোর্ট অফিস", "Regional Passport Office"},
    {"জেলা কারাগার", "District Prison"},
    {"জেলা সমাজসেবা কার্যালয়", "District Social Services Office"},
    {"উপজেলা কৃষি অফিস", "Upazila Agriculture Office"},
    {"মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর", "Department of Narcotics Control"},
    {"সিভিল সার্জনের কার্যালয়", "Civil Surgeon's Office"},
};

const std::vector<Words> kPlaces{
    {"ঢাকা", "Dhaka"},      {"চট্টগ্রাম", "Chattogram"}, {"রাজশাহী", "Rajshahi"}, {"খুলনা", "Khulna"},
    {"বরিশাল", "Barishal"}, {"সিলেট", "Sylhet"},       {"রংপুর", "Rangpur"},     {"ময়মনসিংহ", "Mymensingh"},
    {"কুমিল্লা", "Cumilla"},  {"বগুড়া", "Bogura"},        {"যশোর", "Jashore"},     {"দিনাজপুর", "Dinajpur"},
};

const std::vector<Words> kCategories{
    {"নাগরিক সেবা সহজিকরণ", "Simpler citizen services"},
    {"ডিজিটাল সেবা", "Digital services"},
    {"দাপ্তরিক ব্যবস্থাপনা", "Office management"},
    {"সামাজিক সুরক্ষা", "Social protection"},
};

const std::vector<Words> kActivities{
    {"আবেদন জমা", "Submit the application"},
    {"কাগজপত্র যাচাই", "Check the papers"},
    {"ফি জমা", "Pay the fee"},
    {"নথি উপস্থাপন", "File put up"},
    {"সরেজমিন তদন্ত", "Field inquiry"},
    {"প্রতিবেদন প্রেরণ", "Report sent"},
    {"অনুমোদন", "Approval"},
    {"স্বাক্ষর", "Signature"},
};
const std::vector<Words> kDocuments{{"সনদ মুদ্রণ", "Certificate printed"},
                                    {"রেজিস্টারে এন্ট্রি", "Register entry"}};
const std::vector<Words> kWaits{{"ফাইল অপেক্ষমাণ", "File waits"}, {"ডাকে প্রেরণ", "Sent by post"}};
const std::vector<Words> kDecisions{{"কাগজপত্র ঠিক আছে?", "Papers in order?"},
                                    {"তথ্য সঠিক?", "Details correct?"}};

// [SECTION] Texts, TCV and process maps

std::string Bn(int number) {
    return content::ToBengaliDigits(std::to_string(number));
}

struct Tcv {
    int days_before, days_after, taka_before, taka_after, visits_before, visits_after;
};

Tcv MakeTcv(Rng& rng) {
    Tcv tcv{};
    tcv.days_before = rng.Int(5, 90);
    tcv.days_after = rng.Int(0, tcv.days_before / 3);
    tcv.taka_before = rng.Int(2, 60) * 50;
    tcv.taka_after = rng.Chance(40) ? 0 : rng.Int(0, tcv.taka_before / 100) * 50;
    tcv.visits_before = rng.Int(2, 7);
    tcv.visits_after = rng.Int(0, 1);
    return tcv;
}

json TcvJson(const Tcv& tcv) {
    return {{"time", {{"before", tcv.days_before}, {"after", tcv.days_after}, {"unit", "days"}}},
            {"cost", {{"before", tcv.taka_before}, {"after", tcv.taka_after}}},
            {"visits", {{"before", tcv.visits_before}, {"after", tcv.visits_after}}}};
}

// "s3". Appended rather than `"s" + std::to_string(index)`: GCC 12 at -O2 and up reports a false
// -Wrestrict in the inlined insert at the front of a temporary string (GCC bug 105329).
std::string StepId(int index) {
    std::string id = "s";
    id += std::to_string(index);
    return id;
}

// " word", appended for the same reason.
std::string AfterSpace(const std::string& word) {
    std::string spaced(1, ' ');
    spaced += word;
    return spaced;
}

json Step(int index, const char* kind, const Words& label) {
    return {{"id", StepId(index)}, {"kind", kind}, {"label", Text(label)}};
}

json Edge(int from, int to, const char* label = nullptr) {
    json edge{{"from", StepId(from)}, {"to", StepId(to)}};
    if (label) edge["label"] = label;
    return edge;
}

// A valid flow: a chain from start to end in which each decision's "yes" goes on and its "no"
// goes back to an earlier step, so every step is reached and every step reaches the end.
json ProcessMap(Rng& rng, int steps, const Words& service) {
    json list = json::array(), edges = json::array();
    list.push_back(Step(1, "start", {"আবেদনকারী আসেন", "Applicant arrives"}));
    for (int i = 2; i < steps; ++i) {
        const int pick = rng.Int(1, 10);
        if (pick <= 2 && i > 2) {
            list.push_back(Step(i, "decision", rng.Pick(kDecisions)));
            edges.push_back(Edge(i, i + 1, "yes"));
            edges.push_back(Edge(i, rng.Int(2, i - 1), "no"));
            edges.push_back(Edge(i - 1, i));
            continue;
        }
        list.push_back(Step(i,
                            pick == 3   ? "document"
                            : pick == 4 ? "wait"
                                        : "activity",
                            pick == 3   ? rng.Pick(kDocuments)
                            : pick == 4 ? rng.Pick(kWaits)
                                        : rng.Pick(kActivities)));
        edges.push_back(Edge(i - 1, i));
    }
    list.push_back(
        Step(steps, "end", {(std::string(service.bn) + " সেবা পেলেন").c_str(), "Service received"}));
    edges.push_back(Edge(steps - 1, steps));
    return {{"steps", list}, {"edges", edges}};
}

json Innovation(Rng& rng, int index, const std::string& id, const std::string& office,
                const std::string& category, int pictures) {
    const Words& service = rng.Pick(kServices);
    const Words& idea = rng.Pick(kIdeas);
    const Tcv tcv = MakeTcv(rng);
    json innovation{
        {"id", id},
        {"office", office},
        {"category", category},
        {"status", rng.Chance(80) ? "running" : "pilot"},
        {"title", Text(std::string(service.bn) + ": " + idea.bn + " (" + Bn(index) + ")",
                       std::string(idea.en) + " for " + service.en + " (" + std::to_string(index) + ")")},
        {"summary", Text(std::string(service.bn) + " সেবার জন্য " + idea.bn +
                             " চালু হয়েছে। এখন নাগরিক ঘরে বসেই সেবার অগ্রগতি জানতে পারেন।",
                         std::string(idea.en) + " now serves " + service.en +
                             ". Citizens follow their case from home.")},
        {"problem", Text("আগে " + std::string(service.bn) + " সেবা পেতে নাগরিককে গড়ে " +
                             Bn(tcv.visits_before) + " বার অফিসে আসতে হতো এবং " + Bn(tcv.days_before) +
                             " দিন অপেক্ষা করতে হতো। খরচ হতো প্রায় " + Bn(tcv.taka_before) + " টাকা।",
                         "Before, citizens came to the office " + std::to_string(tcv.visits_before) +
                             " times and waited " + std::to_string(tcv.days_before) + " days for " +
                             service.en + ", spending about Tk " + std::to_string(tcv.taka_before) + ".")},
        {"solution", Text(std::string(idea.bn) +
                              " ব্যবস্থায় আবেদন, যাচাই ও অনুমোদন এক জায়গায় হয়; প্রতিটি ধাপে আবেদনকারী বার্তা পান।",
                          "With " + std::string(idea.en) +
                              ", application, checks and approval happen in one place, and the applicant "
                              "gets a message at every step.")},
        {"service_link", "https://service.gov.bd/" + id},
        {"tcv", TcvJson(tcv)},
        {"process",
         {{"before", ProcessMap(rng, rng.Int(9, 18), service)},
          {"after", ProcessMap(rng, rng.Int(4, 7), service)}}},
    };
    json photos = json::array();
    for (int k = 1; k <= pictures; ++k)
        photos.push_back({{"file", "pictures/" + id + "-" + std::to_string(k) + ".png"},
                          {"caption", Text(std::string(idea.bn) + " — ছবি " + Bn(k),
                                           std::string(idea.en) + " — photo " + std::to_string(k))}});
    if (pictures > 0) innovation["photos"] = photos;
    return innovation;
}

// [SECTION] Pictures

// A small picture: a two-colour gradient with a band, different for every file. Small and fast
// to encode, since a generated pack may hold thousands.
void WritePicture(const fs::path& file, Rng& rng) {
    constexpr int kWidth = 96, kHeight = 64;
    const int r = rng.Int(40, 220), g = rng.Int(40, 220), b = rng.Int(40, 220),
              band = rng.Int(8, kHeight - 16);
    std::vector<unsigned char> pixels(kWidth * kHeight * 3);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            unsigned char* p = &pixels[static_cast<size_t>((y * kWidth + x) * 3)];
            const bool in_band = y >= band && y < band + 10;
            p[0] = static_cast<unsigned char>(in_band ? 250 : (r * (kWidth - x) + 30 * x) / kWidth);
            p[1] = static_cast<unsigned char>(in_band ? 250 : (g * (kHeight - y) + 90 * y) / kHeight);
            p[2] = static_cast<unsigned char>(in_band ? 250 : b);
        }
    if (!stbi_write_png(file.string().c_str(), kWidth, kHeight, 3, pixels.data(), kWidth * 3))
        throw std::runtime_error("cannot write " + file.string());
}

// [SECTION] The pack

long long WriteJson(const fs::path& file, const json& value) {
    const std::string text = value.dump(2) + "\n";
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
    return static_cast<long long>(text.size());
}

json Fair(int offices) {
    json office_list = json::array(), category_list = json::array();
    for (int i = 0; i < offices; ++i) {
        const Words& agency = kAgencies[static_cast<size_t>(i) % kAgencies.size()];
        const Words& place =
            kPlaces[static_cast<size_t>(i / static_cast<int>(kAgencies.size())) % kPlaces.size()];
        const std::string number =
            i < static_cast<int>(kAgencies.size() * kPlaces.size()) ? "" : AfterSpace(std::to_string(i));
        office_list.push_back({{"id", "office-" + std::to_string(i + 1)},
                               {"name", Text(std::string(agency.bn) + ", " + place.bn +
                                                 (number.empty() ? "" : AfterSpace(Bn(i))),
                                             std::string(agency.en) + ", " + place.en + number)},
                               {"short_name", Text(std::string(place.bn) + " " + Bn(i + 1),
                                                   std::string(place.en) + " " + std::to_string(i + 1))}});
    }
    for (size_t i = 0; i < kCategories.size(); ++i)
        category_list.push_back({{"id", "category-" + std::to_string(i + 1)},
                                 {"name", Text(kCategories[i])},
                                 {"description", Text(std::string(kCategories[i].bn) + " বিষয়ক উদ্ভাবন",
                                                      "Innovations in " + std::string(kCategories[i].en))}});
    return {{"format", 1},
            {"fair",
             {{"id", "generated-fair"},
              {"name", Text("উদ্ভাবন প্রদর্শনী (উৎপন্ন)", "Innovation showcasing (generated)")},
              {"venue", Text("বিভাগীয় কমিশনারের কার্যালয়", "Divisional Commissioner's Office")},
              {"ministry", Text("মন্ত্রিপরিষদ বিভাগ", "Cabinet Division")},
              {"dates", {"2024-03-12", "2024-03-13"}}}},
            {"offices", office_list},
            {"categories", category_list}};
}

} // namespace

GeneratedPack GeneratePack(const std::string& folder, const PackSize& size) {
    if (size.innovations < 0 || size.offices < 1 || size.pictures_per_innovation < 0)
        throw std::runtime_error("a pack needs at least one office, and no negative counts");
    const fs::path root(folder);
    fs::create_directories(root / "innovations");
    fs::create_directories(root / "pictures");
    Rng rng(size.seed);
    GeneratedPack written;
    written.json_bytes += WriteJson(root / "fair.json", Fair(size.offices));
    ++written.files;
    const int categories = static_cast<int>(kCategories.size());
    for (int i = 0; i < size.innovations; ++i) {
        const std::string id = "innovation-" + std::to_string(i + 1);
        const std::string office = "office-" + std::to_string(i % size.offices + 1);
        const std::string category = "category-" + std::to_string(rng.Int(1, categories));
        written.json_bytes +=
            WriteJson(root / "innovations" / (id + ".json"),
                      Innovation(rng, i + 1, id, office, category, size.pictures_per_innovation));
        ++written.files;
        for (int k = 1; k <= size.pictures_per_innovation; ++k, ++written.pictures)
            WritePicture(root / "pictures" / (id + "-" + std::to_string(k) + ".png"), rng);
    }
    return written;
}

} // namespace tools
