#include "kiosk/figures/process_map_layout.h"

#include "kiosk/figures/dot_runner.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace figures {

namespace {

using content::EdgeLabel;
using content::StepKind;

// The map as indices: per step its edges out, the main path's choice first.
struct Indexed {
    std::vector<int> from, to;         // per edge; -1 for an unknown step
    std::vector<std::vector<int>> out; // per step: edge indices, yes, then unlabelled, then no
    int start = 0;
};

int Preference(EdgeLabel label) {
    return label == EdgeLabel::Yes ? 0 : label == EdgeLabel::None ? 1 : 2;
}

Indexed Index(const content::ProcessMap& map) {
    Indexed g;
    g.out.resize(map.steps.size());
    for (size_t i = 0; i < map.steps.size(); ++i)
        if (map.steps[i].kind == StepKind::Start) {
            g.start = static_cast<int>(i);
            break;
        }
    for (size_t e = 0; e < map.edges.size(); ++e) {
        g.from.push_back(map.IndexOf(map.edges[e].from));
        g.to.push_back(map.IndexOf(map.edges[e].to));
        if (g.from.back() >= 0 && g.to.back() >= 0)
            g.out[static_cast<size_t>(g.from.back())].push_back(static_cast<int>(e));
    }
    for (std::vector<int>& out : g.out)
        std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
            return Preference(map.edges[static_cast<size_t>(a)].label) <
                   Preference(map.edges[static_cast<size_t>(b)].label);
        });
    return g;
}

struct Walk {
    std::vector<bool> back;    // per edge: goes back up to a step still on the way there (a loop)
    std::vector<int> preorder; // steps in the order a depth-first walk from the start meets them
};

Walk WalkFromStart(const Indexed& g) {
    const size_t steps = g.out.size();
    Walk walk{std::vector<bool>(g.from.size(), false), {}};
    std::vector<int> state(steps, 0); // 0 not seen, 1 on the way, 2 done
    std::vector<int> roots{g.start};
    for (size_t i = 0; i < steps; ++i)
        roots.push_back(static_cast<int>(i));
    for (const int root : roots) {
        if (state[static_cast<size_t>(root)] != 0) continue;
        std::vector<std::pair<int, size_t>> stack{{root, 0}};
        state[static_cast<size_t>(root)] = 1;
        walk.preorder.push_back(root);
        while (!stack.empty()) {
            const int node = stack.back().first;
            const std::vector<int>& out = g.out[static_cast<size_t>(node)];
            if (stack.back().second >= out.size()) {
                state[static_cast<size_t>(node)] = 2;
                stack.pop_back();
                continue;
            }
            const int edge = out[stack.back().second++];
            const int next = g.to[static_cast<size_t>(edge)];
            if (state[static_cast<size_t>(next)] == 1) walk.back[static_cast<size_t>(edge)] = true;
            if (state[static_cast<size_t>(next)] != 0) continue;
            state[static_cast<size_t>(next)] = 1;
            walk.preorder.push_back(next);
            stack.push_back({next, 0});
        }
    }
    return walk;
}

// Columns: group 0 is the spine, the main path from the start; each side branch is one more
// group, followed from where the walk first meets it until it joins steps already placed.
struct Columns {
    std::vector<int> of_step;   // per step
    std::vector<bool> followed; // per edge: the one a column runs along (kept straight by dot)
};

Columns FindColumns(const Indexed& g, const Walk& walk) {
    Columns columns{std::vector<int>(g.out.size(), -1), std::vector<bool>(g.from.size(), false)};
    std::vector<int>& group = columns.of_step;
    int groups = 0;
    for (const int first : walk.preorder) {
        if (group[static_cast<size_t>(first)] >= 0) continue;
        const int id = groups++;
        for (int node = first; node >= 0;) {
            group[static_cast<size_t>(node)] = id;
            int following = -1;
            for (const int e : g.out[static_cast<size_t>(node)]) {
                const int next = g.to[static_cast<size_t>(e)];
                if (!walk.back[static_cast<size_t>(e)] && group[static_cast<size_t>(next)] < 0) {
                    following = next;
                    columns.followed[static_cast<size_t>(e)] = true;
                    break;
                }
            }
            node = following;
        }
    }
    return columns;
}

