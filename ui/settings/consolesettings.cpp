#include "consolesettings.h"

#include <QSettings>

#include <iterator>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Entry
{
    ConsoleSettings::Key key;
    QString name;
    QVariant defaultValue;
};

const Entry &entry(ConsoleSettings::Key key)
{
    static const Entry table[] = {
        {ConsoleSettings::Key::NotifyHoldReleased, u"notifications/holdReleased"_s, true},
        {ConsoleSettings::Key::NotifyAvailable, u"notifications/available"_s, true},
        {ConsoleSettings::Key::NotifyLfdTomorrow, u"notifications/lfdTomorrow"_s, true},
        {ConsoleSettings::Key::TrayMessages, u"notifications/tray"_s, true},
    };
    static_assert(std::size(table) == 4, "one row per key");
    return table[int(key)];
}

} // namespace

QString ConsoleSettings::name(Key key)
{
    return entry(key).name;
}

QVariant ConsoleSettings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

QVariant ConsoleSettings::value(Key key)
{
    const Entry &found = entry(key);
    return QSettings().value(found.name, found.defaultValue);
}

void ConsoleSettings::setValue(Key key, const QVariant &value)
{
    QSettings().setValue(entry(key).name, value);
}
