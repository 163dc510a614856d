#pragma once

#include <QtWidgets/QMainWindow>

class StartupView;

// The storefront window. It knows the server only by its URL (ui → shared, HTTP).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    StartupView *startupView() const { return m_startup; }

private:
    StartupView *m_startup;
};
