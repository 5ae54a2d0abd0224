#include "portprowire.h"

using namespace Qt::Literals::StringLiterals;

namespace PortProWire {

const QList<Field> &fields()
{
    // JSON names are Quaywatch's assumption (P1 names no load field); they follow the camelCase of
    // the few names PortPro-related code uses (docs/providers/portpro.md section 9), not a document.
    static const QList<Field> table{
        {u"Vessel ETA"_s, u"vesselEta"_s, u"ISO 8601 UTC; the ATA replaces the ETA once the vessel arrived"_s},
        {u"Last Free Day"_s, u"lastFreeDay"_s, u"ISO date; the earlier of terminal and line LFD"_s},
        {u"Discharged Date"_s, u"dischargedDate"_s, u"ISO 8601 UTC of the actual discharge"_s},
        {u"Outgate Date"_s, u"outgateDate"_s, u"ISO 8601 UTC of the actual full outgate"_s},
        {u"Ingate Date"_s, u"ingateDate"_s, u"ISO 8601 UTC of the actual empty return"_s},
        {u"Pick Up Location \u2192 From"_s, u"pickupFromTime"_s, u"ISO 8601 UTC start of the pickup appointment"_s},
        {u"Chassis Number"_s, u"chassisNo"_s, u"text as reported"_s},
        {u"Freight Hold"_s, u"freightHold"_s,
         u"the current line, terminal, USDA and other holds; null when released"_s},
        {u"Custom Hold"_s, u"customHold"_s, u"the current customs holds; null when released"_s},
    };
    return table;
}

QString jsonName(const QString &label)
{
    for (const Field &field : fields()) {
        if (field.label == label)
            return field.jsonName;
    }
    return {};
}

} // namespace PortProWire
