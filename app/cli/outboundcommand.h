#pragma once

#include "outbound/outbounddispatcher.h"

class CliContext;
class Store;

// Delivers the entity's outbox until nothing is claimable or seconds pass (no new claims after
// that), printing one summary line on stderr. `sync` runs it after each cycle; `outbound drain` alone.
OutboundDrainReport drainOutbox(CliContext &context, Store &store, int seconds);
