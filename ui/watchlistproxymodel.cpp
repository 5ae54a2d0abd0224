#include "watchlistproxymodel.h"

#include "watchlistmodel.h"
#include "watchlistsorting.h"

#include <numeric>

WatchlistProxyModel::WatchlistProxyModel(QObject *parent) : QAbstractProxyModel(parent) {}

void WatchlistProxyModel::setWatchlistModel(WatchlistModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = nullptr;
    m_haystacks.clear();
    m_order.clear();
    m_visible.clear();
    m_proxyRows.clear();
    QAbstractProxyModel::setSourceModel(model);
    beginResetModel();
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
        connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
            rebuildAll();
            endResetModel();
            Q_EMIT countChanged(rowCount(), m_model->rowCount());
        });
        connect(m_model, &QAbstractItemModel::dataChanged, this, &WatchlistProxyModel::onSourceDataChanged);
        // The watchlist model only resets or changes in place; anything else is handled by a reset.
        const auto reset = [this] {
            beginResetModel();
            rebuildAll();
            endResetModel();
        };
        connect(m_model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { onSourceRowsInserted(first, last); });
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, reset);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, reset);
    }
    rebuildAll();
    endResetModel();
}

void WatchlistProxyModel::rebuildHaystacks()
{
    m_haystacks.clear();
    m_sortKeys.clear();
    if (!m_model)
        return;
    m_haystacks.reserve(m_model->rows().size());
    for (const WatchlistRow &row : m_model->rows())
        m_haystacks.push_back(row.haystack());
}

void WatchlistProxyModel::sortOrderVector()
{
    const int total = m_model ? m_model->rowCount() : 0;
    m_order.resize(size_t(total));
    std::iota(m_order.begin(), m_order.end(), 0);
    if (m_model && m_sortColumn >= 0)
        WatchlistSorting::sort(m_order, m_model->rows(), m_sortColumn, m_sortOrder, m_sortKeys);
}

void WatchlistProxyModel::rebuildAll()
{
    rebuildHaystacks();
    sortOrderVector();
    std::vector<int> visible = filtered(m_order);
    m_visible = std::move(visible);
    m_proxyRows.assign(m_order.size(), -1);
    for (size_t i = 0; i < m_visible.size(); ++i)
        m_proxyRows[size_t(m_visible[i])] = int(i);
}

bool WatchlistProxyModel::accepts(int sourceRow) const
{
    const WatchlistRow &row = m_model->row(sourceRow);
    switch (m_view) {
    case WatchlistView::All:
        break;
    case WatchlistView::OnHold:
        if (row.holds.isEmpty())
            return false;
        break;
    case WatchlistView::LfdWithinTwoDays:
        if (!row.lfd.isValid() || row.pickedUp() || m_model->today().daysTo(row.lfd) > 2)
            return false;
        break;
    case WatchlistView::AvailableNotPickedUp:
        if (row.available != true || row.pickedUp())
            return false;
        break;
    case WatchlistView::Errors:
        if (row.lastError.isEmpty())
            return false;
        break;
    }
    if (!m_drillDown.matches(row))
        return false;
    return m_filterText.isEmpty() || m_haystacks[size_t(sourceRow)].contains(m_filterText);
}

std::vector<int> WatchlistProxyModel::filtered(const std::vector<int> &candidates) const
{
    if (m_filterText.isEmpty() && m_view == WatchlistView::All && !m_drillDown.isActive())
        return candidates;
    std::vector<int> result;
    result.reserve(candidates.size());
    for (const int sourceRow : candidates) {
        if (accepts(sourceRow))
            result.push_back(sourceRow);
    }
    return result;
}

// A different set of rows: reset (the selection goes, as in any filtered list).
void WatchlistProxyModel::setVisible(std::vector<int> visible)
{
    beginResetModel();
    m_visible = std::move(visible);
    m_proxyRows.assign(m_order.size(), -1);
    for (size_t i = 0; i < m_visible.size(); ++i)
        m_proxyRows[size_t(m_visible[i])] = int(i);
    endResetModel();
    Q_EMIT countChanged(rowCount(), m_model ? m_model->rowCount() : 0);
}

