// The Kubernetes client against hostile and odd input (issue 9), without a cluster: a local
// scripted HTTP server (tests/kube/scriptedserver.h) plays the API server. Watch streams
// with malformed or huge lines and a server answering 410 to every watch; tokens with line
// breaks; exec plugins that print without end or need a pool thread that is busy; names
// that would step out of their path segment; oversized responses; wrapped base64.

#include "tests/kube/kubetest.h"
#include "tests/kube/scriptedserver.h"

#include "kube/client.h"
#include "kube/kubeconfig.h"
#include "kube/names.h"
#include "kube/watch.h"
#include "kube/watchdecoder.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

using namespace kube;
using kubetest::await;
using kubetest::cm;
using kubetest::list;
using kubetest::nameOf;
using kubetest::ScriptedServer;
using kubetest::watchLine;

namespace {

const QString kSecret = QStringLiteral("s3cret-token-7f2a");

ClusterConnection connectionFor(const QByteArray& url)
{
    ClusterConnection c;
    c.contextName = QStringLiteral("scripted");
    c.clusterName = QStringLiteral("scripted");
    c.userName = QStringLiteral("tester");
    c.namespaceName = QStringLiteral("default");
    c.cluster.server = QString::fromLatin1(url);
    c.user.sourceFile = QStringLiteral("/tmp/kubeconfig-under-test");
    return c;
}

std::shared_ptr<Client> clientFor(const ClusterConnection& c)
{
    auto r = Client::create(c);
    if (!r)
        qFatal("%s", qPrintable(r.status.toString()));
    return r.value;
}

ScriptedServer::Answer stream(const QList<QByteArray>& chunks, bool holdOpen)
{
    ScriptedServer::Answer a;
    a.chunked = true;
    a.chunks = chunks;
    a.holdOpen = holdOpen;
    a.headers = {{"Content-Type", "application/json"}};
    return a;
}

QString writeScript(const QString& dir, const QString& name, const QByteArray& body)
{
    const QString path = dir + QLatin1Char('/') + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write("#!/bin/sh\n" + body) < 0)
        qFatal("cannot write %s", qPrintable(path));
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

ExecConfig execConfig(const QString& script)
{
    ExecConfig x;
    x.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
    x.command = script;
    x.interactiveMode = QStringLiteral("Never");
    x.configDir = QFileInfo(script).absolutePath();
    return x;
}

QByteArray credentialJson(const QByteArray& tokenJson)
{
    return "printf '%s\\n' '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
           "\"ExecCredential\",\"status\":{\"token\":" +
           tokenJson + "}}'\n";
}

} // namespace

