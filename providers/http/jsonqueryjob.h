#pragma once

#include "httpjob.h"

#include <QByteArray>
#include <QJsonDocument>

// A data query with a bearer token and a JSON body. Ports America sends these as GET with a body,
// which QNetworkAccessManager supports through a custom verb. The answer's body is handed back
// unparsed: reading it belongs to the provider's mapper, which can be tested without a network.
class JsonQueryJob final : public HttpJob
{
    Q_OBJECT

public:
    // request carries URL, method (GET by default), extra headers, deadline and attempts.
    JsonQueryJob(QNetworkAccessManager *network, HttpRequest request, const QByteArray &bearerToken,
                 const QJsonDocument &body, QObject *parent = nullptr);
};
