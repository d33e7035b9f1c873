// The probe engine (kube/rollout/probe.h) against local servers: a scripted HTTP server
// (tests/kube/scriptedserver.h) whose answers name revisions by header or body, fail, or never
// come, and `openssl s_server` for TLS. Counts, attribution, the 95 % interval, the bounds (in
// flight, per request, give-up) and cancel.

#include "kube/rollout/probe.h"
#include "tests/kube/scriptedserver.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace kube::rollout;
using kubetest::ScriptedServer;

namespace {

ScriptedServer::Answer answer(int code, QList<QPair<QByteArray, QByteArray>> headers,
                              const QByteArray& body = "ok")
{
    ScriptedServer::Answer a;
    a.code = code;
    a.headers = std::move(headers);
    a.chunks = {body};
    return a;
}

ScriptedServer::Answer revision(const char* name)
{
    return answer(200, {{"X-Veladesk-Revision", name}});
}

// Revision `name`'s answer, taking 2 x pauseMs (a chunk, a pause, a chunk, a pause).
ScriptedServer::Answer slowRevision(const char* name, int pauseMs)
{
    ScriptedServer::Answer a = revision(name);
    a.chunked = true;
    a.chunks = {"o", "k"};
    a.pauseMs = pauseMs;
    return a;
}

// `n` answers that never come.
void queueHangs(ScriptedServer& server, int n)
{
    for (int i = 0; i < n; ++i) {
        ScriptedServer::Answer a;
        a.hang = true;
        server.queue(a);
    }
}

bool listening(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(quint16(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

} // namespace

class TestProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wilson_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        // Reference values computed with the textbook formula (z = 1.959964).
        QTest::newRow("50 of 100") << 50 << 100 << 0.403832 << 0.596168;
        QTest::newRow("300 of 3000") << 300 << 3000 << 0.089771 << 0.111252;
        QTest::newRow("0 of 3000") << 0 << 3000 << 0.0 << 0.001279;
        QTest::newRow("7 of 10") << 7 << 10 << 0.396778 << 0.892209;
        QTest::newRow("1 of 1") << 1 << 1 << 0.206549 << 1.0;
        QTest::newRow("no trials") << 0 << 0 << 0.0 << 1.0;
    }

    void wilson()
    {
        QFETCH(int, k);
        QFETCH(int, n);
        QFETCH(double, low);
        QFETCH(double, high);
        const ShareInterval i = wilsonInterval(k, n);
        QVERIFY2(std::abs(i.low - low) < 1e-5, qPrintable(QString::number(i.low, 'f', 6)));
        QVERIFY2(std::abs(i.high - high) < 1e-5, qPrintable(QString::number(i.high, 'f', 6)));
    }

    void invalidOptions_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("requests");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("message");
        const QString ok = QStringLiteral("http://127.0.0.1:1/");
        QTest::newRow("no URL") << QString() << 10 << 1 << 1000 << QString()
                                << QStringLiteral("the gateway URL is required");
        QTest::newRow("not http") << QStringLiteral("ftp://h/") << 10 << 1 << 1000 << QString()
                                  << QStringLiteral("is not an http:// or https:// URL");
        QTest::newRow("no requests") << ok << 0 << 1 << 1000 << QString()
                                     << QStringLiteral("--requests must be between 1 and 100000");
        QTest::newRow("too many in flight")
            << ok << 10 << 1000 << 1000 << QString()
            << QStringLiteral("--concurrency must be between 1 and 256");
        QTest::newRow("timeout too short") << ok << 10 << 1 << 10 << QString()
                                           << QStringLiteral("--timeout must be between 100 ms");
        QTest::newRow("host with port")
            << ok << 10 << 1 << 1000 << QStringLiteral("a.example.com:80")
            << QStringLiteral("--host a.example.com:80 is not a host name");
    }

