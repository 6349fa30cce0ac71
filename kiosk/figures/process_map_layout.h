// A service's process map laid out as a flowchart by Graphviz's dot: plain geometry (boxes,
// polylines, label places) that the screen paints with ImDrawList and a printer with Cairo.
// The main path runs down a straight spine in reading order, each side branch in a column of its
// own, loops back on outer lanes; a decision's yes leaves downward and its no to the side.
// No ImGui, no GL: labels are measured by a function the caller passes and drawn by the caller.
#pragma once

#include "content/model.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace figures {

struct Point {
    float x = 0, y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    float Right() const { return x + w; }
    float Bottom() const { return y + h; }
    Point Center() const { return {x + w * 0.5f, y + h * 0.5f}; }
    bool Overlaps(const Box& o) const {
        return x < o.Right() && o.x < Right() && y < o.Bottom() && o.y < Bottom();
    }
};

// The size `text` takes wrapped at `max_width`, in the caller's unit (the kiosk's pixels, a
// printer's points). The caller draws the label later with the same wrap width, centred.
struct LabelSize {
    float w = 0, h = 0;
};
using MeasureLabel = std::function<LabelSize(std::string_view text, float max_width)>;

// Sizes in the measuring unit. The defaults suit design pixels at a 1080-line screen.
struct MapStyle {
    float label_width = 260;    // wrap width of a box's label
    float padding_x = 18;       // label to the box's side
    float padding_y = 14;       // label to the box's top and bottom
    float node_gap = 56;        // between columns
    float rank_gap = 46;        // between rows
    float lane_gap = 22;        // between loop-back lanes, and from the outermost node to the first
    float label_gap = 6;        // a yes/no label from its edge
    float wave = 10;            // a document's wavy lower edge: extra height below its label
    float terminal_radius = 24; // the rounded ends of start and end, at most (a pill when one line)
    std::string yes = "Yes";    // the words on a decision's exits, measured and placed here
    std::string no = "No";
    content::Lang lang = content::Lang::English;
};

enum class Side { Top, Bottom, Left, Right };

struct MapNode {
    std::string id;
    content::StepKind kind = content::StepKind::Activity;
    Box box;              // the shape's bounding box
    std::string label;    // in the style's language
    Box label_box;        // where the measured label goes
    float label_wrap = 0; // draw the label wrapped at this width, centred on label_box
    bool on_spine = false;
};

struct MapEdge {
    std::string from, to;
    content::EdgeLabel kind = content::EdgeLabel::None;
    std::vector<Point> path; // from the tail to the arrow's tip, straight segments
    Side leaves = Side::Bottom;
    Side arrives = Side::Top;
    bool loop_back = false; // runs back up on an outer lane
    std::string label;      // "Yes"/"No" in the style's words; empty for a plain edge
    Box label_box;          // where the label goes (empty when there is none)

    Point Tip() const { return path.empty() ? Point{} : path.back(); }
    Point Tail() const { return path.empty() ? Point{} : path.front(); }
};

struct MapLayout {
    float width = 0, height = 0; // everything lies in [0, width] x [0, height]
    float wave = 0;              // the style's: a document's wavy edge crosses its middle this far up
    float terminal_radius = 0;   // the style's: corner radius of start and end
    std::vector<MapNode> nodes;  // in the map's step order
    std::vector<MapEdge> edges;  // in the map's edge order
    std::string error;           // Graphviz failed: nothing laid out

    bool Empty() const { return nodes.empty(); }
    const MapNode* Find(const std::string& id) const;
};

// Deterministic: the same map, measure and style give the same geometry.
MapLayout LayOutProcessMap(const content::ProcessMap& map, const MeasureLabel& measure,
                           const MapStyle& style);

// The geometry as rounded text, one line per node and edge, for golden tests and debugging.
std::string Describe(const MapLayout& layout);

} // namespace figures
