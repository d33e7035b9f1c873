// The engine's messages under a Chinese locale against the local control plane (issue 14,
// item 3; label `integration`): with LANG=zh_CN.UTF-8 the apply's step lines, its validation
// errors (weights summing to 90, an unknown revision) and a readiness timeout are Simplified
// Chinese, while what the apply writes into the cluster (the AppDeployment's Ready condition,
// the history's result annotation) stays English, as Kubernetes controllers do: a cluster is
// shared by users of every language. Checks are made with kubectl. Test functions run in
// order and build on each other.

#include "clitest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using clitest::diagnostics;
using clitest::Run;

const QString kNs =
    QStringLiteral("vdk-zhcn-%1").arg(QRandomGenerator::global()->bounded(100000, 999999));

QProcessEnvironment localeEnv(const QString& lang)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* v : {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(QString::fromLatin1(v));
    env.insert(QStringLiteral("LANG"), lang);
    return env;
}

QString referenceFile(const char* name)
{
    return qEnvironmentVariable("VELADESK_REFERENCE_DIR") + QLatin1Char('/') + QLatin1String(name);
}

Run run(const QString& program, const QStringList& args, const QString& lang)
{
    return clitest::runProcess(program, args, localeEnv(lang));
}

const QString kZh = QStringLiteral("zh_CN.UTF-8");
const QString kC = QStringLiteral("C");

Run veladesk(QStringList args, const QString& lang)
{
    args << QStringLiteral("--kubeconfig") << qEnvironmentVariable("VELADESK_TEST_KUBECONFIG")
         << QStringLiteral("-n") << kNs;
    return run(qEnvironmentVariable("VELADESK_BINARY"), args, lang);
}

QString kubectlProgram()
{
    const QString env = qEnvironmentVariable("VELADESK_KUBECTL");
    return env.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("kubectl")) : env;
}

Run kubectl(QStringList args)
{
    args << QStringLiteral("--kubeconfig") << qEnvironmentVariable("VELADESK_TEST_KUBECONFIG")
         << QStringLiteral("-n") << kNs;
    return run(kubectlProgram(), args, kC);
}

QJsonObject appDeployment()
{
    const Run r = kubectl({QStringLiteral("get"), QStringLiteral("appdeployments.core.oam.dev"),
                           QStringLiteral("example-appdeploy"), QStringLiteral("-o"),
                           QStringLiteral("json")});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonObject readyCondition(const QJsonObject& ad)
{
    for (const QJsonValue& c : ad[QLatin1String("status")][QLatin1String("conditions")].toArray())
        if (c[QLatin1String("type")].toString() == QLatin1String("Ready"))
            return c.toObject();
    return {};
}

bool hasCjk(const QString& s)
{
    static const QRegularExpression cjk(QStringLiteral("[\\x{3000}-\\x{9fff}\\x{ff00}-\\x{ffef}]"));
    return cjk.match(s).hasMatch();
}

// The whole output, one line each (QVERIFY2 cuts long text).
void printAll(const Run& r)
{
    for (const QString& line : diagnostics(r).split(QLatin1Char('\n')))
        qWarning("%s", qPrintable(line));
}

// A copy of the split plan (05) with `from` replaced by `to`, in `dir`.
QString editedPlan(const QTemporaryDir& dir, const QString& name, const QString& from,
                   const QString& to)
{
    QFile in(referenceFile("05-appdeployment-split.yaml"));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QString yaml = QString::fromUtf8(in.readAll());
    const qsizetype at = yaml.indexOf(from);
    if (at < 0)
        return {};
    yaml.replace(at, from.size(), to);
    QFile out(dir.filePath(name));
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(yaml.toUtf8());
    return out.fileName();
}

} // namespace

