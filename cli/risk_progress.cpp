#include "cli/risk_progress.hpp"

#include <unistd.h>

#include <chrono>
#include <future>
#include <iostream>
#include <string>

namespace cityfin::cli {

void withProgress(std::ostream& err, std::size_t total, std::atomic<std::size_t>& done, const std::function<void()>& work) {
    if (&err != &std::cerr || !::isatty(STDERR_FILENO) || total == 0) {
        work();
        return;
    }
    auto task = std::async(std::launch::async, work);
    const auto draw = [&] {
        const std::size_t d = std::min(done.load(), total);
        const int width = 40, filled = static_cast<int>(width * d / total);
        err << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] "
            << (100 * d / total) << "% " << std::flush;
    };
    while (task.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) draw();
    draw();
    err << "\r" << std::string(60, ' ') << "\r" << std::flush;
    task.get();
}

} // namespace cityfin::cli
