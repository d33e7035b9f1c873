// LogModel: appends with times and levels, drops the oldest past the limit.

#include "models/logmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QTest>

using namespace veladesk;

class TestLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendAndLimit()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLimit(3);
        const QDateTime t(QDate(2026, 11, 25), QTime(17, 1, 2, 345));
        model.append(LogEntry::Level::Info, u"veladesk"_qs, u"connecting"_qs, t);
        model.append(LogEntry::Level::Error, u"server"_qs, u"forbidden"_qs, t);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, LogModel::Time).data().toString(), QStringLiteral("17:01:02.345"));
        QCOMPARE(model.index(1, LogModel::Source).data().toString(), QStringLiteral("server"));
        QVERIFY(
            model.index(1, LogModel::Message).data(Qt::ForegroundRole).value<QColor>().isValid());
        QVERIFY(!model.index(0, LogModel::Message).data(Qt::ForegroundRole).isValid());
        for (int i = 0; i < 5; ++i)
            model.info(u"apply"_qs, QString::number(i));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, LogModel::Message).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(2, LogModel::Message).data().toString(), QStringLiteral("4"));
        model.setLimit(1);
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
