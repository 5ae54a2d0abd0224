#include "clirunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>

using namespace Qt::Literals::StringLiterals;

CliRunner::CliRunner(QString home) : m_home(std::move(home)) {}

QString CliRunner::program()
{
    return qEnvironmentVariable("QUAYWATCH_BIN_DIR") + u"/cli/quaywatch-cli"_s;
}

QProcessEnvironment CliRunner::environment() const
{
    const QDir home(m_home);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"XDG_STATE_HOME"_s, home.filePath(u"state"_s));
    environment.insert(u"QT_LOGGING_RULES"_s, u"quaywatch.*.debug=true"_s);
    environment.remove(u"QUAYWATCH_DB"_s);
    return environment;
}

CliRun CliRunner::run(const QStringList &arguments, const QByteArray &input, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment.isEmpty() ? this->environment() : environment);
    process.setWorkingDirectory(m_home);
    process.start(program(), arguments);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    // Simulators run in other processes, so blocking here is fine.
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    m_transcript += run.out + run.err;
    return run;
}

QString secretFoundIn(const QString &folder, const QString &transcript, const QString &secret, int *filesScanned)
{
    if (filesScanned)
        *filesScanned = 0;
    if (transcript.contains(secret))
        return u"the output"_s;
    const QByteArray utf8 = secret.toUtf8();
    const QList<QByteArray> encodings{utf8, utf8.toBase64(), utf8.toHex(),
                                      QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)};
    QDirIterator files(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (!file.open(QIODevice::ReadOnly))
            return u"unreadable file "_s + file.fileName(); // cannot prove it is clean
        const QByteArray content = file.readAll();
        for (const QByteArray &encoded : encodings) {
            if (content.contains(encoded))
                return file.fileName();
        }
        if (filesScanned)
            ++*filesScanned;
    }
    return {};
}
