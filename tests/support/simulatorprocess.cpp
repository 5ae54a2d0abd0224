#include "simulatorprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

QByteArray SimulatorReply::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

SimulatorProcess::SimulatorProcess()
{
    // Drain stderr continuously so a chatty simulator never blocks on a full pipe, and keep the
    // tail of it for error messages.
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process, [this] {
        m_stderr += m_process.readAllStandardError();
        if (m_stderr.size() > 64 * 1024)
            m_stderr = m_stderr.right(64 * 1024);
    });
}

SimulatorProcess::~SimulatorProcess()
{
    stop();
}

bool SimulatorProcess::start(const QStringList &extraArguments, int timeoutMs)
{
    stop();
    m_error.clear();
    m_stdout.clear();
    m_stderr.clear();
    const QString binDir = qEnvironmentVariable("QUAYWATCH_BIN_DIR");
    if (binDir.isEmpty()) {
        m_error = u"QUAYWATCH_BIN_DIR is not set; run the test through ctest"_s;
        return false;
    }
    QStringList arguments{u"--port"_s, u"0"_s};
    arguments += extraArguments;
    m_process.start(binDir + u"/sim/quaywatch-sim"_s, arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = u"could not start the simulator: "_s + m_process.errorString();
        return false;
    }
    static const QRegularExpression listening(u"^quaywatch-sim listening on (http://127\\.0\\.0\\.1:(\\d+))\\s*$"_s);
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 200)));
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
        const qsizetype newline = m_stdout.indexOf('\n');
        if (newline >= 0) {
            const auto match = listening.match(QString::fromUtf8(m_stdout.left(newline)));
            if (!match.hasMatch())
                break;
            m_baseUrl = QUrl(match.captured(1));
            m_port = quint16(match.captured(2).toUInt());
            return true;
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    m_error = u"simulator did not report its listening address (stdout: \""_s + QString::fromUtf8(m_stdout).trimmed() +
              u"\", stderr: \""_s + QString::fromUtf8(m_stderr).trimmed() + u"\")"_s;
    stop();
    return false;
}

void SimulatorProcess::stop()
{
    m_network.reset();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool SimulatorProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QUrl SimulatorProcess::url(const QString &path) const
{
    const qsizetype question = path.indexOf(u'?');
    QUrl result = m_baseUrl;
    result.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        result.setQuery(path.mid(question + 1));
    return result;
}

SimulatorReply SimulatorProcess::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                         const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    SimulatorReply result;
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    QNetworkRequest request(url(path));
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    if (!reply->isFinished()) {
        reply->abort();
        result.error = u"timeout after %1 ms"_s.arg(timeoutMs);
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (result.status == 0)
        result.error = reply->errorString();
    QJsonParseError parseError;
    result.json = QJsonDocument::fromJson(result.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        result.json = {};
    reply->deleteLater();
    return result;
}

QJsonDocument SimulatorProcess::getJson(const QString &path)
{
    return request("GET", path).json;
}

QJsonDocument SimulatorProcess::postJson(const QString &path, const QJsonObject &object)
{
    return request("POST", path, QJsonDocument(object).toJson(QJsonDocument::Compact)).json;
}

QJsonObject SimulatorProcess::stats()
{
    return getJson(u"/_sim/stats"_s).object();
}

QString SimulatorProcess::token(const QString &user, const QString &password)
{
    const QJsonObject credentials{{u"username"_s, user}, {u"password"_s, password}};
    const SimulatorReply reply =
        request("POST", u"/api/Auth/GetToken"_s, QJsonDocument(credentials).toJson(QJsonDocument::Compact));
    if (reply.status != 200)
        return {};
    return reply.json.object().value(u"token"_s).toString();
}
