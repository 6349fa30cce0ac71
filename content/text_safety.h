// Text that comes in from organisers' files and goes out to spreadsheets, made safe at the edges:
// cells a spreadsheet would run as a formula, Bengali typed in a Bijoy (ANSI) font that only looks
// like Bengali in that font, and names with bytes or characters that hide or reorder what is shown.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace content {

// One CSV cell as every CSV the kiosk writes has it: a cell beginning with = + - @, a tab or a
// carriage return gets a leading apostrophe (a spreadsheet would run it as a formula: CSV
// injection), and the cell is quoted when CSV needs it (a comma, a quote, a line break, or spaces
// or tabs around it, which readers would otherwise trim).
std::string CsvCell(std::string_view cell);

// Whether a cell was neutralised by CsvCell: an apostrophe before one of the formula characters
// (or before a cell that already looked neutralised, "'=1" written "''=1"). Importers take that
// one apostrophe off again, so an exported table reads back exactly as it was.
bool IsNeutralisedCell(std::string_view cell);

// Whether a text meant to be Bengali looks like Bengali typed in a Bijoy (SutonnyMJ...) font:
// ASCII letters mixed with the Windows-1252 characters Bijoy uses for Bengali signs († ‡ ³ ¨ © Ô
// ...), and no Bengali letters. Works on UTF-8 (a sheet saved as "CSV UTF-8") and on Windows-1252
// bytes (a sheet saved as plain "CSV").
bool LooksLikeBijoy(std::string_view text);
// What to say when it does, the same for every importer.
inline constexpr const char* kBijoyAdvice =
    "this looks like Bengali typed in a Bijoy font (ANSI), which shows as Bengali only in that font: "
    "convert it to Unicode, e.g. with Avro's converter, and save the sheet again";

// Why a name (a judge's, a title) cannot be taken as it is: bytes that are not UTF-8, a control
// character, or a Unicode direction override or isolate (U+202A-202E, U+2066-2069) that makes a
// text read differently from what it holds. Nothing when it is fine.
std::optional<std::string> UnsafeNameReason(std::string_view text);

// The byte-order mark of a UTF-16 text (FF FE or FE FF) at its start.
bool StartsAsUtf16(std::string_view bytes);

} // namespace content
