#pragma once
// `cityfin validate|evaluate|compare CASE`: load a case file, run models, print the result.

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runEvaluate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runCompare(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cityfin::cli
