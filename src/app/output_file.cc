#include "app/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <random>

namespace cinplan::app {
namespace {

namespace fs = std::filesystem;

// Symbolic links followed before giving up (as the kernel's ELOOP limit).
constexpr int kMaxLinks = 40;

// Where writing `path` puts the text: its symbolic links followed (a dangling
// one too: the file it names is what would be created), then made absolute
// with ".", ".." and the links of its folders resolved.
fs::path resolve(const fs::path& path) {
  std::error_code ec;
  fs::path current = fs::absolute(path, ec);
  if (ec) current = path;
  for (int i = 0; i < kMaxLinks; ++i) {
    if (!fs::is_symlink(fs::symlink_status(current, ec))) break;
    const fs::path target = fs::read_symlink(current, ec);
    if (ec) break;
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  const fs::path canonical = fs::weakly_canonical(current, ec);
  return ec ? current.lexically_normal() : canonical;
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec) && !ec) return true;
  return resolve(a) == resolve(b);
}

std::string cannot_write(const fs::path& path, const std::string& why) {
  return "cannot write " + path.string() + ": " + why + "; nothing was written";
}

// The Error for a failed system call on the output's folder or temporary
// file; `what` is what was being done ("make a file in the folder /tmp").
Error system_error(const fs::path& path, int error, const std::string& what) {
  if (error == ENOSPC || error == EDQUOT)
    return Error::unavailable(cannot_write(path, "the disk is full"));
  return Error::unavailable(
      cannot_write(path, "could not " + what + " (" + std::strerror(error) + ")"));
}

// A temporary file beside `target` that this call created, removed unless
// kept.
class TemporaryFile {
 public:
  TemporaryFile() = default;
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!name_.empty()) ::unlink(name_.c_str());
  }

  // Creates ".NAME.tmp-XXXXXXXX" in `folder`; errno on failure.
  int create(const fs::path& folder, const fs::path& target) {
    static thread_local std::mt19937_64 random(std::random_device{}());
    for (int attempt = 0; attempt < 100; ++attempt) {
      char suffix[24];
      std::snprintf(suffix, sizeof suffix, ".tmp-%08llx",
                    static_cast<unsigned long long>(random() & 0xffffffffu));
      const fs::path name = folder / ("." + target.filename().string() + suffix);
      fd_ = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ >= 0) {
        name_ = name;
        return 0;
      }
      if (errno != EEXIST) return errno;
    }
    return EEXIST;
  }

  int fd() const { return fd_; }
  const fs::path& name() const { return name_; }

  // Closes the file; errno on failure (the file stays to be removed).
  int close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0 ? 0 : errno;
  }
  // The file has been renamed into place: nothing to remove.
  void keep() { name_.clear(); }

 private:
  int fd_ = -1;
  fs::path name_;
};

int write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

// Syncs a folder, so that a rename in it survives a power cut. File systems
// that cannot sync a folder say EINVAL; there is nothing more to do there.
int sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  const int rc = ::fsync(fd) == 0 || errno == EINVAL ? 0 : errno;
  ::close(fd);
  return rc;
}

}  // namespace

Result<void> check_output_path(const fs::path& path,
                               std::span<const ProtectedFile> protected_files) {
  for (const ProtectedFile& p : protected_files) {
    if (same_file(path, p.path)) {
      return std::unexpected(
          Error::bad_input(cannot_write(path, "it is " + p.path.string() + ", " + p.what)));
    }
  }
  return {};
}

Result<void> write_file_atomically(const fs::path& path, std::string_view text,
                                   std::span<const ProtectedFile> protected_files) {
  if (path.empty()) return std::unexpected(Error::bad_input("no file name to write to"));
  if (auto checked = check_output_path(path, protected_files); !checked) return checked;
  const fs::path target = resolve(path);
  const fs::path folder = target.parent_path();

  std::optional<mode_t> mode;  // of the file being replaced
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode))
      return std::unexpected(Error::bad_input(cannot_write(path, "it is a folder")));
    if (!S_ISREG(st.st_mode))
      return std::unexpected(Error::bad_input(cannot_write(path, "it is not a regular file")));
    mode = st.st_mode & 07777;
  }
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    return std::unexpected(
        Error::not_found(cannot_write(path, "the folder " + folder.string() + " does not exist")));

  TemporaryFile temporary;
  if (const int error = temporary.create(folder, target); error != 0)
    return std::unexpected(
        system_error(path, error, "make a new file in the folder " + folder.string()));
  // A file that was there keeps its permissions (a private export stays
  // private); a new one gets the usual 0666 less the umask.
  if (mode && ::fchmod(temporary.fd(), *mode) != 0)
    return std::unexpected(
        system_error(path, errno, "give the new file the old one's permissions"));
  if (const int error = write_all(temporary.fd(), text); error != 0)
    return std::unexpected(system_error(path, error, "write " + temporary.name().string()));
  if (::fsync(temporary.fd()) != 0)
    return std::unexpected(system_error(path, errno, "sync " + temporary.name().string()));
  if (const int error = temporary.close(); error != 0)
    return std::unexpected(system_error(path, error, "close " + temporary.name().string()));
  if (::rename(temporary.name().c_str(), target.c_str()) != 0)
    return std::unexpected(system_error(path, errno, "move the new file into place"));
  temporary.keep();
  if (const int error = sync_folder(folder); error != 0)
    return std::unexpected(Error::unavailable(
        path.string() + " was written, but the folder " + folder.string() +
        " could not be synced (" + std::strerror(error) + "): it may not survive a power cut"));
  return {};
}

}  // namespace cinplan::app
