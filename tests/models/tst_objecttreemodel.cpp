// ObjectTreeModel and ObjectTreeFilter (issue 15) under QAbstractItemModelTester, fed through a
// NamespaceStore with objects recorded from the local control plane (fixtures/tree-healthy.json:
// the reference scenario's 50/50 split; fixtures/tree-broken.json: the same namespace after
// testsvc-v2's image was set to one that never pulls, a Service selecting no pod was added and
// the Service of example-app-v2 was deleted). Updates must be keyed and in place: no model
// reset, persistent indexes of unchanged rows survive.

#include "fixtures.h"
#include "models/namespacestore.h"
#include "models/objecttreefilter.h"
#include "models/objecttreemodel.h"
#include "models/podsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using veladesk::NamespaceStore;
using veladesk::ObjectTreeFilter;
using veladesk::ObjectTreeModel;
using Health = kube::rollout::Health;
using Kind = NamespaceStore::Kind;

namespace {

const QString kApp = QStringLiteral("example-app");

Kind storeKind(const QJsonObject& o)
{
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("Application"))
        return Kind::Applications;
    if (kind == QLatin1String("ApplicationRevision"))
        return Kind::ApplicationRevisions;
    if (kind == QLatin1String("AppDeployment"))
        return Kind::AppDeployments;
    if (kind == QLatin1String("Deployment"))
        return Kind::Deployments;
    if (kind == QLatin1String("ReplicaSet"))
        return Kind::ReplicaSets;
    if (kind == QLatin1String("Service"))
        return Kind::Services;
    if (kind == QLatin1String("EndpointSlice"))
        return Kind::EndpointSlices;
    if (kind == QLatin1String("VirtualService"))
        return Kind::VirtualServices;
    if (kind == QLatin1String("Gateway"))
        return Kind::IstioGateways;
    if (kind == QLatin1String("Pod"))
        return Kind::Pods;
    qFatal("fixture: unexpected kind %s", qPrintable(kind));
}

QMap<Kind, QList<QJsonObject>> byKind(const QString& fixture)
{
    QMap<Kind, QList<QJsonObject>> out;
    for (const QJsonObject& o : fixtures::items(fixture))
        out[storeKind(o)] << o;
    return out;
}

// Every row that matches the filter by itself, in order (nextMatch wraps around).
QList<QModelIndex> allMatches(const ObjectTreeFilter& f)
{
    QList<QModelIndex> out;
    const QModelIndex first = f.firstMatch();
    for (QModelIndex i = first; i.isValid() && (out.isEmpty() || i != first); i = f.nextMatch(i))
        out << i;
    return out;
}

QString nameOf(const QJsonObject& o)
{
    return o[QLatin1String("metadata")][QLatin1String("name")].toString();
}

// Watch events that turn `from` into `to` (per kind: added, modified, deleted).
QList<kube::WatchEvent> diffEvents(const QList<QJsonObject>& from, const QList<QJsonObject>& to)
{
    QMap<QString, QJsonObject> before, after;
    for (const QJsonObject& o : from)
        before.insert(nameOf(o), o);
    for (const QJsonObject& o : to)
        after.insert(nameOf(o), o);
    QList<kube::WatchEvent> out;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            out << kube::WatchEvent{kube::WatchEvent::Type::Added, it.value()};
        else if (before.value(it.key()) != it.value())
            out << kube::WatchEvent{kube::WatchEvent::Type::Modified, it.value()};
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        if (!after.contains(it.key()))
            out << kube::WatchEvent{kube::WatchEvent::Type::Deleted, it.value()};
    return out;
}

// Every row as "indent kind/name health" (depth first).
void dump(const QAbstractItemModel& m, const QModelIndex& parent, int depth, QStringList* out)
{
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        *out << QString(depth * 2, QLatin1Char(' ')) +
                    m.data(i, ObjectTreeModel::KindRole).toString() + QLatin1Char('/') +
                    m.data(i, ObjectTreeModel::NameRole).toString() + QLatin1Char(' ') +
                    kube::rollout::healthName(
                        Health(m.data(i, ObjectTreeModel::HealthRole).toInt()));
        dump(m, i, depth + 1, out);
    }
}

QStringList dump(const QAbstractItemModel& m)
{
    QStringList out;
    dump(m, {}, 0, &out);
    return out;
}

} // namespace

class TestObjectTreeModel : public QObject
{
    Q_OBJECT

    NamespaceStore* m_store = nullptr;
    ObjectTreeModel* m_model = nullptr;

