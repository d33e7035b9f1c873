// The Pod logs dock (issue 13, item 3) of the real window against the local control plane
// (label `integration`) with the KWOK logs harness (tests/cluster/podlogs), which gives the
// reference scenario's pods real, growing logs served through the API server:
//   - a pod selected in the pods pane: the dock shows the lines `kubectl logs` prints for it,
//     and, following, the new lines the harness appends every second;
//   - follow off: the log is read to its end and stays; previous: kubectl logs --previous;
//   - search highlights / filters, copy puts the shown lines on the clipboard;
//   - a revision selected in the revisions pane: every pod of it, lines prefixed
//     [pod/NAME/CONTAINER];
//   - the GUI thread keeps turning while the streams run (never waits on the network).
// With VELADESK_SCREENSHOT_DIR set it saves pod-logs.png.

#include "../kube/kubetest.h"
#include "guitest.h"
#include "models/clustersession.h"
#include "models/podlogmodel.h"
#include "models/podsmodel.h"
#include "models/revisionsmodel.h"
#include "ui/mainwindow.h"
#include "ui/podlogspane.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTreeView>
#include <QtTest>

using namespace veladesk;

namespace {

QStringList linesOf(const QString& text)
{
    QStringList l = text.split(QLatin1Char('\n'));
    if (!l.isEmpty() && l.last().isEmpty())
        l.removeLast();
    return l;
}

} // namespace

class TestGuiPodLogs : public QObject
{
    Q_OBJECT
    QString kubeconfig;
    QString ns;
    QString kubectlPath;
    std::shared_ptr<kube::Client> client;
    std::unique_ptr<MainWindow> window;
    QString pod; // the pod the tests select

    PodLogsPane* pane() const { return window->podLogsPane(); }
    PodLogModel* model() const { return pane()->model(); }

