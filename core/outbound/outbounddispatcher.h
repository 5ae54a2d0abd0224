#pragma once

#include "outbound.h"
#include "storage/workeridentity.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class Clock;
class QTimer;
class Store;
class StoreChangeListener;

struct OutboundDrainOptions
{
    QString entity;     // empty: every entity's destinations
    QDateTime deadline; // invalid: none; no new claim is made after it (deliveries in flight finish)
    QString worker = QStringLiteral("outbound");
    WorkerIdentity identity = WorkerIdentity::current();
    int leaseSeconds = 120; // longer than any sender's request timeout
};

struct OutboundDrainReport
{
    int delivered = 0;
    int retried = 0;     // failed attempts put back for a later try
    int dead = 0;        // dead letters made by this drain
    QStringList stopped; // names of destinations stopped by their sender
    QStringList errors;  // storage or sender-factory errors, secret-free
    bool deadlineReached = false;
};
Q_DECLARE_METATYPE(OutboundDrainReport)

// Delivers the outbox (issue 17) on the event loop of the thread that owns it. Each round first
// releases the claims of this host's workers that no longer run (a kill -9), then drain() claims the
// due messages of every enabled destination (Store::claimOutbox: per-container order, maxInFlight
// across all workers, SKIP LOCKED), hands each to the destination's sender and records the result,
// until nothing is claimable or the deadline passes, then emits finished(). start() does the same
// continuously for the console: a round every few seconds and whenever the change feed announces an
// outbox change.
//
// Retries: a failed attempt waits the receiver's Retry-After (capped at one day) or else an
// exponential backoff with full jitter: uniform in [0, min(10 min, 2 s * 2^(attempts-1))]. After the
// destination's maxAttempts the message is a dead letter with its last error; Permanent makes one at
// once; Stop stops the destination (nothing more is sent to it until it is resumed). Every delivery,
// failure, dead letter and stop is in the audit log (provider "outbound/<name>", never a secret or the
// payload; the sender's summary is fine). Logging: quaywatch.outbound.
class OutboundDispatcher final : public QObject
{
    Q_OBJECT

public:
    using SenderCallback = std::function<void(Result<std::shared_ptr<OutboundSender>>)>;
    // Makes the sender of a destination; asynchronous because secrets come from the keychain. The
    // callback may run later on this thread (or at once).
    using SenderFactory = std::function<void(const OutboundDestination &, SenderCallback)>;

    OutboundDispatcher(Store &store, const Clock &clock, SenderFactory factory, QObject *parent = nullptr);
    ~OutboundDispatcher() override;

    // One drain; finished() follows (also when there was nothing to send). Ignored while one runs.
    void drain(const OutboundDrainOptions &options = {});
    bool isDraining() const { return m_running; }
    // Continuous mode: rounds every pollMs and on outbox changes until stop(). Finished reports of
    // the rounds are emitted too.
    void start(const OutboundDrainOptions &options = {}, int pollMs = 3000);
    void stop();

    static constexpr qint64 backoffBaseMs = 2000;
    static constexpr qint64 backoffCapMs = qint64(10) * 60 * 1000;
    static constexpr qint64 retryAfterCapMs = qint64(24) * 60 * 60 * 1000;
    // The wait before attempt attempts + 1 after attempts failures. random01 gives a number in [0, 1).
    static qint64 backoffMs(int attempts, const std::function<double()> &random01);
    // When a failed message is tried again: the receiver's Retry-After (capped) or the backoff.
    static QDateTime nextAttemptAt(const DeliveryResult &result, int attempts, const QDateTime &now,
                                   const std::function<double()> &random01);

Q_SIGNALS:
    void finished(const OutboundDrainReport &report);
    void delivered(qint64 destinationId, qint64 sequence);

private:
    struct Lane
    {
        OutboundDestination destination;
        std::shared_ptr<OutboundSender> sender;
        bool senderRequested = false;
        bool exhausted = false; // the last claim returned nothing
        bool stopped = false;
        int inFlight = 0;
    };

    void round();
    void pump(qint64 destinationId);
    void onDelivered(qint64 destinationId, const OutboxMessage &message, const DeliveryResult &result);
    void audit(const OutboundDestination &destination, const QString &action, bool ok, const QString &detail);
    void finishIfIdle();
    bool pastDeadline() const;

    Store &m_store;
    const Clock &m_clock;
    SenderFactory m_factory;
    OutboundDrainOptions m_options;
    OutboundDrainReport m_report;
    QHash<qint64, Lane> m_lanes;
    QHash<qint64, std::shared_ptr<OutboundSender>> m_senders; // kept across rounds of one mode
    bool m_running = false;
    bool m_continuous = false;
    bool m_again = false; // a change arrived during a round
    QTimer *m_timer = nullptr;
    std::unique_ptr<StoreChangeListener> m_listener;
    std::shared_ptr<bool> m_alive;
};
