#include "csvreader.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

// Windows-1252 differs from Latin-1 only in 0x80..0x9F; the five undefined bytes map to themselves
// (as Windows' own converter does), so no byte is ever lost.
constexpr std::array<char16_t, 32> windows1252High{0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                   0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                                   0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                   0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QString decodeWindows1252(QByteArrayView bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    char16_t *target = reinterpret_cast<char16_t *>(text.data());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar byte = uchar(bytes[i]);
        target[i] = byte >= 0x80 && byte < 0xA0 ? windows1252High[byte - 0x80] : char16_t(byte);
    }
    return text;
}

bool startsWith(const QByteArray &bytes, std::initializer_list<uchar> prefix)
{
    if (bytes.size() < qsizetype(prefix.size()))
        return false;
    qsizetype i = 0;
    for (const uchar byte : prefix) {
        if (uchar(bytes[i++]) != byte)
            return false;
    }
    return true;
}

// UTF-16 without a BOM: ASCII text has a NUL in every other byte. Which half says the byte order.
std::optional<QStringConverter::Encoding> guessUtf16(const QByteArray &bytes)
{
    const qsizetype sample = std::min<qsizetype>(bytes.size() & ~qsizetype(1), 4096);
    if (sample < 2)
        return std::nullopt;
    qsizetype evenNuls = 0;
    qsizetype oddNuls = 0;
    for (qsizetype i = 0; i < sample; i += 2) {
        evenNuls += bytes[i] == 0;
        oddNuls += bytes[i + 1] == 0;
    }
    const qsizetype pairs = sample / 2;
    if (oddNuls * 10 >= pairs * 6 && evenNuls * 10 < pairs)
        return QStringConverter::Utf16LE;
    if (evenNuls * 10 >= pairs * 6 && oddNuls * 10 < pairs)
        return QStringConverter::Utf16BE;
    return std::nullopt;
}

QString decodeWith(QStringConverter::Encoding encoding, QByteArrayView bytes)
{
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    return decoder.decode(bytes);
}

} // namespace

QString CsvReader::decode(const QByteArray &bytes, QString *encodingName)
{
    const auto named = [encodingName](const QString &name) {
        if (encodingName)
            *encodingName = name;
    };
    struct Bom
    {
        std::initializer_list<uchar> bytes;
        QStringConverter::Encoding encoding;
        const char16_t *name;
    };
    // UTF-32LE before UTF-16LE: its BOM starts with the UTF-16LE one.
    const std::array<Bom, 5> boms{{{{0xEF, 0xBB, 0xBF}, QStringConverter::Utf8, u"UTF-8 with BOM"},
                                   {{0xFF, 0xFE, 0x00, 0x00}, QStringConverter::Utf32LE, u"UTF-32LE"},
                                   {{0x00, 0x00, 0xFE, 0xFF}, QStringConverter::Utf32BE, u"UTF-32BE"},
                                   {{0xFF, 0xFE}, QStringConverter::Utf16LE, u"UTF-16LE"},
                                   {{0xFE, 0xFF}, QStringConverter::Utf16BE, u"UTF-16BE"}}};
    for (const Bom &bom : boms) {
        if (startsWith(bytes, bom.bytes)) {
            named(QString::fromUtf16(bom.name));
            return decodeWith(bom.encoding, QByteArrayView(bytes).sliced(qsizetype(bom.bytes.size())));
        }
    }
    if (const auto utf16 = guessUtf16(bytes)) {
        named(*utf16 == QStringConverter::Utf16LE ? u"UTF-16LE"_s : u"UTF-16BE"_s);
        return decodeWith(*utf16, bytes);
    }
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError()) {
        named(u"UTF-8"_s);
        return text;
    }
    named(u"Windows-1252"_s);
    return decodeWindows1252(bytes);
}

