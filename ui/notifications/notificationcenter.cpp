#include "notificationcenter.h"

#include "clock.h"
#include "consolesettings.h"
#include "watchlistmodel.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int trayLines = 3; // a desktop message shows a few lines; the rest is in the in-app list

QIcon trayIcon()
{
    if (!QApplication::windowIcon().isNull())
        return QApplication::windowIcon();
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(0x1e, 0x63, 0xb4));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(2, 2, 28, 28);
    return {pixmap};
}

} // namespace

NotificationCenter::NotificationCenter(WatchlistModel &model, const Clock &clock, QObject *parent)
    : QObject(parent), m_model(model), m_clock(clock)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(trayIcon(), this);
        m_tray->setToolTip(tr("Quaywatch"));
        m_tray->show();
        m_messenger = [this](const QString &title, const QString &text) {
            m_tray->showMessage(title, text, QSystemTrayIcon::Information, 10000);
        };
    }
    connect(&m_model, &WatchlistModel::rowsReplaced, this, &NotificationCenter::onRowsReplaced);
    connect(&m_model, &WatchlistModel::rowsAppended, this, &NotificationCenter::onRowsAppended);
}

NotificationCenter::~NotificationCenter() = default;

void NotificationCenter::setMessenger(Messenger messenger)
{
    m_messenger = std::move(messenger);
}

void NotificationCenter::markRead()
{
    if (m_unread == 0)
        return;
    m_unread = 0;
    Q_EMIT unreadChanged(0);
}

NotificationKinds NotificationCenter::wantedKinds()
{
    NotificationKinds kinds;
    kinds.holdReleased = ConsoleSettings::isOn(ConsoleSettings::Key::NotifyHoldReleased);
    kinds.becameAvailable = ConsoleSettings::isOn(ConsoleSettings::Key::NotifyAvailable);
    kinds.lfdTomorrow = ConsoleSettings::isOn(ConsoleSettings::Key::NotifyLfdTomorrow);
    return kinds;
}

void NotificationCenter::onRowsReplaced(const std::vector<WatchlistRow> &previous)
{
    publish(m_detector.changes(previous, m_model.rows(), m_model.today(), m_clock.now(), wantedKinds()));
}

void NotificationCenter::onRowsAppended(int first, int last)
{
    if (!wantedKinds().lfdTomorrow)
        return;
    publish(m_detector.lfdTomorrow(m_model.rows(), size_t(first), size_t(last) + 1, m_model.today(), m_clock.now()));
}

void NotificationCenter::publish(const QList<Notification> &notifications)
{
    if (notifications.isEmpty())
        return;
    m_list.add(notifications);
    m_unread += int(notifications.size());
    Q_EMIT notified(notifications);
    Q_EMIT unreadChanged(m_unread);
    if (!m_messenger || !ConsoleSettings::isOn(ConsoleSettings::Key::TrayMessages))
        return;
    // One desktop message per update, however many containers changed.
    if (notifications.size() == 1) {
        m_messenger(Notification::title(notifications.first().kind), notifications.first().text);
        return;
    }
    QStringList lines;
    for (qsizetype i = 0; i < std::min<qsizetype>(trayLines, notifications.size()); ++i)
        lines.append(notifications[i].text);
    if (notifications.size() > trayLines)
        lines.append(tr("… and %n more in Quaywatch", nullptr, int(notifications.size() - trayLines)));
    m_messenger(tr("%n container update(s)", nullptr, int(notifications.size())), lines.join(u'\n'));
}
