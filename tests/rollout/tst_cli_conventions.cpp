// kubectl conventions of the command line against the local control plane (issue 14, item 2):
// -v levels print requests (6) and redacted bodies (8, 9) but never the bearer token, the
// client key or a Secret's value; `__complete` and the bash/fish completion scripts list the
// cluster's AppDeployments; `version` shows the server's gitVersion (also through kubectl as
// a plugin); apply's live progress line on a terminal (script(1)), plain lines when piped,
// NO_COLOR and --no-color.

#include "clitest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using clitest::diagnostics;
using clitest::Run;
using clitest::runProcess;

QString binary()
{
    return qEnvironmentVariable("VELADESK_BINARY");
}

QString referenceFile(const char* name)
{
    return qEnvironmentVariable("VELADESK_REFERENCE_DIR") + QLatin1Char('/') + QLatin1String(name);
}

// The control plane's kubectl (tests/cluster/versions.sh names its folder).
QString kubectlProgram()
{
    const Run r = runProcess(
        QStringLiteral("bash"),
        {QStringLiteral("-c"), QStringLiteral(". '%1/versions.sh' && echo \"$CP_BIN_DIR/kubectl\"")
                                   .arg(qEnvironmentVariable("VELADESK_CLUSTER_SCRIPTS"))});
    const QString path = r.out.trimmed();
    if (QFileInfo(path).isExecutable())
        return path;
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

QString randomWord(int length)
{
    static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString s;
    for (int i = 0; i < length; ++i)
        s += QLatin1Char(chars[QRandomGenerator::global()->bounded(36)]);
    return s;
}

} // namespace

