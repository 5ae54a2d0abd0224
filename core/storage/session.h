#pragma once

#include "backend.h"
#include "result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

class Clock;
class QSqlError;

// One connection to the database and the rules every statement on it follows. This is the only
// place that opens a QSqlDatabase and the only place a write transaction starts: SQLite takes the
// write lock up front (BEGIN IMMEDIATE) so that two writers wait on busy_timeout instead of failing on
// a lock upgrade halfway through. A session belongs to the thread that opened it.
class Session final
{
public:
    using Backend = StorageBackend;

    // What a failed statement says about the connection: a statement error is the statement's own
    // fault and fails again if repeated; a lost connection (server restart) or a busy database
    // (another writer holds the lock past busy_timeout) is worth one more try.
    enum class Failure
    {
        None,
        Statement,
        ConnectionLost,
        Busy,
    };
    // connectionOpen: whether the driver still holds an open connection after the failure (QPSQL
    // closes it when the server went away, and later statements then fail with no text at all).
    static Failure classify(Backend backend, const QSqlError &error, bool connectionOpen);

    // A write transaction that rolls back unless committed, so every early error return is safe.
    class Transaction final
    {
    public:
        explicit Transaction(Session &session) : m_session(session) {}
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        // advisoryLock: on PostgreSQL, also take this transaction-scoped advisory lock (0: none), so
        // that processes doing the same work (e.g. migrating) take turns.
        Result<void> begin(qint64 advisoryLock = 0);
        Result<void> commit();

    private:
        Session &m_session;
        bool m_active = false;
    };

    // location: a file path, or a URL postgresql://user[:password]@host[:port]/dbname.
    static Result<std::unique_ptr<Session>> open(const QString &location, const Clock &clock);
    // Another connection to the same database for the calling thread, with the same settings and
    // credentials, taken from this session's connection rather than from a location string.
    Result<std::unique_ptr<Session>> openAnother() const;
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    Backend backend() const { return m_backend; }
    const Clock &clock() const { return m_clock; }
    QString displayLocation() const { return m_displayLocation; } // never contains a password
    // Names this connection's change announcements (changefeed.h), so their writer can tell its own.
    QString changeOrigin() const { return m_changeOrigin; }
    QSqlDatabase &database() { return m_database; }

    Transaction transaction() { return Transaction(*this); }
    // Runs one statement; what names the operation in the error message. Without values the SQL is
    // executed directly (PostgreSQL cannot PREPARE DDL).
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values, const QString &what);
    // Prepares a statement to be run many times in one transaction.
    Result<QSqlQuery> prepare(const QString &sql, const QString &what);
    // The error of a failed statement. PostgreSQL refuses every command in a failed transaction, so
    // the transaction is ended right away there.
    Error failed(const QString &what, const QSqlQuery &query);
    // The error for what, carrying the driver's text (or saying that the connection is closed when
    // the driver gives none); remembers the failure's class for recover().
    Error error(const QString &what, const QSqlError &error);
    Failure lastFailure() const { return m_lastFailure; }
    void clearFailure() { m_lastFailure = Failure::None; }

    // After a failed operation: true when it is worth running once more. A lost connection is
    // reopened with a short bounded backoff (about 10 s in all); a busy database gets a short pause.
    // A statement error gives false at once.
    bool recover();
    // Closes and reopens the connection with the same settings, up to attempts times with a doubling
    // pause starting at firstPauseMs.
    Result<void> reconnect(int attempts = 7, int firstPauseMs = 100);

private:
    Session(const Clock &clock, Backend backend);
    Result<void> openSqlite(const QString &path);
    Result<void> openPostgres(const QString &location);
    Result<void> configure(); // the per-connection settings, after open

    const Clock &m_clock;
    Backend m_backend;
    QString m_connectionName;
    QString m_displayLocation;
    QSqlDatabase m_database;
    Failure m_lastFailure = Failure::None;
    QString m_changeOrigin;
};
