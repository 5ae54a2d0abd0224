#include "envaseidentity.h"

#include "httpjob.h"
#include "httppolicy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

const QUrl &EnvaseTokenSource::productionTokenEndpoint()
{
    static const QUrl url(u"https://envase.auth.us-east-1.amazoncognito.com/oauth2/token"_s);
    return url;
}

EnvaseTokenSource::EnvaseTokenSource(QNetworkAccessManager *network, EnvaseClientCredentials credentials,
                                     const Clock &clock, QObject *parent)
    : QObject(parent), m_network(network), m_credentials(std::move(credentials)), m_clock(clock)
{
    if (m_credentials.tokenEndpoint.isEmpty())
        m_credentials.tokenEndpoint = productionTokenEndpoint();
}

QStringList EnvaseTokenSource::validate(const EnvaseClientCredentials &credentials)
{
    QStringList problems;
    if (credentials.clientId.trimmed().isEmpty() || credentials.clientSecret.isEmpty())
        problems.append(u"The Envase Identity Manager client id and secret are required (envase settings "
                        "--client-id ID --client-secret-stdin)"_s);
    if (!credentials.tokenEndpoint.isEmpty()) {
        if (!credentials.tokenEndpoint.isValid() || credentials.tokenEndpoint.host().isEmpty())
            problems.append(u"The token endpoint is not a URL"_s);
        else if (const Result<void> secure = HttpPolicy::checkTransportSecurity(credentials.tokenEndpoint); !secure)
            problems.append(secure.error().message);
    }
    return problems;
}

void EnvaseTokenSource::token(std::function<void(Result<QByteArray>)> done)
{
    const QDateTime now = m_clock.now();
    if (!m_token.isEmpty() && now.secsTo(m_expiresAt) > renewBeforeSeconds) {
        QTimer::singleShot(0, this, [done = std::move(done), token = m_token] { done(token); });
        return;
    }
    m_waiting.append(std::move(done));
    if (!m_inFlight)
        fetch();
}

void EnvaseTokenSource::forget()
{
    m_token.clear();
    m_expiresAt = {};
}

void EnvaseTokenSource::fetch()
{
    if (const QStringList problems = validate(m_credentials); !problems.isEmpty()) {
        QTimer::singleShot(0, this,
                           [this, problems] { finish(makeError(ErrorKind::InvalidInput, problems.join(u"; "_s))); });
        m_inFlight = true;
        return;
    }
    HttpRequest request;
    request.method = "POST";
    request.url = m_credentials.tokenEndpoint;
    request.idempotent = true; // asking for a token twice is harmless
    const QByteArray pair = m_credentials.clientId.toUtf8() + ":" + m_credentials.clientSecret.toUtf8();
    const QByteArray basic = pair.toBase64();
    request.setHeader("Authorization", "Basic " + basic);
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"scope"_s, QString::fromLatin1(scope));
    request.body = form.toString(QUrl::FullyEncoded).toUtf8();
    m_inFlight = true;
    ++m_requestsSent;
    const QDateTime askedAt = m_clock.now();
    auto *job = new HttpJob(m_network, std::move(request), this);
    connect(job, &HttpJob::finished, this, [this, askedAt](const HttpResult &result) {
        if (!result.ok()) {
            finish(result.error);
            return;
        }
        const QJsonObject answer = QJsonDocument::fromJson(result.body).object();
        const QByteArray token = answer.value(u"access_token"_s).toString().toUtf8();
        if (token.isEmpty()) {
            finish(makeError(ErrorKind::MalformedResponse, u"The token response has no access_token"_s));
            return;
        }
        const int lifetime = answer.value(u"expires_in"_s).toInt(3600);
        m_token = token;
        m_expiresAt = askedAt.addSecs(lifetime); // counted from the request: never later than the truth
        finish(token);
    });
    job->start();
}

void EnvaseTokenSource::finish(const Result<QByteArray> &result)
{
    m_inFlight = false;
    const QList<std::function<void(Result<QByteArray>)>> waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        done(result);
}
