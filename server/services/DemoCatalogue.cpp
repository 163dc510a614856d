#include "DemoCatalogue.h"

#include <QtCore/QBuffer>
#include <QtGui/QImage>
#include <QtGui/QLinearGradient>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

namespace {
struct Kind {
    const char *ko;
    const char *en;
    qint64 basePrice;
};
// Per top-level category: three kinds of product, in Korean and English.
const Kind kKinds[12][3] = {
    { { "무선 이어폰", "Wireless Earbuds", 89000 }, { "블루투스 스피커", "Bluetooth Speaker", 59000 }, { "헤드폰", "Headphones", 129000 } },
    { { "스테인리스 텀블러", "Stainless Tumbler", 15000 }, { "프라이팬", "Frying Pan", 32000 }, { "도마", "Cutting Board", 18000 } },
    { { "면 티셔츠", "Cotton T-shirt", 19000 }, { "후드 집업", "Zip Hoodie", 49000 }, { "청바지", "Jeans", 59000 } },
    { { "러닝화", "Running Shoes", 99000 }, { "슬리퍼", "Slippers", 12000 }, { "스니커즈", "Sneakers", 79000 } },
    { { "백팩", "Backpack", 69000 }, { "에코백", "Tote Bag", 15000 }, { "여행 가방", "Suitcase", 159000 } },
    { { "스탠드 조명", "Desk Lamp", 39000 }, { "무드등", "Night Light", 22000 }, { "쿠션", "Cushion", 17000 } },
    { { "요가 매트", "Yoga Mat", 29000 }, { "덤벨", "Dumbbell", 25000 }, { "물병", "Water Bottle", 9000 } },
    { { "노트", "Notebook", 4000 }, { "만년필", "Fountain Pen", 45000 }, { "다이어리", "Planner", 16000 } },
    { { "핸드크림", "Hand Cream", 8000 }, { "선크림", "Sunscreen", 18000 }, { "샴푸", "Shampoo", 12000 } },
    { { "녹차", "Green Tea", 9000 }, { "원두 커피", "Coffee Beans", 16000 }, { "꿀", "Honey", 21000 } },
    { { "보드게임", "Board Game", 35000 }, { "퍼즐", "Jigsaw Puzzle", 19000 }, { "블록 장난감", "Building Blocks", 42000 } },
    { { "화분", "Plant Pot", 11000 }, { "물뿌리개", "Watering Can", 13000 }, { "원예 장갑", "Garden Gloves", 7000 } },
};
const char *const kCategoryNames[12][2] = {
    { "음향기기", "Audio" },      { "주방", "Kitchen" },          { "의류", "Clothing" },   { "신발", "Shoes" },
    { "가방", "Bags" },           { "인테리어", "Home" },         { "운동", "Sports" },     { "문구", "Stationery" },
    { "뷰티", "Beauty" },         { "식품", "Food" },             { "장난감", "Toys" },     { "원예", "Garden" },
};
const char *const kStyles[8][2] = { { "블루", "Blue" },   { "블랙", "Black" }, { "화이트", "White" }, { "미니", "Mini" },
                                    { "프로", "Pro" },    { "라이트", "Lite" }, { "클래식", "Classic" }, { "에코", "Eco" } };
const char *const kTraitsKo[6] = { "가볍고 튼튼합니다", "매일 쓰기 좋습니다", "선물용으로 인기입니다", "오래 쓰는 소재로 만들었습니다",
                                   "세척이 쉽습니다", "색상이 선명합니다" };
const char *const kTraitsEn[6] = { "Light and sturdy", "Made for every day", "A popular gift", "Built from lasting materials",
                                   "Easy to clean", "Bright, lasting colours" };
}

QList<DemoCatalogue::Category> DemoCatalogue::categories()
{
    QList<Category> out;
    for (int c = 0; c < 12; ++c) {
        Category category { QString::fromUtf8(kCategoryNames[c][0]) + QStringLiteral(" ") + QString::fromUtf8(kCategoryNames[c][1]), {} };
        for (const Kind &k : kKinds[c])
            category.children << QString::fromUtf8(k.en);
        out << category;
    }
    return out;
}

