#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct CliRun
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QString out;
    QString err;
};

// Runs the real quaywatch-cli as a user would, with HOME and the XDG folders inside home: nothing
// touches the real user's files, and every file the CLI writes lies where a secret scan looks. Debug
// logging is on, so a secret that reached a log line would show up in the transcript.
class CliRunner final
{
public:
    explicit CliRunner(QString home);

    static QString program(); // $QUAYWATCH_BIN_DIR/cli/quaywatch-cli
    QProcessEnvironment environment() const;
    // arguments go after nothing: give --db and --entity yourself. input is written to stdin.
    CliRun run(const QStringList &arguments, const QByteArray &input = {}, const QProcessEnvironment &environment = {});

    // Every stdout and stderr of the runs so far.
    const QString &transcript() const { return m_transcript; }
    void clearTranscript() { m_transcript.clear(); }

private:
    QString m_home;
    QString m_transcript;
};

// Where secret shows up: in the transcript, or in any file below folder as UTF-8, UTF-16, Base64 or
// hex. Empty when nowhere. filesScanned (optional) tells how many files were read.
QString secretFoundIn(const QString &folder, const QString &transcript, const QString &secret,
                      int *filesScanned = nullptr);
