#include "session.h"

#include "changefeed.h"
#include "clock.h"
#include "codecs.h"
#include "logging.h"
#include "servicecredentials.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStringBuilder>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <utility>

using namespace Qt::Literals::StringLiterals;
using Codecs::storageError;

namespace {
std::atomic<quint64> connectionCounter{0};

QString newConnectionName()
{
    return u"quaywatch-store-%1"_s.arg(++connectionCounter);
}

bool isPostgresUrl(const QString &location)
{
    return location.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           location.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}
} // namespace

Session::Transaction::~Transaction()
{
    if (!m_active)
        return;
    m_active = false;
    if (!m_session.m_database.isOpen())
        return; // the connection is gone, and the server rolled back with it
    QSqlQuery query(m_session.m_database);
    if (!query.exec(u"ROLLBACK"_s))
        qCWarning(lcStore) << "rollback failed:" << query.lastError().text();
}

Result<void> Session::Transaction::begin(qint64 advisoryLock)
{
    QSqlQuery query(m_session.m_database);
    const bool sqlite = m_session.m_backend == Backend::Sqlite;
    if (!query.exec(sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s))
        return m_session.error(u"Cannot start a write transaction on "_s % m_session.m_displayLocation,
                               query.lastError());
    m_active = true;
    if (!sqlite && advisoryLock != 0 && !query.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(advisoryLock)))
        return m_session.error(u"Cannot take the lock on "_s % m_session.m_displayLocation, query.lastError());
    return {};
}

Result<void> Session::Transaction::commit()
{
    QSqlQuery query(m_session.m_database);
    if (query.exec(u"COMMIT"_s)) {
        m_active = false;
        return {};
    }
    return m_session.error(u"Cannot commit the transaction on "_s % m_session.m_displayLocation, query.lastError());
}

Session::Session(const Clock &clock, Backend backend)
    : m_clock(clock), m_backend(backend), m_connectionName(newConnectionName()), m_changeOrigin(ChangeFeed::newOrigin())
{}

Session::~Session()
{
    if (m_database.isValid())
        m_database.close();
    m_database = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Session>> Session::open(const QString &location, const Clock &clock)
{
    if (location.trimmed().isEmpty())
        return makeError(ErrorKind::InvalidInput, u"No database location given"_s);
    const bool postgres = isPostgresUrl(location);
    std::unique_ptr<Session> session(new Session(clock, postgres ? Backend::Postgres : Backend::Sqlite));
    Result<void> opened = postgres ? session->openPostgres(location) : session->openSqlite(location);
    if (!opened)
        return opened.error();
    return session;
}

Result<std::unique_ptr<Session>> Session::openAnother() const
{
    std::unique_ptr<Session> session(new Session(m_clock, m_backend));
    session->m_displayLocation = m_displayLocation;
    // The overload taking a connection name may be called from another thread than this one's.
    session->m_database = QSqlDatabase::cloneDatabase(m_connectionName, session->m_connectionName);
    if (!session->m_database.open())
        return storageError(u"Cannot open another connection to "_s % m_displayLocation,
                            session->m_database.lastError());
    if (Result<void> configured = session->configure(); !configured)
        return configured.error();
    return session;
}

Result<QSqlQuery> Session::run(const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else if (query.prepare(sql)) {
        for (qsizetype i = 0; i < values.size(); ++i)
            query.bindValue(int(i), values.at(i));
        ok = query.exec();
    }
    if (!ok)
        return failed(what, query);
    return query;
}

Result<QSqlQuery> Session::prepare(const QString &sql, const QString &what)
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return error(u"Cannot prepare "_s % what, query.lastError());
    return query;
}

// The caller's Transaction then rolls back nothing, which PostgreSQL answers with a notice only.
Error Session::failed(const QString &what, const QSqlQuery &query)
{
    Error failure = error(what, query.lastError());
    if (m_backend == Backend::Postgres && m_database.isOpen()) {
        QSqlQuery rollback(m_database);
        rollback.exec(u"ROLLBACK"_s);
    }
    return failure;
}

Session::Failure Session::classify(Backend backend, const QSqlError &error, bool connectionOpen)
{
    if (!connectionOpen || error.type() == QSqlError::ConnectionError)
        return Failure::ConnectionLost;
    const QString code = error.nativeErrorCode();
    if (backend == Backend::Postgres) {
        // SQLSTATE class 08 is "connection exception"; 57P01-57P03 are an administrator's shutdown,
        // a crash shutdown and "cannot connect now" (the server is starting). 40001 and 40P01
        // (serialization failure, deadlock) succeed when the transaction is run again.
        if (code.startsWith(u"08"_s) || code == u"57P01"_s || code == u"57P02"_s || code == u"57P03"_s)
            return Failure::ConnectionLost;
        if (code == u"40001"_s || code == u"40P01"_s)
            return Failure::Busy;
        return Failure::Statement;
    }
    // SQLite reports extended result codes; the low byte is the primary one: 5 SQLITE_BUSY, 6 SQLITE_LOCKED.
    bool numeric = false;
    const int primary = code.toInt(&numeric) & 0xff;
    if (numeric && (primary == 5 || primary == 6))
        return Failure::Busy;
    return Failure::Statement;
}

Error Session::error(const QString &what, const QSqlError &error)
{
    const bool open = m_database.isOpen();
    m_lastFailure = classify(m_backend, error, open);
    QString text = error.text().trimmed();
    if (text.isEmpty()) {
        text = open ? u"the database driver gave no reason"_s
                    : u"the connection to the database is closed (the server may have restarted)"_s;
    }
    return makeError(ErrorKind::Storage, what % u": "_s % text);
}

