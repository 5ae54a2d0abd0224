#include "inboximporter.h"

#include "clock.h"
#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString processedFolder = u"processed"_s;
const QString rejectedFolder = u"rejected"_s;
const QString errorSuffix = u".errors.txt"_s;

// A free name in the target folder: the file's own, else with a time stamp (the same report name
// arrives every day).
QString freeTarget(const QDir &folder, const QString &name, const QDateTime &now)
{
    QString target = folder.filePath(name);
    if (!QFileInfo::exists(target))
        return target;
    const QFileInfo info(name);
    const QString stamp = now.toUTC().toString(u"yyyyMMdd-HHmmss-zzz"_s);
    const QString suffix = info.suffix().isEmpty() ? QString() : QString(u'.' + info.suffix());
    for (int n = 0;; ++n) {
        const QString candidate = folder.filePath(info.completeBaseName() + u'-' + stamp +
                                                  (n > 0 ? u'-' + QString::number(n) : QString()) + suffix);
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
}

bool writeErrorReport(const QString &path, const QString &file, const QString &fileError,
                      const QList<ImportRowError> &rows)
{
    QSaveFile report(path);
    if (!report.open(QIODevice::WriteOnly))
        return false;
    QString text = u"Import of "_s + file + u"\n"_s;
    if (!fileError.isEmpty())
        text += u"error: "_s + fileError + u"\n"_s;
    for (const ImportRowError &row : rows)
        text += u"row %1: %2\n"_s.arg(row.row).arg(row.reason);
    report.write(text.toUtf8());
    return report.commit();
}

} // namespace

QStringList InboxImporter::pendingFiles(const QString &inbox, const QDateTime &now, int minAgeSeconds)
{
    const QDir dir(inbox);
    const QDateTime youngest = now.addSecs(-minAgeSeconds);
    QStringList files;
    for (const QFileInfo &info : dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name)) {
        if (info.fileName().endsWith(errorSuffix) || info.fileName().startsWith(u'~'))
            continue;
        if (minAgeSeconds > 0 && info.lastModified().toUTC() > youngest)
            continue;
        files.append(info.fileName());
    }
    return files;
}

Result<InboxImporter::PassReport> InboxImporter::runOnce(Store &store, const QString &inbox,
                                                         const ImportDefaults &defaults, int minAgeSeconds)
{
    QDir dir(inbox);
    if (!dir.exists())
        return makeError(ErrorKind::InvalidInput, u"the inbox folder %1 does not exist"_s.arg(inbox));
    if (!dir.mkpath(processedFolder) || !dir.mkpath(rejectedFolder))
        return makeError(ErrorKind::InvalidInput, u"cannot create processed/ and rejected/ in %1"_s.arg(inbox));
    const QDateTime now = store.clock().now();
    PassReport pass;
    for (const QString &name : pendingFiles(inbox, now, minAgeSeconds)) {
        FileOutcome outcome;
        outcome.file = name;
        const Result<ImportReport> report = Importer::importFile(store, dir.filePath(name), defaults);
        if (report) {
            outcome.imported = true;
            outcome.report = report.value();
        } else if (report.error().kind == ErrorKind::Storage) {
            // The database, not the file, failed: leave the file for the next pass.
            pass.problems.append(name + u": "_s + report.error().message);
            continue;
        } else {
            outcome.error = report.error().message;
        }
        const QDir target(dir.filePath(outcome.imported ? processedFolder : rejectedFolder));
        outcome.movedTo = freeTarget(target, name, now);
        if (!QFile::rename(dir.filePath(name), outcome.movedTo)) {
            // Left in place it would be imported again on the next pass: stop here and say so.
            pass.problems.append(u"cannot move %1 to %2"_s.arg(name, outcome.movedTo));
            pass.files.append(outcome);
            return pass;
        }
        if ((!outcome.imported || !outcome.report.errors.isEmpty()) &&
            !writeErrorReport(outcome.movedTo + errorSuffix, name, outcome.error, outcome.report.errors)) {
            pass.problems.append(u"cannot write the error report for %1"_s.arg(name));
        }
        qCInfo(lcStore) << "inbox:" << name << (outcome.imported ? "processed" : "rejected");
        pass.files.append(outcome);
    }
    return pass;
}
