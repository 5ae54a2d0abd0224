#pragma once

#include "result.h"

#include <QString>

// The secrets of a worker that runs as a systemd service. A server has no desktop session and so no
// Secret Service, and a plain-text file is no option; systemd instead decrypts each
// LoadCredentialEncrypted= entry of the unit (encrypted at rest with the host key or the TPM) into a
// private, read-only, non-swappable directory that only the service can read, and names that
// directory in $CREDENTIALS_DIRECTORY (systemd.exec(5), "Credentials"; systemd-creds(1)).
//
// When that variable is set, the directory is the only place secrets are read from: the keychain is
// not asked and nothing is ever written, so a misconfigured unit fails with the credential's name
// instead of quietly falling back somewhere else.
namespace ServiceCredentials {

// The directory systemd filled, or empty when this process is not a service with credentials.
QString directory();
bool active();

// The credential name that holds the secret stored under a SecretStore key of the given keychain
// service, e.g. "quaywatch.default.<provider id>.password". Characters outside [A-Za-z0-9_-] are
// percent-encoded so that the name is a valid file name and no two keys share a name.
QString name(const QString &service, const QString &secretKey);

// The name of the credential holding the PostgreSQL password of a postgresql:// URL without one.
QString databasePasswordName(const QString &service);

// The secret, without one trailing newline (systemd-ask-password and `echo` add one). NotFound
// names the credential and the unit line that would provide it.
Result<QString> read(const QString &credentialName);

} // namespace ServiceCredentials
