#pragma once

#include "result.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class Session;
class QThread;

// What a write changed, so that every console on the database refreshes only that. On PostgreSQL it
// travels as NOTIFY on one channel, so consoles in other processes and on other machines hear it
// (LISTEN/NOTIFY: delivered to every listening session once the writing transaction commits; a
// payload must stay under 8000 bytes). On SQLite only this process hears it: SQLite has no
// notification between processes.
struct StoreChange
{
    enum class Kind
    {
        Containers,  // watchlist entries, their snapshot or events
        Connections, // a data-source connection or its status
        Acknowledgements,
        Outbox, // outbound destinations or their queues (entity set; ids: destination ids when known)
    };
    Kind kind = Kind::Containers;
    QString entity;          // empty: the writer did not know it (a trace write); listeners check ids
    QList<qint64> ids;       // container ids; empty together with everything=false means none
    bool everything = false; // too many ids for one message, or notifications may have been missed
    QString origin;          // the writing Store's changeOrigin(): a console skips what it wrote itself

    QByteArray encode() const;                            // compact JSON, always under the payload limit
    static StoreChange decode(const QByteArray &payload); // anything unreadable becomes "everything"
    bool operator==(const StoreChange &) const = default;
};
Q_DECLARE_METATYPE(StoreChange)

namespace ChangeFeed {
inline constexpr QLatin1StringView channel{"quaywatch_changes"};
// Announces change after the caller's write committed. Never fails the write: a refresh hint
// that cannot be sent is logged, and listeners resynchronise when their connection comes back.
void announce(Session &session, StoreChange change);
// A random name for one connection's announcements (hex, short).
QString newOrigin();
} // namespace ChangeFeed

// Hears the changes of one database and emits changed() on the thread that created it. On
// PostgreSQL a thread of its own holds an idle connection that LISTENs, so a slow or lost server
// never blocks the caller; a lost connection (server restart) is noticed within a few seconds,
// reopened, and announced as "everything" because notifications sent meanwhile are gone.
class StoreChangeListener final : public QObject
{
    Q_OBJECT

public:
    // openSession runs on the listener's thread and opens its connection (PostgreSQL); without one
    // (SQLite) the listener hears this process's writers.
    using SessionFactory = std::function<Result<std::unique_ptr<Session>>()>;
    explicit StoreChangeListener(SessionFactory openSession, QObject *parent = nullptr);
    ~StoreChangeListener() override;

    bool listening() const; // PostgreSQL: subscribed right now; SQLite: always

Q_SIGNALS:
    void changed(const StoreChange &change);

private:
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_subscribed;
};
