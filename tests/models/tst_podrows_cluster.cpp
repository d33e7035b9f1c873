// The pods pane built from a server-side Table list (what the window lists first, issue 11)
// equals the pane built from the whole pods, against the local control plane: the API
// server's printer (kubectl's STATUS, READY, RESTARTS) on one side, PodRow::fromJson's port
// of it on the other, for pods in the states an operator sees (not ready, restarting,
// terminating, initialising, a sidecar, completed, failed, pending). The pods are bound to a
// Node that no KWOK controller manages, so their status is what the test writes.
// Then the watch: a pod's row from its watch event equals its row in a Table listed after it.

#include "kube/watch.h"
#include "models/namespacestore.h"
#include "models/podsmodel.h"
#include "tests/gui/scenario.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace veladesk;
using namespace Qt::StringLiterals;

namespace {

kube::ResourceType nodes()
{
    return {QString(), QStringLiteral("v1"), QStringLiteral("nodes"), QStringLiteral("Node"),
            false};
}

const char* const kFinished = "2026-01-01T10:00:00Z";

QJsonObject running(bool ready, int restarts = 0, const QString& name = QStringLiteral("app"))
{
    QJsonObject cs{
        {QStringLiteral("name"), name},
        {QStringLiteral("image"), QStringLiteral("registry.example/app:1")},
        {QStringLiteral("imageID"), QString()},
        {QStringLiteral("ready"), ready},
        {QStringLiteral("started"), true},
        {QStringLiteral("restartCount"), restarts},
        {QStringLiteral("state"),
         QJsonObject{{QStringLiteral("running"),
                      QJsonObject{{QStringLiteral("startedAt"), QLatin1String(kFinished)}}}}}};
    if (restarts > 0)
        cs.insert(
            QStringLiteral("lastState"),
            QJsonObject{{QStringLiteral("terminated"),
                         QJsonObject{{QStringLiteral("exitCode"), 1},
                                     {QStringLiteral("reason"), QStringLiteral("Error")},
                                     {QStringLiteral("startedAt"), QLatin1String(kFinished)},
                                     {QStringLiteral("finishedAt"), QLatin1String(kFinished)}}}});
    return cs;
}

QJsonObject waiting(const QString& reason, int restarts = 0,
                    const QString& name = QStringLiteral("app"))
{
    QJsonObject cs = running(false, restarts, name);
    cs.insert(QStringLiteral("started"), false);
    cs.insert(
        QStringLiteral("state"),
        QJsonObject{{QStringLiteral("waiting"), QJsonObject{{QStringLiteral("reason"), reason}}}});
    return cs;
}

QJsonObject terminated(const QString& reason, int exitCode,
                       const QString& name = QStringLiteral("app"))
{
    QJsonObject cs = running(false, 0, name);
    cs.insert(QStringLiteral("started"), false);
    cs.insert(QStringLiteral("state"),
              QJsonObject{{QStringLiteral("terminated"),
                           QJsonObject{{QStringLiteral("exitCode"), exitCode},
                                       {QStringLiteral("reason"), reason},
                                       {QStringLiteral("startedAt"), QLatin1String(kFinished)},
                                       {QStringLiteral("finishedAt"), QLatin1String(kFinished)}}}});
    return cs;
}

QJsonArray conditions(bool initialized, bool ready)
{
    auto c = [](const char* type, bool status) {
        return QJsonObject{
            {QStringLiteral("type"), QLatin1String(type)},
            {QStringLiteral("status"), status ? QStringLiteral("True") : QStringLiteral("False")},
            {QStringLiteral("lastTransitionTime"), QLatin1String(kFinished)}};
    };
    return {c("PodScheduled", true), c("Initialized", initialized), c("ContainersReady", ready),
            c("Ready", ready)};
}

// One pod of the test: its spec's containers and the status written to it.
struct Case
{
    QString name;
    QJsonArray initContainers;
    QJsonArray containers;
    QJsonObject status; // empty: as created (Pending, no container status)
    bool terminating = false;
    // What kubectl shows
    QString phase;
    QString ready;
    int restarts = 0;
    PodsModel::State state;
};

QJsonObject container(const QString& name, bool sidecar = false)
{
    QJsonObject c{{QStringLiteral("name"), name},
                  {QStringLiteral("image"), QStringLiteral("registry.example/app:1")}};
    if (sidecar)
        c.insert(QStringLiteral("restartPolicy"), QStringLiteral("Always"));
    return c;
}

QList<Case> cases()
{
    using S = PodsModel::State;
    const QJsonArray app{container(QStringLiteral("app"))};
    auto status = [](const char* phase, bool initialized, bool ready, QJsonArray statuses,
                     QJsonArray initStatuses = {}) {
        QJsonObject s{{QStringLiteral("phase"), QLatin1String(phase)},
                      {QStringLiteral("conditions"), conditions(initialized, ready)},
                      {QStringLiteral("containerStatuses"), statuses}};
        if (!initStatuses.isEmpty())
            s.insert(QStringLiteral("initContainerStatuses"), initStatuses);
        return s;
    };
    QList<Case> out;
    out << Case{QStringLiteral("ready"),
                {},
                app,
                status("Running", true, true, {running(true)}),
                false,
                QStringLiteral("Running"),
                QStringLiteral("1/1"),
                0,
                S::Ready};
    out << Case{QStringLiteral("not-ready"),
                {},
                app,
                status("Running", true, false, {running(false)}),
                false,
                QStringLiteral("Running"),
                QStringLiteral("0/1"),
                0,
                S::Progressing};
    out << Case{QStringLiteral("restarts"),
                {},
                {container(QStringLiteral("app")), container(QStringLiteral("side"))},
                status("Running", true, false,
                       {running(true, 3),
                        waiting(QStringLiteral("CrashLoopBackOff"), 2, QStringLiteral("side"))}),
                false,
                QStringLiteral("CrashLoopBackOff"),
                QStringLiteral("1/2"),
                5,
                S::Failed};
    out << Case{QStringLiteral("terminating"),
                {},
                app,
                status("Running", true, true, {running(true)}),
                true,
                QStringLiteral("Terminating"),
                QStringLiteral("1/1"),
                0,
                S::Terminating};
    out << Case{QStringLiteral("init"),
                {container(QStringLiteral("init-a")), container(QStringLiteral("init-b"))},
                app,
                status("Pending", false, false, {waiting(QStringLiteral("PodInitializing"))},
                       {terminated(QStringLiteral("Completed"), 0, QStringLiteral("init-a")),
                        running(false, 0, QStringLiteral("init-b"))}),
                false,
                QStringLiteral("Init:1/2"),
                QStringLiteral("0/1"),
                0,
                S::Progressing};
    out << Case{
        QStringLiteral("sidecar"),
        {container(QStringLiteral("proxy"), true)},
        app,
        status("Running", true, true, {running(true)}, {running(true, 1, QStringLiteral("proxy"))}),
        false,
        QStringLiteral("Running"),
        QStringLiteral("2/2"),
        1,
        S::Ready};
    out << Case{QStringLiteral("completed"),
                {},
                app,
                status("Succeeded", true, false, {terminated(QStringLiteral("Completed"), 0)}),
                false,
                QStringLiteral("Completed"),
                QStringLiteral("0/1"),
                0,
                S::Ready};
    out << Case{QStringLiteral("error"),
                {},
                app,
                status("Failed", true, false, {terminated(QStringLiteral("Error"), 1)}),
                false,
                QStringLiteral("Error"),
                QStringLiteral("0/1"),
                0,
                S::Failed};
    out << Case{QStringLiteral("creating"),
                {},
                app,
                status("Pending", true, false, {waiting(QStringLiteral("ContainerCreating"))}),
                false,
                QStringLiteral("ContainerCreating"),
                QStringLiteral("0/1"),
                0,
                S::Progressing};
    out << Case{QStringLiteral("pending"), {}, app,           {}, false, QStringLiteral("Pending"),
                QStringLiteral("0/1"),     0,  S::Progressing};
    return out;
}

// Every column's text and every role a view asks for, row by row, keyed by pod name.
QMap<QString, QStringList> paneOf(const PodsModel& model)
{
    QMap<QString, QStringList> out;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::DecorationRole),
                             int(Qt::ForegroundRole), int(PodsModel::SortRole)})
                cells << model.index(r, c).data(role).toString();
        cells << model.index(r, 0).data(PodsModel::StateRole).toString()
              << model.index(r, 0).data(PodsModel::UidRole).toString()
              << model.index(r, 0).data(PodsModel::RevisionRole).toString();
        out.insert(model.pod(r).name, cells);
    }
    return out;
}

} // namespace

