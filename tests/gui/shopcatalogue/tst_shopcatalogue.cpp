#include "AppStyle.h"
#include "CatalogueFilters.h"
#include "CategoryTree.h"
#include "FieldHint.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "NumberField.h"
#include "PageWidget.h"
#include "PictureEditor.h"
#include "ProductGrid.h"
#include "ProductListModel.h"
#include "ProductPage.h"
#include "SessionView.h"
#include "ShopClient.h"
#include "ShopFixture.h"

#include <QtCore/QJsonArray>
#include <QtCore/QMimeData>
#include <QtCore/QRandomGenerator>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtGui/QStandardItemModel>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyleOptionViewItem>
#include <QtWidgets/QTableView>

#include <memory>

using GuiDriver::child;

// Issue 16, the app's side: the catalogue as a shopper and an admin see it, in the
// real window against a real server. Search as you type (one request per pause, no
// match in words), the category tree, a product's page with live stock, a picture
// dropped on the admin's form, and the categories editor's refusals in words.
class tst_ShopCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void searchWaitsForTheTypingPause_data();
    void searchWaitsForTheTypingPause();
    void noMatchIsSaidInWords();
    void listShowsThumbnailsThatFitTheRow();
    void gridAddsAColumnInsteadOfABand();
    void soldOutIsNotAnErrorBeforeAnything();
    void categoryFiltersTheGrid();
    void productPageShowsLiveStock();
    void droppedPictureIsUploadedAndShown();
    void categoriesEditorSaysWhyNot_data();
    void categoriesEditorSaysWhyNot();

private:
    static void compose(QWidget *field, const QString &text) { GuiDriver::compose(field, text); }
    bool settled() { return QTest::qWaitFor([this] { return m_window->client()->inFlight() == 0; }, 10000); }
    qint64 category(const QString &name, qint64 parentId = 0);
    qint64 product(const QString &name, qint64 price, qint64 stock, qint64 categoryId, const QString &description = {});
    static QStringList names(QAbstractItemView *view);
    static QString tag() { return QString::number(QRandomGenerator::global()->bounded(100000, 999999)); }

    ShopFixture m_shop;
    std::unique_ptr<MainWindow> m_window;
};

void tst_ShopCatalogue::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppStyle::apply();
    QVERIFY(m_shop.start(4));
}

void tst_ShopCatalogue::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    m_window->connectTo(m_shop.baseUrl().toString());
}

void tst_ShopCatalogue::cleanup()
{
    m_window.reset();
}

void tst_ShopCatalogue::cleanupTestCase()
{
    m_shop.stop();
}

qint64 tst_ShopCatalogue::category(const QString &name, qint64 parentId)
{
    QJsonObject body { { "name", name } };
    if (parentId > 0)
        body.insert(QStringLiteral("parentId"), parentId);
    const auto r = m_shop.client().post(QStringLiteral("/api/v1/admin/categories"), body, m_shop.admin().auth());
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
}

qint64 tst_ShopCatalogue::product(const QString &name, qint64 price, qint64 stock, qint64 categoryId,
                                  const QString &description)
{
    QJsonObject body { { "name", name }, { "price", price }, { "stock", stock }, { "description", description } };
    if (categoryId > 0)
        body.insert(QStringLiteral("categoryId"), categoryId);
    const auto r = m_shop.client().post(QStringLiteral("/api/v1/admin/products"), body, m_shop.admin().auth());
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
}

QStringList tst_ShopCatalogue::names(QAbstractItemView *view)
{
    QStringList out;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        out << view->model()->index(row, 0).data().toString();
    return out;
}

void tst_ShopCatalogue::searchWaitsForTheTypingPause_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("finds");
    QTest::newRow("Hangul, a word's beginning") << QStringLiteral("무선이") << QStringLiteral("무선이어폰");
    QTest::newRow("Latin, two words") << QStringLiteral("desk lam") << QStringLiteral("Desk lamp");
}

