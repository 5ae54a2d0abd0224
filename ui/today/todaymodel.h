#pragma once

#include "storage/acknowledgementrecord.h"
#include "todaysituation.h"
#include "watchlistrow.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

#include <array>
#include <functional>
#include <vector>

class Clock;

// The Today page's tree: one top-level row per TodaySituation (most urgent first, with its count),
// under it the containers in that situation, ordered by urgency, each with the sentence a coordinator
// reads and the acknowledgement given for it, if any. Built from the rows the watchlist already holds;
// "now" and "today" come from the injected clock at each rebuild.
class TodayModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        ContainerColumn,
        SituationColumn,
        ReferenceColumn,
        AcknowledgedColumn,
        ColumnCount
    };
    enum Role
    {
        NumberRole = Qt::UserRole + 1, // containers only
        ContainerIdRole,
        SituationKeyRole, // TodaySituations::key of the row's group
        CountRole,        // groups only: how many containers
    };
    using TimeZoneResolver = std::function<QTimeZone(const QString &provider, const QString &site)>;

    explicit TodayModel(const Clock &clock, QObject *parent = nullptr);

    void setTimeZoneResolver(TimeZoneResolver resolver);
    // Sorts rows into the groups again (resets the model).
    void setRows(const std::vector<WatchlistRow> &rows);
    void setAcknowledgements(const QList<Acknowledgement> &acknowledgements);

    int count(TodaySituation situation) const { return int(m_groups[size_t(situation)].size()); }
    QModelIndex groupIndex(TodaySituation situation) const;
    // The sentence shown for a container of the model; empty for a group index.
    QString sentenceAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Item
    {
        WatchlistRow row;
        int acknowledgement = -1; // index into m_acknowledgements
    };

    const Item *itemAt(const QModelIndex &index) const;
    TodaySituations::Facts factsFor(const WatchlistRow &row) const;
    QVariant groupData(TodaySituation situation, int column, int role) const;
    QVariant containerData(const Item &item, TodaySituation situation, int column, int role) const;
    QString acknowledgementText(const Acknowledgement &acknowledgement) const;
    void linkAcknowledgements();
    void sortGroup(TodaySituation situation);

    const Clock &m_clock;
    TimeZoneResolver m_resolver;
    mutable QHash<QString, QTimeZone> m_zones;
    std::array<std::vector<Item>, todaySituationCount> m_groups;
    QList<Acknowledgement> m_acknowledgements;
    QDate m_today;
    QDateTime m_now;
};
