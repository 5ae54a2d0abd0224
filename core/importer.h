#pragma once

#include "importmapping.h"
#include "result.h"
#include "spreadsheettable.h"
#include "store.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// What applies to every row unless the row's own column says otherwise (CLI --provider, --site,
// --data; the dialog's defaults).
struct ImportDefaults
{
    QString entity = QStringLiteral("default");
    QString provider;
    QString site;
    QJsonObject providerData;
    // Use the column mapping remembered for the file's layout (the import dialog saves them as
    // SettingKey::ImportLayout) before guessing from the header: the CLI and the inbox folder read
    // the daily report the way the user last mapped it.
    bool rememberedLayouts = false;
};

struct ImportRowError
{
    int row = 0; // the row number a user sees in the file
    QString reason;

    bool operator==(const ImportRowError &) const = default;
};

// The rows of one file as watchlist entries, checked but not stored yet (the dialog previews it).
struct ImportPlan
{
    QList<WatchEntry> entries;
    QList<ImportRowError> errors; // rejected rows, in file order
    int rowsRead = 0;             // data rows, blank rows and the header excluded
    int duplicateRows = 0;        // rows repeating an earlier row of the same file
};

struct ImportReport
{
    QString file;
    int rowsRead = 0;
    int added = 0;          // new on the watchlist (or active again)
    int alreadyTracked = 0; // already on the watchlist: unchanged
    int duplicateRows = 0;
    QList<ImportRowError> errors;

    QString summary() const; // "12 rows: 10 added, 1 already on the watchlist, 1 rejected"
};

// Spreadsheet intake. The rule for one file, the same in the GUI, the CLI and the
// inbox folder: a file that cannot be read as a table (0 bytes, not a spreadsheet, a quote that
// never closes, a ZIP bomb, no container-number column) imports nothing and fails. Otherwise every
// valid row is stored in ONE transaction (all of them or, on a database error, none) and every
// rejected row is reported with its row number and reason. Rows already on the watchlist and rows
// repeated within the file change nothing, so importing the same file again changes nothing.
namespace Importer {

// .xlsx / .xlsm are read as workbooks (sheet: empty for the first), everything else as CSV.
Result<SpreadsheetTable> readFile(const QString &path, const QString &sheet = {});
// Row checks: a mapped container-number column, an ISO 6346 number (spaces and dashes inside are
// dropped, lower case is raised), a provider, a reference of at most 50 characters.
Result<ImportPlan> plan(const SpreadsheetTable &table, const ImportMapping &mapping, const ImportDefaults &defaults);
Result<ImportReport> commit(Store &store, const ImportPlan &plan, const QString &file = {});
// readFile + the mapping (remembered when defaults.rememberedLayouts, else guessed from the header)
// + plan + commit with the same rules and result, recorded in the audit log. A large file is read
// and checked on a worker thread while the store writes the rows already checked, in the same one
// transaction (the target: 100,000 rows within 2x of `sqlite3 .import`).
Result<ImportReport> importFile(Store &store, const QString &path, const ImportDefaults &defaults);

} // namespace Importer
