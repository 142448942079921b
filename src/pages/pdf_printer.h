// A document's PDF (issue 10), printed by Debian's headless Chromium from
// the document's own HTML: written to a private temporary folder, printed
// to A4 without the browser's header and footer, read back and the folder
// removed. The HTML must need nothing from the network (its stylesheet
// inlined). One Chromium per document: about a second of one core.
//
// Thread-safe (each call has its own folder and process).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.h"

namespace cinplan::pages {

// $CINPLAN_CHROMIUM if set, else /usr/bin/chromium.
std::filesystem::path default_chromium();

// The PDF's bytes, or kUnavailable naming what failed (no Chromium, a
// print that did not finish within `timeout_seconds`).
Result<std::string> print_pdf(std::string_view html, const std::filesystem::path& chromium,
                              int timeout_seconds = 60);

}  // namespace cinplan::pages
