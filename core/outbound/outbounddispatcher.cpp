#include "outbounddispatcher.h"

#include "auditentry.h"
#include "clock.h"
#include "store.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStringBuilder>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcOutbound, "quaywatch.outbound")

namespace {
double systemRandom01()
{
    return QRandomGenerator::global()->generateDouble();
}

QString auditProvider(const OutboundDestination &destination)
{
    return u"outbound/"_s % destination.name;
}

QString describe(const OutboxMessage &message)
{
    return u"message %1 (container %2)"_s.arg(message.sequence).arg(message.containerNumber);
}
} // namespace

OutboundDispatcher::OutboundDispatcher(Store &store, const Clock &clock, SenderFactory factory, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_factory(std::move(factory)),
      m_alive(std::make_shared<bool>(true))
{
    qRegisterMetaType<OutboundDrainReport>();
}

OutboundDispatcher::~OutboundDispatcher()
{
    *m_alive = false; // deliveries still in flight report to nobody; their leases run out
}

qint64 OutboundDispatcher::backoffMs(int attempts, const std::function<double()> &random01)
{
    const int exponent = std::clamp(attempts - 1, 0, 30);
    const qint64 ceiling = std::min<qint64>(backoffCapMs, backoffBaseMs << exponent);
    // Full jitter: workers that failed together do not retry together.
    const double r = std::clamp(random01 ? random01() : systemRandom01(), 0.0, 1.0);
    return std::min<qint64>(ceiling, qint64(std::floor(r * double(ceiling + 1))));
}

QDateTime OutboundDispatcher::nextAttemptAt(const DeliveryResult &result, int attempts, const QDateTime &now,
                                            const std::function<double()> &random01)
{
    if (result.retryAfterMs && *result.retryAfterMs >= 0)
        return now.addMSecs(std::min(*result.retryAfterMs, retryAfterCapMs));
    return now.addMSecs(backoffMs(attempts, random01));
}

void OutboundDispatcher::drain(const OutboundDrainOptions &options)
{
    if (m_running)
        return;
    m_options = options;
    m_running = true; // from now: a second drain() before the round starts is ignored too
    QTimer::singleShot(0, this, [this] { round(); });
}

void OutboundDispatcher::start(const OutboundDrainOptions &options, int pollMs)
{
    m_options = options;
    m_continuous = true;
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] {
            if (m_running)
                m_again = true;
            else
                round();
        });
    }
    m_timer->start(std::max(100, pollMs));
    m_listener = m_store.listenForChanges(this);
    connect(m_listener.get(), &StoreChangeListener::changed, this, [this](const StoreChange &change) {
        if (change.kind != StoreChange::Kind::Outbox || !m_continuous)
            return;
        if (m_running)
            m_again = true;
        else
            round();
    });
    if (!m_running) {
        m_running = true;
        QTimer::singleShot(0, this, [this] { round(); });
    }
}

void OutboundDispatcher::stop()
{
    m_continuous = false;
    m_again = false;
    if (m_timer)
        m_timer->stop();
    m_listener.reset();
}

bool OutboundDispatcher::pastDeadline() const
{
    return m_options.deadline.isValid() && m_clock.now() >= m_options.deadline;
}

void OutboundDispatcher::round()
{
    m_running = true;
    m_report = {};
    m_lanes.clear();
    // A worker killed on this host left claims whose leases would hold its messages, and its share
    // of every destination's maxInFlight, for up to leaseSeconds.
    if (const Result<int> released = m_store.releaseDeadWorkersClaims(m_options.identity); !released)
        qCWarning(lcOutbound).noquote() << "cannot release the claims of stopped workers:" << released.error().message;
    else if (released.value() > 0)
        qCInfo(lcOutbound) << "released" << released.value() << "claims of stopped workers";
    const Result<QList<OutboundDestination>> destinations = m_store.destinations(m_options.entity);
    if (!destinations) {
        m_report.errors.append(destinations.error().message);
        qCWarning(lcOutbound).noquote() << "cannot read the outbound destinations:" << destinations.error().message;
    } else {
        for (const OutboundDestination &destination : destinations.value()) {
            if (!destination.enabled || !destination.stoppedReason.isEmpty())
                continue;
            Lane lane;
            lane.destination = destination;
            m_lanes.insert(destination.id, lane);
        }
    }
    const QList<qint64> ids = m_lanes.keys();
    for (const qint64 id : ids) {
        Lane &lane = m_lanes[id];
        if (const auto known = m_senders.constFind(id); known != m_senders.constEnd()) {
            lane.sender = known.value();
            pump(id);
            continue;
        }
        lane.senderRequested = true;
        const OutboundDestination destination = lane.destination;
        std::weak_ptr<bool> alive = m_alive;
        m_factory(destination, [this, alive, id](Result<std::shared_ptr<OutboundSender>> made) {
            if (alive.expired() || !*alive.lock())
                return;
            auto found = m_lanes.find(id);
            if (found == m_lanes.end())
                return;
            if (!made || !made.value()) {
                const QString why = made ? u"no sender for this kind of destination"_s : made.error().message;
                m_report.errors.append(found->destination.name % u": "_s % why);
                qCWarning(lcOutbound).noquote() << "no sender for" << found->destination.name << ":" << why;
                found->exhausted = true;
                finishIfIdle();
                return;
            }
            m_senders.insert(id, made.value());
            found->sender = made.value();
            pump(id);
        });
    }
    finishIfIdle();
}

