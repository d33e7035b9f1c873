// The command line fed hostile and odd input, as a new user tried it (issue 9): a
// self-referencing YAML alias, an alias bomb, numbers that must reach the output exactly,
// and a --timeout that does not fit in an int. Each runs the built `veladesk` binary.

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    bool finished = false;
    bool crashed = false;
    int exitCode = -1;
    QString out;
    QString err;
    qint64 ms = 0;
};

Run veladesk(const QStringList& args, int timeoutMs = 30000)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(qEnvironmentVariable("VELADESK_BINARY"), args);
    Run r;
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.ms = t.elapsed();
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const Run& r)
{
    return QStringLiteral("finished=%1 crashed=%2 exit=%3 after %4 ms\nstdout: %5\nstderr: %6")
        .arg(r.finished)
        .arg(r.crashed)
        .arg(r.exitCode)
        .arg(r.ms)
        .arg(r.out.left(2000), r.err.left(2000));
}

const char kPlan[] = "apiVersion: core.oam.dev/v1beta1\n"
                     "kind: AppDeployment\n"
                     "metadata:\n"
                     "  name: example-appdeploy\n"
                     "spec:\n"
                     "  appRevisions:\n"
                     "    - revisionName: example-app-v1\n"
                     "      placement:\n"
                     "        - distribution:\n"
                     "            replicas: 2\n";

// An Application with one webservice component `testsvc` and these property lines.
QByteArray application(const QByteArray& propertyLines)
{
    return "apiVersion: core.oam.dev/v1beta1\n"
           "kind: Application\n"
           "metadata:\n"
           "  name: example-app\n"
           "spec:\n"
           "  components:\n"
           "    - name: testsvc\n"
           "      type: webservice\n"
           "      properties:\n"
           "        image: crccheck/hello-world\n" +
           propertyLines;
}

} // namespace

class TestHostileCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(qEnvironmentVariable("VELADESK_BINARY")))
            QSKIP("veladesk binary not built");
        QVERIFY(m_dir.isValid());
    }

    // Reported: SIGSEGV (unbounded recursion through the alias).
    void selfReferencingAliasIsAnError()
    {
        const QString app =
            write(QStringLiteral("selfref.yaml"), "apiVersion: core.oam.dev/v1beta1\n"
                                                  "kind: Application\n"
                                                  "metadata:\n"
                                                  "  name: example-app\n"
                                                  "spec: &a {components: [*a]}\n");
        const QString plan = write(QStringLiteral("plan.yaml"), kPlan);
        const Run r = veladesk(
            {QStringLiteral("render"), QStringLiteral("-f"), app, QStringLiteral("-f"), plan});
        QVERIFY2(r.finished && !r.crashed, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("selfref.yaml:5:")) &&
                     r.err.contains(QLatin1String("alias")),
                 qPrintable(describe(r)));
    }

    // Reported: 4.3 GB resident and no answer after 30 s.
    void aliasBombIsAnError()
    {
        QByteArray y = "apiVersion: core.oam.dev/v1beta1\nkind: Application\n"
                       "metadata:\n  name: example-app\n"
                       "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
                       "\"lol\"]\n";
        for (int i = 1; i <= 9; ++i) {
            QByteArray refs;
            for (int k = 0; k < 9; ++k)
                refs += (k ? ",*a" : "*a") + QByteArray::number(i - 1);
            y += "a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [" + refs + "]\n";
        }
        y += "spec:\n  components:\n  - name: x\n    type: webservice\n"
             "    properties: {image: nginx, bomb: *a9}\n";
        const QString app = write(QStringLiteral("bomb.yaml"), y);
        const QString plan = write(QStringLiteral("plan.yaml"), kPlan);
        const Run r = veladesk(
            {QStringLiteral("render"), QStringLiteral("-f"), app, QStringLiteral("-f"), plan},
            20000);
        QVERIFY2(r.finished && !r.crashed, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("bomb.yaml:")) &&
                     r.err.contains(QLatin1String("alias")),
                 qPrintable(describe(r)));
        QVERIFY2(r.ms < 5000, qPrintable(describe(r)));
    }

    // Reported: value '1.23457e+06' and memory '1.34218e+08' (numbers through double with
    // six significant digits).
    void numbersReachTheOutputExactly()
    {
        const QString app =
            write(QStringLiteral("numbers.yaml"),
                  application(
                      "        port: 8000\n"
                      "        memory: 134217728\n"
                      "        cpu: 0.25\n"
                      "        env: [{name: BIG, value: 1234567}, {name: HUGE, value: "
                      "9007199254740993}, {name: RATIO, value: 0.1}, {name: NEG, value: -42}]\n"));
        const QString plan = write(QStringLiteral("plan.yaml"), kPlan);
        const Run r = veladesk(
            {QStringLiteral("render"), QStringLiteral("-f"), app, QStringLiteral("-f"), plan});
        QVERIFY2(r.finished && !r.crashed && r.exitCode == 0, qPrintable(describe(r)));
        for (const char* expected :
             {"value: '1234567'", "value: '9007199254740993'", "value: '0.1'", "value: '-42'",
              "memory: '134217728'", "cpu: '0.25'"})
            QVERIFY2(r.out.contains(QLatin1String(expected)),
                     qPrintable(QLatin1String(expected) + QLatin1Char('\n') + r.out));
        QVERIFY2(!r.out.contains(QLatin1String("e+")), qPrintable(r.out));
    }

    // An integer that no JSON reader of the cluster keeps exactly is refused, not rounded.
    void integerBeyond64BitsIsAnError()
    {
        const QString app =
            write(QStringLiteral("big.yaml"),
                  application("        env: [{name: X, value: 123456789012345678901234567890}]\n"));
        const QString plan = write(QStringLiteral("plan.yaml"), kPlan);
        const Run r = veladesk(
            {QStringLiteral("render"), QStringLiteral("-f"), app, QStringLiteral("-f"), plan});
        QVERIFY2(r.finished && !r.crashed, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("big.yaml:11:")) &&
                     r.err.contains(QLatin1String("123456789012345678901234567890")),
                 qPrintable(describe(r)));
    }

    // Was: 99999999999 overflowed int and became a 0 s timeout.
    void hugeTimeoutIsAUsageError()
    {
        const QString plan = write(QStringLiteral("plan.yaml"), kPlan);
        for (const char* t : {"99999999999s", "99999999999", "9999999999h", "2562048h1s"}) {
            const Run r =
                veladesk({QStringLiteral("apply"), QStringLiteral("-f"), plan,
                          QStringLiteral("--timeout"), QLatin1String(t),
                          QStringLiteral("--kubeconfig"), m_dir.filePath(QStringLiteral("none"))});
            QVERIFY2(r.finished && !r.crashed, qPrintable(describe(r)));
            QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String("--timeout")),
                     qPrintable(QLatin1String(t) + QLatin1Char(' ') + describe(r)));
        }
    }
};

QTEST_GUILESS_MAIN(TestHostileCli)
#include "tst_hostile_cli.moc"
