// Credentials and TLS against the real control plane: the admin client certificate, bearer
// tokens and token files from the TokenRequest API, an exec credential plugin (cached until
// it expires, re-run after a 401, install hint when missing), 401 and 403 messages, a wrong
// certificate authority refused without any insecure fallback.

#include "kubetest.h"

#include "kube/client.h"
#include "kube/yamljson.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;
using namespace kubetest;

namespace {

int lineCount(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return int(f.readAll().count('\n'));
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

} // namespace

class TestKubeAuth : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<Client> admin;
    ClusterConnection adminConn;
    std::unique_ptr<ScopedNamespace> ns;
    QString readerToken; // ServiceAccount "reader": view in the test namespace
    QString nobodyToken; // ServiceAccount "nobody": no RBAC at all
    QTemporaryDir tmp;

    QString requestToken(const QString& serviceAccount)
    {
        Request req;
        req.method = "POST";
        req.path = QStringLiteral("/api/v1/namespaces/%1/serviceaccounts/%2/token")
                       .arg(ns->name(), serviceAccount);
        req.body =
            QJsonDocument(QJsonObject{{QStringLiteral("apiVersion"),
                                       QStringLiteral("authentication.k8s.io/v1")},
                                      {QStringLiteral("kind"), QStringLiteral("TokenRequest")},
                                      {QStringLiteral("spec"),
                                       QJsonObject{{QStringLiteral("expirationSeconds"), 3600}}}})
                .toJson(QJsonDocument::Compact);
        Response r = await(admin->send(req));
        if (!r.status) {
            qWarning("TokenRequest: %s", qPrintable(r.status.toString()));
            return {};
        }
        return r.json()
            .value(QStringLiteral("status"))
            .toObject()
            .value(QStringLiteral("token"))
            .toString();
    }

    ClusterConnection withUser(const UserInfo& user) const
    {
        ClusterConnection c = adminConn;
        c.user = user;
        c.userName = QStringLiteral("test-user");
        return c;
    }

    Result<ObjectList> listConfigMaps(const ClusterConnection& c, const QString& inNamespace)
    {
        auto client = Client::create(c);
        if (!client)
            return Result<ObjectList>::failure(client.status);
        return await(client.value->list(ResourceType::configMaps(), inNamespace));
    }

