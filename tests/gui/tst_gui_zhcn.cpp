// The window under zh_CN without a cluster (issue 14, item 3): the process starts with
// LANG=zh_CN.UTF-8 (LC_ALL, LC_MESSAGES and LANGUAGE unset) and installs its translators as
// the application does (installTranslators(), QLocale::system()); then every visible string
// of the main window, with every dock raised in turn and an application open in the rollout
// editor, must be Chinese (tests/gui/untranslated.h says what is read). A failure names each
// English string and where it is. Also: the translation is embedded, complete, and Qt's own
// (qtbase) is loaded when installed.

#include "guitest.h"
#include "models/clustersession.h"
#include "models/namespacestore.h"
#include "models/rolloutplanmodel.h"
#include "ui/mainwindow.h"
#include "ui/rollouteditor.h"
#include "untranslated.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace veladesk;

namespace {
QStringList g_loaded; // what installTranslators() loaded at start
} // namespace

class TestGuiZhCn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void systemLocaleLoadsTheTranslation()
    {
        QCOMPARE(QLocale::system().name(), QStringLiteral("zh_CN"));
        QVERIFY2(g_loaded.contains(QStringLiteral(":/i18n/veladesk_zh_CN.qm")),
                 qPrintable(g_loaded.join(QLatin1String(", "))));
        if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                          QStringLiteral("/qtbase_zh_CN.qm")))
            QVERIFY2(g_loaded.size() == 2, qPrintable(g_loaded.join(QLatin1String(", "))));
        // a string of each part: the window, a model, the command line's help
        QCOMPARE(QCoreApplication::translate("veladesk::MainWindow", "&Apply"),
                 QStringLiteral("应用(&A)"));
        QCOMPARE(QCoreApplication::translate("veladesk::RolloutPlanModel", "Weight"),
                 QStringLiteral("权重"));
        QCOMPARE(QCoreApplication::translate("Cli", "Help about any command"),
                 QStringLiteral("任意命令的帮助"));
        // Qt's own dialogs' buttons (qtbase_zh_CN), when Qt's translations are installed
        if (g_loaded.size() == 2)
            QVERIFY(hasCjkText(QCoreApplication::translate("QPlatformTheme", "Cancel")));
    }

    void englishLocaleLoadsNothing()
    {
        QTranslator probe;
        QVERIFY(!probe.load(QLocale(QLocale::English, QLocale::UnitedStates),
                            QStringLiteral("veladesk"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    }

    void everyVisibleStringIsTranslated()
    {
        MainWindow window(kube::KubeConfigOptions{QStringLiteral("/nonexistent/x"), {}, {}});
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // an application in the editor (objects given to the store, no cluster needed)
        auto revision = [](const char* name, const char* image) {
            return QJsonObject{
                {QStringLiteral("kind"), QStringLiteral("ApplicationRevision")},
                {QStringLiteral("metadata"),
                 QJsonObject{
                     {QStringLiteral("name"), QString::fromLatin1(name)},
                     {QStringLiteral("namespace"), QStringLiteral("demo")},
                     {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app.oam.dev/name"),
                                                             QStringLiteral("example-app")}}}}},
                {QStringLiteral("spec"),
                 QJsonObject{
                     {QStringLiteral("application"),
                      QJsonObject{
                          {QStringLiteral("spec"),
                           QJsonObject{{QStringLiteral("components"),
                                        QJsonArray{QJsonObject{
                                            {QStringLiteral("name"), QStringLiteral("web")},
                                            {QStringLiteral("type"), QStringLiteral("webservice")},
                                            {QStringLiteral("properties"),
                                             QJsonObject{{QStringLiteral("image"),
                                                          QString::fromLatin1(image)}}}}}}}}}}}}};
        };
        NamespaceStore* store = window.session()->store();
        store->resetKind(
            NamespaceStore::Kind::Applications,
            {QJsonObject{{QStringLiteral("kind"), QStringLiteral("Application")},
                         {QStringLiteral("metadata"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("example-app")},
                                      {QStringLiteral("namespace"), QStringLiteral("demo")}}}}});
        store->resetKind(
            NamespaceStore::Kind::ApplicationRevisions,
            {revision("example-app-v1", "nginx:1.25"), revision("example-app-v2", "nginx:1.26")});
        store->flushChanges();
        QVERIFY(window.selectApplication(QStringLiteral("example-app")));
        QTest::qWait(100);

        guitest::UntranslatedFinder finder;
        finder.dataWidgets = {window.contextPicker(), window.namespacePicker()};
        // the kubeconfig error of kube/kubeconfig.cpp ("/nonexistent/x: kubeconfig file does
        // not exist") in the connection state's tooltip is checked too: the engine's messages
        // are translated (issue 14, item 3)
        finder.walk(&window);
        const QList<QDockWidget*> docks = window.findChildren<QDockWidget*>();
        QVERIFY(docks.size() >= 6);
        for (QDockWidget* d : docks) {
            window.showDock(d->objectName());
            QTest::qWait(20);
            finder.walk(&window);
        }
        // an invalid plan: the editor's problems (the engine's validation messages) in Chinese
        RolloutPlanModel* plan = window.planModel();
        plan->setHosts({QStringLiteral("example-app.example.com")});
        plan->setReplicas(0, 0);
        QVERIFY(!plan->isValid());
        QTest::qWait(50);
        const QString problems = window.editor()->problemsText();
        QVERIFY2(problems.contains(QStringLiteral("副本数为 0")), qPrintable(problems));
        finder.walk(&window);
        guitest::screenshot(&window, QStringLiteral("zh-CN-offline"));
        // the translations' own mnemonics ("容器(&D)") clash no more than the English ones
        const QStringList clashes = guitest::mnemonicClashes(&window);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
        for (const QString& f : finder.findings()) // each on its own line (QVERIFY2 cuts long text)
            qWarning("untranslated: %s", qPrintable(f));
        QVERIFY2(
            finder.findings().isEmpty(),
            qPrintable(
                QStringLiteral("%1 strings are not translated:\n  ").arg(finder.findings().size()) +
                finder.findings().join(QStringLiteral("\n  "))));
    }

    // The checkers themselves: English is found, Chinese and names are not; a text without
    // translation is noted.
    void checkerFindsEnglish()
    {
        guitest::MissingTranslations probe;
        QVERIFY(probe.loaded());
        QVERIFY(probe.translate("veladesk::MainWindow", "&Apply", nullptr, -1).isEmpty());
        QVERIFY(probe.missing().isEmpty());
        probe.translate("veladesk::MainWindow", "No such text", nullptr, -1);
        probe.translate("QPlatformTheme", "Not one of ours", nullptr, -1);
        QCOMPARE(probe.missing(),
                 QStringList{QStringLiteral("veladesk::MainWindow: \"No such text\"")});

        using guitest::englishWords;
        QCOMPARE(englishWords(QStringLiteral("&Apply")), QStringList{QStringLiteral("Apply")});
        QVERIFY(
            !englishWords(QStringLiteral("Apply the plan to the cluster (Ctrl+Return)")).isEmpty());
        QVERIFY(englishWords(QStringLiteral("应用(&A)")).isEmpty());
        QVERIFY(englishWords(QStringLiteral("AppDeployment")).isEmpty());
        QVERIFY(englishWords(QStringLiteral("VelaDesk — kwok-h14t / zh-1764650000")).isEmpty());
        QVERIFY(englishWords(QStringLiteral("Istio VirtualService")).isEmpty());
        QVERIFY(englishWords(QStringLiteral("example-app-v2")).isEmpty());
        QCOMPARE(englishWords(QStringLiteral("<b>Pods</b> (listing…)")),
                 QStringList{QStringLiteral("listing…")});
    }

    // Every text looked up during the run has its translation (shown or not).
    void noLookupWithoutTranslation() { guitest::verifyNoMissingTranslation(); }

private:
    static bool hasCjkText(const QString& s) { return guitest::hasCjk(s); }
};

int main(int argc, char** argv)
{
    return guitest::runUnderZhCn<TestGuiZhCn>(argc, argv, &g_loaded);
}

#include "tst_gui_zhcn.moc"
