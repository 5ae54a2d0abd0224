#pragma once

#include <QString>
#include <QVariant>

// The console's own preferences, kept in QSettings. Every key and its default sit in one table in
// the .cpp so a reader sees all of them at once and a missing value always has a sensible answer;
// tests point QSettings at a temporary folder (QSettings::setPath) or use their own organisation name.
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
