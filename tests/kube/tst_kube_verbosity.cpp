// kube/verbosity: what `veladesk -v N` prints of a round trip, and that secrets are redacted
// from bodies (Secrets, Lists, watch events, patches to a secrets path, TokenRequests,
// kubeconfig-shaped objects). The bodies are recorded API answers with known secret values.

#include "kube/verbosity.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QtTest>

namespace {

QMutex g_mutex;
QList<QByteArray> g_lines;

void capture(const QByteArray& line)
{
    QMutexLocker lock(&g_mutex);
    g_lines << line;
}

QByteArray captured()
{
    QMutexLocker lock(&g_mutex);
    return g_lines.join();
}

// Secret values of the fixtures below; none may survive redaction.
const QList<QByteArray> kSecretValues = {
    "c3VwZXJzZWNyZXQtcGFzc3dvcmQ=",                 // base64 of a password in Secret data
    "plain-string-data-value-42",                   // stringData
    "eyJhbGciOiJSUzI1NiJ9.tokenbody",               // a bearer token
    "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==", // client-key-data
    "hunter2-password",
    "last-applied-secret-value",
};

const QByteArray kSecret =
    "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\","
    "  "
    "\"namespace\":\"shop\",\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":"
    "  "
    "\"{\\\"data\\\":{\\\"x\\\":\\\"last-applied-secret-value\\\"}}\",\"team\":\"payments\"}},"
    "\"type\":\"Opaque\","
    "  \"data\":{\"password\":\"c3VwZXJzZWNyZXQtcGFzc3dvcmQ=\"},"
    "  \"stringData\":{\"note\":\"plain-string-data-value-42\"}}";

} // namespace