// Typing a word is one request (after the pause), and its results are shown.
void tst_ShopCatalogue::searchWaitsForTheTypingPause()
{
    QFETCH(QString, typed);
    QFETCH(QString, finds);
    const QString mark = tag();
    const QString wanted = finds + QStringLiteral(" ") + mark;
    QVERIFY(product(wanted, 39000, 5, 0) > 0);
    QVERIFY(product(QStringLiteral("Teapot ") + mark, 12000, 5, 0) > 0);
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    auto *grid = child<ProductGrid>(shop, "productGrid");
    QTRY_VERIFY(grid->model()->rowCount() > 0);
    QVERIFY(settled());

    QSignalSpy sent(m_window->client(), &ShopClient::requestStarted);
    const QString text = typed + QStringLiteral(" ") + mark;
    compose(child<QLineEdit>(shop, "searchBox"), text);
    QTRY_COMPARE(names(grid), QStringList { wanted });
    QVERIFY(settled());
    QStringList searches;
    for (const QList<QVariant> &request : sent) {
        const QString path = request.at(1).toString();
        if (path.startsWith(QLatin1String("/api/v1/products?")) && path.contains(QLatin1String("q=")))
            searches << path;
    }
    // One request for the whole text: none for the letters typed on the way.
    QCOMPARE(searches.size(), 1);
    QVERIFY2(searches.first().contains(QString::fromLatin1(QUrl::toPercentEncoding(text))), qPrintable(searches.first()));
}

void tst_ShopCatalogue::noMatchIsSaidInWords()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    auto *grid = child<ProductGrid>(shop, "productGrid");
    QTRY_VERIFY(grid->model()->rowCount() > 0);
    const QString nothing = QStringLiteral("zqxv") + tag();
    QTest::keyClicks(child<QLineEdit>(shop, "searchBox"), nothing);
    QTRY_VERIFY(grid->showsEmptyText());
    QCOMPARE(grid->emptyText(), QStringLiteral("No products match \u201C%1\u201D.").arg(nothing));
    QVERIFY(GuiDriver::noticeText(shop).isEmpty());
}

// The list look paints a product's picture as a small thumbnail in its row, not at the
// card size the grid uses (drawn whole, it showed as a wide band cut by the row).
void tst_ShopCatalogue::listShowsThumbnailsThatFitTheRow()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    auto *table = child<QTableView>(shop, "productTable");
    QStandardItemModel pictures;
    auto *item = new QStandardItem(QStringLiteral("Card-sized picture"));
    QPixmap card(256, 256);
    card.fill(Qt::darkCyan);
    item->setData(card, Qt::DecorationRole);
    pictures.appendRow(item);
    QStyleOptionViewItem option;
    option.initFrom(table->viewport());
    const QModelIndex index = pictures.index(0, 0);
    const QSize hint = table->itemDelegateForIndex(index)->sizeHint(option, index);
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    QVERIFY2(hint.height() <= rowHeight, qPrintable(QString::number(hint.height())));
    QVERIFY2(hint.width() < 256, qPrintable(QString::number(hint.width())));
    // The whole picture, scaled to fit (issue 27 point 8: it was a stripe cut from its
    // middle): red top, green middle and blue bottom bands all show in the thumbnail.
    QImage bands(256, 256, QImage::Format_RGB32);
    QPainter paint(&bands);
    paint.fillRect(0, 0, 256, 86, Qt::red);
    paint.fillRect(0, 86, 256, 84, Qt::green);
    paint.fillRect(0, 170, 256, 86, Qt::blue);
    paint.end();
    item->setData(QPixmap::fromImage(bands), Qt::DecorationRole);
    QImage row(300, rowHeight, QImage::Format_RGB32);
    row.fill(Qt::white);
    QPainter rowPainter(&row);
    option.rect = QRect(0, 0, 300, rowHeight);
    table->itemDelegateForIndex(index)->paint(&rowPainter, option, index);
    rowPainter.end();
    // The thumbnail is a 40 px square 4 px from the left, centred in the row.
    const int top = (rowHeight - 40) / 2;
    QCOMPARE(QColor(row.pixel(24, top + 3)), QColor(Qt::red));
    QCOMPARE(QColor(row.pixel(24, top + 20)), QColor(Qt::green));
    QCOMPARE(QColor(row.pixel(24, top + 37)), QColor(Qt::blue));
}

