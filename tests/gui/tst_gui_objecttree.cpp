// The Objects dock (issue 15) of the real window against the local control plane (label
// `integration`): the reference scenario's tree with live health, the details of a selected
// object (YAML as the server has it with managedFields folded, events, owner, containers),
// search and "unhealthy only" from the keyboard, and the tree turning Degraded, live from the
// watches, when testsvc-v2's image is set to one that never pulls (the KWOK stage
// pod-image-pull-backoff). With VELADESK_SCREENSHOT_DIR set it saves objects-healthy.png and
// objects-broken.png.

#include "guitest.h"
#include "models/clustersession.h"
#include "models/objectdetails.h"
#include "models/objecttreefilter.h"
#include "models/objecttreemodel.h"
#include "ui/mainwindow.h"
#include "ui/objectdetailspane.h"
#include "ui/objecttreepane.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace veladesk;
using Health = kube::rollout::Health;

class TestGuiObjectTree : public QObject
{
    Q_OBJECT
    QString kubeconfig;
    QString ns;
    std::shared_ptr<kube::Client> client;
    std::unique_ptr<MainWindow> window;

    ObjectTreePane* pane() const { return window->objectTreePane(); }
    ObjectTreeModel* model() const { return pane()->model(); }

    int kubectl(const QStringList& args)
    {
        QString program = qEnvironmentVariable("VELADESK_KUBECTL");
        if (program.isEmpty())
            program = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        QProcess p;
        p.start(program, args + QStringList{QStringLiteral("--kubeconfig"), kubeconfig,
                                            QStringLiteral("-n"), ns});
        // The window keeps running meanwhile. Bounded, as in tst_gui_podlogs: a kubectl that
        // did not start or does not end is a failure that says so, not a hang until the test
        // function's 300 s timeout (one CI run hung here once).
        QElapsedTimer t;
        t.start();
        while (p.state() != QProcess::NotRunning && !p.waitForFinished(10) && t.elapsed() < 60000)
            QTest::qWait(10);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
            qWarning() << "kubectl" << args
                       << "did not finish within 60 s:" << p.readAllStandardError();
            return -1;
        }
        if (p.error() == QProcess::FailedToStart) {
            qWarning() << "kubectl" << program << "did not start:" << p.errorString();
            return -1;
        }
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            qWarning() << "kubectl" << args << p.errorString() << p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QModelIndex proxyIndexOf(const QString& kind, const QString& name) const
    {
        return pane()->filter()->mapFromSource(model()->find(kind, name));
    }
    QString selectedName() const
    {
        return pane()->view()->currentIndex().data(ObjectTreeModel::NameRole).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        kubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        if (kubeconfig.isEmpty())
            QSKIP("VELADESK_TEST_KUBECONFIG is not set (run through ctest: integration label)");
        kube::KubeConfigOptions options;
        options.kubeconfigPath = kubeconfig;
        auto connected = kube::connect(options);
        QVERIFY2(connected.ok(), qPrintable(connected.status.toString()));
        client = connected.value;
        ns = QStringLiteral("gui-tree-%1").arg(QDateTime::currentSecsSinceEpoch());
        auto created = guitest::wait(
            client->create(kube::ResourceType::namespaces(), {}, guitest::namespaceObject(ns)));
        QVERIFY2(created.ok(), qPrintable(created.status.toString()));
        const QString failed = guitest::loadReferenceScenario(client, ns);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        options.namespaceName = ns;
        window = std::make_unique<MainWindow>(options);
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ClusterSession::State::Connected,
                                  20000);
        new QAbstractItemModelTester(model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        new QAbstractItemModelTester(pane()->filter(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    }

    void cleanupTestCase()
    {
        window.reset();
        if (client && !ns.isEmpty())
            guitest::wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
    }

    void healthyTreeAndDetails()
    {
        // The Objects dock, tabified with the others, brought to the front.
        auto* dock = window->findChild<QDockWidget*>(QStringLiteral("objectsDock"));
        QVERIFY(dock);
        dock->show();
        dock->raise();
        QTRY_VERIFY_WITH_TIMEOUT(dock->isVisible() && !dock->visibleRegion().isEmpty(), 5000);
        window->resizeDocks({dock}, {520}, Qt::Vertical); // room for the tree (and screenshots)
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() == 1, 30000);
        // 15 objects: Application, 2 revisions, AppDeployment, 2 x (Deployment, ReplicaSet, Pod,
        // Service, EndpointSlice), VirtualService (its Gateway is a link).
        QTRY_VERIFY_WITH_TIMEOUT(model()->summary().healthy() && model()->summary().nodes >= 15,
                                 60000);
        QVERIFY2(pane()->summaryLabel()->text().contains(QLatin1String("healthy")),
                 qPrintable(pane()->summaryLabel()->text()));

        // Select the v1 Deployment: details read its YAML from the server, managedFields
        // folded; its owner (the AppDeployment) and owned ReplicaSet are listed.
        QVERIFY(pane()->selectObject(QStringLiteral("Deployment"), QStringLiteral("testsvc-v1")));
        QCOMPARE(selectedName(), QStringLiteral("testsvc-v1"));
        QTRY_COMPARE_WITH_TIMEOUT(pane()->details()->state(), ObjectDetails::State::Loaded, 20000);
        const QString yaml = pane()->detailsPane()->yamlView()->toPlainText();
        QVERIFY2(yaml.contains(QLatin1String("kind: Deployment")) &&
                     yaml.contains(QLatin1String("name: testsvc-v1")),
                 qPrintable(yaml.left(400)));
        QVERIFY2(!yaml.contains(QLatin1String("\n  managedFields:")), qPrintable(yaml.left(400)));
        QVERIFY2(yaml.startsWith(QLatin1String("# metadata.managedFields: ")),
                 "the fold is said in a comment");
        pane()->detailsPane()->managedFieldsToggle()->setChecked(true);
        QTRY_VERIFY(pane()->detailsPane()->yamlView()->toPlainText().contains(
            QLatin1String("\n  managedFields:")));
        pane()->detailsPane()->managedFieldsToggle()->setChecked(false);
        QVERIFY(pane()->detailsPane()->yamlView()->isReadOnly());
        QTest::mouseClick(pane()->detailsPane()->copyButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 pane()->detailsPane()->yamlView()->toPlainText());
        bool ownerListed = false;
        for (int i = 0; i < pane()->detailsPane()->ownersView()->count(); ++i)
            ownerListed =
                ownerListed || pane()->detailsPane()->ownersView()->item(i)->text().contains(
                                   QLatin1String("example-appdeploy"));
        QVERIFY(ownerListed);
        QTRY_VERIFY(pane()->detailsPane()->ownedView()->count() >= 1);
        // Its events (ScalingReplicaSet from the deployment controller).
        QTRY_VERIFY_WITH_TIMEOUT(pane()->detailsPane()->eventsView()->toPlainText().contains(
                                     QLatin1String("ScalingReplicaSet")),
                                 30000);

        // Search from the keyboard: Ctrl+F, type, Enter goes to the first match.
        pane()->view()->setFocus();
        QTest::keyClick(pane()->view(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(pane()->searchField()->hasFocus());
        QTest::keyClicks(pane()->searchField(), QStringLiteral("pod/testsvc-v2"));
        QTest::keyClick(pane()->searchField(), Qt::Key_Return);
        QTRY_COMPARE(pane()->view()->currentIndex().data(ObjectTreeModel::KindRole).toString(),
                     QStringLiteral("Pod"));
        QVERIFY(selectedName().startsWith(QLatin1String("testsvc-v2-")));
        // The pod's containers.
        QTRY_VERIFY(pane()->detailsPane()->containersView()->topLevelItemCount() == 1);
        QCOMPARE(pane()->detailsPane()->containersView()->topLevelItem(0)->text(0),
                 QStringLiteral("testsvc"));
        QTest::keyClick(pane()->searchField(), Qt::Key_Escape);
        QTRY_VERIFY(pane()->searchField()->text().isEmpty());
        QVERIFY(pane()->selectObject(QStringLiteral("AppDeployment"),
                                     QStringLiteral("example-appdeploy")));
        QTest::qWait(300);
        guitest::screenshot(window.get(), QStringLiteral("objects-healthy"));
    }

    void brokenImageShowsLive()
    {
        QCOMPARE(kubectl({QStringLiteral("set"), QStringLiteral("image"),
                          QStringLiteral("deployment/testsvc-v2"),
                          QStringLiteral("testsvc=registry.invalid/testsvc:never")}),
                 0);
        // From the watches, no reload.
        QTRY_VERIFY_WITH_TIMEOUT(!model()->summary().healthy(), 60000);
        const QStringList problems = model()->summary().problems;
        QVERIFY2(problems.size() == 1 && problems[0].startsWith(QLatin1String("Pod/testsvc-v2-")) &&
                     problems[0].contains(QLatin1String("ImagePullBackOff")),
                 qPrintable(problems.join(QLatin1Char('\n'))));
        const QString badPod =
            problems[0].section(QLatin1Char(':'), 0, 0).section(QLatin1Char('/'), 1);

        // Unhealthy only (Alt+U), then F3 goes to the problem.
        pane()->view()->setFocus();
        QTest::keyClick(pane()->view(), Qt::Key_U, Qt::AltModifier);
        QTRY_VERIFY(pane()->unhealthyOnly()->isChecked());
        QTest::keyClick(pane()->view(), Qt::Key_F3);
        QTRY_COMPARE(selectedName(), badPod);
        QTRY_VERIFY_WITH_TIMEOUT(pane()->detailsPane()->messageLabel()->text().contains(
                                     QLatin1String("registry.invalid")),
                                 20000);
        QCOMPARE(pane()->detailsPane()->messageLabel()->textFormat(), Qt::PlainText);
        QTRY_VERIFY(pane()->detailsPane()->containersView()->topLevelItemCount() == 1);
        bool reasonShown = false;
        const QTreeWidgetItem* c = pane()->detailsPane()->containersView()->topLevelItem(0);
        for (int col = 0; col < c->columnCount(); ++col)
            reasonShown = reasonShown || c->text(col).contains(QLatin1String("ImagePullBackOff"));
        QVERIFY(reasonShown);
        QTest::keyClick(pane()->view(), Qt::Key_U, Qt::AltModifier);
        QTRY_VERIFY(!pane()->unhealthyOnly()->isChecked());
        QCOMPARE(selectedName(), badPod); // the selection survives the filter change
        QTest::qWait(300);
        guitest::screenshot(window.get(), QStringLiteral("objects-broken"));
    }
};

QTEST_MAIN(TestGuiObjectTree)
#include "tst_gui_objecttree.moc"
