#include "signedwebhooksender.h"

#include "clock.h"
#include "httpjob.h"
#include "httppolicy.h"
#include "networkpool.h"
#include "timestampsignature.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QObject>
#include <QTimer>
#include <QUuid>

#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcSignedWebhook, "quaywatch.providers.signedwebhook")

namespace {

bool isRetryStatus(int status)
{
    return status == 408 || status == 425 || status == 429 || (status >= 500 && status <= 599);
}

DeliveryResult failure(DeliveryResult::Outcome outcome, QString error)
{
    DeliveryResult result;
    result.outcome = outcome;
    result.error = std::move(error);
    return result;
}

class SignedWebhookSender final : public OutboundSender
{
public:
    SignedWebhookSender(const OutboundSenderContext &context, const SignedWebhook::Options &options)
        : m_destination(context.destination),
          m_secret(context.secrets.value(QString::fromLatin1(SignedWebhook::secretField)).toUtf8()),
          m_network(context.network), m_clock(context.clock), m_options(options),
          m_pool(context.network, context.destination.maxInFlight)
    {}

    QString kind() const override { return QString::fromLatin1(Outbound::webhookKind); }

    void deliver(const OutboxMessage &message, std::function<void(DeliveryResult)> done) override
    {
        const QByteArray body = QJsonDocument(message.payload).toJson(QJsonDocument::Compact);
        post(message.messageId, body, u"message %1 (%2)"_s.arg(message.messageId, message.containerNumber),
             std::move(done));
    }

    void test(std::function<void(DeliveryResult)> done) override
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        post(id, SignedWebhook::testBody(id, m_clock->now()), u"test message %1"_s.arg(id), std::move(done));
    }

private:
    std::optional<DeliveryResult> refusal() const
    {
        if (m_secret.isEmpty())
            return failure(DeliveryResult::Outcome::Stop,
                           QObject::tr("Webhook \"%1\" has no signing secret in the keychain; set one before sending")
                               .arg(m_destination.name));
        if (!m_destination.url.isValid() || m_destination.url.host().isEmpty())
            return failure(DeliveryResult::Outcome::Stop,
                           QObject::tr("Webhook \"%1\" has no valid URL").arg(m_destination.name));
        if (const Result<void> secure = HttpPolicy::checkTransportSecurity(m_destination.url); !secure)
            return failure(DeliveryResult::Outcome::Stop,
                           QObject::tr("Webhook \"%1\": %2").arg(m_destination.name, secure.error().message));
        if (!m_network || !m_clock)
            return failure(DeliveryResult::Outcome::Stop, u"The webhook sender has no network or clock"_s);
        return std::nullopt;
    }

    void post(const QString &messageId, const QByteArray &body, const QString &what,
              std::function<void(DeliveryResult)> done)
    {
        if (std::optional<DeliveryResult> refused = refusal()) {
            qCWarning(lcSignedWebhook).noquote()
                << "Not sending" << what << "to" << m_destination.name << ":" << refused->error;
            // done never runs inside the call.
            QTimer::singleShot(0, &m_guard, [done = std::move(done), result = *refused] { done(result); });
            return;
        }
        HttpRequest request;
        request.method = "POST";
        request.url = m_destination.url;
        request.body = body;
        request.idempotent = false; // the dispatcher retries, with its backoff and ordering
        request.maxAttempts = 1;
        request.maxRedirects = 0; // a receiver answers; a redirect would resend the signed body elsewhere
        request.deadlineMs = m_options.deadlineMs;
        request.clock = m_clock;
        const QByteArray id = messageId.toUtf8();
        request.setHeader("Content-Type", "application/json");
        request.setHeader(SignedWebhook::signatureHeaderName,
                          signatureHeader(m_secret, body, m_clock->now().toSecsSinceEpoch()));
        request.setHeader(SignedWebhook::messageIdHeaderName, id);
        request.setHeader(SignedWebhook::idempotencyHeaderName, id);

        QNetworkAccessManager *network = m_pool.acquire();
        auto *job = new HttpJob(network, request, &m_guard);
        QObject::connect(
            job, &HttpJob::finished, &m_guard, [this, network, what, done = std::move(done)](const HttpResult &result) {
                m_pool.release(network);
                DeliveryResult delivery = SignedWebhook::classify(result, m_clock->now());
                delivery.summary =
                    u"%1 to %2: %3"_s.arg(what, m_destination.name,
                                          result.statusCode > 0 ? u"HTTP %1"_s.arg(result.statusCode) : delivery.error);
                qCInfo(lcSignedWebhook).noquote() << delivery.summary << "request" << result.requestId;
                done(delivery);
            });
        job->start();
    }

