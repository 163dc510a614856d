#pragma once

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtGui/QPixmap>

class CatalogueClient;

// Product pictures for the views, by path (/images/7/thumb): the first ask starts the
// download and answers null (the view paints its placeholder); ready() says when it is
// there. Decoded pictures stay in memory for this run (a page of thumbnails is small),
// the bytes on disk across runs (the client's QNetworkDiskCache).
class PictureCache : public QObject
{
    Q_OBJECT
public:
    explicit PictureCache(CatalogueClient *catalogue);

    // The picture if loaded; otherwise null, and it is fetched unless it failed before.
    QPixmap picture(const QString &path);
    bool failed(const QString &path) const { return m_failed.contains(path); }
    // Forget a picture (deleted, or replaced by an upload).
    void forget(const QString &path);

Q_SIGNALS:
    void ready(const QString &path);

private:
    CatalogueClient *m_catalogue;
    QHash<QString, QPixmap> m_pictures;
    QSet<QString> m_loading;
    QSet<QString> m_failed;
};
