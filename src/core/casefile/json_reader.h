// Reading JSON documents from outside (case-history files, request bodies)
// strictly: a document that is ambiguous or could exhaust the reader is
// refused with one plain sentence, never half-read.
//
// Refused, beyond what JSON itself forbids:
// - a key repeated in one object (ordinary parsers keep the last silently);
// - nesting deeper than `max_depth` (deep documents overflow any recursive
//   reader of the result, such as a JSON writer);
// - a number too large to hold (1e400), instead of infinity or an abort;
// - a document larger than `max_bytes`.
// Errors give the line and column (from 1) or the place in the document
// ("in event 4"), counting list items from 1.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/error.h"

namespace cinplan {

struct JsonLimits {
  std::size_t max_bytes = std::size_t{32} << 20;  // 32 MiB
  int max_depth = 32;
};

// The document, with the order of each object's keys as written.
Result<nlohmann::ordered_json> read_json(std::string_view text, const JsonLimits& limits = {});

// "32 MiB", "1.5 MiB", "900 bytes": a size in words for messages.
std::string describe_size(std::size_t bytes);

}  // namespace cinplan
