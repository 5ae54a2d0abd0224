#include "notificationlistmodel.h"

#include <QColor>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

NotificationListModel::NotificationListModel(QObject *parent) : QAbstractListModel(parent) {}

void NotificationListModel::add(const QList<Notification> &notifications)
{
    if (notifications.isEmpty())
        return;
    const qsizetype incoming = std::min<qsizetype>(notifications.size(), capacity);
    const qsizetype overflow = m_items.size() + incoming - capacity;
    if (overflow > 0) {
        beginRemoveRows({}, int(m_items.size() - overflow), int(m_items.size() - 1));
        m_items.resize(m_items.size() - overflow);
        endRemoveRows();
    }
    beginInsertRows({}, 0, int(incoming - 1));
    QList<Notification> fresh;
    fresh.reserve(incoming + m_items.size());
    for (qsizetype i = notifications.size() - 1; i >= notifications.size() - incoming; --i)
        fresh.append(notifications[i]);
    fresh += m_items;
    m_items = std::move(fresh);
    endInsertRows();
}

void NotificationListModel::clear()
{
    if (m_items.isEmpty())
        return;
    beginResetModel();
    m_items.clear();
    endResetModel();
}

int NotificationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant NotificationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Notification &item = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1  %2").arg(item.at.toLocalTime().toString(u"HH:mm"_s), item.text);
    case Qt::ToolTipRole:
        return tr("%1\n%2").arg(Notification::title(item.kind),
                                item.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    case Qt::ForegroundRole:
        return item.kind == NotificationKind::LfdTomorrow ? QVariant(QColor(0xb0, 0x6a, 0x00)) : QVariant();
    case KindRole:
        return int(item.kind);
    case ContainerIdRole:
        return item.containerId;
    case NumberRole:
        return item.number;
    default:
        return {};
    }
}
