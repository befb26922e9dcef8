#include "gui/app/case_document.hpp"
#include "tests/gui_app/gui_test_support.hpp"
#include "tests/gui_app/save_loop.hpp"

#include <QCoreApplication>

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace cityfin::gui::test {

int saveLoop(const std::string& path)
{
    CaseDocument doc;
    doc.open(bundledCase("qianhai-parking"));
    const double opex = doc.json().at(nlohmann::json::json_pointer("/project/annual_opex")).get<double>();
    for (long i = 0;; ++i) {
        doc.setValue("/project/annual_opex", opex + static_cast<double>(i % 2));
        doc.save(QString::fromStdString(path));
    }
}

namespace {

std::string versionText(double extraOpex)
{
    CaseDocument doc;
    doc.open(bundledCase("qianhai-parking"));
    const double opex = doc.json().at(nlohmann::json::json_pointer("/project/annual_opex")).get<double>();
    doc.setValue("/project/annual_opex", opex + extraOpex);
    return models::caseToJson(*doc.lastGoodCase());
}

} // namespace

TEST(GuiSave, KillingTheProcessDuringSavesLeavesAWholeVersion)
{
    QTemporaryDir dir;
    const std::string file = dir.filePath(QStringLiteral("case.json")).toStdString();
    const std::string a = versionText(0.0), b = versionText(1.0);
    const std::string self = QCoreApplication::applicationFilePath().toStdString();
    for (int round = 0; round < 5; ++round) {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            execl(self.c_str(), self.c_str(), "--save-loop", file.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        // Kill once the child is saving (the file exists), at a different moment each round.
        for (int wait = 0; wait < 500 && !std::filesystem::exists(file); ++wait)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::this_thread::sleep_for(std::chrono::milliseconds(7 * round + 3));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the child stopped by itself: status " << status;
        const std::string text = readFile(QString::fromStdString(file));
        EXPECT_TRUE(text == a || text == b) << "round " << round << ": the file is neither version";
        EXPECT_NO_THROW(models::parseCase(text));
    }
}

} // namespace cityfin::gui::test
