#pragma once

#include "notification.h"

#include <QAbstractListModel>
#include <QList>

// The in-app list of recent notifications, newest first and bounded, so a busy day never grows it
// without end. It also keeps what the tray may have shown while nobody was looking.
class NotificationListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1,
        ContainerIdRole,
        NumberRole,
    };
    static constexpr int capacity = 200;

    explicit NotificationListModel(QObject *parent = nullptr);

    // Newest last in the argument; they go on top of the list.
    void add(const QList<Notification> &notifications);
    void clear();
    const QList<Notification> &notifications() const { return m_items; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Notification> m_items; // newest first
};
