// ClusterSession against the local control plane: connects (discovery, server version,
// namespaces), fills its NamespaceStore from one watch per kind, hands the pods on, and drops
// answers that arrive for a namespace the operator already left (quick switches A -> B and
// B -> A).

#include "models/clustersession.h"
#include "models/logmodel.h"
#include "models/podsmodel.h"
#include "tests/gui/scenario.h"

#include <QSignalSpy>
#include <QTest>

using namespace veladesk;

class TestClusterSession : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> client;
    QString ns;
    QString kubeconfig;

private Q_SLOTS:
    void initTestCase()
    {
        kubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        if (kubeconfig.isEmpty())
            QSKIP("VELADESK_TEST_KUBECONFIG is not set (run through ctest: integration label)");
        kube::KubeConfigOptions options;
        options.kubeconfigPath = kubeconfig;
        auto connected = kube::connect(options);
        QVERIFY2(connected.ok(), qPrintable(connected.status.toString()));
        client = connected.value;
        ns = QStringLiteral("session-%1").arg(QDateTime::currentSecsSinceEpoch());
        QVERIFY(guitest::wait(client->create(kube::ResourceType::namespaces(), {},
                                             guitest::namespaceObject(ns)))
                    .ok());
        const QString failed = guitest::loadReferenceScenario(client, ns);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
    void cleanupTestCase()
    {
        if (client && !ns.isEmpty())
            guitest::wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
    }

    void connectListAndWatch()
    {
        PodsModel pods;
        ClusterSession session;
        connect(session.store(), &NamespaceStore::podsReset, &pods, &PodsModel::setPods);
        connect(session.store(), &NamespaceStore::podEvents, &pods, &PodsModel::enqueue);
        kube::KubeConfigOptions options;
        options.kubeconfigPath = kubeconfig;
        QVERIFY(session.loadKubeConfig(options).ok());
        QCOMPARE(session.state(), ClusterSession::State::Disconnected);
        QVERIFY(!session.contexts().isEmpty());
        QSignalSpy version(&session, &ClusterSession::serverVersionChanged);
        QSignalSpy namespaces(&session, &ClusterSession::namespacesChanged);
        session.connectTo({}, ns);
        QCOMPARE(session.state(), ClusterSession::State::Connecting); // returns at once
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 20000);
        QVERIFY(session.serverVersion().startsWith(QLatin1Char('v')));
        QTRY_VERIFY_WITH_TIMEOUT(session.namespaces().contains(ns), 20000);
        const NamespaceStore* store = session.store();
        QTRY_VERIFY_WITH_TIMEOUT(!store->applications().isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isLoading(), 20000);
        QCOMPARE(store->revisions().size(), 2);
        QCOMPARE(store->appDeployments().size(), 1);
        QCOMPARE(store->deployments().size(), 2);
        QCOMPARE(store->virtualServices().size(), 1);
        QVERIFY(store->appDeploymentFor(QStringLiteral("example-app")));
        for (auto kind : {NamespaceStore::Kind::Applications, NamespaceStore::Kind::Services,
                          NamespaceStore::Kind::Pods, NamespaceStore::Kind::Events})
            QVERIFY(store->isWatched(kind));
        QTRY_COMPARE_WITH_TIMEOUT(pods.rowCount(), 2, 20000);
    }

    void staleAnswersAreDropped_data()
    {
        QTest::addColumn<bool>("endInScenario");
        QTest::newRow("scenario -> empty") << false;
        QTest::newRow("empty -> scenario") << true;
    }
    void staleAnswersAreDropped()
    {
        QFETCH(bool, endInScenario);
        PodsModel pods;
        ClusterSession session;
        connect(session.store(), &NamespaceStore::podsReset, &pods, &PodsModel::setPods);
        connect(session.store(), &NamespaceStore::podEvents, &pods, &PodsModel::enqueue);
        kube::KubeConfigOptions options;
        options.kubeconfigPath = kubeconfig;
        QVERIFY(session.loadKubeConfig(options).ok());
        const QString empty = ns + QStringLiteral("-none");
        const QString target = endInScenario ? ns : empty;
        // switch namespace the moment the first lists are sent: their answers are in flight
        bool switched = false;
        connect(&session, &ClusterSession::loadingChanged, this, [&](bool loading) {
            if (loading && !switched) {
                switched = true;
                QVERIFY(session.isLoading());
                session.setNamespace(target);
            }
        });
        session.connectTo({}, endInScenario ? empty : ns);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 20000);
        QVERIFY(switched);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isLoading(), 20000);
        QTest::qWait(500); // answers of the old namespace would land here
        QCOMPARE(session.currentNamespace(), endInScenario ? ns : empty);
        QCOMPARE(session.store()->applications().isEmpty(), !endInScenario);
        QTRY_COMPARE_WITH_TIMEOUT(pods.rowCount(), endInScenario ? 2 : 0, 20000);
        QTest::qWait(300);
        QCOMPARE(pods.rowCount(), endInScenario ? 2 : 0);
    }
};

QTEST_MAIN(TestClusterSession)
#include "tst_clustersession.moc"
