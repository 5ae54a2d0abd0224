#pragma once

#include "notificationdetector.h"
#include "notificationlistmodel.h"

#include <QObject>

#include <functional>

class Clock;
class QSystemTrayIcon;
class WatchlistModel;

// Turns watchlist updates into notifications: every time the watchlist model takes new rows (a sync
// wrote results) the detector compares them with the previous ones, the kinds switched off in the
// settings are dropped, the rest go to the in-app list and, where a system tray exists, to one
// desktop message per update.
class NotificationCenter final : public QObject
{
    Q_OBJECT

public:
    using Messenger = std::function<void(const QString &title, const QString &text)>;

    // clock stamps each notification; it must outlive the center.
    NotificationCenter(WatchlistModel &model, const Clock &clock, QObject *parent = nullptr);
    ~NotificationCenter() override;

    NotificationListModel *list() { return &m_list; }
    int unread() const { return m_unread; }
    void markRead();
    // Where desktop messages go: the system tray by default (nothing when there is none). Tests
    // record them instead.
    void setMessenger(Messenger messenger);

Q_SIGNALS:
    void notified(const QList<Notification> &notifications);
    void unreadChanged(int unread);

private:
    void onRowsReplaced(const std::vector<WatchlistRow> &previous);
    void onRowsAppended(int first, int last);
    void publish(const QList<Notification> &notifications);
    static NotificationKinds wantedKinds();

    WatchlistModel &m_model;
    const Clock &m_clock;
    NotificationDetector m_detector;
    NotificationListModel m_list;
    QSystemTrayIcon *m_tray = nullptr;
    Messenger m_messenger;
    int m_unread = 0;
};
