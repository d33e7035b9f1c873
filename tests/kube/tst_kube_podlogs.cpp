// PodLogStream against a local scripted HTTP server (scriptedserver.h): lines split across
// odd chunks, batching, the ring and line-length bounds, a slow owner thread, resuming a
// dropped follow stream from the last timestamp without duplicates or gaps, a follow the
// server ends while the container still runs, and errors that must not be retried.

#include "scriptedserver.h"

#include "kube/client.h"
#include "kube/podlogs.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <tuple>

using namespace kube;
using kubetest::ScriptedServer;

namespace {

std::shared_ptr<Client> clientFor(const QByteArray& url)
{
    ClusterConnection c;
    c.contextName = QStringLiteral("scripted");
    c.clusterName = QStringLiteral("scripted");
    c.userName = QStringLiteral("tester");
    c.namespaceName = QStringLiteral("default");
    c.cluster.server = QString::fromLatin1(url);
    c.user.token = QStringLiteral("token");
    auto r = Client::create(c);
    return r ? r.value : nullptr;
}

// "2026-01-01T10:00:SS.FFFFFFFFFZ text\n" with the seconds and fraction given in ms.
QByteArray line(int ms, const QByteArray& text)
{
    return formatRfc3339Nanos(qint64(1767261600000 + ms) * 1000000) + ' ' + text + '\n';
}

ScriptedServer::Answer stream(QList<QByteArray> chunks, bool closeAfter = false,
                              bool holdOpen = false, int pauseMs = 0)
{
    ScriptedServer::Answer a;
    a.code = 200;
    a.chunked = true;
    a.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain")));
    a.chunks = std::move(chunks);
    a.closeAfter = closeAfter;
    a.holdOpen = holdOpen;
    a.pauseMs = pauseMs;
    return a;
}

QByteArray statusBody(int code, const char* reason, const char* message)
{
    return QStringLiteral("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                          "\"message\":\"%1\",\"reason\":\"%2\",\"code\":%3}")
        .arg(QString::fromUtf8(message), QString::fromUtf8(reason))
        .arg(code)
        .toUtf8();
}

QUrlQuery queryOf(const ScriptedServer::Seen& s)
{
    const QByteArray target = s.target;
    return QUrlQuery(QString::fromUtf8(target.mid(target.indexOf('?') + 1)));
}

bool waitFor(const std::function<bool()>& done, int timeoutMs = 15000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return done();
}

QStringList texts(const QList<LogLine>& lines)
{
    QStringList out;
    for (const LogLine& l : lines)
        out << l.text;
    return out;
}

// Mirrors what an item model bound to the stream does with linesAdded.
struct ModelMirror
{
    QStringList rows;
    int batches = 0;
    void connect(PodLogStream* s)
    {
        QObject::connect(s, &PodLogStream::linesAdded, s,
                         [this](const QList<LogLine>& lines, qint64 dropped) {
                             ++batches;
                             QVERIFY(dropped <= rows.size());
                             rows.remove(0, qsizetype(dropped));
                             rows += texts(lines);
                         });
    }
};

} // namespace

class TestPodLogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timestamps()
    {
        qint64 ns = 0;
        QVERIFY(parseRfc3339Nanos("2026-12-02T00:55:56.429924834Z", &ns));
        QCOMPARE(formatRfc3339Nanos(ns), QByteArray("2026-12-02T00:55:56.429924834Z"));
        QVERIFY(parseRfc3339Nanos("1970-01-01T00:00:01Z", &ns));
        QCOMPARE(ns, qint64(1000000000));
        QVERIFY(parseRfc3339Nanos("1970-01-01T01:00:01.5+01:00", &ns));
        QCOMPARE(ns, qint64(1500000000));
        QVERIFY(parseRfc3339Nanos("2024-02-29T23:59:59.123456789123Z", &ns)); // > 9 digits
        QCOMPARE(formatRfc3339Nanos(ns), QByteArray("2024-02-29T23:59:59.123456789Z"));
        for (const char* bad :
             {"", "2026-12-02", "2026-12-02T00:55:56", "2026-13-02T00:55:56Z",
              "2026-12-02T00:55:56.Z", "2026-12-02T00:55:56Zjunk", "not a time at all!!!"})
            QVERIFY2(!parseRfc3339Nanos(bad, &ns), bad);
    }

    // 1,000 lines in 333 chunks cut at odd places, the last line without its newline:
    // every line once, in order, in a few batches; the request asks what was asked.
    void batchesLinesSplitAcrossChunks()
    {
        ScriptedServer server;
        QByteArray body;
        for (int i = 0; i < 1000; ++i)
            body += line(i, "line " + QByteArray::number(i));
        body.chop(1); // the last line has no newline
        QList<QByteArray> chunks;
        for (qsizetype at = 0; at < body.size(); at += 97)
            chunks << body.mid(at, 97);
        server.queue(stream(chunks, false, false, 1));
        auto client = clientFor(server.url());
        PodLogOptions o;
        o.container = QStringLiteral("app");
        o.tailLines = 1000;
        PodLogLimits limits;
        limits.batchMs = 100;
        PodLogStream s(client, QStringLiteral("ns1"), QStringLiteral("pod-a"), o, limits);
        ModelMirror mirror;
        mirror.connect(&s);
        QSignalSpy finished(&s, &PodLogStream::finished);
        s.start();
        QCOMPARE(s.state(), LogStreamState::Connecting); // start() returned at once
        QVERIFY(waitFor([&] { return finished.count() == 1; }));
        QVERIFY(finished.first().first().value<Status>().ok());
        QCOMPARE(s.state(), LogStreamState::Finished);
        QCOMPARE(s.deliveredLines(), 1000);
        QCOMPARE(s.droppedLines(), 0);
        QStringList expected;
        for (int i = 0; i < 1000; ++i)
            expected << QStringLiteral("line %1").arg(i);
        QCOMPARE(texts(s.lines()), expected);
        QCOMPARE(mirror.rows, expected);
        QVERIFY2(
            mirror.batches < chunks.size() / 4,
            qPrintable(
                QStringLiteral("%1 batches for %2 chunks").arg(mirror.batches).arg(chunks.size())));
        QCOMPARE(s.lineAt(999).timestamp, formatRfc3339Nanos(qint64(1767261600999) * 1000000));
        const QList<ScriptedServer::Seen> seen = server.seen();
        QCOMPARE(seen.size(), 1);
        QVERIFY(seen.first().target.startsWith("/api/v1/namespaces/ns1/pods/pod-a/log?"));
        const QUrlQuery q = queryOf(seen.first());
        QCOMPARE(q.queryItemValue(QStringLiteral("container")), QStringLiteral("app"));
        QCOMPARE(q.queryItemValue(QStringLiteral("tailLines")), QStringLiteral("1000"));
        QCOMPARE(q.queryItemValue(QStringLiteral("timestamps")), QStringLiteral("true"));
        QVERIFY(!q.hasQueryItem(QStringLiteral("follow")));
    }

    // The ring keeps the newest maxLines; the rest is counted, and a model that removes
    // `dropped` rows per batch ends up with exactly the ring.
    void ringKeepsTheNewestLines()
    {
        ScriptedServer server;
        QList<QByteArray> chunks;
        for (int c = 0; c < 50; ++c) {
            QByteArray chunk;
            for (int i = 0; i < 100; ++i)
                chunk += line(c * 100 + i, "n" + QByteArray::number(c * 100 + i));
            chunks << chunk;
        }
        server.queue(stream(chunks, false, false, 5));
        auto client = clientFor(server.url());
        PodLogLimits limits;
        limits.maxLines = 300;
        limits.batchMs = 10;
        PodLogStream s(client, QStringLiteral("ns1"), QStringLiteral("pod-a"), {}, limits);
        ModelMirror mirror;
        mirror.connect(&s);
        QSignalSpy finished(&s, &PodLogStream::finished);
        s.start();
        QVERIFY(waitFor([&] { return finished.count() == 1; }));
        QCOMPARE(s.lineCount(), 300);
        QCOMPARE(s.droppedLines(), 4700);
        QCOMPARE(s.droppedLines() - s.undeliveredLines() + s.lineCount(), s.deliveredLines());
        QCOMPARE(s.lineAt(0).text, QStringLiteral("n4700"));
        QCOMPARE(s.lineAt(299).text, QStringLiteral("n4999"));
        QCOMPARE(mirror.rows, texts(s.lines()));
        QVERIFY(mirror.batches > 1);
    }

    // A line of 1 MiB is cut at maxLineBytes (on a UTF-8 boundary); what follows is intact.
    void longLinesAreCut()
    {
        ScriptedServer server;
        QByteArray huge = QByteArray(100, 'x') + "\xc3\xa9" + QByteArray(1024 * 1024, 'y');
        QList<QByteArray> chunks{line(0, "short"), line(1, huge).left(5000)};
        const QByteArray rest = line(1, huge).mid(5000);
        for (qsizetype at = 0; at < rest.size(); at += 65536)
            chunks << rest.mid(at, 65536);
        chunks << line(2, "after");
        server.queue(stream(chunks));
        auto client = clientFor(server.url());
        PodLogLimits limits;
        limits.maxLineBytes = 101; // inside the two-byte character: cut before it
        PodLogStream s(client, QStringLiteral("ns1"), QStringLiteral("pod-a"), {}, limits);
        QSignalSpy finished(&s, &PodLogStream::finished);
        s.start();
        QVERIFY(waitFor([&] { return finished.count() == 1; }));
        QCOMPARE(s.lineCount(), 3);
        QCOMPARE(s.lineAt(0).text, QStringLiteral("short"));
        QCOMPARE(s.lineAt(1).text, QString(100, QLatin1Char('x')));
        QCOMPARE(s.lineAt(1).cutBytes, qint64(huge.size() - 100));
        QVERIFY(s.lineAt(1).timeNs != 0);
        QCOMPARE(s.lineAt(2).text, QStringLiteral("after"));
        QCOMPARE(s.cutLines(), 1);
    }

    // The owner's thread is busy while 5,000 lines arrive: what waits for it is bounded by
    // the same limits (the newest kept, the rest counted), not by the owner's speed.
    void slowOwnerIsBounded()
    {
        ScriptedServer server;
        QByteArray body;
        for (int i = 0; i < 5000; ++i)
            body += line(i, "n" + QByteArray::number(i));
        server.queue(stream({body}));
        auto client = clientFor(server.url());
        PodLogLimits limits;
        limits.maxLines = 100;
        PodLogStream s(client, QStringLiteral("ns1"), QStringLiteral("pod-a"), {}, limits);
        QSignalSpy finished(&s, &PodLogStream::finished);
        s.start();
        QThread::msleep(1500); // no events processed: the transport's thread reads everything
        QVERIFY(waitFor([&] { return finished.count() == 1; }));
        QCOMPARE(s.deliveredLines(), 100);
        QCOMPARE(s.droppedLines(), 4900);
        QCOMPARE(s.undeliveredLines(), 4900);
        QCOMPARE(s.lineAt(0).text, QStringLiteral("n4900"));
    }

    // A follow stream cut mid-line is resumed from the last delivered timestamp. The second
    // connection repeats the boundary (same timestamp, including two identical lines) as
    // the kubelet does, since the API server sends it sinceTime in whole seconds: nothing is
    // delivered twice, nothing is lost, and the half line of the cut is not delivered.
    void followResumesWithoutDuplicatesOrGaps()
    {
        ScriptedServer server;
        server.queue(stream({line(1000, "A") + line(1500, "B"),
                             line(2500, "C") + line(2500, "X") + line(2500, "X"),
                             line(3000, "half a li").left(40)},
                            true));
        server.queue(stream({line(2000, "before"), // the server's whole-second boundary
                             line(2500, "C") + line(2500, "X") + line(2500, "X"),
                             line(2500, "X") + line(2500, "D"),
                             line(3000, "half a line, complete now") + line(3500, "E")},
                            false, true));
        auto client = clientFor(server.url());
        PodLogOptions o;
        o.follow = true;
        o.tailLines = 10;
        PodLogLimits limits;
        limits.batchMs = 10;
        limits.maxBackoffMs = 200;
        PodLogStream s(client, QStringLiteral("ns1"), QStringLiteral("pod-a"), o, limits);
        QList<LogStreamState> states;
        connect(&s, &PodLogStream::stateChanged, this,
                [&](LogStreamState st, const QString&) { states << st; });
        ModelMirror mirror;
        mirror.connect(&s);
        s.start();
        QVERIFY(waitFor([&] { return mirror.rows.size() >= 9; }));
        QTest::qWait(200);
        const QStringList expected{QStringLiteral("A"), QStringLiteral("B"),
                                   QStringLiteral("C"), QStringLiteral("X"),
                                   QStringLiteral("X"), QStringLiteral("X"),
                                   QStringLiteral("D"), QStringLiteral("half a line, complete now"),
                                   QStringLiteral("E")};
        QCOMPARE(mirror.rows, expected);
        QCOMPARE(texts(s.lines()), expected);
        QCOMPARE(s.resumes(), 1);
        QCOMPARE(s.state(), LogStreamState::Streaming);
        QVERIFY(states.contains(LogStreamState::Reconnecting));
        const QList<ScriptedServer::Seen> seen = server.seen();
        QCOMPARE(seen.size(), 2);
        const QUrlQuery first = queryOf(seen.at(0)), second = queryOf(seen.at(1));
        QCOMPARE(first.queryItemValue(QStringLiteral("tailLines")), QStringLiteral("10"));
        QVERIFY(!first.hasQueryItem(QStringLiteral("sinceTime")));
        QCOMPARE(second.queryItemValue(QStringLiteral("follow")), QStringLiteral("true"));
        QVERIFY(!second.hasQueryItem(QStringLiteral("tailLines")));
        QCOMPARE(second.queryItemValue(QStringLiteral("sinceTime"), QUrl::FullyDecoded),
                 QString::fromLatin1(formatRfc3339Nanos(qint64(1767261602500) * 1000000)));
        s.stop();
        QCOMPARE(s.state(), LogStreamState::Finished);
    }

    // The server ends a follow cleanly: the stream asks for the pod; its container still
    // runs, so it resumes; the next end finds it terminated, and the log is finished.
    void followEndedByServerWhileRunning()
    {
        auto pod = [](const char* state) {
            return QStringLiteral("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":"
                                  "\"pod-a\",\"namespace\":\"ns1\"},\"spec\":{\"containers\":[{"
                                  "\"name\":\"app\"}]},\"status\":{\"containerStatuses\":[{"
                                  "\"name\":\"app\",\"state\":{\"%1\":{}}}]}}")
                .arg(QString::fromLatin1(state))
                .toUtf8();
        };
        ScriptedServer server;
        server.queue(stream({line(0, "one")}));
        server.queue(ScriptedServer::json(200, pod("running")));
        server.queue(stream({line(0, "one") + line(1, "two")}));
        server.queue(ScriptedServer::json(200, pod("terminated")));
        auto client = clientFor(server.url());
        PodLogOptions o;
        o.follow = true;
        PodLogLimits limits;
        limits.maxBackoffMs = 100;
        PodLogStream s(client, QStringLiteral("ns1"), QStringLiteral("pod-a"), o, limits);
        QSignalSpy finished(&s, &PodLogStream::finished);
        s.start();
        QVERIFY(waitFor([&] { return finished.count() == 1; }));
        QVERIFY(finished.first().first().value<Status>().ok());
        QCOMPARE(texts(s.lines()), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(server.seen().size(), 4);
        QVERIFY(server.seen().at(1).target.endsWith("/api/v1/namespaces/ns1/pods/pod-a"));
    }

    // 4xx answers fail at once with the server's message; 5xx are retried (bounded without
    // follow) and then fail.
    void errors()
    {
        {
            ScriptedServer server;
            server.queue(ScriptedServer::json(
                400, statusBody(400, "BadRequest", "container bogus is not valid for pod pod-a")));
            auto client = clientFor(server.url());
            PodLogOptions o;
            o.follow = true;
            o.container = QStringLiteral("bogus");
            PodLogStream s(client, QStringLiteral("ns1"), QStringLiteral("pod-a"), o);
            QSignalSpy finished(&s, &PodLogStream::finished);
            s.start();
            QVERIFY(waitFor([&] { return finished.count() == 1; }));
            const Status st = finished.first().first().value<Status>();
            QCOMPARE(st.httpCode, 400);
            QVERIFY2(st.toString().contains(QLatin1String("container bogus is not valid")),
                     qPrintable(st.toString()));
            QVERIFY2(st.toString().contains(QLatin1String("pod ns1/pod-a container bogus")),
                     qPrintable(st.toString()));
            QCOMPARE(s.state(), LogStreamState::Failed);
            QTest::qWait(300);
            QCOMPARE(server.seen().size(), 1);
        }
        {
            ScriptedServer server;
            for (int i = 0; i < 3; ++i)
                server.queue(ScriptedServer::json(
                    503, statusBody(503, "ServiceUnavailable", "kubelet unreachable")));
            auto client = clientFor(server.url());
            PodLogLimits limits;
            limits.nonFollowAttempts = 3;
            limits.maxBackoffMs = 100;
            PodLogStream s(client, QStringLiteral("ns1"), QStringLiteral("pod-a"), {}, limits);
            QSignalSpy finished(&s, &PodLogStream::finished);
            s.start();
            QVERIFY(waitFor([&] { return finished.count() == 1; }));
            QCOMPARE(finished.first().first().value<Status>().httpCode, 503);
            QCOMPARE(server.seen().size(), 3);
            QCOMPARE(s.resumes(), 2);
        }
    }

    // A name that could not be a pod's never reaches a request path.
    void invalidNamesSendNothing()
    {
        ScriptedServer server;
        auto client = clientFor(server.url());
        for (const auto& [ns, pod, container] : QList<std::tuple<QString, QString, QString>>{
                 {QStringLiteral("ns1"), QStringLiteral("../secrets/x"), QString()},
                 {QStringLiteral("ns1"), QStringLiteral("Pod-A"), QString()},
                 {QStringLiteral("a/b"), QStringLiteral("pod-a"), QString()},
                 {QStringLiteral("ns1"), QStringLiteral("pod-a"), QStringLiteral("c?x=1")}}) {
            PodLogOptions o;
            o.container = container;
            PodLogStream s(client, ns, pod, o);
            QSignalSpy finished(&s, &PodLogStream::finished);
            s.start();
            QVERIFY(waitFor([&] { return finished.count() == 1; }));
            const Status st = finished.first().first().value<Status>();
            QCOMPARE(st.kind, Status::Kind::Invalid);
            QVERIFY2(st.message.contains(QLatin1String("is not a valid")), qPrintable(st.message));
        }
        Result<LogTargetPods> r =
            resolveLogTarget(client, QStringLiteral("ns1"), QStringLiteral("pod/../../x")).result();
        QCOMPARE(r.status.kind, Status::Kind::Invalid);
        r = resolveLogTarget(client, QStringLiteral("ns1"), QStringLiteral("revision/a b"))
                .result();
        QCOMPARE(r.status.kind, Status::Kind::Invalid);
        QVERIFY2(r.status.message.contains(QLatin1String("not a valid revision name")),
                 qPrintable(r.status.message));
        QCOMPARE(server.seen().size(), 0);
    }

    // Bad command lines of `veladesk logs` and `veladesk events` are refused before any
    // connection, with exit code 2 and a message naming the problem.
    void cliUsageErrors()
    {
        struct Case
        {
            QStringList args;
            QString message;
        };
        const QList<Case> cases{
            {{QStringLiteral("logs")}, QStringLiteral("give one POD")},
            {{QStringLiteral("logs"), QStringLiteral("a"), QStringLiteral("b")},
             QStringLiteral("give one POD")},
            {{QStringLiteral("logs"), QStringLiteral("p"), QStringLiteral("--tail"),
              QStringLiteral("ten")},
             QStringLiteral("--tail takes a number")},
            {{QStringLiteral("logs"), QStringLiteral("p"), QStringLiteral("--since-time"),
              QStringLiteral("yesterday")},
             QStringLiteral("--since-time takes an RFC 3339 time")},
            {{QStringLiteral("logs"), QStringLiteral("p"), QStringLiteral("-c")},
             QStringLiteral("flag -c needs a value")},
            {{QStringLiteral("logs"), QStringLiteral("p"), QStringLiteral("--bogus")},
             QStringLiteral("unknown flag --bogus")},
            {{QStringLiteral("events"), QStringLiteral("web")},
             QStringLiteral("give one KIND/NAME")},
            {{QStringLiteral("events"), QStringLiteral("pod/web"), QStringLiteral("-o"),
              QStringLiteral("table")},
             QStringLiteral("-o takes yaml or json")},
        };
        for (const Case& c : cases) {
            QProcess p;
            p.start(qEnvironmentVariable("VELADESK_BINARY"),
                    QStringList{QStringLiteral("--kubeconfig"),
                                QStringLiteral("/nonexistent/kubeconfig")} +
                        c.args);
            QVERIFY(p.waitForFinished(30000));
            const QString err = QString::fromUtf8(p.readAllStandardError());
            QVERIFY2(p.exitCode() == 2, qPrintable(c.args.join(QLatin1Char(' ')) + err));
            QVERIFY2(err.contains(c.message), qPrintable(err));
        }
        QProcess help;
        help.start(qEnvironmentVariable("VELADESK_BINARY"),
                   {QStringLiteral("logs"), QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(30000));
        QCOMPARE(help.exitCode(), 0);
        QVERIFY(help.readAllStandardOutput().contains("revision/REV"));
    }
};

QTEST_GUILESS_MAIN(TestPodLogs)
#include "tst_kube_podlogs.moc"
