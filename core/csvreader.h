#pragma once

#include "result.h"
#include "spreadsheettable.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <memory>

// Reads the CSV files TMS reports and people send: any quoting (RFC 4180 and the broken kinds
// spreadsheets and scripts produce), embedded newlines, CRLF / LF / CR mixed in one file, comma,
// semicolon or tab separators, UTF-8 with or without BOM, UTF-16 and Windows-1252. Bad input gives
// a specific error and never a crash; the only structural error is a quote that never closes,
// because then no row after it can be trusted.
namespace CsvReader {

struct Options
{
    QChar separator;                             // null: detect from the first record
    qint64 maxBytes = qint64(512) * 1024 * 1024; // a larger file is refused before it is read
};

// Decodes bytes to text: a BOM decides (UTF-8, UTF-16LE/BE, UTF-32LE/BE); without one, NUL bytes
// in alternate positions mean UTF-16, valid UTF-8 means UTF-8, anything else is Windows-1252.
QString decode(const QByteArray &bytes, QString *encodingName = nullptr);
// The separator among , ; and tab that occurs most often outside quotes in the first 50 lines.
QChar detectSeparator(QStringView text);

// A CSV file's rows one at a time, so that an import can check and store the first rows while later
// ones are still being parsed. parse() and readFile() are this stream read to the end.
class RowStream final
{
public:
    static Result<RowStream> open(const QString &path, const Options &options = {});
    static Result<RowStream> fromBytes(const QByteArray &bytes, const Options &options = {});
    RowStream(RowStream &&) noexcept;
    RowStream &operator=(RowStream &&) noexcept;
    ~RowStream();

    // The next row that is not blank; false at the end. A quote that never closes is an error.
    Result<bool> next(SpreadsheetRow &row);
    QString encoding() const;
    QChar separator() const;

private:
    struct Private;
    explicit RowStream(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

Result<SpreadsheetTable> parse(const QByteArray &bytes, const Options &options = {});
Result<SpreadsheetTable> parseText(QStringView text, QChar separator);
Result<SpreadsheetTable> readFile(const QString &path, const Options &options = {});

} // namespace CsvReader
