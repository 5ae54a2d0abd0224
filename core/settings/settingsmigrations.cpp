#include "settingsmigrations.h"

#include <QLoggingCategory>
#include <QSettings>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcSettings, "quaywatch.core.settings")

// Version 1: the main window remembered its page as a position in the sidebar, which moves when a
// page is added; it now remembers the page's id. The old positions, frozen here, were these.
void pagePositionToId(Settings &settings)
{
    static const QStringList positions{u"dashboard"_s, u"watchlist"_s, u"datasources"_s,
                                       u"mapping"_s,   u"audit"_s,     u"settings"_s};
    const QString name = Settings::storageName(SettingKey::MainWindowPage);
    const QVariant stored = settings.storage().value(name);
    bool isNumber = false;
    const int position = stored.toString().toInt(&isNumber);
    if (!stored.isValid() || !isNumber)
        return;
    if (position >= 0 && position < positions.size())
        settings.setValue(SettingKey::MainWindowPage, positions.at(position));
    else
        settings.remove(SettingKey::MainWindowPage);
}

const auto migrations = std::to_array<SettingsMigration>({
    {1, "main window page: sidebar position to page id", &pagePositionToId},
});

} // namespace

namespace SettingsMigrations {

std::span<const SettingsMigration> steps()
{
    return migrations;
}

int currentVersion()
{
    return migrations.empty() ? 0 : migrations.back().version;
}

QList<int> run(Settings &settings)
{
    QList<int> applied;
    const int from = settings.version();
    if (from > currentVersion()) {
        qCInfo(lcSettings) << "settings version" << from << "is newer than this build's" << currentVersion();
        return applied;
    }
    for (const SettingsMigration &step : migrations) {
        if (step.version <= from)
            continue;
        qCInfo(lcSettings) << "settings migration" << step.version << ":" << step.description;
        step.apply(settings);
        settings.setValue(SettingKey::SettingsVersion, step.version);
        applied.append(step.version);
    }
    if (!applied.isEmpty())
        settings.sync();
    return applied;
}

} // namespace SettingsMigrations
