#include "PictureCache.h"

#include "CatalogueClient.h"

PictureCache::PictureCache(CatalogueClient *catalogue) : QObject(catalogue), m_catalogue(catalogue) { }

QPixmap PictureCache::picture(const QString &path)
{
    if (path.isEmpty())
        return {};
    const auto found = m_pictures.constFind(path);
    if (found != m_pictures.constEnd())
        return found.value();
    if (m_loading.contains(path) || m_failed.contains(path))
        return {};
    m_loading.insert(path);
    m_catalogue->picture(path, this, [this, path](const Result<QImage> &image) {
        m_loading.remove(path);
        if (!image) {
            // A lost server is worth another try when the page is next painted; a
            // picture that is gone (404) or unreadable is not.
            if (image.failure().code != ErrorCode::Unavailable)
                m_failed.insert(path);
            return;
        }
        m_pictures.insert(path, QPixmap::fromImage(image.value()));
        Q_EMIT ready(path);
    });
    return {};
}

void PictureCache::forget(const QString &path)
{
    m_pictures.remove(path);
    m_failed.remove(path);
}
