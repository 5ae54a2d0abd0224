#pragma once

#include "clock.h"
#include "consolefixture.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"

#include <QString>

#include <memory>

// What most console tests start from: a fresh SQLite store seeded with ConsoleFixture's containers,
// the fixture's fixed clock, and the store-backed backend over both.
struct SeededConsole
{
    std::unique_ptr<TestDatabase> database;
    std::unique_ptr<Store> store;
    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<StoreConsoleBackend> backend;

    // Users first: the backend before the store it reads, the store before its database.
    void close()
    {
        backend.reset();
        clock.reset();
        store.reset();
        database.reset();
    }

    // Starts over with a fresh, seeded database. Empty on success, else what failed.
    QString reopen()
    {
        close();
        database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
        if (!database->isValid())
            return database->error();
        auto opened = Store::open(database->location(), testClock());
        if (!opened)
            return opened.error().message;
        store = std::move(opened).value();
        if (const auto seeded = ConsoleFixture::seed(*store); !seeded)
            return seeded.error().message;
        clock = std::make_unique<ManualClock>(ConsoleFixture::now());
        backend = std::make_unique<StoreConsoleBackend>(*store, QStringLiteral("default"), *clock);
        return {};
    }
};
