// ApplicationsModel: apps with revision counts, latest revision, driving AppDeployment and
// phase; snapshots merged without resets. Runs under QAbstractItemModelTester.

#include "fixtures.h"
#include "models/applicationsmodel.h"
#include "models/namespacestore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace veladesk;

class TestApplicationsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void snapshot_data()
    {
        QTest::addColumn<QString>("appDeployment"); // fixture or ""
        QTest::addColumn<QString>("exampleDeploy");
        QTest::addColumn<QString>("examplePhase");
        QTest::newRow("no AppDeployment") << QString() << QStringLiteral("none") << QString();
        QTest::newRow("split, completed")
            << QStringLiteral("appdeployment-split.json") << QStringLiteral("example-appdeploy")
            << QStringLiteral("Completed");
        QTest::newRow("v1 only, rolling")
            << QStringLiteral("appdeployment-v1-only.json") << QStringLiteral("example-appdeploy")
            << QStringLiteral("Rolling");
        QTest::newRow("failed") << QStringLiteral("appdeployment-failed.json")
                                << QStringLiteral("example-appdeploy") << QStringLiteral("Failed");
    }
    void snapshot()
    {
        QFETCH(QString, appDeployment);
        QFETCH(QString, exampleDeploy);
        QFETCH(QString, examplePhase);
        NamespaceStore store;
        ApplicationsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&store);
        QList<QJsonObject> ads;
        if (!appDeployment.isEmpty())
            ads << fixtures::object(appDeployment);
        fixtures::fill(store, QStringLiteral("applications.json"),
                       QStringLiteral("applicationrevisions.json"), ads);
        QCOMPARE(model.rowCount(), 2);
        const int row = model.rowOf(QStringLiteral("example-app"));
        QCOMPARE(row, 0); // sorted by name
        QCOMPARE(model.index(row, ApplicationsModel::Revisions).data().toInt(), 3);
        // status says v2, but v3 is recorded: the highest revision wins
        QCOMPARE(model.index(row, ApplicationsModel::Latest).data().toString(),
                 QStringLiteral("example-app-v3"));
        QCOMPARE(model.index(row, ApplicationsModel::AppDeployment).data().toString(),
                 exampleDeploy);
        QCOMPARE(model.index(row, ApplicationsModel::Phase).data().toString(), examplePhase);
        const int lonely = model.rowOf(QStringLiteral("lonely"));
        QCOMPARE(model.index(lonely, ApplicationsModel::Revisions).data().toInt(), 1);
        QCOMPARE(model.index(lonely, ApplicationsModel::AppDeployment).data().toString(),
                 QStringLiteral("none"));
        if (examplePhase == QLatin1String("Failed"))
            QCOMPARE(
                fixtures::shownText(
                    model.index(row, ApplicationsModel::Phase).data(Qt::ToolTipRole).toString()),
                QStringLiteral("Deployment testsvc-v2 has 0 ready pods"));
    }

    // Issue 8: the Phase column says "apply in progress by <holder> since <time>" while a live
    // apply Lease exists, and "Rolling (interrupted)" once it expired or was deleted with the
    // phase left Rolling; each change is a dataChanged of that row, never a reset. Recorded from
    // a `veladesk apply` killed while it waited for readiness.
    void applyActivity()
    {
        using Kind = NamespaceStore::Kind;
        using kube::rollout::ApplyActivity;
        NamespaceStore store;
        const QJsonObject leaseObject = fixtures::object(QStringLiteral("applylease-cli.json"));
        const QDateTime renewed = kube::rollout::ApplyLeaseInfo::fromJson(leaseObject)->renewTime;
        QDateTime now = renewed.addSecs(3);
        store.setClock([&now] { return now; });
        ApplicationsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&store);
        fixtures::fill(store, QStringLiteral("applications.json"),
                       QStringLiteral("applicationrevisions.json"),
                       {fixtures::object(QStringLiteral("appdeployment-interrupted.json"))});
        const int row = model.rowOf(QStringLiteral("example-app"));
        const QModelIndex phase = model.index(row, ApplicationsModel::Phase);
        // the Leases are not listed yet: the phase as it is
        QCOMPARE(phase.data().toString(), QStringLiteral("Rolling"));
        QCOMPARE(phase.data(ApplicationsModel::ActivityRole).toInt(), int(ApplyActivity::Idle));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        store.resetKind(Kind::ApplyLeases, {leaseObject});
        store.flushChanges();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toModelIndex().row(), row);
        QCOMPARE(phase.data(ApplicationsModel::ActivityRole).toInt(),
                 int(ApplyActivity::InProgress));
        const QString since =
            renewed.toLocalTime().toString(renewed.toLocalTime().date() == QDate::currentDate()
                                               ? QStringLiteral("HH:mm:ss")
                                               : QStringLiteral("yyyy-MM-dd HH:mm"));
        QCOMPARE(phase.data().toString(),
                 QStringLiteral("apply in progress by\nroot@vm (veladesk-cli)\nsince ") + since);
        const QString tip = fixtures::shownText(phase.data(Qt::ToolTipRole).toString());
        QVERIFY2(tip.startsWith(QLatin1String("Apply in progress by root@vm (veladesk-cli, pid "
                                              "5581, d757) since 2026-12-02T02:12:34Z (Lease "
                                              "veladesk-apply-example-appdeploy")),
                 qPrintable(tip));
        QVERIFY(phase.data(Qt::ForegroundRole).isValid());

        // the Lease expires (no event): interrupted
        changed.clear();
        now = renewed.addSecs(31);
        store.setClock([&now] { return now; });
        store.flushChanges();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(phase.data(ApplicationsModel::ActivityRole).toInt(),
                 int(ApplyActivity::Interrupted));
        QCOMPARE(phase.data().toString(), QStringLiteral("Rolling (interrupted)"));
        QVERIFY2(fixtures::shownText(phase.data(Qt::ToolTipRole).toString())
                     .contains(QLatin1String("the Lease of root@vm (veladesk-cli, pid 5581, "
                                             "d757) expired at 2026-12-02T02:13:04Z")),
                 qPrintable(phase.data(Qt::ToolTipRole).toString()));

        // the apply is finished by someone: phase Completed, Lease gone
        kube::rollout::AppDeploymentPlan done =
            fixtures::plan(QStringLiteral("appdeployment-interrupted.json"));
        done.status.phase = QStringLiteral("Completed");
        done.status.conditions.clear();
        QJsonObject doneObject = done.toJson();
        doneObject[QStringLiteral("status")] = done.status.toJson();
        store.applyEvents(Kind::AppDeployments, {{kube::WatchEvent::Type::Modified, doneObject}});
        store.applyEvents(Kind::ApplyLeases, {{kube::WatchEvent::Type::Deleted, leaseObject}});
        store.flushChanges();
        QCOMPARE(phase.data().toString(), QStringLiteral("Completed"));
        QCOMPARE(phase.data(ApplicationsModel::ActivityRole).toInt(), int(ApplyActivity::Idle));
        QCOMPARE(reset.size(), 0);
    }

    // Watch events change rows in place and insert/remove only what changed.
    void incrementalUpdates()
    {
        using Kind = NamespaceStore::Kind;
        NamespaceStore store;
        ApplicationsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&store);
        const auto apps = fixtures::items(QStringLiteral("applications.json"));
        const auto revs = fixtures::items(QStringLiteral("applicationrevisions.json"));
        fixtures::fill(store, QStringLiteral("applications.json"),
                       QStringLiteral("applicationrevisions.json"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        store.applyEvents(Kind::AppDeployments,
                          {{kube::WatchEvent::Type::Added,
                            fixtures::object(QStringLiteral("appdeployment-split.json"))}});
        QCOMPARE(changed.size(), 0); // delivered at the end of the frame
        QSignalSpy done(&store, &NamespaceStore::changesDone);
        QVERIFY(done.wait(1000));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().row(), 0);
        QCOMPARE(inserted.size(), 0);

        // a new app "alpha" sorts first; "lonely" disappears
        QJsonObject alpha = apps[1];
        QJsonObject meta = alpha[QLatin1String("metadata")].toObject();
        meta[QStringLiteral("name")] = QStringLiteral("alpha");
        alpha[QStringLiteral("metadata")] = meta;
        QList<kube::WatchEvent> revEvents;
        for (const QJsonObject& r : revs)
            if (r[QLatin1String("metadata")]
                    .toObject()[QLatin1String("name")]
                    .toString()
                    .startsWith(QLatin1String("lonely")))
                revEvents << kube::WatchEvent{kube::WatchEvent::Type::Deleted, r};
        store.applyEvents(Kind::Applications, {{kube::WatchEvent::Type::Added, alpha},
                                               {kube::WatchEvent::Type::Deleted, apps[1]}});
        store.applyEvents(Kind::ApplicationRevisions, revEvents);
        store.applyEvents(Kind::AppDeployments,
                          {{kube::WatchEvent::Type::Deleted,
                            fixtures::object(QStringLiteral("appdeployment-split.json"))}});
        store.flushChanges();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("alpha"));
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("example-app"));
        QCOMPARE(model.index(0, ApplicationsModel::Revisions).data().toInt(), 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestApplicationsModel)
#include "tst_applicationsmodel.moc"
