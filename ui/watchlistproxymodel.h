#pragma once

#include "watchlistdrilldown.h"
#include "watchlistsorting.h"

#include <QAbstractProxyModel>
#include <QString>

#include <vector>

class WatchlistModel;

// The built-in saved views of the watchlist: everything, on hold, last free day within two days,
// available but not picked up, and errors.
enum class WatchlistView
{
    All,
    OnHold,
    LfdWithinTwoDays,
    AvailableNotPickedUp,
    Errors
};

// Filters and sorts the watchlist over index vectors with typed comparators. QSortFilterProxyModel
// compares QVariants and re-filters row by row, which is too slow for 100,000 containers; here a
// keystroke scans precomputed lower-case text (only the current matches when the text grows), and a
// sort orders integers or strings directly.
class WatchlistProxyModel final : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit WatchlistProxyModel(QObject *parent = nullptr);

    void setWatchlistModel(WatchlistModel *model);
    WatchlistModel *watchlistModel() const { return m_model; }

    // Case-insensitive substring of number, reference, vessel or bill of lading.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    void setView(WatchlistView view);
    WatchlistView view() const { return m_view; }
    // A dashboard bar's containers, on top of the view and the text filter.
    void setDrillDown(const WatchlistDrillDown &drillDown);
    const WatchlistDrillDown &drillDown() const { return m_drillDown; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int sourceRow(int proxyRow) const { return m_visible[size_t(proxyRow)]; }
    // -1 when the source row is filtered out (or unknown).
    int proxyRow(int sourceRow) const
    {
        return sourceRow >= 0 && size_t(sourceRow) < m_proxyRows.size() ? m_proxyRows[size_t(sourceRow)] : -1;
    }

Q_SIGNALS:
    void countChanged(int visible, int total);

private:
    void rebuildAll();
    void rebuildHaystacks();
    void sortOrderVector();
    std::vector<int> filtered(const std::vector<int> &candidates) const;
    bool accepts(int sourceRow) const;
    void setVisible(std::vector<int> visible);
    void applyRowsAsLayout(std::vector<int> visible);
    void onSourceDataChanged();
    void onSourceRowsInserted(int first, int last);

    WatchlistModel *m_model = nullptr;
    std::vector<QString> m_haystacks; // by source row
    WatchlistSorting::SortKeys m_sortKeys;
    std::vector<int> m_order;     // every source row, in sort order
    std::vector<int> m_visible;   // proxy row -> source row
    std::vector<int> m_proxyRows; // source row -> proxy row, -1 when filtered out
    QString m_filterText;
    WatchlistView m_view = WatchlistView::All;
    WatchlistDrillDown m_drillDown;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
