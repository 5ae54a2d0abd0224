#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;
class QLocale;

// Puts the console's user-visible text into the user's language. The Dutch and Spanish catalogues
// are compiled from translations/*.ts and embedded as resources (":/i18n"), so a moved or partial
// install can never show a half-translated window. The language follows the system unless the user
// chose one in Settings (stored under settingsKey) or on the command line (--language).
class Translations final
{
public:
    Translations() = delete;

    // Settings key holding the chosen language code ("nl", "es", "en"); empty or absent: the system's.
    static QString settingsKey();

    // Language codes Quaywatch ships, source language (English) first.
    static QStringList availableLanguages();

    // The language's own name ("Nederlands", "Español"), as a language picker shows it.
    static QString nativeName(const QString &languageCode);

    // The choice saved in Settings, or an empty string for "follow the system".
    static QString chosenLanguage();
    static void setChosenLanguage(const QString &languageCode);

    // Which shipped language to use: the override if it names one, else the saved choice, else the
    // first of the system's UI languages that Quaywatch ships, else English.
    static QString resolve(const QString &languageOverride, const QLocale &system);

    // Installs the translators for the resolved language on app (replacing any installed earlier)
    // and returns the language code in use. Call after the QCoreApplication exists, before any
    // window is built.
    static QString install(QCoreApplication &app, const QString &languageOverride = QString());
};
