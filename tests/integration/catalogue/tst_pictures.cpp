#include "RawHttp.h"
#include "ShopFixture.h"
#include "TestStack.h"

#include <QtCore/QBuffer>
#include <QtCore/QJsonArray>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtTest/QTest>

// Product pictures over real HTTP: types, limits (8 MiB on the upload route only, 1
// MiB elsewhere, both refused before the body is read), re-encoding, thumbnails,
// ETag/304, Cache-Control, and a deleted picture's 404.
class tst_Pictures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void uploadServesBothSizes_data();
    void uploadServesBothSizes();
    void refusesWhatDoesNotDecode_data();
    void refusesWhatDoesNotDecode();
    void bodyLimitsPerRoute_data();
    void bodyLimitsPerRoute();
    void deletedPictureIs404();

private:
    static QByteArray encoded(int width, int height, const char *format);
    HttpClient::Reply upload(const QByteArray &type, const QByteArray &body)
    {
        QHash<QByteArray, QByteArray> headers = m_shop.admin().auth();
        headers.insert("Content-Type", type);
        return m_shop.client().send("POST", QStringLiteral("/api/v1/admin/products/%1/images").arg(m_product), body, headers);
    }

    ShopFixture m_shop;
    qint64 m_product = 0;
};

QByteArray tst_Pictures::encoded(int width, int height, const char *format)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setBrush(QColor(30, 90, 200));
    painter.drawEllipse(QRect(0, 0, width, height));
    painter.end();
    image.setText(QStringLiteral("Comment"), QStringLiteral("secret-metadata"));
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return out;
}

void tst_Pictures::initTestCase()
{
    QVERIFY(TestStack::truncateAll());
    QVERIFY(m_shop.start(2));
    m_product = m_shop.createProduct(QStringLiteral("무선 이어폰 프로"), 1000, 5);
    QVERIFY(m_product > 0);
}

void tst_Pictures::uploadServesBothSizes_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QSize>("size");
    QTest::newRow("png") << QByteArray("image/png") << encoded(1200, 800, "PNG") << QSize(1200, 800);
    QTest::newRow("jpeg") << QByteArray("image/jpeg") << encoded(300, 900, "JPEG") << QSize(300, 900);
    QTest::newRow("small png, no upscaling") << QByteArray("image/png; charset=binary") << encoded(40, 30, "PNG") << QSize(40, 30);
}

void tst_Pictures::uploadServesBothSizes()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, body);
    QFETCH(QSize, size);
    const HttpClient::Reply r = upload(type, body);
    QCOMPARE(r.status, 201);
    const QJsonObject image = r.json();
    QCOMPARE(image.value("width").toInt(), size.width());
    QCOMPARE(image.value("height").toInt(), size.height());
    const qint64 id = image.value("id").toInteger();
    QCOMPARE(image.value("url").toString(), QStringLiteral("/images/%1").arg(id));
    QCOMPARE(image.value("thumbUrl").toString(), QStringLiteral("/images/%1/thumb").arg(id));

    // No token needed; the bytes, their type, an ETag, a day's public caching.
    const HttpClient::Reply full = m_shop.client().get(image.value("url").toString());
    QCOMPARE(full.status, 200);
    QCOMPARE(full.headers.value("content-type"), type.split(';').first());
    QCOMPARE(full.headers.value("cache-control"), QByteArray("public, max-age=86400"));
    const QByteArray etag = full.headers.value("etag");
    QVERIFY(etag.startsWith('"') && etag.endsWith('"'));
    const QImage served = QImage::fromData(full.body);
    QCOMPARE(served.size(), size);
    QVERIFY2(!full.body.contains("secret-metadata"), "re-encoded without the uploader's metadata");

    const HttpClient::Reply again = m_shop.client().get(image.value("url").toString(), { { "If-None-Match", etag } });
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());

    const HttpClient::Reply thumb = m_shop.client().get(image.value("thumbUrl").toString());
    QCOMPARE(thumb.status, 200);
    const QImage small = QImage::fromData(thumb.body);
    QVERIFY(!small.isNull());
    QVERIFY(qMax(small.width(), small.height()) <= 256);
    QCOMPARE(qMax(small.width(), small.height()), qMin(256, qMax(size.width(), size.height())));
    QVERIFY(thumb.headers.value("etag") != etag);

    // The product lists its pictures, the first being the main one.
    const QJsonArray images = m_shop.client().get(QStringLiteral("/api/v1/products/%1").arg(m_product), m_shop.admin().auth())
                                      .json().value("images").toArray();
    QCOMPARE(images.last().toObject().value("id").toInteger(), id);
}

