#include "app/gui.h"

#include "kube/kubeconfig.h"
#include "models/applicationsmodel.h"
#include "ui/mainwindow.h"
#include "ui/translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <memory>

namespace veladesk {

namespace {

// VELADESK_STARTUP_TRACE=1|exit (bench/run.sh's cold start): writes "veladesk-trace EVENT MS"
// lines to stderr, MS on CLOCK_MONOTONIC (comparable with the launching process's clock), for
// the main window's first painted frame and the first application in the applications pane;
// with "exit" the process quits after the latter (or after 60 s).
class StartupTrace : public QObject
{
public:
    StartupTrace(MainWindow* window, bool exitWhenDone) : m_window(window), m_exit(exitWhenDone)
    {
        qApp->installEventFilter(this);
        auto* apps = window->applicationsModel();
        auto check = [this, apps] {
            if (!m_appListed && apps->rowCount() > 0) {
                m_appListed = true;
                mark("first-application");
                done();
            }
        };
        connect(apps, &QAbstractItemModel::rowsInserted, this, check);
        connect(apps, &QAbstractItemModel::modelReset, this, check);
        if (m_exit)
            QTimer::singleShot(60000, qApp, &QCoreApplication::quit);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (!m_painted && event->type() == QEvent::Paint && watched->isWidgetType() &&
            static_cast<QWidget*>(watched)->window() == m_window) {
            m_painted = true;
            qApp->removeEventFilter(this);
            // after the rest of this frame's paint events
            QTimer::singleShot(0, this, [this] {
                mark("window-painted");
                m_paintReported = true;
                done();
            });
        }
        return false;
    }

private:
    static void mark(const char* what)
    {
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        std::fprintf(stderr, "veladesk-trace %s %.3f\n", what,
                     double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6);
        std::fflush(stderr);
    }
    void done()
    {
        if (m_exit && m_appListed && m_paintReported)
            QCoreApplication::quit();
    }

    MainWindow* m_window;
    bool m_exit;
    bool m_painted = false;
    bool m_paintReported = false;
    bool m_appListed = false;
};

} // namespace

int runGui(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VelaDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("veladesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VELADESK_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/veladesk/veladesk.svg")));
    installTranslators(&app); // the locale's language (LANG, LC_ALL, LANGUAGE)

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Gui", "VelaDesk: canary rollouts for KubeVela applications on Istio"));
    parser.addHelpOption();
    QCommandLineOption kubeconfig(
        QStringLiteral("kubeconfig"),
        QCoreApplication::translate("Gui", "Path to the kubeconfig file (no merging)."),
        QStringLiteral("file"));
    QCommandLineOption context(QStringLiteral("context"),
                               QCoreApplication::translate("Gui", "The kubeconfig context to use."),
                               QStringLiteral("name"));
    QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")},
                          QCoreApplication::translate("Gui", "The namespace to open."),
                          QStringLiteral("name"));
    QCommandLineOption application(
        QStringLiteral("app"),
        QCoreApplication::translate("Gui", "Select this application when it appears."),
        QStringLiteral("name"));
    parser.addOptions({kubeconfig, context, ns, application});
    parser.process(app);

    kube::KubeConfigOptions options;
    options.kubeconfigPath = parser.value(kubeconfig);
    options.context = parser.value(context);
    options.namespaceName = parser.value(ns);
    MainWindow window(options);
    if (parser.isSet(application))
        window.selectApplicationWhenLoaded(parser.value(application));
    window.show();
    std::unique_ptr<StartupTrace> trace;
    if (const QByteArray t = qgetenv("VELADESK_STARTUP_TRACE"); !t.isEmpty())
        trace = std::make_unique<StartupTrace>(&window, t == "exit");
    return QApplication::exec();
}

} // namespace veladesk
