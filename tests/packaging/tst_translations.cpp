// Dutch and Spanish (and the English plural forms) are complete and current: no message unfinished, empty, vanished or
// obsolete; placeholders (%1..%9, %n) kept; both plural forms filled; lupdate over today's sources adds or removes
// nothing; every text of the provider catalog is translated; and the embedded catalogues load for the chosen or the
// system language.
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList translations;

    QString key() const { return context % u" | "_s % source % u" | "_s % comment % (numerus ? u" (n)"_s : QString()); }
};

void readMessage(QXmlStreamReader &xml, TsMessage &message)
{
    message.numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"source"_s) {
            message.source = xml.readElementText();
        } else if (xml.name() == u"comment"_s) {
            message.comment = xml.readElementText();
        } else if (xml.name() == u"translation"_s) {
            message.type = xml.attributes().value(u"type"_s).toString();
            if (!message.numerus) {
                message.translations.append(xml.readElementText());
                continue;
            }
            while (xml.readNextStartElement())
                message.translations.append(xml.readElementText());
        } else {
            xml.skipCurrentElement();
        }
    }
}

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s % path;
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name"_s) {
            context = xml.readElementText();
        } else if (xml.name() == u"message"_s) {
            TsMessage message;
            message.context = context;
            readMessage(xml, message);
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = path % u": "_s % xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(?:[1-9]|n|L[1-9])"_s);
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

QString problemWith(const TsMessage &message)
{
    if (!message.type.isEmpty())
        return u"is "_s % message.type;
    if (message.translations.isEmpty())
        return u"has no translation"_s;
    if (message.numerus && message.translations.size() != 2)
        return u"needs 2 plural forms, has "_s % QString::number(message.translations.size());
    const QSet<QString> wanted = placeholders(message.source);
    for (const QString &translation : message.translations) {
        if (translation.trimmed().isEmpty())
            return u"has an empty translation"_s;
        if (placeholders(translation) != wanted)
            return u"changes the placeholders: "_s % translation;
    }
    return {};
}

QString tsPath(const QString &language)
{
    return qEnvironmentVariable("QUAYWATCH_SOURCE_DIR") % u"/translations/quaywatch_"_s % language % u".ts"_s;
}

// The catalog texts extract-catalog-strings.py hands to lupdate.
QStringList catalogTexts()
{
    QFile file(qEnvironmentVariable("QUAYWATCH_SOURCE_DIR") % u"/resources/catalog/providers.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QStringList texts;
    const auto add = [&texts](const QJsonValue &value) {
        if (const QString text = value.toString(); !text.trimmed().isEmpty() && !texts.contains(text))
            texts.append(text);
    };
    for (const QJsonValue &entry : root.value(u"troubleshooting"_s).toObject()) {
        add(entry[u"title"_s]);
        add(entry[u"problem"_s]);
        for (const QString &list : {u"causes"_s, u"solutions"_s})
            for (const QJsonValue &line : entry[list].toArray())
                add(line);
    }
    for (const QJsonValue &provider : root.value(u"providers"_s).toArray()) {
        add(provider[u"region"_s]);
        add(provider[u"description"_s]);
        for (const QString &list : {u"credentialFields"_s, u"dataFields"_s})
            for (const QJsonValue &field : provider[list].toArray())
                add(field[u"label"_s]);
    }
    return texts;
}

} // namespace

class TstTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyMessageTranslated_data();
    void everyMessageTranslated();
    void upToDateWithSources_data();
    void upToDateWithSources();
    void catalogTextsTranslated_data();
    void catalogTextsTranslated();
    void resolvesLanguage_data();
    void resolvesLanguage();
    void installsEmbeddedCatalogue();
    void savedChoiceWins();

private:
    void addLanguageRows();
    void addLanguageRowsWithEnglish(); // English: only the plural forms of the source text
};

void TstTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"quaywatch-tst-translations"_s);
    QSettings().clear();
}

void TstTranslations::addLanguageRows()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Dutch") << u"nl"_s;
    QTest::newRow("Spanish") << u"es"_s;
}

void TstTranslations::addLanguageRowsWithEnglish()
{
    addLanguageRows();
    QTest::newRow("English plural forms") << u"en"_s;
}

void TstTranslations::everyMessageTranslated_data()
{
    addLanguageRowsWithEnglish();
}

void TstTranslations::everyMessageTranslated()
{
    QFETCH(QString, language);
    QString error;
    const QList<TsMessage> messages = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const TsMessage &message : messages) {
        if (const QString problem = problemWith(message); !problem.isEmpty())
            problems.append(message.key() % u": "_s % problem);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) % u" problems in "_s % tsPath(language) %
                                            u":\n"_s % problems.mid(0, 40).join(u'\n')));
}

void TstTranslations::upToDateWithSources_data()
{
    addLanguageRowsWithEnglish();
}

