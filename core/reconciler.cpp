#include "reconciler.h"

#include "jsonvalues.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// Transitions that carry no provider time: the same change seen on another day is a new fact, so
// their dedupe key includes observedAt. Milestones and timed events are keyed by their own time.
bool isTimelessTransition(EventCode code)
{
    switch (code) {
    case EventCode::Available:
    case EventCode::NotAvailable:
    case EventCode::HoldAdded:
    case EventCode::HoldReleased:
    case EventCode::LfdChanged:
    case EventCode::NotFound:
    case EventCode::VesselEta:
    case EventCode::PickupAppointment:
        return true;
    default:
        return false;
    }
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// A blank time or date from a provider is "not reported": it never erases a known fact.
std::optional<QDateTime> reportedTime(const std::optional<QDateTime> &time)
{
    return time && time->isValid() ? std::optional<QDateTime>(time->toUTC()) : std::nullopt;
}

std::optional<QDate> reportedDate(const std::optional<QDate> &date)
{
    return date && date->isValid() ? date : std::nullopt;
}

template<typename T>
void assignIfReported(T &target, const std::optional<T> &value)
{
    if (value)
        target = *value;
}

template<typename T>
void assignIfReported(std::optional<T> &target, const std::optional<T> &value)
{
    if (value)
        target = value;
}

// Collects the events of one reconciliation; knows the container and the observation being applied.
class EventSink final
{
public:
    EventSink(qint64 containerId, QString containerNumber)
        : m_containerId(containerId), m_containerNumber(std::move(containerNumber))
    {}

    void setObservation(const Observation *observation) { m_observation = observation; }

    void add(EventCode code, const QDateTime &occurredAt = {}, const QJsonObject &data = {})
    {
        append(code, m_observation->providerCodes.value(code), occurredAt, data, isTimelessTransition(code));
    }

    void addTimed(EventCode code, const QString &providerCode, const QDateTime &occurredAt, const QJsonObject &data)
    {
        append(code, providerCode, occurredAt, data, false);
    }

    void addMilestone(const ObservedMilestone &milestone)
    {
        append(milestone.code, milestone.providerCode, milestone.occurredAt, milestone.data, false);
    }

    QList<Event> takeEvents() { return std::move(m_events); }

private:
    void append(EventCode code, const QString &providerCode, const QDateTime &occurredAt, const QJsonObject &data,
                bool includeObservedAt)
    {
        Event event;
        event.containerId = m_containerId;
        event.code = code;
        event.providerCode = providerCode;
        event.occurredAt = occurredAt.isValid() ? occurredAt.toUTC() : QDateTime();
        event.observedAt = m_observation->observedAt.toUTC();
        event.location = m_observation->eventLocation;
        event.data = data;
        event.source = m_observation->source;
        event.raw = m_observation->raw;
        event.dedupeKey = Reconciler::dedupeKey(m_containerNumber, event, includeObservedAt);
        if (m_keys.contains(event.dedupeKey))
            return; // the same fact twice in one batch is still one fact
        m_keys.insert(event.dedupeKey);
        m_events.append(event);
    }

    qint64 m_containerId;
    QString m_containerNumber;
    const Observation *m_observation = nullptr;
    QList<Event> m_events;
    QSet<QString> m_keys;
};

void applyPlainFields(ContainerSnapshot &snapshot, const Observation &observation)
{
    assignIfReported(snapshot.vesselName, observation.vesselName);
    assignIfReported(snapshot.voyage, observation.voyage);
    assignIfReported(snapshot.location, observation.location);
    assignIfReported(snapshot.locationLot, observation.locationLot);
    assignIfReported(snapshot.demurrageAmount, observation.demurrageAmount);
    assignIfReported(snapshot.sizeType, observation.sizeType);
    assignIfReported(snapshot.grossWeight, observation.grossWeight);
    assignIfReported(snapshot.hazardous, observation.hazardous);
    assignIfReported(snapshot.lineScac, observation.lineScac);
    assignIfReported(snapshot.chassisNumber, observation.chassisNumber);
    assignIfReported(snapshot.outgateTrucker, observation.outgateTrucker);
    assignIfReported(snapshot.yardListingConflict, observation.yardListingConflict);
}

void applyVessel(ContainerSnapshot &snapshot, const Observation &observation, EventSink &sink)
{
    if (const auto eta = reportedTime(observation.vesselEta); eta && *eta != snapshot.vesselEta) {
        snapshot.vesselEta = *eta;
        sink.add(EventCode::VesselEta, {}, QJsonObject{{u"eta"_s, JsonValues::fromTime(*eta)}});
    }
    if (const auto ata = reportedTime(observation.vesselAta); ata && *ata != snapshot.vesselAta) {
        const bool newlySet = !snapshot.vesselAta.isValid();
        snapshot.vesselAta = *ata;
        if (newlySet)
            sink.add(EventCode::VesselArrived, *ata);
    }
    if (const auto discharged = reportedTime(observation.dischargedAt);
        discharged && *discharged != snapshot.dischargedAt) {
        snapshot.dischargedAt = *discharged;
        sink.add(EventCode::Discharged, *discharged);
    }
}

const QString availabilityKey = u"available"_s;

QString holdKey(const Hold &hold)
{
    return u"hold:"_s + holdTypeName(hold.type) + u':' + hold.sourceCode;
}

// Whether a change at `at` is older than the last change applied to `key`; when it is not, records it.
bool supersededOrRecord(ContainerSnapshot &snapshot, const QString &key, const QDateTime &at)
{
    const QDateTime last = snapshot.stateChangedAt.value(key);
    if (last.isValid() && at < last)
        return true;
    snapshot.stateChangedAt.insert(key, at);
    return false;
}

void applyAvailability(ContainerSnapshot &snapshot, const Observation &observation, EventSink &sink)
{
    if (!observation.available)
        return;
    const EventCode code = *observation.available ? EventCode::Available : EventCode::NotAvailable;
    if (const auto at = reportedTime(observation.availableAt)) {
        // A timed change is the provider's event: logged at its own time, applied unless a newer one was.
        if (!supersededOrRecord(snapshot, availabilityKey, *at))
            snapshot.available = observation.available;
        sink.addTimed(code, observation.providerCodes.value(code), *at, {});
        return;
    }
    if (snapshot.available == observation.available)
        return;
    snapshot.available = observation.available;
    sink.add(code);
}

QJsonObject holdData(const Hold &hold)
{
    return QJsonObject{{u"type"_s, holdTypeName(hold.type)}, {u"source_code"_s, hold.sourceCode}};
}

bool containsHold(const QList<Hold> &holds, const Hold &wanted)
{
    return std::any_of(holds.cbegin(), holds.cend(), [&wanted](const Hold &hold) { return hold.sameHold(wanted); });
}

void applyHolds(ContainerSnapshot &snapshot, const Observation &observation, EventSink &sink)
{
    if (!observation.holds)
        return;
    QList<Hold> updated;
    for (const Hold &reported : *observation.holds) {
        if (containsHold(updated, reported))
            continue;
        const auto previous = std::find_if(snapshot.holds.cbegin(), snapshot.holds.cend(),
                                           [&reported](const Hold &hold) { return hold.sameHold(reported); });
        Hold hold = reported;
        if (previous != snapshot.holds.cend()) {
            hold.since = previous->since;
        } else {
            hold.since = observation.observedAt.toUTC();
            sink.add(EventCode::HoldAdded, {}, holdData(hold));
        }
        updated.append(hold);
    }
    for (const Hold &old : std::as_const(snapshot.holds)) {
        if (!containsHold(updated, old))
            sink.add(EventCode::HoldReleased, {}, holdData(old));
    }
    snapshot.holds = updated;
}

// A change reported on its own is always logged (a release of a hold Quaywatch never saw is still the
// provider's fact); it changes the snapshot only where it changes something. A change older than the
// last one applied to that hold is logged but does not undo it: callbacks arrive out of order and a
// replayed revocation may come after the release that followed it.
void applyHoldChanges(ContainerSnapshot &snapshot, const Observation &observation, EventSink &sink)
{
    for (const ObservedHoldChange &change : observation.holdChanges) {
        const QDateTime at = change.occurredAt.isValid() ? change.occurredAt.toUTC() : observation.observedAt.toUTC();
        if (!supersededOrRecord(snapshot, holdKey(change.hold), at)) {
            const auto current = std::find_if(snapshot.holds.begin(), snapshot.holds.end(),
                                              [&change](const Hold &hold) { return hold.sameHold(change.hold); });
            if (change.placed && current == snapshot.holds.end()) {
                Hold hold = change.hold;
                hold.since = at;
                snapshot.holds.append(hold);
            } else if (!change.placed && current != snapshot.holds.end() &&
                       (!current->since.isValid() || current->since <= at)) {
                snapshot.holds.erase(current);
            }
        }
        QJsonObject data = holdData(change.hold);
        for (auto it = change.data.constBegin(); it != change.data.constEnd(); ++it)
            data.insert(it.key(), it.value());
        sink.addTimed(change.placed ? EventCode::HoldAdded : EventCode::HoldReleased, change.providerCode,
                      change.occurredAt, data);
    }
}

void applyLfd(QDate &current, const std::optional<QDate> &reported, const QString &kind, EventSink &sink)
{
    const auto lfd = reportedDate(reported);
    if (!lfd || *lfd == current)
        return;
    const QJsonObject data{
        {u"kind"_s, kind}, {u"lfd"_s, JsonValues::fromDate(*lfd)}, {u"previous"_s, JsonValues::fromDate(current)}};
    current = *lfd;
    sink.add(EventCode::LfdChanged, {}, data);
}

void applyYardAndGate(ContainerSnapshot &snapshot, const Observation &observation, EventSink &sink)
{
    applyLfd(snapshot.lfdTerminal, observation.lfdTerminal, u"terminal"_s, sink);
    applyLfd(snapshot.lfdLine, observation.lfdLine, u"line"_s, sink);
    if (const auto appointment = reportedTime(observation.pickupAppointmentAt);
        appointment && *appointment != snapshot.pickupAppointmentAt) {
        snapshot.pickupAppointmentAt = *appointment;
        sink.add(EventCode::PickupAppointment, {},
                 QJsonObject{{u"appointment_at"_s, JsonValues::fromTime(*appointment)}});
    }
    if (const auto outgated = reportedTime(observation.outgatedAt); outgated && *outgated != snapshot.outgatedAt) {
        snapshot.outgatedAt = *outgated;
        sink.add(EventCode::Outgated, *outgated,
                 QJsonObject{{u"chassis_number"_s, JsonValues::fromText(snapshot.chassisNumber)},
                             {u"trucker"_s, JsonValues::fromText(snapshot.outgateTrucker)}});
    }
    if (const auto returned = reportedTime(observation.emptyReturnedAt);
        returned && *returned != snapshot.emptyReturnedAt) {
        snapshot.emptyReturnedAt = *returned;
        sink.add(EventCode::EmptyReturned, *returned);
    }
}

void applyObservation(ContainerSnapshot &snapshot, const Observation &observation, EventSink &sink)
{
    sink.setObservation(&observation);
    if (observation.notFound) {
        // Keep what was known: a terminal that forgot a container does not undo its history.
        if (!snapshot.notFound)
            sink.add(EventCode::NotFound);
        snapshot.notFound = true;
    } else {
        snapshot.notFound = false;
        applyPlainFields(snapshot, observation);
        applyVessel(snapshot, observation, sink);
        applyAvailability(snapshot, observation, sink);
        applyHolds(snapshot, observation, sink);
        applyHoldChanges(snapshot, observation, sink);
        applyYardAndGate(snapshot, observation, sink);
    }
    for (const ObservedMilestone &milestone : observation.milestones)
        sink.addMilestone(milestone);
}
} // namespace

namespace Reconciler {

Reconciliation reconcile(qint64 containerId, const QString &containerNumber, const ContainerSnapshot &current,
                         const QList<Observation> &observations)
{
    Reconciliation result;
    result.snapshot = current;
    EventSink sink(containerId, containerNumber);
    for (const Observation &observation : observations)
        applyObservation(result.snapshot, observation, sink);
    result.snapshot.status = result.snapshot.deriveStatus();
    result.newEvents = sink.takeEvents();
    result.changed = result.snapshot != current;
    return result;
}

QString dedupeKey(const QString &containerNumber, const Event &event, bool includeObservedAt)
{
    QStringList parts{
        containerNumber,
        eventCodeName(event.code),
        event.providerCode,
        isoTime(event.occurredAt),
        QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact)),
    };
    if (includeObservedAt)
        parts.append(isoTime(event.observedAt));
    // Compact JSON escapes control characters, so the unit separator keeps the parts apart.
    const QByteArray canonical = parts.join(QChar(0x1f)).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha1).toHex());
}

} // namespace Reconciler
