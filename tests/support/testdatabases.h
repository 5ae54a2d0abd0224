#pragma once

#include "clock.h"
#include "store.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

// A fresh, empty database for one test, removed again when the object goes: an SQLite file in a
// temporary folder, or a new database on the test PostgreSQL server (QUAYWATCH_TEST_PG_URL, set by
// scripts/with-test-services.sh). Tests run the same cases on both backends with it.
//
// Usage:
//     TestDatabase database(Store::Backend::Postgres);
//     if (!TestDatabase::postgresAvailable()) QSKIP("QUAYWATCH_TEST_PG_URL is not set");
//     QVERIFY2(database.isValid(), qPrintable(database.error()));
//     auto store = Store::open(database.location(), testClock());
class TestDatabase final
{
public:
    explicit TestDatabase(Store::Backend backend);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    bool isValid() const { return !m_location.isEmpty(); }
    QString location() const { return m_location; } // a file path or a postgresql:// URL
    QString error() const { return m_error; }
    Store::Backend backend() const { return m_backend; }

    // True when QUAYWATCH_TEST_PG_URL is set and the Qt PostgreSQL driver is installed.
    static bool postgresAvailable();
    // True when the test server can be restarted (QUAYWATCH_TEST_PG_CTL and _DATA are set).
    static bool postgresRestartable();
    // pg_ctl restart -m fast of the test server (every connection to it is cut); empty, or why not.
    static QString restartPostgres();
    // "sqlite" or "postgres", for data row names.
    static QString backendName(Store::Backend backend);

private:
    bool createPostgresDatabase();
    void dropPostgresDatabase();

    Store::Backend m_backend;
    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_location;
    QString m_databaseName;
    QString m_error;
};

// The clock tests open a store with when they do not move time themselves: the real time, as the
// application's own SystemClock gives it, owned by the test process (a Store always takes a clock).
const Clock &testClock();

// Records an active subscription of entity "default" to number at provider, as SubscriptionService
// does before it asks the provider: callbacks only touch what the entity subscribed to.
Result<void> recordSubscription(Store &store, const QString &provider, const QString &number);
