// veladesk: the command line when a command is named, else the desktop GUI.

#include "app/cli.h"
#include "app/gui.h"
#include "ui/translation.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char** argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    // `veladesk version` (client and server) is a command of the command line.
    if (args.size() > 1 && args[1] == QLatin1String("--version")) {
        QTextStream(stdout) << "veladesk " << VELADESK_VERSION << '\n';
        return 0;
    }
    if (veladesk::isCliCommand(args)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("VelaDesk"));
        QCoreApplication::setApplicationName(QStringLiteral("veladesk"));
        QCoreApplication::setApplicationVersion(QStringLiteral(VELADESK_VERSION));
        veladesk::installTranslators(&app); // help and errors in the locale's language
        return veladesk::runCli(args);
    }
    return veladesk::runGui(argc, argv);
}
