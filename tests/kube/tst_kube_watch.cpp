// Watch against the real control plane: events in order, nothing lost when kube-apiserver
// restarts in the middle of a burst of changes, nor across a forced 410 Gone.

#include "kubetest.h"

#include "kube/watch.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace kube;
using namespace kubetest;

namespace {

QString nameOf(const QJsonObject& o)
{
    return o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
}

QString valueOf(const QJsonObject& o)
{
    return o.value(QStringLiteral("data")).toObject().value(QStringLiteral("v")).toString();
}

QString rvOf(const QJsonObject& o)
{
    return o.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("resourceVersion"))
        .toString();
}

// Everything a watch delivered, per object name, in order.
struct EventLog
{
    QHash<QString, QList<WatchEvent>> byName;
    int total = 0;
    QList<WatchHealth> health;
    QStringList healthMessages;
    // When the watch was not connected: [went Reconnecting/Failed, came back Connected], in
    // milliseconds of `clock` (the end is -1 while still out).
    QElapsedTimer clock;
    QList<QPair<qint64, qint64>> outages;

    void attach(Watch* w)
    {
        QObject::connect(w, &Watch::synced, w, [this](const QList<QJsonObject>& objects) {
            for (const QJsonObject& o : objects)
                byName[nameOf(o)].append({WatchEvent::Type::Added, o});
        });
        QObject::connect(w, &Watch::events, w, [this](const QList<WatchEvent>& events) {
            for (const WatchEvent& e : events) {
                byName[nameOf(e.object)].append(e);
                ++total;
            }
        });
        clock.start();
        QObject::connect(w, &Watch::healthChanged, w,
                         [this](WatchHealth h, const QString& message) {
                             health << h;
                             healthMessages << message;
                             const bool out = !outages.isEmpty() && outages.last().second < 0;
                             if (h == WatchHealth::Connected && out)
                                 outages.last().second = clock.elapsed();
                             else if (h != WatchHealth::Connected && !out)
                                 outages.append({clock.elapsed(), -1});
                         });
    }

    // An object whose whole life (created, then deleted) fell within one outage of the
    // watch was never there for any list or stream to see. (The outage starts when the
    // watch notices it; a write answered just before the server went down may not have
    // reached the stream: 2 s of slack.)
    bool livedWhileOut(qint64 createdDone, qint64 deleteStarted) const
    {
        for (const auto& [from, to] : outages) {
            if (createdDone >= from - 2000 && (to < 0 || deleteStarted <= to))
                return true;
        }
        return false;
    }

    // The sequence of events of one object makes sense: Added first, nothing after Deleted
    // unless Added again, no Added twice in a row.
    QString inconsistency(const QString& name) const
    {
        bool exists = false;
        for (const WatchEvent& e : byName.value(name)) {
            switch (e.type) {
            case WatchEvent::Type::Added:
                if (exists)
                    return name + QStringLiteral(": Added twice");
                exists = true;
                break;
            case WatchEvent::Type::Modified:
                if (!exists)
                    return name + QStringLiteral(": Modified before Added");
                break;
            case WatchEvent::Type::Deleted:
                if (!exists)
                    return name + QStringLiteral(": Deleted before Added");
                exists = false;
                break;
            }
        }
        return {};
    }
};

// Server state by name -> resourceVersion.
QHash<QString, QString> serverState(Client& client, const QString& ns)
{
    auto r = await(client.list(ResourceType::configMaps(), ns));
    QHash<QString, QString> out;
    if (!r.ok()) {
        qWarning("list failed: %s", qPrintable(r.status.toString()));
        return out;
    }
    for (const QJsonObject& o : r.value.items)
        out.insert(nameOf(o), rvOf(o));
    return out;
}

QHash<QString, QString> watchState(const Watch& w)
{
    QHash<QString, QString> out;
    const auto snap = w.snapshot();
    for (const QJsonObject& o : snap)
        out.insert(nameOf(o), rvOf(o));
    return out;
}

} // namespace

