#include "xlsxreader.h"

#include "logging.h"

#include <QBuffer>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <QXmlStreamReader>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 chunkSize = 64 * 1024;
constexpr int maxRows = 1048576; // Excel's own limit
const QString relationshipsNamespace = u"http://schemas.openxmlformats.org/officeDocument/2006/relationships"_s;

Error invalid(const QString &message)
{
    return makeError(ErrorKind::InvalidInput, message);
}

// One XML entry of the archive, inflated chunk by chunk into the XML reader. Every chunk is charged
// to the budget shared by all entries, so the total inflated size can never pass the cap.
class XmlEntry final
{
public:
    XmlEntry(QuaZip &zip, qint64 &budget, qint64 cap) : m_file(&zip), m_budget(budget), m_cap(cap) {}
    ~XmlEntry()
    {
        if (m_file.isOpen())
            m_file.close();
    }

    Result<void> open(const QString &name)
    {
        m_name = name;
        if (!m_file.getZip()->setCurrentFile(name, QuaZip::csInsensitive))
            return invalid(u"the workbook has no %1"_s.arg(name));
        if (!m_file.open(QIODevice::ReadOnly))
            return invalid(u"cannot inflate %1 (damaged archive)"_s.arg(name));
        return {};
    }

    // The next token; feeds more inflated data when the reader runs dry. False at the end of the
    // document or on an error (see error()).
    bool next()
    {
        while (true) {
            m_xml.readNext();
            if (m_xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
                return !m_xml.atEnd() && !m_xml.hasError();
            if (!feed())
                return false;
        }
    }

    QXmlStreamReader &xml() { return m_xml; }

    Result<void> result() const
    {
        if (m_failure)
            return *m_failure;
        if (m_xml.hasError()) {
            return invalid(
                u"%1 is not valid XML: %2 (line %3)"_s.arg(m_name, m_xml.errorString()).arg(m_xml.lineNumber()));
        }
        return {};
    }

private:
    bool feed()
    {
        if (m_failure || m_file.atEnd())
            return false;
        const QByteArray chunk = m_file.read(chunkSize);
        if (chunk.isEmpty()) {
            if (m_file.getZipError() != UNZ_OK || !m_file.atEnd()) {
                m_failure = invalid(u"cannot inflate %1 (damaged archive)"_s.arg(m_name));
                return false;
            }
            return false;
        }
        m_budget += chunk.size();
        if (m_budget > m_cap) {
            m_failure = invalid(u"the workbook inflates to more than %1 MB (%2); refused as a possible ZIP bomb"_s
                                    .arg(m_cap / (1024 * 1024))
                                    .arg(m_name));
            return false;
        }
        m_xml.addData(chunk);
        return true;
    }

    QuaZipFile m_file;
    QXmlStreamReader m_xml;
    qint64 &m_budget;
    qint64 m_cap;
    QString m_name;
    std::optional<Error> m_failure;
};

struct Workbook
{
    QList<std::pair<QString, QString>> sheets; // name, relationship id
    QHash<QString, QString> targets;           // relationship id -> entry name
    bool date1904 = false;
    QStringList sharedStrings;
    QSet<int> dateStyles; // indexes into cellXfs whose number format is a date
};

class Reader final
{
public:
    Reader(QIODevice &device, const XlsxReader::Options &options) : m_zip(&device), m_options(options) {}

    Result<void> open()
    {
        if (!m_zip.open(QuaZip::mdUnzip))
            return invalid(u"not an XLSX workbook: the file is not a ZIP archive"_s);
        if (!m_zip.setCurrentFile(u"xl/workbook.xml"_s, QuaZip::csInsensitive))
            return invalid(u"not an XLSX workbook: the ZIP archive has no xl/workbook.xml"_s);
        if (auto read = readWorkbook(); !read)
            return read;
        return readRelationships();
    }

    QStringList sheetNames() const
    {
        QStringList names;
        for (const auto &sheet : m_book.sheets)
            names.append(sheet.first);
        return names;
    }

