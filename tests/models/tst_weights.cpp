// The weight redistribution of the rollout editor (models/weights.h).

#include "models/weights.h"

#include <QRandomGenerator>
#include <QTest>
#include <numeric>

using namespace veladesk;

class TestWeights : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void evenSplit_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("100/3") << 100 << 3 << QList<int>{34, 33, 33};
        QTest::newRow("100/2") << 100 << 2 << QList<int>{50, 50};
        QTest::newRow("100/1") << 100 << 1 << QList<int>{100};
        QTest::newRow("100/0") << 100 << 0 << QList<int>{};
        QTest::newRow("100/6") << 100 << 6 << QList<int>{17, 17, 17, 17, 16, 16};
        QTest::newRow("3/5") << 3 << 5 << QList<int>{1, 1, 1, 0, 0};
        QTest::newRow("negative total") << -5 << 2 << QList<int>{0, 0};
    }
    void evenSplit()
    {
        QFETCH(int, total);
        QFETCH(int, count);
        QFETCH(QList<int>, expected);
        QCOMPARE(veladesk::evenSplit(total, count), expected);
    }

    void scaleTo_data()
    {
        QTest::addColumn<QList<int>>("weights");
        QTest::addColumn<int>("target");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("proportional") << QList<int>{30, 20} << 40 << QList<int>{24, 16};
        QTest::newRow("tie goes to the earlier") << QList<int>{30, 50} << 100 << QList<int>{38, 62};
        QTest::newRow("all zero: even") << QList<int>{0, 0, 0} << 10 << QList<int>{4, 3, 3};
        QTest::newRow("to zero") << QList<int>{10, 90} << 0 << QList<int>{0, 0};
        QTest::newRow("thirds") << QList<int>{1, 1, 1} << 100 << QList<int>{34, 33, 33};
        QTest::newRow("largest remainder") << QList<int>{1, 2, 4} << 10 << QList<int>{1, 3, 6};
    }
    void scaleTo()
    {
        QFETCH(QList<int>, weights);
        QFETCH(int, target);
        QFETCH(QList<int>, expected);
        QCOMPARE(veladesk::scaleTo(weights, target), expected);
    }

    void setWeight_data()
    {
        QTest::addColumn<QList<int>>("weights");
        QTest::addColumn<QList<bool>>("locked");
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("request");
        QTest::addColumn<QList<int>>("expected");
        QTest::addColumn<int>("given");
        const QList<bool> none3{false, false, false};
        QTest::newRow("two rows 30/70") << QList<int>{50, 50} << QList<bool>{false, false} << 0
                                        << 30 << QList<int>{30, 70} << 30;
        QTest::newRow("two rows, second moved") << QList<int>{50, 50} << QList<bool>{false, false}
                                                << 1 << 70 << QList<int>{30, 70} << 70;
        QTest::newRow("proportional over others")
            << QList<int>{50, 30, 20} << none3 << 0 << 60 << QList<int>{60, 24, 16} << 60;
        QTest::newRow("lock pins a row")
            << QList<int>{20, 30, 50} << QList<bool>{false, true, false} << 0 << 60
            << QList<int>{60, 30, 10} << 60;
        QTest::newRow("clamped by lock")
            << QList<int>{20, 30, 50} << QList<bool>{false, true, false} << 0 << 90
            << QList<int>{70, 30, 0} << 70;
        QTest::newRow("locked row does not move")
            << QList<int>{20, 30, 50} << QList<bool>{false, true, false} << 1 << 90
            << QList<int>{20, 30, 50} << 30;
        QTest::newRow("only unlocked row takes the rest")
            << QList<int>{50, 30} << QList<bool>{false, true} << 0 << 10 << QList<int>{70, 30}
            << 70;
        QTest::newRow("single row is 100")
            << QList<int>{40} << QList<bool>{false} << 0 << 10 << QList<int>{100} << 100;
        QTest::newRow("others zero: even")
            << QList<int>{100, 0, 0} << none3 << 0 << 40 << QList<int>{40, 30, 30} << 40;
        QTest::newRow("rounding to 100")
            << QList<int>{34, 33, 33} << none3 << 0 << 0 << QList<int>{0, 50, 50} << 0;
        QTest::newRow("odd remainder")
            << QList<int>{34, 33, 33} << none3 << 0 << 1 << QList<int>{1, 50, 49} << 1;
        QTest::newRow("negative request") << QList<int>{50, 50} << QList<bool>{false, false} << 0
                                          << -5 << QList<int>{0, 100} << 0;
        QTest::newRow("over 100") << QList<int>{50, 50} << QList<bool>{false, false} << 0 << 250
                                  << QList<int>{100, 0} << 100;
        QTest::newRow("inconsistent input normalised")
            << QList<int>{30, 30} << QList<bool>{false, false} << 0 << 40 << QList<int>{40, 60}
            << 40;
        QTest::newRow("locks over 100 leave no room")
            << QList<int>{60, 60, 5} << QList<bool>{true, true, false} << 2 << 10
            << QList<int>{60, 60, 0} << 0;
        QTest::newRow("two locks, two free")
            << QList<int>{10, 20, 30, 40} << QList<bool>{true, false, true, false} << 1 << 50
            << QList<int>{10, 50, 30, 10} << 50;
        QTest::newRow("index out of range") << QList<int>{50, 50} << QList<bool>{false, false} << 2
                                            << 10 << QList<int>{50, 50} << 0;
        QTest::newRow("locked list shorter than weights")
            << QList<int>{50, 50} << QList<bool>{} << 1 << 20 << QList<int>{80, 20} << 20;
    }
    void setWeight()
    {
        QFETCH(QList<int>, weights);
        QFETCH(QList<bool>, locked);
        QFETCH(int, row);
        QFETCH(int, request);
        QFETCH(QList<int>, expected);
        QFETCH(int, given);
        QCOMPARE(veladesk::setWeight(weights, locked, row, request), given);
        QCOMPARE(weights, expected);
    }

    // Random walks: after every move the sum is 100 (when the locks leave room), locked rows
    // keep their weight, every weight is in [0, 100], the moved row gets the clamped request.
    void setWeight_randomInvariants()
    {
        QRandomGenerator rng(20261125);
        for (int round = 0; round < 2000; ++round) {
            const int n = rng.bounded(1, 9);
            QList<int> weights = veladesk::evenSplit(100, n);
            QList<bool> locked(n, false);
            for (int step = 0; step < 20; ++step) {
                if (rng.bounded(5) == 0) {
                    const int i = rng.bounded(n);
                    locked[i] = !locked[i];
                }
                const int row = rng.bounded(n);
                const int request = rng.bounded(-10, 120);
                const QList<int> before = weights;
                int lockedOthers = 0, freeOthers = 0;
                for (int i = 0; i < n; ++i) {
                    if (i == row)
                        continue;
                    if (locked[i])
                        lockedOthers += weights[i];
                    else
                        ++freeOthers;
                }
                const int given = veladesk::setWeight(weights, locked, row, request);
                QCOMPARE(std::accumulate(weights.begin(), weights.end(), 0), 100);
                for (int i = 0; i < n; ++i) {
                    QVERIFY(weights[i] >= 0 && weights[i] <= 100);
                    if (locked[i])
                        QCOMPARE(weights[i], before[i]);
                }
                if (locked[row])
                    QCOMPARE(given, before[row]);
                else if (freeOthers == 0)
                    QCOMPARE(given, 100 - lockedOthers);
                else
                    QCOMPARE(given, std::clamp(request, 0, 100 - lockedOthers));
                QCOMPARE(weights[row], given);
            }
        }
    }

    void removeRow_data()
    {
        QTest::addColumn<QList<int>>("weights");
        QTest::addColumn<QList<bool>>("locked");
        QTest::addColumn<int>("row");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("spread proportionally")
            << QList<int>{20, 30, 50} << QList<bool>{false, false, false} << 0
            << QList<int>{38, 62};
        QTest::newRow("to unlocked only")
            << QList<int>{20, 30, 50} << QList<bool>{false, true, false} << 0 << QList<int>{30, 70};
        QTest::newRow("all locked: spread anyway")
            << QList<int>{20, 30, 50} << QList<bool>{false, true, true} << 0 << QList<int>{38, 62};
        QTest::newRow("last row") << QList<int>{100} << QList<bool>{false} << 0 << QList<int>{};
        QTest::newRow("zero weight removed")
            << QList<int>{0, 40, 60} << QList<bool>{false, false, false} << 0 << QList<int>{40, 60};
        QTest::newRow("remaining all zero")
            << QList<int>{100, 0, 0} << QList<bool>{false, false, false} << 0 << QList<int>{50, 50};
    }
    void removeRow()
    {
        QFETCH(QList<int>, weights);
        QFETCH(QList<bool>, locked);
        QFETCH(int, row);
        QFETCH(QList<int>, expected);
        QCOMPARE(veladesk::removeRow(weights, locked, row), expected);
    }
};

QTEST_APPLESS_MAIN(TestWeights)
#include "tst_weights.moc"
