// The command line without a cluster: help, usage errors, render output formats, and the
// AppDeployment CRD compiled into the kube library matching resources/crds.

#include "kube/rollout/cluster.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run veladesk(const QStringList& args)
{
    QProcess p;
    p.start(qEnvironmentVariable("VELADESK_BINARY"), args);
    if (!p.waitForFinished(30000))
        return {};
    return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
}

QString ref(const char* name)
{
    return qEnvironmentVariable("VELADESK_REFERENCE_DIR") + QLatin1Char('/') + QLatin1String(name);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(qEnvironmentVariable("VELADESK_BINARY")))
            QSKIP("veladesk binary not built");
    }

    void embeddedCrdMatchesResources()
    {
        QFile f(qEnvironmentVariable("VELADESK_SOURCE_DIR") +
                QStringLiteral("/resources/crds/appdeployments.core.oam.dev.yaml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(kube::rollout::appDeploymentCrdYaml(), f.readAll());
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("help") << QStringList{QStringLiteral("help")};
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
    }

    void help()
    {
        QFETCH(QStringList, args);
        const Run r = veladesk(args);
        QCOMPARE(r.exitCode, 0);
        for (const char* cmd :
             {"render -f", "setup", "app apply -f", "revisions APP", "diff -f", "apply -f",
              "status NAME", "--kubeconfig", "--context", "--namespace", "--v N", "--no-color",
              "version", "completion", "probe NAME --url URL", "history NAME",
              "rollback NAME --to N", "tree APP"})
            QVERIFY2(r.out.contains(QLatin1String(cmd)), cmd);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown flag")
            << QStringList{QStringLiteral("render"), QStringLiteral("--bogus")} << 1
            << QStringLiteral("error: unknown flag: --bogus\nSee 'veladesk render --help' for "
                              "usage.");
        QTest::newRow("bad output")
            << QStringList{QStringLiteral("render"), QStringLiteral("-o"), QStringLiteral("xml")}
            << 2 << QStringLiteral("--output must be yaml, json or table");
        QTest::newRow("bad timeout")
            << QStringList{QStringLiteral("apply"), QStringLiteral("--timeout"),
                           QStringLiteral("soon")}
            << 2 << QStringLiteral("is not a duration");
        QTest::newRow("flag without value")
            << QStringList{QStringLiteral("apply"), QStringLiteral("-f")} << 2
            << QStringLiteral("flag -f needs a value");
        QTest::newRow("render without files")
            << QStringList{QStringLiteral("render")} << 2
            << QStringLiteral("give the input files with -f FILE");
        QTest::newRow("app without apply")
            << QStringList{QStringLiteral("app"), QStringLiteral("delete")} << 2
            << QStringLiteral("usage: veladesk app apply");
        QTest::newRow("missing file") << QStringList{QStringLiteral("render"), QStringLiteral("-f"),
                                                     QStringLiteral("/nonexistent.yaml")}
                                      << 1 << QStringLiteral("/nonexistent.yaml");
        // kubectl-style: connection flags may come before the command word.
        QTest::newRow("flags before command")
            << QStringList{QStringLiteral("--kubeconfig"),
                           QStringLiteral("/nonexistent-kubeconfig"),
                           QStringLiteral("-n"),
                           QStringLiteral("ns1"),
                           QStringLiteral("status"),
                           QStringLiteral("x")}
            << 1 << QStringLiteral("/nonexistent-kubeconfig: kubeconfig file does not exist");
        QTest::newRow("inline flag before command")
            << QStringList{QStringLiteral("--kubeconfig=/nonexistent-kubeconfig"),
                           QStringLiteral("revisions"), QStringLiteral("app")}
            << 1 << QStringLiteral("/nonexistent-kubeconfig: kubeconfig file does not exist");
        QTest::newRow("mistyped command")
            << QStringList{QStringLiteral("aply"), QStringLiteral("-f"), QStringLiteral("x.yaml")}
            << 2 << QStringLiteral("unknown command \"aply\"");
        QTest::newRow("unknown routing API")
            << QStringList{QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("x.yaml"),
                           QStringLiteral("--routing"), QStringLiteral("gloo")}
            << 2 << QStringLiteral("--routing must be virtualservice or httproute, not \"gloo\"");
        QTest::newRow("probe without name")
            << QStringList{QStringLiteral("probe"), QStringLiteral("--url"),
                           QStringLiteral("http://127.0.0.1:1/")}
            << 2 << QStringLiteral("usage: veladesk probe NAME --url URL");
        QTest::newRow("probe without URL")
            << QStringList{QStringLiteral("probe"), QStringLiteral("example-appdeploy")} << 2
            << QStringLiteral("probe: give the gateway's URL with --url");
        QTest::newRow("probe with a bad URL")
            << QStringList{QStringLiteral("probe"), QStringLiteral("x"), QStringLiteral("--url"),
                           QStringLiteral("gateway:80")}
            << 2 << QStringLiteral("--url gateway:80 is not an http:// or https:// URL");
        QTest::newRow("probe with zero requests")
            << QStringList{QStringLiteral("probe"),      QStringLiteral("x"),
                           QStringLiteral("--url"),      QStringLiteral("http://127.0.0.1:1/"),
                           QStringLiteral("--requests"), QStringLiteral("0")}
            << 2 << QStringLiteral("--requests takes a positive number, not \"0\"");
        QTest::newRow("probe with too many in flight")
            << QStringList{QStringLiteral("probe"),         QStringLiteral("x"),
                           QStringLiteral("--url"),         QStringLiteral("http://127.0.0.1:1/"),
                           QStringLiteral("--concurrency"), QStringLiteral("1000")}
            << 2 << QStringLiteral("--concurrency must be between 1 and 256");
        QTest::newRow("probe fingerprint without text")
            << QStringList{QStringLiteral("probe"),         QStringLiteral("x"),
                           QStringLiteral("--url"),         QStringLiteral("http://127.0.0.1:1/"),
                           QStringLiteral("--fingerprint"), QStringLiteral("v1=")}
            << 2 << QStringLiteral("--fingerprint takes REVISION=TEXT");
        QTest::newRow("unsupported component")
            << QStringList{QStringLiteral("render"), QStringLiteral("-f"), QStringLiteral("WORKER")}
            << 1 << QStringLiteral("spec.components[0].type: not supported: worker");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString worker = dir.filePath(QStringLiteral("worker.yaml"));
        QFile f(worker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: jobs}\nspec:\n"
            "  components:\n  - {name: cron, type: worker, properties: {image: busybox}}\n");
        f.close();
        args.replaceInStrings(QStringLiteral("WORKER"), worker);
        const Run r = veladesk(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void renderJson()
    {
        const Run r = veladesk(
            {QStringLiteral("render"), QStringLiteral("-n"), QStringLiteral("shop"),
             QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("-f"),
             ref("01-application-v1.yaml"), QStringLiteral("-f"), ref("02-application-v2.yaml"),
             QStringLiteral("-f"), ref("05-appdeployment-split.yaml")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject list = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(list[QLatin1String("kind")].toString(), QStringLiteral("List"));
        const QJsonArray items = list[QLatin1String("items")].toArray();
        QCOMPARE(items.size(), 6);
        for (const QJsonValue& v : items)
            QCOMPARE(v[QLatin1String("metadata")][QLatin1String("namespace")].toString(),
                     QStringLiteral("shop"));
    }

    // --routing and the plan's annotation choose the route; contradicting them is an error.
    void renderRouting()
    {
        const QStringList files{QStringLiteral("-f"), ref("01-application-v1.yaml"),
                                QStringLiteral("-f"), ref("02-application-v2.yaml"),
                                QStringLiteral("-f"), ref("05-appdeployment-split.yaml")};
        Run r = veladesk(QStringList{QStringLiteral("render"), QStringLiteral("--routing"),
                                     QStringLiteral("httproute")} +
                         files);
        QCOMPARE(r.exitCode, 0);
        QFile golden(qEnvironmentVariable("VELADESK_SOURCE_DIR") +
                     QStringLiteral("/tests/rollout/golden/reference-05-httproute.yaml"));
        QVERIFY(golden.open(QIODevice::ReadOnly));
        QCOMPARE(r.out.toUtf8(), golden.readAll());
        QTemporaryDir dir;
        QFile in(ref("05-appdeployment-split.yaml"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray plan = in.readAll();
        plan.replace("  name: example-appdeploy\n",
                     "  name: example-appdeploy\n  annotations: {veladesk.io/routing: "
                     "virtualservice}\n");
        const QString path = dir.filePath(QStringLiteral("plan.yaml"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(plan);
        out.close();
        r = veladesk({QStringLiteral("render"), QStringLiteral("--routing"),
                      QStringLiteral("httproute"), QStringLiteral("-f"),
                      ref("01-application-v1.yaml"), QStringLiteral("-f"),
                      ref("02-application-v2.yaml"), QStringLiteral("-f"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QLatin1String(
                     "metadata.annotations[veladesk.io/routing]: --routing httproute contradicts "
                     "the plan's annotation veladesk.io/routing: virtualservice")),
                 qPrintable(r.err));
    }

    void renderPrintsWarnings()
    {
        QTemporaryDir dir;
        QFile in(ref("05-appdeployment-split.yaml"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray plan = in.readAll();
        plan.replace("port: 80\n", "port: 8080\n");
        const QString path = dir.filePath(QStringLiteral("plan.yaml"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(plan);
        out.close();
        const Run r = veladesk({QStringLiteral("render"), QStringLiteral("-f"),
                                ref("01-application-v1.yaml"), QStringLiteral("-f"),
                                ref("02-application-v2.yaml"), QStringLiteral("-f"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("warning:")) &&
                     r.err.contains(QLatin1String(
                         "spec.traffic.http[0].weightedTargets[1].port: component testsvc of "
                         "revision example-app-v2 listens on 80, not on 8080")),
                 qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("name: example-app-v2-testsvc-8080")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
