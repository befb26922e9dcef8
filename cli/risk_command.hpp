#pragma once
// `cityfin risk CASE`: Monte Carlo over every structure of a case (NPV distributions per party, rule
// probabilities, contingent payments), the risk-borne table, value for money, and a tornado when
// asked. Output: docs/cli.md ("risk").

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

int runRisk(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cityfin::cli
