// YAML <-> JSON: YAML 1.2 core schema for plain scalars, quoted scalars stay strings,
// multi-document streams, errors with file:line:column, and the block-style emitter.

#include "kube/yamljson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace kube;

namespace {

QByteArray readFile(const QString& name)
{
    QFile f(qEnvironmentVariable("VELADESK_SOURCE_DIR") +
            QStringLiteral("/tests/kube/fixtures/yaml/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

QJsonObject readJson(const QString& name)
{
    return QJsonDocument::fromJson(readFile(name)).object();
}

} // namespace

class TestYamlJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scalars_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QJsonValue>("expected");
        auto row = [](const char* y, QJsonValue v) {
            QTest::newRow(QByteArray(y).replace('\n', "\\n").constData()) << QByteArray(y) << v;
        };
        row("true", true);
        row("False", false);
        row("'true'", QStringLiteral("true"));
        row("\"false\"", QStringLiteral("false"));
        row("yes", QStringLiteral("yes")); // YAML 1.1 boolean, a string in 1.2
        row("on", QStringLiteral("on"));
        row("123", qint64(123));
        row("-7", qint64(-7));
        row("012", qint64(12));
        row("0x1F", qint64(31));
        row("0o17", qint64(15));
        row("\"8080\"", QStringLiteral("8080"));
        row("1.5", 1.5);
        row("1e3", 1000.0);
        row("-.5", -0.5);
        row("null", QJsonValue(QJsonValue::Null));
        row("~", QJsonValue(QJsonValue::Null));
        row("''", QStringLiteral(""));
        row("'null'", QStringLiteral("null"));
        row("!!str 42", QStringLiteral("42"));
        row("1_000", QStringLiteral("1_000"));
        row("v1.2.3", QStringLiteral("v1.2.3"));
        row("12:30", QStringLiteral("12:30"));
        row("|\n  line one\n  line two\n", QStringLiteral("line one\nline two\n"));
        row(">-\n  folded\n  text\n", QStringLiteral("folded text"));
        row("9007199254740993", qint64(9007199254740993LL));
    }

    void scalars()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QJsonValue, expected);
        auto r = parseYamlDocuments("v: " + yaml, QStringLiteral("inline"));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(r.value.size(), 1);
        const QJsonValue got = r.value.first().value(QStringLiteral("v"));
        QCOMPARE(got.type(), expected.type());
        QCOMPARE(got, expected);
        if (expected.isDouble())
            QCOMPARE(got.toInteger(), expected.toInteger());
    }

    void emptyValueIsNull()
    {
        auto r = parseYamlDocuments("a:\nb: 1\n", QStringLiteral("inline"));
        QVERIFY(r.ok());
        QVERIFY(r.value.first().value(QStringLiteral("a")).isNull());
    }

    void nestedStructures()
    {
        const QByteArray y = "apiVersion: v1\nkind: List\nitems:\n- a: 1\n  b: [x, 'y', 3]\n"
                             "- {c: d}\nanchors:\n  base: &b {k: v}\n  copy: *b\n";
        auto r = parseYamlDocuments(y, QStringLiteral("inline"));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        const QJsonObject o = r.value.first();
        const QJsonArray items = o.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("b")).toArray(),
                 (QJsonArray{QStringLiteral("x"), QStringLiteral("y"), qint64(3)}));
        QCOMPARE(items.at(1).toObject().value(QStringLiteral("c")).toString(), QStringLiteral("d"));
        QCOMPARE(o.value(QStringLiteral("anchors")).toObject().value(QStringLiteral("copy")),
                 o.value(QStringLiteral("anchors")).toObject().value(QStringLiteral("base")));
    }

    void multipleDocuments()
    {
        const QByteArray y = "---\na: 1\n---\n# only a comment\n---\nb: 2\n...\n---\nc: 3\n";
        auto r = parseYamlDocuments(y, QStringLiteral("multi.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QCOMPARE(r.value.size(), 3);
        QCOMPARE(r.value.at(0).value(QStringLiteral("a")).toInteger(), 1);
        QCOMPARE(r.value.at(1).value(QStringLiteral("b")).toInteger(), 2);
        QCOMPARE(r.value.at(2).value(QStringLiteral("c")).toInteger(), 3);
    }

    void syntaxErrorNamesFileLineColumn()
    {
        const QByteArray y = "a: 1\n---\nb:\n  c: [1, 2\n  d: 3\n";
        auto r = parseYamlDocuments(y, QStringLiteral("broken.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.status.kind, Status::Kind::Invalid);
        const QRegularExpression re(QStringLiteral("^broken\\.yaml:(\\d+):(\\d+): invalid YAML"));
        const auto m = re.match(r.status.message);
        QVERIFY2(m.hasMatch(), qPrintable(r.status.message));
        // The flow sequence opened on line 4 is still open: the error is reported at or after it.
        QVERIFY2(m.captured(1).toInt() >= 4, qPrintable(r.status.message));
    }

    // A file name is printed as it is, even with what looks like a placeholder in it ("%2F"
    // once became the line number).
    void sourceNamesWithPercentSignsArePrintedAsTheyAre()
    {
        const QString name = QStringLiteral("downloads/app%2Fsplit%1.yaml");
        auto broken = parseYamlDocuments("a: [1, 2\nb: 3\n", name);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.status.message.startsWith(name + QLatin1Char(':')),
                 qPrintable(broken.status.message));
        QVERIFY2(broken.status.message.contains(QLatin1String(": invalid YAML: ")),
                 qPrintable(broken.status.message));
        auto list = parseYamlDocuments("- a list\n", name);
        QVERIFY(!list.ok());
        QCOMPARE(list.status.message.left(name.size() + 6), name + QStringLiteral(":1:1: "));
    }

    void nonMappingDocumentIsAnError()
    {
        auto r = parseYamlDocuments("a: 1\n---\n- just\n- a list\n", QStringLiteral("list.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.status.message.startsWith(QLatin1String("list.yaml:3:1: document 2")),
                 qPrintable(r.status.message));
    }

    void missingFile()
    {
        auto r = parseYamlFile(QStringLiteral("/nonexistent/x.yaml"));
        QVERIFY(!r.ok());
        QVERIFY(r.status.message.contains(QLatin1String("/nonexistent/x.yaml")));
    }

    void emitterStyle()
    {
        const QJsonObject o = readJson(QStringLiteral("emitter-input.json"));
        const QByteArray expected = readFile(QStringLiteral("emitter-expected.yaml"));
        const QByteArray got = toYaml(QJsonValue(o));
        if (got != expected)
            qWarning().noquote() << "emitted:\n" << QString::fromUtf8(got);
        QCOMPARE(got, expected);
        // And it reads back to the same object.
        auto back = parseYamlDocuments(got, QStringLiteral("emitted"));
        QVERIFY2(back.ok(), qPrintable(back.status.toString()));
        QCOMPARE(back.value.first(), o);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("tricky strings")
            << QString::fromUtf8(readFile(QStringLiteral("tricky-strings.json")));
        QTest::newRow("numbers") << QString::fromUtf8(readFile(QStringLiteral("numbers.json")));
        QTest::newRow("nesting") << QString::fromUtf8(readFile(QStringLiteral("nesting.json")));
        QTest::newRow("keys") << QString::fromUtf8(readFile(QStringLiteral("keys.json")));
    }

    void roundTrip()
    {
        QFETCH(QString, json);
        const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
        QVERIFY(!o.isEmpty());
        const QByteArray y = toYaml(QJsonValue(o));
        auto back = parseYamlDocuments(y, QStringLiteral("emitted"));
        QVERIFY2(back.ok(),
                 qPrintable(back.status.toString() + QStringLiteral("\n") + QString::fromUtf8(y)));
        QCOMPARE(back.value.size(), 1);
        if (back.value.first() != o)
            qWarning().noquote() << QString::fromUtf8(y);
        QCOMPARE(back.value.first(), o);
    }

    void referenceFilesRoundTrip_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(qEnvironmentVariable("VELADESK_REFERENCE_DIR"));
        const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files);
        QVERIFY2(!files.isEmpty(), qPrintable(dir.path()));
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    // The reference scenario read, written by toYaml() and read again: the same objects.
    void referenceFilesRoundTrip()
    {
        QFETCH(QString, path);
        auto r = parseYamlFile(path);
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QVERIFY(!r.value.isEmpty());
        auto back = parseYamlDocuments(toYaml(r.value), QStringLiteral("emitted"));
        QVERIFY2(back.ok(), qPrintable(back.status.toString()));
        QCOMPARE(back.value, r.value);
    }

    void documentsJoined()
    {
        const QList<QJsonObject> docs{QJsonObject{{QStringLiteral("a"), 1}},
                                      QJsonObject{{QStringLiteral("b"), 2}}};
        QCOMPARE(toYaml(docs), QByteArray("a: 1\n---\nb: 2\n"));
        auto back = parseYamlDocuments(toYaml(docs), QStringLiteral("joined"));
        QVERIFY(back.ok());
        QCOMPARE(back.value, docs);
    }
};

QTEST_GUILESS_MAIN(TestYamlJson)
#include "tst_yamljson.moc"