    Result<SpreadsheetTable> readSheet()
    {
        if (auto strings = readSharedStrings(); !strings)
            return strings.error();
        if (auto styles = readStyles(); !styles)
            return styles.error();
        const Result<std::pair<QString, QString>> chosen = chooseSheet();
        if (!chosen)
            return chosen.error();
        SpreadsheetTable table;
        table.sheetName = chosen->first;
        if (auto rows = readRows(chosen->second, table); !rows)
            return rows.error();
        return table;
    }

private:
    Result<void> readWorkbook()
    {
        XmlEntry entry(m_zip, m_inflated, m_options.maxInflatedBytes);
        if (auto opened = entry.open(u"xl/workbook.xml"_s); !opened)
            return opened;
        while (entry.next()) {
            if (!entry.xml().isStartElement())
                continue;
            const auto attributes = entry.xml().attributes();
            if (entry.xml().name() == "workbookPr"_L1) {
                const auto flag = attributes.value("date1904"_L1);
                m_book.date1904 = flag == "1"_L1 || flag == "true"_L1;
            } else if (entry.xml().name() == "sheet"_L1) {
                QString id = attributes.value(relationshipsNamespace, "id"_L1).toString();
                m_book.sheets.append({attributes.value("name"_L1).toString(), id});
            }
        }
        if (auto done = entry.result(); !done)
            return done;
        if (m_book.sheets.isEmpty())
            return invalid(u"the workbook has no sheets"_s);
        return {};
    }

    Result<void> readRelationships()
    {
        XmlEntry entry(m_zip, m_inflated, m_options.maxInflatedBytes);
        if (!entry.open(u"xl/_rels/workbook.xml.rels"_s))
            return {}; // without relationships the conventional names are tried
        while (entry.next()) {
            if (entry.xml().isStartElement() && entry.xml().name() == "Relationship"_L1) {
                const auto attributes = entry.xml().attributes();
                QString target = attributes.value("Target"_L1).toString();
                target = target.startsWith(u'/') ? target.mid(1) : u"xl/"_s + target;
                m_book.targets.insert(attributes.value("Id"_L1).toString(), target);
            }
        }
        return entry.result();
    }

    Result<std::pair<QString, QString>> chooseSheet() const
    {
        qsizetype index = 0;
        if (!m_options.sheet.isEmpty()) {
            index = -1;
            for (qsizetype i = 0; i < m_book.sheets.size(); ++i) {
                if (m_book.sheets.at(i).first.compare(m_options.sheet, Qt::CaseInsensitive) == 0)
                    index = i;
            }
            if (index < 0) {
                return invalid(u"the workbook has no sheet \"%1\" (sheets: %2)"_s.arg(m_options.sheet,
                                                                                      sheetNames().join(u", "_s)));
            }
        }
        const auto &[name, id] = m_book.sheets.at(index);
        const QString entry = m_book.targets.value(id, u"xl/worksheets/sheet%1.xml"_s.arg(index + 1));
        return std::pair{name, entry};
    }

    Result<void> readSharedStrings()
    {
        XmlEntry entry(m_zip, m_inflated, m_options.maxInflatedBytes);
        if (!entry.open(u"xl/sharedStrings.xml"_s))
            return {}; // a workbook with inline strings only
        QString current;
        int depthInPhonetic = 0;
        bool inText = false;
        while (entry.next()) {
            QXmlStreamReader &xml = entry.xml();
            if (xml.isStartElement()) {
                if (xml.name() == "si"_L1)
                    current.clear();
                else if (xml.name() == "rPh"_L1)
                    ++depthInPhonetic; // phonetic guides are not part of the text
                else if (xml.name() == "t"_L1)
                    inText = depthInPhonetic == 0;
            } else if (xml.isEndElement()) {
                if (xml.name() == "si"_L1)
                    m_book.sharedStrings.append(current);
                else if (xml.name() == "rPh"_L1)
                    --depthInPhonetic;
                else if (xml.name() == "t"_L1)
                    inText = false;
            } else if (xml.isCharacters() && inText) {
                current += xml.text();
            }
        }
        return entry.result();
    }

