#include "timestampsignature.h"

#include "webhooklistener.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace {

bool allDigits(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; });
}

bool allHex(const QByteArray &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

} // namespace

namespace TimestampSignature {

std::optional<Parsed> parse(const QByteArray &headerValue)
{
    Parsed parsed;
    for (const QByteArray &part : headerValue.split(',')) {
        const QByteArray item = part.trimmed();
        if (item.startsWith("t=") && parsed.timestamp.isEmpty())
            parsed.timestamp = item.mid(2).trimmed();
        else if (item.startsWith("v1=") && parsed.signature.isEmpty())
            parsed.signature = item.mid(3).trimmed().toLower();
        else
            return std::nullopt;
    }
    // 18 digits keep the number inside qint64; a real timestamp has 10 or 13.
    if (!allDigits(parsed.timestamp) || parsed.timestamp.size() > 18 || parsed.signature.size() != 64 ||
        !allHex(parsed.signature))
        return std::nullopt;
    parsed.value = parsed.timestamp.toLongLong();
    return parsed;
}

QByteArray sign(const QByteArray &key, const QByteArray &timestamp, const QByteArray &body)
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, key);
    code.addData(timestamp);
    code.addData(".");
    code.addData(body);
    return code.result().toHex();
}

QByteArray headerValue(const QByteArray &key, qint64 timestamp, const QByteArray &body)
{
    const QByteArray t = QByteArray::number(timestamp);
    return "t=" + t + ",v1=" + sign(key, t, body);
}

bool matches(const QByteArray &key, const Parsed &parsed, const QByteArray &body)
{
    return WebhookListener::tokensEqual(sign(key, parsed.timestamp, body), parsed.signature);
}

} // namespace TimestampSignature
