#include "portconnectclient.h"

#include "httpjob.h"
#include "httppolicy.h"
#include "portconnectlogging.h"
#include "portconnectmapper.h"
#include "providertime.h"

#include <QJsonArray>
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

// The status classes of the HTTP layer, with what they mean for a PortConnect operation (the
// documents show no error body; the classification is Quaywatch's).
Error explain(const HttpResult &result, const QString &operation)
{
    Error error = result.error;
    QString hint;
    switch (error.kind) {
    case ErrorKind::BadCredentials:
        hint = u" (check the connection's subscription key)"_s;
        break;
    case ErrorKind::AccessNotEnabled:
        hint = u" (the key's product does not include this API)"_s;
        break;
    case ErrorKind::RateLimited:
    case ErrorKind::ProviderUnavailable:
    case ErrorKind::Timeout:
        hint = u" (try again later)"_s;
        break;
    default:
        break;
    }
    error.message = u"PortConnect, %1: %2%3"_s.arg(operation, error.message, hint);
    return error;
}

QString idText(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

// expirationDatetime ("2023-06-20T14:50:30.3+12:00"); a day alone ends the window when it starts in NZ.
QDateTime readExpiry(const QString &text)
{
    QDateTime expiry = PortConnectMapper::readTime(text);
    if (const QDate day = ProviderTime::readDay(text); !expiry.isValid() && day.isValid())
        expiry = day.startOfDay(PortConnectMapper::zone()).toUTC();
    return expiry;
}

QStringList texts(const QJsonValue &value)
{
    QStringList list;
    for (const auto &item : value.toArray())
        list.append(item.toString());
    return list;
}

bool isNumericId(const QString &id)
{
    bool ok = false;
    id.toLongLong(&ok);
    return ok;
}

} // namespace

PortConnectClient::PortConnectClient(QNetworkAccessManager *network, QUrl baseUrl, QByteArray subscriptionKey,
                                     QObject *parent)
    : QObject(parent), m_network(network), m_baseUrl(std::move(baseUrl)), m_subscriptionKey(std::move(subscriptionKey))
{}

QList<PortConnectSubscribed> PortConnectClient::readCreated(const QByteArray &body,
                                                            const PortConnectSubscriptionRequest &part)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QString id = idText(answer.value(u"subscriptionId"_s));
    const bool booking = part.byBooking();
    QHash<QString, QDateTime> expiries;
    for (const auto &value : answer.value(booking ? u"bookings"_s : u"containers"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString number = entry.value(booking ? u"bookingNumber"_s : u"containerNumber"_s).toString();
        expiries.insert(number.trimmed().toUpper(), readExpiry(entry.value(u"expirationDatetime"_s).toString()));
    }
    QList<PortConnectSubscribed> accepted;
    for (const QString &number : part.numbers()) {
        const QDateTime expiry = expiries.value(number.trimmed().toUpper());
        if (!expiry.isValid())
            qCWarning(lcPortConnect) << "the create answer gives no expirationDatetime for one of the numbers";
        accepted.append({number, id, expiry});
    }
    return accepted;
}

Result<QList<PortConnectListedSubscription>> PortConnectClient::readList(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray())
        return makeError(ErrorKind::MalformedResponse, u"PortConnect's subscription list is not a JSON array"_s);
    QList<PortConnectListedSubscription> list;
    for (const auto &value : document.array()) {
        const QJsonObject entry = value.toObject();
        PortConnectListedSubscription subscription;
        subscription.subscriptionId = idText(entry.value(u"subscriptionId"_s));
        subscription.eventCodes = texts(entry.value(u"eventTypeCodes"_s));
        subscription.category = entry.value(u"category"_s).toString();
        subscription.facility = entry.value(u"facilityCode"_s).toString();
        subscription.port = entry.value(u"portCode"_s).toString();
        subscription.webhookUri = entry.value(u"webhookURI"_s).toString();
        subscription.emails = texts(entry.value(u"emailAddressList"_s));
        subscription.bookingsCount = entry.value(u"bookingsCount"_s).toInt();
        for (const auto &item : entry.value(u"containers"_s).toArray()) {
            const QJsonObject container = item.toObject();
            subscription.containers.append({container.value(u"containerNumber"_s).toString(),
                                            subscription.subscriptionId,
                                            readExpiry(container.value(u"expirationDatetime"_s).toString())});
        }
        list.append(subscription);
    }
    return list;
}

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
                 Error error = explain(result, u"creating the subscription"_s);
                 if (!accepted.isEmpty())
                     error.message +=
                         u" (%1 numbers were subscribed before this request failed)"_s.arg(accepted.size());
                 done(error);
                 return;
             }
             accepted += readCreated(result.body, part);
             subscribeNext(std::move(parts), std::move(accepted), std::move(done));
         });
}

