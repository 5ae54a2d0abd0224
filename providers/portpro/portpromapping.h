#pragma once

#include "outbound/fieldmapping.h"

// The tracking-service-to-TMS mapping: the fields of PortPro's Load view, which normalized property
// feeds each and by which rule (tests/data/provider-docs/portpro). The module registers it, so the
// store's PortPro messages, the "portpro" report and the Mapping screen all read these rows.
namespace PortProMapping {

inline constexpr auto kind = "portpro"; // OutboundDestination::kind, and the destination's name

const FieldMapping &mapping();

} // namespace PortProMapping
