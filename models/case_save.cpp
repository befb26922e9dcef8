// Atomic save of a case file (POSIX): write a temporary file in the target's folder, flush it to
// disk, rename it over the target. rename() within one file system replaces the target atomically,
// so a reader (or a crash) sees the old file or the new one, never a mixture.
#include "models/case_file.hpp"

#include "finance/errors.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cityfin::models {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void saveFailed(const std::string& path, const std::string& what, int error) {
    throw InputError("case file", path, "a location where it can be written (" + what + ": " + std::strerror(error) + ")");
}

// The temporary file; removed on destruction unless it was renamed over the target.
class TempFile {
public:
    TempFile(const fs::path& target, const std::string& shownPath) : shownPath_(shownPath) {
        static std::atomic<unsigned> counter{0};
        const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
        for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
            // Appended piece by piece: "." + std::string trips GCC 12's false -Wrestrict (bug 105651).
            std::string name(1, '.');
            name.append(target.filename().string()).append(".tmp-").append(std::to_string(::getpid()));
            name.append(1, '-').append(std::to_string(counter++));
            path_ = folder / name;
            fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd_ < 0 && errno != EEXIST) break;
        }
        if (fd_ < 0) {
            const int error = errno;
            saveFailed(shownPath_, "cannot create a temporary file in " + folder.string(), error);
        }
        struct stat old {};
        if (::stat(target.c_str(), &old) == 0 && S_ISREG(old.st_mode)) (void)::fchmod(fd_, old.st_mode & 07777);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!renamed_) ::unlink(path_.c_str());
    }

    void write(std::string_view text) {
        while (!text.empty()) {
            const ssize_t n = ::write(fd_, text.data(), text.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                const int error = n < 0 ? errno : EIO;
                saveFailed(shownPath_, "cannot write " + path_.string(), error);
            }
            text.remove_prefix(static_cast<std::size_t>(n));
        }
        if (::fsync(fd_) != 0) {
            const int error = errno;
            saveFailed(shownPath_, "cannot flush " + path_.string(), error);
        }
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) {
            const int error = errno;
            saveFailed(shownPath_, "cannot close " + path_.string(), error);
        }
    }

    void renameOver(const fs::path& target) {
        if (::rename(path_.c_str(), target.c_str()) != 0) {
            const int error = errno;
            saveFailed(shownPath_, "cannot replace the file", error);
        }
        renamed_ = true;
    }

private:
    std::string shownPath_;
    fs::path path_;
    int fd_ = -1;
    bool renamed_ = false;
};

// Makes the rename itself durable; a failure here leaves a complete file either way, so it is ignored.
void syncFolder(const fs::path& target) {
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

} // namespace

void saveCaseFileAtomically(const std::string& path, const Case& c) {
    const std::string text = caseToJson(c);  // first: a case that cannot be written changes nothing
    fs::path target(path);
    std::error_code ec;
    if (fs::is_symlink(target, ec)) {  // replace the file the link points to, not the link
        fs::path resolved = fs::canonical(target, ec);
        if (!ec) target = resolved;
    }
    TempFile temp(target, path);
    temp.write(text);
    temp.renameOver(target);
    syncFolder(target);
}

} // namespace cityfin::models
