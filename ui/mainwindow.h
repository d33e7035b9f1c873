#pragma once

#include <QMainWindow>

namespace veladesk {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace veladesk