    void invalidOptions()
    {
        QFETCH(QString, url);
        QFETCH(int, requests);
        QFETCH(int, concurrency);
        QFETCH(int, timeoutMs);
        QFETCH(QString, host);
        QFETCH(QString, message);
        ProbeOptions o;
        o.url = url;
        o.requests = requests;
        o.concurrency = concurrency;
        o.requestTimeout = std::chrono::milliseconds(timeoutMs);
        o.host = host;
        const kube::Status st = validateProbeOptions(o);
        QCOMPARE(st.kind, kube::Status::Kind::Invalid);
        QVERIFY2(st.message.contains(message), qPrintable(st.message));
        // The job reports it rather than sending anything.
        const ProbeResult r = ProbeJob(o).run();
        QVERIFY(r.stoppedEarly);
        QCOMPARE(r.sent, 0);
        QVERIFY(r.stopReason.contains(message));
    }

    void observedSplitMatches()
    {
        ScriptedServer server;
        for (int i = 0; i < 100; ++i)
            server.queue(revision(i % 10 < 3 ? "app-v1" : "app-v2"));
        ProbeOptions o;
        o.url = QString::fromLatin1(server.url()) + QStringLiteral("/shop");
        o.host = QStringLiteral("shop.example.com");
        o.requests = 100;
        o.concurrency = 4;
        o.configured = {{QStringLiteral("app-v1"), 30}, {QStringLiteral("app-v2"), 70}};
        const ProbeResult r = ProbeJob(o).run();
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        QCOMPARE(r.sent, 100);
        QCOMPARE(r.completed, 100);
        QCOMPARE(r.answered, 100);
        QCOMPARE(r.attributed, 100);
        QCOMPARE(r.statusCodes.value(200), 100);
        QCOMPARE(r.attributedBy.value(QStringLiteral("header x-veladesk-revision")), 100);
        QCOMPARE(r.revisions.size(), 2);
        const RevisionShare* v1 = r.revision(QStringLiteral("app-v1"));
        QVERIFY(v1);
        QCOMPARE(v1->responses, 30);
        QCOMPARE(v1->observed, 0.3);
        QCOMPARE(v1->configured, 0.3);
        QVERIFY(v1->interval.low < 0.3 && v1->interval.high > 0.3 && !v1->outside);
        QCOMPARE(r.host, QStringLiteral("shop.example.com"));
        // Every request carried the route's Host and went to the URL's path.
        const QList<ScriptedServer::Seen> seen = server.seen();
        QCOMPARE(seen.size(), 100);
        for (const ScriptedServer::Seen& s : seen) {
            QCOMPARE(s.target, QByteArray("/shop"));
            QVERIFY2(s.headers.contains("\r\nHost: shop.example.com\r\n"), s.headers.constData());
        }
        QVERIFY2(r.summary().contains(QLatin1String("the observed split matches")),
                 qPrintable(r.summary()));
        const QJsonObject j = r.toJson();
        QCOMPARE(j[QLatin1String("attributed")].toInt(), 100);
        QCOMPARE(j[QLatin1String("revisions")][0][QLatin1String("revision")].toString(),
                 QStringLiteral("app-v1"));
        QVERIFY(j[QLatin1String("ok")].toBool());
    }

    void observedSplitDiffers()
    {
        // Everything goes to v1 although 50/50 is configured, and a revision nobody configured
        // answers too.
        ScriptedServer server;
        for (int i = 0; i < 60; ++i)
            server.queue(revision(i < 50 ? "app-v1" : "app-v3"));
        ProbeOptions o;
        o.url = QString::fromLatin1(server.url());
        o.requests = 60;
        o.configured = {{QStringLiteral("app-v1"), 50}, {QStringLiteral("app-v2"), 50}};
        const ProbeResult r = ProbeJob(o).run();
        QVERIFY(!r.splitMatches());
        QVERIFY(r.clean()); // every request was answered and attributed
        QCOMPARE(r.revisions.size(), 3);
        QVERIFY(r.revision(QStringLiteral("app-v1"))->outside); // 83 %, not 50 %
        const RevisionShare* v2 = r.revision(QStringLiteral("app-v2"));
        QCOMPARE(v2->responses, 0);
        QVERIFY(v2->isConfigured && v2->outside);
        const RevisionShare* v3 = r.revision(QStringLiteral("app-v3"));
        QVERIFY(!v3->isConfigured);
        QCOMPARE(v3->configured, 0.0);
        QVERIFY(v3->outside); // it should get nothing, and got 10
        QVERIFY2(r.summary().contains(QLatin1String(
                     "the observed split differs from the configured one: app-v1 (configured "
                     "50.0 %, observed 83.3 %")),
                 qPrintable(r.summary()));
    }

