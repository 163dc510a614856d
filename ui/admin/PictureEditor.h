#pragma once

#include "ShopTypes.h"

#include <QtCore/QStringList>
#include <QtWidgets/QWidget>

class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QListWidget;
class QMimeData;
class QProgressBar;
class QPushButton;
class ShopClient;

// The pictures of the product being edited: thumbnails in their order (the first is
// the main one, marked so), "Add pictures…" (a file dialog) or files dropped on it,
// "Remove". Files go up one after the other with a progress bar; a refused one (not a
// picture, too large) is named with the server's reason in words, and the rest still go.
class PictureEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PictureEditor(ShopClient *client, QWidget *parent = nullptr);

    // The product whose pictures are shown; id 0 (not created yet): nothing to add to.
    void setProduct(const Product &product);
    // What the file dialog and a drop do: queue the files for upload.
    void upload(const QStringList &files);
    bool busy() const { return !m_queue.isEmpty() || m_uploading; }
    int pictureCount() const { return int(m_images.size()); }

Q_SIGNALS:
    // A picture was added or removed (the product list shows the main one).
    void picturesChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showImages();
    void next();
    void remove();
    void chooseFiles();
    void say(const QString &text, bool problem);
    // What the box is for, when nothing else is being said.
    void sayWhatItIs();
    void retranslateUi();
    static QStringList imageFiles(const QMimeData *data);

    ShopClient *m_client;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QProgressBar *m_progress;
    QLabel *m_status;
    qint64 m_productId = 0;
    QList<ProductImage> m_images;
    QStringList m_queue;
    QStringList m_refused;
    int m_sent = 0;
    bool m_uploading = false;
};
