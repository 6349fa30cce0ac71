// Graphviz's dot, behind a small interface: boxes and edges in, box centres and edge curves out
// (y downwards, in the caller's unit taken as points). One Graphviz context for the process,
// every graph and layout freed after its run. Used by process_map_layout.cpp only.
#pragma once

#include "kiosk/figures/process_map_layout.h"

#include <string>
#include <vector>

namespace figures::dot {

struct Node {
    float w = 0, h = 0;
    std::string group; // dot keeps the edges inside a group straight: one column
};

struct Edge {
    int from = 0, to = 0;
    std::string tailport, headport; // compass points: "s", "e", "n", ...
    int weight = 1;
};

struct Result {
    std::vector<Point> centers;            // per node
    std::vector<std::vector<Point>> paths; // per edge, the spline sampled into straight pieces
    std::string error;                     // dot failed: nothing else is set
};

// Top to bottom, children in the order their edges are listed (ordering=out).
Result Run(const std::vector<Node>& nodes, const std::vector<Edge>& edges, float node_gap, float rank_gap);

} // namespace figures::dot
