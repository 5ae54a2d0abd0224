#pragma once

#include "backend.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

class Session;

// The database schema as numbered steps, so that a database created by any earlier version is
// brought up to date on open and SQLite and PostgreSQL always end up with the same tables. The SQL
// is written once; the few dialect differences are placeholders ({id}, {bigint}, {real}) filled in
// per backend. Each step runs in its own session transaction; on PostgreSQL the transaction takes
// an advisory lock first so that several processes opening one database do not race.
class Migrations final
{
public:
    struct Step
    {
        int version = 0;
        QString description;
        QStringList statements;         // shared SQL with placeholders
        QStringList sqliteStatements;   // run after the shared ones, SQLite only
        QStringList postgresStatements; // run after the shared ones, PostgreSQL only
    };

    static QList<Step> steps();
    static int latestVersion();
    // The statements of one step for a backend, placeholders substituted.
    static QStringList statementsFor(const Step &step, StorageBackend backend);
    // Brings the database to latestVersion(); returns the version it ends at. Each step applied is
    // recorded with the session clock's time.
    static Result<int> apply(Session &session);
    // The highest applied version, 0 for an empty database.
    static Result<int> currentVersion(Session &session);
};
