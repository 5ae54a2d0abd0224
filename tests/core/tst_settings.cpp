// The settings table: one row per key with scope, type and default; scoped names; values read
// back in the table's type; records; and the numbered migrations that bring a settings file
// written before settings had a version (the ad-hoc keys) up to date without losing anything.
#include "importmapping.h"
#include "settings.h"
#include "settingsmigrations.h"

#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableHasOneRowPerKey();
    void defaultsAndTypes();
    void scopedNames();
    void records();
    void oldFileIsMigrated_data();
    void oldFileIsMigrated();
    void migrationRunsOnce();
    void newerFileIsLeftAlone();
    void importLayoutsKeepTheirKeys();
};

void TestSettings::tableHasOneRowPerKey()
{
    QSet<QString> names;
    int row = 0;
    for (const SettingDefinition &definition : Settings::table()) {
        QCOMPARE(int(definition.key), row++);
        QVERIFY2(!names.contains(definition.name), qPrintable(definition.name));
        names.insert(definition.name);
        if (definition.defaultValue.isValid())
            QCOMPARE(definition.defaultValue.metaType().id(), int(definition.type));
    }
    QCOMPARE(row, int(SettingKey::ConsoleViewOnly) + 1); // the last key
}

void TestSettings::defaultsAndTypes()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    Settings settings(file);
    QCOMPARE(settings.value(SettingKey::WebhookListen).toString(), u"127.0.0.1:8787"_s);
    QCOMPARE(settings.value(SettingKey::NotifyAvailable), QVariant(true));
    QCOMPARE(settings.value(SettingKey::MainWindowPage).toString(), u"watchlist"_s);
    QVERIFY(!settings.contains(SettingKey::InboxFolder));
    // INI files keep everything as text: it comes back in the table's type.
    file.setValue(u"notifications/available"_s, u"false"_s);
    file.setValue(u"entities"_s, u"acme"_s);
    QCOMPARE(settings.value(SettingKey::NotifyAvailable), QVariant(false));
    QCOMPARE(settings.value(SettingKey::Entities).toStringList(), QStringList{u"acme"_s});
    settings.setValue(SettingKey::InboxFolder, u"/srv/inbox"_s);
    QCOMPARE(file.value(u"import/inboxFolder"_s).toString(), u"/srv/inbox"_s);
    settings.remove(SettingKey::InboxFolder);
    QVERIFY(!file.contains(u"import/inboxFolder"_s));
    QCOMPARE(settings.version(), 0);
}

void TestSettings::scopedNames()
{
    QCOMPARE(Settings::storageName(SettingKey::ImportLayout, u"abc"_s), u"import/layouts/abc"_s);
    QCOMPARE(Settings::storageName(SettingKey::CurrentEntity), u"currentEntity"_s);
    QCOMPARE(Settings::definition(SettingKey::ImportLayout).scope, SettingScope::PerFileLayout);
    QCOMPARE(Settings::storageName(SettingKey::WatchlistColumnWidths, u"On hold/LFD"_s),
             u"watchlist/columnWidths/On%20hold%2FLFD"_s);
    QCOMPARE(Settings::definition(SettingKey::Language).scope, SettingScope::User);
}

void TestSettings::records()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    Settings settings(file);
    const QList<QVariantMap> views{{{u"name"_s, u"Holds"_s}, {u"base"_s, 1}, {u"filter"_s, u"msc"_s}},
                                   {{u"name"_s, u"All"_s}, {u"base"_s, 0}, {u"filter"_s, QString()}}};
    settings.setRecords(SettingKey::SavedViews, views);
    QCOMPARE(file.value(u"watchlist/views/size"_s).toInt(), 2);
    QCOMPARE(file.value(u"watchlist/views/1/name"_s).toString(), u"Holds"_s);
    const QList<QVariantMap> read = settings.records(SettingKey::SavedViews, {u"name"_s, u"base"_s, u"filter"_s});
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0).value(u"name"_s).toString(), u"Holds"_s);
    QCOMPARE(read.at(0).value(u"base"_s).toInt(), 1);
    QCOMPARE(read.at(1).value(u"filter"_s).toString(), QString());
}

void TestSettings::oldFileIsMigrated_data()
{
    QTest::addColumn<QString>("storedPage");
    QTest::addColumn<QString>("expectedPage");
    QTest::newRow("dashboard") << u"0"_s << u"dashboard"_s;
    QTest::newRow("mapping") << u"3"_s << u"mapping"_s;
    QTest::newRow("settings") << u"5"_s << u"settings"_s;
    QTest::newRow("out of range") << u"9"_s << u"watchlist"_s; // removed: the default
}

