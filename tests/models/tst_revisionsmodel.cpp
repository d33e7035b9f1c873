// RevisionsModel: revisions of the selected app with images, ports, ready/desired replicas and
// the live VirtualService weight. Runs under QAbstractItemModelTester.

#include "fixtures.h"
#include "models/namespacestore.h"
#include "models/revisionsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace veladesk;

class TestRevisionsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void snapshot_data()
    {
        QTest::addColumn<QString>("virtualService");
        QTest::addColumn<bool>("withDeployments");
        QTest::addColumn<QStringList>("replicas");
        QTest::addColumn<QStringList>("weights");
        QTest::newRow("nothing deployed")
            << QString() << false << QStringList{u"-"_qs, u"-"_qs, u"-"_qs}
            << QStringList{u"-"_qs, u"-"_qs, u"-"_qs};
        QTest::newRow("deployed, no VirtualService")
            << QString() << true << QStringList{u"2/3"_qs, u"1/1"_qs, u"-"_qs}
            << QStringList{u"-"_qs, u"-"_qs, u"-"_qs};
        QTest::newRow("split 40/60") << QStringLiteral("virtualservice-drift.json") << true
                                     << QStringList{u"2/3"_qs, u"1/1"_qs, u"-"_qs}
                                     << QStringList{u"40%"_qs, u"60%"_qs, u"0%"_qs};
    }
    void snapshot()
    {
        QFETCH(QString, virtualService);
        QFETCH(bool, withDeployments);
        QFETCH(QStringList, replicas);
        QFETCH(QStringList, weights);
        NamespaceStore store;
        RevisionsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return QDateTime(QDate(2026, 11, 25), QTime(17, 0), Qt::UTC); });
        model.setStore(&store);
        model.setApplication(QStringLiteral("example-app"));
        QList<QJsonObject> virtualServices;
        if (!virtualService.isEmpty()) {
            // named after the AppDeployment, as the engine renders it
            QJsonObject vs = fixtures::object(virtualService);
            QJsonObject meta = vs[QLatin1String("metadata")].toObject();
            meta[QStringLiteral("name")] = QStringLiteral("example-appdeploy");
            vs[QStringLiteral("metadata")] = meta;
            virtualServices << vs;
        }
        fixtures::fill(store, {}, QStringLiteral("applicationrevisions.json"),
                       {fixtures::object(QStringLiteral("appdeployment-split.json"))},
                       withDeployments ? fixtures::items(QStringLiteral("deployments.json"))
                                       : QList<QJsonObject>{},
                       virtualServices);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, RevisionsModel::Name).data().toString(),
                 QStringLiteral("example-app-v1"));
        QCOMPARE(model.index(0, RevisionsModel::Images).data().toString(),
                 QStringLiteral("crccheck/hello-world"));
        QCOMPARE(model.index(0, RevisionsModel::Ports).data().toString(), QStringLiteral("8000"));
        QCOMPARE(model.index(1, RevisionsModel::Ports).data().toString(), QStringLiteral("80"));
        QCOMPARE(model.index(2, RevisionsModel::Ports).data().toString(), QStringLiteral("8080"));
        QCOMPARE(model.index(0, RevisionsModel::Age).data().toString(), QStringLiteral("60m"));
        QStringList gotReplicas, gotWeights;
        for (int i = 0; i < 3; ++i) {
            gotReplicas << model.index(i, RevisionsModel::Replicas).data().toString();
            gotWeights << model.index(i, RevisionsModel::Weight).data().toString();
        }
        QCOMPARE(gotReplicas, replicas);
        QCOMPARE(gotWeights, weights);
        QVERIFY(model.revision(0).inPlan);
        QVERIFY(!model.revision(2).inPlan);
    }

    void updatesInPlaceAndResetsOnAppSwitch()
    {
        NamespaceStore store;
        RevisionsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&store);
        model.setApplication(QStringLiteral("example-app"));
        fixtures::fill(store, {}, QStringLiteral("applicationrevisions.json"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QList<kube::WatchEvent> added;
        for (const QJsonObject& d : fixtures::items(QStringLiteral("deployments.json")))
            added << kube::WatchEvent{kube::WatchEvent::Type::Added, d};
        store.applyEvents(NamespaceStore::Kind::Deployments, added);
        store.flushChanges();
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 2); // v1 and v2 got replicas; v3 unchanged
        model.setApplication(QStringLiteral("lonely"));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("lonely-v1"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // The Age column is relative to now: it must repaint without any new data.
    void agesTickWithoutNewData()
    {
        RevisionsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QDateTime now(QDate(2026, 11, 25), QTime(17, 0), Qt::UTC);
        model.setClock([&now] { return now; });
        NamespaceStore store;
        model.setStore(&store);
        model.setApplication(QStringLiteral("example-app"));
        fixtures::fill(store, {}, QStringLiteral("applicationrevisions.json"));
        QVERIFY(model.rowCount() > 0);
        const QString before = model.index(0, RevisionsModel::Age).data().toString();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        now = now.addSecs(3 * 3600);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 3000); // the timer, not new data
        const QList<QVariant> args = changed.first();
        QCOMPARE(args.at(0).toModelIndex().column(), int(RevisionsModel::Age));
        QCOMPARE(args.at(1).toModelIndex().column(), int(RevisionsModel::Age));
        QCOMPARE(args.at(1).toModelIndex().row(), model.rowCount() - 1);
        QVERIFY(model.index(0, RevisionsModel::Age).data().toString() != before);
        model.clear();
        changed.clear();
        QTest::qWait(1500);
        QCOMPARE(changed.size(), 0); // no rows, no ticks
    }
};

QTEST_MAIN(TestRevisionsModel)
#include "tst_revisionsmodel.moc"
