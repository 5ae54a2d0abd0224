#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One row of a spreadsheet as the readers hand it over: its cells as text and the row number a
// user sees (the line in a text editor for CSV, the row label in a spreadsheet program), so that
// every per-row error can point at the right place.
struct SpreadsheetRow
{
    int number = 0; // 1-based
    QStringList cells;

    bool isBlank() const
    {
        for (const QString &cell : cells) {
            if (!QStringView(cell).trimmed().isEmpty())
                return false;
        }
        return true;
    }
    bool operator==(const SpreadsheetRow &) const = default;
};

// The readers' common output: CSV and XLSX look the same to the importer.
struct SpreadsheetTable
{
    QList<SpreadsheetRow> rows;
    QString encoding;  // CSV: the detected encoding ("UTF-8", "UTF-16LE", "Windows-1252", ...)
    QChar separator;   // CSV: the detected separator
    QString sheetName; // XLSX: the sheet that was read
};