    // A kubeconfig in its own folder, using the test cluster, whose user runs
    // ./bin/exec-credential.sh (relative: resolved from the kubeconfig's folder).
    QString writeExecKubeconfig(const QString& folder, const QString& apiVersion,
                                const QString& command, int expiresIn,
                                const QString& firstToken = {}, const QJsonArray& extraEnv = {})
    {
        QDir().mkpath(folder + QStringLiteral("/bin"));
        const QString script = folder + QStringLiteral("/bin/exec-credential.sh");
        QFile::remove(script);
        QFile::copy(qEnvironmentVariable("VELADESK_SOURCE_DIR") +
                        QStringLiteral("/tests/kube/exec-credential.sh"),
                    script);
        QFile::setPermissions(script, QFile::permissions(script) | QFile::ExeOwner);
        writeFile(folder + QStringLiteral("/token"), readerToken.toUtf8());
        QJsonArray env{QJsonObject{{QStringLiteral("name"), QStringLiteral("VDK_TOKEN_FILE")},
                                   {QStringLiteral("value"), folder + QStringLiteral("/token")}},
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("VDK_EXPIRES_IN")},
                                   {QStringLiteral("value"), QString::number(expiresIn)}},
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("VDK_API_VERSION")},
                                   {QStringLiteral("value"), apiVersion}}};
        for (const QJsonValue& v : extraEnv)
            env.append(v);
        if (!firstToken.isEmpty())
            env.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("VDK_FIRST_TOKEN")},
                                   {QStringLiteral("value"), firstToken}});
        QJsonObject exec{
            {QStringLiteral("apiVersion"), apiVersion},
            {QStringLiteral("command"), command},
            {QStringLiteral("args"),
             QJsonArray{QStringLiteral("--counter=") + folder + QStringLiteral("/runs")}},
            {QStringLiteral("env"), env},
            {QStringLiteral("provideClusterInfo"), true},
            {QStringLiteral("installHint"),
             QStringLiteral("Install the plugin from https://plugins.example.invalid/get")}};
        if (apiVersion.endsWith(QLatin1String("/v1")))
            exec.insert(QStringLiteral("interactiveMode"), QStringLiteral("Never"));
        const QJsonObject config{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Config")},
            {QStringLiteral("current-context"), QStringLiteral("exec")},
            {QStringLiteral("clusters"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("test")},
                 {QStringLiteral("cluster"),
                  QJsonObject{{QStringLiteral("server"), adminConn.cluster.server},
                              {QStringLiteral("certificate-authority-data"),
                               QString::fromLatin1(
                                   adminConn.cluster.certificateAuthorityData.toBase64())}}}}}},
            {QStringLiteral("users"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("plugin-user")},
                 {QStringLiteral("user"), QJsonObject{{QStringLiteral("exec"), exec}}}}}},
            {QStringLiteral("contexts"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("exec")},
                             {QStringLiteral("context"),
                              QJsonObject{{QStringLiteral("cluster"), QStringLiteral("test")},
                                          {QStringLiteral("user"), QStringLiteral("plugin-user")},
                                          {QStringLiteral("namespace"), ns->name()}}}}}}};
        const QString path = folder + QStringLiteral("/kubeconfig");
        writeFile(path, toYaml(QJsonValue(config)));
        return path;
    }

    std::shared_ptr<Client> clientFor(const QString& kubeconfig)
    {
        KubeConfigOptions o;
        o.kubeconfigPath = kubeconfig;
        auto config = KubeConfig::load(o);
        if (!config) {
            qWarning("%s", qPrintable(config.status.toString()));
            return {};
        }
        auto c = config.value.connection();
        if (!c) {
            qWarning("%s", qPrintable(c.status.toString()));
            return {};
        }
        auto client = Client::create(c.value);
        return client ? client.value : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!kubeconfigPath().isEmpty(), "VELADESK_TEST_KUBECONFIG is not set");
        QVERIFY(tmp.isValid());
        auto c = adminConnection();
        QVERIFY2(c.ok(), qPrintable(c.status.toString()));
        adminConn = c.value;
        admin = adminClient();
        QVERIFY(admin);
        ns = std::make_unique<ScopedNamespace>(admin, QStringLiteral("vdk-auth"));
        QVERIFY(ns->ok());
        for (const char* sa : {"reader", "nobody"}) {
            const QJsonObject account{
                {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                {QStringLiteral("kind"), QStringLiteral("ServiceAccount")},
                {QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("name"), QString::fromLatin1(sa)}}}};
            auto r = await(admin->create(ResourceType{{},
                                                      QStringLiteral("v1"),
                                                      QStringLiteral("serviceaccounts"),
                                                      QStringLiteral("ServiceAccount")},
                                         ns->name(), account));
            QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        }
        const QJsonObject binding{
            {QStringLiteral("apiVersion"), QStringLiteral("rbac.authorization.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("RoleBinding")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("reader-view")}}},
            {QStringLiteral("roleRef"),
             QJsonObject{{QStringLiteral("apiGroup"), QStringLiteral("rbac.authorization.k8s.io")},
                         {QStringLiteral("kind"), QStringLiteral("ClusterRole")},
                         {QStringLiteral("name"), QStringLiteral("view")}}},
            {QStringLiteral("subjects"),
             QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("ServiceAccount")},
                                    {QStringLiteral("name"), QStringLiteral("reader")},
                                    {QStringLiteral("namespace"), ns->name()}}}}};
        auto b = await(admin->apply(
            ResourceType{QStringLiteral("rbac.authorization.k8s.io"), QStringLiteral("v1"),
                         QStringLiteral("rolebindings"), QStringLiteral("RoleBinding")},
            ns->name(), binding));
        QVERIFY2(b.ok(), qPrintable(b.status.toString()));
        readerToken = requestToken(QStringLiteral("reader"));
        nobodyToken = requestToken(QStringLiteral("nobody"));
        QVERIFY(!readerToken.isEmpty());
        QVERIFY(!nobodyToken.isEmpty());
    }

    void cleanupTestCase() { ns.reset(); }

    void adminClientCertificate()
    {
        QVERIFY(!adminConn.user.clientCertificateData.isEmpty());
        QVERIFY(adminConn.user.token.isEmpty());
        QVERIFY(!adminConn.user.exec);
        auto r = await(admin->list(ResourceType::namespaces(), {}));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QVERIFY(r.value.items.size() >= 4);
    }

    void bearerToken()
    {
        UserInfo u;
        u.token = readerToken;
        auto r = listConfigMaps(withUser(u), ns->name());
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        // view in its namespace only.
        auto other = listConfigMaps(withUser(u), QStringLiteral("kube-system"));
        QCOMPARE(other.status.httpCode, 403);
        QVERIFY2(other.status.message.contains(
                     QStringLiteral("system:serviceaccount:%1:reader").arg(ns->name())),
                 qPrintable(other.status.message));
    }

    void tokenFileIsReadAgainWhenItChanges()
    {
        const QString file = tmp.filePath(QStringLiteral("sa-token"));
        QVERIFY(writeFile(file, readerToken.toUtf8() + '\n'));
        UserInfo u;
        u.tokenFile = file;
        auto client = Client::create(withUser(u));
        QVERIFY(client.ok());
        auto r = await(client.value->list(ResourceType::configMaps(), ns->name()));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));

        // Rotated to another account's token: the same client now acts as "nobody".
        QTest::qWait(20);
        QVERIFY(writeFile(file, nobodyToken.toUtf8() + '\n'));
        auto after = await(client.value->list(ResourceType::configMaps(), ns->name()));
        QCOMPARE(after.status.httpCode, 403);
        QVERIFY2(after.status.message.contains(
                     QStringLiteral("system:serviceaccount:%1:nobody").arg(ns->name())),
                 qPrintable(after.status.message));
    }

    void wrongTokenIsUnauthorized()
    {
        const QString bogus = QStringLiteral("vdk-not-a-token-4f1d2c");
        UserInfo u;
        u.token = bogus;
        auto r = listConfigMaps(withUser(u), ns->name());
        QVERIFY(!r.ok());
        QCOMPARE(r.status.kind, Status::Kind::Http);
        QCOMPARE(r.status.httpCode, 401);
        QCOMPARE(r.status.reason, QStringLiteral("Unauthorized"));
        const QString text = r.status.toString();
        QVERIFY2(text.contains(adminConn.cluster.server), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("bearer token")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("\"Unauthorized\"")), qPrintable(text));
        // The secret itself never shows.
        QVERIFY(!text.contains(bogus));
    }

    void serviceAccountWithoutRbacIsForbidden()
    {
        UserInfo u;
        u.token = nobodyToken;
        auto r = listConfigMaps(withUser(u), ns->name());
        QVERIFY(!r.ok());
        QCOMPARE(r.status.httpCode, 403);
        QCOMPARE(r.status.reason, QStringLiteral("Forbidden"));
        // The API server's own words.
        const QString expected =
            QStringLiteral("configmaps is forbidden: User \"system:serviceaccount:%1:nobody\" "
                           "cannot list resource \"configmaps\" in API group \"\" in the "
                           "namespace \"%1\"")
                .arg(ns->name());
        QVERIFY2(r.status.message.startsWith(expected), qPrintable(r.status.message));
        QVERIFY(!r.status.toString().contains(nobodyToken));
    }

    void execPlugin_data()
    {
        QTest::addColumn<QString>("apiVersion");
        QTest::newRow("v1") << QStringLiteral("client.authentication.k8s.io/v1");
        QTest::newRow("v1beta1") << QStringLiteral("client.authentication.k8s.io/v1beta1");
    }

    void execPlugin()
    {
        QFETCH(QString, apiVersion);
        const QString folder =
            tmp.filePath(QStringLiteral("exec-") + QString::fromLatin1(QTest::currentDataTag()));
        const QString kubeconfig =
            writeExecKubeconfig(folder, apiVersion, QStringLiteral("./bin/exec-credential.sh"), 3);
        auto client = clientFor(kubeconfig);
        QVERIFY(client);
        const QString runs = folder + QStringLiteral("/runs");

        auto r = await(client->list(ResourceType::configMaps(), ns->name()));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(lineCount(runs), 1);
        // Cached until it expires.
        QVERIFY(await(client->list(ResourceType::configMaps(), ns->name())).ok());
        QCOMPARE(lineCount(runs), 1);

        // KUBERNETES_EXEC_INFO told the plugin about the cluster (provideClusterInfo).
        QFile info(runs + QStringLiteral(".execinfo"));
        QVERIFY(info.open(QIODevice::ReadOnly));
        const QJsonObject execInfo = QJsonDocument::fromJson(info.readAll()).object();
        QCOMPARE(execInfo.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("ExecCredential"));
        QCOMPARE(execInfo.value(QStringLiteral("apiVersion")).toString(), apiVersion);
        const QJsonObject spec = execInfo.value(QStringLiteral("spec")).toObject();
        QCOMPARE(spec.value(QStringLiteral("interactive")), QJsonValue(false));
        QCOMPARE(spec.value(QStringLiteral("cluster"))
                     .toObject()
                     .value(QStringLiteral("server"))
                     .toString(),
                 adminConn.cluster.server);

        // After expirationTimestamp the plugin runs again.
        QTest::qWait(4000);
        QVERIFY(await(client->list(ResourceType::configMaps(), ns->name())).ok());
        QCOMPARE(lineCount(runs), 2);
    }

    void execCredentialSharedByClientsOfTheProcess()
    {
        const QString folder = tmp.filePath(QStringLiteral("exec-shared"));
        const QString kubeconfig =
            writeExecKubeconfig(folder, QStringLiteral("client.authentication.k8s.io/v1beta1"),
                                QStringLiteral("./bin/exec-credential.sh"), 3600);
        auto first = clientFor(kubeconfig);
        QVERIFY(first);
        QVERIFY(await(first->list(ResourceType::configMaps(), ns->name())).ok());
        first.reset();
        // A new Client for the same plugin (a GUI reconnecting) uses the unexpired credential.
        auto second = clientFor(kubeconfig);
        QVERIFY(second);
        QVERIFY(await(second->list(ResourceType::configMaps(), ns->name())).ok());
        QCOMPARE(lineCount(folder + QStringLiteral("/runs")), 1);
    }

    void execPluginRunsAgainAfter401()
    {
        const QString folder = tmp.filePath(QStringLiteral("exec-401"));
        const QString kubeconfig = writeExecKubeconfig(
            folder, QStringLiteral("client.authentication.k8s.io/v1beta1"),
            QStringLiteral("./bin/exec-credential.sh"), 3600, QStringLiteral("stale-token"));
        auto client = clientFor(kubeconfig);
        QVERIFY(client);
        // First credential is rejected (401); the plugin runs again once and the call succeeds.
        auto r = await(client->list(ResourceType::configMaps(), ns->name()));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(lineCount(folder + QStringLiteral("/runs")), 2);
    }

    void execPluginClientCertificate()
    {
        // The plugin hands out the admin's client certificate and key (from memory, never a
        // file for curl): listing Secrets in kube-system needs exactly that identity.
        const QString folder = tmp.filePath(QStringLiteral("exec-cert"));
        QVERIFY(!adminConn.user.clientCertificateFile.isEmpty());
        const QJsonArray env{
            QJsonObject{{QStringLiteral("name"), QStringLiteral("VDK_CERT_FILE")},
                        {QStringLiteral("value"), adminConn.user.clientCertificateFile}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("VDK_KEY_FILE")},
                        {QStringLiteral("value"), adminConn.user.clientKeyFile}}};
        const QString kubeconfig =
            writeExecKubeconfig(folder, QStringLiteral("client.authentication.k8s.io/v1"),
                                QStringLiteral("./bin/exec-credential.sh"), 3600, {}, env);
        auto client = clientFor(kubeconfig);
        QVERIFY(client);
        QVERIFY(client->connection().user.clientCertificateData.isEmpty());
        auto r = await(client->list(
            ResourceType{
                {}, QStringLiteral("v1"), QStringLiteral("secrets"), QStringLiteral("Secret")},
            QStringLiteral("kube-system")));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(lineCount(folder + QStringLiteral("/runs")), 1);
    }

    void slowExecPluginDoesNotBlockTheCaller()
    {
        const QString folder = tmp.filePath(QStringLiteral("exec-slow"));
        const QJsonArray env{QJsonObject{{QStringLiteral("name"), QStringLiteral("VDK_SLEEP")},
                                         {QStringLiteral("value"), QStringLiteral("2")}}};
        const QString kubeconfig =
            writeExecKubeconfig(folder, QStringLiteral("client.authentication.k8s.io/v1beta1"),
                                QStringLiteral("./bin/exec-credential.sh"), 3600, {}, env);
        auto client = clientFor(kubeconfig);
        QVERIFY(client);
        QElapsedTimer t;
        t.start();
        auto f = client->list(ResourceType::configMaps(), ns->name());
        // The call returns at once; the plugin runs elsewhere.
        QVERIFY2(t.elapsed() < 500, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!f.isFinished());
        auto r = await(f);
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QVERIFY(t.elapsed() >= 2000);
    }

    void execPluginMissingShowsInstallHint()
    {
        const QString folder = tmp.filePath(QStringLiteral("exec-missing"));
        const QString kubeconfig =
            writeExecKubeconfig(folder, QStringLiteral("client.authentication.k8s.io/v1beta1"),
                                QStringLiteral("vdk-no-such-credential-plugin"), 3600);
        auto client = clientFor(kubeconfig);
        QVERIFY(client);
        auto r = await(client->list(ResourceType::configMaps(), ns->name()));
        QVERIFY(!r.ok());
        QCOMPARE(r.status.kind, Status::Kind::Config);
        const QString text = r.status.toString();
        QVERIFY2(text.contains(QLatin1String("\"vdk-no-such-credential-plugin\" not found")),
                 qPrintable(text));
        QVERIFY2(text.contains(
                     QLatin1String("Install the plugin from https://plugins.example.invalid/get")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("user \"plugin-user\"")), qPrintable(text));
    }

    void execPluginFailureIsReported()
    {
        const QString folder = tmp.filePath(QStringLiteral("exec-fails"));
        // No --counter argument: the script exits with 2 and says why on stderr.
        QString kubeconfig =
            writeExecKubeconfig(folder, QStringLiteral("client.authentication.k8s.io/v1beta1"),
                                QStringLiteral("./bin/exec-credential.sh"), 3600);
        QFile f(kubeconfig);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        text.replace("--counter=", "--other=");
        QVERIFY(writeFile(kubeconfig, text));
        auto client = clientFor(kubeconfig);
        QVERIFY(client);
        auto r = await(client->list(ResourceType::configMaps(), ns->name()));
        QVERIFY(!r.ok());
        QCOMPARE(r.status.kind, Status::Kind::Config);
        QVERIFY2(r.status.message.contains(QLatin1String("exit code 2")),
                 qPrintable(r.status.message));
        QVERIFY2(r.status.message.contains(QLatin1String("--counter=PATH is required")),
                 qPrintable(r.status.message));
    }

    void wrongCertificateAuthorityIsRefused()
    {
        // A certificate authority that did not sign the API server's certificate (a fixture,
        // self-signed, no key kept).
        const QString caPath = qEnvironmentVariable("VELADESK_SOURCE_DIR") +
                               QStringLiteral("/tests/kube/fixtures/tls/wrong-ca.crt");
        QFile ca(caPath);
        QVERIFY(ca.open(QIODevice::ReadOnly));

        ClusterConnection c = adminConn;
        c.cluster.certificateAuthorityData = ca.readAll();
        c.cluster.certificateAuthorityFile = caPath;
        auto r = listConfigMaps(c, ns->name());
        QVERIFY(!r.ok());
        QCOMPARE(r.status.kind, Status::Kind::Tls);
        QCOMPARE(r.status.httpCode, 0);
        const QString text = r.status.toString();
        QVERIFY2(text.contains(QLatin1String("cannot be verified")), qPrintable(text));
        QVERIFY2(text.contains(caPath), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("insecure-skip-tls-verify")), qPrintable(text));

        // No authority at all: the system trust store does not know the cluster's CA either.
        c.cluster.certificateAuthorityData.clear();
        c.cluster.certificateAuthorityFile.clear();
        auto system = listConfigMaps(c, ns->name());
        QCOMPARE(system.status.kind, Status::Kind::Tls);
        QVERIFY(system.status.message.contains(QLatin1String("system trust store")));
    }

    void tlsServerName()
    {
        // The serving certificate names kubernetes.default.svc (and 127.0.0.1): connecting to
        // 127.0.0.1 while verifying another name works only when the certificate has it.
        ClusterConnection c = adminConn;
        c.cluster.tlsServerName = QStringLiteral("kubernetes.default.svc");
        auto r = listConfigMaps(c, ns->name());
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        c.cluster.tlsServerName = QStringLiteral("not-the-apiserver.example.invalid");
        auto wrong = listConfigMaps(c, ns->name());
        QCOMPARE(wrong.status.kind, Status::Kind::Tls);
        QVERIFY2(wrong.status.message.contains(QLatin1String("cannot be verified")),
                 qPrintable(wrong.status.message));
    }

    void insecureSkipTlsVerifyOnlyWhenSet()
    {
        // Same kubeconfig, the authority dropped and insecure-skip-tls-verify set: it connects,
        // and says so.
        const QString folder = tmp.filePath(QStringLiteral("insecure"));
        QDir().mkpath(folder);
        const QJsonObject config{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Config")},
            {QStringLiteral("current-context"), QStringLiteral("x")},
            {QStringLiteral("clusters"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                             {QStringLiteral("cluster"),
                              QJsonObject{{QStringLiteral("server"), adminConn.cluster.server},
                                          {QStringLiteral("insecure-skip-tls-verify"), true}}}}}},
            {QStringLiteral("users"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("u")},
                 {QStringLiteral("user"), QJsonObject{{QStringLiteral("token"), readerToken}}}}}},
            {QStringLiteral("contexts"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                             {QStringLiteral("context"),
                              QJsonObject{{QStringLiteral("cluster"), QStringLiteral("c")},
                                          {QStringLiteral("user"), QStringLiteral("u")}}}}}}};
        QVERIFY(writeFile(folder + QStringLiteral("/kubeconfig"), toYaml(QJsonValue(config))));
        KubeConfigOptions o;
        o.kubeconfigPath = folder + QStringLiteral("/kubeconfig");
        auto loaded = KubeConfig::load(o);
        QVERIFY2(loaded.ok(), qPrintable(loaded.status.toString()));
        auto conn = loaded.value.connection();
        QVERIFY2(conn.ok(), qPrintable(conn.status.toString()));
        QCOMPARE(conn.value.warnings.size(), 1);
        QVERIFY(conn.value.warnings.first().contains(QLatin1String("insecure-skip-tls-verify")));
        auto r = listConfigMaps(conn.value, ns->name());
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
    }

    // Last: it throttles the "reader" account. API Priority and Fairness with a priority
    // level of the smallest concurrency that rejects (no queue) makes the real API server
    // answer 429; every request still succeeds because the client waits for Retry-After.
    void tooManyRequestsAreRetriedAfterRetryAfter()
    {
        const ResourceType levels{QStringLiteral("flowcontrol.apiserver.k8s.io"),
                                  QStringLiteral("v1"),
                                  QStringLiteral("prioritylevelconfigurations"),
                                  QStringLiteral("PriorityLevelConfiguration"), false};
        const ResourceType schemas{QStringLiteral("flowcontrol.apiserver.k8s.io"),
                                   QStringLiteral("v1"), QStringLiteral("flowschemas"),
                                   QStringLiteral("FlowSchema"), false};
        const QString name = ns->name() + QStringLiteral("-tiny");
        const QJsonObject level{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("Limited")},
                         {QStringLiteral("limited"),
                          QJsonObject{{QStringLiteral("nominalConcurrencyShares"), 1},
                                      {QStringLiteral("lendablePercent"), 0},
                                      {QStringLiteral("borrowingLimitPercent"), 0},
                                      {QStringLiteral("limitResponse"),
                                       QJsonObject{{QStringLiteral("type"),
                                                    QStringLiteral("Reject")}}}}}}}};
        const QJsonObject schema{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("priorityLevelConfiguration"),
                          QJsonObject{{QStringLiteral("name"), name}}},
                         {QStringLiteral("matchingPrecedence"), 100},
                         {QStringLiteral("distinguisherMethod"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("ByUser")}}},
                         {QStringLiteral("rules"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("subjects"),
                               QJsonArray{QJsonObject{
                                   {QStringLiteral("kind"), QStringLiteral("ServiceAccount")},
                                   {QStringLiteral("serviceAccount"),
                                    QJsonObject{{QStringLiteral("name"), QStringLiteral("reader")},
                                                {QStringLiteral("namespace"), ns->name()}}}}}},
                              {QStringLiteral("resourceRules"),
                               QJsonArray{QJsonObject{
                                   {QStringLiteral("verbs"), QJsonArray{QStringLiteral("*")}},
                                   {QStringLiteral("apiGroups"), QJsonArray{QStringLiteral("*")}},
                                   {QStringLiteral("resources"), QJsonArray{QStringLiteral("*")}},
                                   {QStringLiteral("namespaces"), QJsonArray{QStringLiteral("*")}},
                                   {QStringLiteral("clusterScope"), true}}}}}}}}}};
        auto l = await(admin->apply(levels, {}, level));
        QVERIFY2(l.ok(), qPrintable(l.status.toString()));
        auto f = await(admin->apply(schemas, {}, schema));
        QVERIFY2(f.ok(), qPrintable(f.status.toString()));
        struct Cleanup
        {
            TestKubeAuth* t;
            QString name;
            ResourceType levels, schemas;
            ~Cleanup()
            {
                await(t->admin->remove(schemas, {}, name));
                await(t->admin->remove(levels, {}, name));
            }
        } cleanup{this, name, levels, schemas};

        auto rejectedSoFar = [&]() -> double {
            Request req;
            req.path = QStringLiteral("/metrics");
            req.accept = "text/plain";
            Response r = await(admin->send(req));
            double total = 0;
            for (const QByteArray& line : r.body.split('\n'))
                if (line.startsWith("apiserver_flowcontrol_rejected_requests_total{") &&
                    line.contains("priority_level=\"" + name.toUtf8() + "\""))
                    total += line.mid(line.lastIndexOf(' ') + 1).toDouble();
            return total;
        };
        const double before = rejectedSoFar();

        UserInfo u;
        u.token = readerToken;
        auto client = Client::create(withUser(u));
        QVERIFY(client.ok());
        // The schema takes effect once the API server has seen it: wait for the first 429.
        QElapsedTimer t;
        t.start();
        int ok = 0;
        int failed = 0;
        QString firstError;
        while (rejectedSoFar() <= before && t.elapsed() < 30000) {
            QList<QFuture<Result<ObjectList>>> burst;
            for (int i = 0; i < 40; ++i)
                burst << client.value->list(ResourceType::configMaps(), ns->name());
            for (auto& fut : burst) {
                auto r = await(fut, 120000);
                if (r.ok()) {
                    ++ok;
                } else {
                    ++failed;
                    if (firstError.isEmpty())
                        firstError = r.status.toString();
                }
            }
        }
        const double rejected = rejectedSoFar() - before;
        qInfo("%d lists succeeded, %d failed, the API server rejected %g with 429", ok, failed,
              rejected);
        QVERIFY2(rejected > 0, "the API server never answered 429");
        QVERIFY2(failed == 0, qPrintable(firstError));
    }
};

QTEST_GUILESS_MAIN(TestKubeAuth)
#include "tst_kube_auth.moc"
