#pragma once
// Evaluations and comparisons for people (tables on a terminal) and for pipelines (CSV). The
// figures are those models returned; nothing is computed here but the layout.

#include "models/case_file.hpp"
#include "models/compare.hpp"
#include "models/evaluation.hpp"

#include <ostream>

namespace cityfin::cli {

void writeEvaluationTable(const models::Case& c, const models::Evaluation& e, std::ostream& out);
void writeComparisonTable(const models::Case& c, const models::Comparison& comparison,
                          const std::vector<models::Evaluation>& evaluations, std::ostream& out);

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csvField(const std::string& text);

/// Long format, one row per line and year: structure,party,line,counterparty,year,amount.
void writeLedgerCsv(const std::vector<models::Evaluation>& evaluations, std::ostream& out);
/// One row per structure with the headline metrics, in rank order.
void writeComparisonCsv(const models::Comparison& comparison, const std::vector<models::Evaluation>& evaluations,
                        std::ostream& out);

} // namespace cityfin::cli