class TestCliConventions : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_kubectl;
    QString m_adminKubeconfig; // the cluster's, as given
    QString m_keyKubeconfig;   // the admin user with client-key-data embedded
    QString m_tokenKubeconfig; // a ServiceAccount's bearer token
    QString m_ns;
    QString m_binding;
    QString m_token;
    QString m_secretValue;
    QStringList m_clientKeyParts; // client-key-data and lines of the PEM it holds

    Run kubectl(QStringList args)
    {
        args << QStringLiteral("--kubeconfig") << m_adminKubeconfig;
        return runProcess(m_kubectl, args);
    }

    Run veladesk(const QString& kubeconfig, QStringList args,
                 const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
    {
        args << QStringLiteral("--kubeconfig") << kubeconfig << QStringLiteral("-n") << m_ns;
        return runProcess(binary(), args, env);
    }

    // What must never be printed, whatever the level.
    void verifyNoSecrets(const Run& r, const QString& what)
    {
        const QString all = r.all();
        QVERIFY2(!all.contains(m_token), qPrintable(what + QStringLiteral(": the bearer token")));
        QVERIFY2(!all.contains(m_token.left(40)),
                 qPrintable(what + QStringLiteral(": part of the bearer token")));
        QVERIFY2(!all.contains(m_secretValue),
                 qPrintable(what + QStringLiteral(": the Secret's value")));
        QVERIFY2(!all.contains(QString::fromLatin1(m_secretValue.toUtf8().toBase64())),
                 qPrintable(what + QStringLiteral(": the Secret's value (base64)")));
        for (const QString& part : m_clientKeyParts)
            QVERIFY2(!all.contains(part), qPrintable(what + QStringLiteral(": the client key")));
    }

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_kubectl = kubectlProgram();
        QVERIFY2(!m_kubectl.isEmpty(), "no kubectl");
        m_adminKubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        m_ns = QStringLiteral("vdk-conv-") + randomWord(6);
        m_binding = m_ns + QStringLiteral("-ci");
        Run r = kubectl({QStringLiteral("create"), QStringLiteral("namespace"), m_ns});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        // A bearer-token user: a ServiceAccount (cluster-admin) and a token from TokenRequest.
        r = kubectl({QStringLiteral("create"), QStringLiteral("serviceaccount"),
                     QStringLiteral("ci"), QStringLiteral("-n"), m_ns});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        r = kubectl({QStringLiteral("create"), QStringLiteral("clusterrolebinding"), m_binding,
                     QStringLiteral("--clusterrole=cluster-admin"),
                     QStringLiteral("--serviceaccount=%1:ci").arg(m_ns)});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        r = kubectl({QStringLiteral("create"), QStringLiteral("token"), QStringLiteral("ci"),
                     QStringLiteral("-n"), m_ns, QStringLiteral("--duration=1h")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        m_token = r.out.trimmed();
        QVERIFY(m_token.size() > 100);
        // The admin kubeconfig flattened: client-key-data in the file.
        r = kubectl({QStringLiteral("config"), QStringLiteral("view"), QStringLiteral("--raw"),
                     QStringLiteral("--flatten"), QStringLiteral("--minify"), QStringLiteral("-o"),
                     QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QJsonObject config = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QString keyData = config[QLatin1String("users")][0][QLatin1String("user")]
                                      [QLatin1String("client-key-data")]
                                          .toString();
        QVERIFY(keyData.size() > 100);
        m_clientKeyParts << keyData << keyData.mid(20, 40);
        for (const QString& line : QString::fromLatin1(QByteArray::fromBase64(keyData.toLatin1()))
                                       .split(QLatin1Char('\n')))
            if (line.size() > 40 && !line.startsWith(QLatin1String("-----")))
                m_clientKeyParts << line;
        m_keyKubeconfig =
            writeFile(QStringLiteral("admin-key.kubeconfig"), QJsonDocument(config).toJson());
        QJsonObject user{{QStringLiteral("name"), QStringLiteral("ci")},
                         {QStringLiteral("user"), QJsonObject{{QStringLiteral("token"), m_token}}}};
        config[QLatin1String("users")] = QJsonArray{user};
        QJsonArray contexts = config[QLatin1String("contexts")].toArray();
        QJsonObject context = contexts[0].toObject();
        QJsonObject contextBody = context[QLatin1String("context")].toObject();
        contextBody[QLatin1String("user")] = QStringLiteral("ci");
        context[QLatin1String("context")] = contextBody;
        config[QLatin1String("contexts")] = QJsonArray{context};
        m_tokenKubeconfig =
            writeFile(QStringLiteral("token.kubeconfig"), QJsonDocument(config).toJson());
        // A Secret in the namespace; `events secret/NAME` reads it (GET) at every level.
        m_secretValue = QStringLiteral("s3cr3t-") + randomWord(20);
        r = kubectl({QStringLiteral("create"), QStringLiteral("secret"), QStringLiteral("generic"),
                     QStringLiteral("db-credentials"), QStringLiteral("-n"), m_ns,
                     QStringLiteral("--from-literal=password=") + m_secretValue});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        // The reference scenario's revisions and the split plan, as the token user.
        r = veladesk(m_adminKubeconfig, {QStringLiteral("setup")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        for (const char* file : {"01-application-v1.yaml", "02-application-v2.yaml"}) {
            r = veladesk(m_tokenKubeconfig, {QStringLiteral("app"), QStringLiteral("apply"),
                                             QStringLiteral("-f"), referenceFile(file)});
            QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        }
        r = veladesk(m_tokenKubeconfig, {QStringLiteral("apply"), QStringLiteral("-f"),
                                         referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        verifyNoSecrets(r, QStringLiteral("apply at level 0"));
    }

    void cleanupTestCase()
    {
        if (!m_binding.isEmpty())
            kubectl({QStringLiteral("delete"), QStringLiteral("clusterrolebinding"), m_binding,
                     QStringLiteral("--ignore-not-found")});
        if (!m_ns.isEmpty())
            kubectl({QStringLiteral("delete"), QStringLiteral("namespace"), m_ns,
                     QStringLiteral("--wait=false"), QStringLiteral("--ignore-not-found")});
    }

    void verbosityNeverPrintsSecrets_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<bool>("token"); // the token user, else the client key user
        QTest::addColumn<QStringList>("args");
        const QStringList apply{QStringLiteral("apply"), QStringLiteral("-f"),
                                referenceFile("05-appdeployment-split.yaml")};
        const QStringList status{QStringLiteral("status"), QStringLiteral("example-appdeploy")};
        const QStringList secretEvents{QStringLiteral("events"),
                                       QStringLiteral("secret/db-credentials")};
        const QStringList version{QStringLiteral("version")};
        for (const int level : {0, 6, 8, 9}) {
            const QByteArray l = QByteArray::number(level);
            QTest::newRow("token apply -v " + l) << level << true << apply;
            QTest::newRow("token status -v " + l) << level << true << status;
            QTest::newRow("token events secret -v " + l) << level << true << secretEvents;
            QTest::newRow("token version -v " + l) << level << true << version;
            QTest::newRow("client key events secret -v " + l) << level << false << secretEvents;
            QTest::newRow("client key status -v " + l) << level << false << status;
        }
    }

    void verbosityNeverPrintsSecrets()
    {
        QFETCH(int, level);
        QFETCH(bool, token);
        QFETCH(QStringList, args);
        // The three spellings of kubectl: -v N, -vN, --v=N.
        const QStringList spelled = level == 0 ? QStringList{}
                                    : level == 6
                                        ? QStringList{QStringLiteral("-v"), QStringLiteral("6")}
                                    : level == 8 ? QStringList{QStringLiteral("-v8")}
                                                 : QStringList{QStringLiteral("--v=9")};
        const Run r = veladesk(token ? m_tokenKubeconfig : m_keyKubeconfig, spelled + args);
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        verifyNoSecrets(r, args.first());
        static const QRegularExpression requestLine(
            QStringLiteral("(?m)^I\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ round_trippers.go\\] "
                           "(GET|PATCH|POST|PUT|"
                           "DELETE) https://[^ ]+ \\d{3} [A-Za-z ]+ in \\d+ milliseconds$"));
        const qsizetype requests = r.err.count(requestLine);
        if (level == 0) {
            QCOMPARE(requests, 0);
            QVERIFY2(!r.err.contains(QLatin1String("round_trippers")), qPrintable(r.err));
            return;
        }
        QVERIFY2(requests >= 1, qPrintable(r.err.left(4000)));
        QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral(" 200 OK in \\d+ milliseconds"))),
                 qPrintable(r.err.left(4000)));
        QVERIFY2(r.out.indexOf(QLatin1String("round_trippers")) < 0, "trace on stdout");
        if (level == 6) {
            QVERIFY(!r.err.contains(QLatin1String("Response Body:")));
            QVERIFY(!r.err.contains(QLatin1String("Request Headers:")));
        } else {
            QVERIFY(r.err.contains(QLatin1String("Response Body: {")));
            if (token)
                QVERIFY2(r.err.contains(QLatin1String("Authorization: Bearer <masked>")),
                         qPrintable(r.err.left(4000)));
        }
        if (level >= 8 && args.first() == QLatin1String("events"))
            QVERIFY2(r.err.contains(QLatin1String("\"data\":{\"password\":\"REDACTED\"}")),
                     qPrintable(r.err.left(4000)));
        if (level >= 8 && args.first() == QLatin1String("apply"))
            QVERIFY(r.err.contains(QLatin1String("Request Body: {")));
    }

    void completionListsAppDeployments()
    {
        Run r = runProcess(binary(), {QStringLiteral("__complete"), QStringLiteral("--kubeconfig"),
                                      m_tokenKubeconfig, QStringLiteral("-n"), m_ns,
                                      QStringLiteral("status"), QString()});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QCOMPARE(r.out, QStringLiteral("example-appdeploy\n:4\n"));
        r = runProcess(binary(), {QStringLiteral("__complete"), QStringLiteral("--kubeconfig"),
                                  m_tokenKubeconfig, QStringLiteral("-n"), m_ns,
                                  QStringLiteral("revert"), QStringLiteral("exa")});
        QCOMPARE(r.out, QStringLiteral("example-appdeploy\n:4\n"));
        r = runProcess(binary(), {QStringLiteral("__complete"), QStringLiteral("--kubeconfig"),
                                  m_tokenKubeconfig, QStringLiteral("-n"), m_ns,
                                  QStringLiteral("status"), QStringLiteral("zzz")});
        QCOMPARE(r.out, QStringLiteral(":4\n"));
        r = runProcess(binary(), {QStringLiteral("__complete"), QStringLiteral("--kubeconfig"),
                                  m_tokenKubeconfig, QStringLiteral("revisions"), QString()});
        QVERIFY2(!r.out.contains(QLatin1String("example-app")), "not in the default namespace");
        // Through the bash script, as the shell calls it.
        QTemporaryDir bin;
        QVERIFY(QFile::link(binary(), bin.filePath(QStringLiteral("veladesk"))));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"),
                   bin.path() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        const QString script =
            QStringLiteral("source <(veladesk completion bash) && "
                           "COMP_WORDS=(veladesk --kubeconfig '%1' -n %2 status '') && "
                           "COMP_CWORD=6 && _veladesk_complete && printf '%s\\n' "
                           "\"${COMPREPLY[@]}\"")
                .arg(m_tokenKubeconfig, m_ns);
        r = runProcess(QStringLiteral("bash"), {QStringLiteral("-c"), script}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QCOMPARE(r.out, QStringLiteral("example-appdeploy\n"));
        if (QStandardPaths::findExecutable(QStringLiteral("fish")).isEmpty())
            QSKIP("fish is not installed (scripts/install-deps.sh installs it)");
        r = runProcess(
            QStringLiteral("fish"),
            {QStringLiteral("-c"), QStringLiteral("veladesk completion fish | source; complete -C "
                                                  "'veladesk --kubeconfig %1 -n %2 status '")
                                       .arg(m_tokenKubeconfig, m_ns)},
            env);
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QCOMPARE(r.out, QStringLiteral("example-appdeploy\n"));
    }

    void versionShowsTheServer()
    {
        const Run raw =
            kubectl({QStringLiteral("get"), QStringLiteral("--raw"), QStringLiteral("/version")});
        QVERIFY2(raw.exitCode == 0, qPrintable(diagnostics(raw)));
        const QString git = QJsonDocument::fromJson(raw.out.toUtf8())
                                .object()
                                .value(QLatin1String("gitVersion"))
                                .toString();
        QVERIFY(git.startsWith(QLatin1Char('v')));
        Run r = veladesk(m_tokenKubeconfig, {QStringLiteral("version")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(QRegularExpression(QStringLiteral("^Client Version: v\\d+\\.\\d+\\.\\d+\\n"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out));
        QVERIFY2(r.out.endsWith(QStringLiteral("\nServer Version: %1\n").arg(git)),
                 qPrintable(r.out));
        r = veladesk(m_tokenKubeconfig,
                     {QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc[QLatin1String("serverVersion")][QLatin1String("gitVersion")].toString(), git);
        QVERIFY(
            doc[QLatin1String("clientVersion")][QLatin1String("gitVersion")].toString().startsWith(
                QLatin1Char('v')));
        r = veladesk(m_tokenKubeconfig,
                     {QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QStringLiteral("serverVersion:")) &&
                     r.out.contains(QStringLiteral("gitVersion: ") + git),
                 qPrintable(r.out));
    }

    void kubectlPluginVersion()
    {
        // `kubectl veladesk version` through the real kubectl, finding kubectl-veladesk on PATH.
        QTemporaryDir bin;
        QVERIFY(QFile::link(binary(), bin.filePath(QStringLiteral("kubectl-veladesk"))));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"),
                   bin.path() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        const Run r = runProcess(m_kubectl,
                                 {QStringLiteral("veladesk"), QStringLiteral("version"),
                                  QStringLiteral("--kubeconfig"), m_tokenKubeconfig},
                                 env);
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.startsWith(QLatin1String("Client Version: v")), qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QRegularExpression(QStringLiteral("\nServer Version: v\\d+\\.\\d+"))),
            qPrintable(r.out));
    }

    void applyProgress_data()
    {
        QTest::addColumn<bool>("terminal");
        QTest::addColumn<QString>("noColorEnv"); // "" unset
        QTest::addColumn<bool>("noColorFlag");
        QTest::addColumn<bool>("colour");
        QTest::newRow("piped") << false << QString() << false << false;
        QTest::newRow("piped, --no-color") << false << QString() << true << false;
        QTest::newRow("terminal") << true << QString() << false << true;
        QTest::newRow("terminal, NO_COLOR=1") << true << QStringLiteral("1") << false << false;
        QTest::newRow("terminal, NO_COLOR=0") << true << QStringLiteral("0") << false << false;
        QTest::newRow("terminal, --no-color") << true << QString() << true << false;
    }

    void applyProgress()
    {
        QFETCH(bool, terminal);
        QFETCH(QString, noColorEnv);
        QFETCH(bool, noColorFlag);
        QFETCH(bool, colour);
        // --full: every step's progress, although the plan is already live.
        QStringList args{
            QStringLiteral("apply"),        QStringLiteral("--full"),
            QStringLiteral("-f"),           referenceFile("05-appdeployment-split.yaml"),
            QStringLiteral("--kubeconfig"), m_tokenKubeconfig,
            QStringLiteral("-n"),           m_ns};
        if (noColorFlag)
            args << QStringLiteral("--no-color");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("NO_COLOR"));
        env.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
        if (!noColorEnv.isEmpty())
            env.insert(QStringLiteral("NO_COLOR"), noColorEnv);
        Run r;
        if (terminal) {
            const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
            if (script.isEmpty())
                QSKIP("script(1) from bsdutils is not installed");
            QStringList quoted{binary()};
            for (const QString& a : args)
                quoted << QLatin1Char('\'') + a + QLatin1Char('\'');
            r = runProcess(script,
                           {QStringLiteral("-qec"), quoted.join(QLatin1Char(' ')),
                            QStringLiteral("/dev/null")},
                           env);
        } else {
            r = runProcess(binary(), args, env);
        }
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QLatin1String("appdeployment/example-appdeploy applied")),
                 qPrintable(r.out));
        if (!terminal) {
            QVERIFY2(!r.out.contains(QLatin1Char('\r')) && !r.out.contains(QLatin1Char('\033')),
                     qPrintable(r.out));
            // One plain line per event: started, its indented details, then finished.
            QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral(
                         "(?m)^\\[1/13\\] validate: .+\\n(?: +.+\\n)*\\[1/13\\] validate: done"))),
                     qPrintable(r.out));
            return;
        }
        // A live line: cleared and rewritten, ending with the outcome and the elapsed time.
        QVERIFY2(r.out.contains(QLatin1String("\r\033[K[1/13] validate: ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral(
                     "\\r\\033\\[K\\[5/13\\] deployments: (\\033\\[32m)?done(\\033\\[0m)?.* "
                     "\\(\\d+\\.\\ds\\)\\r?\\n"))),
                 qPrintable(r.out));
        QCOMPARE(r.out.contains(QLatin1String("\033[32mdone\033[0m")), colour);
        if (!colour)
            QVERIFY2(!r.out.contains(QRegularExpression(QStringLiteral("\\033\\[\\d+m"))),
                     qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliConventions)
#include "tst_cli_conventions.moc"