    void load(const QString& fixture)
    {
        const QMap<Kind, QList<QJsonObject>> objects = byKind(fixture);
        for (Kind k : {Kind::Applications, Kind::ApplicationRevisions, Kind::AppDeployments,
                       Kind::Deployments, Kind::ReplicaSets, Kind::Services, Kind::EndpointSlices,
                       Kind::VirtualServices, Kind::IstioGateways, Kind::Pods})
            m_store->resetKind(k, objects.value(k));
        m_store->flushChanges();
        m_model->refresh();
    }

    // n copies of the healthy fixture's first pod (names and uids made unique), all owned by
    // its ReplicaSet (named in *rs).
    static QList<QJsonObject> manyPods(int n, QString* rs)
    {
        const QJsonObject pod =
            byKind(QStringLiteral("tree-healthy.json")).value(Kind::Pods).first();
        *rs = pod[QLatin1String("metadata")][QLatin1String("ownerReferences")][0]
                 [QLatin1String("name")]
                     .toString();
        QList<QJsonObject> list;
        for (int i = 0; i < n; ++i) {
            QJsonObject p = pod;
            QJsonObject m = p[QLatin1String("metadata")].toObject();
            m[QLatin1String("name")] = QStringLiteral("%1-%2").arg(nameOf(pod)).arg(i);
            m[QLatin1String("uid")] = QStringLiteral("uid-%1").arg(i);
            p[QLatin1String("metadata")] = m;
            list << p;
        }
        return list;
    }

private Q_SLOTS:
    // The pods watch keeps only PodRow::slim() of each pod (issue 11); the tree reads the same
    // watch: every health rule's input survives the slimming (owners, all labels, restart
    // policy, conditions, container images, states and last states).
    void slimPodsKeepWhatTheTreeReads()
    {
        for (const QString& fixture :
             {QStringLiteral("tree-healthy.json"), QStringLiteral("tree-broken.json")}) {
            const QList<QJsonObject> pods = byKind(fixture).value(Kind::Pods);
            QVERIFY(!pods.isEmpty());
            for (const QJsonObject& pod : pods) {
                const QJsonObject slim = veladesk::PodRow::slim(pod);
                QCOMPARE(kube::rollout::PodState::fromJson(slim),
                         kube::rollout::PodState::fromJson(pod));
                QVERIFY(QJsonDocument(slim).toJson().size() < QJsonDocument(pod).toJson().size());
            }
        }
    }

    void init()
    {
        m_store = new NamespaceStore(this);
        m_model = new ObjectTreeModel(this);
        new QAbstractItemModelTester(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, m_model);
        m_model->setClock([] { return QDateTime(QDate(2026, 12, 2), QTime(3, 0), Qt::UTC); });
        m_model->setStore(m_store);
        m_model->setApplication(kApp);
    }
    void cleanup()
    {
        delete m_model;
        delete m_store;
    }

