// Architecture check: a provider is named only inside its own module folder (providers/<module>/),
// the catalog (resources/) and the tests. Every other mention is listed below with the reason it is
// allowed, so a new one fails here instead of spreading.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Module
{
    QString folder;    // providers/<folder>/
    QStringList names; // ids and class-name stems, matched case-insensitively
    // Where a name is also a common word's inside ("portpro" in "exportProgress"): the pattern used
    // instead of the names, matched as written.
    QString pattern;

    QRegularExpression expression() const
    {
        if (!pattern.isEmpty())
            return QRegularExpression(pattern);
        QStringList escaped;
        for (const QString &name : names)
            escaped.append(QRegularExpression::escape(name));
        return QRegularExpression(escaped.join(u'|'), QRegularExpression::CaseInsensitiveOption);
    }
};

// Paths (relative to the source root, a trailing '/' meaning a whole folder) that may still name
// providers, with why.
const QList<QPair<QString, QString>> &allowedMentions()
{
    static const QList<QPair<QString, QString>> allowed = {
        // Translation files quote the user-visible texts of the modules' folders and of the catalog
        // (resources/catalog/catalogstrings.h), which lupdate copies in; editing them by hand would
        // only be undone by the next lupdate.
        {u"translations/quaywatch_nl.ts"_s, u"translations of module texts"_s},
        {u"translations/quaywatch_es.ts"_s, u"translations of module texts"_s},
    };
    return allowed;
}

bool allowed(const QString &path)
{
    for (const auto &[prefix, reason] : allowedMentions()) {
        Q_UNUSED(reason)
        if (prefix.endsWith(u'/') ? path.startsWith(prefix) : path == prefix)
            return true;
    }
    return false;
}

QString sourceDir()
{
    return qEnvironmentVariable("QUAYWATCH_SOURCE_DIR");
}

// The modules and the names they own: each module folder's own name, the catalog ids it serves
// (ports_america, and the Dockflow terminals, which the catalog files under workflow terminal_pull),
// and the outbound destinations' modules (PortPro and the signed webhooks).
QList<Module> modules()
{
    QFile file(sourceDir() + u"/resources/catalog/providers.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList terminals;
    const QJsonArray providers = QJsonDocument::fromJson(file.readAll()).object().value(u"providers"_s).toArray();
    for (const QJsonValue &value : providers) {
        if (value.toObject().value(u"workflow"_s).toString() == "terminal_pull"_L1)
            terminals.append(value.toObject().value(u"id"_s).toString());
    }
    // PortPro as a word of its own: "PortPro", "PORTPRO", or "portpro" / "port_pro" in any case
    // where no letter comes before it, which leaves "exportProgress" and "reportProgress" alone.
    return {{u"portsamerica"_s, {u"portsamerica"_s, u"ports_america"_s}, {}},
            {u"portconnect"_s, {u"portconnect"_s}, {}},
            {u"envase"_s, {u"envase"_s}, {}},
            {u"dockflow"_s, QStringList{u"dockflow"_s} + terminals, {}},
            {u"portpro"_s, {u"portpro"_s}, u"PortPro|PORTPRO|(?<![A-Za-z])(?i:port_?pro)"_s},
            {u"signedwebhook"_s, {u"signedwebhook"_s, u"signed_webhook"_s}, {}}};
}

// Whether the file, or any file under the folder, names one of the modules' providers.
bool namesAProvider(const QFileInfo &info, const QList<Module> &all)
{
    QStringList paths;
    if (info.isDir()) {
        QDirIterator it(info.filePath(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            paths.append(it.next());
    } else {
        paths.append(info.filePath());
    }
    for (const QString &path : std::as_const(paths)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(file.readAll());
        for (const Module &module : all) {
            if (module.expression().match(text).hasMatch())
                return true;
        }
    }
    return false;
}

} // namespace

class TestProviderBoundaries final : public QObject
{
    Q_OBJECT

private slots:
    void catalogHasTheTerminals();
    void wordPatternsFindTheName_data();
    void wordPatternsFindTheName();
    void providersAreNamedOnlyInTheirModule();
    void allowedMentionsStillExist();
};

void TestProviderBoundaries::catalogHasTheTerminals()
{
    const QList<Module> found = modules();
    QCOMPARE(found.size(), 6);
    QVERIFY2(found.at(3).names.size() > 1, "the catalog lists no Dockflow terminal");
}

void TestProviderBoundaries::wordPatternsFindTheName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("names");
    QTest::newRow("id") << u"kind == \"portpro\""_s << true;
    QTest::newRow("brand") << u"// sent to PortPro"_s << true;
    QTest::newRow("member") << u"m_portProTable"_s << true;
    QTest::newRow("type") << u"PortProMappingRow"_s << true;
    QTest::newRow("inside a word") << u"ExportProgress progress; reportProgress();"_s << false;
}

void TestProviderBoundaries::wordPatternsFindTheName()
{
    QFETCH(QString, text);
    QFETCH(bool, names);
    const QList<Module> all = modules();
    QVERIFY(!all.isEmpty());
    const auto portPro =
        std::find_if(all.cbegin(), all.cend(), [](const Module &m) { return m.folder == "portpro"_L1; });
    QVERIFY(portPro != all.cend());
    QCOMPARE(portPro->expression().match(text).hasMatch(), names);
}

void TestProviderBoundaries::providersAreNamedOnlyInTheirModule()
{
    const QList<Module> all = modules();
    QVERIFY(!all.isEmpty());
    QStringList problems;
    const QString root = sourceDir();
    for (const QString &top :
         {u"app"_s, u"core"_s, u"providers"_s, u"ui"_s, u"bench"_s, u"fuzz"_s, u"translations"_s, u"packaging"_s}) {
        QDirIterator it(root + u'/' + top, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next().mid(root.size() + 1);
            if (allowed(path))
                continue;
            QFile file(it.filePath());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(file.readAll());
            for (const Module &module : all) {
                if (path.startsWith(u"providers/"_s + module.folder + u'/'))
                    continue;
                const QRegularExpressionMatch match = module.expression().match(text);
                if (match.hasMatch())
                    problems.append(path + u" names "_s + match.captured());
            }
        }
    }
    if (!problems.isEmpty())
        qWarning().noquote() << problems.join(u'\n');
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 mention(s) of a provider outside its module"_s.arg(problems.size())));
}

// An exception whose file is gone or no longer names a provider is removed from the list.
void TestProviderBoundaries::allowedMentionsStillExist()
{
    const QList<Module> all = modules();
    QVERIFY(!all.isEmpty());
    for (const auto &[prefix, reason] : allowedMentions()) {
        const QFileInfo info(sourceDir() + u'/' + prefix);
        QVERIFY2(info.exists(), qPrintable(prefix + u" is listed but does not exist ("_s + reason + u')'));
        QVERIFY2(namesAProvider(info, all),
                 qPrintable(prefix + u" is listed but names no provider ("_s + reason + u')'));
    }
}

QTEST_GUILESS_MAIN(TestProviderBoundaries)
#include "tst_providerboundaries.moc"
