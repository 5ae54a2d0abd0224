#include "servicecredentials.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringBuilder>

using namespace Qt::Literals::StringLiterals;

namespace {

// systemd refuses credentials over 1 MiB (CREDENTIAL_SIZE_MAX); anything larger is not ours.
constexpr qint64 maxCredentialSize = qint64{1024} * 1024;

bool plainNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

QString encodePart(const QString &part)
{
    QString encoded;
    for (const char c : part.toUtf8()) {
        if (plainNameChar(c))
            encoded += QLatin1Char(c);
        else
            encoded += u'%' % QString::number(static_cast<unsigned char>(c), 16).toUpper().rightJustified(2, u'0');
    }
    return encoded;
}

} // namespace

namespace ServiceCredentials {

QString directory()
{
    return qEnvironmentVariable("CREDENTIALS_DIRECTORY");
}

bool active()
{
    const QString path = directory();
    return !path.isEmpty() && QFileInfo(path).isDir();
}

QString name(const QString &service, const QString &secretKey)
{
    // SecretStore keys are "entity/provider/field" with '/' and '%' inside a part already escaped;
    // the parts are decoded and re-encoded for file names, joined with '.'.
    QStringList parts{encodePart(service)};
    for (QString part : secretKey.split(u'/')) {
        part.replace(u"%2F"_s, u"/"_s);
        part.replace(u"%25"_s, u"%"_s);
        parts.append(encodePart(part));
    }
    return parts.join(u'.');
}

QString databasePasswordName(const QString &service)
{
    return encodePart(service) % u".database.password"_s;
}

Result<QString> read(const QString &credentialName)
{
    const QString folder = directory();
    QFile file(QDir(folder).filePath(credentialName));
    if (!file.exists()) {
        return makeError(
            ErrorKind::NotFound,
            u"The service has no credential \"%1\": add LoadCredentialEncrypted=%1:/etc/credstore.encrypted/"
            "%1 to the unit (quaywatch-cli connections export-credential prints how to make it)."_s.arg(
                credentialName));
    }
    if (file.size() > maxCredentialSize)
        return makeError(ErrorKind::InvalidInput, u"The credential \"%1\" is larger than 1 MiB."_s.arg(credentialName));
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::KeychainUnavailable,
                         u"The credential \"%1\" cannot be read: %2"_s.arg(credentialName, file.errorString()));
    }
    QByteArray bytes = file.read(maxCredentialSize);
    if (bytes.endsWith("\r\n"))
        bytes.chop(2);
    else if (bytes.endsWith('\n'))
        bytes.chop(1);
    qCDebug(lcSecrets) << "read service credential" << credentialName;
    return QString::fromUtf8(bytes);
}

} // namespace ServiceCredentials
