// Golden tests of offline rendering: input files -> the YAML `veladesk render` prints.
// Set VELADESK_UPDATE_GOLDEN=1 to rewrite the goldens (then review them with git diff).

#include "kube/rollout/offline.h"
#include "kube/yamljson.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace kube::rollout;

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("VELADESK_SOURCE_DIR");
}
QString referenceDir()
{
    return qEnvironmentVariable("VELADESK_REFERENCE_DIR");
}
QString casesDir()
{
    return sourceDir() + QStringLiteral("/tests/rollout/cases");
}
QString goldenPath(const QString& name)
{
    return sourceDir() + QStringLiteral("/tests/rollout/golden/") + name + QStringLiteral(".yaml");
}

QStringList resolve(const QStringList& files)
{
    QStringList out;
    for (const QString& f : files)
        out << (f.startsWith(QLatin1String("ref:")) ? referenceDir() + QLatin1Char('/') + f.mid(4)
                                                    : casesDir() + QLatin1Char('/') + f);
    return out;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestRender : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!sourceDir().isEmpty(), "VELADESK_SOURCE_DIR not set (run through ctest)");
        QVERIFY(QFile::exists(referenceDir() + QStringLiteral("/05-appdeployment-split.yaml")));
    }

    void golden_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("golden");
        QTest::addColumn<QString>("routing"); // --routing; empty: the plan's annotation
        const QStringList reference05{QStringLiteral("ref:01-application-v1.yaml"),
                                      QStringLiteral("ref:02-application-v2.yaml"),
                                      QStringLiteral("ref:05-appdeployment-split.yaml")};
        QTest::newRow("reference 03 v1 only")
            << QStringList{QStringLiteral("ref:01-application-v1.yaml"),
                           QStringLiteral("ref:02-application-v2.yaml"),
                           QStringLiteral("ref:03-appdeployment-v1-only.yaml")}
            << QStringLiteral("reference-03") << QString();
        QTest::newRow("reference 05 split")
            << reference05 << QStringLiteral("reference-05") << QString();
        QTest::newRow("three revisions") << QStringList{QStringLiteral("three-revisions.yaml")}
                                         << QStringLiteral("three-revisions") << QString();
        QTest::newRow("rules with matches, weight 0")
            << QStringList{QStringLiteral("rules-with-matches.yaml")}
            << QStringLiteral("rules-with-matches") << QString();
        QTest::newRow("no traffic, zero replicas")
            << QStringList{QStringLiteral("no-traffic-zero-replicas.yaml")}
            << QStringLiteral("no-traffic-zero-replicas") << QString();
        // The same plans routed through a Gateway API HTTPRoute.
        QTest::newRow("reference 05 split, HTTPRoute")
            << reference05 << QStringLiteral("reference-05-httproute")
            << QStringLiteral("httproute");
        QTest::newRow("three revisions, HTTPRoute")
            << QStringList{QStringLiteral("three-revisions.yaml")}
            << QStringLiteral("three-revisions-httproute") << QStringLiteral("httproute");
        QTest::newRow("HTTPRoute matches (annotation)")
            << QStringList{QStringLiteral("httproute-matches.yaml")}
            << QStringLiteral("httproute-matches") << QString();
    }

    void golden()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, golden);
        QFETCH(QString, routing);
        QList<SourceDocument> docs;
        for (const QString& path : resolve(files)) {
            auto parsed = kube::parseYamlFile(path);
            QVERIFY2(parsed.ok(), qPrintable(parsed.status.toString()));
            for (const QJsonObject& o : parsed.value)
                docs << SourceDocument{QFileInfo(path).fileName(), o};
        }
        auto r = renderOffline(docs, QStringLiteral("default"), parseRoutingApi(routing));
        QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        QVERIFY2(r.value.ok(), qPrintable(issueMessages(r.value.issues).join(QLatin1Char('\n'))));
        for (const Issue& i : r.value.issues) // warnings would be printed by `veladesk render`
            QVERIFY2(i.isError(), qPrintable(i.toString()));
        const QByteArray actual = kube::toYaml(r.value.objects);
        if (qEnvironmentVariableIsSet("VELADESK_UPDATE_GOLDEN")) {
            QFile f(goldenPath(golden));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(actual);
            QSKIP("golden rewritten");
        }
        const QByteArray expected = readFile(goldenPath(golden));
        QVERIFY2(!expected.isEmpty(),
                 qPrintable(QStringLiteral("missing golden ") + goldenPath(golden)));
        if (actual != expected) {
            const QString d = QString::fromUtf8(actual); // full text helps when it differs
            QFAIL(qPrintable(
                QStringLiteral("render differs from %1; got:\n%2").arg(goldenPath(golden), d)));
        }
    }

    // Properties of the reference split checked directly (not only via the golden): the
    // defects SEMANTICS.md lists must not come back even if someone rewrites the golden.
    void referenceSplitSemantics()
    {
        QList<SourceDocument> docs;
        for (const QString& path : resolve({QStringLiteral("ref:01-application-v1.yaml"),
                                            QStringLiteral("ref:02-application-v2.yaml"),
                                            QStringLiteral("ref:05-appdeployment-split.yaml")})) {
            auto parsed = kube::parseYamlFile(path);
            QVERIFY(parsed.ok());
            for (const QJsonObject& o : parsed.value)
                docs << SourceDocument{path, o};
        }
        auto r = renderOffline(docs);
        QVERIFY(r.ok() && r.value.ok());
        QCOMPARE(r.value.revisions.size(), 2);
        QCOMPARE(r.value.revisions.at(0).name, QStringLiteral("example-app-v1"));
        QCOMPARE(r.value.revisions.at(1).name, QStringLiteral("example-app-v2"));
        QStringList names;
        for (const QJsonObject& o : r.value.objects)
            names << o.value(QLatin1String("kind")).toString() + QLatin1Char('/') +
                         o.value(QLatin1String("metadata"))
                             .toObject()
                             .value(QLatin1String("name"))
                             .toString();
        QCOMPARE(names, (QStringList{QStringLiteral("AppDeployment/example-appdeploy"),
                                     QStringLiteral("Deployment/testsvc-v1"),
                                     QStringLiteral("Deployment/testsvc-v2"),
                                     QStringLiteral("Service/example-app-v1-testsvc-8000"),
                                     QStringLiteral("Service/example-app-v2-testsvc-80"),
                                     QStringLiteral("VirtualService/example-appdeploy")}));
        const QJsonObject svc1 = r.value.objects.at(3);
        const QJsonObject sel = svc1[QLatin1String("spec")][QLatin1String("selector")].toObject();
        QCOMPARE(sel.value(QLatin1String("app.oam.dev/component")).toString(),
                 QStringLiteral("testsvc"));
        QCOMPARE(sel.value(QLatin1String("app.oam.dev/appRevision")).toString(),
                 QStringLiteral("example-app-v1"));
        const QJsonObject dep2 = r.value.objects.at(2);
        const QJsonObject podLabels = dep2[QLatin1String("spec")][QLatin1String("template")]
                                          [QLatin1String("metadata")][QLatin1String("labels")]
                                              .toObject();
        QCOMPARE(podLabels.value(QLatin1String("app.oam.dev/appRevision")).toString(),
                 QStringLiteral("example-app-v2"));
        const QJsonObject owner = dep2[QLatin1String("metadata")][QLatin1String("ownerReferences")]
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(owner.value(QLatin1String("kind")).toString(), QStringLiteral("AppDeployment"));
        QVERIFY(owner.value(QLatin1String("controller")).toBool());
        QVERIFY(owner.value(QLatin1String("blockOwnerDeletion")).toBool());
        const QJsonArray route = r.value.objects.at(5)[QLatin1String("spec")][QLatin1String("http")]
                                     .toArray()
                                     .at(0)[QLatin1String("route")]
                                     .toArray();
        QCOMPARE(route.size(), 2);
        QCOMPARE(route.at(0)[QLatin1String("weight")].toInt(), 50);
        QCOMPARE(route.at(1)[QLatin1String("destination")][QLatin1String("host")].toString(),
                 QStringLiteral("example-app-v2-testsvc-80"));
        QCOMPARE(route
                     .at(1)[QLatin1String("headers")][QLatin1String("response")]
                           [QLatin1String("set")][QLatin1String("x-veladesk-revision")]
                     .toString(),
                 QStringLiteral("example-app-v2"));
    }

    // Clusters that serve only networking.istio.io/v1beta1 get that version; the owner uid is
    // the one given (the applier passes the AppDeployment's real uid).
    void virtualServiceVersionAndOwnerUid()
    {
        QList<SourceDocument> docs;
        for (const QString& path : resolve({QStringLiteral("ref:01-application-v1.yaml"),
                                            QStringLiteral("ref:02-application-v2.yaml")})) {
            auto parsed = kube::parseYamlFile(path);
            QVERIFY(parsed.ok());
            for (const QJsonObject& o : parsed.value)
                docs << SourceDocument{path, o};
        }
        auto offline = renderOffline(docs);
        QVERIFY(offline.ok());
        auto planDocs =
            kube::parseYamlFile(referenceDir() + QStringLiteral("/05-appdeployment-split.yaml"));
        QVERIFY(planDocs.ok());
        auto plan = AppDeploymentPlan::fromJson(planDocs.value.first());
        QVERIFY(plan.ok());
        RenderOptions options;
        options.namespaceName = QStringLiteral("team-a");
        options.virtualServiceVersion = QStringLiteral("v1beta1");
        options.ownerUid = QStringLiteral("7c2d1a4e-real-uid");
        const RenderResult r = render(plan.value, offline.value.revisions, options);
        QVERIFY(r.ok());
        const RenderedObject& vs = r.objects.last();
        QCOMPARE(vs.role, RenderedObject::Role::VirtualService);
        QCOMPARE(vs.type.version, QStringLiteral("v1beta1"));
        QCOMPARE(vs.object[QLatin1String("apiVersion")].toString(),
                 QStringLiteral("networking.istio.io/v1beta1"));
        for (const RenderedObject& o : r.objects) {
            QCOMPARE(o.namespaceName(), QStringLiteral("team-a"));
            QCOMPARE(o.object[QLatin1String("metadata")][QLatin1String("ownerReferences")][0]
                             [QLatin1String("uid")]
                                 .toString(),
                     QStringLiteral("7c2d1a4e-real-uid"));
        }
    }

    // The command line prints exactly what the library renders.
    void cliRenderMatchesGolden()
    {
        const QString binary = qEnvironmentVariable("VELADESK_BINARY");
        if (!QFile::exists(binary))
            QSKIP("veladesk binary not built");
        QProcess p;
        p.start(binary,
                QStringList{QStringLiteral("render"), QStringLiteral("-f"),
                            referenceDir() + QStringLiteral("/01-application-v1.yaml"),
                            QStringLiteral("-f"),
                            referenceDir() + QStringLiteral("/02-application-v2.yaml"),
                            QStringLiteral("-f"),
                            referenceDir() + QStringLiteral("/05-appdeployment-split.yaml")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput(), readFile(goldenPath(QStringLiteral("reference-05"))));
    }

    void cliRenderInvalidPlanFails()
    {
        const QString binary = qEnvironmentVariable("VELADESK_BINARY");
        if (!QFile::exists(binary))
            QSKIP("veladesk binary not built");
        QProcess p;
        // 05 without 02: revision example-app-v2 does not exist.
        p.start(binary,
                QStringList{QStringLiteral("render"), QStringLiteral("-f"),
                            referenceDir() + QStringLiteral("/01-application-v1.yaml"),
                            QStringLiteral("-f"),
                            referenceDir() + QStringLiteral("/05-appdeployment-split.yaml")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("spec.appRevisions[1].revisionName")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("example-app-v2 does not exist")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestRender)
#include "tst_render.moc"
