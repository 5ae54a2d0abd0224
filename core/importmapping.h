#pragma once

#include "spreadsheettable.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;
class Settings;

// What a spreadsheet column means to the watchlist.
enum class ImportField
{
    Ignore,
    ContainerNumber,
    Provider,
    Site,
    Reference,
    BillOfLading,
    Booking,
    ProviderData, // a provider data field; ImportColumn::dataKey names it (e.g. truckingCompanyCode)
};

struct ImportColumn
{
    ImportField field = ImportField::Ignore;
    QString dataKey;

    bool operator==(const ImportColumn &) const = default;
};

// How one file layout maps onto the watchlist: which row is the header and what each column means.
// Guessed from the header names, corrected by the user in the column-mapping dialog, and
// remembered per layout (a hash of the header) so the next daily report needs no questions.
struct ImportMapping
{
    // The header search, the guess and the recall look at no row after these first ones, so an
    // import can map a file's columns before the rest of it is read.
    static constexpr qsizetype mappingRows = 50;

    int headerIndex = -1; // index into SpreadsheetTable::rows; -1: the file has no header row
    QList<ImportColumn> columns;

    int containerColumn() const; // -1 when no column is mapped to the container number
    QJsonObject toJson() const;
    static std::optional<ImportMapping> fromJson(const QJsonObject &json);
    bool operator==(const ImportMapping &) const = default;

    // Stable snake_case names, for JSON and the dialog.
    static QString fieldName(ImportField field);
    static std::optional<ImportField> fieldFromName(const QString &name);
    static QList<ImportField> allFields();

    // The header row among the first rows: the first one with a cell naming the container number
    // column; -1 when none does (then the file is taken as a list without header).
    static int findHeaderRow(const SpreadsheetTable &table);
    // Header names -> fields ("Container #", "CNTR NO", "B/L", "Booking No", "data.truckingCompanyCode",
    // ...). Without a header, the column holding the most valid container numbers is the number.
    static ImportMapping guess(const SpreadsheetTable &table);
    static ImportColumn guessColumn(const QString &header);
    // The layout's identity: a hash of the normalized header cells ("" when there is no header).
    static QString layoutKey(const SpreadsheetTable &table, int headerIndex);

    // Remembered mappings are the per-layout setting SettingKey::ImportLayout, so the console's
    // import dialog, the inbox folder and `watch import` share them.
    static std::optional<ImportMapping> recall(const Settings &settings, const QString &layoutKey);
    static void remember(Settings &settings, const QString &layoutKey, const ImportMapping &mapping);
    // The mapping remembered for this table's layout, if any: the first of the first rows whose
    // cells are a remembered header.
    static std::optional<ImportMapping> recallFor(const Settings &settings, const SpreadsheetTable &table);
    // The same on a QSettings of the caller's (a test's file), read through Settings' table.
    static std::optional<ImportMapping> recall(QSettings &settings, const QString &layoutKey);
    static void remember(QSettings &settings, const QString &layoutKey, const ImportMapping &mapping);
    static std::optional<ImportMapping> recallFor(QSettings &settings, const SpreadsheetTable &table);
};
