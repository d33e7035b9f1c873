// kube/rollout/history.h without a cluster: building the ControllerRevision of an entry,
// parsing entries the API server returned (tests/rollout/history/: objects recorded from the
// local control plane by tst_rollout_history_cluster's applies), pruning, the limit and the
// errors for unknown and pruned revisions.

#include "kube/rollout/history.h"
#include "kube/yamljson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace kube::rollout;

namespace {

QJsonObject fixture(const char* name)
{
    QFile f(qEnvironmentVariable("VELADESK_SOURCE_DIR") +
            QStringLiteral("/tests/rollout/history/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", name);
    return QJsonDocument::fromJson(f.readAll()).object();
}

QList<QJsonObject> items(const QJsonObject& list)
{
    QList<QJsonObject> out;
    for (const QJsonValue& v : list.value(QLatin1String("items")).toArray()) {
        QJsonObject o = v.toObject();
        // The client fills these in for list items, as the server omits them.
        o.insert(QStringLiteral("apiVersion"), QStringLiteral("apps/v1"));
        o.insert(QStringLiteral("kind"), QStringLiteral("ControllerRevision"));
        out << o;
    }
    return out;
}

QJsonObject appliedPlan()
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("AppDeployment")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("shop")},
                     {QStringLiteral("namespace"), QStringLiteral("prod")}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("appRevisions"),
              QJsonArray{QJsonObject{{QStringLiteral("revisionName"), QStringLiteral("shop-v1")},
                                     {QStringLiteral("placement"),
                                      QJsonArray{QJsonObject{
                                          {QStringLiteral("distribution"),
                                           QJsonObject{{QStringLiteral("replicas"), 2}}}}}}},
                         QJsonObject{{QStringLiteral("revisionName"), QStringLiteral("shop-v2")},
                                     {QStringLiteral("placement"),
                                      QJsonArray{QJsonObject{
                                          {QStringLiteral("distribution"),
                                           QJsonObject{{QStringLiteral("replicas"), 1}}}}}}}}},
             {QStringLiteral("traffic"),
              QJsonObject{
                  {QStringLiteral("hosts"), QJsonArray{QStringLiteral("shop")}},
                  {QStringLiteral("http"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("weightedTargets"),
                        QJsonArray{
                            QJsonObject{{QStringLiteral("revisionName"), QStringLiteral("shop-v1")},
                                        {QStringLiteral("componentName"), QStringLiteral("web")},
                                        {QStringLiteral("port"), 80},
                                        {QStringLiteral("weight"), 75}},
                            QJsonObject{{QStringLiteral("revisionName"), QStringLiteral("shop-v2")},
                                        {QStringLiteral("componentName"), QStringLiteral("web")},
                                        {QStringLiteral("port"), 80},
                                        {QStringLiteral("weight"), 25}}}}}}}}}}}};
}

