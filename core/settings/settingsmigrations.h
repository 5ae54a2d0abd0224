#pragma once

#include "settings.h"

#include <QList>

#include <span>

// One numbered step that brings a settings file from version - 1 to version. Steps only ever get
// added at the end: a file remembers the last one it went through (SettingKey::SettingsVersion).
struct SettingsMigration
{
    int version;
    const char *description;
    void (*apply)(Settings &settings);
};

namespace SettingsMigrations {

std::span<const SettingsMigration> steps();
int currentVersion(); // the last step's version

// Runs, in order, the steps settings has not been through and records the new version; a file
// from a newer Quaywatch is left alone. Returns the versions applied. Run once at start-up.
QList<int> run(Settings &settings);

} // namespace SettingsMigrations