void tst_Pictures::refusesWhatDoesNotDecode_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("garbage as png") << QByteArray("image/png") << QByteArray("not a picture at all");
    QTest::newRow("png declared jpeg") << QByteArray("image/jpeg") << encoded(10, 10, "PNG");
    QTest::newRow("jpeg declared png") << QByteArray("image/png") << encoded(10, 10, "JPEG");
    QTest::newRow("truncated png") << QByteArray("image/png") << encoded(200, 200, "PNG").left(60);
    QTest::newRow("gif") << QByteArray("image/gif") << QByteArray("GIF89a");
    QTest::newRow("empty") << QByteArray("image/png") << QByteArray();
    QTest::newRow("over 4096 wide") << QByteArray("image/png") << encoded(4097, 2, "PNG");
}

void tst_Pictures::refusesWhatDoesNotDecode()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, body);
    const HttpClient::Reply r = upload(type, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("INVALID_IMAGE"));
}

void tst_Pictures::bodyLimitsPerRoute_data()
{
    QTest::addColumn<QByteArray>("requestLine");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("who");
    const QByteArray uploadLine = "POST /api/v1/admin/products/1/images HTTP/1.1";
    QTest::newRow("upload over 8 MiB") << uploadLine << qint64(8 * 1024 * 1024 + 1) << 413 << QByteArray("admin");
    QTest::newRow("other route over 1 MiB") << QByteArray("POST /api/v1/admin/products HTTP/1.1") << qint64(1024 * 1024 + 1) << 413
                                            << QByteArray("admin");
    QTest::newRow("lookalike path over 1 MiB") << QByteArray("POST /api/v1/admin/products/1/images/x HTTP/1.1")
                                               << qint64(2 * 1024 * 1024) << 413 << QByteArray("admin");
    // Over 1 MiB only for an admin's head, decided before the body (API.md's 413 row):
    // nobody else holds 8 MiB of the server's memory while it arrives.
    QTest::newRow("upload of 2 MiB without a token") << uploadLine << qint64(2 * 1024 * 1024) << 413 << QByteArray();
    QTest::newRow("upload of 2 MiB by a shopper") << uploadLine << qint64(2 * 1024 * 1024) << 413 << QByteArray("shopper");
    QTest::newRow("upload of 2 MiB with a forged token") << uploadLine << qint64(2 * 1024 * 1024) << 413 << QByteArray("forged");
    // 0: no answer yet, the gate let it through and the server waits for the body.
    QTest::newRow("upload of 2 MiB by the admin") << uploadLine << qint64(2 * 1024 * 1024) << 0 << QByteArray("admin");
}

void tst_Pictures::bodyLimitsPerRoute()
{
    QFETCH(QByteArray, requestLine);
    QFETCH(qint64, length);
    QFETCH(int, status);
    QFETCH(QByteArray, who);
    QByteArray token;
    if (who == "admin")
        token = m_shop.admin().token;
    else if (who == "shopper")
        token = m_shop.newShopper().token;
    else if (who == "forged")
        token = m_shop.admin().token.left(m_shop.admin().token.size() - 2) + "xx";
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(m_shop.baseUrl().port()));
    QVERIFY(socket.waitForConnected());
    // Only the head: the gate must answer without waiting for a body that never comes.
    socket.write(requestLine + "\r\nHost: t\r\nContent-Type: image/png\r\n"
                 + (token.isEmpty() ? QByteArray() : "Authorization: Bearer " + token + "\r\n")
                 + "Content-Length: " + QByteArray::number(length) + "\r\n\r\n");
    const RawHttp::Response r = RawHttp::read(socket, status == 0 ? 1000 : 5000);
    QCOMPARE(r.status, status);
    if (status != 0)
        QVERIFY(r.body.contains("PAYLOAD_TOO_LARGE"));
}

void tst_Pictures::deletedPictureIs404()
{
    const HttpClient::Reply r = upload("image/png", encoded(64, 64, "PNG"));
    QCOMPARE(r.status, 201);
    const qint64 id = r.json().value("id").toInteger();
    const QString route = QStringLiteral("/api/v1/admin/products/%1/images/%2").arg(m_product).arg(id);
    QCOMPARE(m_shop.client().send("DELETE", QStringLiteral("/api/v1/admin/products/%1/images/%2").arg(m_product + 1).arg(id), {},
                                  m_shop.admin().auth()).status,
             404);
    QCOMPARE(m_shop.client().send("DELETE", route, {}, m_shop.admin().auth()).status, 204);
    for (const QString &path : { QStringLiteral("/images/%1").arg(id), QStringLiteral("/images/%1/thumb").arg(id),
                                 QStringLiteral("/images/999999"), QStringLiteral("/images/abc") }) {
        const HttpClient::Reply gone = m_shop.client().get(path);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.errorCode(), QStringLiteral("NOT_FOUND"));
    }
    QCOMPARE(m_shop.client().send("DELETE", route, {}, m_shop.admin().auth()).status, 404);
}

QTEST_GUILESS_MAIN(tst_Pictures)
#include "tst_pictures.moc"