HistoryEntry entry(qint64 revision)
{
    HistoryEntry e;
    e.revision = revision;
    e.name = historyObjectName(QStringLiteral("shop"), revision);
    return e;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildAndParseBack()
    {
        HistoryRecord r;
        r.applied = appliedPlan();
        r.appDeploymentUid = QStringLiteral("6b1c7f0e-0000-4000-8000-000000000001");
        r.revision = 7;
        r.previousRevision = 6;
        r.kubeconfigUser = QStringLiteral("alice");
        r.host = QStringLiteral("laptop");
        r.holder = QStringLiteral("alice@laptop (veladesk-gui, pid 7, beef)");
        r.tool = QStringLiteral("veladesk-gui");
        r.changeCause = QStringLiteral("rollback to 3");
        r.startedAt = QDateTime(QDate(2026, 12, 1), QTime(10, 0, 5), Qt::UTC);
        const QJsonObject o = buildHistoryObject(r);
        QCOMPARE(o.value(QLatin1String("apiVersion")).toString(), QStringLiteral("apps/v1"));
        QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("ControllerRevision"));
        QCOMPARE(o.value(QLatin1String("revision")).toInteger(), 7);
        // The plan exactly as applied.
        QCOMPARE(o.value(QLatin1String("data")).toObject(), appliedPlan());
        const QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
        QCOMPARE(meta.value(QLatin1String("name")).toString(),
                 QStringLiteral("veladesk-history-shop-7"));
        QCOMPARE(meta.value(QLatin1String("namespace")).toString(), QStringLiteral("prod"));
        QCOMPARE(meta.value(QLatin1String("labels")).toObject(),
                 (QJsonObject{{QStringLiteral("app.oam.dev/appDeployment"), QStringLiteral("shop")},
                              {QStringLiteral("app.kubernetes.io/managed-by"),
                               QStringLiteral("veladesk")}}));
        const QJsonObject owner =
            meta.value(QLatin1String("ownerReferences")).toArray().first().toObject();
        QCOMPARE(owner.value(QLatin1String("kind")).toString(), QStringLiteral("AppDeployment"));
        QCOMPARE(owner.value(QLatin1String("apiVersion")).toString(),
                 QStringLiteral("core.oam.dev/v1beta1"));
        QCOMPARE(owner.value(QLatin1String("uid")).toString(), r.appDeploymentUid);

        auto parsed = HistoryEntry::fromJson(o);
        QVERIFY2(parsed.ok(), qPrintable(parsed.status.toString()));
        const HistoryEntry& e = parsed.value;
        QCOMPARE(e.revision, qint64(7));
        QCOMPARE(e.previousRevision, qint64(6));
        QCOMPARE(e.appDeployment, QStringLiteral("shop"));
        QCOMPARE(e.who(), QStringLiteral("alice@laptop"));
        QCOMPARE(e.holder, r.holder);
        QCOMPARE(e.tool, QStringLiteral("veladesk-gui"));
        QCOMPARE(e.changeCause, QStringLiteral("rollback to 3"));
        QCOMPARE(e.startedAt, r.startedAt);
        QVERIFY(!e.finishedAt.isValid());
        QCOMPARE(e.result, HistoryResult::Running);
        QCOMPARE(e.weightsSummary(), QStringLiteral("shop-v1=75,shop-v2=25"));
        auto plan = e.plan();
        QVERIFY2(plan.ok(), qPrintable(plan.status.toString()));
        QCOMPARE(plan.value.replicasOf(QStringLiteral("shop-v1")), 2);
        QCOMPARE(plan.value.weightsByRevision().value(QStringLiteral("shop-v2")), 25);
    }

    void resultPatch()
    {
        HistoryRecord r;
        r.applied = appliedPlan();
        QJsonObject o = buildHistoryObject(r);
        const QString longMessage =
            QStringLiteral("line one\nline two ") + QString(3000, QLatin1Char('x'));
        const QJsonObject patch =
            historyResultPatch(HistoryResult::Failed, longMessage,
                               QDateTime(QDate(2026, 12, 1), QTime(10, 1), Qt::UTC));
        // Apply the merge patch to the annotations by hand.
        QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
        QJsonObject ann = meta.value(QLatin1String("annotations")).toObject();
        const QJsonObject add = patch.value(QLatin1String("metadata"))
                                    .toObject()
                                    .value(QLatin1String("annotations"))
                                    .toObject();
        for (auto it = add.begin(); it != add.end(); ++it)
            ann.insert(it.key(), it.value());
        meta.insert(QStringLiteral("annotations"), ann);
        o.insert(QStringLiteral("metadata"), meta);
        auto e = HistoryEntry::fromJson(o);
        QVERIFY2(e.ok(), qPrintable(e.status.toString()));
        QCOMPARE(e.value.result, HistoryResult::Failed);
        QCOMPARE(e.value.finishedAt, QDateTime(QDate(2026, 12, 1), QTime(10, 1), Qt::UTC));
        QVERIFY(!e.value.message.contains(QLatin1Char('\n')));
        QVERIFY(e.value.message.startsWith(QStringLiteral("line one; line two")));
        QCOMPARE(e.value.message.size(), 1024);
    }

    void recordedEntries()
    {
        // As the API server returned them (managedFields, uid, resourceVersion and all).
        const QJsonObject list = fixture("controllerrevisions.json");
        const HistoryList h = parseHistoryList(items(list), QStringLiteral("example-appdeploy"));
        QVERIFY2(h.entries.size() >= 3, qPrintable(QString::number(h.entries.size())));
        for (qsizetype i = 1; i < h.entries.size(); ++i) {
            QVERIFY(h.entries.at(i - 1).revision < h.entries.at(i).revision);
            QCOMPARE(h.entries.at(i).previousRevision, h.entries.at(i - 1).revision);
        }
        const HistoryEntry& first = h.entries.first();
        QCOMPARE(first.revision, qint64(1));
        QCOMPARE(first.previousRevision, qint64(0));
        QCOMPARE(first.result, HistoryResult::Succeeded);
        QCOMPARE(first.tool, QStringLiteral("veladesk-cli"));
        QVERIFY(first.finishedAt >= first.startedAt);
        QCOMPARE(first.weightsSummary(), QStringLiteral("example-app-v1=100"));
        QCOMPARE(h.entries.at(1).weightsSummary(),
                 QStringLiteral("example-app-v1=50,example-app-v2=50"));
        QVERIFY(!first.uid.isEmpty());
        auto plan = first.plan();
        QVERIFY2(plan.ok(), qPrintable(plan.status.toString()));
        QCOMPARE(plan.value.name, QStringLiteral("example-appdeploy"));
        // Owner filter: the uid of the AppDeployment they were recorded for, and another one.
        const QString owner = list.value(QLatin1String("items"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("ownerReferences"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QLatin1String("uid"))
                                  .toString();
        QCOMPARE(parseHistoryList(items(list), QStringLiteral("example-appdeploy"), owner)
                     .entries.size(),
                 h.entries.size());
        QCOMPARE(parseHistoryList(items(list), QStringLiteral("example-appdeploy"),
                                  QStringLiteral("another-uid"))
                     .entries.size(),
                 0);
        QCOMPARE(parseHistoryList(items(list), QStringLiteral("other")).entries.size(), 0);
    }

    void foreignObjectsAreSkipped()
    {
        QList<QJsonObject> list = items(fixture("controllerrevisions.json"));
        // A StatefulSet's ControllerRevision that happens to carry the label.
        list << QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("ControllerRevision")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("db-5d8f")},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("app.oam.dev/appDeployment"),
                                       QStringLiteral("example-appdeploy")}}}}},
            {QStringLiteral("revision"), 3},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("spec"), QJsonObject{}}}}};
        const HistoryList h = parseHistoryList(list, QStringLiteral("example-appdeploy"));
        QCOMPARE(h.warnings.size(), 1);
        QVERIFY2(h.warnings.first().contains(QStringLiteral("ControllerRevision/db-5d8f")),
                 qPrintable(h.warnings.first()));
        QVERIFY2(h.warnings.first().contains(QStringLiteral("veladesk.io/result")),
                 qPrintable(h.warnings.first()));
    }

    void malformedEntries_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no label") << QStringLiteral("label") << QJsonValue()
                                  << QStringLiteral("app.oam.dev/appDeployment missing");
        QTest::newRow("revision 0") << QStringLiteral("revision") << QJsonValue(0)
                                    << QStringLiteral("revision: must be a positive integer");
        QTest::newRow("no data") << QStringLiteral("data") << QJsonValue()
                                 << QStringLiteral("data.spec: missing");
        QTest::newRow("bad result") << QStringLiteral("result") << QJsonValue(QStringLiteral("Ok"))
                                    << QStringLiteral("\"Ok\" is not Running");
        QTest::newRow("bad previous")
            << QStringLiteral("previous") << QJsonValue(QStringLiteral("two"))
            << QStringLiteral("\"two\" is not a revision number");
    }
    void malformedEntries()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QJsonObject o = items(fixture("controllerrevisions.json")).first();
        QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
        QJsonObject ann = meta.value(QLatin1String("annotations")).toObject();
        if (path == QLatin1String("label"))
            meta.remove(QStringLiteral("labels"));
        else if (path == QLatin1String("revision"))
            o.insert(QStringLiteral("revision"), value);
        else if (path == QLatin1String("data"))
            o.remove(QStringLiteral("data"));
        else if (path == QLatin1String("result"))
            ann.insert(QStringLiteral("veladesk.io/result"), value);
        else
            ann.insert(QStringLiteral("veladesk.io/previous-revision"), value);
        meta.insert(QStringLiteral("annotations"), ann);
        o.insert(QStringLiteral("metadata"), meta);
        auto e = HistoryEntry::fromJson(o);
        QVERIFY(!e.ok());
        const QString msg = e.status.toString();
        QVERIFY2(msg.contains(expected), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("ControllerRevision/veladesk-history-")),
                 qPrintable(msg));
    }

    void pruning()
    {
        QList<HistoryEntry> entries;
        for (qint64 r : {3,  25, 1,  7,  2,  24, 4,  5,  6,  8,  9,  10, 11,
                         12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23})
            entries << entry(r);
        const QList<HistoryEntry> drop = entriesToPrune(entries, 20);
        QCOMPARE(drop.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(drop.at(i).revision, qint64(i + 1));
        QVERIFY(entriesToPrune(entries, 25).isEmpty());
        QVERIFY(entriesToPrune(entries, 100).isEmpty());
        QCOMPARE(entriesToPrune(entries, 1).size(), 24);
        QCOMPARE(entriesToPrune(entries, 0).size(), 24); // at least the newest is kept
        QVERIFY(entriesToPrune({}, 20).isEmpty());
    }

    void limit()
    {
        QCOMPARE(historyLimit({}).value, 20);
        QCOMPARE(historyLimit({}, 5).value, 5);
        const QJsonObject three{{QStringLiteral("veladesk.io/history-limit"), QStringLiteral("3")}};
        QCOMPARE(historyLimit(three).value, 3);
        QCOMPARE(historyLimit(three, 9).value, 9); // the flag wins
        // The value is quoted as written, placeholders and all.
        auto percent = historyLimit(
            QJsonObject{{QStringLiteral("veladesk.io/history-limit"), QStringLiteral("%1%2%3")}});
        QVERIFY(!percent.ok());
        QVERIFY2(percent.status.message.contains(
                     QStringLiteral("\"%1%2%3\" is not a number from 1 to 1000")),
                 qPrintable(percent.status.message));
        for (const char* bad : {"0", "-1", "lots", "1001", ""}) {
            auto r = historyLimit(
                QJsonObject{{QStringLiteral("veladesk.io/history-limit"), QLatin1String(bad)}});
            QVERIFY2(!r.ok(), bad);
            QVERIFY2(r.status.message.contains(QStringLiteral("veladesk.io/history-limit")),
                     qPrintable(r.status.message));
        }
    }

    void findErrors()
    {
        HistoryList h;
        auto none = findHistoryEntry(h, QStringLiteral("prod"), QStringLiteral("shop"), 1);
        QVERIFY(!none.ok());
        QVERIFY2(none.status.message.contains(QStringLiteral("AppDeployment prod/shop has no "
                                                             "history")),
                 qPrintable(none.status.message));
        for (qint64 r = 4; r <= 23; ++r)
            h.entries << entry(r);
        auto found = findHistoryEntry(h, QStringLiteral("prod"), QStringLiteral("shop"), 9);
        QVERIFY(found.ok());
        QCOMPARE(found.value.revision, qint64(9));
        auto pruned = findHistoryEntry(h, QStringLiteral("prod"), QStringLiteral("shop"), 2);
        QVERIFY(!pruned.ok());
        QCOMPARE(pruned.status.message,
                 QStringLiteral("revision 2 of AppDeployment prod/shop was pruned: the history "
                                "keeps the newest entries, 4 to 23 (see veladesk history shop)"));
        QCOMPARE(pruned.status.object, QStringLiteral("AppDeployment/shop"));
        auto unknown = findHistoryEntry(h, QStringLiteral("prod"), QStringLiteral("shop"), 40);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.status.message,
                 QStringLiteral("AppDeployment prod/shop has no revision 40 in its history "
                                "(revisions 4 to 23; see veladesk history shop)"));
    }

    void resultsAndNames()
    {
        HistoryEntry e = entry(1);
        QCOMPARE(e.effectiveResult(true), HistoryResult::Running);
        QCOMPARE(e.effectiveResult(false), HistoryResult::Interrupted);
        e.result = HistoryResult::Failed;
        QCOMPARE(e.effectiveResult(false), HistoryResult::Failed);
        for (HistoryResult r : {HistoryResult::Running, HistoryResult::Succeeded,
                                HistoryResult::Failed, HistoryResult::Interrupted})
            QCOMPARE(historyResultFromName(historyResultName(r)), r);
        QVERIFY(!historyResultFromName(QStringLiteral("running")));
        const QString longName(250, QLatin1Char('a'));
        const QString n = historyObjectName(longName, 123456);
        QVERIFY(n.size() <= 253);
        QVERIFY(n.endsWith(QStringLiteral("-123456")));
        QVERIFY(n != historyObjectName(QString(249, QLatin1Char('a')) + QLatin1Char('b'), 123456));
        QCOMPARE(
            historyLabelSelector(QStringLiteral("shop")),
            QStringLiteral("app.oam.dev/appDeployment=shop,app.kubernetes.io/managed-by=veladesk"));
        QCOMPARE(historyType().resource, QStringLiteral("controllerrevisions"));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
