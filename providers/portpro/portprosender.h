#pragma once

#include "outbound/outbound.h"

#include <QStringList>

#include <memory>

// The PortPro destination of the outbox (issue 17): updates the PortPro load that carries a
// container with the changed seed-000 fields.
//
// Documents followed: PortPro API documentation P1 (base URL, Bearer header, JSON) and seed 000
// (clientId/clientSecret from which access and refresh tokens are made; the mapping table). The
// documents are silent on the token endpoint, refresh, token lifetime and rotation, the load lookup,
// the update call, the load field names, errors and rate limits; Quaywatch assumes what
// portprowire.h lists (every path and JSON name is there) until PortPro confirms them.
//
// Behaviour: one access token shared by all deliveries, refreshed 60 s before expires_in runs out,
// one refresh in flight (concurrent deliveries wait for it). A refresh token, when issued or
// rotated, is saved through context.saveSecret("refreshToken") and used first on the next start.
// A refused refresh token (invalid_grant or 401) stops the destination: every waiting and later
// delivery gets Outcome::Stop and no further token request is made. The load of a container number
// is cached for a short time; a 401 on a load call refreshes the token once and retries once.

std::unique_ptr<OutboundSender> createPortProSender(const OutboundSenderContext &context);
// The keychain fields of the PortPro destination: clientId, clientSecret, refreshToken.
QStringList portProSecretFields();
