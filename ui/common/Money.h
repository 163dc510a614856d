#pragma once

#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtCore/QString>

// Won, counts and times as people of the window's language read them (the default
// QLocale, which Translator sets): "12,300원" and "2026. 12. 6. 오후 3:15" in Korean,
// "₩12,300" and "12/6/2026 3:15 PM" in English. The money is won whatever the
// language: only how it is written changes. A page never formats a number or a date
// itself.
namespace Money {
// "12,300원", "-500원" in Korean; "₩12,300", "-₩500" in English.
QString format(qint64 won);
// A count with the same separators: "999,999,999" (stock, units, coupons left).
QString count(qint64 number);
// What a person typed in an amount field without its unit and group separators:
// "12,300", "12300원", "₩12,300" and "12,300 원" all give "12300". Anything else stays
// as typed, for the field to judge ("-5", "1.5", "abc").
QString digitsOf(const QString &typed);
// The unit written before the number ("₩" in English) or after it ("원" in Korean);
// the other is empty. For a field that shows the unit beside what is typed.
QString unitBefore();
QString unitAfter();

// The window's language speaks Korean.
bool korean();
// The locale the numbers and dates are written in: ko_KR or en_US.
QLocale locale();
// A moment in local time: "2026. 12. 6. 오후 3:15" / "12/6/2026 3:15 PM" (with
// seconds: "오후 3:15:07" / "3:15:07 PM").
QString dateTime(const QDateTime &when, bool seconds = false);
// A day: "2026. 12. 6." / "12/6/2026".
QString date(const QDate &day);
// A month: "2026년 12월" / "Dec 2026".
QString month(const QDate &day);
// The display formats of the same, for date editors.
QString dateFormat();
QString dateTimeFormat();
}