class TestKubeWatch : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<Client> client;

    // Retries one write until the API server takes it; an earlier attempt whose answer was
    // lost may already have done it (AlreadyExists / NotFound then mean done).
    int writeUntilDone(const std::function<QFuture<Status>()>& write)
    {
        int failures = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 120000) {
            Status s = await(write());
            if (s.ok() || s.reason == QLatin1String("AlreadyExists") || s.httpCode == 404)
                return failures;
            ++failures;
            QTest::qWait(200);
        }
        qFatal("write did not succeed within 120 s");
    }

    QFuture<Status> createCm(const QString& ns, const QString& name, const QString& v)
    {
        return client
            ->create(ResourceType::configMaps(), ns,
                     configMap(ns, name, {{QStringLiteral("v"), v}}))
            .then([](const Result<QJsonObject>& r) { return r.status; });
    }
    QFuture<Status> applyCm(const QString& ns, const QString& name, const QString& v)
    {
        WriteOptions o;
        o.force = true;
        return client
            ->apply(ResourceType::configMaps(), ns, configMap(ns, name, {{QStringLiteral("v"), v}}),
                    o)
            .then([](const Result<QJsonObject>& r) { return r.status; });
    }
    QFuture<Status> deleteCm(const QString& ns, const QString& name)
    {
        return client->remove(ResourceType::configMaps(), ns, name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!kubeconfigPath().isEmpty(), "VELADESK_TEST_KUBECONFIG is not set");
        client = adminClient();
        QVERIFY(client);
    }

    void eventsInOrder()
    {
        ScopedNamespace ns(client, QStringLiteral("vdk-watch"));
        QVERIFY(ns.ok());
        QVERIFY(await(createCm(ns.name(), QStringLiteral("before"), QStringLiteral("0"))).ok());
        Watch* w = client->watch(ResourceType::configMaps(), ns.name(), {}, this);
        QSignalSpy synced(w, &Watch::synced);
        EventLog log;
        log.attach(w);
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w->health(), WatchHealth::Connected, 20000);
        QVERIFY(log.byName.contains(QStringLiteral("before")));

        QVERIFY(await(createCm(ns.name(), QStringLiteral("a"), QStringLiteral("1"))).ok());
        QVERIFY(await(applyCm(ns.name(), QStringLiteral("a"), QStringLiteral("2"))).ok());
        QVERIFY(await(deleteCm(ns.name(), QStringLiteral("a"))).ok());
        QTRY_COMPARE_WITH_TIMEOUT(log.byName.value(QStringLiteral("a")).size(), 3, 20000);
        const auto a = log.byName.value(QStringLiteral("a"));
        QCOMPARE(a.at(0).type, WatchEvent::Type::Added);
        QCOMPARE(valueOf(a.at(0).object), QStringLiteral("1"));
        QCOMPARE(a.at(1).type, WatchEvent::Type::Modified);
        QCOMPARE(valueOf(a.at(1).object), QStringLiteral("2"));
        QCOMPARE(a.at(2).type, WatchEvent::Type::Deleted);
        QCOMPARE(a.at(0).object.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("ConfigMap"));
        QCOMPARE(w->relistCount(), 0);
        QCOMPARE(watchState(*w), serverState(*client, ns.name()));
        delete w;
    }

    void noEventLostAcrossApiserverRestart()
    {
        const QString scripts = qEnvironmentVariable("VELADESK_CLUSTER_SCRIPTS");
        const QString cluster = qEnvironmentVariable("VELADESK_TEST_CLUSTER");
        QVERIFY2(!scripts.isEmpty() && !cluster.isEmpty(),
                 "VELADESK_CLUSTER_SCRIPTS / VELADESK_TEST_CLUSTER are not set");
        ScopedNamespace ns(client, QStringLiteral("vdk-restart"));
        QVERIFY(ns.ok());

        Watch* w = client->watch(ResourceType::configMaps(), ns.name(), {}, this);
        QSignalSpy synced(w, &Watch::synced);
        EventLog log;
        log.attach(w);
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w->health(), WatchHealth::Connected, 20000);
        log.outages.clear(); // the start is not an outage

        // A burst: 120 creates, every third object then modified, every fifth deleted; the
        // API server is stopped (down 3 s) and started again after the 40th operation.
        const int count = 120;
        QProcess restart;
        // Whatever happens to this test, the API server must come back for the next ones.
        struct WaitForRestart
        {
            QProcess& p;
            ~WaitForRestart()
            {
                if (p.state() != QProcess::NotRunning)
                    p.waitForFinished(120000);
            }
        } waitForRestart{restart};
        int failedWrites = 0;
        QHash<QString, QString> expectedValue;             // name -> last value ("" = deleted)
        QHash<QString, qint64> createdDone, deleteStarted; // in log.clock's milliseconds
        int op = 0;
        auto maybeRestart = [&] {
            if (++op != 40)
                return;
            restart.setProgram(QStringLiteral("bash"));
            restart.setArguments({scripts + QStringLiteral("/restart-apiserver.sh"),
                                  QStringLiteral("--name"), cluster,
                                  QStringLiteral("--down-seconds"), QStringLiteral("3"),
                                  QStringLiteral("--kubeconfig"), kubeconfigPath()});
            restart.setProcessChannelMode(QProcess::ForwardedChannels);
            restart.start();
            // The old process is gone (or going) before the burst goes on.
            QTest::qWait(500);
        };
        for (int i = 0; i < count; ++i) {
            const QString name = QStringLiteral("cm-%1").arg(i);
            failedWrites +=
                writeUntilDone([&] { return createCm(ns.name(), name, QStringLiteral("0")); });
            createdDone[name] = log.clock.elapsed();
            expectedValue[name] = QStringLiteral("0");
            maybeRestart();
            if (i % 3 == 0) {
                failedWrites +=
                    writeUntilDone([&] { return applyCm(ns.name(), name, QStringLiteral("1")); });
                expectedValue[name] = QStringLiteral("1");
                maybeRestart();
            }
            if (i % 5 == 0 && i > 0) {
                const QString victim = QStringLiteral("cm-%1").arg(i - 1);
                deleteStarted[victim] = log.clock.elapsed();
                failedWrites += writeUntilDone([&] { return deleteCm(ns.name(), victim); });
                expectedValue[victim] = QString();
                maybeRestart();
            }
        }
        if (restart.state() != QProcess::NotRunning)
            QVERIFY(restart.waitForFinished(120000));
        QCOMPARE(restart.exitStatus(), QProcess::NormalExit);
        QCOMPARE(restart.exitCode(), 0);
        // The restart happened in the middle of the burst: some writes had to be retried.
        QVERIFY2(failedWrites > 0, "no write failed: the API server was not down mid-burst");

        // The watch noticed, reconnected, and caught up.
        QVERIFY(log.health.contains(WatchHealth::Reconnecting));
        QTRY_COMPARE_WITH_TIMEOUT(w->health(), WatchHealth::Connected, 60000);
        const QHash<QString, QString> server = serverState(*client, ns.name());
        QTRY_COMPARE_WITH_TIMEOUT(watchState(*w), server, 60000);
        QVERIFY(w->relistCount() >= 1);

        // Every change that is still there is in the events: each object that exists was
        // Added and its last event carries the last value written; each object the watch saw
        // and that was deleted ends with Deleted. An object may go unseen only if it was
        // created and deleted while the watch was out (no list or stream could see it): how
        // many that is depends on how long the reconnection took against how fast the burst
        // went on, so it is checked per object, not counted.
        int unseen = 0;
        for (auto it = expectedValue.constBegin(); it != expectedValue.constEnd(); ++it) {
            const QList<WatchEvent> evs = log.byName.value(it.key());
            const QString inconsistency = log.inconsistency(it.key());
            QVERIFY2(inconsistency.isEmpty(), qPrintable(inconsistency));
            if (it.value().isEmpty()) {
                if (evs.isEmpty()) {
                    QVERIFY2(log.livedWhileOut(createdDone.value(it.key()),
                                               deleteStarted.value(it.key())),
                             qPrintable(it.key() + QStringLiteral(": created and deleted while "
                                                                  "the watch was connected, "
                                                                  "yet never seen")));
                    ++unseen;
                    continue;
                }
                QCOMPARE(evs.first().type, WatchEvent::Type::Added);
                QVERIFY2(evs.last().type == WatchEvent::Type::Deleted,
                         qPrintable(it.key() + QStringLiteral(": last event is not Deleted")));
            } else {
                QVERIFY2(!evs.isEmpty(), qPrintable(it.key() + QStringLiteral(": no event")));
                QCOMPARE(evs.first().type, WatchEvent::Type::Added);
                QVERIFY(evs.last().type != WatchEvent::Type::Deleted);
                QCOMPARE(valueOf(evs.last().object), it.value());
            }
        }
        QVERIFY(!log.outages.isEmpty());
        qint64 longest = 0;
        for (const auto& [from, to] : log.outages)
            longest = std::max(longest, to - from);
        qInfo("%d failed writes during the restart, %d relists, %d events, %d objects created "
              "and deleted while reconnecting, watch out for %lld ms at most",
              failedWrites, w->relistCount(), log.total, unseen, qlonglong(longest));
        delete w;
    }

    void noEventLostAcrossForced410_data()
    {
        QTest::addColumn<bool>("identityOnly");
        QTest::newRow("whole objects cached") << false;
        QTest::newRow("identities cached") << true;
    }

    void noEventLostAcrossForced410()
    {
        QFETCH(bool, identityOnly);
        ScopedNamespace ns(client, identityOnly ? QStringLiteral("vdk-gone-id")
                                                : QStringLiteral("vdk-gone"));
        QVERIFY(ns.ok());
        for (int i = 0; i < 20; ++i)
            QVERIFY(await(createCm(ns.name(), QStringLiteral("cm-%1").arg(i), QStringLiteral("0")))
                        .ok());
        Watch* w = client->watch(ResourceType::configMaps(), ns.name(), {}, this);
        w->setCacheIdentityOnly(identityOnly);
        QSignalSpy synced(w, &Watch::synced);
        EventLog log;
        log.attach(w);
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w->health(), WatchHealth::Connected, 20000);
        // the cache keeps identities only if asked (synced() delivers whole objects either way)
        for (const QJsonObject& o : w->snapshot())
            QCOMPARE(o.contains(QLatin1String("data")), !identityOnly);

        // Changes while the watch is not streaming: 10 created, 5 modified, 5 deleted.
        w->stop();
        for (int i = 20; i < 30; ++i)
            QVERIFY(await(createCm(ns.name(), QStringLiteral("cm-%1").arg(i), QStringLiteral("0")))
                        .ok());
        for (int i = 0; i < 5; ++i)
            QVERIFY(await(applyCm(ns.name(), QStringLiteral("cm-%1").arg(i), QStringLiteral("1")))
                        .ok());
        for (int i = 5; i < 10; ++i)
            QVERIFY(await(deleteCm(ns.name(), QStringLiteral("cm-%1").arg(i))).ok());
        const int eventsBefore = log.total;
        QCOMPARE(eventsBefore, 0);

        // Resume from a resourceVersion the server no longer keeps: 410 Gone.
        w->resume(QStringLiteral("1"));
        QTRY_COMPARE_WITH_TIMEOUT(w->relistCount(), 1, 20000);
        bool saw410 = false;
        for (const QString& m : log.healthMessages)
            saw410 = saw410 || m.contains(QLatin1String("410"));
        QVERIFY2(saw410, qPrintable(log.healthMessages.join(QLatin1Char('|'))));
        QTRY_COMPARE_WITH_TIMEOUT(w->health(), WatchHealth::Connected, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(watchState(*w), serverState(*client, ns.name()), 20000);

        // The relist reported exactly the difference.
        int added = 0, modified = 0, deleted = 0;
        for (auto it = log.byName.constBegin(); it != log.byName.constEnd(); ++it) {
            const QString inconsistency = log.inconsistency(it.key());
            QVERIFY2(inconsistency.isEmpty(), qPrintable(inconsistency));
            for (qsizetype k = 0; k < it.value().size(); ++k) {
                if (k == 0 && it.key().startsWith(QLatin1String("cm-")) &&
                    it.key().mid(3).toInt() < 20)
                    continue; // from synced()
                if (k == 0 && it.key() == QLatin1String("kube-root-ca.crt"))
                    continue;
                switch (it.value().at(k).type) {
                case WatchEvent::Type::Added:
                    ++added;
                    break;
                case WatchEvent::Type::Modified:
                    ++modified;
                    break;
                case WatchEvent::Type::Deleted:
                    ++deleted;
                    break;
                }
            }
        }
        QCOMPARE(added, 10);
        QCOMPARE(modified, 5);
        QCOMPARE(deleted, 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(valueOf(log.byName.value(QStringLiteral("cm-%1").arg(i)).last().object),
                     QStringLiteral("1"));
        // A deletion found by the relist names the object (its identity, or its last state).
        for (int i = 5; i < 10; ++i) {
            const QJsonObject gone = log.byName.value(QStringLiteral("cm-%1").arg(i)).last().object;
            const QJsonObject meta = gone.value(QLatin1String("metadata")).toObject();
            QCOMPARE(meta.value(QLatin1String("namespace")).toString(), ns.name());
            QVERIFY(!meta.value(QLatin1String("uid")).toString().isEmpty());
            QVERIFY(!meta.value(QLatin1String("resourceVersion")).toString().isEmpty());
            QCOMPARE(gone.value(QLatin1String("kind")).toString(), QStringLiteral("ConfigMap"));
            QCOMPARE(gone.contains(QLatin1String("data")), !identityOnly);
        }
        for (const QJsonObject& o : w->snapshot())
            QCOMPARE(o.contains(QLatin1String("data")), !identityOnly);

        // And it streams again afterwards.
        QVERIFY(await(createCm(ns.name(), QStringLiteral("after"), QStringLiteral("0"))).ok());
        QTRY_COMPARE_WITH_TIMEOUT(log.byName.value(QStringLiteral("after")).size(), 1, 20000);
        QCOMPARE(w->relistCount(), 1);
        delete w;
    }
};

QTEST_GUILESS_MAIN(TestKubeWatch)
#include "tst_kube_watch.moc"
