#include "DemoCatalogue.h"

#include <QtCore/QBuffer>
#include <QtGui/QImage>
#include <QtGui/QLinearGradient>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

namespace {
struct Kind {
    const char *name; // the sub-category and the product's kind, as a Korean shop names it
    const char *brands[2]; // Korean brands in Hangul, foreign ones as Korean shops write them
    qint64 basePrice;
};
// Per top-level category: three kinds of product.
const Kind kKinds[12][3] = {
    { { "무선 이어폰", { "삼성 갤럭시 버즈2", "소니" }, 89000 }, { "블루투스 스피커", { "JBL", "브리츠" }, 59000 },
      { "헤드폰", { "소니", "오디오테크니카" }, 129000 } },
    { { "스테인리스 텀블러", { "스탠리", "락앤락" }, 15000 }, { "프라이팬", { "테팔", "해피콜" }, 32000 },
      { "원목 도마", { "코멕스", "락앤락" }, 18000 } },
    { { "면 티셔츠", { "스파오", "탑텐" }, 19000 }, { "후드 집업", { "무신사 스탠다드", "스파오" }, 49000 },
      { "청바지", { "리바이스", "탑텐" }, 59000 } },
    { { "러닝화", { "나이키", "아식스" }, 99000 }, { "슬리퍼", { "크록스", "아디다스" }, 12000 },
      { "스니커즈", { "뉴발란스", "컨버스" }, 79000 } },
    { { "백팩", { "잔스포츠", "노스페이스" }, 69000 }, { "에코백", { "MUJI", "마르디 메크르디" }, 15000 },
      { "여행 가방", { "샘소나이트", "아메리칸투어리스터" }, 159000 } },
    { { "스탠드 조명", { "필립스", "LG" }, 39000 }, { "무드등", { "샤오미", "이케아" }, 22000 },
      { "쿠션", { "이케아", "자주" }, 17000 } },
    { { "요가 매트", { "만두카", "나이키" }, 29000 }, { "덤벨", { "데카트론", "아이언맥스" }, 25000 },
      { "물병", { "날진", "락앤락" }, 9000 } },
    { { "노트", { "몰스킨", "모닝글로리" }, 4000 }, { "만년필", { "라미", "파커" }, 45000 },
      { "다이어리", { "양지사", "몰스킨" }, 16000 } },
    { { "핸드크림", { "록시땅", "카밀" }, 8000 }, { "선크림", { "라운드랩", "비오레" }, 18000 },
      { "샴푸", { "려", "닥터포헤어" }, 12000 } },
    { { "녹차", { "오설록", "보성" }, 9000 }, { "원두 커피", { "테라로사", "스타벅스" }, 16000 },
      { "꿀", { "동서", "꽃샘" }, 21000 } },
    { { "보드게임", { "코리아보드게임즈", "하스브로" }, 35000 }, { "직소 퍼즐", { "라벤스부르거", "퍼즐라이프" }, 19000 },
      { "블록 장난감", { "레고", "옥스포드" }, 42000 } },
    { { "화분", { "모던하우스", "이케아" }, 11000 }, { "물뿌리개", { "모던하우스", "다이소" }, 13000 },
      { "원예 장갑", { "3M", "코멧" }, 7000 } },
};
const char *const kCategoryNames[12] = { "음향기기", "주방용품", "의류", "신발", "가방", "홈인테리어",
                                         "스포츠·레저", "문구", "뷰티", "식품", "완구·취미", "원예" };
// Per top-level category, the eight variants a Korean shop lists: colours in Hangul,
// model words in English ("Pro", "Lite"), sizes and weights as written on the box.
const char *const kStyles[12][8] = {
    { "블랙", "화이트", "Mini", "Pro", "Lite", "네이비", "Plus", "베이지" },
    { "블랙", "화이트", "그레이", "민트", "대용량", "미니", "2개 세트", "베이지" },
    { "블랙", "화이트", "네이비", "베이지", "그레이", "오버핏", "슬림핏", "차콜" },
    { "블랙", "화이트", "네이비", "베이지", "그레이", "카키", "와이드", "아이보리" },
    { "블랙", "화이트", "네이비", "베이지", "그레이", "카키", "미니", "아이보리" },
    { "화이트", "블랙", "우드", "베이지", "그레이", "미니", "라지", "아이보리" },
    { "블랙", "그레이", "네이비", "핑크", "Pro", "Lite", "라지", "민트" },
    { "블랙", "네이비", "A5", "B5", "포켓", "레드", "그린", "브라운" },
    { "50ml", "100ml", "200ml", "무향", "대용량", "미니", "선물세트", "리필" },
    { "선물세트", "100g", "250g", "500g", "1kg", "대용량", "소포장", "유기농" },
    { "기본판", "확장판", "미니", "클래식", "디럭스", "스페셜 에디션", "여행용", "패밀리" },
    { "소형", "중형", "대형", "화이트", "그레이", "테라코타", "그린", "3개 세트" },
};
const char *const kTraits[6] = { "가볍고 튼튼합니다", "매일 쓰기 좋습니다", "선물용으로 인기입니다", "오래 쓰는 소재로 만들었습니다",
                                 "세척이 쉽습니다", "색상이 선명합니다" };
}