QChar CsvReader::detectSeparator(QStringView text)
{
    qsizetype commas = 0;
    qsizetype semicolons = 0;
    qsizetype tabs = 0;
    bool quoted = false;
    int lines = 0;
    // A report often opens with a title line, so the first lines together decide, not the first.
    for (const QChar c : text.first(std::min<qsizetype>(text.size(), 64 * 1024))) {
        const char16_t u = c.unicode();
        if (u == u'"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (u == u'\n' && ++lines >= 50)
            break;
        else if (u == u',')
            ++commas;
        else if (u == u';')
            ++semicolons;
        else if (u == u'\t')
            ++tabs;
    }
    if (tabs > commas && tabs >= semicolons)
        return u'\t';
    if (semicolons > commas)
        return u';';
    return u',';
}

namespace {

// A small state machine over the decoded text. Lenient where a human would read the file the
// same way: a quote inside an unquoted field is a literal quote, and text after a closing quote
// is appended to the field. Strict only where leniency would swallow rows: an unclosed quote.
class Parser final
{
public:
    Parser(QStringView text, QChar separator) : m_text(text), m_separator(separator.unicode()) {}

    Result<SpreadsheetTable> run()
    {
        SpreadsheetTable table;
        while (true) {
            SpreadsheetRow row;
            const Result<bool> read = next(row);
            if (!read)
                return read.error();
            if (!read.value())
                return table;
            table.rows.append(std::move(row));
        }
    }

    // The next row that is not blank; false at the end of the text.
    Result<bool> next(SpreadsheetRow &row)
    {
        const qsizetype size = m_text.size();
        while (m_position < size) {
            row.number = m_line;
            row.cells.clear();
            row.cells.reserve(m_width);
            int quoteLine = 0;
            m_position = readRecord(m_position, row.cells, m_line, quoteLine);
            if (quoteLine > 0) {
                return makeError(
                    ErrorKind::InvalidInput,
                    u"row %1: a quoted field opened on line %2 is never closed"_s.arg(row.number).arg(quoteLine));
            }
            m_width = row.cells.size();
            if (!row.isBlank())
                return true;
        }
        return false;
    }

private:
    // Reads one record from position i; returns the position after its line break.
    qsizetype readRecord(qsizetype i, QStringList &cells, int &line, int &openQuoteLine)
    {
        const qsizetype size = m_text.size();
        while (true) {
            bool endOfRecord = false;
            i = readField(i, cells, line, openQuoteLine, endOfRecord);
            if (endOfRecord || i >= size || openQuoteLine > 0)
                return i;
        }
    }

    // Reads one field starting at i and the separator or line break after it. The common unquoted
    // field is one slice of the text; only quoted fields are assembled piece by piece.
    qsizetype readField(qsizetype i, QStringList &cells, int &line, int &openQuoteLine, bool &endOfRecord)
    {
        const qsizetype size = m_text.size();
        const char16_t *text = m_text.utf16();
        QString field;
        if (i < size && text[i] == u'"') {
            const int quoteLine = line;
            i = readQuoted(i + 1, field, line);
            if (i < 0) {
                openQuoteLine = quoteLine;
                cells.append(field);
                return size;
            }
        }
        const qsizetype start = i;
        while (i < size && text[i] != m_separator && text[i] != u'\r' && text[i] != u'\n')
            ++i;
        if (i > start && field.isEmpty())
            field = m_text.sliced(start, i - start).toString();
        else if (i > start)
            field += m_text.sliced(start, i - start); // a stray quote or text after a closing quote stays
        cells.append(field);
        if (i >= size) {
            endOfRecord = true;
            return i;
        }
        if (text[i] == m_separator) {
            if (i + 1 >= size) // a separator at the very end still ends in an empty field
                cells.append(QString());
            return i + 1;
        }
        endOfRecord = true;
        ++line;
        return (text[i] == u'\r' && i + 1 < size && text[i + 1] == u'\n') ? i + 2 : i + 1;
    }

    // Inside quotes from i: returns the position after the closing quote, or -1 when it never comes.
    qsizetype readQuoted(qsizetype i, QString &field, int &line)
    {
        const qsizetype size = m_text.size();
        const char16_t *text = m_text.utf16();
        qsizetype start = i;
        while (i < size) {
            const char16_t c = text[i];
            if (c == u'"') {
                field += m_text.sliced(start, i - start);
                if (i + 1 < size && text[i + 1] == u'"') {
                    field += u'"';
                    i += 2;
                    start = i;
                    continue;
                }
                return i + 1;
            }
            if (c == u'\n' || (c == u'\r' && !(i + 1 < size && text[i + 1] == u'\n')))
                ++line;
            ++i;
        }
        field += m_text.sliced(start, size - start);
        return -1;
    }

    QStringView m_text;
    char16_t m_separator;
    qsizetype m_position = 0;
    int m_line = 1;
    qsizetype m_width = 0; // cells in the last row: the next one most likely has as many
};

} // namespace

namespace {
Result<QChar> checkedSeparator(QStringView text, QChar separator)
{
    if (separator.isNull())
        separator = CsvReader::detectSeparator(text);
    if (separator == u'"' || separator == u'\r' || separator == u'\n')
        return makeError(ErrorKind::InvalidInput, u"a quote or line break cannot separate fields"_s);
    return separator;
}
} // namespace

struct CsvReader::RowStream::Private
{
    Private(QString decoded, QString encodingName, QChar separatorChar)
        : text(std::move(decoded)), encoding(std::move(encodingName)), separator(separatorChar), parser(text, separator)
    {}
    const QString text;
    const QString encoding;
    const QChar separator;
    Parser parser; // reads text, which lives as long as this
};

CsvReader::RowStream::RowStream(std::unique_ptr<Private> d) : d(std::move(d)) {}
CsvReader::RowStream::RowStream(RowStream &&) noexcept = default;
CsvReader::RowStream &CsvReader::RowStream::operator=(RowStream &&) noexcept = default;
CsvReader::RowStream::~RowStream() = default;

Result<CsvReader::RowStream> CsvReader::RowStream::fromBytes(const QByteArray &bytes, const Options &options)
{
    if (bytes.size() > options.maxBytes) {
        return makeError(ErrorKind::InvalidInput,
                         u"the file has %1 bytes; at most %2 are accepted"_s.arg(bytes.size()).arg(options.maxBytes));
    }
    QString encoding;
    QString text = decode(bytes, &encoding);
    const Result<QChar> separator = checkedSeparator(text, options.separator);
    if (!separator)
        return separator.error();
    return RowStream(std::make_unique<Private>(std::move(text), encoding, separator.value()));
}

Result<CsvReader::RowStream> CsvReader::RowStream::open(const QString &path, const Options &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::InvalidInput, u"cannot open %1: %2"_s.arg(path, file.errorString()));
    if (file.size() > options.maxBytes) {
        return makeError(
            ErrorKind::InvalidInput,
            u"%1 has %2 bytes; at most %3 are accepted"_s.arg(path).arg(file.size()).arg(options.maxBytes));
    }
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"%1 is empty (0 bytes)"_s.arg(QFileInfo(path).fileName()));
    return fromBytes(bytes, options);
}

