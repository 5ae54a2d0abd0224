#pragma once

#include "httprequest.h"
#include "httpresult.h"

#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;

// Base of every provider request: owns the deadline (transfer timeout plus its own timer guard),
// bounded retries with backoff and jitter for idempotent requests, Retry-After on 429/503, the
// redirect policy (Authorization never travels to another host), a request id for the logs and a
// readable, classified error. Subclasses only say what to send and how to read the answer.
//
// start() once; finished() is emitted exactly once, never from inside start(), and the job then
// deletes itself (deleteLater), so read anything you need from it in the slot.
class HttpJob : public QObject
{
    Q_OBJECT

public:
    HttpJob(QNetworkAccessManager *network, HttpRequest request, QObject *parent = nullptr);
    ~HttpJob() override;
    Q_DISABLE_COPY_MOVE(HttpJob)

    void start();
    const HttpRequest &request() const { return m_request; }
    const QString &requestId() const { return m_requestId; }

Q_SIGNALS:
    void finished(const HttpResult &result);

protected:
    // A 2xx arrived: read the body; a returned error (e.g. MalformedResponse) fails the job.
    virtual Error interpretSuccess(const HttpResult &result);
    // The final answer was not 2xx (after retries): say what it means. Default: HttpPolicy.
    virtual Error interpretFailure(const HttpResult &result) const;

private:
    enum class AbortReason
    {
        None,
        Deadline,
        CrossHostRedirect,
        RefusedRedirect
    };

    void sendAttempt();
    void onRedirected(const QUrl &target);
    void onReplyFinished();
    void onDeadline();
    void handleResponse(HttpResult result);
    void handleNetworkFailure(HttpResult result, QNetworkReply::NetworkError code, const QString &text);
    bool retry(int delayMs);
    std::optional<qint64> retryAfter(const HttpResult &result) const;
    void finish(HttpResult result);
    QString hostName() const;

    QNetworkAccessManager *m_network;
    HttpRequest m_request;
    QString m_requestId;
    QUrl m_currentUrl;
    bool m_sendAuthorization = true;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QTimer m_retryTimer;
    AbortReason m_abortReason = AbortReason::None;
    QUrl m_redirectTarget;
    Error m_redirectError;
    int m_triesUsed = 0; // attempts counted against maxAttempts
    int m_sent = 0;      // every request sent, followed redirects included
    int m_redirects = 0;
    bool m_started = false;
    bool m_finished = false;
};
