#pragma once

// The QObjects behind changefeed.h, in a header of their own so that moc handles them like every
// other class. Not for use outside changefeed.cpp.
#include "changefeed.h"
#include "logging.h"
#include "session.h"

#include <QObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <atomic>
#include <memory>

namespace ChangeFeedDetail {

using namespace Qt::Literals::StringLiterals;

inline constexpr int healthCheckMs = 3000;

// SQLite has no notification between connections; the writers of this process tell its listeners
// through this object instead. Signals cross threads queued, so a worker thread's write reaches
// the console's thread like a notification would.
class LocalChangeHub final : public QObject
{
    Q_OBJECT

public:
    static LocalChangeHub &instance()
    {
        static LocalChangeHub hub;
        return hub;
    }

Q_SIGNALS:
    void changed(const StoreChange &change);
};

// Lives on the listener's thread: opens the connection there, LISTENs, and checks it every few
// seconds (QPSQL notices a closed socket only when it next uses it).
class ListenerWorker final : public QObject
{
    Q_OBJECT

public:
    ListenerWorker(StoreChangeListener::SessionFactory open, std::shared_ptr<std::atomic_bool> subscribed)
        : m_open(std::move(open)), m_subscribed(std::move(subscribed))
    {}

    void start()
    {
        m_health = new QTimer(this);
        m_health->setInterval(healthCheckMs);
        connect(m_health, &QTimer::timeout, this, &ListenerWorker::check);
        m_health->start();
        if (!connectAndListen())
            qCWarning(lcStore) << "change listener: no connection yet; trying again every" << healthCheckMs << "ms";
    }

Q_SIGNALS:
    void changed(const StoreChange &change);

private:
    bool connectAndListen()
    {
        // A fresh connection each time: a reopened one would keep the old driver's subscriptions.
        m_session.reset();
        Result<std::unique_ptr<Session>> opened = m_open();
        if (!opened) {
            qCWarning(lcStore).noquote() << "change listener:" << opened.error().message;
            return false;
        }
        m_session = std::move(opened.value());
        QSqlDriver *driver = m_session->database().driver();
        if (!driver->subscribeToNotification(QString(ChangeFeed::channel))) {
            qCWarning(lcStore).noquote() << "cannot listen for changes:" << driver->lastError().text();
            return false;
        }
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource /*source*/, const QVariant &payload) {
                    if (name == ChangeFeed::channel)
                        Q_EMIT changed(StoreChange::decode(payload.toString().toUtf8()));
                });
        m_subscribed->store(true);
        qCDebug(lcStore) << "listening for changes on" << m_session->displayLocation();
        return true;
    }

    void check()
    {
        if (m_subscribed->load()) {
            QSqlQuery ping(m_session->database());
            if (ping.exec(u"SELECT 1"_s))
                return;
            qCInfo(lcStore).noquote() << "change listener lost its connection:" << ping.lastError().text();
            m_subscribed->store(false);
        }
        if (!connectAndListen())
            return;
        // Whatever was announced while the connection was gone did not reach this console.
        StoreChange all;
        all.everything = true;
        Q_EMIT changed(all);
    }

    StoreChangeListener::SessionFactory m_open;
    std::shared_ptr<std::atomic_bool> m_subscribed;
    std::unique_ptr<Session> m_session;
    QTimer *m_health = nullptr;
};

} // namespace ChangeFeedDetail