// The grid shares its width among as many cards as fit: no empty band on the right.
void tst_ShopCatalogue::gridAddsAColumnInsteadOfABand()
{
    ProductGrid grid;
    grid.setFrameShape(QFrame::NoFrame);
    grid.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    grid.resize(700, 400);
    grid.show();
    QTRY_COMPARE(grid.gridSize(), QSize(175, 262)); // 4 columns of 175
    grid.resize(520, 400);
    QTRY_COMPARE(grid.gridSize(), QSize(173, 262)); // 3 columns of 173
    grid.resize(340, 400);
    QTRY_COMPARE(grid.gridSize(), QSize(340, 262)); // 1 column (two need 344)
}

// A sold-out first product is not an error before the shopper did anything, and a
// search with no results leaves nothing about the product that was chosen before.
void tst_ShopCatalogue::soldOutIsNotAnErrorBeforeAnything()
{
    const QString mark = tag();
    const QString gone = QStringLiteral("Gone ") + mark;
    QVERIFY(product(gone, 1000, 0, 0) > 0);
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    auto *grid = child<ProductGrid>(shop, "productGrid");
    QTest::keyClicks(child<QLineEdit>(shop, "searchBox"), gone);
    QTRY_VERIFY(grid->model()->rowCount() == 1 && grid->model()->index(0, 0).data().toString() == gone);
    auto *quantity = child<NumberField>(shop, "quantity");
    QTRY_VERIFY(!quantity->isEnabled());
    QCOMPARE(GuiDriver::hintText(quantity), QStringLiteral("%1 is sold out.").arg(gone));
    QVERIFY(!quantity->hint()->hasProblem()); // said in grey, not red
    QVERIFY(!child<QPushButton>(shop, "addToCart")->isEnabled());
    GuiDriver::retype(child<QLineEdit>(shop, "searchBox"), QStringLiteral("zqxv") + mark);
    QTRY_VERIFY(grid->showsEmptyText());
    QCOMPARE(GuiDriver::hintText(quantity), QString());
    QVERIFY(!quantity->isEnabled());
}

void tst_ShopCatalogue::categoryFiltersTheGrid()
{
    const QString mark = tag();
    const qint64 kitchen = category(QStringLiteral("Kitchen ") + mark);
    const qint64 cookware = category(QStringLiteral("Cookware"), kitchen);
    const qint64 garden = category(QStringLiteral("Garden ") + mark);
    QVERIFY(kitchen > 0 && cookware > 0 && garden > 0);
    const QString pan = QStringLiteral("프라이팬 ") + mark;
    QVERIFY(product(pan, 45000, 3, cookware) > 0);
    QVERIFY(product(QStringLiteral("Rake ") + mark, 15000, 3, garden) > 0);
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    auto *tree = child<CategoryTree>(shop, "categoryTree");
    auto *grid = child<ProductGrid>(shop, "productGrid");
    QTRY_VERIFY(tree->indexOf(kitchen).isValid());
    // The parent holds what its children hold, and says how many.
    QCOMPARE(tree->indexOf(kitchen).data().toString(), QStringLiteral("Kitchen %1 (1)").arg(mark));
    const QModelIndex index = tree->indexOf(kitchen);
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    QTRY_COMPARE(names(grid), QStringList { pan });
    tree->choose(garden);
    QTRY_COMPARE(names(grid), QStringList { QStringLiteral("Rake ") + mark });
}

