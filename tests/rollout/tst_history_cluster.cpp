// Apply history and rollback (issue 13, item 2) against the local control plane, through the
// command line (`veladesk apply`, `history`, `rollback`) and the engine, while a RoutingMonitor
// watches the namespace. Test functions run in order and build on each other:
//   three applies with different weights -> three entries (who, when, result, weights, previous)
//   rollback --to 1 -> plan 1 live again, zero routing violations, a fourth entry
//   unknown / pruned revisions -> a clear error, nothing changed
//   a cancelled apply -> its entry says Interrupted
//   the 21st entry prunes the first; the history-limit annotation keeps fewer
//   recording that fails (a foreign object holds the next name) -> the apply still succeeds,
//   says so, and routes safely

#include "kube/client.h"
#include "kube/rollout/applier.h"
#include "kube/rollout/cluster.h"
#include "kube/rollout/history.h"
#include "kube/rollout/routingmonitor.h"
#include "kube/yamljson.h"
#include "transitionplans.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace kube::rollout;
using transitions::makePlan;
using transitions::Rev;

namespace {

const QString kNs = QStringLiteral("rollout-history-it");
const QString kAd = QStringLiteral("example-appdeploy");

template <typename T> T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QString diagnostics() const
    {
        return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(exitCode).arg(out, err);
    }
};

