// PodLogModel (the Pod logs dock, issue 13 item 3), offline: lines in arrival order, the
// bounded ring with its dropped count (a batch larger than the ring too), the
// [pod/NAME/CONTAINER] prefix for several pods, search marks and a filter on them, all
// under QAbstractItemModelTester.

#include "models/podlogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace veladesk;

namespace {

QList<kube::LogLine> lines(int from, int count, const QString& what = QStringLiteral("line"))
{
    QList<kube::LogLine> out;
    for (int i = from; i < from + count; ++i) {
        kube::LogLine l;
        l.timeNs = 1764650000000000000LL + i;
        l.timestamp = kube::formatRfc3339Nanos(l.timeNs);
        l.text = QStringLiteral("%1 seq=%2").arg(what).arg(i);
        out << l;
    }
    return out;
}

QStringList shown(const QAbstractItemModel& m)
{
    QStringList s;
    for (int r = 0; r < m.rowCount(); ++r)
        s << m.index(r, 0).data().toString();
    return s;
}

} // namespace

class TestPodLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ringDropsTheOldest()
    {
        PodLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy dropped(&model, &PodLogModel::droppedChanged);
        model.setMaxLines(5);
        model.append(u"web-a"_qs, u"app"_qs, lines(1, 3));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.droppedLines(), 0);
        QCOMPARE(model.index(0).data().toString(), u"line seq=1"_qs);
        QCOMPARE(model.index(0).data(PodLogModel::PodRole).toString(), u"web-a"_qs);
        QCOMPARE(model.index(0).data(PodLogModel::ContainerRole).toString(), u"app"_qs);
        QVERIFY(model.index(0)
                    .data(PodLogModel::TimestampRole)
                    .toString()
                    .startsWith(QStringLiteral("2025-12-02T")));
        QVERIFY(dropped.isEmpty());

        model.append(u"web-a"_qs, u"app"_qs, lines(4, 4)); // 7 lines: the 2 oldest leave
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.droppedLines(), 2);
        QCOMPARE(shown(model).first(), u"line seq=3"_qs);
        QCOMPARE(shown(model).last(), u"line seq=7"_qs);
        QCOMPARE(dropped.size(), 1);

        // A batch larger than the ring: only its newest lines stay, the rest count as dropped.
        model.append(u"web-a"_qs, u"app"_qs, lines(8, 12));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.droppedLines(), 2 + 5 + 7);
        QCOMPARE(shown(model), QStringList({u"line seq=15"_qs, u"line seq=16"_qs, u"line seq=17"_qs,
                                            u"line seq=18"_qs, u"line seq=19"_qs}));

        // Lines a stream dropped before delivering them.
        model.addDropped(3);
        QCOMPARE(model.droppedLines(), 17);

        // A smaller ring drops now; clear() starts over.
        model.setMaxLines(2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.droppedLines(), 20);
        QCOMPARE(model.index(0).data().toString(), u"line seq=18"_qs);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedLines(), 0);
    }

    void severalPodsArePrefixed()
    {
        PodLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(u"web-a"_qs, u"app"_qs, lines(1, 1));
        model.append(u"web-b"_qs, u"sidecar"_qs, lines(1, 1, u"<b>tag</b>"_qs));
        QCOMPARE(shown(model), QStringList({u"line seq=1"_qs, u"<b>tag</b> seq=1"_qs}));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setPrefixed(true);
        QCOMPARE(changed.size(), 1);
        // As `veladesk logs revision/REV` and `kubectl logs --prefix` print them.
        QCOMPARE(shown(model), QStringList({u"[pod/web-a/app] line seq=1"_qs,
                                            u"[pod/web-b/sidecar] <b>tag</b> seq=1"_qs}));
        QCOMPARE(model.index(1).data(PodLogModel::TextRole).toString(), u"<b>tag</b> seq=1"_qs);
        const QString tip = model.index(1).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"pod/web-b/sidecar"_qs), qPrintable(tip));
    }

    void searchMarksAndFilters()
    {
        PodLogModel model;
        QSortFilterProxyModel filter;
        filter.setSourceModel(&model);
        filter.setFilterRole(PodLogModel::MatchRole);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(u"web-a"_qs, u"app"_qs, lines(1, 12));
        QCOMPARE(model.matchCount(), 0);
        QVERIFY(!model.index(0).data(Qt::BackgroundRole).isValid());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSearch(u"SEQ=1"_qs); // case-insensitive: seq=1, seq=10, seq=11, seq=12
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.matchCount(), 4);
        QVERIFY(model.index(0).data(PodLogModel::MatchRole).toBool());
        QVERIFY(model.index(0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(1).data(PodLogModel::MatchRole).toBool());
        QVERIFY(!model.index(1).data(Qt::BackgroundRole).isValid());

        filter.setFilterFixedString(u"true"_qs); // "Matching only"
        QCOMPARE(shown(filter), QStringList({u"line seq=1"_qs, u"line seq=10"_qs, u"line seq=11"_qs,
                                             u"line seq=12"_qs}));
        // New lines are filtered as they come; the ring's drops leave the filter too.
        model.setMaxLines(13);
        model.append(u"web-a"_qs, u"app"_qs, lines(13, 2));
        QCOMPARE(model.droppedLines(), 1);
        QCOMPARE(shown(filter),
                 QStringList({u"line seq=10"_qs, u"line seq=11"_qs, u"line seq=12"_qs,
                              u"line seq=13"_qs, u"line seq=14"_qs}));
        model.setSearch(QString());
        QCOMPARE(filter.rowCount(), 0); // nothing matches an empty search
        filter.setFilterFixedString(QString());
        QCOMPARE(filter.rowCount(), 13);
    }
};

QTEST_GUILESS_MAIN(TestPodLogModel)
#include "tst_podlogmodel.moc"
