#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

enum class HoldType
{
    Customs,
    Line,
    Freight,
    Usda,
    Tmf,
    Ctf,
    Demurrage,
    Other
};

QString holdTypeName(HoldType type); // "CUSTOMS", "LINE", ..., the normalized hold types
std::optional<HoldType> holdTypeFromName(const QString &name);
QList<HoldType> allHoldTypes();

// A hold on a container. The provider's own text is always kept in sourceCode; two holds are the
// same hold when type and sourceCode match (since is when Quaywatch first saw it).
struct Hold
{
    HoldType type = HoldType::Other;
    QString sourceCode;
    QDateTime since; // UTC; invalid when unknown

    bool sameHold(const Hold &other) const { return type == other.type && sourceCode == other.sourceCode; }
    bool operator==(const Hold &) const = default;
};