// A file as Quaywatch wrote it before settings had a version: the ad-hoc keys, the page as a
// sidebar position. Every value is still there afterwards; the page is an id.
void TestSettings::oldFileIsMigrated()
{
    QFETCH(QString, storedPage);
    QFETCH(QString, expectedPage);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"quaywatch.conf"_s);
    {
        QSettings old(path, QSettings::IniFormat);
        old.setValue(u"mainwindow/page"_s, storedPage.toInt());
        old.setValue(u"mainwindow/geometry"_s, QByteArray("\x01\xd9\xd0\xcb", 4));
        old.setValue(u"notifications/tray"_s, false);
        old.setValue(u"ui/language"_s, u"nl"_s);
        old.setValue(u"import/inboxFolder"_s, u"/srv/inbox"_s);
        old.setValue(u"webhooks/listen"_s, u"0.0.0.0:9000"_s);
        old.setValue(u"entities"_s, QStringList{u"default"_s, u"acme"_s});
        old.setValue(u"currentEntity"_s, u"acme"_s);
        old.setValue(u"import/layouts/0123abcd"_s, QByteArray(R"({"headerIndex":0})"));
        old.beginWriteArray(u"watchlist/views"_s, 1);
        old.setArrayIndex(0);
        old.setValue(u"name"_s, u"Holds"_s);
        old.endArray();
    }
    QSettings file(path, QSettings::IniFormat);
    Settings settings(file);
    QCOMPARE(settings.version(), 0);
    QCOMPARE(SettingsMigrations::run(settings), QList<int>{1});
    QCOMPARE(settings.version(), SettingsMigrations::currentVersion());
    QCOMPARE(settings.value(SettingKey::MainWindowPage).toString(), expectedPage);
    QCOMPARE(settings.value(SettingKey::MainWindowGeometry).toByteArray(), QByteArray("\x01\xd9\xd0\xcb", 4));
    QCOMPARE(settings.value(SettingKey::TrayMessages), QVariant(false));
    QCOMPARE(settings.value(SettingKey::Language).toString(), u"nl"_s);
    QCOMPARE(settings.value(SettingKey::InboxFolder).toString(), u"/srv/inbox"_s);
    QCOMPARE(settings.value(SettingKey::WebhookListen).toString(), u"0.0.0.0:9000"_s);
    QCOMPARE(settings.value(SettingKey::Entities).toStringList(), (QStringList{u"default"_s, u"acme"_s}));
    QCOMPARE(settings.value(SettingKey::CurrentEntity).toString(), u"acme"_s);
    QCOMPARE(settings.value(SettingKey::ImportLayout, u"0123abcd"_s).toByteArray(), QByteArray(R"({"headerIndex":0})"));
    QCOMPARE(settings.records(SettingKey::SavedViews, {u"name"_s}).value(0).value(u"name"_s).toString(), u"Holds"_s);
    // On disk too, for the next start.
    QSettings reread(path, QSettings::IniFormat);
    QCOMPARE(reread.value(u"settingsVersion"_s).toInt(), SettingsMigrations::currentVersion());
}

void TestSettings::migrationRunsOnce()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    Settings settings(file);
    QCOMPARE(SettingsMigrations::run(settings), QList<int>{1});
    settings.setValue(SettingKey::MainWindowPage, u"audit"_s);
    QCOMPARE(SettingsMigrations::run(settings), QList<int>());
    QCOMPARE(settings.value(SettingKey::MainWindowPage).toString(), u"audit"_s);
    // Steps are numbered from 1 without gaps, so "version" says exactly which ran.
    int expected = 1;
    for (const SettingsMigration &step : SettingsMigrations::steps())
        QCOMPARE(step.version, expected++);
}

void TestSettings::newerFileIsLeftAlone()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    file.setValue(u"settingsVersion"_s, SettingsMigrations::currentVersion() + 1);
    file.setValue(u"mainwindow/page"_s, 3);
    Settings settings(file);
    QCOMPARE(SettingsMigrations::run(settings), QList<int>());
    QCOMPARE(file.value(u"mainwindow/page"_s).toInt(), 3);
}

// The console's import dialog and `watch import` share remembered layouts under their old key.
void TestSettings::importLayoutsKeepTheirKeys()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    Settings settings(file);
    ImportMapping mapping;
    mapping.headerIndex = 1;
    mapping.columns = {{ImportField::ContainerNumber, {}}};
    ImportMapping::remember(settings, u"feedbeef"_s, mapping);
    QVERIFY(file.contains(u"import/layouts/feedbeef"_s));
    QCOMPARE(ImportMapping::recall(settings, u"feedbeef"_s), std::optional<ImportMapping>(mapping));
    QCOMPARE(ImportMapping::recall(file, u"feedbeef"_s), std::optional<ImportMapping>(mapping));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
