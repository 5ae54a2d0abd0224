#pragma once

#include "result.h"
#include "spreadsheettable.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class QIODevice;

// Reads the first (or a chosen) sheet of an Office Open XML workbook with a real ZIP library
// (QuaZip) and QXmlStreamReader: shared strings, inline strings, formula results, booleans,
// numbers, and dates stored as serial numbers (recognised by their number format, 1900 and 1904
// date systems). Every ZIP entry is inflated in bounded chunks and the reader gives up once the
// inflated bytes pass a cap, so a tiny file that inflates to gigabytes (a ZIP bomb) is refused
// instead of filling memory.
namespace XlsxReader {

struct Options
{
    QString sheet;                                       // empty: the first sheet
    qint64 maxInflatedBytes = qint64(128) * 1024 * 1024; // all entries together
    int maxColumns = 16384;                              // Excel's own limit (XFD)
};

Result<QStringList> sheetNames(QIODevice &device);
Result<SpreadsheetTable> read(QIODevice &device, const Options &options = {});
Result<SpreadsheetTable> readBytes(const QByteArray &bytes, const Options &options = {});
Result<SpreadsheetTable> readFile(const QString &path, const Options &options = {});

// "A" -> 0, "AB12" -> 27; -1 when the reference has no column letters or is beyond maxColumns.
int columnIndex(QStringView cellReference, int maxColumns = 16384);
// Spreadsheet serial day number -> ISO text: "2024-03-05", or "2024-03-05T14:30:00" with a time.
QString serialToIso(double serial, bool date1904 = false);

} // namespace XlsxReader
