// PodsModel: watch batches applied in place (inserted/updated/removed, never a reset), frame
// batching, state colours and ages. Runs under QAbstractItemModelTester.

#include "fixtures.h"
#include "kube/clientcore.h"
#include "models/podsmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <array>

using namespace veladesk;

namespace {
QStringList names(const PodsModel& m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.index(i, PodsModel::Name).data().toString();
    return out;
}
// Every row's uid maps back to that row.
bool indexConsistent(const PodsModel& m)
{
    for (int i = 0; i < m.rowCount(); ++i)
        if (m.rowOf(m.pod(i).uid) != i)
            return false;
    return true;
}
QString phaseOf(const PodsModel& m, const QString& name)
{
    for (int i = 0; i < m.rowCount(); ++i)
        if (m.index(i, PodsModel::Name).data().toString() == name)
            return m.index(i, PodsModel::Phase).data().toString();
    return {};
}
} // namespace

class TestPodsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initialList()
    {
        PodsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return QDateTime(QDate(2026, 11, 25), QTime(16, 25), Qt::UTC); });
        model.setPods(fixtures::items(QStringLiteral("pods.json")));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, PodsModel::Revision).data().toString(),
                 QStringLiteral("example-app-v1"));
        QCOMPARE(model.index(0, PodsModel::Phase).data().toString(), QStringLiteral("Running"));
        QCOMPARE(model.index(0, PodsModel::Ready).data().toString(), QStringLiteral("1/1"));
        QCOMPARE(model.index(0, PodsModel::Node).data().toString(), QStringLiteral("kwok-node-0"));
        QCOMPARE(model.index(0, PodsModel::Age).data().toString(), QStringLiteral("5m"));
        QCOMPARE(model.index(1, PodsModel::Ready).data().toString(), QStringLiteral("0/1"));
        QCOMPARE(model.index(0, 0).data(PodsModel::StateRole).toInt(),
                 int(PodsModel::State::Ready));
        QCOMPARE(model.index(1, 0).data(PodsModel::StateRole).toInt(),
                 int(PodsModel::State::Progressing));
        QVERIFY(model.index(0, 0).data(Qt::DecorationRole).value<QColor>() !=
                model.index(1, 0).data(Qt::DecorationRole).value<QColor>());
    }

    void batches_data()
    {
        QTest::addColumn<QString>("events");
        QTest::addColumn<QStringList>("expectedNames");
        QTest::addColumn<int>("inserted");
        QTest::addColumn<int>("updated");
        QTest::addColumn<int>("removed");
        QTest::addColumn<QString>("checkPod");
        QTest::addColumn<QString>("checkPhase");
        QTest::newRow("scale up") << QStringLiteral("events-scale-up.json")
                                  << QStringList{QStringLiteral("testsvc-v1-7d9f-aaaaa"),
                                                 QStringLiteral("testsvc-v1-7d9f-bbbbb"),
                                                 QStringLiteral("testsvc-v2-5c4b-ccccc"),
                                                 QStringLiteral("testsvc-v2-5c4b-ddddd")}
                                  << 1 << 1 << 0 << QStringLiteral("testsvc-v2-5c4b-ddddd")
                                  << QStringLiteral("Running");
        QTest::newRow("delete two")
            << QStringLiteral("events-delete.json")
            << QStringList{QStringLiteral("testsvc-v1-7d9f-bbbbb")} << 0 << 0 << 2
            << QStringLiteral("testsvc-v1-7d9f-bbbbb") << QStringLiteral("Pending");
        QTest::newRow("added then deleted in one batch")
            << QStringLiteral("events-add-then-delete.json")
            << QStringList{QStringLiteral("testsvc-v1-7d9f-aaaaa"),
                           QStringLiteral("testsvc-v1-7d9f-bbbbb"),
                           QStringLiteral("testsvc-v2-5c4b-ccccc")}
            << 0 << 0 << 0 << QString() << QString();
        QTest::newRow("crash loop") << QStringLiteral("events-crash.json")
                                    << QStringList{QStringLiteral("testsvc-v1-7d9f-aaaaa"),
                                                   QStringLiteral("testsvc-v1-7d9f-bbbbb"),
                                                   QStringLiteral("testsvc-v2-5c4b-ccccc")}
                                    << 0 << 1 << 0 << QStringLiteral("testsvc-v2-5c4b-ccccc")
                                    << QStringLiteral("CrashLoopBackOff");
        QTest::newRow("unchanged object") << QStringLiteral("events-unchanged.json")
                                          << QStringList{QStringLiteral("testsvc-v1-7d9f-aaaaa"),
                                                         QStringLiteral("testsvc-v1-7d9f-bbbbb"),
                                                         QStringLiteral("testsvc-v2-5c4b-ccccc")}
                                          << 0 << 0 << 0 << QString() << QString();
        QTest::newRow("terminating") << QStringLiteral("events-terminating.json")
                                     << QStringList{QStringLiteral("testsvc-v1-7d9f-aaaaa"),
                                                    QStringLiteral("testsvc-v1-7d9f-bbbbb"),
                                                    QStringLiteral("testsvc-v2-5c4b-ccccc")}
                                     << 0 << 1 << 0 << QStringLiteral("testsvc-v1-7d9f-aaaaa")
                                     << QStringLiteral("Terminating");
    }
    void batches()
    {
        QFETCH(QString, events);
        QFETCH(QStringList, expectedNames);
        QFETCH(int, inserted);
        QFETCH(int, updated);
        QFETCH(int, removed);
        QFETCH(QString, checkPod);
        QFETCH(QString, checkPhase);
        PodsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPods(fixtures::items(QStringLiteral("pods.json")));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy rowsInserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy rowsRemoved(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy applied(&model, &PodsModel::batchApplied);
        model.enqueue(fixtures::events(events));
        QCOMPARE(applied.size(), 0); // not before the next frame
        QVERIFY(applied.wait(1000));
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied[0][0].toInt(), inserted);
        QCOMPARE(applied[0][1].toInt(), updated);
        QCOMPARE(applied[0][2].toInt(), removed);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(rowsInserted.size(), inserted > 0 ? 1 : 0);
        QCOMPARE(changed.size(), updated > 0 ? 1 : 0);
        QVERIFY(rowsRemoved.size() >= (removed > 0 ? 1 : 0));
        QCOMPARE(names(model), expectedNames);
        if (!checkPod.isEmpty())
            QCOMPARE(phaseOf(model, checkPod), checkPhase);
        for (int i = 0; i < model.rowCount(); ++i)
            QCOMPARE(model.rowOf(model.index(i, 0).data(PodsModel::UidRole).toString()), i);
    }

    // Many batches within one frame are applied together.
    void coalescesWithinAFrame()
    {
        PodsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxEventsPerFrame(0); // no bound: everything in one frame
        model.setPods({});
        QSignalSpy applied(&model, &PodsModel::batchApplied);
        QJsonObject base = fixtures::items(QStringLiteral("pods.json")).first();
        for (int i = 0; i < 500; ++i) {
            QJsonObject pod = base;
            QJsonObject meta = pod[QLatin1String("metadata")].toObject();
            meta[QStringLiteral("uid")] = QStringLiteral("uid-%1").arg(i);
            meta[QStringLiteral("name")] = QStringLiteral("pod-%1").arg(i);
            pod[QStringLiteral("metadata")] = meta;
            model.enqueue({kube::WatchEvent{kube::WatchEvent::Type::Added, pod}});
        }
        QCOMPARE(model.pendingEvents(), 500);
        QVERIFY(applied.wait(1000));
        QCOMPARE(applied.size(), 1);
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(model.index(499, 0).data().toString(), QStringLiteral("pod-499"));
        // delete every other pod: scattered removals keep the index consistent
        QList<kube::WatchEvent> deletes;
        for (int i = 0; i < 500; i += 2) {
            QJsonObject pod = base;
            QJsonObject meta = pod[QLatin1String("metadata")].toObject();
            meta[QStringLiteral("uid")] = QStringLiteral("uid-%1").arg(i);
            pod[QStringLiteral("metadata")] = meta;
            deletes << kube::WatchEvent{kube::WatchEvent::Type::Deleted, pod};
        }
        model.enqueue(deletes);
        model.flush();
        QCOMPARE(model.rowCount(), 250);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("pod-1"));
        QCOMPARE(model.rowOf(QStringLiteral("uid-499")), 249);
    }

    // A change after a quiet frame is applied on the next event-loop turn, not a frame later;
    // changes within a frame of the last application still wait for the frame to end.
    void leadingEdgeOfAFrame()
    {
        PodsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBatchInterval(2000); // a long frame, so the two cases are far apart
        model.setPods(fixtures::items(QStringLiteral("pods.json")));
        QSignalSpy applied(&model, &PodsModel::batchApplied);
        QJsonObject pod = fixtures::items(QStringLiteral("pods.json")).first();
        auto relabel = [&](const QString& value) {
            QJsonObject meta = pod[QLatin1String("metadata")].toObject();
            QJsonObject labels = meta[QLatin1String("labels")].toObject();
            labels[QStringLiteral("app.oam.dev/appRevision")] = value;
            meta[QStringLiteral("labels")] = labels;
            pod[QStringLiteral("metadata")] = meta;
            return QList<kube::WatchEvent>{{kube::WatchEvent::Type::Modified, pod}};
        };
        QElapsedTimer t;
        t.start();
        model.enqueue(relabel(QStringLiteral("first")));
        QCOMPARE(applied.size(), 0); // not synchronously
        QVERIFY(applied.wait(1000));
        QVERIFY2(t.elapsed() < 1000, "the first change waited for the frame");
        model.enqueue(relabel(QStringLiteral("second")));
        QVERIFY(!applied.wait(500)); // within the frame of the first: throttled
        QCOMPARE(applied.size(), 1);
        QVERIFY(applied.wait(3000));
        QCOMPARE(applied.size(), 2);
        QCOMPARE(model.pod(model.rowOf(PodRow::fromJson(pod).uid)).revision,
                 QStringLiteral("second"));
    }

    // What the pods watch keeps of a pod reads back into the same row, and is smaller.
    void slimKeepsWhatIsShown()
    {
        const QList<QJsonObject> pods = fixtures::items(QStringLiteral("pods.json"));
        QVERIFY(!pods.isEmpty());
        for (QJsonObject pod : pods) {
            QJsonObject meta = pod[QLatin1String("metadata")].toObject();
            meta[QStringLiteral("managedFields")] =
                QJsonArray{QJsonObject{{QStringLiteral("manager"), QStringLiteral("kwok")}}};
            meta[QStringLiteral("deletionTimestamp")] = QStringLiteral("2026-11-25T17:00:00Z");
            pod[QStringLiteral("metadata")] = meta;
            const QJsonObject slim = PodRow::slim(pod);
            QCOMPARE(PodRow::fromJson(slim), PodRow::fromJson(pod));
            QVERIFY(!slim[QLatin1String("metadata")].toObject().contains(
                QLatin1String("managedFields")));
            QCOMPARE(slim[QLatin1String("metadata")].toObject()[QLatin1String("resourceVersion")],
                     meta[QLatin1String("resourceVersion")]);
        }
        for (const QJsonObject& pod : pods)
            QCOMPARE(PodRow::fromJson(PodRow::slim(pod)), PodRow::fromJson(pod));
    }

    // The window's first list is a server-side Table (issue 11): pods-table.json and
    // pods-table-whole.json are one snapshot of ten pods in the states an operator sees,
    // recorded from the local control plane both ways (tst_podrows_cluster with
    // VELADESK_RECORD_FIXTURES). The pane is the same from either; a Table row survives
    // PodRow::slim (what the watch keeps).
    void tableListFixture()
    {
        auto parse = [](const QString& name) {
            kube::Response r;
            QFile f(fixtures::path(name));
            if (!f.open(QIODevice::ReadOnly))
                qFatal("no fixture %s", qPrintable(name));
            r.body = f.readAll();
            r.httpCode = 200;
            return kube::detail::parseList(r, kube::ResourceType::pods());
        };
        const auto table = parse(QStringLiteral("pods-table.json"));
        const auto whole = parse(QStringLiteral("pods-table-whole.json"));
        QVERIFY(table.ok() && whole.ok());
        QCOMPARE(table.value.items.size(), 10);
        QCOMPARE(table.value.resourceVersion, whole.value.resourceVersion);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        PodsModel fromTable, fromWhole;
        QAbstractItemModelTester t1(&fromTable,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&fromWhole,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        fromTable.setClock([now] { return now; });
        fromWhole.setClock([now] { return now; });
        QList<QJsonObject> slimTable;
        for (const QJsonObject& o : table.value.items) {
            QVERIFY(o.contains(kube::tableRowKey()));
            QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("Pod"));
            QCOMPARE(PodRow::fromJson(PodRow::slim(o)), PodRow::fromJson(o));
            slimTable << PodRow::slim(o);
        }
        fromTable.setPods(slimTable);
        fromTable.flush();
        fromWhole.setPods(whole.value.items);
        fromWhole.flush();
        QCOMPARE(fromTable.rowCount(), 10);
        QCOMPARE(fromWhole.rowCount(), 10);
        QMap<QString, QString> phases;
        for (int r = 0; r < fromTable.rowCount(); ++r) {
            const PodRow& row = fromTable.pod(r);
            const int w = fromWhole.rowOf(row.uid);
            QVERIFY2(w >= 0, qPrintable(row.name));
            QCOMPARE(row, fromWhole.pod(w));
            for (int c = 0; c < PodsModel::ColumnCount; ++c)
                for (int role :
                     {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::DecorationRole),
                      int(PodsModel::SortRole), int(PodsModel::StateRole)})
                    QCOMPARE(fromTable.index(r, c).data(role), fromWhole.index(w, c).data(role));
            phases.insert(row.name, row.phase + u' ' +
                                        fromTable.index(r, PodsModel::Ready).data().toString() +
                                        u' ' + QString::number(row.restarts));
        }
        // The server's compact JSON: its rows' managedFields are cut before parsing
        // (kube::detail::withoutMembers), the rest is the same.
        {
            kube::Response compact;
            compact.httpCode = 200;
            // in the server's order: kind first (QJsonDocument sorts the keys)
            QJsonObject rest = fixtures::object(QStringLiteral("pods-table.json"));
            rest.remove(QStringLiteral("kind"));
            compact.body =
                "{\"kind\":\"Table\"," + QJsonDocument(rest).toJson(QJsonDocument::Compact).mid(1);
            QVERIFY(compact.body.contains("\"managedFields\":["));
            QVERIFY(compact.body.startsWith("{\"kind\":\"Table\""));
            const auto cut = kube::detail::parseList(compact, kube::ResourceType::pods());
            QVERIFY(cut.ok());
            QCOMPARE(cut.value.items.size(), table.value.items.size());
            for (qsizetype i = 0; i < cut.value.items.size(); ++i) {
                QJsonObject expected = table.value.items[i];
                QJsonObject meta = expected[QLatin1String("metadata")].toObject();
                QVERIFY(meta.contains(QLatin1String("managedFields")));
                meta.remove(QLatin1String("managedFields"));
                expected[QStringLiteral("metadata")] = meta;
                QCOMPARE(cut.value.items[i], expected);
            }
            // input, key, expected (moc cannot read raw strings in macros)
            const QList<std::array<const char*, 3>> cases{
                {"{\"a\":1,\"m\":[{\"x\":\"]\\\"}\"}],\"b\":2}", "m", "{\"a\":1,\"b\":2}"},
                {"{\"a\":1,\"m\":{\"k\":[1,{}]}}", "m", "{\"a\":1}"},
                {"{\"m\":[],\"s\":\"\\\"m\\\":[1]\"}", "m", "{\"s\":\"\\\"m\\\":[1]\"}"},
                {"{\"m\":[1,2", "m", "{\"m\":[1,2"},
                {"{\"m\":3}", "m", "{\"m\":3}"}};
            for (const auto& [in, key, want] : cases)
                QCOMPARE(kube::detail::withoutMembers(QByteArray(in), key), QByteArray(want));
        }
        // as `kubectl get pods` prints them
        const QMap<QString, QString> expected{
            {QStringLiteral("ready"), QStringLiteral("Running 1/1 0")},
            {QStringLiteral("not-ready"), QStringLiteral("Running 0/1 0")},
            {QStringLiteral("restarts"), QStringLiteral("CrashLoopBackOff 1/2 5")},
            {QStringLiteral("terminating"), QStringLiteral("Terminating 1/1 0")},
            {QStringLiteral("init"), QStringLiteral("Init:1/2 0/1 0")},
            {QStringLiteral("sidecar"), QStringLiteral("Running 2/2 1")},
            {QStringLiteral("completed"), QStringLiteral("Completed 0/1 0")},
            {QStringLiteral("error"), QStringLiteral("Error 0/1 0")},
            {QStringLiteral("creating"), QStringLiteral("ContainerCreating 0/1 0")},
            {QStringLiteral("pending"), QStringLiteral("Pending 0/1 0")}};
        QCOMPARE(phases, expected);
        auto stateOf = [&](const char* name) {
            for (int r = 0; r < fromTable.rowCount(); ++r)
                if (fromTable.pod(r).name == QLatin1String(name))
                    return PodsModel::stateOf(fromTable.pod(r));
            return PodsModel::State::Failed;
        };
        QCOMPARE(stateOf("ready"), PodsModel::State::Ready);
        QCOMPARE(stateOf("completed"), PodsModel::State::Ready);
        QCOMPARE(stateOf("not-ready"), PodsModel::State::Progressing);
        QCOMPARE(stateOf("init"), PodsModel::State::Progressing);
        QCOMPARE(stateOf("creating"), PodsModel::State::Progressing);
        QCOMPARE(stateOf("restarts"), PodsModel::State::Failed);
        QCOMPARE(stateOf("error"), PodsModel::State::Failed);
        QCOMPARE(stateOf("terminating"), PodsModel::State::Terminating);
    }

    // A large first list is loaded in chunks (the GUI thread is not held for all of it); an
    // event that arrives meanwhile applies after the list, even for a pod not loaded yet.
    void largeListInChunks()
    {
        PodsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QJsonObject base = fixtures::items(QStringLiteral("pods.json")).first();
        auto pod = [&](int i) {
            QJsonObject p = base;
            QJsonObject meta = p[QLatin1String("metadata")].toObject();
            meta[QStringLiteral("uid")] = QStringLiteral("uid-%1").arg(i);
            meta[QStringLiteral("name")] = QStringLiteral("pod-%1").arg(i);
            p[QStringLiteral("metadata")] = meta;
            return p;
        };
        QList<QJsonObject> list;
        for (int i = 0; i < 5000; ++i)
            list << pod(i);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setPods(list);
        QVERIFY(model.rowCount() <= 1000);
        QCOMPARE(model.pendingRows(), 5000 - model.rowCount());
        model.enqueue({{kube::WatchEvent::Type::Deleted, pod(4999)}});
        QTRY_COMPARE(model.rowCount(), 4999);
        QVERIFY(inserted.size() >= 4);
        QCOMPARE(model.pendingRows(), 0);
        QCOMPARE(model.pendingEvents(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("uid-4999")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("uid-4998")), 4998);
        // flush() loads everything at once
        model.setPods(list);
        model.flush();
        QCOMPARE(model.rowCount(), 5000);
    }

    // Removal keeps the uid index right without renumbering it: rows removed in the middle,
    // at the end, many scattered ones in one batch, a name deleted and created again with a
    // new uid; changed rows get one dataChanged per run of adjacent rows, never a range
    // spanning rows that did not change.
    void removalsAndIndex()
    {
        PodsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxEventsPerFrame(0);
        const QJsonObject base = fixtures::items(QStringLiteral("pods.json")).first();
        auto pod = [&](int i, const QString& uid,
                       const QString& phase = QStringLiteral("Running")) {
            QJsonObject p = base;
            QJsonObject meta = p[QLatin1String("metadata")].toObject();
            meta[QStringLiteral("uid")] = uid;
            meta[QStringLiteral("name")] = QStringLiteral("pod-%1").arg(i);
            p[QStringLiteral("metadata")] = meta;
            QJsonObject status = p[QLatin1String("status")].toObject();
            status[QStringLiteral("phase")] = phase;
            status.remove(QStringLiteral("containerStatuses"));
            p[QStringLiteral("status")] = status;
            return p;
        };
        auto uid = [](int i) { return QStringLiteral("uid-%1").arg(i); };
        QList<QJsonObject> list;
        for (int i = 0; i < 100; ++i)
            list << pod(i, uid(i));
        model.setPods(list);
        model.flush();
        QCOMPARE(model.rowCount(), 100);
        using T = kube::WatchEvent::Type;
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // the middle
        model.enqueue({{T::Deleted, pod(50, uid(50))}});
        model.flush();
        QCOMPARE(model.rowCount(), 99);
        QCOMPARE(model.rowOf(uid(50)), -1);
        QCOMPARE(model.rowOf(uid(51)), 50);
        QCOMPARE(model.pod(50).name, QStringLiteral("pod-51"));
        QVERIFY(indexConsistent(model));

        // the end, and the first row
        model.enqueue({{T::Deleted, pod(99, uid(99))}, {T::Deleted, pod(0, uid(0))}});
        model.flush();
        QCOMPARE(model.rowCount(), 97);
        QCOMPARE(model.pod(0).name, QStringLiteral("pod-1"));
        QCOMPARE(model.pod(96).name, QStringLiteral("pod-98"));
        QVERIFY(indexConsistent(model));

        // many scattered ones and a contiguous run in one batch, with updates between them
        removed.clear();
        changed.clear();
        QList<kube::WatchEvent> batch;
        for (int i = 1; i < 40; i += 3)
            batch << kube::WatchEvent{T::Deleted, pod(i, uid(i))};
        for (int i = 60; i < 70; ++i)
            batch << kube::WatchEvent{T::Deleted, pod(i, uid(i))};
        for (int i : {2, 3, 80, 90})
            batch << kube::WatchEvent{T::Modified, pod(i, uid(i), QStringLiteral("Pending"))};
        model.enqueue(batch);
        model.flush();
        QCOMPARE(model.rowCount(), 97 - 13 - 10);
        QCOMPARE(removed.size(), 13 + 1); // each scattered row, the run at once
        QVERIFY(indexConsistent(model));
        for (int i = 1; i < 40; i += 3)
            QCOMPARE(model.rowOf(uid(i)), -1);
        QCOMPARE(model.rowOf(uid(70)), model.rowOf(uid(59)) + 1);
        // pod-2 and pod-3 are adjacent rows: one signal; pod-80 and pod-90 one each
        QCOMPARE(changed.size(), 3);
        for (const QList<QVariant>& c : changed) {
            const int top = c[0].value<QModelIndex>().row();
            const int bottom = c[1].value<QModelIndex>().row();
            for (int r = top; r <= bottom; ++r)
                QCOMPARE(model.pod(r).phase, QStringLiteral("Pending"));
        }
        QCOMPARE(phaseOf(model, QStringLiteral("pod-80")), QStringLiteral("Pending"));
        QCOMPARE(phaseOf(model, QStringLiteral("pod-81")), QStringLiteral("Running"));

        // a pod deleted and created again under the same name: a new uid, a new row at the end
        model.enqueue({{T::Deleted, pod(20, uid(20))}});
        model.enqueue({{T::Added, pod(20, QStringLiteral("uid-20-again"))}});
        model.flush();
        QCOMPARE(model.rowOf(uid(20)), -1);
        QCOMPARE(model.rowOf(QStringLiteral("uid-20-again")), model.rowCount() - 1);
        QCOMPARE(model.pod(model.rowCount() - 1).name, QStringLiteral("pod-20"));
        QCOMPARE(names(model).count(QStringLiteral("pod-20")), 1);
        QVERIFY(indexConsistent(model));

        // everything, then the same uids listed again
        QList<kube::WatchEvent> all;
        for (int i = 0; i < model.rowCount(); ++i)
            all << kube::WatchEvent{T::Deleted, pod(0, model.pod(i).uid)};
        model.enqueue(all);
        model.flush();
        QCOMPARE(model.rowCount(), 0);
        model.enqueue({{T::Added, pod(7, uid(7))}, {T::Added, pod(8, uid(8))}});
        model.flush();
        QCOMPARE(names(model), (QStringList{QStringLiteral("pod-7"), QStringLiteral("pod-8")}));
        QVERIFY(indexConsistent(model));
    }

    // A burst larger than the per-frame bound is spread over frames, in order.
    void boundedWorkPerFrame()
    {
        PodsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxEventsPerFrame(250);
        model.setPods({});
        QSignalSpy applied(&model, &PodsModel::batchApplied);
        const QJsonObject base = fixtures::items(QStringLiteral("pods.json")).first();
        QList<kube::WatchEvent> burst;
        for (int i = 0; i < 600; ++i) {
            QJsonObject pod = base;
            QJsonObject meta = pod[QLatin1String("metadata")].toObject();
            meta[QStringLiteral("uid")] = QStringLiteral("uid-%1").arg(i);
            meta[QStringLiteral("name")] = QStringLiteral("pod-%1").arg(i);
            pod[QStringLiteral("metadata")] = meta;
            burst << kube::WatchEvent{kube::WatchEvent::Type::Added, pod};
        }
        model.enqueue(burst);
        QTRY_COMPARE(model.rowCount(), 600);
        QCOMPARE(applied.size(), 3);
        QCOMPARE(applied[0][0].toInt(), 250);
        QCOMPARE(applied[1][0].toInt(), 250);
        QCOMPARE(applied[2][0].toInt(), 100);
        QCOMPARE(model.index(599, 0).data().toString(), QStringLiteral("pod-599"));
        QCOMPARE(model.pendingEvents(), 0);
    }
};

QTEST_MAIN(TestPodsModel)
#include "tst_podsmodel.moc"
