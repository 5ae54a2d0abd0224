#include "tokenrequestjob.h"

#include "httppolicy.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {
HttpRequest tokenRequest(HttpRequest request, const QString &username, const QString &password)
{
    request.method = QByteArrayLiteral("POST");
    request.setHeader("Content-Type", "application/json");
    request.setHeader("Accept", "application/json");
    request.body =
        QJsonDocument(QJsonObject{{u"username"_s, username}, {u"password"_s, password}}).toJson(QJsonDocument::Compact);
    // Asking for a token has no side effect, so a dropped connection or a 5xx may be retried.
    request.idempotent = true;
    return request;
}
} // namespace

TokenRequestJob::TokenRequestJob(QNetworkAccessManager *network, HttpRequest request, const QString &username,
                                 const QString &password, QObject *parent)
    : HttpJob(network, tokenRequest(std::move(request), username, password), parent)
{}

Error TokenRequestJob::interpretSuccess(const HttpResult &result)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorKind::MalformedResponse,
                         u"the token answer from %1 is not a JSON object"_s.arg(request().url.host()));
    const QJsonObject object = document.object();
    QString token = object.value(u"token").toString();
    if (token.isEmpty())
        token = object.value(u"access_token").toString();
    if (token.isEmpty())
        return makeError(ErrorKind::MalformedResponse,
                         u"the token answer from %1 has no \"token\" field"_s.arg(request().url.host()));
    m_token = token;
    return {};
}

Error TokenRequestJob::interpretFailure(const HttpResult &result) const
{
    const QString said = HttpPolicy::providerMessage(result.body);
    if (result.statusCode == 400 || result.statusCode == 401)
        return makeError(ErrorKind::BadCredentials, said.isEmpty() ? u"the user name or password was refused"_s : said);
    if (result.statusCode == 415)
        return makeError(ErrorKind::InvalidInput, u"credentials missing from the request (HTTP 415)"_s);
    return HttpJob::interpretFailure(result);
}
