// The credentials factory maps each auth type to its class in one place; the Dockflow
// authenticator's supported types are exactly the ones registered there.
#include "credentialsfactory.h"
#include "dockflowauthenticator.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Flow
{
    virtual ~Flow() = default;
    virtual QString name() const = 0;
};

struct NamedFlow final : Flow
{
    explicit NamedFlow(QString text) : text(std::move(text)) {}
    QString name() const override { return text; }
    QString text;
};

} // namespace

class TestCredentialsFactory final : public QObject
{
    Q_OBJECT

private slots:
    void createsTheRegisteredClass();
    void unknownTypeGivesNothing();
    void laterRegistrationReplaces();
    void dockflowSupportsItsRegisteredTypes();
};

void TestCredentialsFactory::createsTheRegisteredClass()
{
    CredentialsFactory<Flow, QString> factory;
    factory.add(u"user_password"_s, [](QString suffix) { return std::make_unique<NamedFlow>(u"login "_s + suffix); })
        .add(u"uuid_token"_s, [](QString suffix) { return std::make_unique<NamedFlow>(u"token "_s + suffix); });
    QVERIFY(factory.supports(u"user_password"_s));
    QVERIFY(factory.supports(u"uuid_token"_s));
    QCOMPARE(factory.authTypes(), QStringList({u"user_password"_s, u"uuid_token"_s}));
    const std::unique_ptr<Flow> login = factory.create(u"user_password"_s, u"a"_s);
    QVERIFY(login);
    QCOMPARE(login->name(), u"login a"_s);
    const std::unique_ptr<Flow> token = factory.create(u"uuid_token"_s, u"b"_s);
    QVERIFY(token);
    QCOMPARE(token->name(), u"token b"_s);
}

void TestCredentialsFactory::unknownTypeGivesNothing()
{
    CredentialsFactory<Flow> factory;
    QVERIFY(!factory.supports(u"api_key"_s));
    QVERIFY(factory.authTypes().isEmpty());
    QVERIFY(!factory.create(u"api_key"_s));
    factory.add(u"api_key"_s, [] { return std::make_unique<NamedFlow>(u"key"_s); });
    QVERIFY(!factory.supports(u"API_KEY"_s)); // the catalog's spelling, exactly
    QVERIFY(!factory.create(QString()));
}

void TestCredentialsFactory::laterRegistrationReplaces()
{
    CredentialsFactory<Flow> factory;
    factory.add(u"oauth2_password"_s, [] { return std::make_unique<NamedFlow>(u"first"_s); });
    factory.add(u"oauth2_password"_s, [] { return std::make_unique<NamedFlow>(u"second"_s); });
    QCOMPARE(factory.authTypes().size(), 1);
    QCOMPARE(factory.create(u"oauth2_password"_s)->name(), u"second"_s);
}

void TestCredentialsFactory::dockflowSupportsItsRegisteredTypes()
{
    QCOMPARE(DockflowAuthenticator::authTypes(),
             QStringList({u"oauth2_client_credentials"_s, u"oauth2_password"_s, u"user_password"_s, u"uuid_token"_s}));
    for (const QString &type : DockflowAuthenticator::authTypes())
        QVERIFY(DockflowAuthenticator::supports(type));
    QVERIFY(!DockflowAuthenticator::supports(u"api_key"_s));
}

QTEST_GUILESS_MAIN(TestCredentialsFactory)
#include "tst_credentialsfactory.moc"