class TestKubeVerbosity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        kube::setTraceSink(capture);
        QMutexLocker lock(&g_mutex);
        g_lines.clear();
    }

    void cleanup()
    {
        kube::setVerbosity(0);
        kube::setTraceSink(nullptr);
    }

    void redactsSecrets_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("kept"); // what must still be shown
        QTest::newRow("Secret") << QStringLiteral("/api/v1/namespaces/shop/secrets/db") << kSecret
                                << QByteArray("\"team\":\"payments\"");
        QTest::newRow("SecretList")
            << QStringLiteral("/api/v1/namespaces/shop/secrets")
            << QByteArray("{\"kind\":\"SecretList\",\"apiVersion\":\"v1\",\"items\":[") + kSecret +
                   "]}"
            << QByteArray("\"name\":\"db\"");
        QTest::newRow("watch event")
            << QStringLiteral("/api/v1/secrets")
            << QByteArray("{\"type\":\"ADDED\",\"object\":") + kSecret + "}"
            << QByteArray("\"type\":\"ADDED\"");
        QTest::newRow("merge patch to a Secret")
            << QStringLiteral("/api/v1/namespaces/shop/secrets/db")
            << QByteArray("{\"data\":{\"password\":\"c3VwZXJzZWNyZXQtcGFzc3dvcmQ=\"}}")
            << QByteArray("\"password\"");
        QTest::newRow("TokenRequest")
            << QStringLiteral("/api/v1/namespaces/shop/serviceaccounts/ci/token")
            << QByteArray("{\"kind\":\"TokenRequest\",\"status\":{\"token\":"
                          "                 "
                          "\"eyJhbGciOiJSUzI1NiJ9.tokenbody\",\"expirationTimestamp\":\"2026-12-"
                          "02T04:00:00Z\"}}")
            << QByteArray("expirationTimestamp");
        QTest::newRow("kubeconfig-shaped")
            << QStringLiteral("/api/v1/namespaces/shop/configmaps/kc")
            << QByteArray(
                   "{\"users\":[{\"name\":\"admin\",\"user\":{\"client-key-data\":"
                   "                 "
                   "\"LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ==\",\"password\":\"hunter2-"
                   "password\","
                   "                 "
                   "\"client-certificate-data\":\"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\"}}]}")
            << QByteArray("\"name\":\"admin\"");
    }

    void redactsSecrets()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, kept);
        const QByteArray shown = kube::redactBody(path, body);
        for (const QByteArray& secret : kSecretValues)
            QVERIFY2(!shown.contains(secret), shown.constData());
        QVERIFY2(shown.contains("REDACTED"), shown.constData());
        QVERIFY2(shown.contains(kept), shown.constData());
        QVERIFY(!QJsonDocument::fromJson(shown).isNull()); // still JSON
    }

    void nonJsonBodiesAreNotShown()
    {
        const QByteArray shown = kube::redactBody(QStringLiteral("/api/v1/namespaces/a/pods/p/log"),
                                                  "token=abc123 password=hunter2-password\n",
                                                  "text/plain; charset=utf-8");
        QCOMPARE(shown, QByteArray("(39 bytes of text/plain, not shown)"));
    }

    void nothingBelowLevel6()
    {
        kube::setVerbosity(5);
        kube::traceRoundTrip(trip());
        QCOMPARE(captured(), QByteArray());
    }

    void level6IsOneLinePerRequest()
    {
        kube::setVerbosity(6);
        kube::traceRoundTrip(trip());
        const QByteArray out = captured();
        static const QRegularExpression line(
            QStringLiteral("^I\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ round_trippers.go\\] GET "
                           "https://127.0.0.1:6443/api/v1/namespaces/shop/secrets/db 200 OK in 5 "
                           "milliseconds\\n$"));
        QVERIFY2(line.match(QString::fromUtf8(out)).hasMatch(), out.constData());
    }

    // A URL's percent-escapes are printed as sent: the line once came out as
    // "labelSelector=app.oam.dev8FappDeployment... in %4 milliseconds" (the URL's "%2F" taken
    // for a placeholder of the format).
    void level6PrintsEscapedUrlsAsSent()
    {
        kube::setVerbosity(6);
        kube::RoundTrip t = trip();
        t.url = "https://127.0.0.1:6443/api/v1/namespaces/shop/pods?labelSelector="
                "app.oam.dev%2FappRevision%3Dv1%2Capp.oam.dev%2Fcomponent%3Dweb&limit=500";
        t.milliseconds = 7;
        kube::traceRoundTrip(t);
        const QByteArray out = captured();
        QVERIFY2(out.contains(" round_trippers.go] GET " + t.url + " 200 OK in 7 milliseconds\n"),
                 out.constData());
    }

    void level7MasksAuthorization()
    {
        kube::setVerbosity(7);
        kube::traceRoundTrip(trip());
        const QByteArray out = captured();
        QVERIFY2(out.contains("Authorization: Bearer <masked>"), out.constData());
        QVERIFY2(out.contains("Accept: application/json"), out.constData());
        QVERIFY2(!out.contains("tokenbody"), out.constData());
        QVERIFY2(!out.contains("Response Body"), out.constData());
    }

    void level8ShowsRedactedBodies()
    {
        kube::setVerbosity(8);
        kube::RoundTrip t = trip();
        t.requestBody = "{\"data\":{\"password\":\"c3VwZXJzZWNyZXQtcGFzc3dvcmQ=\"}}";
        kube::traceRoundTrip(t);
        const QByteArray out = captured();
        QVERIFY2(out.contains("Request Body: {\"data\":{\"password\":\"REDACTED\"}}"),
                 out.constData());
        QVERIFY2(out.contains("Response Body: {"), out.constData());
        for (const QByteArray& secret : kSecretValues)
            QVERIFY2(!out.contains(secret), out.constData());
    }

    void level8CutsLongBodiesLevel9DoesNot()
    {
        kube::RoundTrip t = trip();
        t.responseBody =
            QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                      {QStringLiteral("x"), QString(20000, QLatin1Char('a'))}})
                .toJson(QJsonDocument::Compact);
        kube::setVerbosity(8);
        kube::traceRoundTrip(t);
        QByteArray out = captured();
        QVERIFY2(out.contains("-v=9 prints all]"), out.right(200).constData());
        QVERIFY(out.size() < 12000);
        init();
        kube::setVerbosity(9);
        kube::traceRoundTrip(t);
        out = captured();
        QVERIFY(!out.contains("-v=9 prints all"));
        QVERIFY(out.contains(QByteArray(20000, 'a')));
    }

    void streamsAndErrors()
    {
        kube::setVerbosity(8);
        kube::RoundTrip t = trip();
        t.streaming = true;
        t.responseBody.clear();
        t.httpCode = 0;
        t.error = QStringLiteral("(Could not connect to server)");
        kube::traceRoundTrip(t);
        const QByteArray out = captured();
        QVERIFY2(out.contains("secrets/db (Could not connect to server) in 5 milliseconds"),
                 out.constData());
        QVERIFY2(out.contains("Response Body: (a stream, not shown)"), out.constData());
    }

private:
    static kube::RoundTrip trip()
    {
        kube::RoundTrip t;
        t.method = "GET";
        t.url = "https://127.0.0.1:6443/api/v1/namespaces/shop/secrets/db";
        t.path = QStringLiteral("/api/v1/namespaces/shop/secrets/db");
        t.requestHeaders = {"Accept: application/json",
                            "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.tokenbody"};
        t.httpCode = 200;
        t.milliseconds = 5;
        t.responseBody = kSecret;
        t.responseContentType = "application/json";
        return t;
    }
};

QTEST_GUILESS_MAIN(TestKubeVerbosity)
#include "tst_kube_verbosity.moc"