    void healthyTree()
    {
        load(QStringLiteral("tree-healthy.json"));
        QCOMPARE(m_model->rowCount(), 1);
        QVERIFY(m_model->summary().healthy());
        const QStringList rows = dump(*m_model);
        QVERIFY2(rows.contains(QStringLiteral("        Pod/testsvc-v2-7b85757595-25j7j Healthy")),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(rows.contains(QStringLiteral("    VirtualService/example-appdeploy Healthy")),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        const QModelIndex vs =
            m_model->find(QStringLiteral("VirtualService"), QStringLiteral("example-appdeploy"));
        QVERIFY(vs.isValid());
        QCOMPARE(m_model->rowCount(vs), 3); // its Gateway and two Services (links)
        QCOMPARE(m_model->index(0, ObjectTreeModel::Kind, vs).data().toString(),
                 QStringLiteral("Gateway"));
        QVERIFY(m_model->index(1, ObjectTreeModel::Name, vs)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("→ ")));
        QCOMPARE(m_model->columnCount(), int(ObjectTreeModel::ColumnCount));
        // Selecting another application, then none: rows removed, never a reset.
        QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
        m_model->setApplication(QString());
        m_model->refresh();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(resets.size(), 0);
    }

    void updatesInPlace()
    {
        load(QStringLiteral("tree-healthy.json"));
        const QModelIndex v1pod =
            m_model->find(QStringLiteral("Pod"), QStringLiteral("testsvc-v1-7b4dcbfc76-nxg88"));
        const QModelIndex v2dep =
            m_model->find(QStringLiteral("Deployment"), QStringLiteral("testsvc-v2"));
        QVERIFY(v1pod.isValid() && v2dep.isValid());
        const QPersistentModelIndex keepPod(v1pod), keepDep(v2dep);
        const int depRows = m_model->rowCount(v2dep);
        QCOMPARE(depRows, 1);

        QSignalSpy resets(m_model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy layouts(m_model, &QAbstractItemModel::layoutAboutToBeChanged);
        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

        // The namespace breaks, one watch event at a time as the server sends them.
        const QMap<Kind, QList<QJsonObject>> a = byKind(QStringLiteral("tree-healthy.json"));
        const QMap<Kind, QList<QJsonObject>> b = byKind(QStringLiteral("tree-broken.json"));
        for (Kind k : {Kind::Deployments, Kind::ReplicaSets, Kind::Services, Kind::EndpointSlices,
                       Kind::VirtualServices, Kind::Pods})
            m_store->applyEvents(k, diffEvents(a.value(k), b.value(k)));
        m_store->flushChanges();
        m_model->refresh();

        QCOMPARE(resets.size(), 0);
        QCOMPARE(layouts.size(), 0);
        QVERIFY(inserted.size() > 0);
        QVERIFY(removed.size() > 0); // the deleted Service's EndpointSlice
        QVERIFY(changed.size() > 0);
        // Unchanged rows keep their indexes; the Deployment has its new ReplicaSet.
        QVERIFY(keepPod.isValid());
        QCOMPARE(keepPod.data(ObjectTreeModel::NameRole).toString(),
                 QStringLiteral("testsvc-v1-7b4dcbfc76-nxg88"));
        QVERIFY(keepDep.isValid());
        QCOMPARE(keepDep.data(ObjectTreeModel::NameRole).toString(), QStringLiteral("testsvc-v2"));
        QCOMPARE(m_model->rowCount(keepDep), 2);
        QCOMPARE(Health(keepDep.data(ObjectTreeModel::WorstRole).toInt()), Health::Degraded);
        QVERIFY2(
            QModelIndex(keepDep)
                .siblingAtColumn(ObjectTreeModel::Health)
                .data()
                .toString()
                .contains(QLatin1String("Degraded below")),
            qPrintable(
                QModelIndex(keepDep).siblingAtColumn(ObjectTreeModel::Health).data().toString()));

        const QStringList problems = m_model->summary().problems;
        QCOMPARE(problems.size(), 4);
        QVERIFY2(problems[0].startsWith(
                     QLatin1String("Pod/testsvc-v2-6798d45f78-96b7z: Degraded (ImagePullBackOff)")),
                 qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(problems.contains(
            QStringLiteral("Service/example-app-orphan: Degraded (NoPodsSelected): the selector "
                           "app.oam.dev/component=no-such-component matches no pod")));
        QVERIFY(std::any_of(problems.begin(), problems.end(), [](const QString& p) {
            return p.startsWith(QLatin1String("Service/example-app-v2-testsvc-80: Missing"));
        }));
        QVERIFY(std::any_of(problems.begin(), problems.end(), [](const QString& p) {
            return p.startsWith(
                QLatin1String("VirtualService/example-appdeploy: Degraded (BackendNotFound)"));
        }));

        // And back: the same rows as a fresh model of the healthy namespace shows.
        for (Kind k : {Kind::Deployments, Kind::ReplicaSets, Kind::Services, Kind::EndpointSlices,
                       Kind::VirtualServices, Kind::Pods})
            m_store->applyEvents(k, diffEvents(b.value(k), a.value(k)));
        m_store->flushChanges();
        m_model->refresh();
        QVERIFY(m_model->summary().healthy());
        QVERIFY(keepPod.isValid());
        QCOMPARE(resets.size(), 0);
        NamespaceStore fresh;
        ObjectTreeModel other;
        other.setStore(&fresh);
        other.setApplication(kApp);
        for (auto it = a.cbegin(); it != a.cend(); ++it)
            fresh.resetKind(it.key(), it.value());
        fresh.flushChanges();
        other.refresh();
        QCOMPARE(dump(*m_model), dump(other));
    }

    void rebuildsAreCoalesced()
    {
        load(QStringLiteral("tree-healthy.json"));
        const int before = m_model->buildCount();
        // A burst of pod events: parsed by one worker job that builds the tree once.
        QList<kube::WatchEvent> burst;
        const QList<QJsonObject> pods =
            byKind(QStringLiteral("tree-healthy.json")).value(Kind::Pods);
        for (int i = 0; i < 200; ++i)
            burst << kube::WatchEvent{kube::WatchEvent::Type::Modified, pods[i % pods.size()]};
        m_store->applyEvents(Kind::Pods, burst);
        QCOMPARE(m_model->pendingPodEvents(), 200);
        QTRY_COMPARE(m_model->pendingPodEvents(), 0);
        QTRY_VERIFY(m_model->buildCount() > before);
        QTest::qWait(100);
        QVERIFY2(m_model->buildCount() - before <= 2,
                 qPrintable(QString::number(m_model->buildCount() - before)));
        // Inactive (the dock hidden): pods are indexed but the tree is not rebuilt.
        m_model->setActive(false);
        const int inactive = m_model->buildCount();
        m_store->applyEvents(Kind::Pods, burst);
        QTRY_COMPARE(m_model->pendingPodEvents(), 0);
        QTest::qWait(100);
        QCOMPARE(m_model->buildCount(), inactive);
        m_model->setActive(true);
        QTRY_VERIFY(m_model->buildCount() > inactive);
    }

    void largeListIsShownWhole()
    {
        // A large list (parsed on the worker, merged in slices): every pod ends up a row.
        // Before a fix the tree kept the part parsed by the last intermediate rebuild.
        load(QStringLiteral("tree-healthy.json"));
        QString rs;
        const int n = 8000;
        const QList<QJsonObject> list = manyPods(n, &rs);
        m_store->resetKind(Kind::Pods, list);
        QTRY_COMPARE_WITH_TIMEOUT(m_model->pendingPodEvents(), 0, 30000);
        const QModelIndex r = m_model->find(QStringLiteral("ReplicaSet"), rs);
        QVERIFY(r.isValid());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_model->rowCount(m_model->find(QStringLiteral("ReplicaSet"), rs)), n, 30000);
    }

    void largeTreeIsMergedInRuns()
    {
        // The GUI thread merges a new tree in slices (bench_objecttree measures the stalls);
        // what makes a slice short: 8,000 new rows under one ReplicaSet are inserted in runs
        // of at most 512, never in one rowsInserted.
        load(QStringLiteral("tree-healthy.json"));
        QString rs;
        const int n = 8000;
        const QList<QJsonObject> list = manyPods(n, &rs);
        int largest = 0, inserts = 0;
        connect(m_model, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex&, int first, int last) {
                    largest = std::max(largest, last - first + 1);
                    ++inserts;
                });
        m_store->resetKind(Kind::Pods, list);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_model->rowCount(m_model->find(QStringLiteral("ReplicaSet"), rs)), n, 30000);
        QVERIFY2(largest <= 512, qPrintable(QString::number(largest)));
        QVERIFY2(inserts >= n / 512, qPrintable(QString::number(inserts)));
    }

