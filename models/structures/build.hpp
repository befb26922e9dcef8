#pragma once
// The mechanics of each structure: project flows + terms -> ledger and financing facts.
// One file per structure in this folder; buildOutcome() dispatches on the terms.

#include "models/outcome.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"

namespace cityfin::models {

StructureOutcome buildTraditional(const Project&, const ProjectFlows&, const TraditionalTerms&, const SupportTerms&);
StructureOutcome buildPppAvailability(const Project&, const ProjectFlows&, const PppAvailabilityTerms&,
                                      const SupportTerms&);
StructureOutcome buildConcession(const Project&, const ProjectFlows&, const ConcessionTerms&, const SupportTerms&);
StructureOutcome buildBuildTransfer(const Project&, const ProjectFlows&, const BuildTransferTerms&,
                                    const SupportTerms&);
StructureOutcome buildGreenBond(const Project&, const ProjectFlows&, const GreenBondTerms&, const SupportTerms&);
StructureOutcome buildEspc(const Project&, const ProjectFlows&, const EspcTerms&, const SupportTerms&);
StructureOutcome buildPayAsYouGo(const Project&, const ProjectFlows&, const PayAsYouGoTerms&, const SupportTerms&);
StructureOutcome buildRevenueSharing(const Project&, const ProjectFlows&, const RevenueSharingTerms&,
                                     const SupportTerms&);

/// Dispatches on structure.terms. Throws InputError for invalid terms (fields named as JSON paths
/// under "structures[i]" by the caller's context: here "terms.<field>").
StructureOutcome buildOutcome(const Project& project, const ProjectFlows& flows, const Structure& structure);

} // namespace cityfin::models
