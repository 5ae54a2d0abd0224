#include "translations.h"

#include "settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace {

// Marks the translators this class installed, so a second install() can take them out again.
constexpr auto translatorTag = "quaywatch-translator";

bool isShipped(const QString &languageCode)
{
    return Translations::availableLanguages().contains(languageCode);
}

QString baseLanguage(const QString &localeName)
{
    return localeName.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
}

void removeInstalledTranslators(QCoreApplication &app)
{
    const QList<QTranslator *> translators = app.findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : translators) {
        if (translator->objectName() != QLatin1StringView(translatorTag))
            continue;
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

bool installTranslator(QCoreApplication &app, const QString &fileName, const QString &directory)
{
    auto *translator = new QTranslator(&app);
    translator->setObjectName(QLatin1StringView(translatorTag));
    if (!translator->load(fileName, directory) || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    return true;
}

} // namespace

QString Translations::settingsKey()
{
    return Settings::storageName(SettingKey::Language);
}

QStringList Translations::availableLanguages()
{
    return {u"en"_s, u"nl"_s, u"es"_s};
}

QString Translations::nativeName(const QString &languageCode)
{
    if (languageCode == u"nl"_s)
        return u"Nederlands"_s;
    if (languageCode == u"es"_s)
        return u"Español"_s;
    if (languageCode == u"en"_s)
        return u"English"_s;
    return languageCode;
}

QString Translations::chosenLanguage()
{
    const QString saved = baseLanguage(Settings().value(SettingKey::Language).toString().trimmed());
    return isShipped(saved) ? saved : QString();
}

void Translations::setChosenLanguage(const QString &languageCode)
{
    Settings settings;
    if (isShipped(baseLanguage(languageCode)))
        settings.setValue(SettingKey::Language, baseLanguage(languageCode));
    else
        settings.remove(SettingKey::Language);
}

QString Translations::resolve(const QString &languageOverride, const QLocale &system)
{
    if (QString requested = baseLanguage(languageOverride.trimmed()); isShipped(requested))
        return requested;
    if (QString saved = chosenLanguage(); !saved.isEmpty())
        return saved;
    const QStringList uiLanguages = system.uiLanguages();
    for (const QString &uiLanguage : uiLanguages) {
        if (QString language = baseLanguage(uiLanguage); isShipped(language))
            return language;
    }
    return u"en"_s;
}

QString Translations::install(QCoreApplication &app, const QString &languageOverride)
{
    removeInstalledTranslators(app);
    QString language = resolve(languageOverride, QLocale::system());
    // Dates, weekdays and numbers follow the chosen language; the system's own country stays when it
    // already speaks it (nl_BE keeps its conventions), and so does C for English. By name, not the
    // system object: with LANG=C and LANGUAGE=es that one says Spanish but formats as C does.
    const QLocale system = QLocale::system();
    const bool systemSpeaksIt =
        system.language() == QLocale(language).language() || (language == u"en"_s && system.language() == QLocale::C);
    QLocale::setDefault(systemSpeaksIt ? QLocale(system.name()) : QLocale(language));
    // English is the source text; its catalogue only holds the plural forms of "%n container(s)".
    installTranslator(app, u"quaywatch_"_s + language, u":/i18n"_s);
    if (language == u"en"_s)
        return language;
    // Qt's own strings (standard buttons, context menus), when the system has Qt's translations.
    installTranslator(app, u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return language;
}