bool Session::recover()
{
    const Failure failure = std::exchange(m_lastFailure, Failure::None);
    if (failure == Failure::Statement)
        return false;
    if (failure == Failure::Busy) {
        QThread::msleep(250);
        return true;
    }
    bool lost = failure == Failure::ConnectionLost || !m_database.isOpen();
    if (!lost && m_backend == Backend::Postgres) {
        // An error built without the session's classification: ask the server whether it is there.
        QSqlQuery probe(m_database);
        lost = !probe.exec(u"SELECT 1"_s);
    }
    if (!lost)
        return false;
    qCWarning(lcStore) << "the connection to" << m_displayLocation << "was lost; reconnecting";
    if (Result<void> reopened = reconnect(); !reopened) {
        qCWarning(lcStore).noquote() << reopened.error().message;
        return false;
    }
    return true;
}

Result<void> Session::reconnect(int attempts, int firstPauseMs)
{
    Error last = makeError(ErrorKind::Storage, u"Cannot reconnect to "_s % m_displayLocation);
    int pauseMs = firstPauseMs;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        m_database.close();
        if (!m_database.open()) {
            last = storageError(u"Cannot reconnect to "_s % m_displayLocation, m_database.lastError());
        } else if (Result<void> configured = configure(); !configured) {
            last = configured.error();
        } else {
            qCInfo(lcStore) << "reconnected to" << m_displayLocation << "at attempt" << attempt;
            m_lastFailure = Failure::None;
            return {};
        }
        if (attempt < attempts) {
            QThread::msleep(pauseMs);
            pauseMs *= 2;
        }
    }
    return last;
}

Result<void> Session::openSqlite(const QString &path)
{
    const QFileInfo info(path);
    m_displayLocation = info.absoluteFilePath();
    const QString prefix = u"Cannot open the database at "_s % m_displayLocation;
    if (info.isDir())
        return makeError(ErrorKind::Storage, prefix % u": it is a folder, not a file"_s);
    const QString folder = info.absolutePath();
    if (!QFileInfo::exists(folder) && !QDir().mkpath(folder)) {
        return makeError(ErrorKind::Storage,
                         prefix % u": the folder "_s % folder % u" does not exist and cannot be created"_s);
    }
    m_database = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_database.setDatabaseName(info.absoluteFilePath());
    if (!m_database.open())
        return storageError(prefix, m_database.lastError());
    return configure();
}

Result<void> Session::openPostgres(const QString &location)
{
    const QUrl url(location, QUrl::StrictMode);
    m_displayLocation = url.toDisplayString(QUrl::RemovePassword);
    const QString database = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || database.isEmpty() || database.contains(u'/')) {
        return makeError(ErrorKind::InvalidInput, u"Not a valid PostgreSQL location: "_s % m_displayLocation %
                                                      u" (expected postgresql://user[:password]@host[:port]/dbname)"_s);
    }
    m_database = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    if (!m_database.isValid())
        return makeError(ErrorKind::Storage, u"Cannot open "_s % m_displayLocation %
                                                 u": the Qt PostgreSQL driver (QPSQL) is not installed"_s);
    m_database.setHostName(url.host());
    m_database.setPort(url.port(5432));
    m_database.setUserName(url.userName());
    // A service keeps the password out of its unit and environment: a URL without one takes it
    // from the unit's credential (servicecredentials.h), if the unit gives it.
    QString password = url.password();
    const QString credential = ServiceCredentials::databasePasswordName(u"quaywatch"_s);
    if (password.isEmpty() && ServiceCredentials::active() &&
        QFileInfo::exists(QDir(ServiceCredentials::directory()).filePath(credential))) {
        Result<QString> stored = ServiceCredentials::read(credential);
        if (!stored)
            return makeError(stored.error().kind,
                             u"Cannot open "_s % m_displayLocation % u": "_s % stored.error().message);
        password = stored.value();
    }
    m_database.setPassword(password);
    m_database.setDatabaseName(database);
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items)
        options.append(key % u'=' % value);
    if (!QUrlQuery(url).hasQueryItem(u"connect_timeout"_s))
        options.append(u"connect_timeout=10"_s);
    m_database.setConnectOptions(options.join(u';'));
    if (!m_database.open())
        return storageError(u"Cannot open the PostgreSQL database at "_s % m_displayLocation, m_database.lastError());
    return configure();
}

Result<void> Session::configure()
{
    const QString prefix = (m_backend == Backend::Postgres ? u"Cannot open the PostgreSQL database at "_s
                                                           : u"Cannot open the database at "_s) %
                           m_displayLocation;
    if (m_backend == Backend::Postgres) {
        QSqlQuery query(m_database);
        if (!query.exec(u"SET client_min_messages = error"_s))
            return storageError(prefix, query.lastError());
        return {};
    }
    // A 64 MiB page cache keeps the events' dedupe-key index in memory as it grows into the millions;
    // with SQLite's 2 MiB default, ingestion slowed to well under 100,000 events/s past 500,000 rows.
    // 16 KiB pages (a new file only; an existing one keeps its size): a large import spends a fifth
    // less in SQLite than with 4 KiB pages, having a quarter as many pages to balance, log and copy.
    const QStringList pragmas{u"PRAGMA page_size = 16384"_s,    u"PRAGMA busy_timeout = 10000"_s,
                              u"PRAGMA journal_mode = WAL"_s,   u"PRAGMA foreign_keys = ON"_s,
                              u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA cache_size = -65536"_s};
    for (const QString &pragma : pragmas) {
        QSqlQuery query(m_database);
        if (!query.exec(pragma))
            return storageError(prefix, query.lastError());
        if (pragma.contains(u"journal_mode"_s) && query.next() &&
            query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            qCWarning(lcStore) << "SQLite refused WAL mode for" << m_displayLocation << "- using"
                               << query.value(0).toString();
        }
    }
    return {};
}
