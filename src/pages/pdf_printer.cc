#include "pages/pdf_printer.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace cinplan::pages {
namespace {

// A private folder for one print, removed when it goes out of scope.
class Scratch {
 public:
  Scratch() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cinplan-pdf-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~Scratch() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs `args` with no input and its output discarded; its exit status, or
// -1 when it could not start or was stopped after `timeout_seconds`.
int run(const std::vector<std::string>& args, int timeout_seconds) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t child = ::fork();
  if (child < 0) return -1;
  if (child == 0) {
    // Its own process group, so that a stop ends Chromium's helpers too.
    ::setpgid(0, 0);
    const int null = ::open("/dev/null", O_RDWR);
    if (null >= 0) {
      ::dup2(null, 0);
      ::dup2(null, 1);
      ::dup2(null, 2);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child) break;
    if (done < 0) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-child, SIGKILL);
      ::waitpid(child, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::filesystem::path default_chromium() {
  const char* set = std::getenv("CINPLAN_CHROMIUM");
  return set != nullptr && *set != '\0' ? std::filesystem::path(set)
                                        : std::filesystem::path("/usr/bin/chromium");
}

Result<std::string> print_pdf(std::string_view html, const std::filesystem::path& chromium,
                              int timeout_seconds) {
  if (::access(chromium.c_str(), X_OK) != 0)
    return std::unexpected(Error::unavailable("PDFs need Chromium, and " + chromium.string() +
                                              " is not there: install Debian's chromium"));
  Scratch scratch;
  if (scratch.path().empty())
    return std::unexpected(Error::unavailable("no temporary folder could be made for the PDF"));
  const auto page = scratch.path() / "document.html";
  const auto pdf = scratch.path() / "document.pdf";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out.flush())
      return std::unexpected(Error::unavailable("the document could not be written for printing"));
  }
  const int status =
      run({chromium.string(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-dev-shm-usage",
           "--user-data-dir=" + (scratch.path() / "profile").string(), "--no-pdf-header-footer",
           "--print-to-pdf=" + pdf.string(), "file://" + page.string()},
          timeout_seconds);
  std::ifstream in(pdf, std::ios::binary);
  if (status != 0 || !in)
    return std::unexpected(Error::unavailable(
        status < 0
            ? "Chromium did not finish printing the PDF in time"
            : "Chromium could not print the PDF (exit status " + std::to_string(status) + ")"));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace cinplan::pages
