#include "heartbeatpublisher.h"

#include "clock.h"
#include "logging.h"
#include "store.h"

HeartbeatPublisher::HeartbeatPublisher(Store &store, const QString &name, bool viewOnly, QObject *parent)
    : QObject(parent), m_store(store)
{
    m_row.identity = WorkerIdentity::current();
    m_row.name = name;
    m_row.viewOnly = viewOnly;
    m_row.startedAt = store.clock().now();
    connect(&m_timer, &QTimer::timeout, this, &HeartbeatPublisher::publish);
    m_timer.start(WorkerHeartbeat::periodSeconds * 1000);
    publish();
}

HeartbeatPublisher::~HeartbeatPublisher()
{
    if (const Result<void> removed = m_store.removeHeartbeat(m_row.identity); !removed)
        qCWarning(lcSync).noquote() << "removing the worker's heartbeat failed:" << removed.error().message;
}

void HeartbeatPublisher::setViewOnly(bool viewOnly)
{
    if (m_row.viewOnly == viewOnly)
        return;
    m_row.viewOnly = viewOnly;
    publish();
}

void HeartbeatPublisher::cycleFinished()
{
    m_row.lastCycleAt = m_store.clock().now();
    publish();
}

void HeartbeatPublisher::publish()
{
    m_row.lastSeenAt = m_store.clock().now();
    // A database that is away costs one heartbeat, not the worker: the next one tries again.
    if (const Result<void> recorded = m_store.recordHeartbeat(m_row); !recorded)
        qCWarning(lcSync).noquote() << "recording the worker's heartbeat failed:" << recorded.error().message;
}