bool BoxLike(StepKind kind) {
    return kind == StepKind::Activity || kind == StepKind::Document || kind == StepKind::Wait;
}

float WaitIcon(const MapStyle& style) {
    return style.padding_x * 1.7f;
} // room for the hourglass

float WrapWidth(StepKind kind, const MapStyle& style) {
    if (kind == StepKind::Decision) return std::round(style.label_width * 0.85f);
    if (kind == StepKind::Start || kind == StepKind::End) return std::round(style.label_width * 0.8f);
    return style.label_width;
}

// Each step's shape sized around its measured label; boxes share one width so columns line up.
std::vector<MapNode> SizeNodes(const content::ProcessMap& map, const MeasureLabel& measure,
                               const MapStyle& style) {
    std::vector<MapNode> nodes;
    std::vector<LabelSize> labels;
    float box_w = std::round(style.label_width * 0.6f);
    for (const content::Step& step : map.steps) {
        MapNode node{step.id, step.kind, {}, step.label.Get(style.lang), {}, WrapWidth(step.kind, style),
                     false};
        const LabelSize size = measure(node.label, node.label_wrap);
        labels.push_back({std::ceil(size.w), std::ceil(size.h)});
        if (BoxLike(step.kind))
            box_w = std::max(box_w, labels.back().w + (step.kind == StepKind::Wait ? WaitIcon(style) : 0));
        nodes.push_back(std::move(node));
    }
    box_w += 2 * style.padding_x;
    for (size_t i = 0; i < nodes.size(); ++i) {
        MapNode& node = nodes[i];
        const LabelSize& label = labels[i];
        float left = 0; // extra room at the label's left (the wait's hourglass)
        if (node.kind == StepKind::Decision) {
            // The label's corners touch the diamond when 0.58 of the half-width and 0.42 of the
            // half-height are used; padding keeps them off the outline.
            node.box.w = std::ceil(label.w / 0.58f + style.padding_x);
            node.box.h = std::ceil(label.h / 0.42f + style.padding_y);
        } else if (node.kind == StepKind::Start || node.kind == StepKind::End) {
            node.box.h = label.h + 2 * style.padding_y;
            node.box.w = std::ceil(label.w + 2 * style.padding_x + node.box.h * 0.5f);
        } else {
            node.box.w = box_w;
            node.box.h = label.h + 2 * style.padding_y + (node.kind == StepKind::Document ? style.wave : 0);
            if (node.kind == StepKind::Wait) left = WaitIcon(style);
        }
        const float body_h = node.box.h - (node.kind == StepKind::Document ? style.wave : 0);
        node.label_box = {left + (node.box.w - left - label.w) * 0.5f, (body_h - label.h) * 0.5f, label.w,
                          label.h};
    }
    return nodes;
}

// Where the shape's outline is, `dy` above or below its middle: half its width there.
float HalfWidthAt(const MapNode& node, float dy, float terminal_radius) {
    const float half_w = node.box.w * 0.5f, half_h = node.box.h * 0.5f;
    dy = std::min(std::abs(dy), half_h);
    if (node.kind == StepKind::Decision) return half_w * (1 - dy / half_h);
    if (node.kind == StepKind::Start || node.kind == StepKind::End) {
        const float r = std::min({half_h, half_w, terminal_radius});
        const float into_corner = std::max(0.f, dy - (half_h - r));
        return half_w - r + std::sqrt(std::max(0.f, r * r - into_corner * into_corner));
    }
    return half_w;
}

using Path = std::vector<Point>;

// Does the axis-aligned segment a-b pass through the box (its outline excepted)?
bool Crosses(Point a, Point b, const Box& box) {
    constexpr float kSlack = 2;
    return std::min(a.x, b.x) < box.Right() - kSlack && std::max(a.x, b.x) > box.x + kSlack &&
           std::min(a.y, b.y) < box.Bottom() - kSlack && std::max(a.y, b.y) > box.y + kSlack;
}

