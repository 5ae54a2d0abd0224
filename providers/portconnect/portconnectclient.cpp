#include "portconnectclient.h"

#include "clock.h"
#include "httpjob.h"
#include "httppolicy.h"
#include "portconnectlogging.h"
#include "portconnectmapper.h"
#include "providertime.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

template<typename T>
void later(QObject *context, std::function<void(Result<T>)> done, Result<T> result)
{
    QTimer::singleShot(0, context,
                       [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); });
}

// The created subscription's numbers; numbers the answer does not list get a window from today.
Result<QList<PortConnectSubscribed>> readCreated(const HttpResult &result, const PortConnectSubscriptionRequest &part)
{
    const QJsonDocument document = QJsonDocument::fromJson(result.body);
    const QJsonObject answer = document.object();
    const QString id = answer.value(u"subscriptionId"_s).toVariant().toString();
    QHash<QString, QDateTime> expiries;
    const QJsonArray listed = answer.value(u"containers"_s).toArray();
    for (const QJsonValue &value : listed) {
        const QJsonObject entry = value.toObject();
        const QString text = entry.value(u"expiryDate"_s).toString();
        QDateTime expiry = PortConnectMapper::readTime(text);
        // An expiry given as a day (not an observed fact) ends the window when that day starts in NZ.
        if (const QDate day = ProviderTime::readDay(text); !expiry.isValid() && day.isValid())
            expiry = day.startOfDay(PortConnectMapper::zone()).toUTC();
        expiries.insert(entry.value(u"number"_s).toString(), expiry);
    }
    QList<PortConnectSubscribed> accepted;
    const QDateTime fallback = SystemClock().now().addDays(90);
    for (const QString &number : part.numbers()) {
        const QDateTime expiry = expiries.value(number);
        accepted.append({number, id, expiry.isValid() ? expiry : fallback});
    }
    return accepted;
}

} // namespace

PortConnectClient::PortConnectClient(QNetworkAccessManager *network, QUrl baseUrl, QByteArray subscriptionKey,
                                     QObject *parent)
    : QObject(parent), m_network(network), m_baseUrl(std::move(baseUrl)), m_subscriptionKey(std::move(subscriptionKey))
{}

void PortConnectClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                             std::function<void(const HttpResult &)> done)
{
    HttpRequest request;
    request.method = method;
    request.url = m_baseUrl.resolved(QUrl(path));
    request.body = body;
    request.idempotent = method != "POST";
    request.maxAttempts = request.idempotent ? 3 : 1;
    request.setHeader("Ocp-Apim-Subscription-Key", m_subscriptionKey);
    request.setHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader("Content-Type", "application/json");
    if (Result<void> secure = HttpPolicy::checkTransportSecurity(request.url); !secure) {
        HttpResult refused;
        refused.error = secure.error();
        QTimer::singleShot(0, this, [done = std::move(done), refused] { done(refused); });
        return;
    }
    ++m_requestsSent;
    auto *job = new HttpJob(m_network, std::move(request), this);
    connect(job, &HttpJob::finished, this, [done = std::move(done)](const HttpResult &result) { done(result); });
    job->start();
}

void PortConnectClient::subscribe(const PortConnectSubscriptionRequest &request,
                                  std::function<void(Result<QList<PortConnectSubscribed>>)> done)
{
    const QStringList problems = request.validate();
    if (!problems.isEmpty()) {
        later<QList<PortConnectSubscribed>>(this, std::move(done),
                                            makeError(ErrorKind::InvalidInput, problems.join(u"\n"_s)));
        return;
    }
    subscribeNext(request.split(), {}, std::move(done));
}

void PortConnectClient::subscribeNext(QList<PortConnectSubscriptionRequest> parts,
                                      QList<PortConnectSubscribed> accepted,
                                      std::function<void(Result<QList<PortConnectSubscribed>>)> done)
{
    if (parts.isEmpty()) {
        later<QList<PortConnectSubscribed>>(this, std::move(done), std::move(accepted));
        return;
    }
    const PortConnectSubscriptionRequest part = parts.takeFirst();
    qCInfo(lcPortConnect) << "creating a v" << part.apiVersion << "subscription for" << part.numbers().size()
                          << "numbers";
    send("POST", part.path(), part.toJson(),
         [this, part, parts = std::move(parts), accepted = std::move(accepted),
          done = std::move(done)](const HttpResult &result) mutable {
             if (!result.ok()) {
                 Error error = result.error;
                 if (!accepted.isEmpty())
                     error.message +=
                         u" (%1 numbers were subscribed before this request failed)"_s.arg(accepted.size());
                 done(error);
                 return;
             }
             Result<QList<PortConnectSubscribed>> created = readCreated(result, part);
             accepted += created.value();
             subscribeNext(std::move(parts), std::move(accepted), std::move(done));
         });
}

void PortConnectClient::list(int apiVersion, std::function<void(Result<QJsonArray>)> done)
{
    send("GET", u"/v%1/subscriptions"_s.arg(apiVersion), {}, [done = std::move(done)](const HttpResult &result) {
        if (!result.ok())
            return done(result.error);
        const QJsonDocument document = QJsonDocument::fromJson(result.body);
        if (!document.isArray())
            return done(makeError(ErrorKind::MalformedResponse, u"PortConnect's subscription list is not an array"_s));
        done(document.array());
    });
}

void PortConnectClient::remove(int apiVersion, const QString &subscriptionId, const QString &number,
                               std::function<void(Result<void>)> done)
{
    const QString path = subscriptionId.isEmpty()
                             ? u"/v%1/subscriptions/containers/%2"_s.arg(apiVersion).arg(number)
                             : u"/v%1/subscriptions/%2/containers/%3"_s.arg(apiVersion).arg(subscriptionId, number);
    send("DELETE", path, {}, [done = std::move(done)](const HttpResult &result) {
        if (!result.ok() && result.statusCode != 404)
            return done(result.error);
        done(Result<void>());
    });
}
