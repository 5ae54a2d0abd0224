#include "hold.h"

#include <array>
#include <utility>

namespace {
using namespace Qt::Literals::StringLiterals;

const std::array<std::pair<HoldType, QStringView>, 8> holdNames{{
    {HoldType::Customs, u"CUSTOMS"},
    {HoldType::Line, u"LINE"},
    {HoldType::Freight, u"FREIGHT"},
    {HoldType::Usda, u"USDA"},
    {HoldType::Tmf, u"TMF"},
    {HoldType::Ctf, u"CTF"},
    {HoldType::Demurrage, u"DEMURRAGE"},
    {HoldType::Other, u"OTHER"},
}};
} // namespace

QString holdTypeName(HoldType type)
{
    for (const auto &[value, name] : holdNames) {
        if (value == type)
            return name.toString();
    }
    return u"OTHER"_s;
}

std::optional<HoldType> holdTypeFromName(const QString &name)
{
    for (const auto &[value, text] : holdNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

QList<HoldType> allHoldTypes()
{
    QList<HoldType> types;
    for (const auto &entry : holdNames)
        types.append(entry.first);
    return types;
}