void tst_ShopCatalogue::productPageShowsLiveStock()
{
    const QString mark = tag();
    const QString name = QStringLiteral("Ceramic mug ") + mark;
    const qint64 mug = product(name, 18000, 7, 0, QStringLiteral("Stoneware, 350 ml. Dishwasher safe."));
    QVERIFY(mug > 0);
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    compose(child<QLineEdit>(shop, "searchBox"), name);
    auto *grid = child<ProductGrid>(shop, "productGrid");
    QVERIFY(GuiDriver::selectRowWithId(grid, mug));
    QTest::keyClick(grid, Qt::Key_Return); // Enter opens the product's page
    auto *page = child<ProductPage>(shop, "productPage");
    QTRY_VERIFY(page->isVisible());
    QCOMPARE(child<QLabel>(page, "productTitle")->text(), name);
    QCOMPARE(child<QLabel>(page, "productPriceText")->text(), QStringLiteral("\u20A918,000"));
    QTRY_COMPARE(child<QLabel>(page, "productDescriptionText")->text(), QStringLiteral("Stoneware, 350 ml. Dishwasher safe."));
    QCOMPARE(child<QLabel>(page, "productStockText")->text(), QStringLiteral("7 in stock"));
    QCOMPARE(child<QLabel>(page, "productPicture")->text(), QStringLiteral("No picture"));

    // Stock sold elsewhere shows without a click.
    const auto patched = m_shop.client().send("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(mug),
                                              QJsonDocument(QJsonObject { { "stock", 2 } }).toJson(), m_shop.admin().auth());
    QCOMPARE(patched.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(page, "productStockText")->text(), QStringLiteral("2 in stock"),
                              ProductPage::kLiveStockMs * 3);
    GuiDriver::retype(child<QWidget>(page, "detailQuantity"), QStringLiteral("3"));
    QVERIFY(GuiDriver::hintText(child<QWidget>(page, "detailQuantity")).contains(QStringLiteral("Only 2 in stock")));
    QVERIFY(!child<NumberField>(page, "detailQuantity")->value());
    GuiDriver::retype(child<QWidget>(page, "detailQuantity"), QStringLiteral("2"));
    QTest::mouseClick(child<QPushButton>(page, "detailAddToCart"), Qt::LeftButton);
    QTRY_VERIFY(GuiDriver::noticeText(shop).contains(QStringLiteral("Added 2 \u00D7 %1").arg(name)));
    QVERIFY(!child<QPushButton>(page, "detailAddToCart")->isEnabled()); // both in the cart now
    QTest::mouseClick(child<QPushButton>(page, "backToShop"), Qt::LeftButton);
    QTRY_VERIFY(grid->isVisible());
    QVERIFY(!page->isVisible());
}