Result<bool> CsvReader::RowStream::next(SpreadsheetRow &row)
{
    return d->parser.next(row);
}

QString CsvReader::RowStream::encoding() const
{
    return d->encoding;
}

QChar CsvReader::RowStream::separator() const
{
    return d->separator;
}

Result<SpreadsheetTable> CsvReader::parseText(QStringView text, QChar separator)
{
    const Result<QChar> checked = checkedSeparator(text, separator);
    if (!checked)
        return checked.error();
    Result<SpreadsheetTable> table = Parser(text, checked.value()).run();
    if (table)
        table->separator = checked.value();
    return table;
}

namespace {
Result<SpreadsheetTable> readToEnd(Result<CsvReader::RowStream> stream)
{
    if (!stream)
        return stream.error();
    SpreadsheetTable table;
    table.encoding = stream->encoding();
    table.separator = stream->separator();
    while (true) {
        SpreadsheetRow row;
        const Result<bool> read = stream->next(row);
        if (!read)
            return read.error();
        if (!read.value())
            return table;
        table.rows.append(std::move(row));
    }
}
} // namespace

Result<SpreadsheetTable> CsvReader::parse(const QByteArray &bytes, const Options &options)
{
    return readToEnd(RowStream::fromBytes(bytes, options));
}

Result<SpreadsheetTable> CsvReader::readFile(const QString &path, const Options &options)
{
    return readToEnd(RowStream::open(path, options));
}
