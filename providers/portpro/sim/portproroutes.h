#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

class QHttpServerRequest;
class SimHost;
struct PlannedReply;

// The simulator's PortPro receiver under /portpro/v1. Documented (P1): the Bearer check on every
// call and JSON bodies. Everything else is Quaywatch's assumption, the same one the sender makes
// (providers/portpro/portprowire.h): the token endpoint with client_credentials and refresh_token
// grants (rotating refresh tokens), the load lookup by containerNo and the PATCH of a load.
// Controls (not PortPro's): GET /_sim/portpro (counters and the updates in arrival order),
// POST /_sim/portpro/revoke (refuses every refresh token issued so far), POST /_sim/portpro/config
// {"expiresIn": s}, POST /_sim/portpro/loads {"containerNo", "reference_number"}.
class PortProRoutes final : public QObject
{
public:
    static void install(SimHost &host);

private:
    explicit PortProRoutes(SimHost &host);
    void addRoutes();
    PlannedReply planToken(const QHttpServerRequest &request);
    PlannedReply planLookup(const QHttpServerRequest &request);
    PlannedReply planUpdate(const QString &reference, const QHttpServerRequest &request);
    bool authorized(const QHttpServerRequest &request) const;
    QJsonObject controlJson() const;

    SimHost &m_host;
    QHash<QString, QString> m_loads;        // reference_number -> containerNo
    QHash<QString, QElapsedTimer> m_access; // access token -> issued
    QHash<QString, bool> m_refresh;         // refresh token -> still valid
    int m_expiresIn = 3600;
    QString m_clientId = QStringLiteral("demo-client"); // POST /_sim/portpro/config changes them
    QString m_clientSecret = QStringLiteral("demo-secret");
    int m_tokenRequests = 0;
    int m_clientCredentialGrants = 0;
    int m_refreshGrants = 0;
    int m_refusedRefreshes = 0;
    int m_lookups = 0;
    int m_rejected401 = 0;
    QJsonArray m_updates;
    int m_nextReference = 100;
};
