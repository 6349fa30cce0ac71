// kiosk_figures without a screen: process maps laid out by Graphviz (the flowchart's structure,
// and its geometry against a golden file) and QR codes. This target links no ImGui or GL and
// has no ImGui include directories, which proves the library portable to a printer.
#include "content/pack_loader.h"
#include "kiosk/figures/process_map_layout.h"
#include "kiosk/figures/qr_code.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace {

using content::EdgeLabel;
using content::StepKind;
using figures::MapEdge;
using figures::MapLayout;
using figures::MapNode;
using figures::Side;

// A stand-in for the text engine: 10 units a character (a code point), 20 a line, wrapped to
// the width given. The layout must not depend on fonts for these tests.
figures::LabelSize FakeMeasure(std::string_view text, float max_width) {
    float chars = 0;
    for (const char c : text)
        chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1.f : 0.f;
    const float total = chars * 10, lines = std::max(1.f, std::ceil(total / max_width));
    return {std::min(total, max_width), lines * 20};
}

// Joins its parts with += (GCC 12 at -O3 warns falsely on "literal" + std::string).
template <typename... Parts> std::string Cat(const Parts&... parts) {
    std::string out;
    ((out += parts), ...);
    return out;
}

std::string S(int i) {
    return Cat("s", std::to_string(i));
}

content::Step Step(const char* id, StepKind kind, const char* en) {
    return {id, kind, {"", en}};
}

// Two decisions whose paths run side by side and merge, a decision with a second end, and a
// decision whose no loops back.
content::ProcessMap BranchingMap() {
    content::ProcessMap map;
    map.steps = {Step("s1", StepKind::Start, "Citizen applies"),
                 Step("s2", StepKind::Activity, "Officer checks the file"),
                 Step("d1", StepKind::Decision, "Documents complete?"),
                 Step("s3", StepKind::Activity, "Land record verified online"),
                 Step("b1", StepKind::Wait, "Applicant brings the missing papers"),
                 Step("s4", StepKind::Activity, "Field inspection"),
                 Step("d2", StepKind::Decision, "Eligible?"),
                 Step("e2", StepKind::End, "Refused, reasons sent by SMS"),
                 Step("s5", StepKind::Document, "Certificate drafted"),
                 Step("d3", StepKind::Decision, "Approved by the UNO?"),
                 Step("e1", StepKind::End, "Certificate delivered")};
    map.edges = {{"s1", "s2"},
                 {"s2", "d1"},
                 {"d1", "s3", EdgeLabel::Yes},
                 {"d1", "b1", EdgeLabel::No},
                 {"s3", "s4"},
                 {"b1", "s4"},
                 {"s4", "d2"},
                 {"d2", "s5", EdgeLabel::Yes},
                 {"d2", "e2", EdgeLabel::No},
                 {"s5", "d3"},
                 {"d3", "e1", EdgeLabel::Yes},
                 {"d3", "s5", EdgeLabel::No}};
    return map;
}

// Forty steps: a long spine with a decision every eighth step whose no takes a detour and joins
// again, and four steps later one whose no skips the next step.
content::ProcessMap FortyStepMap() {
    content::ProcessMap map;
    map.steps.push_back(Step("s0", StepKind::Start, "Start"));
    for (int i = 1; i < 39; ++i) {
        const std::string id = S(i), n = std::to_string(i);
        if (i % 8 == 4) {
            map.steps.push_back({id, StepKind::Decision, {"", Cat("Check ", n, " passed?")}});
            map.steps.push_back({id + "x", StepKind::Activity, {"", Cat("Correct and resubmit ", n)}});
        } else if (i % 8 == 0) {
            map.steps.push_back(
                {id, StepKind::Decision, {"", Cat("Is step ", std::to_string(i + 1), " needed?")}});
        } else {
            map.steps.push_back({id, StepKind::Activity, {"", Cat("Step number ", n, " of the service")}});
        }
    }
    map.steps.push_back(Step("s39", StepKind::End, "Done"));
    for (int i = 0; i < 39; ++i) {
        const std::string from = S(i), to = S(i + 1);
        if (i % 8 == 4) {
            map.edges.push_back({from, to, EdgeLabel::Yes});
            map.edges.push_back({from, from + "x", EdgeLabel::No});
            map.edges.push_back({from + "x", to});
        } else if (i % 8 == 0 && i > 0) {
            map.edges.push_back({from, to, EdgeLabel::Yes});
            map.edges.push_back({from, S(i + 2), EdgeLabel::No});
        } else {
            map.edges.push_back({from, to});
        }
    }
    return map;
}

MapLayout LayOut(const content::ProcessMap& map) {
    figures::MapStyle style;
    style.lang = content::Lang::English;
    return figures::LayOutProcessMap(map, FakeMeasure, style);
}

