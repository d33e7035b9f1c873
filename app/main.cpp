// veladesk: the command line when a command is named, else the desktop GUI.

#include "app/cli.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>
#include <cstring>

namespace {

QStringList arguments(int argc, char** argv)
{
    QStringList out;
    for (int i = 0; i < argc; ++i)
        out << QString::fromLocal8Bit(argv[i]);
    return out;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("VelaDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("veladesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VELADESK_VERSION));
}

} // namespace

int main(int argc, char** argv)
{
    const QStringList args = arguments(argc, argv);
    if (args.size() > 1 && (args[1] == QLatin1String("--version") || args[1] == QLatin1String("version"))) {
        QTextStream(stdout) << "veladesk " << VELADESK_VERSION << '\n';
        return 0;
    }
    if (veladesk::isCliCommand(args)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        return veladesk::runCli(args);
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/veladesk/veladesk.svg")));
    veladesk::MainWindow window;
    window.show();
    return QApplication::exec();
}
