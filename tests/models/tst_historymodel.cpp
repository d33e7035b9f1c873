// HistoryModel (issue 13, item 2) fed through the NamespaceStore's History kind with the
// ControllerRevisions the API server returned (tests/rollout/history/controllerrevisions.json,
// recorded by tst_rollout_history_cluster): rows newest first, merged in place as watch events
// arrive (a new entry, a finished one, a pruned one), interrupted entries, the timeline and the
// diff. Runs under QAbstractItemModelTester.

#include "models/historymodel.h"
#include "models/namespacestore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace veladesk;
using kube::rollout::HistoryResult;

namespace {

const QString kAd = QStringLiteral("example-appdeploy");

QList<QJsonObject> recorded()
{
    QFile f(QStringLiteral(VELADESK_TEST_SOURCE_DIR) +
            QStringLiteral("/tests/rollout/history/controllerrevisions.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the history fixture");
    QList<QJsonObject> out;
    for (const QJsonValue& v :
         QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("items")).toArray()) {
        QJsonObject o = v.toObject();
        o.insert(QStringLiteral("apiVersion"), QStringLiteral("apps/v1"));
        o.insert(QStringLiteral("kind"), QStringLiteral("ControllerRevision"));
        out << o;
    }
    return out;
}

// A copy of `o` as history revision `revision`, with `result` and weights v1/v2.
QJsonObject asRevision(QJsonObject o, qint64 revision, const QString& result)
{
    QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    meta.insert(QStringLiteral("name"), kube::rollout::historyObjectName(kAd, revision));
    meta.insert(QStringLiteral("resourceVersion"), QString::number(1000 + revision));
    QJsonObject ann = meta.value(QLatin1String("annotations")).toObject();
    ann.insert(QStringLiteral("veladesk.io/result"), result);
    ann.insert(QStringLiteral("veladesk.io/previous-revision"), QString::number(revision - 1));
    meta.insert(QStringLiteral("annotations"), ann);
    o.insert(QStringLiteral("metadata"), meta);
    o.insert(QStringLiteral("revision"), double(revision));
    return o;
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheStore()
    {
        NamespaceStore store;
        HistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&store);
        QCOMPARE(model.rowCount(), 0);
        const QList<QJsonObject> items = recorded();
        QVERIFY(items.size() >= 3);
        store.resetKind(NamespaceStore::Kind::History, items);
        store.flushChanges();
        QCOMPARE(model.rowCount(), 0); // no AppDeployment selected
        model.setAppDeployment(kAd);
        QCOMPARE(model.rowCount(), items.size());
        // Newest first.
        for (int i = 1; i < model.rowCount(); ++i)
            QVERIFY(model.row(i - 1).entry.revision > model.row(i).entry.revision);
        const int first = model.rowOf(1);
        QCOMPARE(first, model.rowCount() - 1);
        QCOMPARE(model.index(first, HistoryModel::Result).data().toString(),
                 QStringLiteral("Succeeded"));
        QCOMPARE(model.index(first, HistoryModel::Tool).data().toString(),
                 QStringLiteral("veladesk-cli"));
        QCOMPARE(model.index(first, HistoryModel::Weights).data().toString(),
                 QStringLiteral("v1 100%"));
        QCOMPARE(model.index(first, HistoryModel::Weights).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("example-app-v1=100"));
        QCOMPARE(model.index(first, HistoryModel::Revision)
                     .data(HistoryModel::RevisionRole)
                     .toLongLong(),
                 1);
        QVERIFY(model.index(first, HistoryModel::Who).data().toString().contains(QLatin1Char('@')));

        // A new apply: inserted at the top (not a reset), Running while it is the newest.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const qint64 next = model.row(0).entry.revision + 1;
        const QJsonObject running = asRevision(items.first(), next, QStringLiteral("Running"));
        store.applyEvents(NamespaceStore::Kind::History,
                          {kube::WatchEvent{kube::WatchEvent::Type::Added, running}});
        store.flushChanges();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.row(0).entry.revision, next);
        QCOMPARE(model.index(0, HistoryModel::Result).data().toString(), QStringLiteral("Running"));

        // Another apply started without this one finishing: it was interrupted.
        store.applyEvents(
            NamespaceStore::Kind::History,
            {kube::WatchEvent{kube::WatchEvent::Type::Added,
                              asRevision(items.first(), next + 1, QStringLiteral("Running"))}});
        store.flushChanges();
        QCOMPARE(model.index(1, HistoryModel::Result).data().toString(),
                 QStringLiteral("Interrupted"));
        // It finishes: updated in place.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        store.applyEvents(
            NamespaceStore::Kind::History,
            {kube::WatchEvent{kube::WatchEvent::Type::Modified,
                              asRevision(items.first(), next + 1, QStringLiteral("Failed"))}});
        store.flushChanges();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, HistoryModel::Result).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.index(0, HistoryModel::Result).data(HistoryModel::ResultRole).toString(),
                 QStringLiteral("Failed"));

        // The oldest is pruned.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        store.applyEvents(NamespaceStore::Kind::History,
                          {kube::WatchEvent{kube::WatchEvent::Type::Deleted, items.first()}});
        store.flushChanges();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowOf(1), -1);

        // Another AppDeployment's history is not shown; "" shows none.
        model.setAppDeployment(QStringLiteral("other"));
        QCOMPARE(model.rowCount(), 0);
        model.setAppDeployment(QString());
        QCOMPARE(model.rowCount(), 0);
    }

    void timelineAndDiff()
    {
        NamespaceStore store;
        HistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(&store);
        model.setAppDeployment(kAd);
        store.resetKind(NamespaceStore::Kind::History, recorded());
        store.flushChanges();
        const QList<HistoryModel::Series> t = model.timeline();
        QCOMPARE(t.size(), 2);
        QCOMPARE(t.at(0).revisionName, QStringLiteral("example-app-v1"));
        QCOMPARE(t.at(1).revisionName, QStringLiteral("example-app-v2"));
        QCOMPARE(t.at(0).points.size(), model.rowCount());
        // Recorded: 100, 50/50, 10/90 (tst_rollout_history_cluster's three applies).
        QCOMPARE(t.at(0).points.at(0), qMakePair(qint64(1), 100));
        QCOMPARE(t.at(1).points.at(0), qMakePair(qint64(1), 0));
        QCOMPARE(t.at(0).points.at(1), qMakePair(qint64(2), 50));
        QCOMPARE(t.at(1).points.at(2), qMakePair(qint64(3), 90));
        const QString d = model.diff(2, 3);
        QVERIFY2(d.contains(QStringLiteral("-      weight: 50")), qPrintable(d));
        QVERIFY2(d.contains(QStringLiteral("+      weight: 90")), qPrintable(d));
        QVERIFY2(d.contains(QStringLiteral("example-appdeploy revision 3")), qPrintable(d));
        QVERIFY(model.diff(2, 2).isEmpty());
        QVERIFY(model.diff(2, 99).isEmpty());
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
