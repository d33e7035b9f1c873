// Pod logs and events against the local control plane: the API server asks the kwok
// controller (the nodes' "kubelet") for the container logs that tests/cluster/podlogs writes
// (KWOK's log simulation), so these are real log requests end to end.
//   - `veladesk logs` prints what `kubectl logs` prints for the same pod (current, previous,
//     with timestamps, a second container, a revision's pods with prefixes);
//   - a follow stream receives the lines the harness appends every second, and survives a
//     kube-apiserver restart (tests/cluster/restart-apiserver.sh) with no line lost or twice;
//   - the events of a pod, including those from before anyone looked, then new ones.

#include "kubetest.h"

#include "kube/events.h"
#include "kube/podlogs.h"
#include "tests/rollout/clitest.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace kube;
using namespace kubetest;

namespace {

using clitest::Run;

// The commands compared here answer within a minute.
Run runProcess(const QString& program, const QStringList& args)
{
    return clitest::runProcess(program, args, QProcessEnvironment::systemEnvironment(), 60000);
}

QStringList connectionArgs(const QString& ns)
{
    return {QStringLiteral("--kubeconfig"), kubeconfigPath(), QStringLiteral("-n"), ns};
}

Run veladesk(const QString& ns, const QStringList& args)
{
    return runProcess(qEnvironmentVariable("VELADESK_BINARY"), args + connectionArgs(ns));
}

Run kubectl(const QString& ns, const QStringList& args)
{
    return runProcess(kubectlProgram(), args + connectionArgs(ns));
}

QStringList linesOf(const QString& text)
{
    QStringList l = text.split(QLatin1Char('\n'));
    if (!l.isEmpty() && l.last().isEmpty())
        l.removeLast();
    return l;
}

QJsonObject podObject(const QString& ns, const QString& name, const QString& revision,
                      const QStringList& containers)
{
    QJsonArray cs;
    for (const QString& c : containers)
        cs.append(QJsonObject{{QStringLiteral("name"), c},
                              {QStringLiteral("image"), QStringLiteral("example/app:1")}});
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), ns},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("app.oam.dev/appRevision"), revision}}}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), cs}}}};
}