    OutboundDestination m_destination;
    QByteArray m_secret;
    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    SignedWebhook::Options m_options;
    NetworkPool m_pool; // maxInFlight deliveries really in flight, not six and a queue
    QObject m_guard;    // owns the jobs in flight; a destroyed sender calls nobody back
};

} // namespace

namespace SignedWebhook {

DeliveryResult classify(const HttpResult &result, const QDateTime &now)
{
    const int status = result.statusCode;
    DeliveryResult delivery;
    delivery.statusCode = status;
    if (status >= 200 && status < 300)
        return delivery;
    if (status == 0) {
        // No answer: refused, unreachable, timed out; or a redirect the job refused.
        const ErrorKind kind = result.error.kind;
        if (kind == ErrorKind::Insecure)
            delivery.outcome = DeliveryResult::Outcome::Stop;
        else if (kind == ErrorKind::Timeout || kind == ErrorKind::ProviderUnavailable || kind == ErrorKind::RateLimited)
            delivery.outcome = DeliveryResult::Outcome::Retry;
        else
            delivery.outcome = DeliveryResult::Outcome::Permanent;
        delivery.error =
            result.error.message.isEmpty() ? QObject::tr("No answer from the receiver") : result.error.message;
        return delivery;
    }
    const QString said = HttpPolicy::providerMessage(result.body.left(errorBodyCap));
    const QString suffix = said.isEmpty() ? QString() : u": "_s + said.left(300);
    if (isRetryStatus(status)) {
        delivery.outcome = DeliveryResult::Outcome::Retry;
        delivery.retryAfterMs = HttpPolicy::retryAfterMs(result.header("Retry-After").trimmed(), now);
        delivery.error = QObject::tr("The receiver answered HTTP %1; will retry").arg(status) + suffix;
    } else if (status == 410) {
        delivery.outcome = DeliveryResult::Outcome::Stop;
        delivery.error = QObject::tr("The receiver answered HTTP 410 Gone; the destination is stopped") + suffix;
    } else {
        delivery.outcome = DeliveryResult::Outcome::Permanent;
        delivery.error = QObject::tr("The receiver refused the message with HTTP %1").arg(status) + suffix;
    }
    return delivery;
}

QByteArray testBody(const QString &messageId, const QDateTime &sentAt)
{
    const QJsonObject body{{u"type"_s, QString::fromLatin1(testType)},
                           {u"messageId"_s, messageId},
                           {u"sentAt"_s, sentAt.toUTC().toString(Qt::ISODateWithMs)}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace SignedWebhook

QByteArray signatureHeader(const QByteArray &secret, const QByteArray &body, qint64 t)
{
    return TimestampSignature::headerValue(secret, t, body);
}

bool verifySignature(const QByteArray &header, const QByteArray &body, const QByteArray &secret, qint64 now,
                     qint64 toleranceSeconds)
{
    const std::optional<TimestampSignature::Parsed> parsed = TimestampSignature::parse(header);
    return parsed && !secret.isEmpty() && std::abs(now - parsed->value) <= toleranceSeconds &&
           TimestampSignature::matches(secret, *parsed, body);
}

std::unique_ptr<OutboundSender> createSignedWebhookSender(const OutboundSenderContext &context)
{
    return createSignedWebhookSender(context, SignedWebhook::Options{});
}

std::unique_ptr<OutboundSender> createSignedWebhookSender(const OutboundSenderContext &context,
                                                          const SignedWebhook::Options &options)
{
    return std::make_unique<SignedWebhookSender>(context, options);
}
