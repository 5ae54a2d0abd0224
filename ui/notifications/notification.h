#pragma once

#include <QDateTime>
#include <QString>

enum class NotificationKind
{
    HoldReleased,
    BecameAvailable,
    LfdTomorrow
};

// One thing a coordinator is told about: a hold released, a container available, an LFD tomorrow.
struct Notification
{
    NotificationKind kind = NotificationKind::HoldReleased;
    qint64 containerId = 0;
    QString number;
    QString text; // one line, ready to show
    QDateTime at; // when Quaywatch noticed it (UTC)

    static QString title(NotificationKind kind);
    bool operator==(const Notification &) const = default;
};

// Which kinds the coordinator wants (Settings); all on by default.
struct NotificationKinds
{
    bool holdReleased = true;
    bool becameAvailable = true;
    bool lfdTomorrow = true;

    bool wants(NotificationKind kind) const;
};
