// libFuzzer target: the Ports America mappers (TOS service API payloads) on arbitrary bodies. The first
// byte chooses ContainerAvailability or GateTransaction; the rest is the body.
#include "portsamericamapper.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const auto context = PortsAmericaMapper::contextForSite(QStringLiteral("WBCT_LA"),
                                                            QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC));
    if (data[0] % 2 == 0) {
        (void)PortsAmericaMapper::mapAvailability(body, context);
    } else {
        QHash<QString, QDateTime> visits;
        visits.insert(QStringLiteral("MSKU1234565"), QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC));
        (void)PortsAmericaMapper::mapGateTransactions(body, context, visits);
    }
    return 0;
}
