// Owning handles for Cairo, Pango and GObject objects: each released exactly once, by its type's
// own function, however the function that made it returns.
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pangocairo.h>

#include <memory>

namespace report {

struct CairoDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
    void operator()(cairo_font_options_t* options) const { cairo_font_options_destroy(options); }
};
struct PangoDeleter {
    void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
    void operator()(PangoLayoutIter* iter) const { pango_layout_iter_free(iter); }
    void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
};
struct GObjectDeleter {
    void operator()(void* object) const { g_object_unref(object); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, CairoDeleter>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, PangoDeleter>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, PangoDeleter>;
using AttrListPtr = std::unique_ptr<PangoAttrList, PangoDeleter>;
using PangoContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;
// Layouts are shared: a paragraph's layout lives as long as any of its lines waits to be drawn.
using LayoutPtr = std::shared_ptr<PangoLayout>;
inline LayoutPtr AdoptLayout(PangoLayout* layout) {
    return LayoutPtr(layout, GObjectDeleter{});
}

} // namespace report
