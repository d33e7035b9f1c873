#include "app/gui.h"

#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>

namespace veladesk {

int runGui(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VelaDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("veladesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VELADESK_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/veladesk/veladesk.svg")));
    MainWindow window;
    window.show();
    return QApplication::exec();
}

} // namespace veladesk
