#include "statuspresentation.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("StatusPresentation", text, nullptr, n);
}
} // namespace

namespace StatusPresentation {

QString statusLabel(ContainerStatus status)
{
    switch (status) {
    case ContainerStatus::Unknown:
        return tr("Unknown");
    case ContainerStatus::NotFound:
        return tr("Not found");
    case ContainerStatus::OnVessel:
        return tr("On vessel");
    case ContainerStatus::Discharged:
        return tr("Discharged");
    case ContainerStatus::NotAvailable:
        return tr("Not available");
    case ContainerStatus::Available:
        return tr("Available");
    case ContainerStatus::Outgated:
        return tr("Outgated");
    case ContainerStatus::EmptyReturned:
        return tr("Empty returned");
    }
    return tr("Unknown");
}

QString holdLabel(HoldType type)
{
    switch (type) {
    case HoldType::Customs:
        return tr("Customs");
    case HoldType::Line:
        return tr("Line");
    case HoldType::Freight:
        return tr("Freight");
    case HoldType::Usda:
        return tr("USDA");
    case HoldType::Tmf:
        return tr("TMF");
    case HoldType::Ctf:
        return tr("CTF");
    case HoldType::Demurrage:
        return tr("Demurrage");
    case HoldType::Other:
        return tr("Other");
    }
    return tr("Other");
}

QColor holdColor(HoldType type)
{
    switch (type) {
    case HoldType::Customs:
        return QColor(0xc6, 0x28, 0x28);
    case HoldType::Line:
        return QColor(0x6a, 0x1b, 0x9a);
    case HoldType::Freight:
        return QColor(0x28, 0x35, 0x93);
    case HoldType::Usda:
        return QColor(0x2e, 0x7d, 0x32);
    case HoldType::Tmf:
        return QColor(0x00, 0x83, 0x8f);
    case HoldType::Ctf:
        return QColor(0x45, 0x5a, 0x64);
    case HoldType::Demurrage:
        return QColor(0xe6, 0x51, 0x00);
    case HoldType::Other:
        return QColor(0x61, 0x61, 0x61);
    }
    return QColor(0x61, 0x61, 0x61);
}

QString lfdDaysLeft(const QDate &lfd, const QDate &today)
{
    if (!lfd.isValid() || !today.isValid())
        return {};
    const int days = int(today.daysTo(lfd));
    const int overdue = -days;
    // The plurals call translate() directly (not the tr() helper) so lupdate sees them as numerus.
    if (days < 0)
        return QCoreApplication::translate("StatusPresentation", "overdue %n day(s)", nullptr, overdue);
    if (days == 0)
        return tr("today");
    if (days == 1)
        return tr("tomorrow");
    return QCoreApplication::translate("StatusPresentation", "in %n day(s)", nullptr, days);
}

QColor lfdColor(const QDate &lfd, const QDate &today)
{
    if (!lfd.isValid() || !today.isValid())
        return {};
    const qint64 days = today.daysTo(lfd);
    if (days < 0)
        return QColor(0xc6, 0x28, 0x28);
    if (days <= 1)
        return QColor(0xef, 0x8f, 0x00);
    return {};
}

} // namespace StatusPresentation
