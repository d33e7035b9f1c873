// Unified diff and live-vs-planned classification.

#include "kube/rollout/diff.h"

#include <QtTest>

using namespace kube::rollout;

class TestDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unified_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<int>("context");
        QTest::addColumn<QString>("expected");
        QTest::newRow("equal") << QByteArray("a\nb\n") << QByteArray("a\nb\n") << 3 << QString();
        QTest::newRow("one changed line")
            << QByteArray("a\nb\nc\nd\ne\nf\ng\nh\n") << QByteArray("a\nb\nc\nd\nE\nf\ng\nh\n") << 3
            << QStringLiteral("--- L\n+++ R\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
        QTest::newRow("two hunks")
            << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n")
            << QByteArray("0\n2\n3\n4\n5\n6\n7\n8\nX\n") << 1
            << QStringLiteral(
                   "--- L\n+++ R\n@@ -1,2 +1,2 @@\n-1\n+0\n 2\n@@ -8,2 +8,2 @@\n 8\n-9\n+X\n");
        QTest::newRow("create from nothing")
            << QByteArray() << QByteArray("a\nb\n") << 3
            << QStringLiteral("--- L\n+++ R\n@@ -0,0 +1,2 @@\n+a\n+b\n");
        QTest::newRow("insert in the middle")
            << QByteArray("a\nb\nc\n") << QByteArray("a\nb\nnew\nc\n") << 0
            << QStringLiteral("--- L\n+++ R\n@@ -2,0 +3 @@\n+new\n");
    }

    void unified()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(int, context);
        QFETCH(QString, expected);
        QCOMPARE(unifiedDiff(before, after, QStringLiteral("L"), QStringLiteral("R"), context),
                 expected);
    }

    void normalize()
    {
        const QJsonObject live{
            {QStringLiteral("kind"), QStringLiteral("Deployment")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                         {QStringLiteral("uid"), QStringLiteral("u")},
                         {QStringLiteral("resourceVersion"), QStringLiteral("7")},
                         {QStringLiteral("generation"), 3},
                         {QStringLiteral("managedFields"), QJsonArray{QJsonObject{}}},
                         {QStringLiteral("annotations"),
                          QJsonObject{{QStringLiteral("deployment.kubernetes.io/revision"),
                                       QStringLiteral("2")}}}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 1}}},
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("readyReplicas"), 1}}}};
        const QJsonObject n = normalizeForDiff(live);
        QCOMPARE(n, (QJsonObject{
                        {QStringLiteral("kind"), QStringLiteral("Deployment")},
                        {QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}},
                        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 1}}}}));
    }

    void classify()
    {
        const auto type = kube::ResourceType::deployments();
        const QJsonObject a{{QStringLiteral("metadata"),
                             QJsonObject{{QStringLiteral("name"), QStringLiteral("d")}}},
                            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 1}}}};
        QJsonObject b = a;
        b.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 2}});
        QJsonObject aWithStatus = a;
        aWithStatus.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("x"), 1}});
        QCOMPARE(diffObjects(type, {}, a).change, ObjectDiff::Change::Create);
        QCOMPARE(diffObjects(type, a, {}).change, ObjectDiff::Change::Delete);
        QCOMPARE(diffObjects(type, aWithStatus, a).change, ObjectDiff::Change::Unchanged);
        QVERIFY(diffObjects(type, aWithStatus, a).unifiedDiff.isEmpty());
        const ObjectDiff u = diffObjects(type, a, b);
        QCOMPARE(u.change, ObjectDiff::Change::Update);
        QCOMPARE(u.name, QStringLiteral("d"));
        QVERIFY2(u.unifiedDiff.contains(QLatin1String("-  replicas: 1\n+  replicas: 2\n")),
                 qPrintable(u.unifiedDiff));
        QVERIFY(u.unifiedDiff.startsWith(
            QLatin1String("--- live/Deployment/d\n+++ planned/Deployment/d\n")));
    }
};

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