void OutboundDispatcher::pump(qint64 destinationId)
{
    auto found = m_lanes.find(destinationId);
    if (found == m_lanes.end())
        return;
    Lane &lane = found.value();
    if (lane.stopped || !lane.sender)
        return;
    if (pastDeadline()) {
        m_report.deadlineReached = true;
        lane.exhausted = true;
        finishIfIdle();
        return;
    }
    const int room = lane.destination.maxInFlight - lane.inFlight;
    if (room <= 0)
        return;
    OutboxClaimRequest request;
    request.destinationId = destinationId;
    request.limit = room;
    request.worker = m_options.worker;
    request.identity = m_options.identity;
    request.leaseSeconds = m_options.leaseSeconds;
    request.now = m_clock.now();
    const Result<QList<OutboxMessage>> claimed = m_store.claimOutbox(request);
    if (!claimed) {
        m_report.errors.append(claimed.error().message);
        qCWarning(lcOutbound).noquote() << "cannot claim outbound messages:" << claimed.error().message;
        lane.exhausted = true;
        finishIfIdle();
        return;
    }
    if (claimed->isEmpty()) {
        lane.exhausted = true;
        finishIfIdle();
        return;
    }
    lane.exhausted = false;
    std::shared_ptr<OutboundSender> sender = lane.sender;
    for (const OutboxMessage &message : claimed.value()) {
        ++lane.inFlight;
        std::weak_ptr<bool> alive = m_alive;
        qCDebug(lcOutbound).noquote() << "sending" << describe(message) << "to" << lane.destination.name;
        sender->deliver(message, [this, alive, destinationId, message](const DeliveryResult &result) {
            if (alive.expired() || !*alive.lock())
                return;
            onDelivered(destinationId, message, result);
        });
    }
}

void OutboundDispatcher::onDelivered(qint64 destinationId, const OutboxMessage &message, const DeliveryResult &result)
{
    auto found = m_lanes.find(destinationId);
    if (found == m_lanes.end())
        return;
    Lane &lane = found.value();
    --lane.inFlight;
    const QDateTime now = m_clock.now();
    const QDateTime next = nextAttemptAt(result, message.attempts + 1, now, {});
    const Result<OutboxFinish> finished = m_store.finishDelivery(message.sequence, result, next);
    const OutboundDestination &destination = lane.destination;
    if (!finished) {
        m_report.errors.append(finished.error().message);
        qCWarning(lcOutbound).noquote() << "cannot record the delivery of" << describe(message) << ":"
                                        << finished.error().message;
    } else if (finished->found) {
        const QString what = describe(message);
        const QString summary = result.summary.isEmpty() ? QString() : u": "_s % result.summary;
        switch (result.outcome) {
        case DeliveryResult::Outcome::Delivered:
            ++m_report.delivered;
            audit(destination, u"outbound-deliver"_s, true, what % u" delivered"_s % summary);
            Q_EMIT delivered(destinationId, message.sequence);
            break;
        case DeliveryResult::Outcome::Retry:
        case DeliveryResult::Outcome::Permanent:
            if (finished->state == OutboxState::Dead) {
                ++m_report.dead;
                audit(destination, u"outbound-dead-letter"_s, false,
                      what % u" is a dead letter after %1 attempt(s): "_s.arg(finished->attempts) % result.error);
                qCWarning(lcOutbound).noquote()
                    << what << "to" << destination.name << "is a dead letter:" << result.error;
            } else {
                ++m_report.retried;
                audit(destination, u"outbound-fail"_s, false,
                      what % u" attempt %1 failed: "_s.arg(finished->attempts) % result.error %
                          u"; next attempt at "_s % next.toString(Qt::ISODate));
                qCInfo(lcOutbound).noquote() << what << "to" << destination.name << "failed:" << result.error;
            }
            break;
        case DeliveryResult::Outcome::Stop:
            lane.stopped = true;
            m_senders.remove(destinationId); // a fixed destination gets a new sender
            m_report.stopped.append(destination.name);
            audit(destination, u"outbound-stop"_s, false, u"sending stopped: "_s % result.error);
            qCWarning(lcOutbound).noquote() << "destination" << destination.name << "stopped:" << result.error;
            break;
        }
    }
    if (!lane.stopped) {
        lane.exhausted = false; // the container's next message may be claimable now
        pump(destinationId);
    }
    finishIfIdle();
}

void OutboundDispatcher::audit(const OutboundDestination &destination, const QString &action, bool ok,
                               const QString &detail)
{
    const Result<void> appended =
        m_store.appendAudit(AuditEntry::make(destination.entity, auditProvider(destination), action, ok, detail));
    if (!appended)
        qCWarning(lcOutbound).noquote() << "cannot write the audit log:" << appended.error().message;
}

void OutboundDispatcher::finishIfIdle()
{
    if (!m_running)
        return;
    for (const Lane &lane : std::as_const(m_lanes)) {
        if (lane.inFlight > 0 || !(lane.exhausted || lane.stopped))
            return;
    }
    m_running = false;
    const OutboundDrainReport report = m_report;
    if (report.delivered + report.dead + report.retried > 0 || !report.stopped.isEmpty())
        qCInfo(lcOutbound) << "outbox drained:" << report.delivered << "delivered," << report.retried << "to retry,"
                           << report.dead << "dead letters";
    Q_EMIT finished(report);
    if (m_continuous && m_again) {
        m_again = false;
        QTimer::singleShot(0, this, [this] {
            if (!m_running && m_continuous)
                round();
        });
    }
}
