#pragma once

#include <QList>
#include <QString>

// Every PortPro endpoint path and JSON name Quaywatch uses, in one place (this file and its .cpp),
// so the Mapping screen, the sender and the simulator read the same table.
//
// Documents followed: PortPro API documentation P1 (https://documentation.app.portpro.io:
// "API Environments" - production base URL https://api1.app.portpro.io/v1; "Authentication" -
// `Authorization: Bearer <Your Access Token>`; JSON in both directions) and seed 000 (the OpenTrack
// integration guide: clientId + clientSecret "so we can create Access and Refresh tokens", and the
// ten-row mapping table of Load view labels). docs/providers/portpro.md records both.
//
// The documents are silent on everything else; Quaywatch assumes (confirm with PortPro before use):
// - the token endpoint: POST <base>/oauth/token with a JSON body, grant_type "client_credentials"
//   (client_id, client_secret) or "refresh_token" (refresh_token), answering access_token,
//   refresh_token and expires_in (seconds), OAuth 2 style (RFC 6749 names);
// - a refused refresh token answers 400 or 401 with "error": "invalid_grant";
// - the refresh token may rotate: a new one in an answer replaces the stored one;
// - load lookup: GET <base>/loads?containerNo=<number>, answering {"data": [load, ...]}, a load
//   carrying "reference_number" and "containerNo";
// - load update: PATCH <base>/loads/<reference_number> with only the changed fields;
// - the load JSON names of the ten Load view fields (table below);
// - errors: 404 for an unknown load, 429 with Retry-After, 5xx transient.
namespace PortProWire {

inline constexpr auto tokenPath = "/oauth/token";
inline constexpr auto loadsPath = "/loads"; // lookup: ?containerNo=; update: /loads/<reference_number>
inline constexpr auto containerQuery = "containerNo";
inline constexpr auto loadsArray = "data";
inline constexpr auto loadReference = "reference_number";
inline constexpr auto loadContainer = "containerNo";

inline constexpr auto grantType = "grant_type";
inline constexpr auto clientCredentialsGrant = "client_credentials";
inline constexpr auto refreshTokenGrant = "refresh_token";
inline constexpr auto clientId = "client_id";
inline constexpr auto clientSecret = "client_secret";
inline constexpr auto refreshToken = "refresh_token";
inline constexpr auto accessToken = "access_token";
inline constexpr auto expiresIn = "expires_in";
inline constexpr auto errorName = "error";
inline constexpr auto invalidGrant = "invalid_grant";

// One PortPro Load field: the seed's Load view label (the key of a message's "fields"), the JSON
// name Quaywatch sends (assumed) and the rule that fills it.
struct Field
{
    QString label;    // seed 000, e.g. "Last Free Day"
    QString jsonName; // assumed, e.g. "lastFreeDay"
    QString rule;
};

const QList<Field> &fields();
QString jsonName(const QString &label); // empty when the label is not a PortPro field

} // namespace PortProWire
