#pragma once

#include <QWidget>

class NotificationCenter;
class QListView;
class QPushButton;

// The in-app list of recent notifications, for coordinators without a system tray and for what
// the tray showed while they were away. Activating an entry asks to show that container.
class NotificationsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit NotificationsPanel(NotificationCenter &center, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    QSize sizeHint() const override; // what the dock opens at: about 45 characters wide

Q_SIGNALS:
    void containerActivated(const QString &number);

private:
    QListView *m_list;
    QPushButton *m_clear;
};
