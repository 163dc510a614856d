#include "CatalogueClient.h"

#include "PictureCache.h"

#include <QtCore/QJsonObject>
#include <QtCore/QUrl>

namespace {
QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}
}

QString CatalogueClient::Query::toUrlQuery() const
{
    // Built by hand: QUrlQuery leaves '&', '+' and '#' in a value as they are, and a
    // shopper may search for "c++" or "R&D".
    QStringList items { QStringLiteral("page=%1").arg(page), QStringLiteral("size=%1").arg(size) };
    if (!text.trimmed().isEmpty())
        items.append(QStringLiteral("q=") + QString::fromLatin1(QUrl::toPercentEncoding(text.trimmed())));
    if (categoryId > 0)
        items.append(QStringLiteral("categoryId=%1").arg(categoryId));
    if (minPrice >= 0)
        items.append(QStringLiteral("minPrice=%1").arg(minPrice));
    if (maxPrice >= 0)
        items.append(QStringLiteral("maxPrice=%1").arg(maxPrice));
    if (inStockOnly)
        items.append(QStringLiteral("inStock=true"));
    if (!sort.isEmpty())
        items.append(QStringLiteral("sort=") + QString::fromLatin1(QUrl::toPercentEncoding(sort)));
    return items.join(QLatin1Char('&'));
}

CatalogueClient::CatalogueClient(ShopClient *client)
    : QObject(client), m_client(client), m_pictures(new PictureCache(this))
{
}

void CatalogueClient::search(const Query &query, QObject *context, Done<Page<Product>> done)
{
    m_client->sendJson<Page<Product>>(
            { "GET", QStringLiteral("/api/v1/products?") + query.toUrlQuery(), {}, tr("Loading products") }, context,
            std::move(done), [](const QJsonObject &json) { return ApiValues::page(json, &Product::fromJson); });
}

void CatalogueClient::categories(QObject *context, Done<QList<Category>> done)
{
    m_client->sendJson<QList<Category>>({ "GET", QStringLiteral("/api/v1/categories"), {}, tr("Loading categories") },
                                        context, std::move(done), [](const QJsonObject &json) {
                                            return ApiValues::items(json, &Category::fromJson);
                                        });
}

void CatalogueClient::createCategory(const QString &name, qint64 parentId, QObject *context, Done<Category> done)
{
    QJsonObject body { { "name", name } };
    if (parentId > 0)
        body.insert(QStringLiteral("parentId"), parentId);
    m_client->sendJson<Category>({ "POST", QStringLiteral("/api/v1/admin/categories"), compact(body),
                                   tr("Adding the category") },
                                 context, std::move(done), &Category::fromJson);
}

void CatalogueClient::updateCategory(qint64 categoryId, const QJsonObject &changes, QObject *context, Done<Category> done)
{
    m_client->sendJson<Category>({ "PATCH", QStringLiteral("/api/v1/admin/categories/%1").arg(categoryId),
                                   compact(changes), tr("Saving the category") },
                                 context, std::move(done), &Category::fromJson);
}

void CatalogueClient::deleteCategory(qint64 categoryId, QObject *context, Done<bool> done)
{
    m_client->send({ "DELETE", QStringLiteral("/api/v1/admin/categories/%1").arg(categoryId), {},
                     tr("Deleting the category") },
                   context, [done = std::move(done)](const Result<QByteArray> &raw) {
                       if (!raw)
                           done(raw.failure());
                       else
                           done(true);
                   });
}

void CatalogueClient::uploadPicture(qint64 productId, const QByteArray &bytes, const QByteArray &contentType,
                                    QObject *context, Progress uploaded, Done<ProductImage> done)
{
    ShopClient::Call call { "POST", QStringLiteral("/api/v1/admin/products/%1/images").arg(productId), bytes,
                            tr("Uploading the picture") };
    call.contentType = contentType;
    call.uploaded = std::move(uploaded);
    m_client->sendJson<ProductImage>(call, context, std::move(done), &ProductImage::fromJson);
}

void CatalogueClient::deletePicture(qint64 productId, qint64 imageId, QObject *context, Done<bool> done)
{
    m_client->send({ "DELETE", QStringLiteral("/api/v1/admin/products/%1/images/%2").arg(productId).arg(imageId), {},
                     tr("Removing the picture") },
                   context, [done = std::move(done)](const Result<QByteArray> &raw) {
                       if (!raw)
                           done(raw.failure());
                       else
                           done(true);
                   });
}

void CatalogueClient::picture(const QString &path, QObject *context, Done<QImage> done)
{
    ShopClient::Call call { "GET", path, {}, tr("Loading pictures") };
    call.picture = true;
    m_client->send(call, context, [done = std::move(done)](const Result<QByteArray> &raw) {
        if (!raw) {
            done(raw.failure());
            return;
        }
        const QImage image = QImage::fromData(raw.value());
        if (image.isNull())
            done(Failure { ErrorCode::InvalidImage, tr("The picture could not be read."), {} });
        else
            done(image);
    });
}

void CatalogueClient::startDemoShop(QObject *context, Done<DemoShopProgress> done)
{
    m_client->sendJson<DemoShopProgress>({ "POST", QStringLiteral("/api/v1/admin/demo-shop"), {},
                                           tr("Loading the demo shop") },
                                         context, std::move(done), &DemoShopProgress::fromJson);
}

void CatalogueClient::demoShopProgress(QObject *context, Done<DemoShopProgress> done)
{
    m_client->sendJson<DemoShopProgress>({ "GET", QStringLiteral("/api/v1/admin/demo-shop"), {},
                                           tr("Loading the demo shop") },
                                         context, std::move(done), &DemoShopProgress::fromJson);
}
