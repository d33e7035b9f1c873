#include "app/gui.h"

#include "kube/kubeconfig.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

namespace veladesk {

int runGui(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VelaDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("veladesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VELADESK_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/veladesk/veladesk.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("VelaDesk: canary rollouts for KubeVela applications on Istio"));
    parser.addHelpOption();
    QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"),
                                  QStringLiteral("Path to the kubeconfig file (no merging)."),
                                  QStringLiteral("file"));
    QCommandLineOption context(QStringLiteral("context"),
                               QStringLiteral("The kubeconfig context to use."),
                               QStringLiteral("name"));
    QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")},
                          QStringLiteral("The namespace to open."), QStringLiteral("name"));
    QCommandLineOption application(QStringLiteral("app"),
                                   QStringLiteral("Select this application when it appears."),
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
    return QApplication::exec();
}

} // namespace veladesk
