#pragma once

#include "ApiValues.h"
#include "ShopClient.h"

#include <QtGui/QImage>

// The catalogue's part of API.md (issue 16), over the ShopClient's connection and
// session: searching and filtering products, the category tree and its editing,
// product pictures (uploads with progress; downloads through the disk cache), and
// loading the demo shop into an empty shop. Same rules as ShopClient: a context and a
// callback on the GUI thread, nothing runs when the context is gone.
class PictureCache;

class CatalogueClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = ShopClient::Done<T>;
    using Progress = std::function<void(qint64 sent, qint64 total)>;

    // What the shop page asks GET /products for; empty or 0 fields are left out.
    struct Query {
        int page = 1;
        int size = 20;
        QString text;        // q
        qint64 categoryId = 0;
        qint64 minPrice = -1; // -1: no bound
        qint64 maxPrice = -1;
        bool inStockOnly = false;
        QString sort;        // id, relevance, price, -price, newest, popular; empty: the server's default
        QString toUrlQuery() const;
    };

    explicit CatalogueClient(ShopClient *client);
    // Decoded pictures for the views, shared by every page.
    PictureCache *pictures() const { return m_pictures; }

    void search(const Query &query, QObject *context, Done<Page<Product>> done);
    void categories(QObject *context, Done<QList<Category>> done);
    void createCategory(const QString &name, qint64 parentId, QObject *context, Done<Category> done);
    // Sends only the fields given in `changes` ({"name"}, {"parentId"}).
    void updateCategory(qint64 categoryId, const QJsonObject &changes, QObject *context, Done<Category> done);
    void deleteCategory(qint64 categoryId, QObject *context, Done<bool> done);

    // `contentType` image/png, image/jpeg or image/webp; `uploaded` reports the bytes sent.
    void uploadPicture(qint64 productId, const QByteArray &bytes, const QByteArray &contentType, QObject *context,
                       Progress uploaded, Done<ProductImage> done);
    void deletePicture(qint64 productId, qint64 imageId, QObject *context, Done<bool> done);
    // `path` is an image's url() or thumbUrl(); the image decoded, or a Failure.
    void picture(const QString &path, QObject *context, Done<QImage> done);

    void startDemoShop(QObject *context, Done<DemoShopProgress> done);
    void demoShopProgress(QObject *context, Done<DemoShopProgress> done);

private:
    ShopClient *m_client;
    PictureCache *m_pictures;
};