    // kubectl ARGS in the test namespace; the window keeps running meanwhile. Its stdout.
    QString kubectl(const QStringList& args, int* exitCode = nullptr)
    {
        QProcess p;
        p.start(kubectlPath, args + QStringList{QStringLiteral("--kubeconfig"), kubeconfig,
                                                QStringLiteral("-n"), ns});
        QElapsedTimer t;
        t.start();
        while (!p.waitForFinished(10) && t.elapsed() < 60000)
            QTest::qWait(10);
        if (exitCode)
            *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        if (p.exitCode() != 0)
            qWarning() << p.readAllStandardError();
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    QStringList paneTexts(int role = PodLogModel::TextRole) const
    {
        QStringList l;
        for (int r = 0; r < model()->rowCount(); ++r)
            l << model()->index(r).data(role).toString();
        return l;
    }
    QModelIndex rowOf(QTreeView* view, int role, const QString& value) const
    {
        const QAbstractItemModel* m = view->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(role).toString() == value)
                return m->index(r, 0);
        return {};
    }
    QModelIndex podRow(const QString& name) const
    {
        const QAbstractItemModel* m = window->podsView()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, PodsModel::Name).data().toString() == name)
                return m->index(r, 0);
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        kubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        if (kubeconfig.isEmpty())
            QSKIP("VELADESK_TEST_KUBECONFIG is not set (run through ctest: integration label)");
        kubectlPath = kubetest::kubectlProgram();
        QVERIFY2(!kubectlPath.isEmpty(), "kubectl not found");
        const QString failed =
            guitest::connectWithScenario(kubeconfig, QStringLiteral("gui-logs"), &client, &ns);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        window = guitest::windowOn(kubeconfig, ns);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ClusterSession::State::Connected,
                                  20000);
        new QAbstractItemModelTester(model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        new QAbstractItemModelTester(pane()->filter(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);

        // The harness gives each pod its log within seconds of its binding.
        QTRY_VERIFY_WITH_TIMEOUT(window->podsModel()->rowCount() >= 2, 120000); // v1 and v2
        for (int r = 0; r < window->podsModel()->rowCount(); ++r) {
            if (window->podsModel()->pod(r).revision == QLatin1String("example-app-v1"))
                pod = window->podsModel()->pod(r).name;
        }
        QVERIFY2(!pod.isEmpty(), "no pod of example-app-v1");
        QElapsedTimer t;
        t.start();
        while (linesOf(kubectl({QStringLiteral("logs"), pod})).size() < 2 && t.elapsed() < 120000)
            QTest::qWait(300);
        QVERIFY2(linesOf(kubectl({QStringLiteral("logs"), pod})).size() >= 2,
                 "the logs harness gave the pod no log");
    }

    void cleanupTestCase()
    {
        window.reset();
        if (client && !ns.isEmpty())
            guitest::wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
    }

    // A pod selected in the pods pane: the same lines as kubectl logs, then new ones.
    void selectedPodShowsWhatKubectlPrints()
    {
        auto* dock = window->findChild<QDockWidget*>(QStringLiteral("podLogsDock"));
        QVERIFY(dock);
        dock->show();
        dock->raise();
        QTRY_VERIFY_WITH_TIMEOUT(dock->isVisible() && !dock->visibleRegion().isEmpty(), 5000);
        window->resizeDocks({dock}, {380}, Qt::Vertical);

        const QModelIndex row = podRow(pod);
        QVERIFY(row.isValid());
        window->podsView()->setCurrentIndex(row); // as a click does
        QCOMPARE(pane()->target(), QStringLiteral("pod/") + pod);
        QVERIFY(pane()->followBox()->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() >= 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(pane()->stateLabel()->text(), QStringLiteral("Following"), 10000);
        QCOMPARE(pane()->stateLabel()->textFormat(), Qt::PlainText);

        // The pane's lines first: kubectl, later, may print more (the log grows every second).
        const QStringList shown = paneTexts();
        const QStringList printed = linesOf(kubectl({QStringLiteral("logs"), pod}));
        QVERIFY2(printed.size() >= shown.size(), qPrintable(printed.join(u'\n')));
        QCOMPARE(shown, printed.mid(0, shown.size()));
        QVERIFY2(shown.first().startsWith(
                     QStringLiteral("revision=example-app-v1 pod=%1/%2 container=").arg(ns, pod)),
                 qPrintable(shown.first()));
        QVERIFY2(shown.first().contains(QRegularExpression(QStringLiteral(" seq=1\\b"))),
                 qPrintable(shown.first()));
        QCOMPARE(model()->index(0).data().toString(), shown.first()); // one pod: no prefix

        // Following: the harness's next lines arrive without asking.
        const int before = model()->rowCount();
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() >= before + 2, 15000);
        const QStringList later = paneTexts();
        const QStringList printedLater = linesOf(kubectl({QStringLiteral("logs"), pod}));
        QCOMPARE(later, printedLater.mid(0, later.size()));
        QCOMPARE(model()->droppedLines(), 0);
        QVERIFY(!pane()->droppedLabel()->isVisible());
    }

    // Follow off: the log read to its end (Finished), no more lines.
    void followOffReadsToTheEnd()
    {
        pane()->followBox()->setChecked(false);
        QTRY_COMPARE_WITH_TIMEOUT(pane()->stateLabel()->text(), QStringLiteral("End of log"),
                                  15000);
        const QStringList shown = paneTexts();
        QVERIFY(shown.size() >= 2);
        QTest::qWait(2500); // the harness appends meanwhile; a finished read does not grow
        QCOMPARE(paneTexts(), shown);
        QCOMPARE(shown, linesOf(kubectl({QStringLiteral("logs"), pod})).mid(0, shown.size()));
    }

    // Previous: the previous instance's three lines, as kubectl logs --previous.
    void previousContainer()
    {
        pane()->previousBox()->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(pane()->stateLabel()->text(), QStringLiteral("End of log"),
                                  15000);
        QCOMPARE(paneTexts(), linesOf(kubectl({QStringLiteral("logs"), pod, u"--previous"_qs})));
        pane()->previousBox()->setChecked(false);
        pane()->followBox()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > 3, 15000);
    }

    // Search highlights, "Matching only" filters, Copy takes the shown lines.
    void searchAndCopy()
    {
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() >= 3, 15000);
        QTest::keyClicks(pane()->searchEdit(), QStringLiteral("SEQ=2"));
        QCOMPARE(model()->search(), QStringLiteral("SEQ=2"));
        QVERIFY(model()->index(1).data(PodLogModel::MatchRole).toBool()); // seq=2
        QVERIFY(model()->index(1).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model()->index(0).data(PodLogModel::MatchRole).toBool());
        QCOMPARE(pane()->filter()->rowCount(), model()->rowCount()); // highlight only
        pane()->onlyMatchingBox()->setChecked(true);
        QVERIFY(pane()->filter()->rowCount() >= 1);
        QVERIFY(pane()->filter()->rowCount() < model()->rowCount());
        QStringList expected;
        for (int r = 0; r < pane()->filter()->rowCount(); ++r) {
            const QString line = pane()->filter()->index(r, 0).data().toString();
            QVERIFY2(line.contains(QStringLiteral("seq=2")), qPrintable(line));
            expected << line;
        }
        QGuiApplication::clipboard()->clear();
        pane()->view()->clearSelection();
        QCOMPARE(pane()->copyLines(), int(expected.size())); // none selected: all shown lines
        QCOMPARE(QGuiApplication::clipboard()->text(), expected.join(u'\n') + u'\n');
        // One line selected, Ctrl+C in the view.
        pane()->view()->setCurrentIndex(pane()->filter()->index(0, 0));
        pane()->view()->setFocus();
        QTest::keySequence(pane()->view(), QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected.first() + u'\n');
        pane()->onlyMatchingBox()->setChecked(false);
        pane()->searchEdit()->clear();
    }

    // A revision: every pod of it, each line prefixed [pod/NAME/CONTAINER]; and the GUI thread
    // keeps turning while they stream.
    void revisionShowsEveryPodPrefixed()
    {
        auto* revisions = window->findChild<QTreeView*>(QStringLiteral("revisionsView"));
        QVERIFY(revisions);
        const QString revision = QStringLiteral("example-app-v2");
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(revisions, RevisionsModel::NameRole, revision).isValid(),
                                 10000);
        QStringList pods;
        for (int r = 0; r < window->podsModel()->rowCount(); ++r)
            if (window->podsModel()->pod(r).revision == revision)
                pods << window->podsModel()->pod(r).name;
        QVERIFY(!pods.isEmpty());
        pods.sort();
        revisions->setCurrentIndex(rowOf(revisions, RevisionsModel::NameRole, revision));
        QCOMPARE(pane()->target(), QStringLiteral("revision/") + revision);
        QTRY_VERIFY_WITH_TIMEOUT(pane()->streams().size() == pods.size(), 15000);

        // The longest gap between two turns of the event loop while the streams run.
        qint64 longest = 0;
        QElapsedTimer gap, total;
        gap.start();
        total.start();
        QTimer tick;
        tick.setInterval(5);
        connect(&tick, &QTimer::timeout, this, [&] { longest = qMax(longest, gap.restart()); });
        tick.start();
        auto podsSeen = [&] {
            QSet<QString> seen;
            for (const QString& p : paneTexts(PodLogModel::PodRole))
                seen.insert(p);
            QStringList l(seen.begin(), seen.end());
            l.sort();
            return l;
        };
        QTRY_COMPARE_WITH_TIMEOUT(podsSeen(), pods, 20000);
        const int before = model()->rowCount();
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() >= before + int(pods.size()), 15000);
        tick.stop();
        qInfo("longest GUI-thread stall while %lld streams ran for %lld ms: %lld ms",
              qint64(pods.size()), total.elapsed(), longest);
        QVERIFY2(longest < 500, qPrintable(QString::number(longest)));

        for (int r = 0; r < model()->rowCount(); ++r) {
            const QModelIndex i = model()->index(r);
            const QString p = i.data(PodLogModel::PodRole).toString();
            const QString c = i.data(PodLogModel::ContainerRole).toString();
            QCOMPARE(i.data().toString(), QStringLiteral("[pod/%1/%2] %3")
                                              .arg(p, c, i.data(PodLogModel::TextRole).toString()));
            QVERIFY2(i.data(PodLogModel::TextRole)
                         .toString()
                         .startsWith(QStringLiteral("revision=%1 pod=%2/%3 ").arg(revision, ns, p)),
                     qPrintable(i.data().toString()));
        }
        // Each pod's lines, in order, are what kubectl prints for it.
        for (const QString& p : std::as_const(pods)) {
            QStringList mine;
            for (int r = 0; r < model()->rowCount(); ++r)
                if (model()->index(r).data(PodLogModel::PodRole).toString() == p)
                    mine << model()->index(r).data(PodLogModel::TextRole).toString();
            QCOMPARE(mine, linesOf(kubectl({QStringLiteral("logs"), p})).mid(0, mine.size()));
        }
        QTest::keyClicks(pane()->searchEdit(), QStringLiteral("seq=3"));
        guitest::screenshot(window.get(), QStringLiteral("pod-logs"));
    }
};

QTEST_MAIN(TestGuiPodLogs)
#include "tst_gui_podlogs.moc"
