#include "notification.h"

#include <QCoreApplication>

QString Notification::title(NotificationKind kind)
{
    switch (kind) {
    case NotificationKind::HoldReleased:
        return QCoreApplication::translate("Notification", "Hold released");
    case NotificationKind::BecameAvailable:
        return QCoreApplication::translate("Notification", "Available for pickup");
    case NotificationKind::LfdTomorrow:
        return QCoreApplication::translate("Notification", "Last free day tomorrow");
    }
    return {};
}

bool NotificationKinds::wants(NotificationKind kind) const
{
    switch (kind) {
    case NotificationKind::HoldReleased:
        return holdReleased;
    case NotificationKind::BecameAvailable:
        return becameAvailable;
    case NotificationKind::LfdTomorrow:
        return lfdTomorrow;
    }
    return false;
}