    static bool isDateFormatCode(QString code)
    {
        QString plain;
        bool quoted = false;
        bool bracket = false;
        for (qsizetype i = 0; i < code.size(); ++i) {
            const QChar c = code.at(i);
            if (c == u'"')
                quoted = !quoted;
            else if (!quoted && c == u'[')
                bracket = true;
            else if (bracket && c == u']')
                bracket = false;
            else if (!quoted && !bracket && c == u'\\')
                ++i;
            else if (!quoted && !bracket)
                plain.append(c.toLower());
        }
        if (plain.contains("general"_L1))
            return false;
        for (const QChar c : plain) {
            if (c == u'd' || c == u'm' || c == u'y' || c == u'h' || c == u's')
                return true;
        }
        return false;
    }

    static bool isBuiltInDateFormat(int id)
    {
        return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
    }

    Result<void> readStyles()
    {
        XmlEntry entry(m_zip, m_inflated, m_options.maxInflatedBytes);
        if (!entry.open(u"xl/styles.xml"_s))
            return {};
        QSet<int> customDateFormats;
        bool inCellXfs = false;
        int xfIndex = 0;
        while (entry.next()) {
            QXmlStreamReader &xml = entry.xml();
            if (xml.isStartElement()) {
                const auto attributes = xml.attributes();
                if (xml.name() == "numFmt"_L1) {
                    if (isDateFormatCode(attributes.value("formatCode"_L1).toString()))
                        customDateFormats.insert(attributes.value("numFmtId"_L1).toInt());
                } else if (xml.name() == "cellXfs"_L1) {
                    inCellXfs = true;
                } else if (inCellXfs && xml.name() == "xf"_L1) {
                    const int format = attributes.value("numFmtId"_L1).toInt();
                    if (isBuiltInDateFormat(format) || customDateFormats.contains(format))
                        m_book.dateStyles.insert(xfIndex);
                    ++xfIndex;
                }
            } else if (xml.isEndElement() && xml.name() == "cellXfs"_L1) {
                inCellXfs = false;
            }
        }
        return entry.result();
    }

    struct Cell
    {
        int column = -1;
        QString type;
        int style = 0;
        QString value;   // <v>
        QString inline_; // <is><t>
    };

    QString cellText(const Cell &cell) const
    {
        if (cell.type == "s"_L1) {
            bool ok = false;
            const int index = cell.value.trimmed().toInt(&ok);
            return ok && index >= 0 && index < m_book.sharedStrings.size() ? m_book.sharedStrings.at(index) : QString();
        }
        if (cell.type == "inlineStr"_L1)
            return cell.inline_;
        if (cell.type == "b"_L1)
            return cell.value.trimmed() == "1"_L1 ? u"TRUE"_s : u"FALSE"_s;
        if (cell.type == "str"_L1 || cell.type == "e"_L1 || cell.type == "d"_L1)
            return cell.value;
        bool ok = false;
        const double number = cell.value.trimmed().toDouble(&ok);
        if (!ok)
            return cell.value;
        if (m_book.dateStyles.contains(cell.style))
            return XlsxReader::serialToIso(number, m_book.date1904);
        if (std::floor(number) == number && std::abs(number) < 1e15)
            return QString::number(qint64(number));
        return QString::number(number, 'g', 15);
    }

