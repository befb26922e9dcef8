// The case file on disk: loading, and the atomic save (the old file intact on any failure, no
// temporary file left behind).
#include "case_samples.hpp"

#include "finance/errors.hpp"
#include "models/case_file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

using namespace cityfin::models;
using cityfin::test::errorOf;
using cityfin::test::fullCase;
using cityfin::test::minimalCase;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// A fresh empty folder for one test, removed afterwards.
class TempFolder {
public:
    TempFolder() {
        path_ = fs::temp_directory_path() / ("cityfin-case-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, ec);
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& entry : fs::directory_iterator(path_)) out.push_back(entry.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    fs::path path_;
};

} // namespace

TEST(CaseSave, LoadReadsAFileAndNamesAMissingOne) {
    TempFolder folder;
    writeText(folder.path() / "case.json", fullCase);
    EXPECT_EQ(loadCaseFile((folder.path() / "case.json").string()).structures.size(), 8u);
    const std::string missing = (folder.path() / "missing.json").string();
    EXPECT_EQ(errorOf([&] { loadCaseFile(missing); }), "case file: got " + missing + ", expected a readable file");
    EXPECT_EQ(errorOf([&] { loadCaseFile(folder.path().string()); }),
              "case file: got " + folder.path().string() + ", expected a readable file");
}

TEST(CaseSave, SaveReplacesAnExistingFileAndLeavesNoTemporaryFile) {
    TempFolder folder;
    const fs::path target = folder.path() / "case.json";
    writeText(target, "old content");
    ::chmod(target.c_str(), 0640);
    const Case c = parseCase(fullCase);
    saveCaseFileAtomically(target.string(), c);
    EXPECT_EQ(readText(target), caseToJson(c));
    EXPECT_EQ(folder.names(), std::vector<std::string>{"case.json"});
    struct stat st {};
    ASSERT_EQ(::stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);  // the old file's permissions are kept
    EXPECT_EQ(caseToJson(loadCaseFile(target.string())), caseToJson(c));
}

TEST(CaseSave, SaveCreatesANewFile) {
    TempFolder folder;
    const fs::path target = folder.path() / "new.json";
    saveCaseFileAtomically(target.string(), parseCase(minimalCase));
    EXPECT_EQ(readText(target), caseToJson(parseCase(minimalCase)));
    EXPECT_EQ(folder.names(), std::vector<std::string>{"new.json"});
}

TEST(CaseSave, SaveThatCannotCreateItsTemporaryFileLeavesTheOldFile) {
    // A name of 250 characters is allowed, but the temporary name beside it exceeds NAME_MAX (255):
    // creating the temporary file fails, whoever runs the test (root ignores permissions).
    TempFolder folder;
    const fs::path target = folder.path() / (std::string(245, 'c') + ".json");
    writeText(target, "old content");
    const std::string error = errorOf([&] { saveCaseFileAtomically(target.string(), parseCase(minimalCase)); });
    EXPECT_EQ(error, "case file: got " + target.string() +
                         ", expected a location where it can be written (cannot create a temporary file in " +
                         folder.path().string() + ": File name too long)");
    EXPECT_EQ(readText(target), "old content");
    EXPECT_EQ(folder.names().size(), 1u);
}

TEST(CaseSave, SaveIntoAReadOnlyFolderLeavesTheOldFile) {
    TempFolder folder;
    const fs::path target = folder.path() / "case.json";
    writeText(target, "old content");
    ::chmod(folder.path().c_str(), 0555);
    if (::access(folder.path().c_str(), W_OK) == 0) GTEST_SKIP() << "running with rights that ignore permissions";
    const std::string error = errorOf([&] { saveCaseFileAtomically(target.string(), parseCase(minimalCase)); });
    EXPECT_EQ(error, "case file: got " + target.string() +
                         ", expected a location where it can be written (cannot create a temporary file in " +
                         folder.path().string() + ": Permission denied)");
    EXPECT_EQ(readText(target), "old content");
    EXPECT_EQ(folder.names(), std::vector<std::string>{"case.json"});
}

TEST(CaseSave, SaveThatCannotRenameRemovesItsTemporaryFile) {
    // The target is a folder: the temporary file is written, the rename fails, the folder stays.
    TempFolder folder;
    const fs::path target = folder.path() / "case.json";
    fs::create_directory(target);
    writeText(target / "inside", "x");
    const std::string error = errorOf([&] { saveCaseFileAtomically(target.string(), parseCase(minimalCase)); });
    EXPECT_EQ(error, "case file: got " + target.string() +
                         ", expected a location where it can be written (cannot replace the file: Is a directory)");
    EXPECT_TRUE(fs::is_directory(target));
    EXPECT_EQ(readText(target / "inside"), "x");
    EXPECT_EQ(folder.names(), std::vector<std::string>{"case.json"});
}

TEST(CaseSave, SaveOfACaseThatCannotBeWrittenTouchesNothing) {
    TempFolder folder;
    const fs::path target = folder.path() / "case.json";
    writeText(target, "old content");
    Case c = parseCase(minimalCase);
    c.project.annualOpex = std::nan("");
    EXPECT_EQ(errorOf([&] { saveCaseFileAtomically(target.string(), c); }),
              "project.annual_opex: got NaN, expected a finite number (JSON has no NaN or infinity)");
    EXPECT_EQ(readText(target), "old content");
    EXPECT_EQ(folder.names(), std::vector<std::string>{"case.json"});
}
