// YAML, numbers, integer bounds and the line diff against hostile and odd input (issue 9):
// self-referencing aliases, alias bombs, deep nesting, numbers that must stay exact,
// sums that must not overflow, and diffs of texts far larger than an object should be.

#include "kube/rollout/application.h"
#include "kube/rollout/diff.h"
#include "kube/rollout/plan.h"
#include "kube/rollout/render.h"
#include "kube/yamljson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <limits>

using namespace kube;
using namespace kube::rollout;

namespace {

long maxRssMiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

QByteArray aliasBomb(int levels, int fanout)
{
    QByteArray y = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i <= levels; ++i) {
        QByteArray refs;
        for (int k = 0; k < fanout; ++k)
            refs += (k ? ", *a" : "*a") + QByteArray::number(i - 1);
        y += "a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [" + refs + "]\n";
    }
    return y;
}

AppRevision revision(const QString& name)
{
    const QString app = name.section(QLatin1Char('-'), 0, -2);
    const QJsonObject component{{QStringLiteral("name"), QStringLiteral("web")},
                                {QStringLiteral("type"), QStringLiteral("webservice")},
                                {QStringLiteral("properties"),
                                 QJsonObject{{QStringLiteral("image"), QStringLiteral("nginx")}}}};
    const QJsonObject application{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), app}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("components"), QJsonArray{component}}}}};
    const QJsonObject labels{{QStringLiteral("app.oam.dev/name"), app}};
    const QJsonObject o{
        {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("ApplicationRevision")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("application"), application}}}};
    auto r = AppRevision::fromJson(o);
    if (!r)
        qFatal("%s", qPrintable(r.status.toString()));
    return r.value;
}

AppDeploymentPlan parsePlan(const QByteArray& yaml)
{
    auto docs = parseYamlDocuments(yaml, QStringLiteral("plan"));
    if (!docs)
        qFatal("%s", qPrintable(docs.status.toString()));
    auto p = AppDeploymentPlan::fromJson(docs.value.first());
    if (!p)
        qFatal("%s", qPrintable(p.status.toString()));
    return p.value;
}

QString issuesText(const QList<Issue>& issues)
{
    return issueMessages(issues).join(QLatin1Char('\n'));
}

} // namespace

class TestHostileEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // --- YAML ------------------------------------------------------------------------------

    void selfReferencingAliases_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("map in list") << QByteArray("spec: &a {components: [*a]}\n");
        QTest::newRow("list in list") << QByteArray("a: &x [1, [2, *x]]\n");
        QTest::newRow("block map") << QByteArray("a: &x\n  b:\n    c: *x\n");
        QTest::newRow("as key") << QByteArray("a: &x {*x : 1}\n");
    }

    void selfReferencingAliases()
    {
        QFETCH(QByteArray, yaml);
        auto r = parseYamlDocuments(yaml, QStringLiteral("self.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.status.kind, Status::Kind::Invalid);
        QVERIFY2(r.status.message.startsWith(QLatin1String("self.yaml:")) &&
                     r.status.message.contains(QLatin1String("alias")),
                 qPrintable(r.status.message));
    }

    void aliasBombStopsEarly()
    {
        QElapsedTimer t;
        t.start();
        const long rssBefore = maxRssMiB();
        auto r = parseYamlDocuments(aliasBomb(9, 9), QStringLiteral("bomb.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.status.message.contains(QLatin1String("alias *a")) &&
                     r.status.message.contains(QLatin1String("alias bomb")),
                 qPrintable(r.status.message));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(maxRssMiB() - rssBefore < 200, qPrintable(QString::number(maxRssMiB())));
        // A billion laughs with a wide fan-out is stopped as well.
        QVERIFY(!parseYamlDocuments(aliasBomb(6, 30), QStringLiteral("wide.yaml")).ok());
    }

    void modestAliasesStillWork()
    {
        QByteArray y = "base: &b {image: nginx, port: 80, env: [{name: A, value: x}]}\n";
        for (int i = 0; i < 200; ++i)
            y += "c" + QByteArray::number(i) + ": *b\n";
        auto r = parseYamlDocuments(y, QStringLiteral("ok.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(r.value.first().value(QStringLiteral("c199")),
                 r.value.first().value(QStringLiteral("base")));
    }

    void deepNestingIsAnError_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("flow lists") << "a: " + QByteArray(5000, '[') + QByteArray(5000, ']');
        QTest::newRow("flow maps")
            << "a: " + QByteArray(150, '{').replace("{", "{k: ") + "v" + QByteArray(150, '}');
        QByteArray block;
        for (int i = 0; i < 150; ++i)
            block += QByteArray(i * 2, ' ') + "k:\n";
        QTest::newRow("block maps") << block;
        QTest::newRow("parser limit") << QByteArray(100000, '[');
    }

    void deepNestingIsAnError()
    {
        QFETCH(QByteArray, yaml);
        auto r = parseYamlDocuments(yaml, QStringLiteral("deep.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.status.message.contains(QLatin1String("deep")) ||
                     r.status.message.contains(QLatin1String("depth")),
                 qPrintable(r.status.message));
    }

    void oversizedFileIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray line = "k: " + QByteArray(1021, 'v') + "\n";
        for (qsizetype n = 0; n <= kMaxYamlBytes; n += line.size())
            f.write(line);
        f.close();
        auto r = parseYamlFile(path);
        QVERIFY(!r.ok());
        QVERIFY2(r.status.message.contains(QLatin1String("more than 8388608 bytes")),
                 qPrintable(r.status.message));
    }

    void numbersStayExact_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("text"); // jsonNumberText of the parsed value
        QTest::newRow("int") << QByteArray("1234567") << QStringLiteral("1234567");
        QTest::newRow("2^53+1") << QByteArray("9007199254740993")
                                << QStringLiteral("9007199254740993");
        QTest::newRow("int64 max")
            << QByteArray("9223372036854775807") << QStringLiteral("9223372036854775807");
        QTest::newRow("int64 min")
            << QByteArray("-9223372036854775808") << QStringLiteral("-9223372036854775808");
        QTest::newRow("hex") << QByteArray("0x7fffffffffffffff")
                             << QStringLiteral("9223372036854775807");
        QTest::newRow("decimal") << QByteArray("0.1") << QStringLiteral("0.1");
        QTest::newRow("trailing zero") << QByteArray("1.50") << QStringLiteral("1.5");
        QTest::newRow("exponent") << QByteArray("6.02e23") << QStringLiteral("6.02e+23");
        QTest::newRow("17 digits")
            << QByteArray("0.12345678901234568") << QStringLiteral("0.12345678901234568");
    }

    void numbersStayExact()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, text);
        auto r = parseYamlDocuments("v: " + yaml, QStringLiteral("n.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(jsonNumberText(r.value.first().value(QStringLiteral("v"))), text);
        // Written back as YAML (render, -o yaml), the value is the same (was: 9007199254740993
        // printed as 9007199254740992, through a double).
        const QByteArray written = toYaml(QJsonValue(r.value.first()));
        auto back = parseYamlDocuments(written, QStringLiteral("back"));
        QVERIFY2(back.ok(), written.constData());
        QCOMPARE(jsonNumberText(back.value.first().value(QStringLiteral("v"))), text);
    }

    void numbersThatCannotStayExactAreErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("2^64") << QByteArray("18446744073709551616");
        QTest::newRow("30 digits") << QByteArray("123456789012345678901234567890");
        QTest::newRow("hex 65 bits") << QByteArray("0x1ffffffffffffffff");
        QTest::newRow("octal overflow") << QByteArray("0o7777777777777777777777777");
        QTest::newRow("25 significant digits") << QByteArray("0.1000000000000000000000001");
        QTest::newRow("overflow") << QByteArray("1e400");
    }

    void numbersThatCannotStayExactAreErrors()
    {
        QFETCH(QByteArray, yaml);
        auto r = parseYamlDocuments("a: 1\nv: " + yaml + "\n", QStringLiteral("n.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.status.message.startsWith(QLatin1String("n.yaml:2:4:")) &&
                     r.status.message.contains(QString::fromLatin1(yaml)) &&
                     r.status.message.contains(QLatin1String("quote it")),
                 qPrintable(r.status.message));
        // Quoted, the same text is a string, kept as written.
        auto q = parseYamlDocuments("v: '" + yaml + "'\n", QStringLiteral("n.yaml"));
        QVERIFY(q.ok());
        QCOMPARE(q.value.first().value(QStringLiteral("v")).toString(), QString::fromLatin1(yaml));
    }

    // Found by fuzz_yaml: a key longer than YAML's 1024-character limit for implicit keys was
    // written as one, and did not read back.
    void longKeysRoundTrip()
    {
        const QString longKey(3000, QLatin1Char('k'));
        const QJsonObject o{
            {longKey, QJsonObject{{longKey + QStringLiteral(" 2"), QJsonArray{1, 2}}}},
            {QStringLiteral("list"), QJsonArray{QJsonObject{{longKey, QStringLiteral("v")}}}}};
        const QByteArray y = toYaml(QJsonValue(o));
        auto back = parseYamlDocuments(y, QStringLiteral("long"));
        QVERIFY2(back.ok(), qPrintable(back.status.toString()));
        QCOMPARE(back.value.first(), o);
    }

    void envAndQuantitiesKeepNumbersExact()
    {
        auto docs = parseYamlDocuments("name: web\ntype: webservice\nproperties:\n"
                                       "  image: nginx\n  memory: 134217728\n  cpu: 0.25\n"
                                       "  env: [{name: A, value: 1234567}, {name: B, value: "
                                       "9007199254740993}, {name: C, value: 2.5}]\n",
                                       QStringLiteral("c"));
        QVERIFY(docs.ok());
        auto c = Component::fromJson(docs.value.first());
        QVERIFY(c.ok());
        auto ws = c.value.webService();
        QVERIFY2(ws.ok(), qPrintable(ws.status.toString()));
        QCOMPARE(ws.value.memory, QStringLiteral("134217728"));
        QCOMPARE(ws.value.cpu, QStringLiteral("0.25"));
        QCOMPARE(ws.value.env.at(0).value, QStringLiteral("1234567"));
        QCOMPARE(ws.value.env.at(1).value, QStringLiteral("9007199254740993"));
        QCOMPARE(ws.value.env.at(2).value, QStringLiteral("2.5"));
    }

    // --- integer bounds --------------------------------------------------------------------

    // Was: a double outside int's range was converted to int before the range check
    // (undefined behaviour; UBSan's float-cast-overflow).
    void hugeNumbersInIntFieldsAreErrors()
    {
        auto docs = parseYamlDocuments(
            "apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\nmetadata: {name: x}\n"
            "spec:\n  appRevisions:\n  - revisionName: a-v1\n"
            "    placement: [{distribution: {replicas: 1e300}}]\n",
            QStringLiteral("plan"));
        QVERIFY(docs.ok());
        auto p = AppDeploymentPlan::fromJson(docs.value.first());
        QVERIFY(!p.ok());
        QVERIFY2(p.status.message.contains(QLatin1String("replicas: must be an integer")),
                 qPrintable(p.status.message));
        Component c;
        c.name = QStringLiteral("web");
        c.type = QStringLiteral("webservice");
        c.properties = QJsonObject{{QStringLiteral("image"), QStringLiteral("nginx")},
                                   {QStringLiteral("port"), 1e300}};
        auto ws = c.webService();
        QVERIFY(!ws.ok());
        QVERIFY2(ws.status.message.contains(QLatin1String("1..65535")),
                 qPrintable(ws.status.message));
    }

    // Was: the sum wrapped to a negative number and nothing was said.
    void replicaSumOverflowIsAnError()
    {
        const AppDeploymentPlan plan =
            parsePlan("apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\n"
                      "metadata: {name: x}\nspec:\n  appRevisions:\n  - revisionName: app-v1\n"
                      "    placement:\n    - distribution: {replicas: 2147483647}\n"
                      "    - distribution: {replicas: 2147483647}\n");
        QCOMPARE(plan.appRevisions.first().replicaSum(), qint64(4294967294));
        QCOMPARE(plan.appRevisions.first().replicas(), std::numeric_limits<int>::max());
        const QList<Issue> issues = validate(plan, {revision(QStringLiteral("app-v1"))});
        QVERIFY2(issuesText(issues).contains(QLatin1String("sum to 4294967294 replicas")),
                 qPrintable(issuesText(issues)));
    }

    void weightSumDoesNotOverflow()
    {
        const AppDeploymentPlan plan = parsePlan(
            "apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\nmetadata: {name: x}\n"
            "spec:\n  appRevisions:\n  - revisionName: app-v1\n"
            "    placement: [{distribution: {replicas: 1}}]\n"
            "  traffic:\n    hosts: [x]\n    http:\n    - weightedTargets:\n"
            "      - {revisionName: app-v1, componentName: web, port: 80, weight: 2147483647}\n"
            "      - {revisionName: app-v1, componentName: web, port: 81, weight: 2147483647}\n"
            "    - weightedTargets:\n"
            "      - {revisionName: app-v1, componentName: web, port: 80, weight: 2147483647}\n");
        QCOMPARE(plan.weightsByRevision().value(QStringLiteral("app-v1")),
                 std::numeric_limits<int>::max());
        const QList<Issue> issues = validate(plan, {revision(QStringLiteral("app-v1"))});
        QVERIFY2(issuesText(issues).contains(QLatin1String("must be between 0 and 100")),
                 qPrintable(issuesText(issues)));
    }

    // Was: "-v99999999999" read as revision 0, so the next recorded revision was -v1 again;
    // and at the int limit the next number wrapped.
    void revisionNumbersDoNotOverflow()
    {
        QCOMPARE(revisionNumberOf(QStringLiteral("app-v99999999999")),
                 std::numeric_limits<int>::max());
        QCOMPARE(revisionNumberOf(QStringLiteral("app-v41")), 41);
        QJsonObject app{
            {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
            {QStringLiteral("kind"), QStringLiteral("Application")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("app")}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("components"), QJsonArray{}}}}};
        RevisionDecision d =
            decideRevision(app, {}, QJsonObject{{QStringLiteral("revision"), 2147483646}});
        QVERIFY(d.status.ok());
        QCOMPARE(d.revision, 2147483647);
        QCOMPARE(d.name, QStringLiteral("app-v2147483647"));
        d = decideRevision(app, {}, QJsonObject{{QStringLiteral("revision"), 1e12}});
        QVERIFY(!d.status.ok());
        QVERIFY2(d.status.message.contains(QLatin1String("no further revision")),
                 qPrintable(d.status.message));
    }

    void invalidRenderedNamesAreValidationErrors()
    {
        const AppDeploymentPlan plan = parsePlan(
            "apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\nmetadata: {name: Bad_Name}\n"
            "spec:\n  appRevisions:\n  - revisionName: 9app-v1\n"
            "    placement: [{distribution: {replicas: 1}}]\n"
            "  traffic:\n    hosts: [x]\n    http:\n    - weightedTargets:\n"
            "      - {revisionName: 9app-v1, componentName: web, port: 80, weight: 100}\n");
        const QString text = issuesText(validate(plan, {revision(QStringLiteral("9app-v1"))}));
        QVERIFY2(text.contains(QLatin1String("metadata.name")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("DNS-1035")), qPrintable(text));
    }

    // --- the line diff ---------------------------------------------------------------------

    // Was: an n x m table: two 150,000-line texts (a large annotation on a live object)
    // needed 90 GB.
    void largeDiffIsLinearInSpace()
    {
        QByteArray before, after;
        for (int i = 0; i < 150000; ++i) {
            const QByteArray line = "    line " + QByteArray::number(i) + "\n";
            before += line;
            after += i == 75000 ? QByteArray("    changed\n") : line;
        }
        const long rssBefore = maxRssMiB();
        QElapsedTimer t;
        t.start();
        const QString d =
            unifiedDiff(before, after, QStringLiteral("live"), QStringLiteral("planned"));
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(maxRssMiB() - rssBefore < 500, qPrintable(QString::number(maxRssMiB())));
        QCOMPARE(d, QStringLiteral("--- live\n+++ planned\n@@ -74998,7 +74998,7 @@\n"
                                   "     line 74997\n     line 74998\n     line 74999\n"
                                   "-    line 75000\n+    changed\n     line 75001\n"
                                   "     line 75002\n     line 75003\n"));
    }

    // Two unrelated texts: the worst case of the O(NP) algorithm stays bounded in time.
    void unrelatedTextsAreBoundedInTime()
    {
        QByteArray before, after;
        for (int i = 0; i < 20000; ++i) {
            before += "a" + QByteArray::number(i) + "\n";
            after += "b" + QByteArray::number(i) + "\n";
        }
        QElapsedTimer t;
        t.start();
        const QString d = unifiedDiff(before, after, QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY2(t.elapsed() < 20000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(d.count(QLatin1String("\n-a")), 20000);
        QCOMPARE(d.count(QLatin1String("\n+b")), 20000);
    }

    void diffBeyondTheLimitSaysSo()
    {
        QByteArray before(qsizetype(kMaxDiffLines + 1), '\n');
        const QString d = unifiedDiff(before, "x\n", QStringLiteral("live/Deployment/x"),
                                      QStringLiteral("planned/Deployment/x"));
        QVERIFY2(d.startsWith(QLatin1String("--- live/Deployment/x\n+++ planned/Deployment/x\n"
                                            "# diff not shown: live/Deployment/x has 200001 "
                                            "lines")),
                 qPrintable(d));
    }
};

QTEST_GUILESS_MAIN(TestHostileEngine)
#include "tst_hostile_engine.moc"
