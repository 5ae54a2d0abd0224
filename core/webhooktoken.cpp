#include "webhooktoken.h"

#include <QRandomGenerator>

#include <array>

using namespace Qt::Literals::StringLiterals;

QByteArray WebhookToken::generate()
{
    std::array<quint32, minimumBytes / sizeof(quint32)> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString WebhookToken::problem(const QByteArray &token)
{
    if (token.size() >= minimumBytes)
        return {};
    return u"The webhook token has %1 bytes; it needs at least %2 so that it cannot be guessed. Leave it out "
           u"when subscribing and Quaywatch generates one, or use a longer one."_s.arg(token.size())
               .arg(minimumBytes);
}
