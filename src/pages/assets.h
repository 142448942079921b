// The files the pages need (GOV.UK Frontend's and MOJ Frontend's CSS,
// JavaScript, fonts and images, and cinplan's own), served by cinplan under
// /assets/ (DESIGN.md section 12; behind nginx, nginx may serve the folder).
// Every file of the folder is read into memory once, at load, so a request
// can only ever name a file that was there then: no path reaches the disk.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace cinplan::pages {

struct Asset {
  std::string content_type;  // "text/css; charset=utf-8"
  std::string etag;          // "\"<hex digest>\"", of the bytes
  std::shared_ptr<const std::string> bytes;
};

class Assets {
 public:
  // kBadInput: a missing folder, one without a stylesheet, or more than
  // 64 MiB in all.
  static Result<Assets> load(const std::filesystem::path& folder);

  // The file at `path` under the folder ("govuk/govuk-frontend.min.css"),
  // or null.
  const Asset* find(std::string_view path) const;
  std::size_t size() const { return files_.size(); }

 private:
  std::map<std::string, Asset, std::less<>> files_;
};

// The content type for a file name, by its extension (octet-stream when
// unknown).
std::string content_type_of(std::string_view name);

}  // namespace cinplan::pages