    void attributionFallsBack()
    {
        ScriptedServer server;
        server.queue(revision("app-v1"));
        server.queue(answer(200, {{"X-Pod-Revision", "app-v2"}}));
        server.queue(answer(200, {}, "<html>revision=app-v2 pod=ns/p</html>"));
        server.queue(answer(200, {}, "hello")); // nothing says which
        server.queue(answer(200, {}, QByteArray(200, 'x') + "revision=app-v2")); // past the limit
        server.queue(answer(503, {{"X-Veladesk-Revision", "app-v1"}})); // non-2xx: not counted
        ProbeOptions o;
        o.url = QString::fromLatin1(server.url());
        o.requests = 6;
        o.concurrency = 1;
        o.fallbackHeader = QStringLiteral("X-Pod-Revision");
        o.fingerprints = {
            BodyFingerprint{QStringLiteral("app-v2"), QStringLiteral("revision=app-v2")}};
        o.maxBodyBytes = 100;
        o.configured = {{QStringLiteral("app-v1"), 50}, {QStringLiteral("app-v2"), 50}};
        const ProbeResult r = ProbeJob(o).run();
        QCOMPARE(r.answered, 6);
        QCOMPARE(r.ok2xx, 5);
        QCOMPARE(r.non2xx, 1);
        QCOMPARE(r.statusCodes.value(503), 1);
        QCOMPARE(r.attributed, 3);
        QCOMPARE(r.unattributed, 2);
        QCOMPARE(r.attributedBy.value(QStringLiteral("header x-veladesk-revision")), 1);
        QCOMPARE(r.attributedBy.value(QStringLiteral("header X-Pod-Revision")), 1);
        QCOMPARE(r.attributedBy.value(QStringLiteral("body fingerprint")), 1);
        QCOMPARE(r.revision(QStringLiteral("app-v2"))->responses, 2);
        QVERIFY(!r.clean());
        QVERIFY(!r.ok());
        QVERIFY2(r.summary().contains(QLatin1String("non-2xx answers: 1 x 503")),
                 qPrintable(r.summary()));
    }

    void concurrencyIsBounded()
    {
        // Each answer takes 300 ms: with 3 in flight, 9 requests arrive in three waves.
        ScriptedServer server;
        for (int i = 0; i < 9; ++i)
            server.queue(slowRevision("app-v1", 150));
        ProbeOptions o;
        o.url = QString::fromLatin1(server.url());
        o.requests = 9;
        o.concurrency = 3;
        o.configured = {{QStringLiteral("app-v1"), 100}};
        QElapsedTimer t;
        t.start();
        const ProbeResult r = ProbeJob(o).run();
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        QVERIFY2(t.elapsed() >= 850, qPrintable(QString::number(t.elapsed())));
        const auto times = server.times();
        QCOMPARE(times.size(), 9);
        int firstWave = 0;
        for (const auto& at : times)
            if (at - times.first() < std::chrono::milliseconds(200))
                ++firstWave;
        QCOMPARE(firstWave, 3);
    }

    void hangingGatewayGivesUp()
    {
        // Answers never come: each request ends at its timeout, and after 10 in a row without
        // an answer the probe stops instead of waiting out all 200.
        ScriptedServer server;
        queueHangs(server, 40);
        ProbeOptions o;
        o.url = QString::fromLatin1(server.url());
        o.requests = 200;
        o.concurrency = 5;
        o.requestTimeout = std::chrono::milliseconds(300);
        QElapsedTimer t;
        t.start();
        const ProbeResult r = ProbeJob(o).run();
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(r.stoppedEarly);
        QVERIFY2(r.stopReason.contains(QLatin1String("10 requests in a row got no answer")),
                 qPrintable(r.stopReason));
        QCOMPARE(r.failed, 10);
        QCOMPARE(r.failures.value(QStringLiteral("timeout")), 10);
        QVERIFY(r.sent <= 10 + 5);
        QCOMPARE(r.answered, 0);
        QVERIFY(!r.splitMatches());
        QVERIFY2(r.summary().contains(QLatin1String("no response could be attributed")),
                 qPrintable(r.summary()));
    }

