#include "todaymodel.h"

#include "clock.h"

#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// Container rows carry their group + 1 as internal id; group rows carry 0.
constexpr quintptr groupRowId = 0;

bool earlierLfd(const WatchlistRow &a, const WatchlistRow &b)
{
    if (a.lfd.isValid() != b.lfd.isValid())
        return a.lfd.isValid();
    return a.lfd < b.lfd;
}

qint64 earliestHold(const WatchlistRow &row)
{
    qint64 since = std::numeric_limits<qint64>::max();
    for (const WatchlistHold &hold : row.holds) {
        if (hold.since != WatchlistRow::noTime)
            since = std::min(since, hold.since);
    }
    return since;
}

// Within a group, what costs money first: by LFD (then the oldest hold) for the LFD and hold groups,
// errors before conflicts before stale data for the data problems; the number breaks ties.
bool moreUrgent(TodaySituation situation, const WatchlistRow &a, const WatchlistRow &b)
{
    switch (situation) {
    case TodaySituation::LfdOverdue:
    case TodaySituation::OnHold:
    case TodaySituation::AvailableNotPickedUp:
        if (a.lfd != b.lfd)
            return earlierLfd(a, b);
        if (earliestHold(a) != earliestHold(b))
            return earliestHold(a) < earliestHold(b);
        break;
    case TodaySituation::LfdToday:
    case TodaySituation::LfdTomorrow:
        if (a.holds.isEmpty() != b.holds.isEmpty())
            return !a.holds.isEmpty(); // a held box may not make it out in time
        break;
    case TodaySituation::DataProblem: {
        const auto rank = [](const WatchlistRow &row) {
            return !row.lastError.isEmpty() ? 0 : TodaySituations::providersDisagree(row) ? 1 : 2;
        };
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        if (a.lastTracedAt != b.lastTracedAt)
            return a.lastTracedAt < b.lastTracedAt;
        break;
    }
    }
    return a.number < b.number;
}
} // namespace

TodayModel::TodayModel(const Clock &clock, QObject *parent) : QAbstractItemModel(parent), m_clock(clock) {}

void TodayModel::setTimeZoneResolver(TimeZoneResolver resolver)
{
    m_resolver = std::move(resolver);
    m_zones.clear();
}

void TodayModel::setRows(const std::vector<WatchlistRow> &rows)
{
    beginResetModel();
    m_now = m_clock.now().toUTC();
    m_today = m_now.toLocalTime().date();
    for (auto &group : m_groups)
        group.clear();
    TodaySituations::Facts facts{m_today, m_now, {}};
    for (const WatchlistRow &row : rows) {
        if (const std::optional<TodaySituation> situation = TodaySituations::classify(row, facts))
            m_groups[size_t(*situation)].push_back({row, -1});
    }
    for (int situation = 0; situation < todaySituationCount; ++situation)
        sortGroup(TodaySituation(situation));
    linkAcknowledgements();
    endResetModel();
}

void TodayModel::sortGroup(TodaySituation situation)
{
    std::vector<Item> &group = m_groups[size_t(situation)];
    std::sort(group.begin(), group.end(),
              [situation](const Item &a, const Item &b) { return moreUrgent(situation, a.row, b.row); });
}

void TodayModel::setAcknowledgements(const QList<Acknowledgement> &acknowledgements)
{
    beginResetModel();
    m_acknowledgements = acknowledgements;
    linkAcknowledgements();
    endResetModel();
}

// An acknowledgement counts for its container while the container stays in the situation it was
// given for; the newest one wins. Acknowledged containers go to the end of their group.
void TodayModel::linkAcknowledgements()
{
    QHash<QString, int> newest;
    for (int i = int(m_acknowledgements.size()) - 1; i >= 0; --i) // the list is newest first
        newest.insert(m_acknowledgements[i].containerNumber + u'/' + m_acknowledgements[i].situation, i);
    for (int situation = 0; situation < todaySituationCount; ++situation) {
        const QString key = TodaySituations::key(TodaySituation(situation));
        std::vector<Item> &group = m_groups[size_t(situation)];
        for (Item &item : group)
            item.acknowledgement = newest.value(item.row.number + u'/' + key, -1);
        std::stable_partition(group.begin(), group.end(), [](const Item &item) { return item.acknowledgement < 0; });
    }
}

