#pragma once

#include <QtCore/QString>

// Won as people read them: "₩12,300", "-₩500". Independent of the desktop's locale:
// the shop sells in won whatever language the desktop speaks.
namespace Money {
QString format(qint64 won);
// A count with the same separators: "999,999,999" (stock, units, coupons left).
QString count(qint64 number);
}
