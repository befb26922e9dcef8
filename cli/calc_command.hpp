#pragma once
// `cityfin calc <function> [options] -- <flows...>`: the financial calculator.

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

int runCalc(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cityfin::cli