// The same rows in a new order: a layout change, so selections and the current row follow.
void WatchlistProxyModel::applyRowsAsLayout(std::vector<int> visible)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList sources;
    sources.reserve(before.size());
    for (const QModelIndex &index : before)
        sources.append(mapToSource(index));
    m_visible = std::move(visible);
    for (size_t i = 0; i < m_visible.size(); ++i)
        m_proxyRows[size_t(m_visible[i])] = int(i);
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &source : sources)
        after.append(mapFromSource(source));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void WatchlistProxyModel::setFilterText(const QString &text)
{
    const QString needle = text.trimmed().toLower();
    if (needle == m_filterText)
        return;
    // Typing more letters only narrows the matches, so only the current ones need a look.
    const bool narrowing = !m_filterText.isEmpty() && needle.contains(m_filterText);
    m_filterText = needle;
    setVisible(filtered(narrowing ? m_visible : m_order));
}

void WatchlistProxyModel::setView(WatchlistView view)
{
    if (view == m_view)
        return;
    m_view = view;
    setVisible(filtered(m_order));
}

void WatchlistProxyModel::setDrillDown(const WatchlistDrillDown &drillDown)
{
    if (drillDown == m_drillDown)
        return;
    m_drillDown = drillDown;
    setVisible(filtered(m_order));
}

void WatchlistProxyModel::sort(int column, Qt::SortOrder order)
{
    if (!m_model || column >= WatchlistModel::ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    sortOrderVector();
    std::vector<int> visible = filtered(m_order);
    applyRowsAsLayout(std::move(visible));
}

// A sync changed rows in place: refilter and resort, keeping the selection when the same rows remain.
void WatchlistProxyModel::onSourceDataChanged()
{
    rebuildHaystacks();
    sortOrderVector();
    std::vector<int> visible = filtered(m_order);
    std::vector<int> oldSorted = m_visible;
    std::vector<int> newSorted = visible;
    std::sort(oldSorted.begin(), oldSorted.end());
    std::sort(newSorted.begin(), newSorted.end());
    if (oldSorted != newSorted) {
        setVisible(std::move(visible));
        return;
    }
    if (visible != m_visible)
        applyRowsAsLayout(std::move(visible));
    if (!m_visible.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

// Rows streamed in at the end while the list is unsorted extend it in place, so what the user
// already selected or scrolled to stays put; anything else rebuilds.
void WatchlistProxyModel::onSourceRowsInserted(int first, int last)
{
    if (m_sortColumn >= 0 || size_t(first) != m_haystacks.size() || size_t(last) + 1 != m_model->rows().size()) {
        beginResetModel();
        rebuildAll();
        endResetModel();
        Q_EMIT countChanged(rowCount(), m_model->rowCount());
        return;
    }
    m_sortKeys.clear();
    std::vector<int> fresh;
    fresh.reserve(size_t(last - first + 1));
    for (int row = first; row <= last; ++row) {
        m_haystacks.push_back(m_model->row(row).haystack());
        m_order.push_back(row);
        m_proxyRows.push_back(-1);
        fresh.push_back(row);
    }
    const std::vector<int> accepted = filtered(fresh);
    if (!accepted.empty()) {
        const int start = rowCount();
        beginInsertRows({}, start, start + int(accepted.size()) - 1);
        for (const int row : accepted) {
            m_proxyRows[size_t(row)] = int(m_visible.size());
            m_visible.push_back(row);
        }
        endInsertRows();
    }
    Q_EMIT countChanged(rowCount(), m_model->rowCount());
}

QModelIndex WatchlistProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex WatchlistProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int WatchlistProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int WatchlistProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

QModelIndex WatchlistProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    return m_model->index(m_visible[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex WatchlistProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || size_t(sourceIndex.row()) >= m_proxyRows.size())
        return {};
    const int row = m_proxyRows[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QVariant WatchlistProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_model)
        return {};
    if (orientation == Qt::Horizontal)
        return m_model->headerData(section, orientation, role);
    return QAbstractProxyModel::headerData(section, orientation, role);
}
