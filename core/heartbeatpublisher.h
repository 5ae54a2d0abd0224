#pragma once

#include "storage/limitrecords.h"

#include <QObject>
#include <QTimer>

class Store;

// Keeps this process's row in worker_heartbeats current: every WorkerHeartbeat::periodSeconds and at
// each cycle's end, so that consoles can name the active workers; removed again on destruction (a
// killed process's row simply stops being seen). The store must outlive the publisher.
class HeartbeatPublisher final : public QObject
{
    Q_OBJECT

public:
    HeartbeatPublisher(Store &store, const QString &name, bool viewOnly, QObject *parent = nullptr);
    ~HeartbeatPublisher() override;

    void setViewOnly(bool viewOnly);
    // A sync cycle just ended: records its time now.
    void cycleFinished();
    void publish();

private:
    Store &m_store;
    WorkerHeartbeat m_row;
    QTimer m_timer;
};
