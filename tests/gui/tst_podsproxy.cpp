// PodsProxy (ui/podsview.h), the pods pane's sorting proxy: it compares the rows' fields
// directly instead of going through QVariant, and must give exactly the order a plain
// QSortFilterProxyModel on PodsModel::SortRole gives (ties kept in source order), for every
// column and both orders, over a PodsModel and over a ClusterPodsModel of two clusters, before
// and after watch events re-sort it. Both proxies run under QAbstractItemModelTester.

#include "models/clusterpods.h"
#include "models/podsmodel.h"
#include "ui/podsview.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

using namespace veladesk;

namespace {

// Few distinct values per column, so most comparisons are ties.
QJsonObject makePod(int i, int variant = 0)
{
    QJsonObject meta{{QStringLiteral("name"), QStringLiteral("pod-%1").arg((i * 37) % 101)},
                     {QStringLiteral("uid"), QStringLiteral("uid-%1").arg(i)},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("app.oam.dev/appRevision"),
                                   QStringLiteral("app-v%1").arg((i + variant) % 3)}}}};
    if (i % 7 != 0) // some pods without a creation time
        meta.insert(QStringLiteral("creationTimestamp"),
                    QStringLiteral("2026-11-25T16:0%1:00Z").arg((i + variant) % 4));
    QJsonObject spec{{QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}},
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("b")}}}}};
    if (i % 5 != 0) // some pods not scheduled
        spec.insert(QStringLiteral("nodeName"), QLatin1String(i % 2 ? "Node-a" : "node-B"));
    const bool ready = (i + variant) % 3 != 0;
    QJsonObject status{
        {QStringLiteral("phase"),
         (i + variant) % 4 == 0 ? QStringLiteral("Pending") : QStringLiteral("Running")},
        {QStringLiteral("containerStatuses"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")},
                                {QStringLiteral("ready"), ready},
                                {QStringLiteral("restartCount"), (i + variant) % 3},
                                {QStringLiteral("state"),
                                 QJsonObject{{QStringLiteral("running"), QJsonObject{}}}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("b")},
                                {QStringLiteral("ready"), i % 2 == 0},
                                {QStringLiteral("restartCount"), 0},
                                {QStringLiteral("state"),
                                 QJsonObject{{QStringLiteral("running"), QJsonObject{}}}}}}}};
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Pod")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("spec"), spec},
                       {QStringLiteral("status"), status}};
}

// The proxy's rows as the source rows' uids and clusters, in the proxy's order.
QStringList order(const QSortFilterProxyModel& proxy)
{
    QStringList out;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const QModelIndex i = proxy.index(r, 0);
        out << i.data(PodsModel::ClusterRole).toString() + QLatin1Char('/') +
                   i.data(PodsModel::UidRole).toString();
    }
    return out;
}

void compareEveryColumn(QSortFilterProxyModel& fast, QSortFilterProxyModel& plain)
{
    for (int column = 0; column < PodsModel::ColumnCount; ++column) {
        for (Qt::SortOrder o : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            fast.sort(column, o);
            plain.sort(column, o);
            QVERIFY2(order(fast) == order(plain),
                     qPrintable(QStringLiteral("column %1, %2")
                                    .arg(column)
                                    .arg(QLatin1String(o == Qt::AscendingOrder ? "ascending"
                                                                               : "descending"))));
        }
    }
}

} // namespace

class TestPodsProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameOrderAsTheVariantSort_data()
    {
        QTest::addColumn<bool>("twoClusters");
        QTest::newRow("PodsModel") << false;
        QTest::newRow("ClusterPodsModel, two clusters") << true;
    }
    void sameOrderAsTheVariantSort()
    {
        QFETCH(bool, twoClusters);
        PodsModel home, other;
        home.setBatchInterval(0);
        other.setBatchInterval(0);
        home.setClusterName(QStringLiteral("home"));
        other.setClusterName(QStringLiteral("Edge"));
        ClusterPodsModel clusters(&home);
        if (twoClusters)
            clusters.addCluster(&other);
        QAbstractItemModel* source =
            twoClusters ? static_cast<QAbstractItemModel*>(&clusters) : &home;

        PodsProxy fast;
        QSortFilterProxyModel plain;
        fast.setSourceModel(source);
        plain.setSourceModel(source);
        for (QSortFilterProxyModel* p : {static_cast<QSortFilterProxyModel*>(&fast), &plain})
            p->setSortRole(PodsModel::SortRole);
        QAbstractItemModelTester t1(&fast, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&plain, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QList<QJsonObject> pods, others;
        for (int i = 0; i < 120; ++i)
            pods << makePod(i);
        for (int i = 200; i < 260; ++i)
            others << makePod(i);
        home.setPods(pods);
        home.flush();
        other.setPods(others);
        other.flush();
        QCOMPARE(fast.rowCount(), twoClusters ? 180 : 120);
        compareEveryColumn(fast, plain);
        if (QTest::currentTestFailed())
            return;

        // the same through the case-insensitive and the locale-aware comparisons
        for (QSortFilterProxyModel* p : {static_cast<QSortFilterProxyModel*>(&fast), &plain})
            p->setSortCaseSensitivity(Qt::CaseInsensitive);
        compareEveryColumn(fast, plain);
        for (QSortFilterProxyModel* p : {static_cast<QSortFilterProxyModel*>(&fast), &plain})
            p->setSortLocaleAware(true);
        compareEveryColumn(fast, plain);
        if (QTest::currentTestFailed())
            return;
        for (QSortFilterProxyModel* p : {static_cast<QSortFilterProxyModel*>(&fast), &plain}) {
            p->setSortCaseSensitivity(Qt::CaseSensitive);
            p->setSortLocaleAware(false);
        }

        // watch events re-sort both the same way (dynamic sort: dataChanged, inserts, removals)
        for (int column : {int(PodsModel::Revision), int(PodsModel::Restarts)}) {
            fast.sort(column);
            plain.sort(column);
            QList<kube::WatchEvent> events;
            for (int i = 0; i < 120; i += 4)
                events << kube::WatchEvent{kube::WatchEvent::Type::Modified, makePod(i, column)};
            for (int i = 1; i < 120; i += 9)
                events << kube::WatchEvent{kube::WatchEvent::Type::Deleted, makePod(i)};
            for (int i = 300; i < 310; ++i)
                events << kube::WatchEvent{kube::WatchEvent::Type::Added, makePod(i, column)};
            home.enqueue(events);
            home.flush();
            QCOMPARE(order(fast), order(plain));
        }
    }
};

QTEST_MAIN(TestPodsProxy)
#include "tst_podsproxy.moc"