QList<DemoCatalogue::Category> DemoCatalogue::categories()
{
    QList<Category> out;
    for (int c = 0; c < 12; ++c) {
        Category category { QString::fromUtf8(kCategoryNames[c]), {} };
        for (const Kind &k : kKinds[c])
            category.children << QString::fromUtf8(k.name);
        out << category;
    }
    return out;
}

DemoCatalogue::Item DemoCatalogue::item(int index)
{
    const int category = index % 12;
    const int child = (index / 12) % 3;
    // The style turns with the category too, so the best sellers (low indexes) are not
    // all 블랙; within a kind and series each of its 8 products has its own.
    const int style = (index / 36 + index % 12 + child) % 8;
    const int series = index / 288 + 1;
    const Kind &kind = kKinds[category][child];
    const QString brand = QString::fromUtf8(kind.brands[(index / 36) % 2]); // every kind has both
    Item it;
    it.category = category;
    it.child = child;
    // A later series of the same model: "… Pro 2" (only a load shop of thousands has them).
    const QString model = series > 1 ? QStringLiteral(" %1").arg(series) : QString();
    it.name = brand + QLatin1Char(' ') + QString::fromUtf8(kind.name) + QLatin1Char(' ') + QString::fromUtf8(kStyles[category][style]) + model;
    // Two different traits, each its own sentence ("가볍고 튼튼합니다, 가볍고 튼튼합니다." was
    // seen in the app).
    const int first = index % 6;
    const int second = (first + 1 + (index / 6) % 5) % 6;
    it.description = QStringLiteral("%1 %2 %3. %4. %5.")
                             .arg(brand, QString::fromUtf8(kind.name), QString::fromUtf8(kStyles[category][style]),
                                  QString::fromUtf8(kTraits[first]), QString::fromUtf8(kTraits[second]));
    it.sku = QStringLiteral("SF-%1-%2").arg(category + 1, 2, 10, QLatin1Char('0')).arg(index + 1, 5, 10, QLatin1Char('0'));
    it.price = kind.basePrice + 1000 * ((index * 7) % 20) - 500 * (style % 3);
    it.stock = (index % 17 == 0) ? 0 : 5 + (index * 13) % 200;
    return it;
}

QList<DemoCatalogue::CouponOffer> DemoCatalogue::coupons()
{
    return {
        { QStringLiteral("신규 가입 3,000원 할인"), false, 3000, 1000, 30 },
        { QStringLiteral("첫 구매 10% 할인"), true, 10, 500, 30 },
        { QStringLiteral("주말 특가 15% 할인"), true, 15, 100, 7 },
        { QStringLiteral("5,000원 할인 쿠폰"), false, 5000, 50, 14 },
    };
}

QList<DemoCatalogue::Address> DemoCatalogue::addresses(int index)
{
    // Road addresses as Korea Post writes them, with their 5-digit postal codes.
    static const char *const kRoads[12][2] = {
        { "06236", "서울특별시 강남구 테헤란로 152" },      { "03925", "서울특별시 마포구 월드컵북로 396" },
        { "04524", "서울특별시 중구 세종대로 110" },        { "48058", "부산광역시 해운대구 센텀중앙로 79" },
        { "41911", "대구광역시 중구 동성로 30" },           { "21998", "인천광역시 연수구 컨벤시아대로 165" },
        { "61949", "광주광역시 서구 상무중앙로 110" },      { "34134", "대전광역시 유성구 대학로 99" },
        { "13494", "경기도 성남시 분당구 판교역로 235" },   { "16514", "경기도 수원시 영통구 광교중앙로 140" },
        { "44704", "울산광역시 남구 삼산로 282" },          { "63309", "제주특별자치도 제주시 첨단로 242" },
    };
    static const char *const kNames[12] = { "김민준", "이서연", "박지훈", "최수아", "정예준", "강하은",
                                            "조도윤", "윤지우", "장서준", "임하윤", "한지민", "오현우" };
    static const char *const kDetails[6] = { "101동 1203호", "3층", "B동 502호", "202호", "7층 701호", "1층 카페" };
    const int n = index % 12;
    const QString phone = QStringLiteral("010-%1-%2").arg(2000 + (index * 3571) % 8000, 4, 10, QLatin1Char('0'))
                                  .arg((index * 7919 + 1234) % 10000, 4, 10, QLatin1Char('0'));
    QList<Address> out { { QStringLiteral("집"), QString::fromUtf8(kNames[n]), phone, QString::fromLatin1(kRoads[n][0]),
                           QString::fromUtf8(kRoads[n][1]), QString::fromUtf8(kDetails[index % 6]) } };
    // Every third shopper also has their office (the next city's road), not the default.
    if (index % 3 == 0) {
        const int office = (n + 5) % 12;
        out.append({ QStringLiteral("회사"), QString::fromUtf8(kNames[n]), phone, QString::fromLatin1(kRoads[office][0]),
                     QString::fromUtf8(kRoads[office][1]), QStringLiteral("%1층").arg(2 + index % 15) });
    }
    return out;
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
