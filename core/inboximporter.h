#pragma once

#include "importer.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

// The watched inbox folder: the daily TMS report is dropped into a folder and
// imported once. After its import each file is moved out of the way, so it is never imported twice:
// to processed/ when it was read (rows may still have been rejected), to rejected/ when nothing
// could be imported; any errors are written beside it as <file>.errors.txt. The CLI runs one pass
// per call (`watch import --inbox DIR`); the console runs a pass whenever the folder changes.
namespace InboxImporter {

struct FileOutcome
{
    QString file;    // the file name as it was in the inbox
    QString movedTo; // its path after the pass
    bool imported = false;
    ImportReport report; // when imported
    QString error;       // when not
};

struct PassReport
{
    QList<FileOutcome> files;
    QStringList problems; // the pass itself could not do something (e.g. move a file)
};

// Files that are not hidden, not the error reports and not still being written (modified within
// minAgeSeconds); in name order.
QStringList pendingFiles(const QString &inbox, const QDateTime &now, int minAgeSeconds = 0);
Result<PassReport> runOnce(Store &store, const QString &inbox, const ImportDefaults &defaults, int minAgeSeconds = 0);

} // namespace InboxImporter
