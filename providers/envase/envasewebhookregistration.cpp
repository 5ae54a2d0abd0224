#include "envasewebhookregistration.h"

#include "envaseidentity.h"
#include "httpjob.h"
#include "httppolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

const QUrl &EnvaseWebhookRegistration::defaultEndpoint()
{
    static const QUrl url(u"https://events.envaseconnect.cloud/api/webhooks"_s);
    return url;
}

EnvaseWebhookRegistration::EnvaseWebhookRegistration(QNetworkAccessManager *network, EnvaseTokenSource &tokens,
                                                     const QUrl &endpoint, QObject *parent)
    : QObject(parent), m_network(network), m_tokens(tokens),
      m_endpoint(endpoint.isEmpty() ? defaultEndpoint() : endpoint)
{}

QByteArray EnvaseWebhookRegistration::generateSigningKey()
{
    QByteArray bytes(20, Qt::Uninitialized);
    // QRandomGenerator::system() is the operating system's cryptographically secure source.
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes.toHex();
}

Result<QByteArray> EnvaseWebhookRegistration::buildBody(const QUrl &callbackUrl, const QByteArray &signingKey)
{
    if (!callbackUrl.isValid() || callbackUrl.host().isEmpty())
        return makeError(ErrorKind::InvalidInput, u"The web-hook URL is not a URL"_s);
    if (const Result<void> secure = HttpPolicy::checkTransportSecurity(callbackUrl); !secure)
        return makeError(ErrorKind::InvalidInput, u"The web-hook URL must be https: "_s + secure.error().message);
    if (signingKey.size() < 32)
        return makeError(ErrorKind::InvalidInput, u"The signing key is too short"_s);
    const QJsonObject body{{u"url"_s, callbackUrl.toString(QUrl::FullyEncoded)},
                           {u"triggers"_s, QJsonArray{u"TRACE_RESULT"_s}},
                           {u"entityType"_s, u"CONTAINER"_s},
                           {u"signingKey"_s, QString::fromLatin1(signingKey)}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString EnvaseWebhookRegistration::readId(const QByteArray &answer)
{
    const QJsonDocument document = QJsonDocument::fromJson(answer);
    if (document.isObject())
        return document.object().value(u"id"_s).toString();
    static const QRegularExpression id(uR"re("id"\s*:\s*"([^"]*)")re"_s);
    return id.match(QString::fromUtf8(answer)).captured(1);
}

void EnvaseWebhookRegistration::registerResults(const QUrl &callbackUrl, const QByteArray &signingKey,
                                                std::function<void(Result<QString>)> done)
{
    Result<QByteArray> body = buildBody(callbackUrl, signingKey);
    if (!body) {
        QTimer::singleShot(0, this, [done = std::move(done), error = body.error()] { done(error); });
        return;
    }
    m_tokens.token([this, body = body.value(), done = std::move(done)](const Result<QByteArray> &token) mutable {
        if (!token) {
            done(token.error());
            return;
        }
        HttpRequest request;
        request.method = "POST";
        request.url = m_endpoint;
        request.body = body;
        request.maxAttempts = 1; // a second registration would make a second web-hook
        request.idempotent = false;
        request.setHeader("Content-Type", "application/json");
        request.setHeader("Authorization", "Bearer " + token.value());
        auto *job = new HttpJob(m_network, std::move(request), this);
        connect(job, &HttpJob::finished, this, [this, done = std::move(done)](const HttpResult &result) {
            if (result.statusCode == 401)
                m_tokens.forget();
            if (!result.ok())
                done(result.error);
            else
                done(readId(result.body));
        });
        job->start();
    });
}
