#pragma once
// A progress bar on stderr for long runs: one line redrawn about ten times a second, only when the
// stream is the process's stderr and that is a terminal (never in pipes, files or tests).

#include <atomic>
#include <cstddef>
#include <functional>
#include <ostream>

namespace cityfin::cli {

/// Runs work() (which advances done up to total) and draws the bar meanwhile when err is a terminal.
void withProgress(std::ostream& err, std::size_t total, std::atomic<std::size_t>& done, const std::function<void()>& work);

} // namespace cityfin::cli
