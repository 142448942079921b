#include "core/casefile/json_reader.h"

#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

namespace cinplan {
namespace {

using json = nlohmann::ordered_json;

// Objects with more keys than this check repeats with a hash set rather than
// by looking through the keys so far.
constexpr std::size_t kLinearKeys = 16;

// Builds the document from the parser's events, refusing what read_json
// refuses. Returning false stops the parser; `error` then says why.
class Builder {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  Builder(std::string_view text, int max_depth) : text_(text), max_depth_(max_depth) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(number_integer_t v) { return put(json(v)); }
  bool number_unsigned(number_unsigned_t v) { return put(json(v)); }
  bool number_float(number_float_t v, const string_t& raw) {
    if (!std::isfinite(v)) return refuse("the number " + raw + " is too large " + place());
    return put(json(v));
  }
  bool string(string_t& v) { return put(json(std::move(v))); }
  bool binary(binary_t&) { return refuse("binary values are not JSON"); }

  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(string_t& k) {
    Frame& f = frames_.back();
    if (repeated(f, k)) {
      return refuse("the key \"" + k + "\" appears twice in the same object " +
                    place(/*with_last_key=*/false) + ": each key may be given once");
    }
    f.key = std::move(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: ..."
    if (const auto end = what.find("] "); what.starts_with("[json.") && end != std::string::npos)
      what.erase(0, end + 2);
    if (what.starts_with("number overflow")) {
      what = "a number is too large (" + what + ") at " + line_and_column(position);
    }
    return refuse("not valid JSON: " + what);
  }

  json take() { return std::move(root_); }
  const std::string& error() const { return error_; }

 private:
  struct Frame {
    json* value = nullptr;
    std::string key;                       // objects: the key whose value comes next
    std::unordered_set<std::string> keys;  // objects past kLinearKeys keys
  };

  bool refuse(std::string why) {
    if (error_.empty()) error_ = std::move(why);
    return false;
  }

  bool repeated(Frame& f, const std::string& k) {
    if (f.value->size() < kLinearKeys) return f.value->contains(k);
    if (f.keys.empty()) {
      for (const auto& item : f.value->items()) f.keys.insert(item.key());
    }
    return !f.keys.insert(k).second;
  }

  // Puts a value where the parser is: the root, the next item of a list, or
  // the value of the object's last key. Returns where it went.
  json* place_value(json v) {
    if (frames_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Frame& f = frames_.back();
    if (f.value->is_array()) {
      f.value->push_back(std::move(v));
      return &f.value->back();
    }
    return &(*f.value)[f.key];
  }

  bool put(json v) {
    *place_value(json()) = std::move(v);
    return true;
  }

  bool open(json container) {
    if (static_cast<int>(frames_.size()) >= max_depth_) {
      return refuse("the document is nested more than " + std::to_string(max_depth_) +
                    " levels deep " + place() + "; a case history needs far fewer");
    }
    json* at = place_value(json());
    *at = std::move(container);
    frames_.push_back(Frame{at, {}, {}});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  // Where the parser is, for messages: "in event 4", "in "child"", or "at
  // the top level". With `with_last_key`, inside the value of the innermost
  // object's latest key; without, in that object itself.
  std::string place(bool with_last_key = true) const {
    std::string out;
    int parts = 0;
    for (std::size_t i = 0; i < frames_.size(); ++i) {
      const json& v = *frames_[i].value;
      const bool last = i + 1 == frames_.size();
      std::string part;
      if (v.is_array()) {
        if (v.empty()) break;
        const std::string n = std::to_string(v.size());
        part = (i == 1 && frames_[0].key == "events") ? "event " + n : "item " + n;
      } else if (last && !with_last_key) {
        break;
      } else if (!frames_[i].key.empty()) {
        if (i == 0 && frames_[i].key == "events" && frames_.size() > 1) continue;
        part = "\"" + frames_[i].key + "\"";
      }
      if (part.empty()) continue;
      if (++parts > 3) {
        out += ", ...";
        break;
      }
      out += (out.empty() ? "in " : ", ") + part;
    }
    return out.empty() ? "at the top level" : out;
  }

  std::string line_and_column(std::size_t position) const {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < position && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
  }

  std::string_view text_;
  int max_depth_;
  json root_;
  std::vector<Frame> frames_;
  std::string error_;
};

}  // namespace

std::string describe_size(std::size_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  const double kib = static_cast<double>(bytes) / 1024.0;
  char out[32];
  if (kib < 1024.0) {
    std::snprintf(out, sizeof out, "%.0f KiB", kib);
  } else {
    const double mib = kib / 1024.0;
    std::snprintf(out, sizeof out, mib < 10.0 ? "%.1f MiB" : "%.0f MiB", mib);
  }
  return out;
}

Result<json> read_json(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return std::unexpected(Error::bad_input("the document is " + describe_size(text.size()) +
                                            "; at most " + describe_size(limits.max_bytes) +
                                            " is read"));
  }
  Builder builder(text, limits.max_depth);
  const bool ok = json::sax_parse(text, &builder, json::input_format_t::json, /*strict=*/true);
  if (!ok || !builder.error().empty()) {
    return std::unexpected(
        Error::bad_input(builder.error().empty() ? "not valid JSON" : builder.error()));
  }
  return builder.take();
}

}  // namespace cinplan
