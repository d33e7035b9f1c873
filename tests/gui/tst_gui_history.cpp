// The history pane (issue 13, item 2) in the real main window against the local control
// plane: the reference scenario's two applies and a third from the editor (20/80) appear as
// entries through the watch; the timeline has a line per revision; two selected entries show
// their diff; "Load into editor" puts entry 2's plan (50/50) into the editor as unapplied edits,
// and Apply records a fourth entry (veladesk-gui, "restore revision 2") with 50/50 live again.
// With VELADESK_SCREENSHOT_DIR set it saves docs/screenshots/history.png.

#include "guitest.h"
#include "kube/rollout/history.h"
#include "models/clustersession.h"
#include "models/historymodel.h"
#include "models/rolloutcontroller.h"
#include "models/rolloutplanmodel.h"
#include "ui/historypane.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QJsonArray>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>

using namespace veladesk;

class TestGuiHistory : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> client;
    QString ns;
    std::unique_ptr<MainWindow> window;

    void applyFromEditor()
    {
        QSignalSpy done(window.get(), &MainWindow::applyFinished);
        QTRY_VERIFY(window->applyAction()->isEnabled());
        window->applyAction()->trigger();
        QVERIFY(done.wait(120000));
        QCOMPARE(window->controller()->applyState(), RolloutController::ApplyState::Succeeded);
    }

    QMap<QString, int> liveWeights()
    {
        auto vs = guitest::wait(client->get(kube::ResourceType::virtualServices(), ns,
                                            QStringLiteral("example-appdeploy")));
        QMap<QString, int> out;
        for (const QJsonValue& r : vs.value[QLatin1String("spec")]
                                       .toObject()[QLatin1String("http")]
                                       .toArray()[0]
                                       .toObject()[QLatin1String("route")]
                                       .toArray())
            out.insert(r[QLatin1String("destination")][QLatin1String("host")].toString(),
                       r[QLatin1String("weight")].toInt());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString kubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        if (kubeconfig.isEmpty())
            QSKIP("VELADESK_TEST_KUBECONFIG is not set (run through ctest: integration label)");
        kube::KubeConfigOptions options;
        options.kubeconfigPath = kubeconfig;
        auto connected = kube::connect(options);
        QVERIFY2(connected.ok(), qPrintable(connected.status.toString()));
        client = connected.value;
        ns = QStringLiteral("gui-history-%1").arg(QDateTime::currentSecsSinceEpoch());
        auto created = guitest::wait(
            client->create(kube::ResourceType::namespaces(), {}, guitest::namespaceObject(ns)));
        QVERIFY2(created.ok(), qPrintable(created.status.toString()));
        const QString failed = guitest::loadReferenceScenario(client, ns); // 2 applies
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        options.namespaceName = ns;
        window = std::make_unique<MainWindow>(options);
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(window->selectedApplication(), QStringLiteral("example-app"),
                                  30000);
    }

    void cleanupTestCase()
    {
        window.reset();
        if (client && !ns.isEmpty())
            guitest::wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
    }

    void entriesArriveThroughTheWatch()
    {
        HistoryPane* pane = window->historyPane();
        QVERIFY(pane);
        HistoryModel* model = pane->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 20000);
        QCOMPARE(model->appDeployment(), QStringLiteral("example-appdeploy"));
        // A third apply from the editor: 20/80.
        QTRY_COMPARE(window->planModel()->rowCount(), 2);
        window->planModel()->setWeight(0, 20);
        QCOMPARE(window->planModel()->row(1).weight, 80);
        applyFromEditor();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, HistoryModel::Result).data().toString(),
                                  QStringLiteral("Succeeded"), 20000);
        QCOMPARE(model->index(0, HistoryModel::Tool).data().toString(),
                 QStringLiteral("veladesk-gui"));
        QCOMPARE(model->index(0, HistoryModel::Weights).data().toString(),
                 QStringLiteral("v1 20%  v2 80%"));
        QCOMPARE(model->index(0, HistoryModel::Weights).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("example-app-v1=20,example-app-v2=80"));
        QCOMPARE(model->index(2, HistoryModel::Weights).data().toString(),
                 QStringLiteral("no traffic routing"));
        // The timeline: one line per revision, a point per entry that routes traffic (03 has
        // none).
        const QList<QAbstractSeries*> series = pane->chartView()->chart()->series();
        QCOMPARE(series.size(), 2);
        auto* v2 = qobject_cast<QLineSeries*>(series.at(1));
        QVERIFY(v2);
        QCOMPARE(v2->name(), QStringLiteral("example-app-v2"));
        QCOMPARE(v2->count(), 2);
        QCOMPARE(v2->at(0), QPointF(2, 50)); // 05: 50/50
        QCOMPARE(v2->at(1), QPointF(3, 80)); // the editor's 20/80
    }

    void diffOfTwoEntries()
    {
        HistoryPane* pane = window->historyPane();
        window->showDock(QStringLiteral("historyDock"));
        auto* dock = window->findChild<QDockWidget*>(QStringLiteral("historyDock"));
        window->resizeDocks({dock}, {430}, Qt::Vertical);
        pane->selectRevisions({2, 3});
        QCOMPARE(pane->selectedRevisions(), (QList<qint64>{2, 3}));
        const QString diff = pane->diffView()->toPlainText();
        QVERIFY2(diff.contains(QStringLiteral("-      weight: 50")) &&
                     diff.contains(QStringLiteral("+      weight: 20")),
                 qPrintable(diff));
        QVERIFY(!pane->loadButton()->isEnabled()); // two selected: nothing to load
        guitest::screenshot(window.get(), QStringLiteral("history"));
    }

    void loadIntoEditorAndApply()
    {
        HistoryPane* pane = window->historyPane();
        pane->selectRevisions({2});
        QVERIFY(pane->loadButton()->isEnabled());
        // One selected: what it changed against the entry before it.
        QVERIFY2(pane->diffView()->toPlainText().contains(QStringLiteral("example-app-v2")),
                 qPrintable(pane->diffView()->toPlainText()));
        QSignalSpy loaded(pane, &HistoryPane::planLoaded);
        QTest::mouseClick(pane->loadButton(), Qt::LeftButton);
        QCOMPARE(loaded.size(), 1);
        RolloutPlanModel* plan = window->planModel();
        QVERIFY(plan->isModified());
        QCOMPARE(plan->row(0).weight, 50);
        QCOMPARE(plan->row(1).weight, 50);
        QCOMPARE(liveWeights().values(), (QList<int>{20, 80})); // nothing applied yet
        guitest::screenshot(window.get(), QStringLiteral("history-loaded"));
        applyFromEditor();
        QCOMPARE(liveWeights().values(), (QList<int>{50, 50}));
        HistoryModel* model = pane->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(0, HistoryModel::Result).data().toString(),
                                  QStringLiteral("Succeeded"), 20000);
        QCOMPARE(model->index(0, HistoryModel::ChangeCause).data().toString(),
                 QStringLiteral("restore revision 2"));
        QVERIFY(!plan->isModified());
    }
};

QTEST_MAIN(TestGuiHistory)
#include "tst_gui_history.moc"
