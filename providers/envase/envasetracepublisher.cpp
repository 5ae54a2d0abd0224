#include "envasetracepublisher.h"

#include "envaseidentity.h"
#include "httpjob.h"
#include "httppolicy.h"
#include "providercatalog.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcEnvase, "quaywatch.providers.envase")

const QUrl defaultEndpoint(u"https://events.envaseconnect.cloud/api/events"_s);

} // namespace

QString envaseModuleId()
{
    return u"envase"_s;
}

EnvaseTracePublisher::EnvaseTracePublisher(QNetworkAccessManager *network, const ProviderCatalog &catalog,
                                           TracePublishSettings settings, EnvaseTokenSource &tokens, QObject *parent)
    : QObject(parent), m_network(network), m_catalog(catalog), m_settings(std::move(settings)), m_tokens(tokens)
{}

QStringList EnvaseTracePublisher::validateSettings(const TracePublishSettings &settings)
{
    QStringList problems;
    if (QUuid::fromString(settings.orgId).isNull())
        problems.append(u"orgId must be the organization's id from Envase Identity Manager (a UUID)"_s);
    if (QUuid::fromString(settings.svcId).isNull())
        problems.append(u"svcId must be the application instance's id (a UUID)"_s);
    if (settings.origin.trimmed().isEmpty())
        problems.append(u"origin must be set to the value the Envase Connect Data team gave"_s);
    if (!settings.endpoint.isEmpty()) {
        const QUrl url(settings.endpoint, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            problems.append(u"The endpoint %1 is not a URL"_s.arg(settings.endpoint));
        else if (const Result<void> secure = HttpPolicy::checkTransportSecurity(url); !secure)
            problems.append(secure.error().message);
    }
    return problems;
}

Result<QByteArray> EnvaseTracePublisher::buildEvent(const ProviderCatalog &catalog,
                                                    const TracePublishSettings &settings,
                                                    const EnvaseTraceTarget &target, Action action)
{
    QStringList problems = validateSettings(settings);
    const CatalogProvider *provider = catalog.provider(target.provider);
    if (!provider)
        problems.append(u"Unknown provider \"%1\""_s.arg(target.provider));
    else if (provider->upstreamId(envaseModuleId()).isEmpty())
        problems.append(
            u"%1 cannot be traced through Envase (it has no Envase providerId)"_s.arg(provider->displayName));
    if (target.containerNumber.trimmed().isEmpty())
        problems.append(u"A container number is required"_s);
    QJsonObject data = target.data;
    data.remove(u"normalize"_s);
    if (action == Action::Requested && provider)
        problems += catalog.validateDataFields(target.provider, data);
    if (!problems.isEmpty())
        return makeError(ErrorKind::InvalidInput, problems.join(u"\n"_s));

    QJsonObject payload{{u"id"_s, target.containerNumber.trimmed()},
                        {u"providerId"_s, provider->upstreamId(envaseModuleId())}};
    if (action == Action::Requested) {
        if (!target.normalize) // true is the documented default; the examples send "data": {} then
            data.insert(u"normalize"_s, false);
        payload.insert(u"data"_s, data);
    }
    const QJsonObject event{
        {u"orgId"_s, settings.orgId},
        {u"svcId"_s, settings.svcId},
        {u"type"_s, u"CONTAINER"_s},
        {u"action"_s, action == Action::Requested ? u"TRACE_REQUESTED"_s : u"TRACE_CANCELLED"_s},
        {u"origin"_s, settings.origin},
        {u"payload"_s, payload},
    };
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

QUrl EnvaseTracePublisher::endpoint() const
{
    return m_settings.endpoint.isEmpty() ? defaultEndpoint : QUrl(m_settings.endpoint);
}

void EnvaseTracePublisher::publish(const EnvaseTraceTarget &target, Action action,
                                   std::function<void(Result<void>)> done)
{
    Result<QByteArray> body = buildEvent(m_catalog, m_settings, target, action);
    if (!body) {
        QTimer::singleShot(0, this, [done = std::move(done), error = body.error()] { done(error); });
        return;
    }
    m_tokens.token(
        [this, target, action, body = body.value(), done = std::move(done)](const Result<QByteArray> &token) mutable {
            if (!token) {
                done(makeError(token.error().kind, u"Envase Identity Manager: "_s + token.error().message));
                return;
            }
            send(target, action, body, token.value(), std::move(done));
        });
}

void EnvaseTracePublisher::send(const EnvaseTraceTarget &target, Action action, const QByteArray &body,
                                const QByteArray &token, std::function<void(Result<void>)> done)
{
    HttpRequest request;
    request.method = "POST";
    request.url = endpoint();
    request.body = body;
    request.maxAttempts = 1; // publishing again forces a trace; never repeat it behind the user's back
    request.idempotent = false;
    request.setHeader("Content-Type", "application/json");
    request.setHeader("Authorization", "Bearer " + token);
    qCInfo(lcEnvase) << "publishing" << target.containerNumber
                     << (action == Action::Requested ? "TRACE_REQUESTED" : "TRACE_CANCELLED");
    auto *job = new HttpJob(m_network, std::move(request), this);
    connect(job, &HttpJob::finished, this, [this, done = std::move(done)](const HttpResult &result) {
        if (result.statusCode == 401)
            m_tokens.forget(); // the next publish asks for a new token
        if (result.ok())
            done(Result<void>());
        else
            done(result.error);
    });
    job->start();
}
