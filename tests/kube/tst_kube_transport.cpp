// Transport behaviour that a healthy API server does not show on demand, against a local
// scripted HTTP server (scriptedserver.h): 5xx retried for reads only, 429 after
// Retry-After, Status parsing, cancellation, connection failures, secrets kept out of
// messages, and the watch's line splitting, 410 handling and dropped streams.

#include "scriptedserver.h"

#include "kube/client.h"
#include "kube/watch.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace kube;
using kubetest::cm;
using kubetest::list;
using kubetest::nameOf;
using kubetest::ScriptedServer;
using kubetest::watchLine;
using Clock = std::chrono::steady_clock;

namespace {

const QString kSecret = QStringLiteral("secret-token-b5e1f0");

template <typename T> T await(QFuture<T> f, int timeoutMs = 30000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!f.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (!f.isFinished())
        qFatal("future did not finish within %d ms", timeoutMs);
    return f.result();
}

std::shared_ptr<Client> clientFor(const QByteArray& url)
{
    ClusterConnection c;
    c.contextName = QStringLiteral("scripted");
    c.clusterName = QStringLiteral("scripted");
    c.userName = QStringLiteral("tester");
    c.namespaceName = QStringLiteral("default");
    c.cluster.server = QString::fromLatin1(url);
    c.user.token = kSecret;
    auto r = Client::create(c);
    return r ? r.value : nullptr;
}

QByteArray status(int code, const char* reason, const char* message, const char* causes = "")
{
    return QStringLiteral("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                          "\"message\":\"%1\",\"reason\":\"%2\",\"code\":%3,\"details\":{"
                          "\"causes\":[%4]}}")
        .arg(QString::fromUtf8(message), QString::fromUtf8(reason))
        .arg(code)
        .arg(QString::fromUtf8(causes))
        .toUtf8();
}

} // namespace

class TestKubeTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsAreRetriedOn5xx()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(503, status(503, "ServiceUnavailable", "busy")));
        server.queue(ScriptedServer::json(500, status(500, "InternalError", "oops")));
        server.queue(ScriptedServer::json(200, cm("a", "u1", "1")));
        auto client = clientFor(server.url());
        auto r = await(client->get(ResourceType::configMaps(), QStringLiteral("default"),
                                   QStringLiteral("a")));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(nameOf(r.value), QStringLiteral("a"));
        QCOMPARE(server.seen().size(), 3);
        // With backoff between the attempts.
        const auto t = server.times();
        QVERIFY(t.at(1) - t.at(0) >= std::chrono::milliseconds(200));
        QVERIFY(t.at(2) - t.at(1) >= std::chrono::milliseconds(400));
    }

    void readsGiveUpAfterThreeAttempts()
    {
        ScriptedServer server;
        for (int i = 0; i < 3; ++i)
            server.queue(ScriptedServer::json(
                503, status(503, "ServiceUnavailable", "the server is shutting down")));
        auto client = clientFor(server.url());
        auto r = await(client->get(ResourceType::configMaps(), QStringLiteral("default"),
                                   QStringLiteral("a")));
        QVERIFY(!r.ok());
        QCOMPARE(r.status.httpCode, 503);
        QCOMPARE(r.status.reason, QStringLiteral("ServiceUnavailable"));
        QCOMPARE(r.status.message, QStringLiteral("the server is shutting down"));
        QCOMPARE(r.status.object, QStringLiteral("ConfigMap default/a"));
        QCOMPARE(server.seen().size(), 3);
    }

    void writesAreNotRetriedOn5xx()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(500, status(500, "InternalError", "etcd timeout")));
        auto client = clientFor(server.url());
        auto r = await(client->create(
            ResourceType::configMaps(), QStringLiteral("default"),
            QJsonObject{{QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}}}}));
        QCOMPARE(r.status.httpCode, 500);
        QCOMPARE(server.seen().size(), 1);
        QCOMPARE(server.seen().first().method, QByteArray("POST"));
        // ... nor reads that ask not to be.
        server.queue(ScriptedServer::json(503, status(503, "ServiceUnavailable", "busy")));
        Request req;
        req.path = QStringLiteral("/api/v1/namespaces/default/configmaps/a");
        req.retryReads = false;
        QCOMPARE(await(client->send(req)).status.httpCode, 503);
        QCOMPARE(server.seen().size(), 2);
    }

    void tooManyRequestsWaitsForRetryAfter()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(
            429, status(429, "TooManyRequests", "too many requests, please try again later"),
            {{"Retry-After", "2"}}));
        server.queue(ScriptedServer::json(201, cm("a", "u1", "1")));
        auto client = clientFor(server.url());
        const auto start = Clock::now();
        auto r = await(client->create(
            ResourceType::configMaps(), QStringLiteral("default"),
            QJsonObject{{QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}}}}));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(server.seen().size(), 2);
        const auto t = server.times();
        QVERIFY(t.at(1) - t.at(0) >= std::chrono::seconds(2));
        QVERIFY(Clock::now() - start < std::chrono::seconds(10));
    }

    void statusDetailsAndPlainBodies()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(
            422,
            status(422, "Invalid", "ConfigMap \\\"Bad\\\" is invalid",
                   "{\"reason\":\"FieldValueInvalid\",\"message\":\"Invalid value: "
                   "\\\"Bad\\\"\",\"field\":\"metadata.name\"},{\"reason\":\"FieldValueRequired\","
                   "\"message\":\"Required value\",\"field\":\"data\"}")));
        auto client = clientFor(server.url());
        auto r = await(client->create(
            ResourceType::configMaps(), QStringLiteral("default"),
            QJsonObject{{QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("bad")}}}}));
        QCOMPARE(r.status.httpCode, 422);
        QCOMPARE(r.status.reason, QStringLiteral("Invalid"));
        QCOMPARE(r.status.message, QStringLiteral("ConfigMap \"Bad\" is invalid"));
        QCOMPARE(r.status.details,
                 (QStringList{QStringLiteral("metadata.name: Invalid value: \"Bad\""),
                              QStringLiteral("data: Required value")}));
        QCOMPARE(r.status.toString(),
                 QStringLiteral("ConfigMap default/bad: ConfigMap \"Bad\" is invalid (Invalid, "
                                "HTTP 422)\n  - metadata.name: Invalid value: \"Bad\"\n  - data: "
                                "Required value"));

        // A proxy in the way answering in HTML: its text, and the HTTP code's reason.
        ScriptedServer::Answer html;
        html.code = 502;
        html.headers = {{"Content-Type", "text/html"}};
        html.chunks = {"<html>bad gateway</html>"};
        for (int i = 0; i < 3; ++i)
            server.queue(html);
        auto g = await(client->get(ResourceType::configMaps(), QStringLiteral("default"),
                                   QStringLiteral("x")));
        QCOMPARE(g.status.httpCode, 502);
        QCOMPARE(g.status.message, QStringLiteral("<html>bad gateway</html>"));
    }

    void unauthorizedNamesTheCredentialNotTheSecret()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(401, status(401, "Unauthorized", "Unauthorized")));
        auto client = clientFor(server.url());
        auto r = await(client->get(ResourceType::configMaps(), QStringLiteral("default"),
                                   QStringLiteral("a")));
        QCOMPARE(r.status.httpCode, 401);
        // The token did go to the server ...
        QVERIFY(
            server.seen().first().headers.contains("Authorization: Bearer " + kSecret.toUtf8()));
        // ... and stays out of what users see.
        const QString text = r.status.toString();
        QVERIFY2(text.contains(QLatin1String("did not accept the bearer token of user \"tester\"")),
                 qPrintable(text));
        QVERIFY(!text.contains(kSecret));
    }

    void basicAuthentication()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(401, status(401, "Unauthorized", "Unauthorized")));
        ClusterConnection c;
        c.clusterName = QStringLiteral("scripted");
        c.userName = QStringLiteral("basic-user");
        c.cluster.server = QString::fromLatin1(server.url());
        c.user.username = QStringLiteral("admin");
        c.user.password = QStringLiteral("pa55-w0rd");
        auto client = Client::create(c);
        QVERIFY(client.ok());
        auto r = await(client.value->get(ResourceType::configMaps(), QStringLiteral("default"),
                                         QStringLiteral("a")));
        QCOMPARE(r.status.httpCode, 401);
        QVERIFY(server.seen().first().headers.contains("Authorization: Basic " +
                                                       QByteArray("admin:pa55-w0rd").toBase64()));
        QVERIFY2(r.status.toString().contains(QLatin1String("basic authentication as admin")),
                 qPrintable(r.status.toString()));
        QVERIFY(!r.status.toString().contains(QLatin1String("pa55-w0rd")));
    }

    void cancelAllFinishesHangingRequests()
    {
        ScriptedServer server;
        ScriptedServer::Answer hang;
        hang.hang = true;
        server.queue(hang);
        auto client = clientFor(server.url());
        auto f =
            client->get(ResourceType::configMaps(), QStringLiteral("default"), QStringLiteral("a"));
        QTRY_COMPARE_WITH_TIMEOUT(server.seen().size(), 1, 5000);
        QVERIFY(!f.isFinished());
        client->cancelAll();
        auto r = await(f, 5000);
        QCOMPARE(r.status.kind, Status::Kind::Cancelled);
    }

    void connectionRefused()
    {
        int port;
        {
            ScriptedServer gone;
            port = gone.port();
        }
        auto client = clientFor("http://127.0.0.1:" + QByteArray::number(port));
        Request req;
        req.path = QStringLiteral("/version");
        req.retryReads = false;
        Response r = await(client->send(req));
        QCOMPARE(r.status.kind, Status::Kind::Transport);
        QCOMPARE(r.status.reason, QStringLiteral("ConnectionRefused"));
        QVERIFY2(r.status.message.startsWith(
                     QStringLiteral("cannot connect to http://127.0.0.1:%1").arg(port)),
                 qPrintable(r.status.message));
    }

    void queryIsEscaped()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(200, list("5", {})));
        auto client = clientFor(server.url());
        ListOptions o;
        o.labelSelector = QStringLiteral("app in (a b),tier!=x&y");
        o.limit = 7;
        // (Names and namespaces cannot need escaping: they are validated first; see
        // tests/hostile/tst_hostile_kube.cpp for paths.)
        QVERIFY(await(client->list(ResourceType::configMaps(), QStringLiteral("ns1"), o)).ok());
        QCOMPARE(server.seen().first().target,
                 QByteArray("/api/v1/namespaces/ns1/configmaps?labelSelector=app%20in%20%28a%"
                            "20b%29%2Ctier%21%3Dx%26y&limit=7"));
    }

    void serverPathPrefixIsKept()
    {
        // Rancher-style servers: https://host/k8s/clusters/<id>
        ScriptedServer server;
        server.queue(ScriptedServer::json(200, cm("a", "u1", "1")));
        auto client = clientFor(server.url() + "/k8s/clusters/c-1/");
        QVERIFY(client);
        auto r = await(client->get(ResourceType::configMaps(), QStringLiteral("default"),
                                   QStringLiteral("a")));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(server.seen().first().target,
                 QByteArray("/k8s/clusters/c-1/api/v1/namespaces/default/configmaps/a"));
    }

    void proxyUrlIsUsed()
    {
        ScriptedServer proxy;
        proxy.queue(ScriptedServer::json(200, cm("a", "u1", "1")));
        ClusterConnection c;
        c.clusterName = QStringLiteral("behind-proxy");
        c.cluster.server = QStringLiteral("http://apiserver.example.invalid:6443");
        c.cluster.proxyUrl = QString::fromLatin1(proxy.url());
        auto client = Client::create(c);
        QVERIFY(client.ok());
        auto r = await(client.value->get(ResourceType::configMaps(), QStringLiteral("default"),
                                         QStringLiteral("a")));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        // A plain-http request through a proxy names the whole URL.
        QCOMPARE(proxy.seen().first().target,
                 QByteArray("http://apiserver.example.invalid:6443/api/v1/namespaces/default/"
                            "configmaps/a"));
    }

    void watchSplitsLinesAndRelistsOnGone()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(200, list("10", {cm("a", "ua", "5")})));
        // The stream, cut at awkward places: mid-line and between lines.
        ScriptedServer::Answer stream;
        stream.chunked = true;
        stream.pauseMs = 50;
        const QByteArray added = watchLine("ADDED", cm("b", "ub", "11"));
        const QByteArray modified = watchLine("MODIFIED", cm("a", "ua", "12"));
        const QByteArray gone =
            watchLine("ERROR", status(410, "Expired", "too old resource version: 10 (13)"));
        const QByteArray bookmark =
            watchLine("BOOKMARK", "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{"
                                  "\"resourceVersion\":\"12\"}}");
        const QByteArray all = added + bookmark + modified + gone;
        stream.chunks = {all.left(20), all.mid(20, added.size()), all.mid(20 + added.size(), 7),
                         all.mid(27 + added.size())};
        stream.headers = {{"Content-Type", "application/json"}};
        server.queue(stream);
        // After the 410: b was deleted and c added meanwhile.
        server.queue(
            ScriptedServer::json(200, list("20", {cm("a", "ua", "12"), cm("c", "uc", "19")})));
        ScriptedServer::Answer open;
        open.chunked = true;
        open.holdOpen = true;
        server.queue(open);

        auto client = clientFor(server.url());
        Watch* w = client->watch(ResourceType::configMaps(), QStringLiteral("default"), {}, this);
        QSignalSpy synced(w, &Watch::synced);
        QList<QList<WatchEvent>> batches;
        connect(w, &Watch::events, this,
                [&](const QList<WatchEvent>& evs) { batches.append(evs); });
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(server.seen().size(), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(w->health(), WatchHealth::Connected, 5000);
        QCOMPARE(synced.size(), 1);
        QCOMPARE(w->relistCount(), 1);

        QList<QPair<WatchEvent::Type, QString>> flat;
        for (const auto& b : batches)
            for (const WatchEvent& e : b)
                flat.append({e.type, nameOf(e.object)});
        const QList<QPair<WatchEvent::Type, QString>> expected{
            {WatchEvent::Type::Added, QStringLiteral("b")},
            {WatchEvent::Type::Modified, QStringLiteral("a")},
            {WatchEvent::Type::Added, QStringLiteral("c")},
            {WatchEvent::Type::Deleted, QStringLiteral("b")}};
        QCOMPARE(flat, expected);
        QCOMPARE(w->snapshot().size(), 2);
        QCOMPARE(w->resourceVersion(), QStringLiteral("20"));

        const auto seen = server.seen();
        QVERIFY(!seen.at(0).target.contains("watch=true"));
        QVERIFY(seen.at(1).target.contains("watch=true"));
        QVERIFY(seen.at(1).target.contains("allowWatchBookmarks=true"));
        QVERIFY(seen.at(1).target.contains("resourceVersion=10"));
        QVERIFY(!seen.at(2).target.contains("watch=true"));
        QVERIFY2(seen.at(3).target.contains("resourceVersion=20"), seen.at(3).target.constData());
        delete w;
    }

    void watchReconnectsAfterDroppedStream()
    {
        ScriptedServer server;
        server.queue(ScriptedServer::json(200, list("10", {cm("a", "ua", "5")})));
        ScriptedServer::Answer cut;
        cut.chunked = true;
        cut.chunks = {watchLine("ADDED", cm("b", "ub", "11"))};
        cut.closeAfter = true; // the connection drops mid-stream
        server.queue(cut);
        server.queue(ScriptedServer::json(200, list("30", {cm("a", "ua", "25")})));
        ScriptedServer::Answer open;
        open.chunked = true;
        open.holdOpen = true;
        server.queue(open);

        auto client = clientFor(server.url());
        Watch* w = client->watch(ResourceType::configMaps(), QStringLiteral("default"), {}, this);
        QList<WatchHealth> health;
        connect(w, &Watch::healthChanged, this,
                [&](WatchHealth h, const QString&) { health.append(h); });
        QList<QPair<WatchEvent::Type, QString>> flat;
        connect(w, &Watch::events, this, [&](const QList<WatchEvent>& evs) {
            for (const WatchEvent& e : evs)
                flat.append({e.type, nameOf(e.object)});
        });
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(server.seen().size(), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(w->health(), WatchHealth::Connected, 5000);
        QVERIFY(health.contains(WatchHealth::Reconnecting));
        const QList<QPair<WatchEvent::Type, QString>> expected{
            {WatchEvent::Type::Added, QStringLiteral("b")},
            {WatchEvent::Type::Modified, QStringLiteral("a")},
            {WatchEvent::Type::Deleted, QStringLiteral("b")}};
        QCOMPARE(flat, expected);
        delete w;
    }

    void watchFailsOnlyWhenForbiddenPersists()
    {
        ScriptedServer server;
        const QByteArray forbidden = status(
            403, "Forbidden",
            "configmaps is forbidden: User \\\"x\\\" cannot list resource \\\"configmaps\\\"");
        for (int i = 0; i < 3; ++i)
            server.queue(ScriptedServer::json(403, forbidden));
        server.queue(ScriptedServer::json(200, list("10", {})));
        ScriptedServer::Answer open;
        open.chunked = true;
        open.holdOpen = true;
        server.queue(open);

        auto client = clientFor(server.url());
        Watch* w = client->watch(ResourceType::configMaps(), QStringLiteral("default"), {}, this);
        QList<WatchHealth> health;
        QStringList messages;
        connect(w, &Watch::healthChanged, this, [&](WatchHealth h, const QString& m) {
            health.append(h);
            messages.append(m);
        });
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(w->health(), WatchHealth::Connected, 10000);
        // Reconnecting for the first two 403s, Failed at the third, then fine again.
        QCOMPARE(health, (QList<WatchHealth>{WatchHealth::Reconnecting, WatchHealth::Reconnecting,
                                             WatchHealth::Failed, WatchHealth::Connected}));
        QVERIFY2(messages.at(2).contains(QLatin1String("cannot list resource")),
                 qPrintable(messages.at(2)));
        delete w;
    }
};

QTEST_GUILESS_MAIN(TestKubeTransport)
#include "tst_kube_transport.moc"