const MapNode& NodeOf(const MapLayout& layout, const std::string& id) {
    const MapNode* node = layout.Find(id);
    REQUIRE(node != nullptr);
    return *node;
}

float Distance(figures::Point a, figures::Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// What every map must be to read as a flowchart: shapes apart, the spine one column, edges
// running straight across or down (up only on a loop's lane) past every other shape, and no edge
// arriving where another leaves.
void CheckReadable(const MapLayout& layout) {
    REQUIRE(layout.error.empty());
    for (size_t a = 0; a < layout.nodes.size(); ++a)
        for (size_t b = a + 1; b < layout.nodes.size(); ++b) {
            CAPTURE(Cat(layout.nodes[a].id, " ", layout.nodes[b].id));
            CHECK_FALSE(layout.nodes[a].box.Overlaps(layout.nodes[b].box));
        }
    const MapNode* first_on_spine = nullptr;
    for (const MapNode& node : layout.nodes)
        if (node.on_spine) {
            if (!first_on_spine) first_on_spine = &node;
            CAPTURE(node.id);
            CHECK(std::abs(node.box.Center().x - first_on_spine->box.Center().x) < 1.f);
        }
    for (const MapEdge& edge : layout.edges) {
        CAPTURE(Cat(edge.from, ">", edge.to));
        REQUIRE(edge.path.size() >= 2);
        for (size_t i = 0; i + 1 < edge.path.size(); ++i) {
            const figures::Point a = edge.path[i], b = edge.path[i + 1];
            CHECK((std::abs(a.x - b.x) < 0.5f || std::abs(a.y - b.y) < 0.5f));
            for (const MapNode& node : layout.nodes) {
                if (node.id == edge.from || node.id == edge.to) continue;
                CAPTURE(node.id);
                CHECK_FALSE(
                    (std::min(a.x, b.x) < node.box.Right() - 2 && std::max(a.x, b.x) > node.box.x + 2 &&
                     std::min(a.y, b.y) < node.box.Bottom() - 2 && std::max(a.y, b.y) > node.box.y + 2));
            }
        }
        for (const MapEdge& other : layout.edges)
            CHECK(Distance(edge.Tip(), other.Tail()) > 4.f);
    }
}

const char* kSpine[] = {"s1", "s2", "d1", "s3", "s4", "d2", "s5", "d3", "e1"};

} // namespace

TEST_CASE("a branching map: the main path is a straight spine in reading order") {
    const MapLayout layout = LayOut(BranchingMap());
    REQUIRE(layout.error.empty());
    REQUIRE(layout.nodes.size() == 11);
    const float spine_x = NodeOf(layout, "s1").box.Center().x;
    float above = -1;
    for (const char* id : kSpine) {
        const MapNode& node = NodeOf(layout, id);
        CAPTURE(id);
        CHECK(node.on_spine);
        CHECK(std::abs(node.box.Center().x - spine_x) < 1.f);
        CHECK(node.box.y > above);
        above = node.box.Bottom();
    }
    // The side branches stand in columns of their own, beside the steps they run alongside.
    for (const char* id : {"b1", "e2"}) {
        CAPTURE(id);
        CHECK_FALSE(NodeOf(layout, id).on_spine);
        CHECK(std::abs(NodeOf(layout, id).box.Center().x - spine_x) > NodeOf(layout, "s3").box.w * 0.5f);
    }
    CHECK(std::abs(NodeOf(layout, "b1").box.Center().y - NodeOf(layout, "s3").box.Center().y) < 1.f);
}

TEST_CASE("a branching map: each end is the foot of its column, nothing overlaps") {
    const MapLayout layout = LayOut(BranchingMap());
    for (const MapNode& end : layout.nodes) {
        if (end.kind != StepKind::End) continue;
        for (const MapNode& other : layout.nodes)
            if (&other != &end && std::abs(other.box.Center().x - end.box.Center().x) < 1.f) {
                CAPTURE(end.id);
                CAPTURE(other.id);
                CHECK(other.box.Bottom() < end.box.y);
            }
    }
    for (size_t a = 0; a < layout.nodes.size(); ++a)
        for (size_t b = a + 1; b < layout.nodes.size(); ++b)
            CHECK_FALSE(layout.nodes[a].box.Overlaps(layout.nodes[b].box));
    for (const MapNode& node : layout.nodes) {
        CHECK(node.box.x >= 0);
        CHECK(node.box.y >= 0);
        CHECK(node.box.Right() <= layout.width);
        CHECK(node.box.Bottom() <= layout.height);
    }
}

