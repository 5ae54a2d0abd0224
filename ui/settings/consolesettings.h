#pragma once

#include <QString>
#include <QVariant>

// The switches of the Settings page (which notifications to show), by the page's own names. Their
// keys and defaults are rows of the one settings table (core/settings/settings.h); tests point
// QSettings at a temporary folder (QSettings::setPath) or use their own organisation name.
class ConsoleSettings final
{
public:
    enum class Key
    {
        NotifyHoldReleased,
        NotifyAvailable,
        NotifyLfdTomorrow,
        TrayMessages, // desktop (system tray) messages as well as the in-app list
    };

    static QString name(Key key);
    static QVariant defaultValue(Key key);
    static QVariant value(Key key);
    static void setValue(Key key, const QVariant &value);
    static bool isOn(Key key) { return value(key).toBool(); }
};