// A path is clear when no piece passes through a shape; the first piece may leave its own
// shape's box and the last enter its target's (diamonds and pills do not fill their boxes).
bool Clear(const Path& path, const std::vector<MapNode>& nodes, int from, int to) {
    for (size_t s = 0; s + 1 < path.size(); ++s)
        for (size_t n = 0; n < nodes.size(); ++n) {
            if ((s == 0 && static_cast<int>(n) == from) ||
                (s + 2 == path.size() && static_cast<int>(n) == to))
                continue;
            if (Crosses(path[s], path[s + 1], nodes[n].box)) return false;
        }
    return true;
}

Path DropRepeats(Path path) {
    path.erase(std::unique(path.begin(), path.end()), path.end());
    return path;
}

struct Router {
    const content::ProcessMap& map;
    const MapStyle& style;
    const Indexed& g;
    std::vector<MapNode>& nodes;
    std::vector<MapEdge>& edges;
    // Per node and side, the edge ends there in order: 2e + 1 where edge e leaves, 2e where it arrives.
    std::vector<std::array<std::vector<int>, 4>> side_edges;

    const MapNode& Node(int i) const { return nodes[static_cast<size_t>(i)]; }
    int From(size_t e) const { return g.from[e]; }
    int To(size_t e) const { return g.to[e]; }

    // The point of `side` of node `n` where edge `e` meets it; left and right sides share
    // their length between the edges there, so that none arrives where another leaves.
    Point PortOf(int n, Side side, size_t e, bool leaving) const {
        const MapNode& node = Node(n);
        const Point c = node.box.Center();
        if (side == Side::Top) return {c.x, node.box.y};
        if (side == Side::Bottom)
            return {c.x, node.box.Bottom() - (node.kind == StepKind::Document ? style.wave : 0)};
        const std::vector<int>& here = side_edges[static_cast<size_t>(n)][static_cast<size_t>(side)];
        const auto at =
            std::find(here.begin(), here.end(), static_cast<int>(2 * e) + (leaving ? 1 : 0)) - here.begin();
        const float y =
            node.box.y + node.box.h * static_cast<float>(at + 1) / static_cast<float>(here.size() + 1);
        const float half = HalfWidthAt(node, y - c.y, style.terminal_radius);
        return {side == Side::Left ? c.x - half : c.x + half, y};
    }
};

// How many shapes the horizontal stretches out of `from` and into `to` cross on the way to
// that side's outer lane: loops go round the side where they cross least, the left on a tie.
Side LaneSide(const std::vector<MapNode>& nodes, int from, int to) {
    float min_x = std::numeric_limits<float>::max(), max_x = std::numeric_limits<float>::lowest();
    for (const MapNode& node : nodes) {
        min_x = std::min(min_x, node.box.x);
        max_x = std::max(max_x, node.box.Right());
    }
    int crossings[2] = {0, 0};
    for (const int end : {from, to}) {
        const Point c = nodes[static_cast<size_t>(end)].box.Center();
        for (size_t n = 0; n < nodes.size(); ++n) {
            if (static_cast<int>(n) == from || static_cast<int>(n) == to) continue;
            crossings[0] += Crosses(c, {min_x - 1, c.y}, nodes[n].box) ? 1 : 0;
            crossings[1] += Crosses(c, {max_x + 1, c.y}, nodes[n].box) ? 1 : 0;
        }
    }
    return crossings[0] <= crossings[1] ? Side::Left : Side::Right;
}

void ChooseSides(Router& r, const Walk& walk) {
    for (size_t e = 0; e < r.edges.size(); ++e) {
        MapEdge& edge = r.edges[e];
        if (r.From(e) < 0 || r.To(e) < 0) continue;
        const float dx = r.Node(r.To(e)).box.Center().x - r.Node(r.From(e)).box.Center().x;
        edge.loop_back = walk.back[e];
        if (edge.loop_back) {
            const Side lane = LaneSide(r.nodes, r.From(e), r.To(e));
            edge.leaves = edge.kind == EdgeLabel::Yes ? Side::Bottom : lane;
            edge.arrives = lane;
        } else {
            edge.leaves = edge.kind == EdgeLabel::No ? (dx < -1 ? Side::Left : Side::Right) : Side::Bottom;
            edge.arrives = Side::Top;
        }
    }
    // Along a side: edges arriving above edges leaving, each in map order.
    for (const bool leaving : {false, true})
        for (size_t e = 0; e < r.edges.size(); ++e) {
            if (r.From(e) < 0 || r.To(e) < 0) continue;
            const Side side = leaving ? r.edges[e].leaves : r.edges[e].arrives;
            if (side == Side::Left || side == Side::Right)
                r.side_edges[static_cast<size_t>(leaving ? r.From(e) : r.To(e))][static_cast<size_t>(side)]
                    .push_back(static_cast<int>(2 * e) + (leaving ? 1 : 0));
        }
}

