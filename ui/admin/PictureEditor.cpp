#include "PictureEditor.h"

#include "CatalogueClient.h"
#include "ErrorText.h"
#include "Money.h"
#include "PictureCache.h"
#include "Retranslate.h"
#include "ShopClient.h"
#include "ShopLimits.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QMimeData>
#include <QtCore/QMimeDatabase>
#include <QtCore/QPointer>
#include <QtCore/QtMath>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QDropEvent>
#include <QtGui/QTextLayout>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
QByteArray contentTypeOf(const QString &file)
{
    // By the name only: the server decodes the bytes and says INVALID_IMAGE when they
    // are not what the name claims.
    const QString type = QMimeDatabase().mimeTypeForFile(file, QMimeDatabase::MatchExtension).name();
    if (type == QLatin1String("image/png") || type == QLatin1String("image/jpeg") || type == QLatin1String("image/webp"))
        return type.toLatin1();
    return {};
}
}

PictureEditor::PictureEditor(ShopClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_list(new QListWidget(this)),
      m_add(new QPushButton(this)), m_remove(new QPushButton(this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("pictureEditor"));
    m_list->setObjectName(QStringLiteral("pictureList"));
    m_add->setObjectName(QStringLiteral("addPictures"));
    m_remove->setObjectName(QStringLiteral("removePicture"));
    m_progress->setObjectName(QStringLiteral("uploadProgress"));
    m_status->setObjectName(QStringLiteral("pictureStatus"));
    setAcceptDrops(true);
    m_list->setAcceptDrops(false); // the editor takes the drop, wherever on it
    m_list->setViewMode(QListWidget::IconMode);
    m_list->setFlow(QListWidget::LeftToRight);
    m_list->setWrapping(false);
    m_list->setMovement(QListWidget::Static);
    m_list->setIconSize(QSize(72, 72));
    m_list->setGridSize(QSize(88, 104));
    m_list->setFixedHeight(118);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_status->setWordWrap(true);
    // Two lines kept for what the editor says ("Create the product first, then add its
    // pictures here…" wraps): a wrapped label's second line is height-for-width, which the
    // form did not always give, and then the buttons were pressed onto the pictures box.
    // As tall as a line of Hangul (the fallback font's lines are taller).
    QTextLayout sample(QStringLiteral("Ag\uD55C\uAE00"), m_status->font());
    sample.beginLayout();
    QTextLine line = sample.createLine();
    line.setLineWidth(1000);
    sample.endLayout();
    m_status->setMinimumHeight(2 * qMax(m_status->fontMetrics().lineSpacing(), qCeil(line.height())));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);

    connect(m_add, &QPushButton::clicked, this, &PictureEditor::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, &PictureEditor::remove);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0 && !busy()); });
    connect(m_client->catalogue()->pictures(), &PictureCache::ready, this, &PictureEditor::showImages);
    setProduct(Product {});
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void PictureEditor::retranslateUi()
{
    m_add->setText(tr("&Add pictures\u2026"));
    m_remove->setText(tr("Re&move"));
    m_remove->setAccessibleName(tr("Remove the chosen picture"));
    m_list->setAccessibleName(tr("Pictures of the product"));
    m_progress->setAccessibleName(tr("Upload"));
    showImages();
    if (!busy() && m_refused.isEmpty())
        sayWhatItIs();
}

void PictureEditor::sayWhatItIs()
{
    if (m_productId == 0)
        say(tr("Create the product first, then add its pictures here (or drop them on this box)."), false);
    else
        say(m_images.isEmpty() ? tr("No pictures yet: add some, or drop files here. The first is the main one.")
                               : tr("The first picture is the main one."),
            false);
}

void PictureEditor::setProduct(const Product &product)
{
    if (product.id != m_productId) {
        m_queue.clear();
        m_refused.clear();
        m_status->clear();
    }
    m_productId = product.id;
    m_images = product.images;
    m_add->setEnabled(m_productId > 0);
    if (m_productId == 0 || (!busy() && m_refused.isEmpty()))
        sayWhatItIs();
    showImages();
}

void PictureEditor::showImages()
{
    const int row = m_list->currentRow();
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    PictureCache *pictures = m_client->catalogue()->pictures();
    for (int i = 0; i < m_images.size(); ++i) {
        auto *item = new QListWidgetItem(pictures->picture(m_images.at(i).thumbUrl()),
                                         i == 0 ? tr("Main") : tr("#%1").arg(i + 1), m_list);
        item->setData(Qt::UserRole, m_images.at(i).id);
        item->setToolTip(tr("%1 \u00D7 %2 pixels").arg(m_images.at(i).width).arg(m_images.at(i).height));
    }
    m_list->setCurrentRow(qMin(row, int(m_images.size()) - 1));
    m_remove->setEnabled(m_list->currentRow() >= 0 && !busy());
}

