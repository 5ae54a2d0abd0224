#include "jsonqueryjob.h"

namespace {
HttpRequest queryRequest(HttpRequest request, const QByteArray &bearerToken, const QJsonDocument &body)
{
    request.setHeader("Authorization", QByteArrayLiteral("Bearer ") + bearerToken);
    request.setHeader("Content-Type", "application/json");
    request.setHeader("Accept", "application/json");
    request.body = body.toJson(QJsonDocument::Compact);
    return request;
}
} // namespace

JsonQueryJob::JsonQueryJob(QNetworkAccessManager *network, HttpRequest request, const QByteArray &bearerToken,
                           const QJsonDocument &body, QObject *parent)
    : HttpJob(network, queryRequest(std::move(request), bearerToken, body), parent)
{}