// A forward edge: straight down when it can, else with right-angled turns that pass no shape,
// else dot's own curve.
Path RouteForward(const Router& r, size_t e, const Path& dot_path) {
    const MapEdge& edge = r.edges[e];
    const Point tail = r.PortOf(r.From(e), edge.leaves, e, true),
                head = r.PortOf(r.To(e), Side::Top, e, false);
    const float above_head = head.y - r.style.rank_gap * 0.5f;
    std::vector<Path> candidates;
    if (edge.leaves == Side::Bottom) {
        const float below_tail = tail.y + r.style.rank_gap * 0.5f;
        candidates.push_back({tail, head});
        candidates.push_back({tail, {tail.x, above_head}, {head.x, above_head}, head});
        candidates.push_back({tail, {tail.x, below_tail}, {head.x, below_tail}, head});
    } else {
        const float out = edge.leaves == Side::Right ? r.style.node_gap * 0.5f : -r.style.node_gap * 0.5f;
        candidates.push_back({tail, {head.x, tail.y}, head});
        candidates.push_back(
            {tail, {tail.x + out, tail.y}, {tail.x + out, above_head}, {head.x, above_head}, head});
    }
    for (const Path& candidate : candidates) {
        const Path path = DropRepeats(candidate);
        const bool straight_down = path.size() == 2 && std::abs(path[0].x - path[1].x) < 0.5f;
        const bool downward = path.size() > 2 || straight_down;
        if (downward && head.y > tail.y && Clear(path, r.nodes, r.From(e), r.To(e))) return path;
    }
    Path path = dot_path;
    if (path.size() < 2) return {tail, head};
    path.front() = tail;
    path.back() = head;
    return path;
}

void RouteLoops(Router& r) {
    float min_x = std::numeric_limits<float>::max(), max_x = std::numeric_limits<float>::lowest();
    for (const MapNode& node : r.nodes) {
        min_x = std::min(min_x, node.box.x);
        max_x = std::max(max_x, node.box.Right());
    }
    for (const MapEdge& edge : r.edges)
        for (const Point& p : edge.path) {
            min_x = std::min(min_x, p.x);
            max_x = std::max(max_x, p.x);
        }
    // Shorter loops on the inner lanes, so that lanes nest rather than cross.
    std::vector<size_t> loops;
    for (size_t e = 0; e < r.edges.size(); ++e)
        if (r.edges[e].loop_back && r.From(e) >= 0 && r.To(e) >= 0) loops.push_back(e);
    const auto span = [&](size_t e) { return r.Node(r.From(e)).box.y - r.Node(r.To(e)).box.y; };
    std::stable_sort(loops.begin(), loops.end(), [&](size_t a, size_t b) { return span(a) < span(b); });
    int lanes[2] = {0, 0};
    for (const size_t e : loops) {
        MapEdge& edge = r.edges[e];
        const bool left = edge.arrives == Side::Left;
        const float step = r.style.lane_gap * static_cast<float>(++lanes[left ? 0 : 1]);
        const float lane = left ? min_x - step : max_x + step;
        const Point tail = r.PortOf(r.From(e), edge.leaves, e, true);
        const Point head = r.PortOf(r.To(e), edge.arrives, e, false);
        if (edge.leaves == Side::Bottom) {
            const float below = tail.y + r.style.rank_gap * 0.5f;
            edge.path = {tail, {tail.x, below}, {lane, below}, {lane, head.y}, head};
        } else {
            edge.path = {tail, {lane, tail.y}, {lane, head.y}, head};
        }
    }
}

