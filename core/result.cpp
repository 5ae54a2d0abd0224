#include "result.h"

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("none");
    case ErrorKind::InvalidInput:
        return QStringLiteral("invalid_input");
    case ErrorKind::BadCredentials:
        return QStringLiteral("bad_credentials");
    case ErrorKind::AccessNotEnabled:
        return QStringLiteral("access_not_enabled");
    case ErrorKind::NotFound:
        return QStringLiteral("not_found");
    case ErrorKind::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorKind::ProviderUnavailable:
        return QStringLiteral("provider_unavailable");
    case ErrorKind::MalformedResponse:
        return QStringLiteral("malformed_response");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::KeychainUnavailable:
        return QStringLiteral("keychain_unavailable");
    case ErrorKind::Storage:
        return QStringLiteral("storage");
    case ErrorKind::Insecure:
        return QStringLiteral("insecure");
    case ErrorKind::NotImplemented:
        return QStringLiteral("not_implemented");
    case ErrorKind::TooLarge:
        return QStringLiteral("too_large");
    case ErrorKind::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}
