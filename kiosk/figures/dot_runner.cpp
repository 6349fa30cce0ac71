#include "kiosk/figures/dot_runner.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>

// The dot layout plugin is linked in and registered by hand, so the layout needs neither
// Graphviz's plugin configuration file nor the rendering plugins it lists.
extern "C" gvplugin_library_t gvplugin_dot_layout_LTX_library;

namespace figures::dot {

namespace {

struct ContextFree {
    void operator()(GVC_t* context) const { gvFreeContext(context); }
};
struct GraphClose {
    void operator()(Agraph_t* graph) const { agclose(graph); }
};
using Graph = std::unique_ptr<Agraph_t, GraphClose>;

// Frees the positions and splines gvLayout attached to the graph, before the graph goes.
class LayoutRun {
  public:
    LayoutRun(GVC_t* context, Agraph_t* graph) : m_context(context), m_graph(graph) {
        m_status = gvLayout(context, graph, "dot");
    }
    ~LayoutRun() {
        if (m_status == 0) gvFreeLayout(m_context, m_graph);
    }
    LayoutRun(const LayoutRun&) = delete;
    LayoutRun& operator=(const LayoutRun&) = delete;
    bool Ok() const { return m_status == 0; }

  private:
    GVC_t* m_context;
    Agraph_t* m_graph;
    int m_status = -1;
};

// Graphviz keeps global state: one context for the process, one layout at a time.
std::mutex g_mutex;

GVC_t* Context() {
    static lt_symlist_t builtins[] = {{"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
                                      {nullptr, nullptr}};
    static std::unique_ptr<GVC_t, ContextFree> context(gvContextPlugins(builtins, 0));
    return context.get();
}

int Quiet(char*) {
    return 0;
} // dot's warnings would only clutter the kiosk's log

void Set(void* object, const char* name, const std::string& value) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

std::string Inches(float units) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", static_cast<double>(units) / 72.0);
    return text;
}

Graph MakeGraph(const std::vector<Node>& nodes, const std::vector<Edge>& edges, float node_gap,
                float rank_gap, std::vector<Agnode_t*>& made_nodes, std::vector<Agedge_t*>& made_edges) {
    Graph graph(agopen(const_cast<char*>("map"), Agdirected, nullptr));
    if (!graph) return graph;
    Set(graph.get(), "rankdir", "TB");
    Set(graph.get(), "ordering", "out");
    Set(graph.get(), "splines", "spline");
    Set(graph.get(), "nodesep", Inches(node_gap));
    Set(graph.get(), "ranksep", Inches(rank_gap));
    for (size_t i = 0; i < nodes.size(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "n%zu", i);
        Agnode_t* node = agnode(graph.get(), name, 1);
        Set(node, "shape", "box");
        Set(node, "fixedsize", "true");
        Set(node, "label", "");
        Set(node, "width", Inches(nodes[i].w));
        Set(node, "height", Inches(nodes[i].h));
        if (!nodes[i].group.empty()) Set(node, "group", nodes[i].group);
        made_nodes.push_back(node);
    }
    for (const Edge& edge : edges) {
        Agedge_t* made = agedge(graph.get(), made_nodes[static_cast<size_t>(edge.from)],
                                made_nodes[static_cast<size_t>(edge.to)], nullptr, 1);
        if (!edge.tailport.empty()) Set(made, "tailport", edge.tailport);
        if (!edge.headport.empty()) Set(made, "headport", edge.headport);
        Set(made, "weight", std::to_string(edge.weight));
        made_edges.push_back(made);
    }
    return graph;
}

// The edge's spline, cubic pieces sampled into straight ones, y turned downwards.
std::vector<Point> SampledPath(Agedge_t* edge, double top) {
    std::vector<Point> path;
    const splines* spline = ED_spl(edge);
    if (!spline || spline->size < 1) return path;
    const bezier& curve = spline->list[0];
    const auto add = [&](pointf p) {
        path.push_back({static_cast<float>(p.x), static_cast<float>(top - p.y)});
    };
    if (curve.sflag) add(curve.sp);
    for (int i = 0; i + 3 < curve.size; i += 3) {
        const pointf* c = curve.list + i;
        for (int step = i == 0 ? 0 : 1; step <= 8; ++step) {
            const double t = step / 8.0, u = 1 - t;
            add({u * u * u * c[0].x + 3 * u * u * t * c[1].x + 3 * u * t * t * c[2].x + t * t * t * c[3].x,
                 u * u * u * c[0].y + 3 * u * u * t * c[1].y + 3 * u * t * t * c[2].y + t * t * t * c[3].y});
        }
    }
    if (curve.eflag) add(curve.ep);
    return path;
}

} // namespace

Result Run(const std::vector<Node>& nodes, const std::vector<Edge>& edges, float node_gap, float rank_gap) {
    Result result;
    if (nodes.empty()) return result;
    const std::lock_guard lock(g_mutex);
    GVC_t* context = Context();
    if (!context) return {{}, {}, "Graphviz could not start"};
    agseterrf(Quiet);
    std::vector<Agnode_t*> made_nodes;
    std::vector<Agedge_t*> made_edges;
    const Graph graph = MakeGraph(nodes, edges, node_gap, rank_gap, made_nodes, made_edges);
    if (!graph) return {{}, {}, "Graphviz could not make the graph"};
    const LayoutRun run(context, graph.get());
    if (const char* dump = std::getenv("FIGURES_DOT_DUMP"); dump && run.Ok()) { // for looking into a layout
        if (FILE* file = std::fopen(dump, "w")) {
            agwrite(graph.get(), file);
            std::fclose(file);
        }
    }
    if (!run.Ok()) return {{}, {}, "Graphviz's dot could not lay out the map"};
    const double top = GD_bb(graph.get()).UR.y;
    for (Agnode_t* node : made_nodes)
        result.centers.push_back(
            {static_cast<float>(ND_coord(node).x), static_cast<float>(top - ND_coord(node).y)});
    for (Agedge_t* edge : made_edges)
        result.paths.push_back(SampledPath(edge, top));
    return result;
}

} // namespace figures::dot