    void staleTreeIsDropped()
    {
        // The application changes while the worker builds: the tree shown in the end is the
        // last application's (the one built for the other is dropped or replaced).
        load(QStringLiteral("tree-healthy.json"));
        const QStringList healthy = dump(*m_model);
        const QList<QJsonObject> pods =
            byKind(QStringLiteral("tree-healthy.json")).value(Kind::Pods);
        QList<kube::WatchEvent> burst;
        for (const QJsonObject& p : pods)
            burst << kube::WatchEvent{kube::WatchEvent::Type::Modified, p};
        m_model->setApplication(QStringLiteral("no-such-app"));
        m_store->applyEvents(Kind::Pods, burst);
        QTest::qWait(20); // the job for no-such-app is started
        m_model->setApplication(kApp);
        QTRY_COMPARE(m_model->pendingPodEvents(), 0);
        QTest::qWait(200);
        QCOMPARE(dump(*m_model), healthy);
    }

    void serverTextIsPlainInToolTips()
    {
        load(QStringLiteral("tree-healthy.json"));
        QList<QJsonObject> pods = byKind(QStringLiteral("tree-healthy.json")).value(Kind::Pods);
        QJsonObject p = pods.first();
        QJsonObject status = p[QLatin1String("status")].toObject();
        status[QLatin1String("phase")] = QStringLiteral("Failed");
        status[QLatin1String("reason")] = QStringLiteral("Evicted");
        status[QLatin1String("message")] = QStringLiteral("<b>low</b> on <a href='x'>memory</a>");
        p[QLatin1String("status")] = status;
        m_store->applyEvents(Kind::Pods, {kube::WatchEvent{kube::WatchEvent::Type::Modified, p}});
        m_model->refresh();
        const QModelIndex i = m_model->find(QStringLiteral("Pod"), nameOf(p));
        QVERIFY(i.isValid());
        QCOMPARE(Health(i.data(ObjectTreeModel::HealthRole).toInt()), Health::Degraded);
        const QString tip = i.data(Qt::ToolTipRole).toString();
        // Escaped: the markup shows as the characters the server sent.
        QVERIFY2(tip.contains(QLatin1String("&lt;b&gt;low&lt;/b&gt;")), qPrintable(tip));
        QVERIFY2(!tip.contains(QLatin1String("<b>")), qPrintable(tip));
    }

