// The zh_CN window against the local control plane with the reference scenario (issue 14,
// item 3): started under LANG=zh_CN.UTF-8 with the translators the application installs,
// example-app open (50/50, pods running), then weights set to 30/70, previewed and applied. In each
// state no visible string of the window may be English (tests/gui/untranslated.h); what the
// cluster sends (names, phases, images) is data and stays as it is. With
// VELADESK_SCREENSHOT_DIR set it saves zh-CN-scenario-loaded.png, zh-CN-preview.png and
// zh-CN-apply-done.png.

#include "guitest.h"
#include "models/applicationsmodel.h"
#include "models/clustersession.h"
#include "models/podsmodel.h"
#include "models/rolloutplanmodel.h"
#include "ui/applypane.h"
#include "ui/mainwindow.h"
#include "ui/previewpane.h"
#include "ui/rollouteditor.h"
#include "untranslated.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTreeView>
#include <QTreeWidget>

using namespace veladesk;

class TestGuiZhCnCluster : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> client;
    QString ns;
    std::unique_ptr<MainWindow> window;

    QStringList untranslated()
    {
        guitest::UntranslatedFinder finder;
        finder.dataWidgets = {window->contextPicker(), window->namespacePicker()};
        finder.walk(window.get());
        for (const QString& f : finder.findings()) // one a line: QVERIFY2 cuts long text
            qWarning("untranslated: %s", qPrintable(f));
        return finder.findings();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString kubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        if (kubeconfig.isEmpty())
            QSKIP("VELADESK_TEST_KUBECONFIG is not set (run through ctest: integration label)");
        const QString failed =
            guitest::connectWithScenario(kubeconfig, QStringLiteral("zh"), &client, &ns);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        window = guitest::windowOn(kubeconfig, ns);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    }

    void cleanupTestCase()
    {
        window.reset();
        if (client && !ns.isEmpty())
            guitest::wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
    }

    void scenarioLoaded()
    {
        QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ClusterSession::State::Connected,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(window->selectedApplication(), QStringLiteral("example-app"),
                                  20000);
        RolloutPlanModel* plan = window->planModel();
        QTRY_COMPARE_WITH_TIMEOUT(plan->rowCount(), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window->podsModel()->rowCount() >= 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!plan->hasDrift(), 10000);
        auto* podsDock = window->findChild<QDockWidget*>(QStringLiteral("podsDock"));
        // the watch is live: the dock's title is the plain translated "Pods"
        QTRY_COMPARE_WITH_TIMEOUT(podsDock->windowTitle(),
                                  QCoreApplication::translate("veladesk::MainWindow", "Pods"),
                                  30000);
        QCOMPARE(podsDock->windowTitle(), QStringLiteral("Pod"));
        QTest::qWait(200);
        guitest::screenshot(window.get(), QStringLiteral("zh-CN-scenario-loaded"));
        const QStringList english = untranslated();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
    }

    void editedAndPreviewed()
    {
        RolloutEditor* editor = window->editor();
        QSlider* s0 = editor->weightSlider(0);
        QVERIFY(s0);
        s0->setFocus();
        QTest::keyClick(s0, Qt::Key_Home);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(s0, Qt::Key_PageUp);
        QCOMPARE(window->planModel()->row(0).weight, 30);
        QTRY_VERIFY(window->previewAction()->isEnabled());
        QSignalSpy done(window.get(), &MainWindow::previewFinished);
        window->previewAction()->trigger();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), true);
        PreviewPane* preview = window->previewPane();
        for (int i = 1; i <= preview->objectCount(); ++i)
            if (preview->entryText(i).contains(QLatin1String("VirtualService/")))
                preview->selectEntry(i);
        QTest::qWait(200);
        guitest::screenshot(window.get(), QStringLiteral("zh-CN-preview"));
        const QStringList english = untranslated();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
    }

    void applied()
    {
        QSignalSpy done(window.get(), &MainWindow::applyFinished);
        window->applyAction()->trigger();
        QVERIFY(done.wait(120000));
        QVERIFY2(done.first().first().toBool(), qPrintable(window->applyPane()->summary()));
        window->showDock(QStringLiteral("applyDock"));
        // the engine's step and state names, and what each step did (the engine's messages,
        // kube/), are shown in Chinese (cells: not walked)
        auto* steps = window->applyPane()->findChild<QTreeWidget*>(QStringLiteral("applySteps"));
        QVERIFY(steps && steps->topLevelItemCount() > 10);
        for (int i = 0; i < steps->topLevelItemCount(); ++i)
            for (int column : {0, 1, 2})
                QVERIFY2(guitest::englishWords(steps->topLevelItem(i)->text(column)).isEmpty(),
                         qPrintable(steps->topLevelItem(i)->text(column)));
        QTest::qWait(200);
        guitest::screenshot(window.get(), QStringLiteral("zh-CN-apply-done"));
        const QStringList english = untranslated();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
    }

    // Every text looked up during the run has its translation (shown or not).
    void noLookupWithoutTranslation() { guitest::verifyNoMissingTranslation(); }
};

int main(int argc, char** argv)
{
    return guitest::runUnderZhCn<TestGuiZhCnCluster>(argc, argv);
}

#include "tst_gui_zhcn_cluster.moc"
