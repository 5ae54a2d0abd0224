#include "consolesettings.h"

#include "settings.h"

namespace {

// The notification switches are rows of the one settings table (core/settings/settings.h).
SettingKey settingKey(ConsoleSettings::Key key)
{
    switch (key) {
    case ConsoleSettings::Key::NotifyHoldReleased:
        return SettingKey::NotifyHoldReleased;
    case ConsoleSettings::Key::NotifyAvailable:
        return SettingKey::NotifyAvailable;
    case ConsoleSettings::Key::NotifyLfdTomorrow:
        return SettingKey::NotifyLfdTomorrow;
    case ConsoleSettings::Key::TrayMessages:
        return SettingKey::TrayMessages;
    }
    return SettingKey::TrayMessages;
}

} // namespace

QString ConsoleSettings::name(Key key)
{
    return Settings::storageName(settingKey(key));
}

QVariant ConsoleSettings::defaultValue(Key key)
{
    return Settings::definition(settingKey(key)).defaultValue;
}

QVariant ConsoleSettings::value(Key key)
{
    return Settings().value(settingKey(key));
}

void ConsoleSettings::setValue(Key key, const QVariant &value)
{
    Settings().setValue(settingKey(key), value);
}