class TestPodRowsCluster : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> client;
    QString ns;
    QString node;
    QDateTime now = QDateTime::currentDateTimeUtc();

    kube::ObjectList list(bool table, const QString& exactVersion = {})
    {
        kube::ListOptions o;
        o.asTable = table;
        o.limit = 4; // several pages: the columns come with each
        if (!exactVersion.isEmpty()) {
            o.resourceVersion = exactVersion;
            o.resourceVersionMatch = QStringLiteral("Exact");
        }
        auto r = guitest::wait(client->list(kube::ResourceType::pods(), ns, o));
        if (!r.ok())
            qFatal("list: %s", qPrintable(r.status.toString()));
        return r.value;
    }

    void load(PodsModel& model, const QList<QJsonObject>& pods)
    {
        model.setClock([this] { return now; });
        model.setPods(pods);
        model.flush();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString kubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        if (kubeconfig.isEmpty())
            QSKIP("VELADESK_TEST_KUBECONFIG is not set (run through ctest: integration label)");
        kube::KubeConfigOptions options;
        options.kubeconfigPath = kubeconfig;
        auto connected = kube::connect(options);
        QVERIFY2(connected.ok(), qPrintable(connected.status.toString()));
        client = connected.value;
        const QString suffix = QString::number(QRandomGenerator::global()->bounded(1u << 30), 36);
        ns = QStringLiteral("vdk-podrows-") + suffix;
        node = QStringLiteral("vdk-podrows-node-") + suffix;
        QVERIFY(guitest::wait(client->create(kube::ResourceType::namespaces(), {},
                                             guitest::namespaceObject(ns)))
                    .ok());
        // A Node no KWOK controller manages (no kwok.x-k8s.io/node annotation): nothing but
        // this test writes the status of its pods.
        const QJsonObject nodeObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Node")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), node}}}};
        auto createdNode = guitest::wait(client->create(nodes(), {}, nodeObject));
        QVERIFY2(createdNode.ok(), qPrintable(createdNode.status.toString()));
        for (const Case& c : cases()) {
            QJsonObject spec{{QStringLiteral("nodeName"), node},
                             {QStringLiteral("containers"), c.containers}};
            if (!c.initContainers.isEmpty())
                spec.insert(QStringLiteral("initContainers"), c.initContainers);
            QJsonObject meta{
                {QStringLiteral("name"), c.name},
                {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app.oam.dev/appRevision"),
                                                        QStringLiteral("app-v1")}}}};
            if (c.terminating)
                meta.insert(QStringLiteral("finalizers"),
                            QJsonArray{QStringLiteral("veladesk.io/test")});
            const QJsonObject pod{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                  {QStringLiteral("kind"), QStringLiteral("Pod")},
                                  {QStringLiteral("metadata"), meta},
                                  {QStringLiteral("spec"), spec}};
            auto created = guitest::wait(client->create(kube::ResourceType::pods(), ns, pod));
            QVERIFY2(created.ok(), qPrintable(c.name + u": "_s + created.status.toString()));
            if (!c.status.isEmpty()) {
                const QJsonObject st{
                    {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                    {QStringLiteral("kind"), QStringLiteral("Pod")},
                    {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), c.name}}},
                    {QStringLiteral("status"), c.status}};
                kube::WriteOptions force;
                force.force = true;
                auto written =
                    guitest::wait(client->applyStatus(kube::ResourceType::pods(), ns, st, force));
                QVERIFY2(written.ok(), qPrintable(c.name + u": "_s + written.status.toString()));
            }
            if (c.terminating)
                QVERIFY(guitest::wait(client->remove(kube::ResourceType::pods(), ns, c.name)).ok());
        }
    }

    void cleanupTestCase()
    {
        if (!client)
            return;
        const QByteArray unblock = R"({"metadata":{"finalizers":null}})";
        for (const Case& c : cases()) {
            if (!c.terminating)
                continue;
            kube::Request r;
            r.method = "PATCH";
            r.path = kube::ResourceType::pods().objectPath(ns, c.name);
            r.contentType = "application/merge-patch+json";
            r.body = unblock;
            guitest::wait(client->send(r));
        }
        guitest::wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
        guitest::wait(client->remove(nodes(), {}, node));
    }

    // The same snapshot (the Table's resourceVersion, Exact) listed both ways.
    void tableListEqualsWholePods()
    {
        const kube::ObjectList table = list(true);
        QCOMPARE(table.items.size(), cases().size());
        for (const QJsonObject& o : table.items) {
            QVERIFY2(o.contains(kube::tableRowKey()), "the server did not answer a Table");
            QVERIFY(!o.contains(QStringLiteral("status")));
        }
        const kube::ObjectList whole = list(false, table.resourceVersion);
        QCOMPARE(whole.items.size(), table.items.size());
        // VELADESK_RECORD_FIXTURES=DIR: the same snapshot as the server sends it, both ways, for
        // tst_podsmodel (tests/models/fixtures/pods-table*.json).
        if (const QString dir = qEnvironmentVariable("VELADESK_RECORD_FIXTURES"); !dir.isEmpty()) {
            for (const bool asTable : {true, false}) {
                kube::Request r;
                r.path = kube::ResourceType::pods().collectionPath(ns);
                r.query.addQueryItem(QStringLiteral("resourceVersion"), table.resourceVersion);
                r.query.addQueryItem(QStringLiteral("resourceVersionMatch"),
                                     QStringLiteral("Exact"));
                if (asTable) {
                    r.accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
                    r.query.addQueryItem(QStringLiteral("includeObject"),
                                         QStringLiteral("Metadata"));
                }
                const kube::Response answer = guitest::wait(client->send(r));
                QVERIFY(answer.status.ok());
                QFile f(dir + (asTable ? u"/pods-table.json"_s : u"/pods-table-whole.json"_s));
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(QJsonDocument::fromJson(answer.body).toJson(QJsonDocument::Indented));
            }
        }

        PodsModel fromTable, fromWhole;
        QAbstractItemModelTester t1(&fromTable,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&fromWhole,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        load(fromTable, table.items);
        // as the window keeps them: slim
        QList<QJsonObject> slim;
        for (const QJsonObject& o : whole.items)
            slim << PodRow::slim(o);
        load(fromWhole, slim);
        QCOMPARE(fromTable.rowCount(), int(cases().size()));
        const auto a = paneOf(fromTable), b = paneOf(fromWhole);
        for (auto it = a.cbegin(); it != a.cend(); ++it)
            QVERIFY2(it.value() == b.value(it.key()),
                     qPrintable(it.key() + u": "_s + it.value().join(u'|') + u" != "_s +
                                b.value(it.key()).join(u'|')));
        for (int r = 0; r < fromTable.rowCount(); ++r) {
            const PodRow& row = fromTable.pod(r);
            QCOMPARE(row, fromWhole.pod(fromWhole.rowOf(row.uid)));
        }
        // and what kubectl shows for each
        for (const Case& c : cases()) {
            int at = -1;
            for (int r = 0; r < fromTable.rowCount(); ++r)
                if (fromTable.pod(r).name == c.name)
                    at = r;
            QVERIFY2(at >= 0, qPrintable(c.name));
            const PodRow& row = fromTable.pod(at);
            QCOMPARE(row.phase, c.phase);
            QCOMPARE(fromTable.index(at, PodsModel::Ready).data().toString(), c.ready);
            QCOMPARE(row.restarts, c.restarts);
            QCOMPARE(row.node, node);
            QCOMPARE(row.revision, QStringLiteral("app-v1"));
            QCOMPARE(row.terminating, c.terminating);
            QCOMPARE(int(PodsModel::stateOf(row)), int(c.state));
        }
    }

    // The window's watch: the first list a Table, then whole pods as events; a pod's row from
    // its event equals its row in a Table listed after the event.
    void watchedRowEqualsListedRow()
    {
        std::unique_ptr<kube::Watch> watch(
            client->watch(kube::ResourceType::pods(), ns, {}, nullptr));
        watch->setTransform(&PodRow::slim);
        watch->setFirstListAsTable(true);
        PodsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBatchInterval(0);
        model.setClock([this] { return now; });
        connect(watch.get(), &kube::Watch::synced, &model, &PodsModel::setPods);
        connect(watch.get(), &kube::Watch::events, &model, &PodsModel::enqueue);
        QSignalSpy synced(watch.get(), &kube::Watch::synced);
        QSignalSpy events(watch.get(), &kube::Watch::events);
        watch->start();
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 30000);
        for (const QJsonObject& o : synced.first().first().value<QList<QJsonObject>>())
            QVERIFY(o.contains(kube::tableRowKey()));
        model.flush();
        QCOMPARE(model.rowCount(), int(cases().size()));
        QTRY_COMPARE_WITH_TIMEOUT(int(watch->health()), int(kube::WatchHealth::Connected), 30000);

        // not-ready becomes ready; ready restarts twice and is not ready any more
        const QList<QPair<QString, QJsonObject>> changes{
            {QStringLiteral("not-ready"),
             QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                         {QStringLiteral("conditions"), conditions(true, true)},
                         {QStringLiteral("containerStatuses"), QJsonArray{running(true)}}}},
            {QStringLiteral("ready"),
             QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                         {QStringLiteral("conditions"), conditions(true, false)},
                         {QStringLiteral("containerStatuses"),
                          QJsonArray{waiting(QStringLiteral("CrashLoopBackOff"), 2)}}}}};
        for (const auto& [name, status] : changes) {
            kube::WriteOptions force;
            force.force = true;
            const QJsonObject st{
                {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                {QStringLiteral("kind"), QStringLiteral("Pod")},
                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                {QStringLiteral("status"), status}};
            QVERIFY(
                guitest::wait(client->applyStatus(kube::ResourceType::pods(), ns, st, force)).ok());
        }
        auto rowNamed = [&model](const QString& name) -> const PodRow* {
            for (int r = 0; r < model.rowCount(); ++r)
                if (model.pod(r).name == name)
                    return &model.pod(r);
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(QStringLiteral("ready"))->restarts == 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(QStringLiteral("not-ready"))->readyContainers == 1,
                                 30000);
        QVERIFY(!events.isEmpty());
        QCOMPARE(rowNamed(QStringLiteral("ready"))->phase, QStringLiteral("CrashLoopBackOff"));
        QCOMPARE(PodsModel::stateOf(*rowNamed(QStringLiteral("not-ready"))),
                 PodsModel::State::Ready);

        PodsModel listed;
        load(listed, list(true).items);
        const auto a = paneOf(model), b = paneOf(listed);
        QCOMPARE(a.keys(), b.keys());
        for (auto it = a.cbegin(); it != a.cend(); ++it)
            QCOMPARE(it.value(), b.value(it.key()));
    }

    // The store: the pane gets the Table; whole pods (for the object tree) only once asked for,
    // then the pods as they are and the changes after them.
    void storeHandsWholePodsToTheTreeWhenAsked()
    {
        NamespaceStore store;
        QSignalSpy rows(&store, &NamespaceStore::podsReset);
        QSignalSpy objects(&store, &NamespaceStore::podObjectsReset);
        QSignalSpy objectEvents(&store, &NamespaceStore::podObjectEvents);
        store.start(client, ns, {});
        // (the store empties the pane first: an empty reset, then the list)
        QTRY_VERIFY_WITH_TIMEOUT(
            !rows.isEmpty() && !rows.last().first().value<QList<QJsonObject>>().isEmpty(), 30000);
        const auto table = rows.last().first().value<QList<QJsonObject>>();
        QCOMPARE(table.size(), cases().size());

        // A change while nobody asked: not followed as whole pods.
        auto label = [this](const QString& value) {
            kube::Request r;
            r.method = "PATCH";
            r.path = kube::ResourceType::pods().objectPath(ns, QStringLiteral("ready"));
            r.contentType = "application/merge-patch+json";
            r.body = QByteArrayLiteral(R"({"metadata":{"labels":{"tree":")") + value.toUtf8() +
                     QByteArrayLiteral(R"("}}})");
            return guitest::wait(client->send(r)).status.ok();
        };
        QSignalSpy podEvents(&store, &NamespaceStore::podEvents);
        QVERIFY(label(QStringLiteral("before")));
        QTRY_VERIFY_WITH_TIMEOUT(!podEvents.isEmpty(), 30000); // the pane saw it
        auto listed = [&objects] {
            qsizetype n = 0;
            for (const QList<QVariant>& args : objects)
                n += args.first().value<QList<QJsonObject>>().size();
            return n;
        };
        QCOMPARE(listed(), 0); // (only the empty reset of start())
        QCOMPARE(objectEvents.size(), 0);

        store.wantPodObjects();
        QTRY_VERIFY_WITH_TIMEOUT(listed() > 0, 30000);
        const auto whole = objects.last().first().value<QList<QJsonObject>>();
        QCOMPARE(whole.size(), table.size());
        QString before;
        for (const QJsonObject& o : whole) {
            QVERIFY(!o.contains(kube::tableRowKey()));
            QVERIFY(
                o.value(QStringLiteral("spec")).toObject().contains(QStringLiteral("containers")));
            const QJsonObject meta = o.value(QStringLiteral("metadata")).toObject();
            if (meta.value(QStringLiteral("name")).toString() == QLatin1String("ready"))
                before = meta.value(QStringLiteral("labels"))
                             .toObject()
                             .value(QStringLiteral("tree"))
                             .toString();
        }
        QCOMPARE(before, QStringLiteral("before")); // the list holds what happened before it

        // Changes after it follow as whole pods.
        QVERIFY(label(QStringLiteral("after")));
        auto sawAfter = [&objectEvents] {
            for (const QList<QVariant>& args : objectEvents)
                for (const kube::WatchEvent& e : args.first().value<QList<kube::WatchEvent>>())
                    if (e.object.value(QStringLiteral("metadata"))
                            .toObject()
                            .value(QStringLiteral("labels"))
                            .toObject()
                            .value(QStringLiteral("tree"))
                            .toString() == QLatin1String("after"))
                        return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sawAfter(), 30000);
        store.stop();
    }
};

QTEST_MAIN(TestPodRowsCluster)
#include "tst_podrows_cluster.moc"
