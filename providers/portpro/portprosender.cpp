#include "portprosender.h"

#include "clock.h"
#include "httppolicy.h"
#include "portprologging.h"
#include "portpromapping.h"
#include "portprowire.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto documentedBaseUrl = "https://api1.app.portpro.io/v1";
constexpr qint64 refreshEarlySeconds = 60; // refresh this long before the access token runs out
constexpr qint64 loadCacheSeconds = 60;    // a container's load is looked up again after this
constexpr int requestTimeoutMs = 15000;

using Outcome = DeliveryResult::Outcome;

DeliveryResult failure(Outcome outcome, QString error, int status = 0)
{
    DeliveryResult result;
    result.outcome = outcome;
    result.error = std::move(error);
    result.statusCode = status;
    return result;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("PortProSender", text);
}

// The result of a non-2xx load call, with the receiver's Retry-After where it gave one.
DeliveryResult statusFailure(QNetworkReply *reply, int status, const QDateTime &now, const QString &what)
{
    if (status == 0)
        return failure(Outcome::Retry, tr("PortPro could not be reached (%1): %2").arg(what, reply->errorString()));
    const QString message = HttpPolicy::providerMessage(reply->peek(4096));
    const QString text = message.isEmpty() ? tr("PortPro answered HTTP %1 to %2").arg(status).arg(what)
                                           : tr("PortPro answered HTTP %1 to %2: %3").arg(status).arg(what, message);
    DeliveryResult result =
        failure(status == 429 || status >= 500 || status == 408 ? Outcome::Retry : Outcome::Permanent, text, status);
    result.retryAfterMs = HttpPolicy::retryAfterMs(reply->rawHeader("Retry-After"), now);
    return result;
}

class PortProSender final : public OutboundSender
{
public:
    explicit PortProSender(const OutboundSenderContext &context)
        : m_context(context), m_base(context.destination.url.isEmpty() ? QUrl(QString::fromLatin1(documentedBaseUrl))
                                                                       : context.destination.url)
    {
        m_refreshToken = context.secrets.value(u"refreshToken"_s);
    }

    ~PortProSender() override { delete m_guard; }

    QString kind() const override { return QString::fromLatin1(PortProMapping::kind); }

    void deliver(const OutboxMessage &message, std::function<void(DeliveryResult)> done) override
    {
        const QJsonObject fields = message.payload.value(u"fields"_s).toObject();
        QJsonObject body;
        QStringList labels;
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QString name = PortProWire::jsonName(it.key());
            if (name.isEmpty())
                return later(std::move(done),
                             failure(Outcome::Permanent, tr("%1 is not a PortPro field Quaywatch maps").arg(it.key())));
            body.insert(name, it.value());
            labels.append(it.key());
        }
        if (body.isEmpty())
            return later(std::move(done), failure(Outcome::Permanent, tr("the message carries no PortPro field")));
        auto job = std::make_shared<Job>(Job{message.containerNumber.trimmed().toUpper(), message.messageId, body,
                                             labels.join(u", "_s), std::move(done), false});
        withToken(job, [this, job] { lookUp(job); });
    }

    void test(std::function<void(DeliveryResult)> done) override
    {
        // A token obtained from the client credentials is the check; it sends no container data.
        m_accessToken.clear();
        withTokenThen([done](std::optional<DeliveryResult> failed) {
            if (failed)
                return done(*failed);
            DeliveryResult ok;
            ok.summary = tr("PortPro issued an access token for the client credentials");
            done(ok);
        });
    }