// "Yes" and "No" beside where the edge leaves: right of a line going down, above one going out.
void PlaceEdgeLabels(std::vector<MapEdge>& edges, const MeasureLabel& measure, const MapStyle& style) {
    for (MapEdge& edge : edges) {
        if (edge.kind == EdgeLabel::None || edge.path.empty()) continue;
        edge.label = edge.kind == EdgeLabel::Yes ? style.yes : style.no;
        const LabelSize size = measure(edge.label, style.label_width);
        const Point tail = edge.Tail();
        const float w = std::ceil(size.w), h = std::ceil(size.h), gap = style.label_gap;
        if (edge.leaves == Side::Bottom)
            edge.label_box = {tail.x + gap, tail.y + gap * 0.5f, w, h};
        else if (edge.leaves == Side::Right)
            edge.label_box = {tail.x + gap, tail.y - gap * 0.5f - h, w, h};
        else
            edge.label_box = {tail.x - gap - w, tail.y - gap * 0.5f - h, w, h};
    }
}

// Moves everything so that the drawing starts at (0, 0) and records its size.
void Normalise(MapLayout& layout, float margin) {
    float min_x = std::numeric_limits<float>::max(), min_y = min_x;
    float max_x = std::numeric_limits<float>::lowest(), max_y = max_x;
    const auto grow = [&](float x0, float y0, float x1, float y1) {
        min_x = std::min(min_x, x0), min_y = std::min(min_y, y0);
        max_x = std::max(max_x, x1), max_y = std::max(max_y, y1);
    };
    for (const MapNode& node : layout.nodes)
        grow(node.box.x, node.box.y, node.box.Right(), node.box.Bottom());
    for (const MapEdge& edge : layout.edges) {
        for (const Point& p : edge.path)
            grow(p.x, p.y, p.x, p.y);
        if (!edge.label.empty())
            grow(edge.label_box.x, edge.label_box.y, edge.label_box.Right(), edge.label_box.Bottom());
    }
    const float dx = margin - min_x, dy = margin - min_y;
    const auto move = [&](float& x, float& y) {
        x = std::round((x + dx) * 100) / 100, y = std::round((y + dy) * 100) / 100;
    };
    for (MapNode& node : layout.nodes)
        move(node.box.x, node.box.y), move(node.label_box.x, node.label_box.y);
    for (MapEdge& edge : layout.edges) {
        for (Point& p : edge.path)
            move(p.x, p.y);
        if (!edge.label.empty()) move(edge.label_box.x, edge.label_box.y);
    }
    layout.width = std::ceil(max_x - min_x + 2 * margin);
    layout.height = std::ceil(max_y - min_y + 2 * margin);
}

// dot's input: the spine and each branch in a group of its own (a straight column), the main
// path's edge listed first from each step so that side branches fall to its right.
std::pair<std::vector<dot::Node>, std::vector<dot::Edge>>
DotInput(const content::ProcessMap& map, const Indexed& g, const Walk& walk, const Columns& columns,
         const std::vector<MapNode>& nodes, std::vector<int>& dot_edge_of) {
    std::vector<dot::Node> dot_nodes;
    for (size_t i = 0; i < nodes.size(); ++i)
        dot_nodes.push_back(
            {nodes[i].box.w, nodes[i].box.h, std::string(1, 'c').append(std::to_string(columns.of_step[i]))});
    std::vector<dot::Edge> dot_edges;
    dot_edge_of.assign(map.edges.size(), -1);
    for (size_t n = 0; n < g.out.size(); ++n)
        for (const int e : g.out[n]) {
            if (walk.back[static_cast<size_t>(e)]) continue;
            const int to = g.to[static_cast<size_t>(e)];
            const bool no = map.edges[static_cast<size_t>(e)].label == EdgeLabel::No;
            // The edges a column runs along weigh most, the spine's more than a branch's.
            const int weight =
                columns.followed[static_cast<size_t>(e)] ? (columns.of_step[n] == 0 ? 8 : 4) : 1;
            dot_edge_of[static_cast<size_t>(e)] = static_cast<int>(dot_edges.size());
            dot_edges.push_back({static_cast<int>(n), to, no ? "e" : "s", "n", weight});
        }
    return {dot_nodes, dot_edges};
}

} // namespace

