// multipart/form-data (multipart.h).
#include "http/multipart.h"

#include <cctype>

namespace cinplan::http {
namespace {

constexpr std::string_view kCrlf = "\r\n";

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The value of parameter `name` in a header value such as
// `form-data; name="file"; filename="a.pdf"`, unquoted; none when absent.
std::optional<std::string> parameter(std::string_view header, std::string_view name) {
  std::size_t i = header.find(';');
  while (i != std::string_view::npos && i < header.size()) {
    ++i;  // past the ';'
    while (i < header.size() && (header[i] == ' ' || header[i] == '\t')) ++i;
    const std::size_t eq = header.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string key = lower(trim(header.substr(i, eq - i)));
    i = eq + 1;
    std::string value;
    if (i < header.size() && header[i] == '"') {
      // Browsers write a quote in a name as %22 and never escape with a
      // backslash (a Windows path keeps its backslashes).
      for (++i; i < header.size() && header[i] != '"'; ++i) {
        if (header.substr(i, 3) == "%22") {
          value += '"';
          i += 2;
        } else {
          value += header[i];
        }
      }
      i = header.find(';', i);
    } else {
      const std::size_t end = header.find(';', i);
      value = std::string(trim(header.substr(i, end == std::string_view::npos ? end : end - i)));
      i = end;
    }
    if (key == name) return value;
  }
  return std::nullopt;
}

Error malformed(std::string why) {
  return Error::bad_input("The form's upload is not a complete multipart/form-data body: " +
                          std::move(why) + ". Send the form again.");
}

}  // namespace

bool is_multipart(std::string_view content_type) {
  return lower(trim(content_type.substr(0, content_type.find(';')))) == "multipart/form-data";
}

Result<std::vector<FormPart>> parse_multipart(std::string_view content_type,
                                              std::string_view body) {
  const auto boundary = parameter(content_type, "boundary");
  if (!is_multipart(content_type) || !boundary || boundary->empty() || boundary->size() > 200)
    return std::unexpected(
        Error::bad_input("Send the file as a form (multipart/form-data, with its boundary)."));
  const std::string delimiter = "--" + *boundary;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return std::unexpected(malformed("no boundary is found"));
  std::vector<FormPart> parts;
  while (true) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return parts;
    if (body.substr(at, 2) != kCrlf) return std::unexpected(malformed("a boundary is cut short"));
    at += 2;
    const std::size_t head_end = body.find("\r\n\r\n", at);
    if (head_end == std::string_view::npos)
      return std::unexpected(malformed("a part's headers do not end"));
    FormPart part;
    std::string_view headers = body.substr(at, head_end - at);
    bool disposed = false;
    while (!headers.empty()) {
      const std::size_t eol = headers.find(kCrlf);
      const std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string key = lower(trim(line.substr(0, colon)));
      const std::string_view value = trim(line.substr(colon + 1));
      if (key == "content-disposition") {
        disposed = true;
        part.name = parameter(value, "name").value_or("");
        part.file_name = parameter(value, "filename");
      } else if (key == "content-type") {
        part.content_type = std::string(value);
      }
    }
    if (!disposed || part.name.empty())
      return std::unexpected(malformed("a part has no field name"));
    const std::size_t data_start = head_end + 4;
    const std::size_t next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string_view::npos)
      return std::unexpected(malformed("it ends before its closing boundary"));
    part.data = std::string(body.substr(data_start, next - data_start));
    parts.push_back(std::move(part));
    at = next + 2;
  }
}

}  // namespace cinplan::http
