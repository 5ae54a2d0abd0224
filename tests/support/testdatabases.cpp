#include "testdatabases.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace {
std::atomic<int> adminConnectionCounter{0};

QString serverUrl()
{
    return qEnvironmentVariable("QUAYWATCH_TEST_PG_URL");
}

// Runs one statement on the server's maintenance database through a short-lived connection, so that
// no connection outlives the call (and none is shared between threads).
QString runOnServer(const QString &statement)
{
    const QUrl url(serverUrl());
    const QString name = u"quaywatch-testdb-admin-%1"_s.arg(++adminConnectionCounter);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            error = u"Cannot connect to the test PostgreSQL server: "_s % db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(statement))
                error = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}
} // namespace

TestDatabase::TestDatabase(Store::Backend backend) : m_backend(backend)
{
    if (backend == Store::Backend::Sqlite) {
        m_folder = std::make_unique<QTemporaryDir>();
        if (!m_folder->isValid()) {
            m_error = u"Cannot create a temporary folder: "_s % m_folder->errorString();
            return;
        }
        m_location = m_folder->filePath(u"quaywatch.sqlite"_s);
        return;
    }
    if (!postgresAvailable()) {
        m_error = u"QUAYWATCH_TEST_PG_URL is not set (run the test through scripts/with-test-services.sh)"_s;
        return;
    }
    createPostgresDatabase();
}

TestDatabase::~TestDatabase()
{
    if (!m_databaseName.isEmpty())
        dropPostgresDatabase();
}

bool TestDatabase::postgresAvailable()
{
    return !serverUrl().isEmpty() && QSqlDatabase::isDriverAvailable(u"QPSQL"_s);
}

bool TestDatabase::postgresRestartable()
{
    return postgresAvailable() && !qEnvironmentVariableIsEmpty("QUAYWATCH_TEST_PG_CTL") &&
           !qEnvironmentVariableIsEmpty("QUAYWATCH_TEST_PG_DATA");
}

QString TestDatabase::restartPostgres()
{
    if (!postgresRestartable())
        return u"QUAYWATCH_TEST_PG_CTL and QUAYWATCH_TEST_PG_DATA are not set (scripts/with-postgres.sh sets them)"_s;
    QStringList command = QProcess::splitCommand(qEnvironmentVariable("QUAYWATCH_TEST_PG_CTL"));
    command << u"-D"_s << qEnvironmentVariable("QUAYWATCH_TEST_PG_DATA");
    if (!qEnvironmentVariableIsEmpty("QUAYWATCH_TEST_PG_LOG"))
        command << u"-l"_s << qEnvironmentVariable("QUAYWATCH_TEST_PG_LOG");
    command << u"-m"_s << u"fast"_s << u"-w"_s << u"restart"_s;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(command.takeFirst(), command);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return u"pg_ctl restart failed: "_s % QString::fromUtf8(process.readAll());
    return {};
}

QString TestDatabase::backendName(Store::Backend backend)
{
    return backend == Store::Backend::Sqlite ? u"sqlite"_s : u"postgres"_s;
}

bool TestDatabase::createPostgresDatabase()
{
    const QString name = u"qwtest_%1"_s.arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
    // template0 accepts no connections, so test processes creating databases at the same moment do
    // not trip over each other ("source database template1 is being accessed by other users").
    QString error;
    for (int attempt = 0; attempt < 3; ++attempt) {
        error = runOnServer(u"CREATE DATABASE "_s % name % u" TEMPLATE template0 ENCODING 'UTF8'"_s);
        if (error.isEmpty())
            break;
        QThread::msleep(200);
    }
    if (!error.isEmpty()) {
        m_error = u"Cannot create the test database "_s % name % u": "_s % error;
        return false;
    }
    m_databaseName = name;
    QUrl url(serverUrl());
    url.setPath(u"/"_s % name);
    m_location = url.toString();
    return true;
}

void TestDatabase::dropPostgresDatabase()
{
    const QString error = runOnServer(u"DROP DATABASE IF EXISTS "_s % m_databaseName % u" WITH (FORCE)"_s);
    if (!error.isEmpty())
        qWarning("Cannot drop the test database %s: %s", qPrintable(m_databaseName), qPrintable(error));
}

const Clock &testClock()
{
    static const SystemClock clock;
    return clock;
}

Result<void> recordSubscription(Store &store, const QString &provider, const QString &number)
{
    SubscriptionRecord record;
    record.provider = provider;
    record.number = number;
    record.eventCodes = {QStringLiteral("ALL")};
    record.port = QStringLiteral("NZAKL");
    record.category = QStringLiteral("IMPORT");
    record.createdAt = testClock().now();
    record.expiresAt = record.createdAt.addDays(90);
    return store.saveSubscription(record);
}
