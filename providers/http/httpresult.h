#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// What came back from an HttpJob after its retries: the last response (if any) and a classified
// error. error.kind is ErrorKind::None exactly when the final answer was a 2xx the job accepted.
struct HttpResult
{
    int statusCode = 0; // 0 when no HTTP response arrived (refused, timeout, refused redirect)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Error error;
    int attempts = 0; // requests actually sent, retries and followed redirects included
    QString requestId;

    bool ok() const { return error.kind == ErrorKind::None; }
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
};