class TestCliZhCnCluster : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("VELADESK_TEST_KUBECONFIG")),
                 "VELADESK_TEST_KUBECONFIG missing: run through ctest (kube_cluster fixture)");
        QVERIFY2(!kubectlProgram().isEmpty(), "kubectl not found");
        QVERIFY(m_dir.isValid());
        const Run ns = kubectl({QStringLiteral("create"), QStringLiteral("namespace"), kNs});
        QVERIFY2(ns.exitCode == 0, qPrintable(diagnostics(ns)));
        Run r = veladesk({QStringLiteral("setup")}, kC);
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        for (const char* app : {"01-application-v1.yaml", "02-application-v2.yaml"}) {
            r = veladesk({QStringLiteral("app"), QStringLiteral("apply"), QStringLiteral("-f"),
                          referenceFile(app)},
                         kC);
            QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        }
    }

    // Refused by the Validate step, in Chinese, with nothing written.
    void invalidPlansAreChinese()
    {
        const QString weights90 =
            editedPlan(m_dir, QStringLiteral("w90.yaml"), QStringLiteral("weight: 50"),
                       QStringLiteral("weight: 40"));
        const QString unknown =
            editedPlan(m_dir, QStringLiteral("v9.yaml"),
                       QStringLiteral("revisionName: example-app-v1\n      placement"),
                       QStringLiteral("revisionName: example-app-v9\n      placement"));
        QVERIFY(!weights90.isEmpty() && !unknown.isEmpty());
        Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"), weights90}, kZh);
        QVERIFY2(r.exitCode == 1, qPrintable(diagnostics(r)));
        QVERIFY2(r.err.contains(QStringLiteral("计划无效")) &&
                     r.err.contains(QStringLiteral("未做任何更改")) &&
                     r.err.contains(QStringLiteral("权重之和为 90，必须恰好为 100")),
                 qPrintable(diagnostics(r)));
        r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"), unknown}, kZh);
        QVERIFY2(r.exitCode == 1, qPrintable(diagnostics(r)));
        QVERIFY2(r.err.contains(QStringLiteral("计划无效")) &&
                     r.err.contains(QStringLiteral("example-app-v9")) && hasCjk(r.err),
                 qPrintable(diagnostics(r)));
        // English under C, and no AppDeployment was written by either
        r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"), weights90}, kC);
        QVERIFY2(r.err.contains(QLatin1String("the plan is invalid, nothing was changed")) &&
                     !hasCjk(r.all()),
                 qPrintable(diagnostics(r)));
        QVERIFY(appDeployment().isEmpty());
    }

    // A real apply under zh_CN: the step lines are Chinese, the Ready condition English.
    void applyStepsAreChineseAndTheClusterStaysEnglish()
    {
        const Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                                referenceFile("05-appdeployment-split.yaml")},
                               kZh);
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        // piped: one plain line per step start, progress and end (app/cli_progress.cpp)
        for (const QString& expected :
             {QStringLiteral("[1/13] validate: 读取修订版本和线上对象，校验计划，检查所有权"),
              QStringLiteral("[3/13] lease: 获取 Lease"),
              QStringLiteral("[2/13] dry-run: 对每个对象进行服务端试运行"),
              QStringLiteral("[5/13] deployments: 创建 Deployment 并增加副本"),
              QStringLiteral("Deployment/testsvc-v1：已创建"),
              QStringLiteral("[6/13] readiness: done - 已就绪：Deployment/testsvc-v1"),
              QStringLiteral("[10/13] read-back: done - VirtualService/example-appdeploy 在 "
                             "resourceVersion"),
              QStringLiteral("[13/13] status: done - 阶段 Completed"),
              QStringLiteral("已释放 Lease")})
            if (!r.out.contains(expected)) {
                printAll(r);
                QFAIL(qPrintable(QStringLiteral("missing: ") + expected));
            }
        // every step's line carries Chinese prose: nothing of the engine is left English
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines)
            QVERIFY2(hasCjk(line) || line.contains(QLatin1String("-> ")) ||
                         line.startsWith(QLatin1String("appdeployment/")),
                     qPrintable(line + QLatin1Char('\n') + r.out));

        const QJsonObject ad = appDeployment();
        QCOMPARE(ad[QLatin1String("status")][QLatin1String("phase")].toString(),
                 QStringLiteral("Completed"));
        const QJsonObject ready = readyCondition(ad);
        const QString message = ready[QLatin1String("message")].toString();
        QVERIFY2(message.contains(QLatin1String("example-app-v1: 1 replicas, weight 50")) &&
                     message.contains(QLatin1String("(done: ")) && !hasCjk(message),
                 qPrintable(message));
        QCOMPARE(ready[QLatin1String("reason")].toString(), QStringLiteral("Completed"));
    }

    // A readiness timeout under zh_CN (a quota keeps v1's second pod from being created):
    // the error is Chinese, the Failed condition and the history's result English.
    void failedApplyWritesEnglishToTheCluster()
    {
        Run k = kubectl({QStringLiteral("create"), QStringLiteral("quota"),
                         QStringLiteral("two-pods"), QStringLiteral("--hard=pods=2")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        const QString twoReplicas =
            editedPlan(m_dir, QStringLiteral("v1x2.yaml"),
                       QStringLiteral("revisionName: example-app-v1\n      placement:\n        - "
                                      "distribution:\n            replicas: 1"),
                       QStringLiteral("revisionName: example-app-v1\n      placement:\n        - "
                                      "distribution:\n            replicas: 2"));
        QVERIFY(!twoReplicas.isEmpty());
        const Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"), twoReplicas,
                                QStringLiteral("--timeout"), QStringLiteral("5s")},
                               kZh);
        const bool chinese =
            r.err.contains(QRegularExpression(QStringLiteral("副本在 \\d+ 秒内未就绪"))) &&
            r.err.contains(QStringLiteral("Deployment/testsvc-v1 (已就绪 1 个，需要 2 个)")) &&
            r.err.contains(QStringLiteral("流量未切换"));
        if (r.exitCode != 1 || !chinese)
            printAll(r);
        QVERIFY2(r.exitCode == 1, qPrintable(diagnostics(r)));
        QVERIFY2(
            r.err.contains(QRegularExpression(QStringLiteral("副本在 \\d+ 秒内未就绪"))) &&
                r.err.contains(QStringLiteral("Deployment/testsvc-v1 (已就绪 1 个，需要 2 个)")) &&
                r.err.contains(QStringLiteral("流量未切换")),
            qPrintable(diagnostics(r)));

        const QJsonObject ad = appDeployment();
        QCOMPARE(ad[QLatin1String("status")][QLatin1String("phase")].toString(),
                 QStringLiteral("Failed"));
        const QJsonObject ready = readyCondition(ad);
        QCOMPARE(ready[QLatin1String("reason")].toString(), QStringLiteral("ReadinessTimeout"));
        const QString message = ready[QLatin1String("message")].toString();
        QVERIFY2(
            message.startsWith(QLatin1String("readiness failed: replicas not ready within ")) &&
                message.contains(QLatin1String("Deployment/testsvc-v1 (1 ready of 2 needed)")) &&
                message.contains(QLatin1String("traffic was not switched")) && !hasCjk(message),
            qPrintable(message));

        // the history entry's result: English too
        k = kubectl({QStringLiteral("get"), QStringLiteral("controllerrevisions"),
                     QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        QStringList messages;
        for (const QJsonValue& cr :
             QJsonDocument::fromJson(k.out.toUtf8()).object()[QLatin1String("items")].toArray())
            messages << cr[QLatin1String("metadata")][QLatin1String("annotations")]
                          [QLatin1String("veladesk.io/message")]
                              .toString();
        QVERIFY2(messages.size() >= 2, qPrintable(k.out.left(2000)));
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(QLatin1String("not ready within")),
                 qPrintable(messages.join(QLatin1Char('\n'))));
        for (const QString& m : messages)
            QVERIFY2(!hasCjk(m), qPrintable(m));
        k = kubectl(
            {QStringLiteral("delete"), QStringLiteral("quota"), QStringLiteral("two-pods")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
    }

    void cleanupTestCase()
    {
        kubectl({QStringLiteral("delete"), QStringLiteral("namespace"), kNs,
                 QStringLiteral("--wait=false")});
    }
};

QTEST_GUILESS_MAIN(TestCliZhCnCluster)
#include "tst_cli_zhcn_cluster.moc"