DemoCatalogue::Item DemoCatalogue::item(int index)
{
    const int category = index % 12;
    const int child = (index / 12) % 3;
    const int style = (index / 36) % 8;
    const int series = index / 288 + 1;
    const Kind &kind = kKinds[category][child];
    // Korean or English by kind and style, so every category has both.
    const bool korean = (index / 12 + index / 36) % 2 == 0;
    Item it;
    it.category = category;
    it.child = child;
    const QString model = series > 1 ? QStringLiteral(" %1").arg(series) : QString();
    if (korean) {
        it.name = QString::fromUtf8(kStyles[style][0]) + QLatin1Char(' ') + QString::fromUtf8(kind.ko) + model;
        it.description = QStringLiteral("%1 %2. %3, %4.")
                                 .arg(QString::fromUtf8(kStyles[style][0]), QString::fromUtf8(kind.ko),
                                      QString::fromUtf8(kTraitsKo[index % 6]), QString::fromUtf8(kTraitsKo[(index / 6) % 6]));
    } else {
        it.name = QString::fromUtf8(kStyles[style][1]) + QLatin1Char(' ') + QString::fromUtf8(kind.en) + model;
        it.description = QStringLiteral("%1 %2. %3; %4.")
                                 .arg(QString::fromUtf8(kStyles[style][1]), QString::fromUtf8(kind.en),
                                      QString::fromUtf8(kTraitsEn[index % 6]), QString::fromUtf8(kTraitsEn[(index / 6) % 6]).toLower());
    }
    it.sku = QStringLiteral("SF-%1-%2").arg(category + 1, 2, 10, QLatin1Char('0')).arg(index + 1, 5, 10, QLatin1Char('0'));
    it.price = kind.basePrice + 1000 * ((index * 7) % 20) - 500 * (style % 3);
    it.stock = (index % 17 == 0) ? 0 : 5 + (index * 13) % 200;
    return it;
}

QList<DemoCatalogue::CouponOffer> DemoCatalogue::coupons()
{
    return {
        { QStringLiteral("신규 가입 3,000원 할인"), false, 3000, 1000, 30 },
        { QStringLiteral("Welcome 10% off"), true, 10, 500, 30 },
        { QStringLiteral("주말 특가 15% 할인"), true, 15, 100, 7 },
        { QStringLiteral("5,000 won off your order"), false, 5000, 50, 14 },
    };
}

QByteArray DemoCatalogue::picture(int index, int side)
{
    const int category = index % 12;
    const QColor base = QColor::fromHsv((category * 30) % 360, 110, 235);
    const QColor accent = QColor::fromHsv((category * 30 + 40 + (index % 5) * 25) % 360, 200, 170);
    QImage image(side, side, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, side);
    sky.setColorAt(0, base.lighter(125));
    sky.setColorAt(1, base);
    p.fillRect(image.rect(), sky);
    // A soft shadow, then the "product": one of four silhouettes, by kind.
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 0, 0, 40));
    p.drawEllipse(QRectF(side * 0.2, side * 0.78, side * 0.6, side * 0.08));
    p.setBrush(accent);
    const QRectF body(side * 0.25, side * 0.22, side * 0.5, side * 0.55);
    switch ((index / 12) % 4) {
    case 0:
        p.drawEllipse(body);
        break;
    case 1:
        p.drawRoundedRect(body, side * 0.06, side * 0.06);
        break;
    case 2: {
        QPainterPath path;
        path.moveTo(body.center().x(), body.top());
        path.lineTo(body.right(), body.bottom());
        path.lineTo(body.left(), body.bottom());
        path.closeSubpath();
        p.drawPath(path);
        break;
    }
    default:
        p.drawRect(body.adjusted(side * 0.08, 0, -side * 0.08, 0));
        p.drawEllipse(QRectF(body.left(), body.top() - side * 0.06, body.width(), side * 0.14));
    }
    p.setBrush(QColor(255, 255, 255, 150));
    p.drawEllipse(QRectF(body.left() + body.width() * 0.18, body.top() + body.height() * 0.15, body.width() * 0.18,
                         body.height() * 0.12));
    p.end();
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 88);
    return out;
}