const MapNode* MapLayout::Find(const std::string& id) const {
    for (const MapNode& node : nodes)
        if (node.id == id) return &node;
    return nullptr;
}

MapLayout LayOutProcessMap(const content::ProcessMap& map, const MeasureLabel& measure,
                           const MapStyle& style) {
    MapLayout layout;
    layout.wave = style.wave;
    layout.terminal_radius = style.terminal_radius;
    if (map.steps.empty()) return layout;
    const Indexed g = Index(map);
    const Walk walk = WalkFromStart(g);
    const Columns columns = FindColumns(g, walk);
    layout.nodes = SizeNodes(map, measure, style);
    std::vector<int> dot_edge_of;
    const auto [dot_nodes, dot_edges] = DotInput(map, g, walk, columns, layout.nodes, dot_edge_of);
    const dot::Result placed = dot::Run(dot_nodes, dot_edges, style.node_gap, style.rank_gap);
    if (!placed.error.empty()) {
        layout.nodes.clear();
        layout.error = placed.error;
        return layout;
    }
    for (size_t i = 0; i < layout.nodes.size(); ++i) {
        MapNode& node = layout.nodes[i];
        node.box.x = placed.centers[i].x - node.box.w * 0.5f;
        node.box.y = placed.centers[i].y - node.box.h * 0.5f;
        node.label_box.x += node.box.x;
        node.label_box.y += node.box.y;
        node.on_spine = columns.of_step[i] == 0;
    }
    for (const content::Edge& edge : map.edges) {
        MapEdge& laid = layout.edges.emplace_back();
        laid.from = edge.from, laid.to = edge.to, laid.kind = edge.label;
    }
    Router router{map, style, g, layout.nodes, layout.edges, {}};
    router.side_edges.resize(layout.nodes.size());
    ChooseSides(router, walk);
    for (size_t e = 0; e < layout.edges.size(); ++e)
        if (!walk.back[e] && g.from[e] >= 0 && g.to[e] >= 0)
            layout.edges[e].path = RouteForward(router, e, placed.paths[static_cast<size_t>(dot_edge_of[e])]);
    RouteLoops(router);
    PlaceEdgeLabels(layout.edges, measure, style);
    Normalise(layout, style.lane_gap * 0.5f);
    return layout;
}

namespace {

const char* SideName(Side side) {
    switch (side) {
    case Side::Top:
        return "top";
    case Side::Bottom:
        return "bottom";
    case Side::Left:
        return "left";
    case Side::Right:
        return "right";
    }
    return "?";
}

std::string Rounded(const Box& box) {
    char text[64];
    std::snprintf(text, sizeof text, "%ld %ld %ld %ld", std::lround(box.x), std::lround(box.y),
                  std::lround(box.w), std::lround(box.h));
    return text;
}

} // namespace

// Appends with += only: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string.
std::string Describe(const MapLayout& layout) {
    std::string out;
    const auto number = [&out](float value) { out += std::to_string(std::lround(value)); };
    out += "size ";
    number(layout.width);
    out += ' ';
    number(layout.height);
    out += '\n';
    for (const MapNode& node : layout.nodes) {
        ((out += "node ") += node.id) += ' ';
        out += content::ToString(node.kind);
        out += node.on_spine ? " spine box " : " box ";
        ((out += Rounded(node.box)) += " label ") += Rounded(node.label_box);
        out += '\n';
    }
    for (const MapEdge& edge : layout.edges) {
        (((out += "edge ") += edge.from) += '>') += edge.to;
        (((out += ' ') += SideName(edge.leaves)) += '>') += SideName(edge.arrives);
        out += edge.loop_back ? " loop path" : " path";
        for (const Point& p : edge.path) {
            out += ' ';
            number(p.x);
            out += ',';
            number(p.y);
        }
        if (!edge.label.empty()) (((out += " label ") += edge.label) += ' ') += Rounded(edge.label_box);
        out += '\n';
    }
    return out;
}

} // namespace figures
