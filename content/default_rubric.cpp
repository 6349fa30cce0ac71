// The default rubric: the one a pack without rubric.json gets. It is word for word the demo fair's
// assets/demo-fair/rubric.json (a test keeps the two equal), so organisers can start from that file.
#include "content/model.h"

namespace content {

Rubric DefaultRubric() {
    Rubric rubric;
    rubric.criteria = {
        {"simplification",
         {"সেবা সহজিকরণ ও টিসিভি হ্রাস", "Service simplification and TCV reduction"},
         {"সেবা পেতে সময়, খরচ ও যাতায়াত (টিসিভি) কতটা কমেছে; ধাপ, কাগজপত্র ও স্বাক্ষর কতটা কমেছে। আগের ও পরের "
          "প্রসেস ম্যাপ মিলিয়ে দেখুন।",
          "How much the time, cost and office visits (TCV) to receive the service have fallen, and how many "
          "steps, papers and signatures were cut. Compare the process maps before and after."},
         25,
         1.0},
        {"novelty",
         {"নতুনত্ব", "Novelty"},
         {"ধারণাটি কতটা নতুন: এই দপ্তরে বা অন্য কোথাও আগে এভাবে করা হয়েছে কি না।",
          "How new the idea is: whether it has been done this way before, in this office or elsewhere."},
         15,
         1.0},
        {"citizen-friendly",
         {"নাগরিকবান্ধবতা", "Citizen-friendliness"},
         {"সেবাগ্রহীতার ভোগান্তি কতটা কমেছে; নারী, প্রবীণ, প্রতিবন্ধী ও প্রত্যন্ত এলাকার মানুষ সহজে সেবা নিতে পারেন "
          "কি না।",
          "How much hardship it spares service recipients; whether women, older people, persons with "
          "disabilities and people in remote areas can use it easily."},
         20,
         1.0},
        {"technology",
         {"প্রযুক্তির ব্যবহার", "Use of technology"},
         {"অনলাইন সেবা, মোবাইল অ্যাপ, ডেটাবেজ ইত্যাদি আধুনিক প্রযুক্তির যথাযথ ও সাশ্রয়ী ব্যবহার; স্মার্ট বাংলাদেশ গড়ায় "
          "অবদান।",
          "Sound, affordable use of modern technology such as online services, mobile apps and databases; "
          "its contribution to a Smart Bangladesh."},
         15,
         1.0},
        {"sustainability",
         {"টেকসইতা", "Sustainability"},
         {"সেবাটি এখন চালু আছে কি না; উদ্যোগটি টিকিয়ে রাখতে জনবল, বাজেট ও রক্ষণাবেক্ষণের ব্যবস্থা আছে কি না।",
          "Whether the service is running now, and whether staff, budget and maintenance are in place for it "
          "to last."},
         15,
         1.0},
        {"replicability",
         {"অন্যত্র প্রয়োগযোগ্যতা", "Replicability"},
         {"অন্য দপ্তর, জেলা বা উপজেলায় উদ্যোগটি কতটা সহজে ও কম খরচে চালু করা যায়।",
          "How easily and cheaply other offices, districts or upazilas could adopt it."},
         10,
         1.0},
    };
    return rubric;
}

} // namespace content
