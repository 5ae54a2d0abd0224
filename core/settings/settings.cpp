#include "settings.h"

#include <QSettings>
#include <QUrl>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

// The one table: every key, its scope, type and default. The names are the ones Quaywatch has
// always used, so settings written before this table existed are read as they are.
const auto definitions = std::to_array<SettingDefinition>({
    {SettingKey::SettingsVersion, u"settingsVersion"_s, SettingScope::User, QMetaType::Int, 0},
    {SettingKey::MainWindowGeometry, u"mainwindow/geometry"_s, SettingScope::User, QMetaType::QByteArray, {}},
    {SettingKey::MainWindowState, u"mainwindow/state"_s, SettingScope::User, QMetaType::QByteArray, {}},
    {SettingKey::MainWindowPage, u"mainwindow/page"_s, SettingScope::User, QMetaType::QString, u"watchlist"_s},
    {SettingKey::NotifyHoldReleased, u"notifications/holdReleased"_s, SettingScope::User, QMetaType::Bool, true},
    {SettingKey::NotifyAvailable, u"notifications/available"_s, SettingScope::User, QMetaType::Bool, true},
    {SettingKey::NotifyLfdTomorrow, u"notifications/lfdTomorrow"_s, SettingScope::User, QMetaType::Bool, true},
    {SettingKey::TrayMessages, u"notifications/tray"_s, SettingScope::User, QMetaType::Bool, true},
    {SettingKey::Language, u"ui/language"_s, SettingScope::User, QMetaType::QString, QString()},
    {SettingKey::InboxFolder, u"import/inboxFolder"_s, SettingScope::User, QMetaType::QString, QString()},
    {SettingKey::WebhookListen, u"webhooks/listen"_s, SettingScope::User, QMetaType::QString, u"127.0.0.1:8787"_s},
    {SettingKey::Entities, u"entities"_s, SettingScope::User, QMetaType::QStringList, QStringList()},
    {SettingKey::CurrentEntity, u"currentEntity"_s, SettingScope::User, QMetaType::QString, QString()},
    {SettingKey::SavedViews, u"watchlist/views"_s, SettingScope::User, QMetaType::QVariantList, {}},
    {SettingKey::ImportLayout, u"import/layouts"_s, SettingScope::PerFileLayout, QMetaType::QByteArray, {}},
    {SettingKey::SyncCycleDeadlineSeconds, u"sync/cycleDeadlineSeconds"_s, SettingScope::User, QMetaType::Int, 600},
    {SettingKey::WatchlistColumnWidths, u"watchlist/columnWidths"_s, SettingScope::PerView, QMetaType::QString,
     QString()},
    {SettingKey::ConsoleViewOnly, u"sync/consoleViewOnly"_s, SettingScope::User, QMetaType::QString, u"auto"_s},
});
static_assert(definitions.size() == size_t(SettingKey::ConsoleViewOnly) + 1, "one row per key, in enum order");

} // namespace

Settings::Settings() : m_own(std::make_unique<QSettings>()), m_storage(m_own.get()) {}

Settings::Settings(QSettings &storage) : m_storage(&storage) {}

Settings::~Settings() = default;

std::span<const SettingDefinition> Settings::table()
{
    return definitions;
}

const SettingDefinition &Settings::definition(SettingKey key)
{
    return definitions[size_t(key)];
}

QString Settings::storageName(SettingKey key, const QString &qualifier)
{
    const SettingDefinition &found = definition(key);
    switch (found.scope) {
    case SettingScope::User:
        return found.name;
    case SettingScope::PerEntity:
        return u"entities/"_s % qualifier % u'/' % found.name;
    case SettingScope::PerFileLayout:
        return found.name % u'/' % qualifier;
    case SettingScope::PerView: // a view's name may hold '/' or '=', which QSettings reads as structure
        return found.name % u'/' % QString::fromLatin1(QUrl::toPercentEncoding(qualifier));
    }
    return found.name;
}

QVariant Settings::value(SettingKey key, const QString &qualifier) const
{
    const SettingDefinition &found = definition(key);
    QVariant stored = m_storage->value(storageName(key, qualifier));
    if (!stored.isValid() || !stored.convert(QMetaType(found.type)))
        return found.defaultValue;
    return stored;
}

bool Settings::contains(SettingKey key, const QString &qualifier) const
{
    return m_storage->contains(storageName(key, qualifier));
}

void Settings::setValue(SettingKey key, const QVariant &value, const QString &qualifier)
{
    m_storage->setValue(storageName(key, qualifier), value);
}

void Settings::remove(SettingKey key, const QString &qualifier)
{
    m_storage->remove(storageName(key, qualifier));
}

QList<QVariantMap> Settings::records(SettingKey key, const QStringList &fields) const
{
    QList<QVariantMap> found;
    const int count = m_storage->beginReadArray(storageName(key));
    for (int i = 0; i < count; ++i) {
        m_storage->setArrayIndex(i);
        QVariantMap record;
        for (const QString &field : fields)
            record.insert(field, m_storage->value(field));
        found.append(record);
    }
    m_storage->endArray();
    return found;
}

void Settings::setRecords(SettingKey key, const QList<QVariantMap> &records)
{
    const QString name = storageName(key);
    m_storage->remove(name);
    m_storage->beginWriteArray(name, int(records.size()));
    for (int i = 0; i < records.size(); ++i) {
        m_storage->setArrayIndex(i);
        for (auto field = records[i].cbegin(); field != records[i].cend(); ++field)
            m_storage->setValue(field.key(), field.value());
    }
    m_storage->endArray();
}

int Settings::version() const
{
    return value(SettingKey::SettingsVersion).toInt();
}

void Settings::sync()
{
    m_storage->sync();
}
