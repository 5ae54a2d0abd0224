// Storage has one door: only core/storage/ may include QtSql or sqlite3, so nobody else can hold a
// QSqlDatabase or run SQL; everyone else calls the Store. Tests and benchmarks are outside this rule
// (they inspect rows through StoreInspection).
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestStorageBoundary final : public QObject
{
    Q_OBJECT

private slots:
    void onlyStorageIncludesSql();
};

void TestStorageBoundary::onlyStorageIncludesSql()
{
    const QString root = qEnvironmentVariable("QUAYWATCH_SOURCE_DIR");
    if (root.isEmpty())
        QSKIP("QUAYWATCH_SOURCE_DIR is not set; run through ctest");
    static const QRegularExpression sqlInclude(
        uR"(^\s*#\s*include\s*[<"](QSql\w*|QtSql/\w+|sqlite3\.h|storage/session\.h|storage/storeinspection\.h)[>"])"_s,
        QRegularExpression::MultilineOption);
    QStringList offenders;
    for (const QString &folder : {u"core"_s, u"providers"_s, u"ui"_s, u"app"_s}) {
        QDirIterator files(root + u'/' + folder, {u"*.cpp"_s, u"*.h"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            const QString relative = path.mid(root.size() + 1);
            if (relative.startsWith(u"core/storage/"_s) || relative == u"core/store.cpp"_s)
                continue;
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            if (sqlInclude.match(QString::fromUtf8(file.readAll())).hasMatch())
                offenders.append(relative);
        }
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(u"SQL outside core/storage/: "_s + offenders.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestStorageBoundary)
#include "tst_storageboundary.moc"