TEST_CASE("a branching map: yes leaves downward, no to the side, each exit labelled") {
    const MapLayout layout = LayOut(BranchingMap());
    int labelled = 0;
    for (const MapEdge& edge : layout.edges) {
        CAPTURE(Cat(edge.from, ">", edge.to));
        REQUIRE(edge.path.size() >= 2);
        const MapNode& from = NodeOf(layout, edge.from);
        if (edge.kind == EdgeLabel::Yes) {
            CHECK(edge.leaves == Side::Bottom);
            CHECK(Distance(edge.Tail(), {from.box.Center().x, from.box.Bottom()}) < 1.f);
            CHECK(edge.path[1].y > edge.Tail().y); // first downwards
        }
        if (edge.kind == EdgeLabel::No) {
            CHECK((edge.leaves == Side::Left || edge.leaves == Side::Right));
            CHECK(std::abs(edge.Tail().y - from.box.Center().y) < 1.f); // the diamond's side corner
            CHECK(std::abs(edge.path[1].y - edge.Tail().y) < 0.5f);     // first sideways
        }
        if (edge.kind != EdgeLabel::None) {
            ++labelled;
            CHECK(edge.label == (edge.kind == EdgeLabel::Yes ? "Yes" : "No"));
            CHECK(edge.label_box.w > 0);
            CHECK(Distance(edge.label_box.Center(), edge.Tail()) < 40.f); // beside the exit it names
        }
    }
    CHECK(labelled == 6);
}

TEST_CASE("a branching map: a loop runs back on an outer lane, no edge arrives where another leaves") {
    const MapLayout layout = LayOut(BranchingMap());
    float min_x = layout.width, max_x = 0;
    for (const MapNode& node : layout.nodes) {
        min_x = std::min(min_x, node.box.x);
        max_x = std::max(max_x, node.box.Right());
    }
    int loops = 0;
    for (const MapEdge& edge : layout.edges) {
        CAPTURE(Cat(edge.from, ">", edge.to));
        CHECK(edge.loop_back == (edge.from == "d3" && edge.to == "s5"));
        if (edge.loop_back) {
            ++loops;
            float lane = edge.path[1].x;
            CHECK((lane < min_x || lane > max_x));
        }
        // Orthogonal: every piece runs straight across or straight down (or up, on a lane).
        for (size_t i = 0; i + 1 < edge.path.size(); ++i)
            CHECK((std::abs(edge.path[i].x - edge.path[i + 1].x) < 0.5f ||
                   std::abs(edge.path[i].y - edge.path[i + 1].y) < 0.5f));
        // Nothing passes through a shape other than its own two.
        for (const MapNode& node : layout.nodes) {
            if (node.id == edge.from || node.id == edge.to) continue;
            for (size_t i = 0; i + 1 < edge.path.size(); ++i) {
                const figures::Point a = edge.path[i], b = edge.path[i + 1];
                const bool crosses =
                    std::min(a.x, b.x) < node.box.Right() - 2 && std::max(a.x, b.x) > node.box.x + 2 &&
                    std::min(a.y, b.y) < node.box.Bottom() - 2 && std::max(a.y, b.y) > node.box.y + 2;
                CHECK_FALSE(crosses);
            }
        }
    }
    CHECK(loops == 1);
    for (const MapEdge& arriving : layout.edges)
        for (const MapEdge& leaving : layout.edges)
            CHECK(Distance(arriving.Tip(), leaving.Tail()) > 4.f);
}

// The golden file holds the rounded geometry of the branching map. After an intended change
// of the layout (or another Graphviz version), look at the screenshots, then write it again:
//   FIGURES_WRITE_GOLDEN=1 build/tests/figures_tests -tc='*golden*'
TEST_CASE("a branching map's geometry matches the golden file") {
    const std::string path = std::string(KIOSK_SOURCE_DIR) + "/tests/data/figures/branching-map.txt";
    const std::string described = figures::Describe(LayOut(BranchingMap()));
    CHECK(described == figures::Describe(LayOut(BranchingMap()))); // the same input, the same geometry
    if (std::getenv("FIGURES_WRITE_GOLDEN")) std::ofstream(path) << described;
    std::ifstream file(path);
    REQUIRE_MESSAGE(file.good(), "no golden file ", path);
    std::stringstream golden;
    golden << file.rdbuf();
    CHECK(described == golden.str());
}

