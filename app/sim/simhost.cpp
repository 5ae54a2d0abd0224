#include "simhost.h"

#include <QHttpServerRequest>

PlannedReply PlannedReply::json(int status, QByteArray body)
{
    return {status, std::move(body), "application/json; charset=utf-8", {}, false};
}

PlannedReply PlannedReply::json(const QJsonDocument &document, int status)
{
    return json(status, document.toJson(QJsonDocument::Compact));
}

QByteArray simRequestHeader(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second.trimmed();
    }
    return {};
}
