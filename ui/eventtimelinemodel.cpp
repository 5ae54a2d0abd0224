#include "eventtimelinemodel.h"

#include "jsonvalues.h"
#include "statuspresentation.h"

#include <QJsonDocument>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {

QString holdText(const QJsonObject &data)
{
    const std::optional<HoldType> type = holdTypeFromName(data.value(u"type"_s).toString());
    return type ? StatusPresentation::holdLabel(*type) : QString();
}

// "Customs hold added (CUSTOMS HOLD)": the provider's own words in brackets when they say more.
QString describeHold(const Event &event, bool added)
{
    const QString type = holdText(event.data);
    const QString sourceText = event.data.value(u"source_code"_s).toString();
    QString text;
    if (type.isEmpty())
        text = added ? EventTimelineModel::tr("Hold added") : EventTimelineModel::tr("Hold released");
    else
        text = added ? EventTimelineModel::tr("%1 hold added").arg(type)
                     : EventTimelineModel::tr("%1 hold released").arg(type);
    const QString provider = sourceText.isEmpty() ? event.providerCode : sourceText;
    if (!provider.isEmpty() && provider.compare(type + u" hold"_s, Qt::CaseInsensitive) != 0)
        text = EventTimelineModel::tr("%1 (%2)").arg(text, provider);
    return text;
}

QString describeLfd(const Event &event)
{
    const QString kind = event.data.value(u"kind"_s).toString();
    const QDate lfd = JsonValues::toDate(event.data.value(u"lfd"_s));
    const QDate previous = JsonValues::toDate(event.data.value(u"previous"_s));
    const QString name = kind == "terminal"_L1 ? EventTimelineModel::tr("Terminal LFD")
                         : kind == "line"_L1   ? EventTimelineModel::tr("Line LFD")
                                               : EventTimelineModel::tr("LFD");
    if (!lfd.isValid())
        return EventTimelineModel::tr("%1 changed").arg(name);
    if (!previous.isValid())
        return EventTimelineModel::tr("%1 set to %2").arg(name, EventTimelineModel::shortDate(lfd));
    return EventTimelineModel::tr("%1 changed %2 → %3")
        .arg(name, EventTimelineModel::shortDate(previous), EventTimelineModel::shortDate(lfd));
}

QString describeOutgate(const Event &event)
{
    const QString trucker = event.data.value(u"trucker"_s).toString();
    const QString chassis = event.data.value(u"chassis_number"_s).toString();
    QStringList parts;
    if (!trucker.isEmpty())
        parts.append(EventTimelineModel::tr("trucker %1").arg(trucker));
    if (!chassis.isEmpty())
        parts.append(EventTimelineModel::tr("chassis %1").arg(chassis));
    const QString outgated = EventTimelineModel::tr("Picked up (out-gated)");
    return parts.isEmpty() ? outgated : EventTimelineModel::tr("%1: %2").arg(outgated, parts.join(u", "_s));
}

QString withTime(const QString &text, const QJsonValue &value, const QTimeZone &zone)
{
    const QDateTime time = JsonValues::toTime(value);
    return time.isValid() ? EventTimelineModel::tr("%1: %2").arg(text, EventTimelineModel::siteTime(time, zone)) : text;
}

} // namespace

EventTimelineModel::EventTimelineModel(QObject *parent) : QAbstractTableModel(parent) {}

void EventTimelineModel::setEvents(QList<Event> events, const QTimeZone &siteZone)
{
    beginResetModel();
    m_events = std::move(events);
    m_zone = siteZone.isValid() ? siteZone : QTimeZone::utc();
    endResetModel();
}

void EventTimelineModel::clear()
{
    setEvents({}, QTimeZone::utc());
}

int EventTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventTimelineModel::shortDate(const QDate &date)
{
    return QLocale().toString(date, u"d MMM"_s);
}

QString EventTimelineModel::siteTime(const QDateTime &time, const QTimeZone &siteZone)
{
    if (!time.isValid())
        return {};
    const QTimeZone zone = siteZone.isValid() ? siteZone : QTimeZone::utc();
    const QDateTime local = time.toTimeZone(zone);
    const QString when = QLocale().toString(local.date(), u"d MMM yyyy"_s) % u' ' % local.time().toString(u"HH:mm"_s);
    if (zone == QTimeZone::utc())
        return tr("%1 UTC").arg(when);
    // The abbreviation alone (PDT) is ambiguous across the world; the offset is not.
    return tr("%1 %2 (%3)").arg(when, zone.abbreviation(local), zone.displayName(local, QTimeZone::OffsetName));
}

QString EventTimelineModel::timeText(const Event &event) const
{
    if (event.occurredAt.isValid())
        return siteTime(event.occurredAt, m_zone);
    return tr("observed %1").arg(siteTime(event.observedAt, m_zone));
}

QString EventTimelineModel::describe(const Event &event, const QTimeZone &siteZone)
{
    switch (event.code) {
    case EventCode::VesselEta:
        return withTime(tr("Vessel ETA"), event.data.value(u"eta"_s), siteZone);
    case EventCode::VesselArrived:
        return tr("Vessel arrived");
    case EventCode::Discharged:
        return tr("Discharged from the vessel");
    case EventCode::Available:
        return tr("Available for pickup");
    case EventCode::NotAvailable:
        return tr("Not available for pickup");
    case EventCode::HoldAdded:
        return describeHold(event, true);
    case EventCode::HoldReleased:
        return describeHold(event, false);
    case EventCode::Released:
        return tr("Released by the terminal");
    case EventCode::LfdChanged:
        return describeLfd(event);
    case EventCode::PickupAppointment:
        return withTime(tr("Pickup appointment"), event.data.value(u"appointment_at"_s), siteZone);
    case EventCode::Outgated:
        return describeOutgate(event);
    case EventCode::EmptyReturned:
        return tr("Empty returned");
    case EventCode::GateIn:
        return tr("Gated in");
    case EventCode::Loaded:
        return tr("Loaded on a vessel");
    case EventCode::NotFound:
        return tr("Not found at the terminal");
    case EventCode::Other:
        return tr("Provider event: %1").arg(event.providerCode);
    }
    return event.providerCode;
}

QVariant EventTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_events.at(index.row());
    if (role == RawPayloadRole)
        return QString::fromUtf8(QJsonDocument(event.raw).toJson(QJsonDocument::Indented));
    if (role == EventCodeRole)
        return eventCodeName(event.code);
    if (role == Qt::ToolTipRole && index.column() == TimeColumn)
        return tr("Observed %1").arg(siteTime(event.observedAt, m_zone));
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return timeText(event);
    case EventColumn:
        return describe(event, m_zone);
    case ProviderCodeColumn:
        return event.providerCode;
    case LocationColumn:
        return event.location.lot.isEmpty() ? event.location.name
                                            : tr("%1 (%2)").arg(event.location.name, event.location.lot);
    case SourceColumn:
        return event.source;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EventTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case ProviderCodeColumn:
        return tr("Provider code");
    case LocationColumn:
        return tr("Location");
    case SourceColumn:
        return tr("Source");
    case ColumnCount:
        break;
    }
    return {};
}
