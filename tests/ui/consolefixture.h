#pragma once

#include "result.h"
#include "store.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

// A small watchlist with one container per case the console must show: overdue, today and tomorrow
// LFDs, holds of several types, on vessel, outgated, and a trace error. Times are relative to
// ConsoleFixture::now so day arithmetic is fixed.
namespace ConsoleFixture {
QDateTime now(); // 2026-03-10 12:00 UTC
QDate today();
QString number(const QString &firstTen); // appends the ISO 6346 check digit
// Numbers in insertion order: A (Customs hold, overdue), B (LFD today), C (Line+Freight, tomorrow),
// D (on vessel), E (outgated), F (trace error).
QStringList numbers();
// Adds the six containers with snapshots and, for A, three events. Returns the ids in order.
Result<QList<qint64>> seed(Store &store, const QString &entity = QStringLiteral("default"));
// Points QSettings (INI format) at folder and names the application, so a GUI test never reads or
// writes the user's own settings.
void isolateSettings(const QString &folder, const QString &applicationName);
} // namespace ConsoleFixture
