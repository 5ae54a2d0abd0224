#pragma once

#include "watchlistrow.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QTimeZone>

#include <functional>
#include <vector>

// The watchlist table: every container of the entity held in memory as compact rows, so scrolling,
// filtering and sorting never touch the database. Filtering and sorting live in WatchlistProxyModel.
class WatchlistModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        ReferenceColumn,
        StatusColumn,
        HoldsColumn,
        LfdColumn,
        AvailableColumn,
        VesselColumn,
        EtaColumn,
        DischargedColumn,
        OutgatedColumn,
        EmptyReturnedColumn,
        AppointmentColumn,
        LocationColumn,
        DemurrageColumn,
        LastTracedColumn,
        LastErrorColumn,
        BillOfLadingColumn,
        SiteColumn,
        TracingColumn,
        ColumnCount
    };
    enum Role
    {
        HoldTypesRole = Qt::UserRole + 1, // QVariantList of int(HoldType), for the chips
        ContainerIdRole,
        NumberRole,
    };

    using TimeZoneResolver = std::function<QTimeZone(const QString &provider, const QString &site)>;

    explicit WatchlistModel(QObject *parent = nullptr);

    // Replaces the rows. The same containers in the same order (a sync updated them) change in place
    // so selections survive; anything else resets the model.
    void setRows(std::vector<WatchlistRow> rows);
    // Adds rows after the current ones (the first load streams in chunks).
    void appendRows(std::vector<WatchlistRow> rows);
    // Puts rows that another console or worker changed in place (by id) and appends the new ones,
    // so a live update never resets the view.
    void updateRows(std::vector<WatchlistRow> rows);
    const std::vector<WatchlistRow> &rows() const { return m_rows; }
    const WatchlistRow &row(int index) const { return m_rows[size_t(index)]; }
    int rowForId(qint64 id) const; // -1 when not loaded

    void setToday(const QDate &today);
    QDate today() const { return m_today; }
    void setTimeZoneResolver(TimeZoneResolver resolver);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString displayText(const WatchlistRow &row, int column) const;
    QString formatTime(const WatchlistRow &row, qint64 msecs) const;

Q_SIGNALS:
    // After setRows, with the rows it replaced (e.g. for notifications about what a sync changed).
    void rowsReplaced(const std::vector<WatchlistRow> &previous);
    // After appendRows: rows first..last are new.
    void rowsAppended(int first, int last);

private:
    QVariant foreground(const WatchlistRow &row, int column) const;
    QString toolTip(const WatchlistRow &row, int column) const;
    QTimeZone zoneFor(const WatchlistRow &row) const;

    std::vector<WatchlistRow> m_rows;
    QHash<qint64, int> m_rowById;
    QDate m_today; // invalid until setToday: no days-left text rather than the wrong day
    TimeZoneResolver m_resolver;
    mutable QHash<QString, QTimeZone> m_zones; // by "provider/site"
};