    void unreachableGateway()
    {
        ProbeOptions o;
        o.url = QStringLiteral("http://127.0.0.1:%1/").arg(kubetest::closedPort());
        o.requests = 3000;
        o.concurrency = 8;
        QElapsedTimer t;
        t.start();
        const ProbeResult r = ProbeJob(o).run();
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(r.stoppedEarly);
        QCOMPARE(r.failures.value(QStringLiteral("connection refused")), 16); // 2 x concurrency
        QVERIFY2(!r.failureSamples.isEmpty() &&
                     r.failureSamples.first().contains(QLatin1String("onnect")),
                 qPrintable(r.failureSamples.join(QLatin1Char('|'))));
        QVERIFY2(r.summary().contains(QLatin1String("16 connection refused")),
                 qPrintable(r.summary()));
    }

    void tlsIsVerified()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl not installed");
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess gen;
        gen.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=shop.example.com"),
                   QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:shop.example.com")});
        QVERIFY(gen.waitForFinished(30000));
        QCOMPARE(gen.exitCode(), 0);
        const int port = kubetest::closedPort();
        QProcess server;
        server.start(openssl, {QStringLiteral("s_server"), QStringLiteral("-accept"),
                               QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-cert"),
                               cert, QStringLiteral("-key"), key, QStringLiteral("-www"),
                               QStringLiteral("-quiet")});
        QVERIFY(server.waitForStarted());
        auto stop = qScopeGuard([&] {
            server.kill();
            server.waitForFinished();
        });
        QTRY_VERIFY_WITH_TIMEOUT(listening(port), 10000);
        // An unknown issuer: every request fails as a TLS failure, nothing is accepted.
        ProbeOptions o;
        o.url = QStringLiteral("https://127.0.0.1:%1/").arg(port);
        o.host = QStringLiteral("shop.example.com");
        o.requests = 4;
        o.concurrency = 1;
        ProbeResult r = ProbeJob(o).run();
        QCOMPARE(r.failures.value(QStringLiteral("TLS")), 4);
        QCOMPARE(r.answered, 0);
        // Trusting its certificate: the TLS server name is the route's host (not the URL's IP),
        // so the certificate is valid, and the answers come (s_server -www names no revision).
        o.caFile = cert;
        r = ProbeJob(o).run();
        QVERIFY2(r.failed == 0, qPrintable(r.summary()));
        QCOMPARE(r.ok2xx, 4);
        QCOMPARE(r.unattributed, 4);
    }

    void cancelAndProgress()
    {
        ScriptedServer server;
        for (int i = 0; i < 20; ++i)
            server.queue(slowRevision("app-v1", 100));
        queueHangs(server, 20);
        ProbeOptions o;
        o.url = QString::fromLatin1(server.url());
        o.requests = 1000;
        o.concurrency = 2;
        o.requestTimeout = std::chrono::seconds(60);
        o.configured = {{QStringLiteral("app-v1"), 100}};
        ProbeJob job(o);
        // Received on this thread (queued): the job emits from its own.
        int progressCount = 0, finishedCount = 0;
        ProbeResult lastProgress, finished;
        QObject context;
        connect(&job, &ProbeJob::progress, &context, [&](const ProbeResult& p) {
            ++progressCount;
            lastProgress = p;
        });
        connect(&job, &ProbeJob::finished, &context, [&](const ProbeResult& r) {
            ++finishedCount;
            finished = r;
        });
        job.start();
        QVERIFY(job.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(progressCount >= 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(lastProgress.attributed >= 20, 10000);
        QCOMPARE(lastProgress.requested, 1000);
        QCOMPARE(lastProgress.revisions.size(), 1);
        QCOMPARE(finishedCount, 0);
        QElapsedTimer t;
        t.start();
        job.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 1, 2000);
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!job.isRunning());
        QVERIFY(finished.cancelled);
        QCOMPARE(finished.attributed, 20);
        QVERIFY(!finished.ok());
        QVERIFY2(finished.summary().contains(QLatin1String("cancelled after 20 of 1000 requests")),
                 qPrintable(finished.summary()));
        QCOMPARE(job.result().attributed, 20);
        QTest::qWait(200);
        QCOMPARE(finishedCount, 1);
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