class TestHostileKube : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    // --- the watch -------------------------------------------------------------------------

    void decoderRejectsMalformedAndOverlongLines()
    {
        detail::WatchLineDecoder d(64);
        QList<detail::DecodedWatchEvent> out;
        QVERIFY(d.feed(watchLine("ADDED", "{}"), &out).ok());
        QCOMPARE(out.size(), 1);
        out.clear();
        // A good line, then garbage: the good one is decoded, the garbage is an error.
        Status s =
            d.feed(watchLine("MODIFIED", "{}") + "{not json\n" + watchLine("ADDED", "{}"), &out);
        QVERIFY(!s.ok());
        QCOMPARE(s.reason, QStringLiteral("MalformedWatchEvent"));
        QCOMPARE(out.size(), 1);
        QCOMPARE(d.buffered(), 0);
        out.clear();
        for (const QByteArray& bad : {QByteArray("[1,2]\n"), QByteArray("{\"type\":\"ADDED\"}\n"),
                                      QByteArray("{\"type\":\"NOPE\",\"object\":{}}\n"),
                                      QByteArray("{\"type\":7,\"object\":{}}\n")}) {
            QVERIFY2(!d.feed(bad, &out).ok(), bad.constData());
            QVERIFY(out.isEmpty());
        }
        // No newline for longer than the cap: an error, and the buffer is dropped.
        s = d.feed(QByteArray(65, 'x'), &out);
        QCOMPARE(s.reason, QStringLiteral("WatchEventTooLarge"));
        QCOMPARE(d.buffered(), 0);
        // Split across chunks at any byte is fine.
        const QByteArray line = watchLine("DELETED", cm("a", "ua", "1"));
        detail::WatchLineDecoder big;
        for (char c : line)
            QVERIFY(big.feed(QByteArray(1, c), &out).ok());
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.first().type, detail::DecodedWatchEvent::Type::Deleted);
    }

    // Was: the malformed line was skipped silently and its event lost until the next relist.
    void malformedLineRelists()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(200, list("10", {cm("a", "ua", "5")})));
        server.queue(stream({watchLine("ADDED", cm("b", "ub", "11")) + "{\"type\":\"MODIFIED\","
                                                                       "\"object\":{broken\n"},
                            true));
        // After the relist: the change the broken line carried is there.
        server.queue(
            ScriptedServer::json(200, list("20", {cm("a", "ua", "12"), cm("b", "ub", "11")})));
        server.queue(stream({}, true));
        auto client = clientFor(connectionFor(server.url()));
        Watch* w = client->watch(ResourceType::configMaps(), QStringLiteral("default"), {}, this);
        QList<QPair<WatchEvent::Type, QString>> flat;
        QStringList messages;
        connect(w, &Watch::events, this, [&](const QList<WatchEvent>& evs) {
            for (const WatchEvent& e : evs)
                flat.append({e.type, nameOf(e.object)});
        });
        connect(w, &Watch::healthChanged, this,
                [&](WatchHealth, const QString& m) { messages << m; });
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(server.seen().size(), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(w->health(), WatchHealth::Connected, 5000);
        const QList<QPair<WatchEvent::Type, QString>> expected{
            {WatchEvent::Type::Added, QStringLiteral("b")},
            {WatchEvent::Type::Modified, QStringLiteral("a")}};
        QCOMPARE(flat, expected);
        QCOMPARE(w->relistCount(), 1);
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(QLatin1String("not JSON")),
                 qPrintable(messages.join(QLatin1Char('\n'))));
        delete w;
    }

    // Was: no cap on the line buffer; a stream without newlines grew it without end.
    void overlongLineRelists()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(200, list("10", {})));
        const QByteArray huge(4 * 1024 * 1024, 'x');
        QList<QByteArray> chunks;
        for (qsizetype sent = 0; sent <= detail::kMaxWatchLineBytes; sent += huge.size())
            chunks << huge;
        server.queue(stream(chunks, true));
        server.queue(ScriptedServer::json(200, list("20", {cm("a", "ua", "19")})));
        server.queue(stream({}, true));
        auto client = clientFor(connectionFor(server.url()));
        Watch* w = client->watch(ResourceType::configMaps(), QStringLiteral("default"), {}, this);
        QStringList messages;
        connect(w, &Watch::healthChanged, this,
                [&](WatchHealth, const QString& m) { messages << m; });
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(server.seen().size(), 4, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w->snapshot().size(), 1, 5000);
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(QLatin1String("longer than")),
                 qPrintable(messages.join(QLatin1Char('\n'))));
        delete w;
    }

    // Was: every 410 relisted at once: a server answering 410 to every watch got a relist
    // loop as fast as the network allowed.
    void goneOnEveryTryBacksOff()
    {
        ScriptedServer server;
        const QByteArray gone =
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
            "\"too old resource version\",\"reason\":\"Expired\",\"code\":410}";
        server.cycle({ScriptedServer::json(200, list("10", {cm("a", "ua", "5")})),
                      stream({watchLine("ERROR", gone)}, false)});
        auto client = clientFor(connectionFor(server.url()));
        Watch* w = client->watch(ResourceType::configMaps(), QStringLiteral("default"), {}, this);
        w->start();
        QTest::qWait(3000);
        const auto times = server.times();
        delete w;
        // Without backoff this is hundreds of requests. With it: the first 410 relists at
        // once, the following ones wait 0.125-0.25 s, 0.25-0.5 s, 0.5-1 s, 1-2 s ...
        QVERIFY2(times.size() >= 4 && times.size() <= 14,
                 qPrintable(QStringLiteral("%1 requests in 3 s").arg(times.size())));
        // The gaps before the later lists grow.
        QVERIFY(times.size() >= 6);
        const auto gap = [&](int i) {
            return std::chrono::duration_cast<std::chrono::milliseconds>(times.at(i) -
                                                                         times.at(i - 1))
                .count();
        };
        QVERIFY2(gap(4) >= 100, qPrintable(QString::number(gap(4))));
        QVERIFY2(times.size() < 8 || gap(6) > gap(4), qPrintable(QString::number(gap(6))));
    }

    // --- credentials -----------------------------------------------------------------------

    void tokenFileWithLineBreakIsRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("CRLF inside") << kSecret.toUtf8() + "\r\nX-Injected: yes\n";
        QTest::newRow("LF inside") << kSecret.toUtf8() + "\nsecond-line\n";
        QTest::newRow("NUL") << kSecret.toUtf8() + QByteArray(1, '\0') + "x";
    }

    void tokenFileWithLineBreakIsRefused()
    {
        QFETCH(QByteArray, content);
        ScriptedServer server;
        server.queue(ScriptedServer::json(200, cm("a", "ua", "1")));
        const QString file =
            m_tmp.filePath(QStringLiteral("token-%1").arg(QLatin1String(QTest::currentDataTag())));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        ClusterConnection c = connectionFor(server.url());
        c.user.tokenFile = file;
        auto client = clientFor(c);
        auto r = await(client->get(ResourceType::configMaps(), QStringLiteral("default"),
                                   QStringLiteral("a")));
        QVERIFY(!r.ok());
        QCOMPARE(r.status.kind, Status::Kind::Config);
        const QString text = r.status.toString();
        QVERIFY2(text.contains(QLatin1String("user \"tester\"")) &&
                     text.contains(QLatin1String("tokenFile")),
                 qPrintable(text));
        QVERIFY2(!text.contains(kSecret), qPrintable(text));
        QVERIFY(server.seen().isEmpty()); // nothing was sent
    }

    void staticTokenWithLineBreakIsRefused()
    {
        ScriptedServer server;
        ClusterConnection c = connectionFor(server.url());
        c.user.token = kSecret + QStringLiteral("\r\nX-Injected: yes");
        auto client = clientFor(c);
        auto r = await(client->get(ResourceType::configMaps(), QStringLiteral("default"),
                                   QStringLiteral("a")));
        QVERIFY(!r.ok());
        QVERIFY2(r.status.toString().contains(QLatin1String("line break")),
                 qPrintable(r.status.toString()));
        QVERIFY(!r.status.toString().contains(kSecret));
        QVERIFY(server.seen().isEmpty());
    }

    void execTokenWithLineBreakIsRefused()
    {
        ScriptedServer server;
        const QString script =
            writeScript(m_tmp.path(), QStringLiteral("crlf-plugin.sh"),
                        credentialJson("\"" + kSecret.toUtf8() + "\\r\\nX-Injected: yes\""));
        ClusterConnection c = connectionFor(server.url());
        c.user.exec = execConfig(script);
        auto client = clientFor(c);
        auto r = await(client->get(ResourceType::configMaps(), QStringLiteral("default"),
                                   QStringLiteral("a")));
        QVERIFY(!r.ok());
        const QString text = r.status.toString();
        QVERIFY2(text.contains(QLatin1String("user \"tester\"")) &&
                     text.contains(QLatin1String("line break")),
                 qPrintable(text));
        QVERIFY(!text.contains(kSecret));
        QVERIFY(server.seen().isEmpty());
    }

    // Was: the whole output was read into memory, however large.
    void execOutputIsCapped()
    {
        ScriptedServer server;
        const QString script =
            writeScript(m_tmp.path(), QStringLiteral("chatty-plugin.sh"), "exec yes\n");
        ClusterConnection c = connectionFor(server.url());
        c.user.exec = execConfig(script);
        auto client = clientFor(c);
        QElapsedTimer t;
        t.start();
        auto r = await(client->get(ResourceType::configMaps(), QStringLiteral("default"),
                                   QStringLiteral("a")));
        QVERIFY(!r.ok());
        QVERIFY2(r.status.toString().contains(QLatin1String("more than 1048576 bytes")),
                 qPrintable(r.status.toString()));
        QVERIFY2(t.elapsed() < 20000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(server.seen().isEmpty());
    }

    // Was: the plugin ran as a task of the global QThreadPool; a caller blocking a pool
    // thread on the request (the Applier, the preview's diffPlanAsync) with one pool thread
    // waited for a task that could never start.
    void execPluginNeedsNoPoolThread()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(200, cm("a", "ua", "1")));
        const QString script =
            writeScript(m_tmp.path(), QStringLiteral("slow-plugin.sh"),
                        "sleep 0.3\n" + credentialJson("\"" + kSecret.toUtf8() + "\""));
        ClusterConnection c = connectionFor(server.url());
        c.user.exec = execConfig(script);
        // Not shared with other tests' clients (the process-wide exec cache is keyed by it).
        c.user.exec->args = {QStringLiteral("--deadlock-test")};
        auto client = clientFor(c);
        QThreadPool* pool = QThreadPool::globalInstance();
        const int before = pool->maxThreadCount();
        pool->setMaxThreadCount(1);
        QFuture<Result<QJsonObject>> blocking = QtConcurrent::run([client] {
            auto f = client->get(ResourceType::configMaps(), QStringLiteral("default"),
                                 QStringLiteral("a"));
            f.waitForFinished(); // blocks the only pool thread, as the Applier does
            return f.result();
        });
        QDeadlineTimer deadline(20000);
        while (!blocking.isFinished() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!blocking.isFinished())
            qFatal("deadlock: the request needing the exec plugin did not finish in 20 s with "
                   "one pool thread");
        pool->setMaxThreadCount(before);
        const Result<QJsonObject> r = blocking.result();
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QVERIFY(
            server.seen().first().headers.contains("Authorization: Bearer " + kSecret.toUtf8()));
    }

    // --- names, paths, selectors -----------------------------------------------------------

    void namesAreValidatedBeforeAnythingIsSent_data()
    {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("name");
        QTest::newRow("dot-dot") << QStringLiteral("default") << QStringLiteral("..");
        QTest::newRow("traversal") << QStringLiteral("default") << QStringLiteral("../secrets/x");
        QTest::newRow("query") << QStringLiteral("default") << QStringLiteral("a?watch=true");
        QTest::newRow("upper") << QStringLiteral("default") << QStringLiteral("Name");
        QTest::newRow("percent") << QStringLiteral("default") << QStringLiteral("a%2Fb");
        QTest::newRow("too long") << QStringLiteral("default") << QString(254, QLatin1Char('a'));
        QTest::newRow("ns traversal") << QStringLiteral("../kube-system") << QStringLiteral("a");
        QTest::newRow("ns upper") << QStringLiteral("Default") << QStringLiteral("a");
        QTest::newRow("ns dotted") << QStringLiteral("a.b") << QStringLiteral("a");
        QTest::newRow("newline") << QStringLiteral("default") << QStringLiteral("a\nb");
    }

    void namesAreValidatedBeforeAnythingIsSent()
    {
        QFETCH(QString, ns);
        QFETCH(QString, name);
        ScriptedServer server;
        auto client = clientFor(connectionFor(server.url()));
        auto g = await(client->get(ResourceType::configMaps(), ns, name));
        QVERIFY(!g.ok());
        QCOMPARE(g.status.kind, Status::Kind::Invalid);
        QVERIFY2(g.status.message.contains(QLatin1String("invalid")), qPrintable(g.status.message));
        const Status d = await(client->remove(ResourceType::configMaps(), ns, name));
        QCOMPARE(d.kind, Status::Kind::Invalid);
        const QJsonObject obj{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}};
        QCOMPARE(await(client->apply(ResourceType::configMaps(), ns, obj)).status.kind,
                 Status::Kind::Invalid);
        QCOMPARE(await(client->create(ResourceType::configMaps(), ns, obj)).status.kind,
                 Status::Kind::Invalid);
        QVERIFY(server.seen().isEmpty());
    }

    void serviceNamesFollowDns1035()
    {
        QVERIFY(validateObjectName(ResourceType::services(), QStringLiteral("web-1")).ok());
        QVERIFY(!validateObjectName(ResourceType::services(), QStringLiteral("1web")).ok());
        QVERIFY(validateObjectName(ResourceType::configMaps(), QStringLiteral("1web.v2")).ok());
        QVERIFY(!validateObjectName(ResourceType::namespaces(), QStringLiteral("a.b")).ok());
    }

    // A kind VelaDesk does not know: any name the API server accepts as a path segment, and
    // percent-encoded in the path.
    void unknownKindNamesArePercentEncoded()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(200, "{}"));
        auto client = clientFor(connectionFor(server.url()));
        const ResourceType raw{{}, QStringLiteral("v1"), QStringLiteral("things"), {}, true};
        auto r = await(client->get(raw, QStringLiteral("default"), QStringLiteral("a b#c?d")));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(server.seen().first().target,
                 QByteArray("/api/v1/namespaces/default/things/a%20b%23c%3Fd"));
        QCOMPARE(ResourceType::configMaps().objectPath(QStringLiteral("x"), QStringLiteral("a/b")),
                 QStringLiteral("/api/v1/namespaces/x/configmaps/a%2Fb"));
    }

    void labelSelectorsAreBuiltFromValidatedParts()
    {
        auto ok = LabelSelector()
                      .equals(QStringLiteral("app.oam.dev/name"), QStringLiteral("example-app"))
                      .equals(QStringLiteral("tier"), QString())
                      .toString();
        QVERIFY(ok.ok());
        QCOMPARE(ok.value, QStringLiteral("app.oam.dev/name=example-app,tier="));
        for (const QString& value :
             {QStringLiteral("a,b=c"), QStringLiteral("x!=y"), QStringLiteral("a b"),
              QString(64, QLatin1Char('a')), QStringLiteral("-a"), QStringLiteral("a\nb")}) {
            auto bad = LabelSelector().equals(QStringLiteral("app"), value).toString();
            QVERIFY2(!bad.ok(), qPrintable(value));
            QCOMPARE(bad.status.kind, Status::Kind::Invalid);
        }
        for (const QString& key : {QStringLiteral("a=b"), QStringLiteral("/x"),
                                   QStringLiteral("UPPER.example/x"), QString()}) {
            QVERIFY2(!LabelSelector().equals(key, QStringLiteral("v")).toString().ok(),
                     qPrintable(key));
        }
    }

    // --- responses, kubeconfig -------------------------------------------------------------

    void oversizedResponseIsAnError()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(200, "{\"data\":\"" + QByteArray(5000, 'x') + "\"}"));
        auto client = clientFor(connectionFor(server.url()));
        Request req;
        req.path = QStringLiteral("/api/v1/namespaces/default/configmaps/a");
        req.maxResponseBytes = 1000;
        req.object = QStringLiteral("ConfigMap default/a");
        const Response r = await(client->send(req));
        QVERIFY(!r.status.ok());
        QCOMPARE(r.status.reason, QStringLiteral("ResponseTooLarge"));
        QVERIFY2(r.status.message.contains(QLatin1String("larger than")),
                 qPrintable(r.status.message));
        QVERIFY(r.body.isEmpty());
    }

    // Was: "certificate-authority-data is not valid base64" for a value wrapped over lines,
    // which kubectl accepts (Go's decoder skips line breaks).
    void wrappedCertificateAuthorityData()
    {
        QFile ca(qEnvironmentVariable("VELADESK_SOURCE_DIR") +
                 QStringLiteral("/tests/kube/fixtures/kubeconfig/ca.crt"));
        QVERIFY(ca.open(QIODevice::ReadOnly));
        const QByteArray pem = ca.readAll();
        const QByteArray b64 = pem.toBase64();
        QByteArray wrapped;
        for (qsizetype i = 0; i < b64.size(); i += 64)
            wrapped += "      " + b64.mid(i, 64) + "\n";
        const QByteArray yaml = "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
                                "clusters:\n- name: k\n  cluster:\n    server: https://k:6443\n"
                                "    certificate-authority-data: |\n" +
                                wrapped + "contexts:\n- name: c\n  context: {cluster: k}\n";
        auto cfg = KubeConfig::parse(yaml, QStringLiteral("wrapped.yaml"));
        QVERIFY2(cfg.ok(), qPrintable(cfg.status.toString()));
        QCOMPARE(cfg.value.clusters.value(QStringLiteral("k")).certificateAuthorityData, pem);
        // CRLF line ends too, and a double-quoted scalar with \n escapes.
        QByteArray crlf = yaml;
        crlf.replace("\n", "\r\n");
        auto cfg2 = KubeConfig::parse(crlf, QStringLiteral("crlf.yaml"));
        QVERIFY2(cfg2.ok(), qPrintable(cfg2.status.toString()));
        QCOMPARE(cfg2.value.clusters.value(QStringLiteral("k")).certificateAuthorityData, pem);
        // Not base64 at all is still an error naming the entry.
        auto bad = KubeConfig::parse("clusters:\n- name: k\n  cluster:\n    server: https://k\n"
                                     "    certificate-authority-data: \"not*base64\"\n",
                                     QStringLiteral("bad.yaml"));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.status.message.contains(QLatin1String("cluster \"k\"")),
                 qPrintable(bad.status.message));
    }
};

QTEST_GUILESS_MAIN(TestHostileKube)
#include "tst_hostile_kube.moc"