    void filter()
    {
        load(QStringLiteral("tree-healthy.json"));
        const QMap<Kind, QList<QJsonObject>> a = byKind(QStringLiteral("tree-healthy.json"));
        const QMap<Kind, QList<QJsonObject>> b = byKind(QStringLiteral("tree-broken.json"));
        for (auto it = b.cbegin(); it != b.cend(); ++it)
            m_store->applyEvents(it.key(), diffEvents(a.value(it.key()), it.value()));
        m_store->flushChanges();
        m_model->refresh();

        ObjectTreeFilter f;
        new QAbstractItemModelTester(&f, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &f);
        f.setSourceModel(m_model);
        QCOMPARE(dump(f), dump(*m_model));

        // Text: kind/name, case insensitive; ancestors of matches stay.
        f.setText(QStringLiteral("ORPHAN"));
        QCOMPARE(
            dump(f),
            (QStringList{QStringLiteral("Application/example-app Healthy"),
                         QStringLiteral("  Service/example-app-orphan Degraded"),
                         QStringLiteral("    EndpointSlice/example-app-orphan-hvzn8 Healthy")}));
        QVERIFY(f.matches(f.firstMatch()));
        QCOMPARE(f.firstMatch().data(ObjectTreeModel::NameRole).toString(),
                 QStringLiteral("example-app-orphan"));

        // One kind.
        f.setText(QString());
        f.setKind(QStringLiteral("ReplicaSet"));
        QStringList rs;
        for (const QModelIndex& i : allMatches(f))
            rs << i.data(ObjectTreeModel::NameRole).toString();
        QCOMPARE(rs, (QStringList{QStringLiteral("testsvc-v1-7b4dcbfc76"),
                                  QStringLiteral("testsvc-v2-6798d45f78"),
                                  QStringLiteral("testsvc-v2-7b85757595")}));
        // Backwards from the second; from the last it wraps to the first.
        QCOMPARE(f.nextMatch(f.nextMatch(f.firstMatch()), true), f.firstMatch());
        QCOMPARE(f.nextMatch(allMatches(f).last()), f.firstMatch());

        // Unhealthy only: the four problems (links and notes that explain them may show too).
        f.setKind(QString());
        f.setUnhealthyOnly(true);
        QStringList unhealthy;
        for (const QModelIndex& i : allMatches(f))
            if (i.data(ObjectTreeModel::NodeRole).toInt() !=
                int(kube::rollout::TreeNode::Role::Note))
                unhealthy << i.data(ObjectTreeModel::KindRole).toString() + QLatin1Char('/') +
                                 i.data(ObjectTreeModel::NameRole).toString();
        QVERIFY2(unhealthy.contains(QStringLiteral("Pod/testsvc-v2-6798d45f78-96b7z")) &&
                     unhealthy.contains(QStringLiteral("Service/example-app-orphan")) &&
                     unhealthy.contains(QStringLiteral("VirtualService/example-appdeploy")) &&
                     unhealthy.contains(QStringLiteral("Service/example-app-v2-testsvc-80")),
                 qPrintable(unhealthy.join(QLatin1Char('\n'))));
        QVERIFY(!dump(f).join(QLatin1Char('\n')).contains(QLatin1String("testsvc-v1-7b4dcbfc76")));
        QVERIFY(f.isFiltering());

        // The live tree changes under the filter: the orphan goes away.
        QList<QJsonObject> services = b.value(Kind::Services);
        services.erase(std::remove_if(services.begin(), services.end(),
                                      [](const QJsonObject& o) {
                                          return nameOf(o) == QLatin1String("example-app-orphan");
                                      }),
                       services.end());
        m_store->applyEvents(Kind::Services, diffEvents(b.value(Kind::Services), services));
        m_store->flushChanges();
        m_model->refresh();
        QVERIFY(!dump(f).join(QLatin1Char('\n')).contains(QLatin1String("orphan")));
    }
};

QTEST_MAIN(TestObjectTreeModel)
#include "tst_objecttreemodel.moc"