void tst_ShopCatalogue::droppedPictureIsUploadedAndShown()
{
    const QString mark = tag();
    const qint64 vase = product(QStringLiteral("Glass vase ") + mark, 27000, 4, 0);
    QVERIFY(vase > 0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(QColor(0xf0, 0xf4, 0xfa));
    QPainter painter(&image);
    painter.setBrush(QColor(0x1a, 0x73, 0xe8));
    painter.drawEllipse(QRect(120, 40, 400, 400));
    painter.end();
    const QString picture = dir.filePath(QStringLiteral("vase.png"));
    QVERIFY(image.save(picture));
    const QString bogus = dir.filePath(QStringLiteral("notes.png"));
    {
        QFile out(bogus);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("these are not the pixels you are looking for");
    }

    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));
    PageWidget *form = GuiDriver::showPage(*m_window, QStringLiteral("productForm"));
    auto *table = child<QAbstractItemView>(form, "adminProductTable");
    while (child<QPushButton>(form, "nextPage")->isEnabled()) {
        const QString before = child<QLabel>(form, "pageLabel")->text();
        QTest::mouseClick(child<QPushButton>(form, "nextPage"), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(form, "pageLabel")->text() != before);
    }
    QVERIFY(GuiDriver::selectRowWithId(table, vase));
    auto *editor = child<PictureEditor>(form, "pictureEditor");
    QTRY_VERIFY(child<QPushButton>(editor, "addPictures")->isEnabled());

    // Dropped as a file manager drops: one good picture and one that is not.
    QMimeData data;
    data.setUrls({ QUrl::fromLocalFile(picture), QUrl::fromLocalFile(bogus) });
    const QPoint at = editor->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(editor, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(editor, &drop);

    auto *list = child<QListWidget>(editor, "pictureList");
    QTRY_COMPARE(list->count(), 1);
    QTRY_VERIFY(!editor->busy());
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM product_images WHERE product_id = ?"), { vase }), 1);
    const QString status = child<QLabel>(editor, "pictureStatus")->text();
    QVERIFY2(status.contains(QStringLiteral("notes.png was not added: That file is not a picture the shop can use")),
             qPrintable(status));
    QCOMPARE(list->item(0)->text(), QStringLiteral("Main"));
    // The thumbnail came back from /images/{id}/thumb and shows.
    QTRY_VERIFY(!list->item(0)->icon().isNull());
    QCOMPARE(list->item(0)->icon().availableSizes().value(0).width() > 0, true);
}

void tst_ShopCatalogue::categoriesEditorSaysWhyNot_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("words");
    QTest::newRow("delete while it holds a product") << QStringLiteral("delete")
                                                      << QStringLiteral("was not deleted: it still holds products or categories");
    QTest::newRow("a name its sibling has") << QStringLiteral("rename")
                                            << QStringLiteral("There is already a category named");
    QTest::newRow("move under its own child") << QStringLiteral("move")
                                              << QStringLiteral("cannot move under itself or under one of its own subcategories");
}

void tst_ShopCatalogue::categoriesEditorSaysWhyNot()
{
    QFETCH(QString, action);
    QFETCH(QString, words);
    const QString mark = tag();
    const qint64 home = category(QStringLiteral("Home ") + mark);
    const qint64 lamps = category(QStringLiteral("Lamps ") + mark, home);
    QVERIFY(category(QStringLiteral("Rugs ") + mark) > 0);
    QVERIFY(home > 0 && lamps > 0);
    QVERIFY(product(QStringLiteral("Floor lamp ") + mark, 99000, 2, lamps) > 0);
    const qint64 before = m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM categories"));

    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));
    PageWidget *page = GuiDriver::showPage(*m_window, QStringLiteral("categoriesPage"));
    auto *tree = child<CategoryTree>(page, "categoryEditorTree");
    QTRY_VERIFY(tree->indexOf(home).isValid());
    tree->choose(home);
    if (action == QLatin1String("delete")) {
        QTest::mouseClick(child<QPushButton>(page, "deleteCategory"), Qt::LeftButton);
    } else if (action == QLatin1String("rename")) {
        GuiDriver::retype(child<QLineEdit>(page, "categoryName"), QStringLiteral("Rugs ") + mark);
        QTest::mouseClick(child<QPushButton>(page, "renameCategory"), Qt::LeftButton);
    } else {
        auto *parent = child<QComboBox>(page, "categoryParent");
        parent->setCurrentIndex(parent->findData(lamps));
        QVERIFY(parent->currentIndex() > 0);
        QTest::mouseClick(child<QPushButton>(page, "moveCategory"), Qt::LeftButton);
    }
    QTRY_VERIFY2(GuiDriver::noticeText(page).contains(words), qPrintable(GuiDriver::noticeText(page)));
    QVERIFY(settled());
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM categories")), before);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM categories WHERE id = ? AND parent_id IS NULL AND name = ?"),
                           { home, QStringLiteral("Home ") + mark }),
             1);
}

QTEST_MAIN(tst_ShopCatalogue)
#include "tst_shopcatalogue.moc"
