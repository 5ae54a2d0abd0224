#include "eventtimelinemodel.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

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

QString EventTimelineModel::timeText(const Event &event) const
{
    // "t" names the zone (e.g. PDT), so nobody mistakes terminal time for their own.
    const QString format = u"yyyy-MM-dd HH:mm t"_s;
    if (event.occurredAt.isValid())
        return event.occurredAt.toTimeZone(m_zone).toString(format);
    return tr("observed %1").arg(event.observedAt.toTimeZone(m_zone).toString(format));
}

QVariant EventTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_events.at(index.row());
    if (role == RawPayloadRole)
        return QString::fromUtf8(QJsonDocument(event.raw).toJson(QJsonDocument::Indented));
    if (role == Qt::ToolTipRole && index.column() == TimeColumn)
        return tr("Observed %1 UTC").arg(event.observedAt.toUTC().toString(Qt::ISODate));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return timeText(event);
    case CodeColumn:
        return eventCodeName(event.code);
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
    case CodeColumn:
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
