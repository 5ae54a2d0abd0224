#pragma once

#include "exporter.h"

#include <QByteArray>
#include <QIODevice>

// What the exporter's report writers share: output in chunks, and the reports built from watchlist
// entries rather than straight from the tables.

constexpr qsizetype exportFlushThreshold = qsizetype(256) * 1024;

// Keeps a chunk of output in memory and hands it to the device when it is big enough.
class ChunkedOutput final
{
public:
    explicit ChunkedOutput(QIODevice &device) : m_device(device)
    {
        m_buffer.reserve(exportFlushThreshold + qsizetype(64) * 1024);
    }
    QByteArray &buffer() { return m_buffer; }
    bool maybeFlush() { return m_buffer.size() < exportFlushThreshold || flush(); }
    bool flush()
    {
        const bool written = m_buffer.isEmpty() || m_device.write(m_buffer) == m_buffer.size();
        m_buffer.resize(0);
        return written;
    }

private:
    QIODevice &m_device;
    QByteArray m_buffer;
};

// The holds, LFD and field-table reports: built from the watchlist entries (exporterentries.cpp).
Result<qint64> writeEntryReport(Store &store, const ExportOptions &options, QIODevice &device);