void PictureEditor::say(const QString &text, bool problem)
{
    m_status->setStyleSheet(problem ? QStringLiteral("color:#b3261e;") : QStringLiteral("color:#5f6368;"));
    m_status->setText(text);
}

void PictureEditor::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add pictures"), QString(),
                                                            tr("Pictures (*.png *.jpg *.jpeg *.webp)"));
    upload(files);
}

void PictureEditor::upload(const QStringList &files)
{
    if (m_productId <= 0 || files.isEmpty())
        return;
    if (!busy()) {
        m_refused.clear();
        m_sent = 0;
    }
    m_queue.append(files);
    m_progress->setMaximum(1000);
    m_progress->setValue(0);
    m_progress->show();
    m_add->setEnabled(false);
    m_remove->setEnabled(false);
    next();
}

void PictureEditor::next()
{
    if (m_uploading)
        return;
    const qint64 productId = m_productId;
    if (m_queue.isEmpty()) {
        m_progress->hide();
        m_add->setEnabled(productId > 0);
        showImages();
        if (!m_refused.isEmpty())
            say(m_refused.join(QLatin1Char('\n')), true);
        else
            say(m_sent == 1 ? tr("Picture added.") : tr("%1 pictures added.").arg(m_sent), false);
        return;
    }
    const QString file = m_queue.takeFirst();
    const QString name = QFileInfo(file).fileName();
    QFile in(file);
    const QByteArray type = contentTypeOf(file);
    if (type.isEmpty()) {
        m_refused.append(tr("%1 was not added: only PNG, JPEG and WebP pictures can be used.").arg(name));
        next();
        return;
    }
    if (in.size() > ShopLimits::kMaxImageBytes) {
        m_refused.append(tr("%1 was not added: it is %2 MB, and a picture may be at most 8 MB.")
                                 .arg(name, QString::number(in.size() / (1024.0 * 1024.0), 'f', 1)));
        next();
        return;
    }
    if (!in.open(QIODevice::ReadOnly)) {
        m_refused.append(tr("%1 was not added: it cannot be read (%2).").arg(name, in.errorString()));
        next();
        return;
    }
    const QByteArray bytes = in.readAll();
    m_uploading = true;
    say(tr("Uploading %1 (%2 KB)\u2026").arg(name).arg(Money::count((bytes.size() + 1023) / 1024)), false);
    QPointer<QProgressBar> bar(m_progress);
    m_client->catalogue()->uploadPicture(
            productId, bytes, type, this,
            [bar](qint64 sent, qint64 total) {
                if (bar && total > 0)
                    bar->setValue(int(sent * 1000 / total));
            },
            [this, name, productId](const Result<ProductImage> &image) {
                m_uploading = false;
                if (productId != m_productId)
                    return;
                if (!image) {
                    m_refused.append(tr("%1 was not added: %2").arg(name, ErrorText::describe(image.failure())));
                } else {
                    ++m_sent;
                    m_images.append(image.value());
                    Q_EMIT picturesChanged();
                }
                next();
            });
}

void PictureEditor::remove()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || busy())
        return;
    const qint64 imageId = item->data(Qt::UserRole).toLongLong();
    m_remove->setEnabled(false);
    m_client->catalogue()->deletePicture(m_productId, imageId, this, [this, imageId](const Result<bool> &done) {
        if (!done) {
            say(tr("Not removed: %1").arg(ErrorText::describe(done.failure())), true);
            showImages();
            return;
        }
        for (int i = 0; i < m_images.size(); ++i) {
            if (m_images.at(i).id == imageId) {
                m_client->catalogue()->pictures()->forget(m_images.at(i).thumbUrl());
                m_images.removeAt(i);
                break;
            }
        }
        say(tr("Picture removed."), false);
        showImages();
        Q_EMIT picturesChanged();
    });
}

QStringList PictureEditor::imageFiles(const QMimeData *data)
{
    QStringList files;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    }
    return files;
}

void PictureEditor::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_productId > 0 && !imageFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void PictureEditor::dropEvent(QDropEvent *event)
{
    const QStringList files = imageFiles(event->mimeData());
    if (m_productId <= 0 || files.isEmpty())
        return;
    event->acceptProposedAction();
    upload(files);
}
