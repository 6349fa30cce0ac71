// Process maps and QR codes drawn as vectors with Cairo, from the same UI-free geometry the
// screen paints (kiosk/figures): the shapes per step kind, edges with arrowheads and yes/no labels
// match kiosk/ui/process_map.cpp. Labels are set by Pango and measured by the same Pango.
#pragma once

#include "kiosk/figures/process_map_layout.h"
#include "kiosk/figures/qr_code.h"
#include "kiosk/report/typesetter.h"

namespace report {

constexpr double kMapLabelSize = 8; // points, a step's label at scale 1

// The map laid out for print in points, its labels measured with `text`. The widest label width
// (of a few tried) that lets the map fit `max_width` is taken.
figures::MapLayout LayOutForPrint(Typesetter& text, const content::ProcessMap& map, double max_width);

// Draws `layout` with its top-left at (x, y), every length multiplied by `scale`.
void PaintProcessMap(Typesetter& text, const figures::MapLayout& layout, double x, double y, double scale);

// The code with its quiet zone in a square of `side` points at (x, y), on white.
void PaintQrCode(cairo_t* cr, const figures::QrCode& code, double x, double y, double side);

} // namespace report