void TstTranslations::upToDateWithSources()
{
    QFETCH(QString, language);
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString copy = work.filePath(u"quaywatch_"_s % language % u".ts"_s);
    QVERIFY(QFile::copy(tsPath(language), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments = QStringLiteral(QUAYWATCH_LUPDATE_OPTIONS).split(u' ', Qt::SkipEmptyParts);
    if (language == u"en"_s)
        arguments << u"-pluralonly"_s;
    arguments << u"-project"_s << QStringLiteral(QUAYWATCH_LUPDATE_PROJECT) << u"-ts"_s << copy;
    lupdate.start(QStringLiteral(QUAYWATCH_LUPDATE), arguments);
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QString error;
    QSet<QString> committed;
    for (const TsMessage &message : readTs(tsPath(language), &error))
        committed.insert(message.key());
    QSet<QString> current;
    for (const TsMessage &message : readTs(copy, &error)) {
        if (message.type != u"vanished"_s && message.type != u"obsolete"_s)
            current.insert(message.key());
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList missing = QSet<QString>(current).subtract(committed).values();
    const QStringList stale = QSet<QString>(committed).subtract(current).values();
    QVERIFY2(missing.isEmpty() && stale.isEmpty(),
             qPrintable(u"translations/quaywatch_"_s % language %
                        u".ts is out of date: build the update_translations target and translate.\nNew in the "
                        "sources:\n  "_s %
                        missing.mid(0, 30).join(u"\n  "_s) % u"\nGone from the sources:\n  "_s %
                        stale.mid(0, 30).join(u"\n  "_s)));
}

void TstTranslations::catalogTextsTranslated_data()
{
    addLanguageRows();
}

void TstTranslations::catalogTextsTranslated()
{
    QFETCH(QString, language);
    QString error;
    QSet<QString> inCatalogContext;
    for (const TsMessage &message : readTs(tsPath(language), &error)) {
        if (message.context == u"ProviderCatalog"_s)
            inCatalogContext.insert(message.source);
    }
    const QStringList texts = catalogTexts();
    QVERIFY(!texts.isEmpty());
    QStringList missing;
    for (const QString &text : texts) {
        if (!inCatalogContext.contains(text))
            missing.append(text);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"catalog texts not in the .ts file (run "
                                           "translations/extract-catalog-strings.py, then update_translations):\n"_s %
                                           missing.join(u'\n')));
}

void TstTranslations::resolvesLanguage_data()
{
    QTest::addColumn<QString>("override");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("system Dutch") << QString() << u"nl_NL"_s << u"nl"_s;
    QTest::newRow("system Belgian Dutch") << QString() << u"nl_BE"_s << u"nl"_s;
    QTest::newRow("system Mexican Spanish") << QString() << u"es_MX"_s << u"es"_s;
    QTest::newRow("system French: English") << QString() << u"fr_FR"_s << u"en"_s;
    QTest::newRow("override beats system") << u"es"_s << u"nl_NL"_s << u"es"_s;
    QTest::newRow("override with region") << u"nl-BE"_s << u"en_US"_s << u"nl"_s;
    QTest::newRow("override English") << u"en"_s << u"es_ES"_s << u"en"_s;
    QTest::newRow("unknown override ignored") << u"fr"_s << u"es_ES"_s << u"es"_s;
}

void TstTranslations::resolvesLanguage()
{
    QFETCH(QString, override);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QCOMPARE(Translations::resolve(override, QLocale(system)), expected);
}

void TstTranslations::installsEmbeddedCatalogue()
{
    QCoreApplication &app = *QCoreApplication::instance();
    const char *source = "Incorrect username or password";
    QCOMPARE(Translations::install(app, u"nl"_s), u"nl"_s);
    const QString dutch = QCoreApplication::translate("ProviderCatalog", source);
    QVERIFY2(dutch != QLatin1StringView(source), "the embedded Dutch catalogue did not load");
    QCOMPARE(Translations::install(app, u"es"_s), u"es"_s);
    const QString spanish = QCoreApplication::translate("ProviderCatalog", source);
    QVERIFY(spanish != QLatin1StringView(source));
    QVERIFY(spanish != dutch);
    QCOMPARE(Translations::install(app, u"en"_s), u"en"_s);
    QCOMPARE(QCoreApplication::translate("ProviderCatalog", source), QLatin1StringView(source));
    // English plural forms come from the embedded English catalogue.
    QCOMPARE(QCoreApplication::translate("WatchlistPage", "Copied %n container(s)", nullptr, 1),
             u"Copied 1 container"_s);
    QCOMPARE(QCoreApplication::translate("WatchlistPage", "Copied %n container(s)", nullptr, 3),
             u"Copied 3 containers"_s);
}

void TstTranslations::savedChoiceWins()
{
    Translations::setChosenLanguage(u"es"_s);
    QCOMPARE(QSettings().value(Translations::settingsKey()).toString(), u"es"_s);
    QCOMPARE(Translations::resolve(QString(), QLocale(u"nl_NL"_s)), u"es"_s);
    QCOMPARE(Translations::resolve(u"nl"_s, QLocale(u"en_US"_s)), u"nl"_s);
    Translations::setChosenLanguage(QString());
    QVERIFY(!QSettings().contains(Translations::settingsKey()));
    QCOMPARE(Translations::resolve(QString(), QLocale(u"nl_NL"_s)), u"nl"_s);
    QCOMPARE(Translations::availableLanguages().first(), u"en"_s);
    QCOMPARE(Translations::nativeName(u"es"_s), u"Español"_s);
}

QTEST_GUILESS_MAIN(TstTranslations)

#include "tst_translations.moc"
