// The "Verify split" dialog (ui/verifysplitdialog.*) against a scripted HTTP server standing in
// for a gateway (tests/kube/scriptedserver.h): the probe runs on its own thread while the
// dialog keeps painting, the chart and the table show configured vs observed with the 95 %
// interval, a revision outside it is flagged, Stop ends a probe at once, an unreachable URL is
// reported. The main window's Rollout menu opens it, and the rollout editor shows the routing.

#include "kube/rollout/routing.h"
#include "models/clustersession.h"
#include "models/namespacestore.h"
#include "models/rolloutplanmodel.h"
#include "tests/gui/guitest.h"
#include "tests/kube/scriptedserver.h"
#include "ui/mainwindow.h"
#include "ui/verifysplitdialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QtTest>

using namespace kube::rollout;
using kubetest::ScriptedServer;

namespace {

AppDeploymentPlan plan(const QMap<QString, int>& weights, bool httpRoute)
{
    AppDeploymentPlan p;
    p.name = QStringLiteral("example-appdeploy");
    p.namespaceName = QStringLiteral("default");
    Traffic t;
    t.hosts = {QStringLiteral("example-app.example.com")};
    t.gateways = {QStringLiteral("example-app-gateway")};
    HttpRule rule;
    for (auto it = weights.cbegin(); it != weights.cend(); ++it) {
        RevisionPlacement rp;
        rp.revisionName = it.key();
        p.appRevisions << rp;
        WeightedTarget w;
        w.revisionName = it.key();
        w.componentName = QStringLiteral("testsvc");
        w.port = 8000;
        w.weight = it.value();
        rule.weightedTargets << w;
    }
    t.http << rule;
    p.traffic = t;
    if (httpRoute)
        setPlannedRouting(p, RoutingApi::HTTPRoute);
    return p;
}

ScriptedServer::Answer revision(const char* name)
{
    ScriptedServer::Answer a;
    a.headers = {{"X-Veladesk-Revision", name}};
    a.chunks = {"ok"};
    return a;
}

QString cell(QTableWidget* t, int row, int column)
{
    return t->item(row, column) ? t->item(row, column)->text() : QString();
}

} // namespace

class TestVerifySplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Rollout > Verify split... opens the dialog on the selected application's plan; the
    // rollout editor shows the plan's routing API.
    void mainWindowOpensIt()
    {
        veladesk::MainWindow window(
            kube::KubeConfigOptions{QStringLiteral("/nonexistent/x"), {}, {}});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* action = window.findChild<QAction*>(QStringLiteral("verifySplitAction"));
        QVERIFY(action);
        action->trigger(); // nothing selected: nothing opens
        QVERIFY(!window.findChild<veladesk::VerifySplitDialog*>());

        veladesk::NamespaceStore* store = window.session()->store();
        store->resetKind(
            veladesk::NamespaceStore::Kind::Applications,
            {QJsonObject{{QStringLiteral("kind"), QStringLiteral("Application")},
                         {QStringLiteral("metadata"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("alpha")},
                                      {QStringLiteral("namespace"), QStringLiteral("demo")}}}}});
        store->flushChanges();
        QVERIFY(window.selectApplication(QStringLiteral("alpha")));
        auto* routing = window.findChild<QComboBox*>(QStringLiteral("routingApi"));
        QVERIFY(routing);
        QVERIFY2(routing->currentText().startsWith(QLatin1String("Chosen at apply")),
                 qPrintable(routing->currentText()));
        action->trigger();
        auto* dialog = window.findChild<veladesk::VerifySplitDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QString target = dialog->findChild<QLabel*>(QStringLiteral("probeTarget"))->text();
        QVERIFY2(target.contains(QLatin1String("alpha-deploy")), qPrintable(target));
        dialog->close(); // deletes itself
        QTRY_VERIFY(!window.findChild<veladesk::VerifySplitDialog*>());
    }

    // 50/50 configured, the server alternates v1/v2: the observed split matches; the dialog
    // kept painting while the probe ran (the GUI thread never waited on the network).
    void matchingSplit()
    {
        ScriptedServer server;
        server.cycle({revision("example-app-v1"), revision("example-app-v2")});
        veladesk::VerifySplitDialog dialog;
        dialog.setPlan(
            plan({{QStringLiteral("example-app-v1"), 50}, {QStringLiteral("example-app-v2"), 50}},
                 true));
        dialog.setUrl(QString::fromLatin1(server.url()) + QStringLiteral("/"));
        dialog.setRequests(400);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("splitTable"));
        QVERIFY(table);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* target = dialog.findChild<QLabel*>(QStringLiteral("probeTarget"));
        QVERIFY2(target->text().contains(QLatin1String("HTTPRoute (veladesk.io/routing)")),
                 qPrintable(target->text()));

        // The event loop's longest pause while the probe runs.
        qint64 longestGapMs = 0;
        QElapsedTimer gap;
        gap.start();
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, &dialog,
                [&] { longestGapMs = std::max(longestGapMs, gap.restart()); });
        ticker.start(5);
        QSignalSpy finished(&dialog, &veladesk::VerifySplitDialog::probeFinished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("startProbe")),
                          Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("startProbe"))->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        ticker.stop();
        QVERIFY2(longestGapMs < 200, qPrintable(QString::number(longestGapMs)));
        QVERIFY(!dialog.isRunning());

        const ProbeResult& r = dialog.lastResult();
        QCOMPARE(r.attributed, 400);
        QVERIFY(r.ok());
        QCOMPARE(dialog.findChild<QProgressBar*>(QStringLiteral("probeProgress"))->value(), 400);
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(cell(table, 0, 0), QStringLiteral("example-app-v1"));
        QCOMPARE(cell(table, 0, 1), QStringLiteral("50.0 %"));
        QCOMPARE(cell(table, 0, 2), QStringLiteral("50.0 %"));
        QCOMPARE(cell(table, 0, 3), QStringLiteral("45.1 % - 54.9 %")); // Wilson, 200 of 400
        QCOMPARE(cell(table, 1, 4), QStringLiteral("200"));
        const QString summary = dialog.findChild<QLabel*>(QStringLiteral("probeSummary"))->text();
        QVERIFY2(summary.contains(QLatin1String("matches the configured weights")),
                 qPrintable(summary));
        // The route's first host went as Host header.
        const QList<ScriptedServer::Seen> seen = server.seen();
        QVERIFY(!seen.isEmpty());
        QVERIFY2(seen.first().headers.toLower().contains("host: example-app.example.com"),
                 seen.first().headers.constData());

        // The chart: configured and observed bars per revision, an interval bar each.
        auto* view = dialog.findChild<QChartView*>(QStringLiteral("splitChart"));
        QChart* chart = view->chart();
        auto* bars = qobject_cast<QBarSeries*>(chart->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 2);
        QCOMPARE(bars->barSets().at(1)->at(0), 50.0);
        QCOMPARE(chart->series().size(), 1 + 2);
        QVERIFY(bars->barSets().at(1)->selectedBars().isEmpty());
        guitest::screenshot(&dialog, QStringLiteral("verify-split"));
    }

    // 10/30/60 configured, the server answers 1:1:1: every revision outside its interval is
    // flagged in the table and the chart, and the summary says the split does not match.
    void revisionOutsideIsFlagged()
    {
        ScriptedServer server;
        server.cycle(
            {revision("example-app-v1"), revision("example-app-v2"), revision("example-app-v3")});
        veladesk::VerifySplitDialog dialog;
        dialog.setPlan(plan({{QStringLiteral("example-app-v1"), 10},
                             {QStringLiteral("example-app-v2"), 30},
                             {QStringLiteral("example-app-v3"), 60}},
                            false));
        dialog.setUrl(QString::fromLatin1(server.url()) + QStringLiteral("/"));
        dialog.setRequests(600);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* target = dialog.findChild<QLabel*>(QStringLiteral("probeTarget"));
        QVERIFY2(target->text().contains(QLatin1String("chosen at apply")),
                 qPrintable(target->text()));
        QSignalSpy finished(&dialog, &veladesk::VerifySplitDialog::probeFinished);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const ProbeResult& r = dialog.lastResult();
        QCOMPARE(r.attributed, 600);
        QVERIFY(!r.splitMatches());
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("splitTable"));
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(cell(table, 0, 2), QStringLiteral("33.3 %"));
        for (int row : {0, 2}) {
            QVERIFY(table->item(row, 0)->toolTip().contains(QLatin1String("outside")));
            QCOMPARE(table->item(row, 0)->foreground().color(), QColor(0xc6, 0x28, 0x28));
        }
        // v2: 30 % against an observed 33.3 % (interval about 29.7-37.2 %): inside.
        QVERIFY(table->item(1, 0)->toolTip().isEmpty());
        auto* bars =
            qobject_cast<QBarSeries*>(dialog.findChild<QChartView*>(QStringLiteral("splitChart"))
                                          ->chart()
                                          ->series()
                                          .value(0));
        QList<int> flagged = bars->barSets().at(1)->selectedBars();
        std::sort(flagged.begin(), flagged.end());
        QCOMPARE(flagged, QList<int>({0, 2}));
        const QString summary = dialog.findChild<QLabel*>(QStringLiteral("probeSummary"))->text();
        QVERIFY2(summary.contains(QLatin1String("differs from the configured one")),
                 qPrintable(summary));
        guitest::screenshot(&dialog, QStringLiteral("verify-split-mismatch"));
    }

    // Stop ends a probe whose answers never come, at once, and says it was cancelled.
    void stopEndsAtOnce()
    {
        ScriptedServer server;
        ScriptedServer::Answer hang;
        hang.hang = true;
        server.cycle({hang});
        veladesk::VerifySplitDialog dialog;
        dialog.setPlan(plan({{QStringLiteral("example-app-v1"), 100}}, true));
        dialog.setUrl(QString::fromLatin1(server.url()) + QStringLiteral("/"));
        dialog.show();
        QSignalSpy finished(&dialog, &veladesk::VerifySplitDialog::probeFinished);
        dialog.start();
        QTest::qWait(300);
        QVERIFY(dialog.isRunning());
        QElapsedTimer t;
        t.start();
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("cancelProbe")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2000);
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(dialog.lastResult().cancelled);
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("startProbe"))->isEnabled());
        const QString summary = dialog.findChild<QLabel*>(QStringLiteral("probeSummary"))->text();
        QVERIFY2(summary.contains(QLatin1String("cancelled")), qPrintable(summary));
    }

    // Nothing listens: reported in seconds with the reason, never a hang.
    void unreachableIsReported()
    {
        veladesk::VerifySplitDialog dialog;
        dialog.setPlan(plan({{QStringLiteral("example-app-v1"), 100}}, true));
        dialog.setUrl(QStringLiteral("http://127.0.0.1:%1/").arg(kubetest::closedPort()));
        dialog.setRequests(1000);
        dialog.show();
        QSignalSpy finished(&dialog, &veladesk::VerifySplitDialog::probeFinished);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        const ProbeResult& r = dialog.lastResult();
        QVERIFY(r.stoppedEarly);
        QCOMPARE(r.answered, 0);
        const QString summary = dialog.findChild<QLabel*>(QStringLiteral("probeSummary"))->text();
        QVERIFY2(summary.contains(QLatin1String("refused")), qPrintable(summary));
    }

    // A bad URL is said before anything is sent.
    void badUrlIsRefused()
    {
        veladesk::VerifySplitDialog dialog;
        dialog.setPlan(plan({{QStringLiteral("example-app-v1"), 100}}, true));
        dialog.setUrl(QStringLiteral("ftp://127.0.0.1/"));
        dialog.start();
        QVERIFY(!dialog.isRunning());
        const QString summary = dialog.findChild<QLabel*>(QStringLiteral("probeSummary"))->text();
        QVERIFY2(summary.contains(QLatin1String("http")), qPrintable(summary));
    }
};

QTEST_MAIN(TestVerifySplit)
#include "tst_verifysplit.moc"