// seq=N of a harness line, or -1.
int seqOf(const QString& line)
{
    static const QRegularExpression re(QStringLiteral("\\bseq=(\\d+)"));
    const auto m = re.match(line);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

class TestPodLogsCluster : public QObject
{
    Q_OBJECT
    std::shared_ptr<Client> m_client;
    std::unique_ptr<ScopedNamespace> m_ns;
    const QString m_revision = QStringLiteral("logs-demo-v1");

    // Waits until the harness has set up the pod's log (kubectl logs answers with lines).
    bool waitForLogs(const QString& pod, const QString& container)
    {
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            const Run r = kubectl(m_ns->name(),
                                  {QStringLiteral("logs"), pod, QStringLiteral("-c"), container});
            if (r.exitCode == 0 && linesOf(r.out).size() >= 2)
                return true;
            QTest::qWait(300);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_client = adminClient();
        QVERIFY(m_client);
        QVERIFY2(!kubectlProgram().isEmpty(), "kubectl not found");
        m_ns = std::make_unique<ScopedNamespace>(m_client, QStringLiteral("vdk-logs"));
        QVERIFY(m_ns->ok());
        const QString ns = m_ns->name();
        QVERIFY(await(m_client->create(
            ResourceType::pods(), ns,
            podObject(ns, QStringLiteral("web-a"), m_revision, {QStringLiteral("app")}))));
        QVERIFY(
            await(m_client->create(ResourceType::pods(), ns,
                                   podObject(ns, QStringLiteral("web-b"), m_revision,
                                             {QStringLiteral("app"), QStringLiteral("sidecar")}))));
        QVERIFY(waitForLogs(QStringLiteral("web-a"), QStringLiteral("app")));
        QVERIFY(waitForLogs(QStringLiteral("web-b"), QStringLiteral("sidecar")));
    }

    void cleanupTestCase() { m_ns.reset(); }

    // The same lines as kubectl logs. The current log grows every second, so veladesk's
    // output (taken first) must be the start of kubectl's; previous logs are fixed.
    void cliPrintsWhatKubectlPrints()
    {
        const QString ns = m_ns->name();
        const Run v = veladesk(ns, {QStringLiteral("logs"), QStringLiteral("web-a")});
        const Run k = kubectl(ns, {QStringLiteral("logs"), QStringLiteral("web-a")});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(k.exitCode, 0);
        const QStringList vl = linesOf(v.out), kl = linesOf(k.out);
        QVERIFY2(vl.size() >= 2, qPrintable(v.out + v.err));
        QCOMPARE(vl, kl.mid(0, vl.size()));
        QVERIFY2(kl.size() - vl.size() <= 5, qPrintable(k.out));
        QVERIFY2(vl.first().startsWith(QStringLiteral("revision=%1 pod=%2/web-a container=app "
                                                      "seq=1")
                                           .arg(m_revision, ns)),
                 qPrintable(vl.first()));

        for (const QStringList& args :
             {QStringList{QStringLiteral("logs"), QStringLiteral("web-a"), QStringLiteral("-p")},
              QStringList{QStringLiteral("logs"), QStringLiteral("web-b"), QStringLiteral("-c"),
                          QStringLiteral("sidecar"), QStringLiteral("--previous"),
                          QStringLiteral("--timestamps")}}) {
            const Run pv = veladesk(ns, args), pk = kubectl(ns, args);
            QCOMPARE(pv.exitCode, 0);
            QCOMPARE(pk.exitCode, 0);
            QCOMPARE(linesOf(pv.out).size(), 3);
            QCOMPARE(pv.out, pk.out);
        }

        // A time in the past and a tail: again the start of kubectl's answer.
        const QString since = QDateTime::currentDateTimeUtc().addSecs(-3).toString(Qt::ISODate);
        const QStringList args{QStringLiteral("logs"),
                               QStringLiteral("web-b"),
                               QStringLiteral("--timestamps"),
                               QStringLiteral("--since-time"),
                               since,
                               QStringLiteral("-c"),
                               QStringLiteral("app")};
        const Run sv = veladesk(ns, args), sk = kubectl(ns, args);
        QCOMPARE(sv.exitCode, 0);
        QVERIFY(!linesOf(sv.out).isEmpty());
        QCOMPARE(linesOf(sv.out), linesOf(sk.out).mid(0, linesOf(sv.out).size()));
        const Run tv = veladesk(ns, {QStringLiteral("logs"), QStringLiteral("web-a"),
                                     QStringLiteral("--tail"), QStringLiteral("2")});
        QCOMPARE(linesOf(tv.out).size(), 2);

        // Two containers and no -c: kubectl's default (the first), said on stderr.
        const Run dv = veladesk(ns, {QStringLiteral("logs"), QStringLiteral("web-b")});
        QCOMPARE(dv.exitCode, 0);
        QVERIFY2(dv.err.contains(QStringLiteral("Defaulted container \"app\" out of: app, "
                                                "sidecar")),
                 qPrintable(dv.err));
        QVERIFY(linesOf(dv.out).first().contains(QStringLiteral("container=app ")));
    }

    // revision/REV: every pod of the revision, prefixed as kubectl logs --prefix does.
    void revisionShowsAllItsPodsPrefixed()
    {
        const QString ns = m_ns->name();
        const Run v =
            veladesk(ns, {QStringLiteral("logs"), QStringLiteral("revision/") + m_revision,
                          QStringLiteral("-p")});
        const Run k = kubectl(ns, {QStringLiteral("logs"), QStringLiteral("-l"),
                                   QStringLiteral("app.oam.dev/appRevision=") + m_revision,
                                   QStringLiteral("--prefix"), QStringLiteral("-p"),
                                   QStringLiteral("--tail=-1")});
        QCOMPARE(v.exitCode, 0);
        QCOMPARE(k.exitCode, 0);
        QStringList vl = linesOf(v.out), kl = linesOf(k.out);
        QCOMPARE(vl.size(), 6);
        vl.sort();
        kl.sort();
        QCOMPARE(vl, kl);
        QVERIFY(vl.first().startsWith(QStringLiteral("[pod/web-a/app] revision=") + m_revision));

        const Run none =
            veladesk(ns, {QStringLiteral("logs"), QStringLiteral("revision/no-such-revision")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("revision no-such-revision has no pods")),
                 qPrintable(none.err));
        const Run badContainer = veladesk(ns, {QStringLiteral("logs"), QStringLiteral("web-a"),
                                               QStringLiteral("-c"), QStringLiteral("nope")});
        QCOMPARE(badContainer.exitCode, 1);
        QVERIFY2(badContainer.err.contains(QStringLiteral("container nope is not valid")),
                 qPrintable(badContainer.err));
    }

    // -f prints the lines the harness appends, as they come.
    void cliFollowPrintsNewLines()
    {
        QProcess p;
        p.start(qEnvironmentVariable("VELADESK_BINARY"),
                QStringList{QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("web-a"),
                            QStringLiteral("--tail"), QStringLiteral("1")} +
                    connectionArgs(m_ns->name()));
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QDeadlineTimer deadline(20000);
        while (out.count('\n') < 4 && !deadline.hasExpired()) {
            p.waitForReadyRead(500);
            out += p.readAllStandardOutput();
        }
        QCOMPARE(p.state(), QProcess::Running); // still following
        p.kill();
        p.waitForFinished();
        const QStringList lines = linesOf(QString::fromUtf8(out));
        QVERIFY2(lines.size() >= 4, out.constData());
        for (qsizetype i = 1; i < lines.size(); ++i)
            QCOMPARE(seqOf(lines.at(i)), seqOf(lines.at(i - 1)) + 1);
    }

    // A follow stream across a kube-apiserver restart: it goes Reconnecting, resumes from
    // the last timestamp, and the harness's sequence numbers run on without a gap or a
    // repeat.
    void followSurvivesApiserverRestart()
    {
        PodLogOptions o;
        o.follow = true;
        o.tailLines = 2;
        PodLogStream s(m_client, m_ns->name(), QStringLiteral("web-a"), o);
        QList<LogStreamState> states;
        connect(&s, &PodLogStream::stateChanged, this,
                [&](LogStreamState st, const QString& message) {
                    states << st;
                    qInfo("log stream: %d %s", int(st), qPrintable(message));
                });
        s.start();
        QVERIFY(QTest::qWaitFor([&] { return s.lineCount() >= 3; }, 15000));

        QProcess restart;
        restart.setProcessChannelMode(QProcess::ForwardedChannels);
        restart.start(QStringLiteral("bash"),
                      {qEnvironmentVariable("VELADESK_CLUSTER_SCRIPTS") +
                           QStringLiteral("/restart-apiserver.sh"),
                       QStringLiteral("--name"), qEnvironmentVariable("VELADESK_TEST_CLUSTER"),
                       QStringLiteral("--down-seconds"), QStringLiteral("3"),
                       QStringLiteral("--kubeconfig"), kubeconfigPath()});
        QVERIFY(restart.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return restart.state() == QProcess::NotRunning; }, 120000));
        QCOMPARE(restart.exitCode(), 0);
        const qint64 atRestart = s.deliveredLines();
        QVERIFY(QTest::qWaitFor([&] { return s.deliveredLines() >= atRestart + 4; }, 60000));

        QVERIFY2(states.contains(LogStreamState::Reconnecting), "the stream never dropped");
        QVERIFY(s.resumes() >= 1);
        QCOMPARE(s.state(), LogStreamState::Streaming);
        QCOMPARE(s.droppedLines(), 0);
        const QList<LogLine> lines = s.lines();
        for (qsizetype i = 1; i < lines.size(); ++i)
            QVERIFY2(
                seqOf(lines.at(i).text) == seqOf(lines.at(i - 1).text) + 1,
                qPrintable(lines.at(i - 1).text + QStringLiteral(" then ") + lines.at(i).text));
        qInfo("lines seq %d..%d across the restart, %d resume(s)", seqOf(lines.first().text),
              seqOf(lines.last().text), s.resumes());
        s.stop();
    }

    // Events of a pod: those from before (the scheduler's), sorted, then new ones by watch.
    void eventsOfAnObject()
    {
        const QString ns = m_ns->name();
        const QJsonObject pod =
            await(m_client->get(ResourceType::pods(), ns, QStringLiteral("web-a"))).value;
        ObjectRef ref{QStringLiteral("Pod"), ns, QStringLiteral("web-a"),
                      pod.value(QStringLiteral("metadata"))
                          .toObject()
                          .value(QStringLiteral("uid"))
                          .toString()};
        QVERIFY(!ref.uid.isEmpty());
        Result<QList<QJsonObject>> events = await(listEvents(*m_client, ref));
        QVERIFY2(events.ok(), qPrintable(events.status.toString()));
        QStringList reasons;
        for (const QJsonObject& e : events.value)
            reasons << e.value(QStringLiteral("reason")).toString();
        QVERIFY2(reasons.contains(QStringLiteral("Scheduled")),
                 qPrintable(reasons.join(QLatin1Char(','))));
        for (qsizetype i = 1; i < events.value.size(); ++i)
            QVERIFY(eventTime(events.value.at(i - 1)) <= eventTime(events.value.at(i)));

        // The other pod's events are not mixed in.
        for (const QJsonObject& e : events.value)
            QCOMPARE(e.value(QStringLiteral("involvedObject"))
                         .toObject()
                         .value(QStringLiteral("name"))
                         .toString(),
                     QStringLiteral("web-a"));

        Watch* w = watchEvents(*m_client, ref, this);
        QSignalSpy synced(w, &Watch::synced);
        QSignalSpy added(w, &Watch::events);
        w->start();
        QVERIFY(synced.wait(15000));
        QCOMPARE(synced.first().first().value<QList<QJsonObject>>().size(), events.value.size());
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const QJsonObject event{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Event")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("web-a.test-event")},
                         {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("involvedObject"),
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("Pod")},
                         {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                         {QStringLiteral("name"), QStringLiteral("web-a")},
                         {QStringLiteral("namespace"), ns},
                         {QStringLiteral("uid"), ref.uid}}},
            {QStringLiteral("reason"), QStringLiteral("VeladeskTest")},
            {QStringLiteral("message"), QStringLiteral("an event written by the test")},
            {QStringLiteral("type"), QStringLiteral("Warning")},
            {QStringLiteral("firstTimestamp"), now},
            {QStringLiteral("lastTimestamp"), now},
            {QStringLiteral("count"), 1},
            {QStringLiteral("source"),
             QJsonObject{{QStringLiteral("component"), QStringLiteral("veladesk-test")}}}};
        QVERIFY(await(m_client->create(ResourceType::events(), ns, event)));
        QVERIFY(QTest::qWaitFor([&] { return added.count() > 0; }, 15000));
        const auto batch = added.first().first().value<QList<WatchEvent>>();
        QCOMPARE(batch.first().object.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("VeladeskTest"));
        delete w;

        const Run v = veladesk(ns, {QStringLiteral("events"), QStringLiteral("pod/web-a")});
        QCOMPARE(v.exitCode, 0);
        const QStringList lines = linesOf(v.out);
        QVERIFY2(lines.size() >= 3, qPrintable(v.out + v.err));
        QVERIFY(lines.first().startsWith(QStringLiteral("LAST SEEN")));
        QVERIFY(v.out.contains(QStringLiteral("Scheduled")));
        QVERIFY(lines.last().contains(QStringLiteral("VeladeskTest")));
        QVERIFY(lines.last().contains(QStringLiteral("pod/web-a")));
        const Run unknown = veladesk(ns, {QStringLiteral("events"), QStringLiteral("gizmo/x")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("\"gizmo\"")), qPrintable(unknown.err));
    }
};

QTEST_GUILESS_MAIN(TestPodLogsCluster)
#include "tst_kube_podlogs_cluster.moc"
