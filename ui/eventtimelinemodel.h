#pragma once

#include "event.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimeZone>

// One container's events for the detail pane, newest first, with times in the site's zone. An event
// the provider gave no time for shows when Quaywatch observed it instead, marked as such.
class EventTimelineModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        CodeColumn,
        ProviderCodeColumn,
        LocationColumn,
        SourceColumn,
        ColumnCount
    };
    enum Role
    {
        RawPayloadRole = Qt::UserRole + 1, // pretty-printed JSON of the provider payload
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

private:
    QList<Event> m_events;
    QTimeZone m_zone = QTimeZone::utc();
};
