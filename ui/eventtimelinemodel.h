#pragma once

#include "event.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

// One container's events for the detail pane, newest first, in plain language ("Customs hold
// released", "Terminal LFD changed 2 Dec → 4 Dec") with times in the site's zone and its offset. An
// event the provider gave no time for shows when Quaywatch observed it instead, marked as such. The
// normalized code stays reachable through EventCodeRole, the provider's own code has its column.
class EventTimelineModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        EventColumn,
        LocationColumn,
        ProviderCodeColumn,
        SourceColumn,
        ColumnCount
    };
    enum Role
    {
        RawPayloadRole = Qt::UserRole + 1, // pretty-printed JSON of the provider payload
        EventCodeRole,                     // the normalized code, e.g. "LFD_CHANGED"
    };

    explicit EventTimelineModel(QObject *parent = nullptr);

    void setEvents(QList<Event> events, const QTimeZone &siteZone);
    void clear();
    const QList<Event> &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString timeText(const Event &event) const;

    // The event in the coordinator's words, with its values; names through tr(), dates through QLocale.
    static QString describe(const Event &event, const QTimeZone &siteZone);
    // "10 Mar 2026 05:00 PDT (UTC-07:00)": the site's local time, its zone and offset.
    static QString siteTime(const QDateTime &time, const QTimeZone &siteZone);
    static QString shortDate(const QDate &date); // "2 Dec", in the console's language

private:
    QList<Event> m_events;
    QTimeZone m_zone = QTimeZone::utc();
};
