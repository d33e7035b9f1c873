// Applications, webservice properties and revision recording (offline half).

#include "kube/rollout/application.h"
#include "kube/yamljson.h"

#include <QtTest>

using namespace kube::rollout;

namespace {

QJsonObject app(const QByteArray& componentsYaml, const QByteArray& extraMeta = {})
{
    const QByteArray yaml =
        "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: shop\n"
        "  namespace: team\n  uid: 1111-2222\n" +
        extraMeta + "spec:\n  components:\n" + componentsYaml;
    auto docs = kube::parseYamlDocuments(yaml, QStringLiteral("app"));
    if (!docs.ok())
        qFatal("%s", qPrintable(docs.status.toString()));
    return docs.value.first();
}

const QByteArray kWeb1 =
    "    - name: web\n      type: webservice\n      properties: {image: shop:1, port: 8080}\n";
const QByteArray kWeb2 =
    "    - name: web\n      type: webservice\n      properties: {image: shop:2, port: 8080}\n";

AppRevision record(const QJsonObject& application, QList<AppRevision>* existing,
                   bool* recorded = nullptr)
{
    const RevisionDecision d = decideRevision(application, *existing);
    if (recorded)
        *recorded = d.record;
    if (!d.record)
        return {};
    auto r = AppRevision::fromJson(d.revisionObject);
    if (!r.ok())
        qFatal("%s", qPrintable(r.status.toString()));
    existing->append(r.value);
    return r.value;
}

} // namespace

