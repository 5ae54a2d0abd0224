#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <memory>
#include <span>

class QSettings;

// Every setting Quaywatch keeps, one row each in Settings::table().
enum class SettingKey
{
    SettingsVersion, // which migration steps (settingsmigrations.h) the file has been through
    MainWindowGeometry,
    MainWindowState,
    MainWindowPage, // the page id shown last ("watchlist")
    NotifyHoldReleased,
    NotifyAvailable,
    NotifyLfdTomorrow,
    TrayMessages, // desktop (system tray) messages as well as the in-app list
    Language,     // "nl", "es", "en"; absent: the system's
    InboxFolder,  // the watched inbox folder; empty or absent: none
    WebhookListen,
    Entities,                 // the entities this console knows (the switcher's list)
    CurrentEntity,            // the entity shown last
    SavedViews,               // the coordinator's saved watchlist views, an array of records
    ImportLayout,             // the column mapping last chosen for one spreadsheet layout (JSON)
    SyncCycleDeadlineSeconds, // a sync cycle's wall-time bound (`sync --cycle-deadline` overrides it)
    WatchlistColumnWidths,    // the widths the user gave the watchlist's columns in one saved view ("120,80,…")
    ConsoleViewOnly,          // "on", "off" or "auto" (view only on a shared database): the console never syncs
};

// Who a value belongs to, which decides how its storage name is built.
enum class SettingScope
{
    User,          // one value per user: the name as is
    PerEntity,     // one per entity: "entities/<entity>/<name>"
    PerFileLayout, // one per spreadsheet header layout: "<name>/<layout key>"
    PerView        // one per saved watchlist view: "<name>/<view name, percent-encoded>"
};

struct SettingDefinition
{
    SettingKey key;
    QString name; // the QSettings key (or prefix, for the scoped ones)
    SettingScope scope;
    QMetaType::Type type;
    QVariant defaultValue;
};

// The one door to stored settings, as a table of keys with defaults. The default instance reads the
// application's QSettings (organisation "Quaywatch", application "quaywatch" for the console and
// the CLI alike, so both see the same remembered import layouts); tests hand in a QSettings on a
// temporary file. Not thread-safe beyond what QSettings is.
class Settings final
{
public:
    Settings();
    explicit Settings(QSettings &storage); // not owned; must outlive this
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    static std::span<const SettingDefinition> table();
    static const SettingDefinition &definition(SettingKey key);
    // The QSettings key of a value; qualifier is the entity or layout key of scoped settings.
    static QString storageName(SettingKey key, const QString &qualifier = {});

    // The stored value converted to the table's type, else the default.
    QVariant value(SettingKey key, const QString &qualifier = {}) const;
    bool contains(SettingKey key, const QString &qualifier = {}) const;
    void setValue(SettingKey key, const QVariant &value, const QString &qualifier = {});
    void remove(SettingKey key, const QString &qualifier = {});

    // Array settings (SavedViews): each record maps field name to value.
    QList<QVariantMap> records(SettingKey key, const QStringList &fields) const;
    void setRecords(SettingKey key, const QList<QVariantMap> &records);

    // 0 for a file no migration has seen (everything written before settings had a version).
    int version() const;
    void sync();

    // For migration steps only: the raw storage, to read keys the table no longer has.
    QSettings &storage() { return *m_storage; }

private:
    std::unique_ptr<QSettings> m_own;
    QSettings *m_storage;
};