Run veladesk(const QStringList& args)
{
    QProcess p;
    p.start(qEnvironmentVariable("VELADESK_BINARY"),
            args + QStringList{QStringLiteral("--kubeconfig"),
                               qEnvironmentVariable("VELADESK_TEST_KUBECONFIG"),
                               QStringLiteral("-n"), kNs});
    p.waitForFinished(300000);
    return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestHistoryCluster : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> m_client;
    std::unique_ptr<RoutingMonitor> m_monitor;
    QTemporaryDir m_dir;
    QDateTime m_start;
    const QList<QList<Rev>> m_plans = {
        {{"v1", 1, 100}},
        {{"v1", 1, 50}, {"v2", 1, 50}},
        {{"v1", 1, 10}, {"v2", 2, 90}},
    };

    QString planFile(int index)
    {
        const QString path = m_dir.filePath(QStringLiteral("plan%1.yaml").arg(index));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(kube::toYaml(makePlan(kNs, m_plans.at(index)).toJson()));
        return path;
    }

    HistoryList history()
    {
        auto h = listHistory(*m_client, kNs, kAd);
        if (!h)
            qFatal("list history: %s", qPrintable(h.status.toString()));
        return h.value;
    }

    QMap<QString, int> liveWeights()
    {
        auto vs = wait(m_client->get(kube::ResourceType::virtualServices(), kNs, kAd));
        QMap<QString, int> out;
        if (vs)
            for (const RouteDestination& d : routeDestinations(vs.value, kNs))
                out.insert(d.service, d.weight);
        return out;
    }

    static QMap<QString, int> weightsOf(const QList<Rev>& revs)
    {
        QMap<QString, int> out;
        for (const Rev& r : revs)
            out.insert(QStringLiteral("example-app-") + QLatin1String(r.name), r.weight);
        return out;
    }

    void expectNoViolation(const RoutingMonitorCounts& before, const QString& what)
    {
        QVERIFY(m_monitor->settle());
        const RoutingMonitorCounts after = m_monitor->counts();
        qInfo().noquote() << QStringLiteral("%1: monitor saw %2 states, %3 violation(s)")
                                 .arg(what)
                                 .arg(after.states - before.states)
                                 .arg(after.violations - before.violations);
        QVERIFY2(after.violations == before.violations, qPrintable(m_monitor->summary()));
    }

    QString adResourceVersion()
    {
        auto ad = wait(m_client->get(kube::ResourceType::appDeployments(), kNs, kAd));
        return ad.value.value(QLatin1String("metadata"))
            .toObject()
            .value(QLatin1String("resourceVersion"))
            .toString();
    }

    // Applies `revs` through the engine (as the GUI does); the report.
    ApplyReport applyDirect(const QList<Rev>& revs, const QJsonObject& annotations = {})
    {
        AppDeploymentPlan plan = makePlan(kNs, revs);
        plan.annotations = annotations;
        ApplyOptions o;
        o.tool = QStringLiteral("veladesk-test");
        // Some tests here apply the same plan again to count entries: run every step (an
        // unchanged apply records none; tst_rollout_integration checks that).
        o.skipUnchanged = false;
        Applier applier(m_client, plan, o);
        return applier.run();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto c = transitions::connectTestCluster();
        QVERIFY2(c.ok(), qPrintable(c.status.toString()));
        m_client = c.value;
        wait(m_client->remove(kube::ResourceType::namespaces(), {}, kNs));
        QTRY_VERIFY_WITH_TIMEOUT(
            wait(m_client->get(kube::ResourceType::namespaces(), {}, kNs)).status.isNotFound(),
            120000);
        auto ns = wait(m_client->create(kube::ResourceType::namespaces(), {},
                                        transitions::namespaceObject(kNs)));
        QVERIFY2(ns.ok(), qPrintable(ns.status.toString()));
        const kube::Status rec = transitions::recordRevisions(*m_client, kNs);
        QVERIFY2(rec.ok(), qPrintable(rec.toString()));
        m_monitor = std::make_unique<RoutingMonitor>(m_client, kNs);
        const kube::Status st = m_monitor->start();
        QVERIFY2(st.ok(), qPrintable(st.toString()));
        m_start = QDateTime::currentDateTimeUtc().addSecs(-1);
    }

    void cleanupTestCase()
    {
        if (m_monitor) {
            qInfo().noquote() << m_monitor->summary();
            m_monitor->stop();
        }
        if (m_client)
            wait(m_client->remove(kube::ResourceType::namespaces(), {}, kNs));
    }

    void threeAppliesThreeEntries()
    {
        const RoutingMonitorCounts before = m_monitor->counts();
        for (int i = 0; i < 3; ++i) {
            const Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"), planFile(i)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.diagnostics()));
            QVERIFY2(r.out.contains(QStringLiteral("history: recorded as revision %1").arg(i + 1)),
                     qPrintable(r.diagnostics()));
        }
        expectNoViolation(before, QStringLiteral("three applies"));

        const Run r = veladesk(
            {QStringLiteral("history"), kAd, QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.diagnostics()));
        const QJsonArray entries = QJsonDocument::fromJson(r.out.toUtf8())
                                       .object()
                                       .value(QLatin1String("entries"))
                                       .toArray();
        QCOMPARE(entries.size(), 3);
        const QString who =
            m_client->connection().userName + QLatin1Char('@') + QSysInfo::machineHostName();
        const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(1);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject e = entries.at(i).toObject();
            QCOMPARE(e.value(QLatin1String("revision")).toInt(), i + 1);
            QCOMPARE(e.value(QLatin1String("previousRevision")).toInt(), i); // 0: absent
            QCOMPARE(e.value(QLatin1String("who")).toString(), who);
            QCOMPARE(e.value(QLatin1String("tool")).toString(), QStringLiteral("veladesk-cli"));
            QCOMPARE(e.value(QLatin1String("result")).toString(), QStringLiteral("Succeeded"));
            const QDateTime when =
                QDateTime::fromString(e.value(QLatin1String("startedAt")).toString(), Qt::ISODate);
            QVERIFY2(when >= m_start.addSecs(-1) && when <= now,
                     qPrintable(e.value(QLatin1String("startedAt")).toString()));
            QMap<QString, int> weights;
            const QJsonObject w = e.value(QLatin1String("weights")).toObject();
            for (auto it = w.begin(); it != w.end(); ++it)
                weights.insert(it.key(), it.value().toInt());
            QCOMPARE(weights, weightsOf(m_plans.at(i)));
            // The plan exactly as applied.
            QCOMPARE(e.value(QLatin1String("plan")).toObject().value(QLatin1String("spec")),
                     makePlan(kNs, m_plans.at(i)).toJson().value(QLatin1String("spec")));
        }
        // tests/rollout/history/controllerrevisions.json (tst_rollout_history's fixture) is this
        // list as the server returned it, recorded with VELADESK_RECORD_HISTORY_FIXTURE=<file>.
        if (const QString out = qEnvironmentVariable("VELADESK_RECORD_HISTORY_FIXTURE");
            !out.isEmpty()) {
            kube::Request req;
            req.path = historyType().collectionPath(kNs);
            req.query.addQueryItem(QStringLiteral("labelSelector"), historyLabelSelector(kAd));
            const kube::Response list = wait(m_client->send(req));
            QVERIFY2(list.status.ok(), qPrintable(list.status.toString()));
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(list.json()).toJson(QJsonDocument::Indented));
        }
        // The table, kubectl rollout history style.
        const Run table = veladesk({QStringLiteral("history"), kAd});
        QVERIFY2(table.exitCode == 0, qPrintable(table.diagnostics()));
        for (const char* column : {"REVISION", "WHEN", "WHO", "RESULT", "WEIGHTS"})
            QVERIFY2(table.out.contains(QLatin1String(column)), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("example-app-v1=10,example-app-v2=90")),
                 qPrintable(table.out));
        QCOMPARE(table.out.count(QStringLiteral("Succeeded")), 3);
        // One entry's plan, ready to apply again.
        const Run one =
            veladesk({QStringLiteral("history"), kAd, QStringLiteral("--revision"),
                      QStringLiteral("2"), QStringLiteral("-o"), QStringLiteral("yaml")});
        QVERIFY2(one.exitCode == 0, qPrintable(one.diagnostics()));
        auto parsed =
            kube::parseYamlDocuments(one.out.toUtf8(), QStringLiteral("history --revision 2"));
        QVERIFY2(parsed.ok() && parsed.value.size() == 1, qPrintable(one.out));
        auto plan2 = AppDeploymentPlan::fromJson(parsed.value.first());
        QVERIFY2(plan2.ok(), qPrintable(plan2.status.toString()));
        QVERIFY(plan2.value == makePlan(kNs, m_plans.at(1)));
    }

    void rollbackToFirst()
    {
        const RoutingMonitorCounts before = m_monitor->counts();
        const Run r = veladesk(
            {QStringLiteral("rollback"), kAd, QStringLiteral("--to"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.diagnostics()));
        // The plan change is printed before the apply's steps.
        const qsizetype diffAt =
            r.out.indexOf(QStringLiteral("+++ appdeployment/%1 (revision 1)").arg(kAd));
        QVERIFY2(diffAt >= 0, qPrintable(r.diagnostics()));
        QVERIFY2(diffAt < r.out.indexOf(QStringLiteral("[1/13]")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("history: recorded as revision 4")),
                 qPrintable(r.diagnostics()));
        expectNoViolation(before, QStringLiteral("rollback --to 1"));
        QMap<QString, int> live = liveWeights();
        QCOMPARE(live.size(), 1);
        QCOMPARE(live.first(), 100);
        QVERIFY(live.firstKey().startsWith(QStringLiteral("example-app-v1-")));
        auto state = readAppDeploymentState(*m_client, kNs, kAd);
        QVERIFY2(state.ok(), qPrintable(state.status.toString()));
        QVERIFY(state.value.plan == makePlan(kNs, m_plans.at(0)));
        QCOMPARE(state.value.plan.status.phase, QStringLiteral("Completed"));

        const HistoryList h = history();
        QCOMPARE(h.entries.size(), 4);
        const HistoryEntry& fourth = h.entries.last();
        QCOMPARE(fourth.revision, qint64(4));
        QCOMPARE(fourth.previousRevision, qint64(3));
        QCOMPARE(fourth.changeCause, QStringLiteral("rollback to 1"));
        QCOMPARE(fourth.result, HistoryResult::Succeeded);
        QCOMPARE(fourth.applied.value(QLatin1String("spec")),
                 h.entries.first().applied.value(QLatin1String("spec")));
    }

    void unknownRevisionChangesNothing()
    {
        const QString rv = adResourceVersion();
        const Run r = veladesk(
            {QStringLiteral("rollback"), kAd, QStringLiteral("--to"), QStringLiteral("99")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(kAd) && r.err.contains(QStringLiteral("revision 99")) &&
                     r.err.contains(QStringLiteral("nothing was changed")),
                 qPrintable(r.diagnostics()));
        QVERIFY2(!r.out.contains(QStringLiteral("[1/13]")), qPrintable(r.out));
        QCOMPARE(adResourceVersion(), rv);
        QCOMPARE(history().entries.size(), 4);
        const Run bad = veladesk(
            {QStringLiteral("rollback"), kAd, QStringLiteral("--to"), QStringLiteral("first")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--to")), qPrintable(bad.diagnostics()));
        const Run missing = veladesk({QStringLiteral("history"), QStringLiteral("no-such-ad")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no-such-ad")),
                 qPrintable(missing.diagnostics()));
    }

    void cancelledApplyIsInterrupted()
    {
        const RoutingMonitorCounts before = m_monitor->counts();
        ApplyOptions o;
        o.tool = QStringLiteral("veladesk-test");
        Applier applier(m_client, makePlan(kNs, m_plans.at(2)), o);
        connect(&applier, &Applier::stepStarted, this, [&](ApplyStep s, const QString&) {
            if (s == ApplyStep::ReadinessGuard)
                applier.cancel();
        });
        const ApplyReport r = applier.run();
        QVERIFY(!r.ok());
        QCOMPARE(r.historyRevision, qint64(5));
        expectNoViolation(before, QStringLiteral("cancelled apply"));
        const HistoryEntry e = history().entries.last();
        QCOMPARE(e.revision, qint64(5));
        QCOMPARE(e.result, HistoryResult::Interrupted);
        QCOMPARE(e.tool, QStringLiteral("veladesk-test"));
        QVERIFY(e.finishedAt.isValid());
        QVERIFY2(e.message.contains(QStringLiteral("cancelled")), qPrintable(e.message));
        const Run table = veladesk({QStringLiteral("history"), kAd});
        QVERIFY2(table.out.contains(QStringLiteral("Interrupted")), qPrintable(table.out));
    }

    void twentyFirstPrunesFirst()
    {
        const RoutingMonitorCounts before = m_monitor->counts();
        // Entries 6..20: the same plan again (fast: nothing to wait for).
        for (int rev = 6; rev <= 20; ++rev) {
            const ApplyReport r = applyDirect(m_plans.at(0));
            QVERIFY2(r.ok(), qPrintable(r.toString()));
            QCOMPARE(r.historyRevision, qint64(rev));
        }
        QCOMPARE(history().entries.size(), 20);
        QCOMPARE(history().entries.first().revision, qint64(1));
        const ApplyReport r = applyDirect(m_plans.at(1));
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        QCOMPARE(r.historyRevision, qint64(21));
        QVERIFY2(r.historyWarnings.isEmpty(),
                 qPrintable(r.historyWarnings.join(QLatin1Char('\n'))));
        const HistoryList h = history();
        QCOMPARE(h.entries.size(), 20);
        QCOMPARE(h.entries.first().revision, qint64(2));
        QCOMPARE(h.entries.last().revision, qint64(21));
        expectNoViolation(before, QStringLiteral("16 applies"));

        const QString rv = adResourceVersion();
        const Run pruned = veladesk(
            {QStringLiteral("rollback"), kAd, QStringLiteral("--to"), QStringLiteral("1")});
        QCOMPARE(pruned.exitCode, 1);
        QVERIFY2(pruned.err.contains(
                     QStringLiteral("revision 1 of AppDeployment %1/%2 was pruned").arg(kNs, kAd)),
                 qPrintable(pruned.diagnostics()));
        QCOMPARE(adResourceVersion(), rv);
        const Run show = veladesk(
            {QStringLiteral("history"), kAd, QStringLiteral("--revision"), QStringLiteral("1")});
        QCOMPARE(show.exitCode, 1);
        QVERIFY2(show.err.contains(QStringLiteral("pruned")), qPrintable(show.diagnostics()));
    }

    void historyLimitAnnotation()
    {
        const ApplyReport r = applyDirect(
            m_plans.at(1), QJsonObject{{key(labels::historyLimit), QStringLiteral("3")}});
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        QCOMPARE(r.historyRevision, qint64(22));
        const HistoryList h = history();
        QCOMPARE(h.entries.size(), 3);
        QCOMPARE(h.entries.first().revision, qint64(20));
        // A malformed limit is refused before anything is written.
        const QString rv = adResourceVersion();
        const ApplyReport bad = applyDirect(
            m_plans.at(1), QJsonObject{{key(labels::historyLimit), QStringLiteral("lots")}});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.status.message.contains(key(labels::historyLimit)),
                 qPrintable(bad.status.toString()));
        QCOMPARE(adResourceVersion(), rv);
        QCOMPARE(history().entries.size(), 3);
        // The flag: --history-limit 2 keeps two.
        const Run bad2 = veladesk({QStringLiteral("apply"), QStringLiteral("-f"), planFile(1),
                                   QStringLiteral("--history-limit"), QStringLiteral("0")});
        QCOMPARE(bad2.exitCode, 2);
        QVERIFY2(bad2.err.contains(QStringLiteral("--history-limit")),
                 qPrintable(bad2.diagnostics()));
        const Run two = veladesk({QStringLiteral("apply"), QStringLiteral("-f"), planFile(1),
                                  QStringLiteral("--history-limit"), QStringLiteral("2")});
        QVERIFY2(two.exitCode == 0, qPrintable(two.diagnostics()));
        const HistoryList h2 = history();
        QCOMPARE(h2.entries.size(), 2);
        QCOMPARE(h2.entries.last().revision, qint64(23));
    }

    void recordingFailureKeepsTheApply()
    {
        // A ControllerRevision that is not a history entry holds the next entry's name: the
        // create fails with 409; the apply goes on, routes safely and says so.
        const qint64 next = history().entries.last().revision + 1;
        const QJsonObject blocker{
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("ControllerRevision")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), historyObjectName(kAd, next)}}},
            {QStringLiteral("revision"), 1},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("note"), QStringLiteral("x")}}}};
        auto created = wait(m_client->create(historyType(), kNs, blocker));
        QVERIFY2(created.ok(), qPrintable(created.status.toString()));
        const RoutingMonitorCounts before = m_monitor->counts();
        const Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"), planFile(2)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.diagnostics()));
        QVERIFY2(r.err.contains(QStringLiteral("could not be recorded in the history")),
                 qPrintable(r.diagnostics()));
        QVERIFY2(!r.out.contains(QStringLiteral("history: recorded")), qPrintable(r.out));
        expectNoViolation(before, QStringLiteral("apply without history"));
        QCOMPARE(liveWeights().size(), 2);
        QCOMPARE(history().entries.last().revision, next - 1);
    }
};

QTEST_GUILESS_MAIN(TestHistoryCluster)
#include "tst_history_cluster.moc"