class TestApplication : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstRevision()
    {
        const QJsonObject a = app(kWeb1);
        const RevisionDecision d = decideRevision(a, {});
        QVERIFY(d.record);
        QCOMPARE(d.name, QStringLiteral("shop-v1"));
        QCOMPARE(d.revision, 1);
        QCOMPARE(d.hash, specHash(a[QLatin1String("spec")].toObject()));
        const QJsonObject meta = d.revisionObject[QLatin1String("metadata")].toObject();
        QCOMPARE(meta[QLatin1String("name")].toString(), QStringLiteral("shop-v1"));
        QCOMPARE(meta[QLatin1String("namespace")].toString(), QStringLiteral("team"));
        QCOMPARE(meta[QLatin1String("labels")][QLatin1String("app.oam.dev/name")].toString(),
                 QStringLiteral("shop"));
        QCOMPARE(meta[QLatin1String("labels")][QLatin1String("app.oam.dev/app-revision-hash")]
                     .toString(),
                 d.hash);
        const QJsonObject owner = meta[QLatin1String("ownerReferences")].toArray().at(0).toObject();
        QCOMPARE(owner[QLatin1String("kind")].toString(), QStringLiteral("Application"));
        QCOMPARE(owner[QLatin1String("uid")].toString(), QStringLiteral("1111-2222"));
        // Full snapshot of the Application.
        const QJsonObject snap =
            d.revisionObject[QLatin1String("spec")][QLatin1String("application")].toObject();
        QCOMPARE(snap[QLatin1String("spec")].toObject(), a[QLatin1String("spec")].toObject());
        QCOMPARE(snap[QLatin1String("kind")].toString(), QStringLiteral("Application"));
        QCOMPARE(d.latestRevision, (QJsonObject{{QStringLiteral("name"), QStringLiteral("shop-v1")},
                                                {QStringLiteral("revision"), 1},
                                                {QStringLiteral("revisionHash"), d.hash}}));
    }

    void unchangedSpecRecordsNothing()
    {
        QList<AppRevision> revs;
        record(app(kWeb1), &revs);
        bool recorded = true;
        // Different metadata (annotations) and a status: not part of the hash.
        QJsonObject again = app(kWeb1, "  annotations: {note: hello}\n");
        again.insert(QStringLiteral("status"),
                     QJsonObject{{QStringLiteral("phase"), QStringLiteral("running")}});
        record(again, &revs, &recorded);
        QVERIFY(!recorded);
        QCOMPARE(revs.size(), 1);
        const RevisionDecision d = decideRevision(again, revs);
        QCOMPARE(d.name, QStringLiteral("shop-v1"));
    }

    void revisionWithForeignHashLabelIsRecognised()
    {
        // A revision recorded by KubeVela: same spec, KubeVela's own hash in the label.
        QList<AppRevision> revs;
        record(app(kWeb1), &revs);
        revs.first().hash = QStringLiteral("5f9c4ab08cac7457");
        const RevisionDecision d = decideRevision(app(kWeb1), revs);
        QVERIFY(!d.record);
        QCOMPARE(d.name, QStringLiteral("shop-v1"));
        QCOMPARE(d.latestRevision[QLatin1String("revisionHash")].toString(),
                 QStringLiteral("5f9c4ab08cac7457"));
        QVERIFY(decideRevision(app(kWeb2), revs).record);
    }

    void changedSpecRecordsNext()
    {
        QList<AppRevision> revs;
        record(app(kWeb1), &revs);
        const AppRevision v2 = record(app(kWeb2), &revs);
        QCOMPARE(v2.name, QStringLiteral("shop-v2"));
        QCOMPARE(v2.revision, 2);
        QCOMPARE(v2.appName, QStringLiteral("shop"));
        // Going back to the v1 spec is a change relative to the latest: v3, numbers never reused.
        const AppRevision v3 = record(app(kWeb1), &revs);
        QCOMPARE(v3.name, QStringLiteral("shop-v3"));
        QCOMPARE(v3.hash, revs.at(0).hash);
    }

    void numberingFollowsHighestAndStatus()
    {
        QList<AppRevision> revs;
        record(app(kWeb1), &revs);
        // Status says revision 5 existed (deleted since): the next one is 6.
        const QJsonObject status{{QStringLiteral("name"), QStringLiteral("shop-v5")},
                                 {QStringLiteral("revision"), 5}};
        const RevisionDecision d = decideRevision(app(kWeb2), revs, status);
        QVERIFY(d.record);
        QCOMPARE(d.name, QStringLiteral("shop-v6"));
        // Other apps' revisions do not count.
        QList<AppRevision> others = revs;
        others.first().appName = QStringLiteral("other");
        QCOMPARE(decideRevision(app(kWeb2), others).name, QStringLiteral("shop-v1"));
    }

    void hashIgnoresKeyOrderButNotValues()
    {
        const QJsonObject a{{QStringLiteral("a"), 1}, {QStringLiteral("b"), QJsonArray{1, 2}}};
        QJsonObject b;
        b.insert(QStringLiteral("b"), QJsonArray{1, 2});
        b.insert(QStringLiteral("a"), 1);
        QCOMPARE(specHash(a), specHash(b));
        QVERIFY(specHash(a) != specHash(QJsonObject{{QStringLiteral("a"), 2},
                                                    {QStringLiteral("b"), QJsonArray{1, 2}}}));
        QVERIFY(specHash(a) != specHash(QJsonObject{{QStringLiteral("a"), 1},
                                                    {QStringLiteral("b"), QJsonArray{2, 1}}}));
        QCOMPARE(specHash(a).size(), 16);
    }

    void names()
    {
        QCOMPARE(revisionSuffix(QStringLiteral("example-app-v1")), QStringLiteral("v1"));
        QCOMPARE(revisionNumberOf(QStringLiteral("example-app-v12")), 12);
        QCOMPARE(revisionNumberOf(QStringLiteral("example-app-v12"), QStringLiteral("example-app")),
                 12);
        QCOMPARE(revisionNumberOf(QStringLiteral("example-app-v12"), QStringLiteral("example")), 0);
        QCOMPARE(revisionNumberOf(QStringLiteral("latest")), 0);
    }

    void webServiceProperties()
    {
        auto a = Application::fromJson(app(
            "    - name: web\n      type: webservice\n      properties:\n        image: shop:1\n"
            "        cmd: [run, --fast]\n        env: [{name: A, value: x}, {name: N, value: 3}]\n"
            "        cpu: 500m\n        memory: 64Mi\n        imagePullPolicy: Always\n"
            "        addRevisionLabel: true\n"));
        QVERIFY2(a.ok(), qPrintable(a.status.toString()));
        auto ws = a.value.components.first().webService();
        QVERIFY2(ws.ok(), qPrintable(ws.status.toString()));
        QCOMPARE(ws.value.port, 80); // default
        QCOMPARE(a.value.components.first().ports(), QList<int>{80});
        QCOMPARE(ws.value.cmd, (QStringList{QStringLiteral("run"), QStringLiteral("--fast")}));
        QCOMPARE(ws.value.env.size(), 2);
        QCOMPARE(ws.value.env.at(1).value, QStringLiteral("3"));
        QCOMPARE(ws.value.cpu, QStringLiteral("500m"));
        QCOMPARE(ws.value.memory, QStringLiteral("64Mi"));
        QCOMPARE(ws.value.imagePullPolicy, QStringLiteral("Always"));
        QVERIFY(ws.value.addRevisionLabel);
    }

    void webServiceErrors_data()
    {
        QTest::addColumn<QByteArray>("components");
        QTest::addColumn<QString>("message");
        QTest::newRow("unsupported type")
            << QByteArray("    - name: cron\n      type: worker\n      properties: {image: x}\n")
            << QStringLiteral("spec.components[0].type: not supported: worker");
        QTest::newRow("no image")
            << QByteArray("    - name: web\n      type: webservice\n      properties: {port: 80}\n")
            << QStringLiteral("spec.components[0].properties.image: required (a container image)");
        QTest::newRow("bad port")
            << QByteArray("    - name: web\n      type: webservice\n      properties: {image: a, "
                          "port: http}\n")
            << QStringLiteral("spec.components[0].properties.port: must be an integer 1..65535");
        QTest::newRow("bad pull policy")
            << QByteArray("    - name: web\n      type: webservice\n      properties: {image: a, "
                          "imagePullPolicy: Sometimes}\n")
            << QStringLiteral("spec.components[0].properties.imagePullPolicy: must be one of "
                              "Always, IfNotPresent, Never");
    }

    void webServiceErrors()
    {
        QFETCH(QByteArray, components);
        QFETCH(QString, message);
        auto a = Application::fromJson(app(components));
        QVERIFY(a.ok());
        auto ws = a.value.components.first().webService(QStringLiteral("spec.components[0]"));
        QVERIFY(!ws.ok());
        QCOMPARE(ws.status.message, message);
    }

    void applicationErrors()
    {
        auto dup = Application::fromJson(app(kWeb1 + kWeb2));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.status.message,
                 QStringLiteral("spec.components[1].name: duplicate component name web"));
        QJsonObject noSpec = app(kWeb1);
        noSpec.remove(QStringLiteral("spec"));
        QCOMPARE(Application::fromJson(noSpec).status.message, QStringLiteral("spec: required"));
    }
};

QTEST_GUILESS_MAIN(TestApplication)
#include "tst_application.moc"
