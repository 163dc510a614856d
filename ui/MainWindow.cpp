#include "MainWindow.h"

#include "StartupView.h"

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_startup(new StartupView(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Storefront"));
    setCentralWidget(m_startup);
    resize(1024, 700);
}