private:
    struct Job
    {
        QString number;
        QString messageId;
        QJsonObject body;
        QString labels;
        std::function<void(DeliveryResult)> done;
        bool retriedAfter401;
    };
    using JobPtr = std::shared_ptr<Job>;
    using TokenWaiter = std::function<void(std::optional<DeliveryResult>)>;

    struct CachedLoad
    {
        QString reference;
        QDateTime until;
    };

    QDateTime now() const { return m_context.clock->now(); }

    void later(std::function<void(DeliveryResult)> done, DeliveryResult result)
    {
        QTimer::singleShot(0, m_guard, [done = std::move(done), result = std::move(result)] { done(result); });
    }

    QUrl url(const QString &path, const QUrlQuery &query = {}) const
    {
        QUrl result = m_base;
        QString basePath = result.path();
        while (basePath.endsWith(u'/'))
            basePath.chop(1);
        result.setPath(basePath + path);
        result.setQuery(query);
        return result;
    }

    QNetworkRequest request(const QUrl &target, bool bearer) const
    {
        QNetworkRequest request(target);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Accept", "application/json");
        request.setTransferTimeout(requestTimeoutMs);
        if (bearer)
            request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
        return request;
    }

    void withToken(const JobPtr &job, std::function<void()> then)
    {
        withTokenThen([job, then = std::move(then)](std::optional<DeliveryResult> failed) {
            if (failed)
                return job->done(*failed);
            then();
        });
    }

    // Runs waiter (never synchronously) once a usable access token is there or it cannot be had.
    void withTokenThen(TokenWaiter waiter)
    {
        if (!m_stopReason.isEmpty()) {
            const DeliveryResult stop = failure(Outcome::Stop, m_stopReason);
            QTimer::singleShot(0, m_guard, [waiter = std::move(waiter), stop] { waiter(stop); });
            return;
        }
        if (!m_accessToken.isEmpty() && now().secsTo(m_expiresAt) > refreshEarlySeconds) {
            QTimer::singleShot(0, m_guard, [waiter = std::move(waiter)] { waiter(std::nullopt); });
            return;
        }
        m_waiters.append(std::move(waiter));
        if (!m_refreshing)
            requestToken();
    }

    void requestToken()
    {
        m_refreshing = true;
        const bool refresh = !m_refreshToken.isEmpty();
        QJsonObject body;
        if (refresh) {
            body.insert(QString::fromLatin1(PortProWire::grantType),
                        QString::fromLatin1(PortProWire::refreshTokenGrant));
            body.insert(QString::fromLatin1(PortProWire::refreshToken), m_refreshToken);
        } else {
            body.insert(QString::fromLatin1(PortProWire::grantType),
                        QString::fromLatin1(PortProWire::clientCredentialsGrant));
            body.insert(QString::fromLatin1(PortProWire::clientId), m_context.secrets.value(u"clientId"_s));
            body.insert(QString::fromLatin1(PortProWire::clientSecret), m_context.secrets.value(u"clientSecret"_s));
        }
        qCDebug(lcPortPro) << (refresh ? "refreshing the access token" : "requesting an access token");
        QNetworkReply *reply = m_context.network->post(request(url(QString::fromLatin1(PortProWire::tokenPath)), false),
                                                       QJsonDocument(body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, m_guard, [this, reply, refresh] {
            reply->deleteLater();
            tokenAnswered(reply, refresh);
        });
    }

    void tokenAnswered(QNetworkReply *reply, bool refresh)
    {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        const QJsonObject answer = QJsonDocument::fromJson(bytes).object();
        std::optional<DeliveryResult> failed;
        if (status == 200 && !answer.value(QString::fromLatin1(PortProWire::accessToken)).toString().isEmpty()) {
            m_accessToken = answer.value(QString::fromLatin1(PortProWire::accessToken)).toString();
            const qint64 lifetime = qint64(answer.value(QString::fromLatin1(PortProWire::expiresIn)).toDouble(3600));
            m_expiresAt = now().addSecs(lifetime);
            const QString issued = answer.value(QString::fromLatin1(PortProWire::refreshToken)).toString();
            if (!issued.isEmpty() && issued != m_refreshToken) {
                m_refreshToken = issued;
                saveRefreshToken(issued);
            }
            qCInfo(lcPortPro) << "access token obtained, valid for" << lifetime << "s";
        } else if (refresh && (status == 401 || answer.value(QString::fromLatin1(PortProWire::errorName)).toString() ==
                                                    QLatin1StringView(PortProWire::invalidGrant))) {
            m_stopReason = tr("PortPro refused the refresh token: it was revoked. Connect PortPro again (Data "
                              "sources > PortPro) with its clientId and clientSecret to resume sending.");
            qCWarning(lcPortPro) << "the refresh token was refused; the destination stops";
            failed = failure(Outcome::Stop, m_stopReason, status);
        } else if (!refresh && (status == 400 || status == 401 || status == 403)) {
            const QString message = HttpPolicy::providerMessage(bytes);
            // Wrong credentials stay wrong: stop rather than ask again for every message.
            m_stopReason = tr("PortPro refused the client credentials (HTTP %1%2). Check clientId and clientSecret.")
                               .arg(status)
                               .arg(message.isEmpty() ? QString() : u": "_s + message);
            failed = failure(Outcome::Stop, m_stopReason, status);
        } else if (status == 0) {
            failed = failure(Outcome::Retry,
                             tr("PortPro's token endpoint could not be reached: %1").arg(reply->errorString()));
        } else {
            failed = failure(status == 429 || status >= 500 ? Outcome::Retry : Outcome::Permanent,
                             tr("PortPro's token endpoint answered HTTP %1").arg(status), status);
            failed->retryAfterMs = HttpPolicy::retryAfterMs(reply->rawHeader("Retry-After"), now());
        }
        m_refreshing = false;
        const QList<TokenWaiter> waiters = std::exchange(m_waiters, {});
        for (const TokenWaiter &waiter : waiters)
            waiter(failed);
    }

    void saveRefreshToken(const QString &value) const
    {
        if (!m_context.saveSecret)
            return;
        m_context.saveSecret(u"refreshToken"_s, value, [](const Result<void> &saved) {
            if (!saved)
                qCWarning(lcPortPro) << "the refresh token could not be saved:" << saved.error().message;
        });
    }

    void lookUp(const JobPtr &job)
    {
        const auto cached = m_loads.constFind(job->number);
        if (cached != m_loads.constEnd() && now() < cached->until)
            return update(job, cached->reference);
        QUrlQuery query;
        query.addQueryItem(QString::fromLatin1(PortProWire::containerQuery), job->number);
        QNetworkReply *reply =
            m_context.network->get(request(url(QString::fromLatin1(PortProWire::loadsPath), query), true));
        QObject::connect(reply, &QNetworkReply::finished, m_guard, [this, reply, job] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 401)
                return retryAfter401(job);
            if (status != 200)
                return job->done(statusFailure(reply, status, now(), tr("the load lookup")));
            const QJsonArray loads = QJsonDocument::fromJson(reply->readAll())
                                         .object()
                                         .value(QString::fromLatin1(PortProWire::loadsArray))
                                         .toArray();
            QString reference;
            for (const auto &load : loads) {
                if (load[QString::fromLatin1(PortProWire::loadContainer)].toString().trimmed().toUpper() ==
                    job->number) {
                    const QJsonValue ref = load[QString::fromLatin1(PortProWire::loadReference)];
                    reference = ref.isDouble() ? QString::number(ref.toInteger()) : ref.toString();
                    break;
                }
            }
            if (reference.isEmpty())
                return job->done(
                    failure(Outcome::Permanent, tr("no PortPro load carries %1").arg(job->number), status));
            m_loads.insert(job->number, {reference, now().addSecs(loadCacheSeconds)});
            update(job, reference);
        });
    }

    void update(const JobPtr &job, const QString &reference)
    {
        const QUrl target = url(QString::fromLatin1(PortProWire::loadsPath) + u'/' +
                                QString::fromUtf8(QUrl::toPercentEncoding(reference)));
        QNetworkRequest patch = request(target, true);
        // The documents name no idempotency header; Quaywatch sends the stable message id anyway.
        if (!job->messageId.isEmpty())
            patch.setRawHeader("Idempotency-Key", job->messageId.toUtf8());
        QNetworkReply *reply = m_context.network->sendCustomRequest(
            patch, "PATCH", QJsonDocument(job->body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, m_guard, [this, reply, job, reference] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 401)
                return retryAfter401(job);
            if (status == 404)
                m_loads.remove(job->number); // the load went away: look it up again next time
            if (status < 200 || status > 299)
                return job->done(statusFailure(reply, status, now(), tr("the load update")));
            DeliveryResult delivered;
            delivered.statusCode = status;
            delivered.summary = u"load %1: %2"_s.arg(reference, job->labels);
            job->done(delivered);
        });
    }

    // The access token was refused mid-life: one refresh, then the call once more.
    void retryAfter401(const JobPtr &job)
    {
        if (job->retriedAfter401)
            return job->done(failure(Outcome::Retry, tr("PortPro refused a fresh access token (HTTP 401)"), 401));
        job->retriedAfter401 = true;
        m_accessToken.clear();
        withToken(job, [this, job] { lookUp(job); });
    }

    OutboundSenderContext m_context;
    QUrl m_base;
    QObject *m_guard = new QObject; // owns the reply connections; deleted with the sender
    QString m_accessToken;
    QDateTime m_expiresAt;
    QString m_refreshToken;
    QString m_stopReason;
    bool m_refreshing = false;
    QList<TokenWaiter> m_waiters;
    QHash<QString, CachedLoad> m_loads;
};

} // namespace

std::unique_ptr<OutboundSender> createPortProSender(const OutboundSenderContext &context)
{
    return std::make_unique<PortProSender>(context);
}

QStringList portProSecretFields()
{
    return {u"clientId"_s, u"clientSecret"_s, u"refreshToken"_s};
}
