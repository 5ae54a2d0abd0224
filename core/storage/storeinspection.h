#pragma once

#include <QSqlDatabase>

class Store;

// For tests and benchmarks only: the connection behind a Store, to look at rows and settings the
// store's functions do not show (pragmas, raw columns, fill data). Production code calls the store.
class StoreInspection final
{
public:
    static QSqlDatabase database(const Store &store);
};
