// The PortPro module: the outbound destination PortPro (issue 17). Nothing is traced from PortPro
// (workflow outbound_push, never polled); the module checks the credentials (Test connection) and
// shows the destination's mapping table. The sender itself is made by createPortProSender().
#include "portpromapping.h"
#include "portprosender.h"
#include "portprowire.h"
#include "providermodule.h"

#include <QtGlobal>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

class PortProModule final : public ProviderModule
{
public:
    QString id() const override { return u"portpro"_s; }
    bool handles(const CatalogProvider &provider) const override { return provider.id == "portpro"_L1; }
    ProviderCapabilities capabilities(const CatalogProvider & /*provider*/) const override
    {
        ProviderCapabilities capabilities;
        capabilities.verification = true;
        return capabilities;
    }

    QUrl defaultBaseUrl(const ConnectionRecord & /*record*/) const override
    {
        return QUrl(u"https://api1.app.portpro.io/v1"_s);
    }

    void verify(const VerificationContext &context, std::function<void(VerificationAnswer)> done) const override
    {
        OutboundSenderContext sender;
        sender.destination.kind = QString::fromLatin1(PortProMapping::kind);
        sender.destination.name = u"portpro"_s;
        sender.destination.entity = context.record.entity;
        if (!context.record.baseUrl.isEmpty())
            sender.destination.url = QUrl(context.record.baseUrl);
        else if (context.provider)
            sender.destination.url = context.provider->environments.value(u"production"_s);
        // Test connection uses the client credentials only, never a stored refresh token.
        sender.secrets.insert(u"clientId"_s, context.secrets.value(u"clientId"_s));
        sender.secrets.insert(u"clientSecret"_s, context.secrets.value(u"clientSecret"_s));
        sender.network = context.network;
        sender.clock = context.clock;
        if (!context.clock || !context.network) {
            VerificationAnswer answer;
            answer.error = makeError(ErrorKind::Internal, u"A PortPro check needs its caller's clock and network"_s);
            done(answer);
            return;
        }
        std::shared_ptr<OutboundSender> owned = createPortProSender(sender);
        OutboundSender *raw = owned.get();
        raw->test([owned, done = std::move(done)](const DeliveryResult &result) mutable {
            VerificationAnswer answer;
            if (result.outcome != DeliveryResult::Outcome::Delivered) {
                const bool refused = result.statusCode == 400 || result.statusCode == 401 || result.statusCode == 403;
                answer.error =
                    makeError(refused ? ErrorKind::BadCredentials : ErrorKind::ProviderUnavailable, result.error);
            }
            done(answer);
            // Deleted after this callback returns, not inside its own reply handler.
            QTimer::singleShot(0, [owned = std::move(owned)] {});
        });
    }

    QList<MappingTable> mappingTables() const override
    {
        MappingTable table{QString::fromUtf8(QT_TRANSLATE_NOOP(
                               "MappingRules", "PortPro load update (assumed JSON names: the documents name none)")),
                           {}};
        for (const FieldMappingRow &row : PortProMapping::mapping().rows) {
            const QString json = PortProWire::jsonName(row.field);
            table.rows.append(
                {u"%1 \u2192 %2"_s.arg(row.trackingProperty, row.field),
                 json.isEmpty() ? QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "(not sent)")) : json, row.rule});
        }
        return {table};
    }

    QList<OutboundSenderKind> outboundSenderKinds() const override
    {
        return {{QString::fromLatin1(PortProMapping::kind), portProSecretFields(),
                 [](const OutboundSenderContext &context) { return createPortProSender(context); }}};
    }

    QList<FieldMapping> fieldMappings() const override { return {PortProMapping::mapping()}; }

    QList<DemoAccount> demoAccounts() const override
    {
        return {{u"portpro"_s,
                 {},
                 {{u"clientId"_s, u"demo-client"_s}, {u"clientSecret"_s, u"demo-secret"_s}},
                 u"/portpro/v1"_s,
                 {}}};
    }
};

} // namespace

std::unique_ptr<ProviderModule> createProviderModule_portpro()
{
    return std::make_unique<PortProModule>();
}
