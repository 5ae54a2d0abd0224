#pragma once

#include "outbound/outbounddispatcher.h"

class CliContext;
class Store;

// Delivers the entity's outbox until nothing is claimable or seconds pass (no new claims after
// that), printing one summary line on stderr. waitForRetries: go on until the deadline while
// messages wait for a later attempt (`outbound drain`); `sync` runs it after each cycle without, as
// its next cycle drains again.
OutboundDrainReport drainOutbox(CliContext &context, Store &store, int seconds, bool waitForRetries = false);
