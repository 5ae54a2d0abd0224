#include "notificationdetector.h"

#include "statuspresentation.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("NotificationDetector", text);
}

QString label(const WatchlistRow &row)
{
    return row.reference.isEmpty()
               ? row.number
               : QCoreApplication::translate("NotificationDetector", "%1 (%2)").arg(row.number, row.reference);
}

Notification make(NotificationKind kind, const WatchlistRow &row, const QString &text, const QDateTime &now)
{
    return {kind, row.id, row.number, text, now};
}

} // namespace

void NotificationDetector::compare(const WatchlistRow &before, const WatchlistRow &after, const QDateTime &now,
                                   const NotificationKinds &kinds, QList<Notification> &out)
{
    if (kinds.holdReleased) {
        for (const WatchlistHold &hold : before.holds) {
            if (!after.holds.contains(hold))
                out.append(make(NotificationKind::HoldReleased, after,
                                tr("%1: %2 hold released").arg(label(after), StatusPresentation::holdLabel(hold.type)),
                                now));
        }
    }
    // "Became" needs a known earlier state: the first trace of a container that is already available
    // is news to nobody's plan, and on a fresh watchlist it would flood the tray.
    const bool tracedBefore = before.lastTracedAt != WatchlistRow::noTime;
    if (kinds.becameAvailable && tracedBefore && before.available != true && after.available == true &&
        !after.pickedUp())
        out.append(
            make(NotificationKind::BecameAvailable, after, tr("%1 is available for pickup").arg(label(after)), now));
}

QList<Notification> NotificationDetector::changes(const std::vector<WatchlistRow> &previous,
                                                  const std::vector<WatchlistRow> &current, const QDate &today,
                                                  const QDateTime &now, const NotificationKinds &kinds)
{
    QList<Notification> found;
    if (kinds.holdReleased || kinds.becameAvailable) {
        // A sync changes rows in place, so the same order is the usual case and needs no lookup.
        const bool sameOrder = previous.size() == current.size() &&
                               std::equal(previous.begin(), previous.end(), current.begin(),
                                          [](const WatchlistRow &a, const WatchlistRow &b) { return a.id == b.id; });
        QHash<qint64, size_t> previousById;
        if (!sameOrder) {
            previousById.reserve(qsizetype(previous.size()));
            for (size_t i = 0; i < previous.size(); ++i)
                previousById.insert(previous[i].id, i);
        }
        for (size_t i = 0; i < current.size(); ++i) {
            if (sameOrder) {
                compare(previous[i], current[i], now, kinds, found);
                continue;
            }
            const auto before = previousById.constFind(current[i].id);
            if (before != previousById.cend())
                compare(previous[*before], current[i], now, kinds, found);
        }
    }
    if (kinds.lfdTomorrow)
        found += lfdTomorrow(current, 0, current.size(), today, now);
    return found;
}

QList<Notification> NotificationDetector::lfdTomorrow(const std::vector<WatchlistRow> &current, size_t from, size_t to,
                                                      const QDate &today, const QDateTime &now)
{
    if (today != m_lfdDay) {
        m_lfdDay = today;
        m_lfdNotified.clear();
    }
    const QDate tomorrow = today.addDays(1);
    QList<Notification> found;
    for (size_t i = from; i < std::min(to, current.size()); ++i) {
        const WatchlistRow &row = current[i];
        if (row.lfd != tomorrow || row.pickedUp() || m_lfdNotified.contains(row.id))
            continue;
        m_lfdNotified.insert(row.id);
        found.append(make(NotificationKind::LfdTomorrow, row,
                          tr("%1: last free day is tomorrow (%2)").arg(label(row), tomorrow.toString(Qt::ISODate)),
                          now));
    }
    return found;
}
