// `quaywatch-cli providers [--json]` as scripts see it: the real executable, judged by its exit code
// and output, checked against the catalog file scripts used to have to read themselves.
#include "clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestCliProviders final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void jsonListsEveryCatalogProvider();
    void jsonDescribesAPolledProvider();
    void jsonSaysWhatEachSupports_data();
    void jsonSaysWhatEachSupports();
    void textListsFieldsAndSites();
    void helpListsTheCommands();
    void unexpectedArgumentIsAUsageError();

private:
    CliRun run(const QStringList &arguments);
    QJsonObject provider(const QString &id);

    QTemporaryDir m_folder;
    std::unique_ptr<CliRunner> m_runner;
    QJsonArray m_json; // `providers --json`, read once
};

CliRun TestCliProviders::run(const QStringList &arguments)
{
    QProcessEnvironment environment = m_runner->environment();
    environment.insert(u"QT_LOGGING_RULES"_s, u"quaywatch.*.debug=false;quaywatch.*.info=false"_s);
    return m_runner->run(arguments, {}, environment);
}

QJsonObject TestCliProviders::provider(const QString &id)
{
    for (const QJsonValue &value : std::as_const(m_json)) {
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    }
    return {};
}

void TestCliProviders::initTestCase()
{
    QVERIFY(m_folder.isValid());
    m_runner = std::make_unique<CliRunner>(m_folder.path());
    const CliRun listed = run({u"providers"_s, u"--json"_s});
    QCOMPARE(listed.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(listed.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(document.isArray());
    m_json = document.array();
}

void TestCliProviders::jsonListsEveryCatalogProvider()
{
    QFile file(qEnvironmentVariable("QUAYWATCH_SOURCE_DIR") + u"/resources/catalog/providers.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray catalog = QJsonDocument::fromJson(file.readAll()).object().value(u"providers"_s).toArray();
    QCOMPARE(m_json.size(), catalog.size());
    for (qsizetype i = 0; i < catalog.size(); ++i) {
        const QJsonObject expected = catalog.at(i).toObject();
        const QJsonObject listed = m_json.at(i).toObject();
        QCOMPARE(listed.value(u"id"_s).toString(), expected.value(u"id"_s).toString());
        QCOMPARE(listed.value(u"name"_s).toString(), expected.value(u"displayName"_s).toString());
        QCOMPARE(listed.value(u"region"_s).toString(), expected.value(u"region"_s).toString());
        QCOMPARE(listed.value(u"auth_type"_s).toString(), expected.value(u"authType"_s).toString());
        QCOMPARE(listed.value(u"credential_fields"_s).toArray().size(),
                 expected.value(u"credentialFields"_s).toArray().size());
        QCOMPARE(listed.value(u"sites"_s).toArray().size(), expected.value(u"sites"_s).toArray().size());
    }
}

void TestCliProviders::jsonDescribesAPolledProvider()
{
    const QJsonObject portsAmerica = provider(u"ports_america"_s);
    QCOMPARE(portsAmerica.value(u"name"_s).toString(), u"Ports America"_s);
    QCOMPARE(portsAmerica.value(u"region"_s).toString(), u"North America"_s);
    QCOMPARE(portsAmerica.value(u"auth_type"_s).toString(), u"user_password"_s);

    const QJsonArray credentials = portsAmerica.value(u"credential_fields"_s).toArray();
    QCOMPARE(credentials.size(), 2);
    QCOMPARE(credentials.at(0).toObject(),
             (QJsonObject{
                 {u"name"_s, u"user"_s}, {u"label"_s, u"Username"_s}, {u"secret"_s, false}, {u"required"_s, true}}));
    QCOMPARE(credentials.at(1).toObject().value(u"name"_s).toString(), u"password"_s);
    QCOMPARE(credentials.at(1).toObject().value(u"secret"_s).toBool(), true);

    const QJsonArray data = portsAmerica.value(u"data_fields"_s).toArray();
    QCOMPARE(data.size(), 2);
    const QJsonObject site = data.at(0).toObject();
    QCOMPARE(site.value(u"name"_s).toString(), u"siteId"_s);
    QCOMPARE(site.value(u"allowed_values"_s).toArray(),
             (QJsonArray{u"SGT_BAL"_s, u"OCT"_s, u"PNCT_NJ"_s, u"WBCT_LA"_s}));
    QCOMPARE(data.at(1).toObject().value(u"pattern"_s).toString(), u"^[A-Z0-9]{4}$"_s);

    const QJsonArray sites = portsAmerica.value(u"sites"_s).toArray();
    QCOMPARE(sites.size(), 4);
    QCOMPARE(sites.at(0).toObject(), (QJsonObject{{u"id"_s, u"SGT_BAL"_s},
                                                  {u"name"_s, u"M.I.T. Seagirt Marine Terminal"_s},
                                                  {u"time_zone"_s, u"America/New_York"_s}}));
}

void TestCliProviders::jsonSaysWhatEachSupports_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QJsonObject>("supports");
    const auto supports = [](bool polling, bool verification, bool subscriptions, bool publishing,
                             const QString &webhook) {
        return QJsonObject{{u"polling"_s, polling},
                           {u"verification"_s, verification},
                           {u"subscriptions"_s, subscriptions},
                           {u"publishing"_s, publishing},
                           {u"webhook_path"_s, webhook.isEmpty() ? QJsonValue() : QJsonValue(webhook)}};
    };
    QTest::newRow("polled") << u"ports_america"_s << supports(true, true, false, false, {});
    QTest::newRow("subscribed") << u"portconnect"_s << supports(false, false, true, false, u"/webhooks/portconnect"_s);
    QTest::newRow("published") << u"apm"_s << supports(false, false, false, true, u"/webhooks/envase"_s);
    QTest::newRow("terminal account") << u"psa_eportal"_s << supports(false, true, false, false, {});
}

void TestCliProviders::jsonSaysWhatEachSupports()
{
    QFETCH(QString, id);
    QFETCH(QJsonObject, supports);
    QCOMPARE(provider(id).value(u"supports"_s).toObject(), supports);
}

void TestCliProviders::textListsFieldsAndSites()
{
    const CliRun listed = run({u"providers"_s});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.err.isEmpty());
    const QStringList lines = listed.out.split(u'\n');
    QCOMPARE(lines.first(), u"id\tname\tregion\tauth_type\tsupports"_s);
    const qsizetype heading =
        lines.indexOf(u"ports_america\tPorts America\tNorth America\tuser_password\tpolling, verification"_s);
    QVERIFY2(heading > 0, qPrintable(listed.out));
    QCOMPARE(lines.at(heading + 1), u"  credentials: user (plain, required); password (secret, required)"_s);
    QCOMPARE(
        lines.at(heading + 2),
        u"  data: siteId (required): SGT_BAL|OCT|PNCT_NJ|WBCT_LA; truckingCompanyCode (required): ^[A-Z0-9]{4}$"_s);
    QCOMPARE(lines.at(heading + 3), u"  sites: SGT_BAL (America/New_York), OCT (America/Los_Angeles), "
                                    u"PNCT_NJ (America/New_York), WBCT_LA (America/Los_Angeles)"_s);
    QVERIFY(lines.contains(u"portconnect\tPortConnect\tOceania\tsubscription_key\tsubscriptions"_s));
}

void TestCliProviders::helpListsTheCommands()
{
    const CliRun help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(u"\n  providers [--json]\n"_s));
    // The publishing module's commands keep their verb; the help text comes from the registry.
    QVERIFY(help.out.contains(u"\n  envase settings [--org-id ID] [--svc-id ID] [--origin TEXT] [--endpoint URL] "
                              "[--client-id ID] [--client-secret-stdin]\n"_s));
    QVERIFY(help.out.contains(u"\n  envase register-webhook URL\n"_s));
    QVERIFY(help.out.contains(u"\n  envase cancel NUMBER...\n"_s));
}

void TestCliProviders::unexpectedArgumentIsAUsageError()
{
    const CliRun wrong = run({u"providers"_s, u"ports_america"_s});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY(wrong.err.contains(u"usage: quaywatch-cli providers [--json]"_s));
    QCOMPARE(run({u"providers"_s, u"--xml"_s}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliProviders)
#include "tst_cliproviders.moc"
