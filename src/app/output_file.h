// Writing a command's output to a file the user named (--output FILE): the
// file ends up either as it was or holding the whole new text, never a mix,
// and never replaces a file it must not (a database the command is reading).
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"

namespace cinplan::app {

// A file an output must never replace, and what it is for the message
// ("a file of the database sqlite:cases.db").
struct ProtectedFile {
  std::filesystem::path path;
  std::string what;
};

// kBadInput when `path` names one of `protected_files`: the same file (by
// device and inode, so a hard link or a symbolic link to it is caught), or,
// for one that does not exist yet, the same path once ".", ".." and symbolic
// links are resolved. The message names both:
//   "cannot write ow.db: it is /tmp/ow.db, a file of the database
//    sqlite:ow.db; nothing was written"
Result<void> check_output_path(const std::filesystem::path& path,
                               std::span<const ProtectedFile> protected_files);

// Writes `text` to `path` (a symbolic link is followed: its target is
// replaced). The text goes to a new temporary file in the same folder, is
// flushed and synced to disk, and is then renamed over `path`; the folder is
// synced so the rename lasts. A file that was there keeps its permission
// bits. check_output_path runs first.
//
// On failure (kBadInput for a protected or unusable path such as a folder,
// kNotFound for a missing folder, kUnavailable when the folder cannot be
// written or the disk is full) the file at `path` is as it was and no
// temporary file is left behind; the message names `path` and says why. The
// one exception is a folder that cannot be synced after the rename: the new
// file is then in place, and the kUnavailable message says it was written.
Result<void> write_file_atomically(const std::filesystem::path& path, std::string_view text,
                                   std::span<const ProtectedFile> protected_files = {});

}  // namespace cinplan::app