    Result<void> readRows(const QString &entryName, SpreadsheetTable &table)
    {
        XmlEntry entry(m_zip, m_inflated, m_options.maxInflatedBytes);
        if (auto opened = entry.open(entryName); !opened)
            return opened;
        SpreadsheetRow row;
        Cell cell;
        bool inRow = false;
        enum class Text
        {
            None,
            Value,
            Inline
        } text = Text::None;
        while (entry.next()) {
            QXmlStreamReader &xml = entry.xml();
            if (xml.isStartElement()) {
                const auto name = xml.name();
                if (name == "row"_L1) {
                    const int number = xml.attributes().value("r"_L1).toInt();
                    row = SpreadsheetRow{
                        number > 0 ? number : (table.rows.isEmpty() ? 1 : table.rows.last().number + 1), {}};
                    if (row.number > maxRows)
                        return invalid(u"the sheet has more than %1 rows"_s.arg(maxRows));
                    inRow = true;
                } else if (inRow && name == "c"_L1) {
                    const auto attributes = xml.attributes();
                    cell = Cell{};
                    const auto reference = attributes.value("r"_L1);
                    cell.column = reference.isEmpty() ? int(row.cells.size())
                                                      : XlsxReader::columnIndex(reference, m_options.maxColumns);
                    if (cell.column < 0)
                        return invalid(u"row %1: bad cell reference \"%2\""_s.arg(row.number).arg(reference));
                    cell.type = attributes.value("t"_L1).toString();
                    cell.style = attributes.value("s"_L1).toInt();
                } else if (name == "v"_L1) {
                    text = Text::Value;
                } else if (name == "t"_L1) {
                    text = Text::Inline;
                }
            } else if (xml.isCharacters()) {
                if (text == Text::Value)
                    cell.value += xml.text();
                else if (text == Text::Inline)
                    cell.inline_ += xml.text();
            } else if (xml.isEndElement()) {
                const auto name = xml.name();
                if (name == "v"_L1 || name == "t"_L1) {
                    text = Text::None;
                } else if (inRow && name == "c"_L1) {
                    while (row.cells.size() < cell.column)
                        row.cells.append(QString());
                    if (cell.column < row.cells.size())
                        row.cells[cell.column] = cellText(cell);
                    else
                        row.cells.append(cellText(cell));
                } else if (name == "row"_L1) {
                    inRow = false;
                    if (!row.isBlank())
                        table.rows.append(std::move(row));
                    row = SpreadsheetRow{};
                }
            }
        }
        return entry.result();
    }

    QuaZip m_zip;
    XlsxReader::Options m_options;
    Workbook m_book;
    qint64 m_inflated = 0;
};

} // namespace

int XlsxReader::columnIndex(QStringView cellReference, int maxColumns)
{
    qint64 column = 0;
    qsizetype letters = 0;
    for (const QChar c : cellReference) {
        const char16_t u = c.toUpper().unicode();
        if (u < u'A' || u > u'Z')
            break;
        column = column * 26 + (u - u'A' + 1);
        if (column > maxColumns)
            return -1;
        ++letters;
    }
    return letters == 0 ? -1 : int(column - 1);
}

QString XlsxReader::serialToIso(double serial, bool date1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial > 2958465) // 9999-12-31
        return QString::number(serial, 'g', 15);
    // 1900 system: day 0 is 1899-12-30, which absorbs Lotus's invented 1900-02-29 for every real date
    // after it. 1904 system: day 0 is 1904-01-01.
    const QDate base = date1904 ? QDate(1904, 1, 1) : QDate(1899, 12, 30);
    qint64 days = qint64(std::floor(serial));
    qint64 seconds = std::llround((serial - double(days)) * 86400.0);
    if (seconds >= 86400) {
        ++days;
        seconds -= 86400;
    }
    const QDate date = base.addDays(days);
    if (seconds == 0)
        return date.toString(Qt::ISODate);
    return QDateTime(date, QTime(0, 0).addSecs(int(seconds))).toString(Qt::ISODate);
}

Result<QStringList> XlsxReader::sheetNames(QIODevice &device)
{
    Reader reader(device, {});
    if (auto opened = reader.open(); !opened)
        return opened.error();
    return reader.sheetNames();
}

Result<SpreadsheetTable> XlsxReader::read(QIODevice &device, const Options &options)
{
    Reader reader(device, options);
    if (auto opened = reader.open(); !opened)
        return opened.error();
    return reader.readSheet();
}

Result<SpreadsheetTable> XlsxReader::readBytes(const QByteArray &bytes, const Options &options)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    if (!buffer.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Internal, u"cannot read the workbook from memory"_s);
    return read(buffer, options);
}

Result<SpreadsheetTable> XlsxReader::readFile(const QString &path, const Options &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(u"cannot open %1: %2"_s.arg(path, file.errorString()));
    if (file.size() == 0)
        return invalid(u"%1 is empty (0 bytes)"_s.arg(QFileInfo(path).fileName()));
    Result<SpreadsheetTable> table = read(file, options);
    if (!table)
        qCInfo(lcStore) << "cannot read workbook" << path << ":" << table.error().message;
    return table;
}