void PortConnectClient::list(std::function<void(Result<QList<PortConnectListedSubscription>>)> done)
{
    send("GET", u"/v2/subscriptions"_s, {}, [done = std::move(done)](const HttpResult &result) {
        if (!result.ok())
            return done(explain(result, u"listing the subscriptions"_s));
        done(readList(result.body));
    });
}

void PortConnectClient::remove(int apiVersion, const QString &subscriptionId, const QString &number, bool booking,
                               std::function<void(Result<void>)> done)
{
    if (booking) {
        later<void>(this, std::move(done),
                    makeError(ErrorKind::NotImplemented,
                              u"PortConnect's pages give no address for removing a booking (%1); delete the whole "
                              "subscription instead"_s.arg(number)));
        return;
    }
    if (isNumericId(subscriptionId)) {
        removeFrom(apiVersion, subscriptionId, number, std::move(done));
        return;
    }
    // Every documented delete names the subscription: find the one(s) holding the container.
    list([this, apiVersion, number, done = std::move(done)](Result<QList<PortConnectListedSubscription>> listed) {
        if (!listed)
            return done(listed.error());
        QStringList ids;
        for (const PortConnectListedSubscription &subscription : std::as_const(listed.value())) {
            for (const PortConnectSubscribed &container : subscription.containers) {
                if (container.number.compare(number, Qt::CaseInsensitive) == 0)
                    ids.append(subscription.subscriptionId);
            }
        }
        if (ids.isEmpty())
            return done(Result<void>()); // PortConnect has no subscription for it: already removed
        removeEach(apiVersion, ids, number, done);
    });
}

// One delete per subscription that holds the container, one after another.
void PortConnectClient::removeEach(int apiVersion, QStringList ids, const QString &number,
                                   std::function<void(Result<void>)> done)
{
    if (ids.isEmpty()) {
        done(Result<void>());
        return;
    }
    const QString id = ids.takeFirst();
    removeFrom(
        apiVersion, id, number,
        [this, apiVersion, ids = std::move(ids), number, done = std::move(done)](const Result<void> &removed) mutable {
            if (!removed)
                return done(removed);
            removeEach(apiVersion, std::move(ids), number, std::move(done));
        });
}

void PortConnectClient::removeFrom(int apiVersion, const QString &subscriptionId, const QString &number,
                                   std::function<void(Result<void>)> done)
{
    const QString path = u"/v%1/subscriptions/%2/containers/%3"_s.arg(apiVersion)
                             .arg(subscriptionId, QString::fromLatin1(QUrl::toPercentEncoding(number)));
    send("DELETE", path, {}, [done = std::move(done)](const HttpResult &result) {
        if (!result.ok() && result.statusCode != 404)
            return done(explain(result, u"removing the container"_s));
        done(Result<void>());
    });
}

void PortConnectClient::removeSubscription(const QString &subscriptionId, std::function<void(Result<void>)> done)
{
    if (!isNumericId(subscriptionId)) {
        later<void>(this, std::move(done),
                    makeError(ErrorKind::InvalidInput,
                              u"'%1' is not a PortConnect subscription id (a number)"_s.arg(subscriptionId)));
        return;
    }
    send("DELETE", u"/v2/subscriptions/%1"_s.arg(subscriptionId), {},
         [done = std::move(done)](const HttpResult &result) {
             if (!result.ok() && result.statusCode != 404)
                 return done(explain(result, u"deleting the subscription"_s));
             done(Result<void>());
         });
}
