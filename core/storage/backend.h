#pragma once

// The two databases the store runs on: SQLite by default, PostgreSQL for teams.
enum class StorageBackend
{
    Sqlite,
    Postgres
};
