// What writing a report, certificates or a CSV export came to: a typed code the console words in
// Bengali and English, and an English message with the detail (the path, the system's reason).
#pragma once

#include <string>

namespace report {

enum class WriteError {
    None,
    FolderNotWritable, // the folder does not exist or refuses a new file
    DiskFull,          // no space (or quota) while writing or syncing
    Io,                // another system error while writing, syncing or renaming
    Render,            // Cairo or Pango failed to make the document
    BadInput,          // nothing to write, or the input is inconsistent
};

const char* ToString(WriteError error); // "folder-not-writable", ...

struct WriteResult {
    WriteError error = WriteError::None;
    std::string message; // English, for logs and the command line; empty on success
    int pages = 0;       // for PDFs: how many pages were written

    bool Ok() const { return error == WriteError::None; }
    static WriteResult Failure(WriteError error, std::string message) {
        return {error, std::move(message), 0};
    }
};

} // namespace report