QModelIndex TodayModel::groupIndex(TodaySituation situation) const
{
    return index(int(situation), 0);
}

const TodayModel::Item *TodayModel::itemAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == groupRowId)
        return nullptr;
    const std::vector<Item> &group = m_groups[size_t(index.internalId() - 1)];
    return index.row() < int(group.size()) ? &group[size_t(index.row())] : nullptr;
}

TodaySituations::Facts TodayModel::factsFor(const WatchlistRow &row) const
{
    QTimeZone zone = QTimeZone::utc();
    if (m_resolver) {
        const QString key = row.provider + u'/' + row.site;
        auto found = m_zones.constFind(key);
        if (found == m_zones.cend())
            found = m_zones.insert(key, m_resolver(row.provider, row.site));
        if (found->isValid())
            zone = *found;
    }
    return {m_today, m_now, zone};
}

QString TodayModel::sentenceAt(const QModelIndex &index) const
{
    const Item *item = itemAt(index);
    return item ? TodaySituations::sentence(item->row, TodaySituation(index.internalId() - 1), factsFor(item->row))
                : QString();
}

QModelIndex TodayModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < todaySituationCount ? createIndex(row, column, groupRowId) : QModelIndex();
    if (parent.internalId() != groupRowId || parent.column() != 0)
        return {};
    if (row >= int(m_groups[size_t(parent.row())].size()))
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex TodayModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == groupRowId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, groupRowId);
}

int TodayModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return todaySituationCount;
    if (parent.internalId() != groupRowId || parent.column() != 0)
        return 0;
    return int(m_groups[size_t(parent.row())].size());
}

int TodayModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant TodayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == groupRowId)
        return groupData(TodaySituation(index.row()), index.column(), role);
    const Item *item = itemAt(index);
    return item ? containerData(*item, TodaySituation(index.internalId() - 1), index.column(), role) : QVariant();
}

QVariant TodayModel::groupData(TodaySituation situation, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return column == ContainerColumn ? tr("%1 (%2)").arg(TodaySituations::title(situation)).arg(count(situation))
                                         : QVariant();
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case SituationKeyRole:
        return TodaySituations::key(situation);
    case CountRole:
        return count(situation);
    default:
        return {};
    }
}

QVariant TodayModel::containerData(const Item &item, TodaySituation situation, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case ContainerColumn:
            return item.row.number;
        case SituationColumn:
            return TodaySituations::sentence(item.row, situation, factsFor(item.row));
        case ReferenceColumn:
            return item.row.reference;
        case AcknowledgedColumn:
            return item.acknowledgement < 0 ? QString() : acknowledgementText(m_acknowledgements[item.acknowledgement]);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return column == AcknowledgedColumn && item.acknowledgement >= 0
                   ? QVariant(acknowledgementText(m_acknowledgements[item.acknowledgement]))
                   : QVariant();
    case Qt::ForegroundRole:
        if (item.acknowledgement >= 0)
            return QColor(0x61, 0x61, 0x61); // handled: still listed, but quieter
        if (column == SituationColumn && situation == TodaySituation::LfdOverdue)
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case NumberRole:
        return item.row.number;
    case ContainerIdRole:
        return item.row.id;
    case SituationKeyRole:
        return TodaySituations::key(situation);
    default:
        return {};
    }
}

QString TodayModel::acknowledgementText(const Acknowledgement &acknowledgement) const
{
    const QString when = QLocale().toString(acknowledgement.at.toLocalTime(), u"d MMM HH:mm"_s);
    return acknowledgement.note.isEmpty() ? tr("%1, %2").arg(acknowledgement.user, when)
                                          : tr("%1, %2: %3").arg(acknowledgement.user, when, acknowledgement.note);
}

QVariant TodayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ContainerColumn:
        return tr("Container");
    case SituationColumn:
        return tr("What needs doing");
    case ReferenceColumn:
        return tr("Reference");
    case AcknowledgedColumn:
        return tr("Acknowledged");
    case ColumnCount:
        break;
    }
    return {};
}
