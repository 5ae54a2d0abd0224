#include "containerbatch.h"

#include <QJsonDocument>
#include <QStringEncoder>

#include <algorithm>
#include <numeric>

using namespace Qt::Literals::StringLiterals;

namespace {
void putDigits(char16_t *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
}
} // namespace

// Written by hand because it runs twice per event on the ingestion path.
QString storedTimeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    QString text(24, Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    putDigits(out, std::clamp(date.year(), 0, 9999), 4);
    out[4] = u'-';
    putDigits(out + 5, date.month(), 2);
    out[7] = u'-';
    putDigits(out + 8, date.day(), 2);
    out[10] = u'T';
    putDigits(out + 11, clock.hour(), 2);
    out[13] = u':';
    putDigits(out + 14, clock.minute(), 2);
    out[16] = u':';
    putDigits(out + 17, clock.second(), 2);
    out[19] = u'.';
    putDigits(out + 20, clock.msec(), 3);
    out[23] = u'Z';
    return text;
}

ContainerBatch::ContainerBatch(const QDateTime &now)
    : m_nowText(storedTimeText(now).toLatin1()),
      m_expiresText(storedTimeText(now.addDays(WatchEntry::traceWindowDays)).toLatin1())
{}

Result<void> ContainerBatch::check(const WatchEntry &entry)
{
    if (entry.containerNumber.isEmpty() || entry.entity.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"A container number and an entity are required"_s);
    if (entry.reference.size() > WatchEntry::maxReferenceLength) {
        return makeError(ErrorKind::InvalidInput,
                         u"The reference of %1 is longer than %2 characters"_s.arg(entry.containerNumber)
                             .arg(WatchEntry::maxReferenceLength));
    }
    return {};
}

Result<void> ContainerBatch::append(const WatchEntry &entry)
{
    if (Result<void> checked = check(entry); !checked)
        return checked;
    if (m_entities.isEmpty() || m_entities.constLast() != entry.entity) {
        if (!m_entities.contains(entry.entity))
            m_entities.append(entry.entity);
    }
    add(entry.entity, false);
    add(entry.containerNumber, false);
    add(entry.provider, false);
    add(entry.site, true);
    if (entry.providerData != m_lastData || m_lastDataCell.size < 0) {
        m_lastData = entry.providerData;
        if (m_lastData.isEmpty()) {
            addNull();
        } else {
            add(QJsonDocument(m_lastData).toJson(QJsonDocument::Compact));
        }
        m_lastDataCell = m_cells.constLast();
    } else {
        m_cells.append(m_lastDataCell); // the same text again
    }
    add(entry.reference, true);
    add(entry.billOfLading, true);
    add(entry.booking, true);
    addTime(entry.addedAt, m_nowCell, m_nowText);
    if (!entry.expiresAt.isValid() && entry.addedAt.isValid())
        add(storedTimeText(entry.addedAt.addDays(WatchEntry::traceWindowDays)), false);
    else
        addTime(entry.expiresAt, m_expiresCell, m_expiresText);
    add(entry.normalize ? "1" : "0");
    addTime(entry.nextTraceAt, m_nowCell, m_nowText);
    m_order.append(qint32(m_rows));
    ++m_rows;
    m_finished = false;
    return {};
}

void ContainerBatch::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    const auto keyLess = [this](qint32 a, qint32 b) {
        const qsizetype x = qsizetype(a) * ColumnCount;
        const qsizetype y = qsizetype(b) * ColumnCount;
        for (const Column column : {Entity, ContainerNumber, Provider}) {
            const Cell &left = m_cells.at(x + column);
            const Cell &right = m_cells.at(y + column);
            const int order = QByteArrayView(m_text.constData() + left.offset, left.size)
                                  .compare(QByteArrayView(m_text.constData() + right.offset, right.size));
            if (order != 0)
                return order < 0;
        }
        return false;
    };
    if (!std::is_sorted(m_order.cbegin(), m_order.cend(), keyLess))
        std::stable_sort(m_order.begin(), m_order.end(), keyLess);

    m_shared = 0;
    if (m_rows == 0)
        return;
    for (int column = 0; column < ColumnCount; ++column) {
        const QByteArrayView first = value(0, Column(column));
        bool same = true;
        for (qsizetype row = 1; row < m_rows && same; ++row) {
            const QByteArrayView other = value(row, Column(column));
            same = other.isNull() == first.isNull() && other == first;
        }
        if (same)
            m_shared |= 1u << column;
    }
}

QByteArrayView ContainerBatch::value(qsizetype row, Column column) const
{
    const Cell &cell = m_cells.at(qsizetype(m_order.at(row)) * ColumnCount + column);
    if (cell.size < 0)
        return {};
    return QByteArrayView(m_text.constData() + cell.offset, cell.size);
}

void ContainerBatch::add(QStringView text, bool emptyIsNull)
{
    if (text.isEmpty() && emptyIsNull) {
        addNull();
        return;
    }
    const qsizetype worst = text.size() * 3;
    if (m_used + worst > m_text.size())
        m_text.resize(std::max(m_text.size() * 2, m_used + worst + 4096));
    char *const start = m_text.data() + m_used;
    char *out = start;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text[i].unicode();
        if (unit < 0x80) {
            *out++ = char(unit); // ASCII: nearly every container number, code and reference
            continue;
        }
        QStringEncoder encoder(QStringEncoder::Utf8); // accents in a consignee's name, say
        out = encoder.appendToBuffer(out, text.sliced(i));
        break;
    }
    m_cells.append(Cell{qint32(m_used), qint32(out - start)});
    m_used += out - start;
}

void ContainerBatch::add(QByteArrayView utf8)
{
    if (m_used + utf8.size() > m_text.size())
        m_text.resize(std::max(m_text.size() * 2, m_used + utf8.size() + 4096));
    std::copy(utf8.begin(), utf8.end(), m_text.data() + m_used);
    m_cells.append(Cell{qint32(m_used), qint32(utf8.size())});
    m_used += utf8.size();
}

void ContainerBatch::addTime(const QDateTime &time, Cell &shared, QByteArrayView fallback)
{
    if (time.isValid()) {
        add(storedTimeText(time), false);
    } else if (shared.size >= 0) {
        m_cells.append(shared); // the batch's own stamp, written once
    } else {
        add(fallback);
        shared = m_cells.constLast();
    }
}

void ContainerBatch::reserve(qsizetype rows)
{
    m_cells.reserve(rows * ColumnCount);
    m_order.reserve(rows);
    if (m_text.size() < rows * 48) // number, reference and booking of a typical row
        m_text.resize(rows * 48);
}
