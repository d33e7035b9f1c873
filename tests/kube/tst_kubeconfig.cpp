// Kubeconfig loading and merging on small fixture files (tests/kube/fixtures/kubeconfig):
// kubectl's KUBECONFIG merge rules, overrides, relative paths, and the errors a malformed
// file gets.

#include "kube/client.h"
#include "kube/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;

class TestKubeConfig : public QObject
{
    Q_OBJECT
private:
    QString dir;
    QString fixture(const QString& name) const { return dir + QLatin1Char('/') + name; }

    Result<KubeConfig> loadWithEnv(const QStringList& files, const KubeConfigOptions& o = {})
    {
        qputenv("KUBECONFIG", files.join(QDir::listSeparator()).toUtf8());
        return KubeConfig::load(o);
    }

private Q_SLOTS:
    void initTestCase()
    {
        dir = qEnvironmentVariable("VELADESK_SOURCE_DIR") +
              QStringLiteral("/tests/kube/fixtures/kubeconfig");
        QVERIFY2(QFile::exists(fixture(QStringLiteral("first.yaml"))), qPrintable(dir));
    }

    void cleanup() { qunsetenv("KUBECONFIG"); }

    void mergeFirstFileWins()
    {
        auto r = loadWithEnv(
            {fixture(QStringLiteral("first.yaml")), fixture(QStringLiteral("second.yaml"))});
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        const KubeConfig& c = r.value;
        QCOMPARE(c.sourceFiles().size(), 2);
        // current-context from the first file that sets it.
        QCOMPARE(c.currentContext(), QStringLiteral("alpha"));
        // Entries defined in both: the first file's, whole (no field-by-field merge).
        QCOMPARE(c.clusters.value(QStringLiteral("shared-cluster")).server,
                 QStringLiteral("https://first.example:6443"));
        QCOMPARE(c.users.value(QStringLiteral("shared-user")).token, QStringLiteral("first-token"));
        QCOMPARE(c.contexts.value(QStringLiteral("shared-context")).cluster,
                 QStringLiteral("shared-cluster"));
        // Entries only in the second file are there.
        QVERIFY(c.clusters.contains(QStringLiteral("second-only")));
        QVERIFY(c.users.contains(QStringLiteral("exec-user")));
        QCOMPARE(c.contextNames(), (QStringList{QStringLiteral("alpha"), QStringLiteral("basic"),
                                                QStringLiteral("beta"), QStringLiteral("exec"),
                                                QStringLiteral("shared-context")}));
    }

    void mergeOrderMatters()
    {
        auto r = loadWithEnv(
            {fixture(QStringLiteral("second.yaml")), fixture(QStringLiteral("first.yaml"))});
        QVERIFY(r.ok());
        QCOMPARE(r.value.currentContext(), QStringLiteral("beta"));
        QCOMPARE(r.value.clusters.value(QStringLiteral("shared-cluster")).server,
                 QStringLiteral("https://second.example:6443"));
        QCOMPARE(r.value.users.value(QStringLiteral("shared-user")).token,
                 QStringLiteral("second-token"));
    }

    void missingAndEmptyFilesInKubeconfigAreSkipped()
    {
        auto r = loadWithEnv({fixture(QStringLiteral("does-not-exist.yaml")),
                              fixture(QStringLiteral("empty.yaml")),
                              fixture(QStringLiteral("second.yaml"))});
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(r.value.currentContext(), QStringLiteral("beta"));
    }

