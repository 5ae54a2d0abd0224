#include "watchlistmodel.h"

#include "statuspresentation.h"

#include <QColor>
#include <QLocale>

#include <array>
#include <utility>

using namespace Qt::Literals::StringLiterals;

WatchlistModel::WatchlistModel(QObject *parent) : QAbstractTableModel(parent) {}

void WatchlistModel::setRows(std::vector<WatchlistRow> rows)
{
    const bool sameContainers = rows.size() == m_rows.size() &&
                                std::equal(rows.begin(), rows.end(), m_rows.begin(),
                                           [](const WatchlistRow &a, const WatchlistRow &b) { return a.id == b.id; });
    std::vector<WatchlistRow> previous = std::exchange(m_rows, {});
    if (sameContainers) {
        m_rows = std::move(rows);
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        Q_EMIT rowsReplaced(previous);
        return;
    }
    m_rows = std::move(previous);
    beginResetModel();
    previous = std::exchange(m_rows, std::move(rows));
    m_rowById.clear();
    m_rowById.reserve(qsizetype(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows[i].id, int(i));
    endResetModel();
    Q_EMIT rowsReplaced(previous);
}

void WatchlistModel::appendRows(std::vector<WatchlistRow> rows)
{
    if (rows.empty())
        return;
    const int first = rowCount();
    const int last = first + int(rows.size()) - 1;
    beginInsertRows({}, first, last);
    m_rows.reserve(m_rows.size() + rows.size());
    m_rowById.reserve(qsizetype(m_rows.size()) + qsizetype(rows.size()));
    for (WatchlistRow &row : rows) {
        m_rowById.insert(row.id, int(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
    Q_EMIT rowsAppended(first, last);
}

void WatchlistModel::updateRows(std::vector<WatchlistRow> rows)
{
    std::vector<WatchlistRow> added;
    for (WatchlistRow &row : rows) {
        const int at = rowForId(row.id);
        if (at < 0) {
            added.push_back(std::move(row));
            continue;
        }
        m_rows[size_t(at)] = std::move(row);
        Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
    }
    appendRows(std::move(added));
}

int WatchlistModel::rowForId(qint64 id) const
{
    return m_rowById.value(id, -1);
}

void WatchlistModel::setToday(const QDate &today)
{
    if (today == m_today)
        return;
    m_today = today;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, LfdColumn), index(rowCount() - 1, LfdColumn));
}

void WatchlistModel::setTimeZoneResolver(TimeZoneResolver resolver)
{
    m_resolver = std::move(resolver);
    m_zones.clear();
}

int WatchlistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WatchlistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QTimeZone WatchlistModel::zoneFor(const WatchlistRow &row) const
{
    if (!m_resolver)
        return QTimeZone::utc();
    const QString key = row.provider + u'/' + row.site;
    auto found = m_zones.constFind(key);
    if (found == m_zones.cend())
        found = m_zones.insert(key, m_resolver(row.provider, row.site));
    return found->isValid() ? *found : QTimeZone::utc();
}

// Times are shown in the site's own zone, as the terminal's staff and the coordinator's trucker read them.
QString WatchlistModel::formatTime(const WatchlistRow &row, qint64 msecs) const
{
    if (msecs == WatchlistRow::noTime)
        return {};
    // With the zone's abbreviation: a coordinator in one zone often watches terminals in another.
    return WatchlistRow::toDateTime(msecs).toTimeZone(zoneFor(row)).toString(u"yyyy-MM-dd HH:mm t"_s);
}

QString WatchlistModel::displayText(const WatchlistRow &row, int column) const
{
    switch (Column(column)) {
    case NumberColumn:
        return row.number;
    case ReferenceColumn:
        return row.reference;
    case StatusColumn:
        return StatusPresentation::statusLabel(row.status);
    case HoldsColumn: {
        QStringList labels;
        for (const WatchlistHold &hold : row.holds)
            labels.append(StatusPresentation::holdLabel(hold.type));
        return labels.join(u", "_s);
    }
    case LfdColumn:
        if (!row.lfd.isValid())
            return {};
        // Days left only count while the container is still at the terminal.
        if (row.pickedUp() || !m_today.isValid())
            return row.lfd.toString(Qt::ISODate);
        return tr("%1 (%2)").arg(row.lfd.toString(Qt::ISODate), StatusPresentation::lfdDaysLeft(row.lfd, m_today));
    case AvailableColumn:
        return row.available ? (*row.available ? tr("Yes") : tr("No")) : QString();
    case VesselColumn:
        return row.voyage.isEmpty() ? row.vessel : tr("%1 / %2").arg(row.vessel, row.voyage);
    case EtaColumn:
        return formatTime(row, row.vesselEta);
    case DischargedColumn:
        return formatTime(row, row.dischargedAt);
    case OutgatedColumn:
        return formatTime(row, row.outgatedAt);
    case EmptyReturnedColumn:
        return formatTime(row, row.emptyReturnedAt);
    case AppointmentColumn:
        return formatTime(row, row.appointmentAt);
    case LocationColumn:
        return row.location;
    case DemurrageColumn:
        return row.hasDemurrage ? QLocale().toString(row.demurrage, 'f', 2) : QString();
    case LastTracedColumn:
        return formatTime(row, row.lastTracedAt);
    case LastErrorColumn:
        return row.lastError;
    case BillOfLadingColumn:
        return row.billOfLading;
    case SiteColumn:
        return row.site;
    case TracingColumn:
        switch (row.traceState) {
        case TraceState::Active:
            return tr("Active");
        case TraceState::Cancelled:
            return tr("Cancelled");
        case TraceState::Expired:
            return tr("Expired");
        case TraceState::Completed:
            return tr("Completed");
        }
        return {};
    case ColumnCount:
        break;
    }
    return {};
}

QVariant WatchlistModel::foreground(const WatchlistRow &row, int column) const
{
    if (column == LfdColumn && row.lfd.isValid() && !row.pickedUp()) {
        const QColor color = StatusPresentation::lfdColor(row.lfd, m_today);
        if (color.isValid())
            return color;
    }
    if (column == LastErrorColumn && !row.lastError.isEmpty())
        return QColor(0xc6, 0x28, 0x28);
    return {};
}

QString WatchlistModel::toolTip(const WatchlistRow &row, int column) const
{
    if (column == HoldsColumn) {
        QStringList lines;
        for (const WatchlistHold &hold : row.holds)
            lines.append(tr("%1: %2").arg(StatusPresentation::holdLabel(hold.type), hold.sourceCode));
        return lines.join(u'\n');
    }
    if (column == LfdColumn && row.lfd.isValid())
        return tr("Terminal LFD: %1\nLine LFD: %2")
            .arg(row.lfdTerminal.isValid() ? row.lfdTerminal.toString(Qt::ISODate) : tr("none"),
                 row.lfdLine.isValid() ? row.lfdLine.toString(Qt::ISODate) : tr("none"));
    if (column == LastErrorColumn)
        return row.lastError;
    return {};
}

QVariant WatchlistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WatchlistRow &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ForegroundRole:
        return foreground(row, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case HoldTypesRole: {
        if (index.column() != HoldsColumn)
            return {};
        QVariantList types;
        for (const WatchlistHold &hold : row.holds)
            types.append(int(hold.type));
        return types;
    }
    case ContainerIdRole:
        return row.id;
    case NumberRole:
        return row.number;
    default:
        return {};
    }
}

QVariant WatchlistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static constexpr std::array<const char *, ColumnCount> titles = {
        QT_TR_NOOP("Container"),
        QT_TR_NOOP("Reference"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Holds"),
        QT_TR_NOOP("LFD"),
        QT_TR_NOOP("Available"),
        QT_TR_NOOP("Vessel"),
        QT_TR_NOOP("ETA"),
        QT_TR_NOOP("Discharged"),
        QT_TR_NOOP("Outgated"),
        QT_TR_NOOP("Empty returned"),
        QT_TR_NOOP("Appointment"),
        QT_TR_NOOP("Location"),
        QT_TR_NOOP("Demurrage"),
        QT_TR_NOOP("Last traced"),
        QT_TR_NOOP("Last error"),
        QT_TR_NOOP("Bill of lading"),
        QT_TR_NOOP("Site"),
        QT_TR_NOOP("Tracing"),
    };
    if (section < 0 || section >= ColumnCount)
        return {};
    return tr(titles[size_t(section)]);
}