TEST_CASE("a 40-step map lays out as one spine with its detours, nothing overlapping") {
    const content::ProcessMap map = FortyStepMap();
    const MapLayout layout = LayOut(map);
    REQUIRE(layout.error.empty());
    REQUIRE(layout.nodes.size() == map.steps.size());
    for (size_t a = 0; a < layout.nodes.size(); ++a)
        for (size_t b = a + 1; b < layout.nodes.size(); ++b) {
            CAPTURE(Cat(layout.nodes[a].id, " ", layout.nodes[b].id));
            CHECK_FALSE(layout.nodes[a].box.Overlaps(layout.nodes[b].box));
        }
    const float spine_x = NodeOf(layout, "s0").box.Center().x;
    float above = -1;
    for (int i = 0; i < 40; ++i) {
        const MapNode& node = NodeOf(layout, S(i));
        CAPTURE(node.id);
        CHECK(std::abs(node.box.Center().x - spine_x) < 1.f);
        CHECK(node.box.y > above);
        above = node.box.Bottom();
    }
    for (const MapEdge& edge : layout.edges)
        CHECK(edge.path.size() >= 2);
}

TEST_CASE("an empty map lays out as nothing, an edge to an unknown step is left undrawn") {
    CHECK(LayOut({}).Empty());
    content::ProcessMap map;
    map.steps = {Step("a", StepKind::Start, "Start"), Step("b", StepKind::End, "End")};
    map.edges = {{"a", "b"}, {"a", "nowhere"}};
    const MapLayout layout = LayOut(map);
    REQUIRE(layout.error.empty());
    CHECK(layout.edges[0].path.size() == 2);
    CHECK(layout.edges[1].path.empty());
}

TEST_CASE("a QR code encodes a link with its three finder patterns") {
    const auto code = figures::QrCode::Encode("https://services.portal.gov.bd/land/mutation");
    REQUIRE(code.has_value());
    CHECK(code->Size() >= 21);
    CHECK((code->Size() - 21) % 4 == 0); // versions grow by four modules
    CHECK(code->SizeWithQuietZone() == code->Size() + 8);
    const int n = code->Size();
    for (const auto& corner : {std::pair{0, 0}, std::pair{n - 7, 0}, std::pair{0, n - 7}})
        for (int y = 0; y < 7; ++y)
            for (int x = 0; x < 7; ++x) {
                const int ring = std::max(std::abs(x - 3), std::abs(y - 3)); // 3: outer, 2: light, <2: core
                const int mx = corner.first + x, my = corner.second + y;
                CAPTURE(mx);
                CAPTURE(my);
                CHECK(code->Dark(mx, my) == (ring != 2));
            }
    CHECK_FALSE(code->Dark(-1, 0)); // the quiet zone is light
    const figures::QrPlacement place = figures::PlaceQrCode(*code, 10, 10, 260);
    CHECK(place.module == std::floor(260.f / static_cast<float>(code->SizeWithQuietZone())));
    CHECK(place.side <= 260);
    CHECK(place.x == std::round(place.x));
}

TEST_CASE("a text too long for a QR code gives no code") {
    CHECK_FALSE(figures::QrCode::Encode(std::string(8000, 'a')).has_value());
}

TEST_CASE("every process map of the demo fair reads as a flowchart, in Bengali and English") {
    const content::LoadedPack pack = content::LoadPack(std::string(KIOSK_SOURCE_DIR) + "/assets/demo-fair");
    REQUIRE(pack.content.innovations.size() >= 10);
    int maps = 0;
    for (const content::Innovation& innovation : pack.content.innovations)
        for (const content::ProcessMap* map : {&innovation.process_before, &innovation.process_after})
            for (const content::Lang lang : {content::Lang::Bengali, content::Lang::English}) {
                if (map->Empty()) continue;
                CAPTURE(innovation.id);
                figures::MapStyle style;
                style.lang = lang;
                CheckReadable(figures::LayOutProcessMap(*map, FakeMeasure, style));
                ++maps;
            }
    CHECK(maps >= 40);
}

TEST_CASE("maps the pack check would refuse still lay out: a step looping to itself, twin edges, no start") {
    content::ProcessMap map;
    map.steps = {Step("a", StepKind::Activity, "First"), Step("b", StepKind::Decision, "Again?"),
                 Step("c", StepKind::Activity, "Nobody comes here"), Step("d", StepKind::End, "End")};
    map.edges = {{"a", "b"}, {"a", "b"}, {"b", "b", EdgeLabel::Yes}, {"b", "d", EdgeLabel::No},
                 {"c", "c"}, {"c", "a"}};
    const MapLayout layout = LayOut(map);
    REQUIRE(layout.error.empty());
    REQUIRE(layout.nodes.size() == 4);
    for (const MapEdge& edge : layout.edges) {
        CAPTURE(Cat(edge.from, ">", edge.to));
        CHECK(edge.path.size() >= 2);
    }
    CHECK(layout.edges[2].loop_back);
    CHECK(layout.edges[4].loop_back);
    CHECK(Distance(layout.edges[4].Tip(), layout.edges[4].Tail()) >
          4.f); // a loop to itself leaves and arrives apart
}