    void explicitKubeconfigIsTheOnlyFile()
    {
        qputenv("KUBECONFIG", fixture(QStringLiteral("first.yaml")).toUtf8());
        KubeConfigOptions o;
        o.kubeconfigPath = fixture(QStringLiteral("second.yaml"));
        auto r = KubeConfig::load(o);
        QVERIFY(r.ok());
        QCOMPARE(r.value.currentContext(), QStringLiteral("beta"));
        QVERIFY(!r.value.contexts.contains(QStringLiteral("alpha")));

        o.kubeconfigPath = fixture(QStringLiteral("nope.yaml"));
        auto missing = KubeConfig::load(o);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.status.kind, Status::Kind::Config);
        QVERIFY(missing.status.message.contains(QLatin1String("nope.yaml")));
    }

    void homeConfigWhenNoKubeconfigVariable()
    {
        QTemporaryDir home;
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".kube")));
        QVERIFY(QFile::copy(fixture(QStringLiteral("first.yaml")),
                            home.path() + QStringLiteral("/.kube/config")));
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", home.path().toUtf8());
        qunsetenv("KUBECONFIG");
        auto r = KubeConfig::load();
        qputenv("HOME", oldHome);
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(r.value.currentContext(), QStringLiteral("alpha"));
        QCOMPARE(r.value.sourceFiles(), QStringList{home.path() + QStringLiteral("/.kube/config")});
    }

    void contextNamespaceAndOverrides()
    {
        auto r = loadWithEnv(
            {fixture(QStringLiteral("first.yaml")), fixture(QStringLiteral("second.yaml"))});
        QVERIFY(r.ok());
        auto alpha = r.value.connection();
        QVERIFY2(alpha.ok(), qPrintable(alpha.status.toString()));
        QCOMPARE(alpha.value.contextName, QStringLiteral("alpha"));
        QCOMPARE(alpha.value.namespaceName, QStringLiteral("team-alpha"));
        // No namespace in the context: "default".
        auto shared = r.value.connection(QStringLiteral("shared-context"));
        QVERIFY(shared.ok());
        QCOMPARE(shared.value.namespaceName, QStringLiteral("default"));

        KubeConfigOptions o;
        o.context = QStringLiteral("exec");
        o.namespaceName = QStringLiteral("override-ns");
        auto withOptions = loadWithEnv(
            {fixture(QStringLiteral("first.yaml")), fixture(QStringLiteral("second.yaml"))}, o);
        QVERIFY(withOptions.ok());
        auto exec = withOptions.value.connection();
        QVERIFY2(exec.ok(), qPrintable(exec.status.toString()));
        QCOMPARE(exec.value.contextName, QStringLiteral("exec"));
        QCOMPARE(exec.value.namespaceName, QStringLiteral("override-ns"));

        auto unknown = r.value.connection(QStringLiteral("gamma"));
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.status.message.contains(QLatin1String("context \"gamma\" not found")));
    }

    void clusterFieldsAndRelativePaths()
    {
        auto r = loadWithEnv(
            {fixture(QStringLiteral("first.yaml")), fixture(QStringLiteral("second.yaml"))});
        QVERIFY(r.ok());
        auto alpha = r.value.connection(QStringLiteral("alpha"));
        QVERIFY(alpha.ok());
        const ClusterInfo& c = alpha.value.cluster;
        // Relative to the folder of the kubeconfig that names it, and read.
        QCOMPARE(c.certificateAuthorityFile, QDir::cleanPath(fixture(QStringLiteral("ca.crt"))));
        QFile ca(fixture(QStringLiteral("ca.crt")));
        QVERIFY(ca.open(QIODevice::ReadOnly));
        QCOMPARE(c.certificateAuthorityData, ca.readAll());
        QCOMPARE(c.tlsServerName, QStringLiteral("api.first.example"));
        QVERIFY(!c.insecureSkipTlsVerify);
        QVERIFY(alpha.value.warnings.isEmpty());
        QCOMPARE(alpha.value.user.token, QStringLiteral("first-token"));

        auto beta = r.value.connection(QStringLiteral("beta"));
        QVERIFY2(beta.ok(), qPrintable(beta.status.toString()));
        QCOMPARE(beta.value.cluster.certificateAuthorityData,
                 QByteArray("-----BEGIN CERTIFICATE-----\nDATA\n-----END CERTIFICATE-----\n"));
        QCOMPARE(beta.value.cluster.proxyUrl, QStringLiteral("http://proxy.example:3128"));
        QCOMPARE(beta.value.user.clientCertificateFile,
                 QDir::cleanPath(fixture(QStringLiteral("certs/client.crt"))));
        QVERIFY(beta.value.user.clientCertificateData.startsWith("-----BEGIN CERTIFICATE-----"));
        QVERIFY(beta.value.user.clientKeyData.startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    void insecureSkipTlsVerifyWarns()
    {
        auto r = KubeConfig::parse(
            "clusters:\n- name: open\n  cluster:\n    server: https://open.example\n"
            "    insecure-skip-tls-verify: true\ncontexts:\n- name: x\n  context:\n"
            "    cluster: open\ncurrent-context: x\n",
            fixture(QStringLiteral("inline.yaml")));
        QVERIFY(r.ok());
        auto c = r.value.connection();
        QVERIFY2(c.ok(), qPrintable(c.status.toString()));
        QVERIFY(c.value.cluster.insecureSkipTlsVerify);
        QCOMPARE(c.value.warnings.size(), 1);
        QVERIFY(c.value.warnings.first().contains(QLatin1String("insecure-skip-tls-verify")));
        // Not set: no skipping and no warning.
        auto strict = KubeConfig::parse(
            "clusters:\n- name: s\n  cluster:\n    server: https://s.example\n"
            "contexts:\n- name: x\n  context:\n    cluster: s\ncurrent-context: x\n",
            fixture(QStringLiteral("inline.yaml")));
        QVERIFY(strict.ok());
        QVERIFY(!strict.value.connection().value.cluster.insecureSkipTlsVerify);
        QVERIFY(strict.value.connection().value.warnings.isEmpty());
    }

    void userKinds()
    {
        auto r = loadWithEnv({fixture(QStringLiteral("second.yaml"))});
        QVERIFY(r.ok());
        const UserInfo exec = r.value.users.value(QStringLiteral("exec-user"));
        QVERIFY(exec.exec.has_value());
        QCOMPARE(exec.exec->apiVersion, QStringLiteral("client.authentication.k8s.io/v1beta1"));
        QCOMPARE(exec.exec->command, QStringLiteral("./bin/get-token"));
        QCOMPARE(exec.exec->args,
                 (QStringList{QStringLiteral("--cluster"), QStringLiteral("beta")}));
        QCOMPARE(exec.exec->env.size(), 1);
        QCOMPARE(exec.exec->env.first().first, QStringLiteral("PLUGIN_MODE"));
        QCOMPARE(exec.exec->env.first().second, QStringLiteral("test"));
        QCOMPARE(exec.exec->installHint, QStringLiteral("install get-token from example.com"));
        QVERIFY(exec.exec->provideClusterInfo);
        QCOMPARE(exec.exec->configDir, QDir::cleanPath(dir));

        const UserInfo file = r.value.users.value(QStringLiteral("file-user"));
        QCOMPARE(file.tokenFile, QDir::cleanPath(fixture(QStringLiteral("token.txt"))));
        const UserInfo basic = r.value.users.value(QStringLiteral("basic-user"));
        QCOMPARE(basic.username, QStringLiteral("admin"));
        QCOMPARE(basic.password, QStringLiteral("s3cret"));
        auto basicConnection = r.value.connection(QStringLiteral("basic"));
        QVERIFY2(basicConnection.ok(), qPrintable(basicConnection.status.toString()));
    }

    void noContextAtAll()
    {
        auto r = loadWithEnv({fixture(QStringLiteral("empty.yaml"))});
        QVERIFY(r.ok());
        auto c = r.value.connection();
        QVERIFY(!c.ok());
        QCOMPARE(c.status.kind, Status::Kind::Config);
        QVERIFY2(c.status.message.contains(QLatin1String("no configuration")),
                 qPrintable(c.status.message));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("failsOnLoad"); // else: when the context is resolved
        QTest::addColumn<QStringList>("mentions");
        auto row = [](const char* name, bool onLoad, QStringList mentions) {
            QTest::newRow(name) << QString::fromLatin1(name) << onLoad << mentions;
        };
        row("bad-yaml.yaml", true, {QStringLiteral("invalid YAML")});
        row("clusters-not-list.yaml", true, {QStringLiteral("clusters must be a list")});
        row("bad-base64.yaml", true,
            {QStringLiteral("cluster \"c\""), QStringLiteral("certificate-authority-data"),
             QStringLiteral("base64")});
        row("bad-bool.yaml", true,
            {QStringLiteral("cluster \"c\""), QStringLiteral("insecure-skip-tls-verify"),
             QStringLiteral("maybe")});
        row("duplicate-name.yaml", true, {QStringLiteral("duplicate name \"twice\"")});
        row("wrong-kind.yaml", true, {QStringLiteral("kind is \"Pod\"")});
        row("no-server.yaml", false,
            {QStringLiteral("cluster \"serverless\""), QStringLiteral("server is missing")});
        row("unknown-cluster.yaml", false,
            {QStringLiteral("context \"ctx\""), QStringLiteral("cluster \"nowhere\" not found")});
        row("unknown-user.yaml", false,
            {QStringLiteral("context \"ctx\""), QStringLiteral("user \"nobody\" not found")});
        row("missing-ca-file.yaml", false,
            {QStringLiteral("cluster \"c\""), QStringLiteral("certificate-authority"),
             QStringLiteral("does-not-exist.crt")});
        row("cert-without-key.yaml", false,
            {QStringLiteral("user \"half\""), QStringLiteral("client-certificate is set without "
                                                             "client-key")});
        row("exec-v1-no-mode.yaml", false,
            {QStringLiteral("user \"plugin\""), QStringLiteral("interactiveMode")});
        row("token-and-basic.yaml", false,
            {QStringLiteral("user \"both\""), QStringLiteral("more than one authentication")});
        row("not-a-server-url.yaml", false,
            {QStringLiteral("cluster \"c\""), QStringLiteral("not an http(s) URL")});
        row("auth-provider.yaml", false,
            {QStringLiteral("user \"legacy\""), QStringLiteral("auth-provider not supported")});
    }

    void malformed()
    {
        QFETCH(QString, file);
        QFETCH(bool, failsOnLoad);
        QFETCH(QStringList, mentions);
        KubeConfigOptions o;
        o.kubeconfigPath = fixture(QStringLiteral("malformed/") + file);
        auto r = KubeConfig::load(o);
        Status s;
        if (failsOnLoad) {
            QVERIFY(!r.ok());
            s = r.status;
        } else {
            QVERIFY2(r.ok(), qPrintable(r.status.toString()));
            auto c = r.value.connection();
            QVERIFY(!c.ok());
            s = c.status;
        }
        QCOMPARE(s.kind, Status::Kind::Config);
        const QString text = s.toString();
        // Always the file, then the entry and what is wrong.
        QVERIFY2(text.contains(QStringLiteral("malformed/") + file), qPrintable(text));
        for (const QString& m : mentions)
            QVERIFY2(text.contains(m), qPrintable(QStringLiteral("%1\n  lacks: %2").arg(text, m)));
    }

    void yamlErrorsNameTheLine()
    {
        auto r = KubeConfig::parse("apiVersion: v1\nclusters:\n- name: [unclosed\n",
                                   QStringLiteral("/x/inline.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.status.message.startsWith(QLatin1String("/x/inline.yaml:")),
                 qPrintable(r.status.message));
        // line:column follow the file name
        const QStringList parts = r.status.message.split(QLatin1Char(':'));
        bool lineOk = false, colOk = false;
        parts.value(1).toInt(&lineOk);
        parts.value(2).toInt(&colOk);
        QVERIFY2(lineOk && colOk, qPrintable(r.status.message));
    }

    void secretsStayOutOfMessages()
    {
        // A connection with every kind of secret, and errors around it: none shows a secret.
        auto r = loadWithEnv({fixture(QStringLiteral("second.yaml"))});
        QVERIFY(r.ok());
        auto basic = r.value.connection(QStringLiteral("basic"));
        QVERIFY(basic.ok());
        ClusterConnection c = basic.value;
        c.cluster.server = QStringLiteral("https://127.0.0.1:1"); // nothing listens there
        c.cluster.certificateAuthorityData.clear();
        c.cluster.proxyUrl.clear();
        auto client = Client::create(c);
        QVERIFY2(client.ok(), qPrintable(client.status.toString()));
        Request req;
        req.path = QStringLiteral("/api");
        req.retryReads = false;
        Response resp = client.value->send(req).result();
        QVERIFY(!resp.status.ok());
        QCOMPARE(resp.status.kind, Status::Kind::Transport);
        QVERIFY2(
            resp.status.message.contains(QLatin1String("cannot connect to https://127.0.0.1:1")),
            qPrintable(resp.status.message));
        QVERIFY(!resp.status.toString().contains(QLatin1String("s3cret")));
    }
};

QTEST_GUILESS_MAIN(TestKubeConfig)
#include "tst_kubeconfig.moc"
