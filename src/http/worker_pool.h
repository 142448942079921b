// The threads requests are worked on, so the I/O threads never wait for the
// database (DESIGN.md section 10). A bounded queue: when it is full, submit()
// refuses and the caller answers 503 at once rather than queueing without
// end.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cinplan::http {

class WorkerPool {
 public:
  WorkerPool(unsigned threads, std::size_t max_queue);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool is stopping.
  bool submit(std::function<void()> work);
  // Finishes the queued work, then joins the threads.
  void stop();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  std::size_t max_queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace cinplan::http
