#pragma once

#include "httpjob.h"

#include <QString>

// POSTs a user name and password as JSON and reads the access token from the answer ("token", or
// "access_token" as some deployments name it). Kept apart from query requests because its failures
// mean something else: a 400 or 401 here is a wrong password, not a wrong query.
class TokenRequestJob final : public HttpJob
{
    Q_OBJECT

public:
    // request carries the URL, deadline and attempts; method, body and content type are set here.
    TokenRequestJob(QNetworkAccessManager *network, HttpRequest request, const QString &username,
                    const QString &password, QObject *parent = nullptr);

    // Valid inside the finished() slot of a successful job.
    const QString &token() const { return m_token; }

protected:
    Error interpretSuccess(const HttpResult &result) override;
    Error interpretFailure(const HttpResult &result) const override;

private:
    QString m_token;
};
