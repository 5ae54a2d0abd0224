// The sync engine's side of the provider limits shared by every worker on one database (issue 18):
// a batch holds one of its connection's slots while its request is out.
#include "logging.h"
#include "syncengine_p.h"

using namespace Qt::Literals::StringLiterals;

std::optional<ProviderSlot> SyncEngine::Private::takeSlot(const TraceBatch &batch, int limit, bool *failed)
{
    if (!options.sharedSlots)
        return ProviderSlot();
    ProviderSlotRequest request;
    request.entity = batch.entity;
    request.provider = batch.provider;
    request.limit = limit;
    request.holder = options.worker;
    request.identity = options.identity;
    request.leaseSeconds = options.slotLeaseSeconds;
    request.now = clock.now();
    const Result<std::optional<ProviderSlot>> taken = store.takeProviderSlot(request);
    if (!taken) {
        qCWarning(lcSync).noquote() << "taking a provider slot failed:" << taken.error().message;
        report.errors.append(u"sync: "_s + taken.error().message);
        *failed = true;
        return std::nullopt;
    }
    if (taken->has_value()) {
        waitingForSlot.remove(batch.provider);
        slotBackoffMs = 0;
        return taken.value();
    }
    // Every slot is at the provider for some process: look again soon, a little later each time,
    // so that waiting workers do not hammer the database; the batch keeps its place in the queue.
    if (!waitingForSlot.contains(batch.provider)) {
        waitingForSlot.insert(batch.provider);
        ++report.slotWaits;
    }
    if (!slotRetry.isActive()) {
        slotBackoffMs = std::clamp(slotBackoffMs * 2, 10, 80);
        slotRetry.start(slotBackoffMs);
    }
    return std::nullopt;
}

void SyncEngine::Private::releaseSlot(quint64 id)
{
    const ProviderSlot slot = heldSlots.take(id);
    if (!slot.isValid())
        return;
    if (const Result<bool> released = store.releaseProviderSlot(slot); !released)
        qCWarning(lcSync).noquote() << "releasing a provider slot failed:" << released.error().message;
}

void SyncEngine::Private::releaseAllSlots()
{
    heldSlots.clear();
    if (!options.sharedSlots)
        return;
    if (const Result<int> released = store.releaseProviderSlots(options.identity, options.worker); !released)
        qCWarning(lcSync).noquote() << "releasing provider slots failed:" << released.error().message;
}

void SyncEngine::Private::renewSlots()
{
    if (!running || heldSlots.isEmpty())
        return;
    const QDateTime until = clock.now().addSecs(std::max(1, options.slotLeaseSeconds));
    if (const Result<int> renewed = store.renewProviderSlots(options.identity, options.worker, until); !renewed)
        qCWarning(lcSync).noquote() << "renewing provider slots failed:" << renewed.error().message;
}
