// veladesk: the command line when a command is named, else the desktop GUI (veladesk-gui,
// executed in this process's place; app/CMakeLists.txt says why they are two programs).

#include "app/cli.h"
#include "ui/translation.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {

// The GUI program: beside this one (the build tree), else where the install puts it
// (libexec/veladesk, relative to bin/ so that the installed tree can move). "" if neither.
std::string guiProgram(std::string* searched)
{
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return {};
    self[n] = '\0';
    std::string dir(self);
    dir.resize(dir.rfind('/'));
    for (const std::string& candidate :
         {dir + "/veladesk-gui", dir + "/" VELADESK_GUI_RELATIVE_DIR "/veladesk-gui"}) {
        if (access(candidate.c_str(), X_OK) == 0)
            return candidate;
        *searched += (searched->empty() ? "" : ", ") + candidate;
    }
    return {};
}

} // namespace

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
    std::string searched;
    const std::string gui = guiProgram(&searched);
    if (gui.empty()) {
        std::fprintf(stderr,
                     "veladesk: the desktop GUI (veladesk-gui) is not installed (looked for %s); "
                     "reinstall VelaDesk, or name a command (veladesk --help)\n",
                     searched.c_str());
        return 1;
    }
    execv(gui.c_str(), argv);
    std::fprintf(stderr, "veladesk: cannot run %s: %s\n", gui.c_str(), std::strerror(errno));
    return 1;
}
