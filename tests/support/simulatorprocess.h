#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

// One HTTP exchange with the simulator, as the test saw it on the wire.
struct SimulatorReply
{
    int status = 0;     // HTTP status; 0 when no answer came (dropped, timeout, refused)
    QByteArray body;    // raw body, also when it is not JSON
    QJsonDocument json; // parsed body; null when the body is not valid JSON
    QString error;      // network error text; empty when an HTTP answer arrived
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
};

// Starts the real quaywatch-sim executable ($QUAYWATCH_BIN_DIR/sim/quaywatch-sim) for a test
// and talks to it over real HTTP on loopback, so integration tests never mock the network.
//
// Usage:
//     SimulatorProcess sim;
//     QVERIFY2(sim.start({u"--speed"_s, u"3600"_s}), qPrintable(sim.errorString()));
//     const QString token = sim.token();                 // demo:demo
//     QJsonObject stats = sim.stats();
//     sim.postJson(u"/_sim/advance"_s, {{u"hours"_s, 24}});
//
// The helpers are synchronous (a local event loop with a timeout) and report failures as values
// (status 0 plus error text) instead of asserting, so the test decides what a failure means.
// The destructor stops the process.
class SimulatorProcess final
{
public:
    SimulatorProcess();
    ~SimulatorProcess();
    SimulatorProcess(const SimulatorProcess &) = delete;
    SimulatorProcess &operator=(const SimulatorProcess &) = delete;

    // Starts the simulator with --port 0 plus the given arguments and waits for its listening
    // line. On failure returns false and errorString() says why (including the process's stderr).
    bool start(const QStringList &extraArguments = {}, int timeoutMs = 15000);
    void stop();
    bool isRunning() const;
    QString errorString() const { return m_error; }
    QString standardError() const { return QString::fromUtf8(m_stderr); }

    QUrl baseUrl() const { return m_baseUrl; } // http://127.0.0.1:PORT
    quint16 port() const { return m_port; }
    QUrl url(const QString &path) const; // baseUrl() with the path (and optional ?query) appended

    // Any request: method GET/POST/..., body sent as-is (GET bodies work), extra raw headers.
    SimulatorReply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                           const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000);

    // Convenience wrappers; a null document / empty object means the call failed.
    QJsonDocument getJson(const QString &path);
    QJsonDocument postJson(const QString &path, const QJsonObject &object = {});
    QJsonObject stats(); // GET /_sim/stats
    // POST /api/Auth/GetToken; empty string on failure.
    QString token(const QString &user = QStringLiteral("demo"), const QString &password = QStringLiteral("demo"));

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_error;
    QUrl m_baseUrl;
    quint16 m_port = 0;
    std::unique_ptr<QNetworkAccessManager> m_network;
};
