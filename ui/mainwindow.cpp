#include "ui/mainwindow.h"

#include <QLabel>
#include <QStatusBar>

namespace veladesk {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("VelaDesk"));
    auto* label = new QLabel(tr("VelaDesk: canary rollouts for KubeVela applications on Istio"), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    statusBar()->showMessage(tr("Not connected"));
    resize(1280, 800);
}

} // namespace veladesk
