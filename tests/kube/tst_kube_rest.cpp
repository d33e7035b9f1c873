// REST verbs against the real local control plane, as the cluster's admin (client certificate
// from the test kubeconfig): discovery, get/list/create/delete, server-side apply with
// conflicts and force, dry-run, error statuses, pagination.

#include "kubetest.h"

#include "kube/client.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace kube;
using namespace kubetest;

class TestKubeRest : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<Client> client;
    std::unique_ptr<ScopedNamespace> ns;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!kubeconfigPath().isEmpty(), "VELADESK_TEST_KUBECONFIG is not set");
        client = adminClient();
        QVERIFY(client);
        QVERIFY2(!client->connection().user.clientCertificateData.isEmpty(),
                 "the test kubeconfig should authenticate with a client certificate");
        ns = std::make_unique<ScopedNamespace>(client, QStringLiteral("vdk-rest"));
        QVERIFY(ns->ok());
    }

    void cleanupTestCase() { ns.reset(); }

    void discovery()
    {
        auto d = await(client->discovery());
        QVERIFY2(d.ok(), qPrintable(d.status.toString()));
        QVERIFY2(d.value.serverVersion.startsWith(QLatin1String("v1.")),
                 qPrintable(d.value.serverVersion));
        QVERIFY(d.value.has({}, QStringLiteral("v1"), QStringLiteral("configmaps")));
        QVERIFY(d.value.has(QStringLiteral("apps"), QStringLiteral("v1"),
                            QStringLiteral("deployments")));
        QVERIFY(d.value.has(QStringLiteral("core.oam.dev"), QStringLiteral("v1beta1"),
                            QStringLiteral("appdeployments")));
        QCOMPARE(d.value.firstServedVersion(QStringLiteral("networking.istio.io"),
                                            QStringLiteral("virtualservices"),
                                            {QStringLiteral("v1"), QStringLiteral("v1beta1")}),
                 QStringLiteral("v1"));
        QCOMPARE(d.value.firstServedVersion(QStringLiteral("networking.istio.io"),
                                            QStringLiteral("virtualservices"),
                                            {QStringLiteral("v9")}),
                 QString());
        bool namespacesAreClusterScoped = false;
        for (const ApiResourceInfo& r : d.value.resources)
            if (r.group.isEmpty() && r.resource == QLatin1String("namespaces"))
                namespacesAreClusterScoped = !r.namespaced && r.kind == QLatin1String("Namespace");
        QVERIFY(namespacesAreClusterScoped);
        // Cached: the second call answers without asking the server again.
        auto again = client->discovery();
        QVERIFY(again.isFinished());
        QCOMPARE(again.result().value.resources.size(), d.value.resources.size());
    }

    void getNotFound()
    {
        auto r = await(client->get(ResourceType::configMaps(), ns->name(), QStringLiteral("nope")));
        QVERIFY(!r.ok());
        QCOMPARE(r.status.kind, Status::Kind::Http);
        QCOMPARE(r.status.httpCode, 404);
        QVERIFY(r.status.isNotFound());
        QCOMPARE(r.status.reason, QStringLiteral("NotFound"));
        // The API server's own message, and the object concerned.
        QCOMPARE(r.status.message, QStringLiteral("configmaps \"nope\" not found"));
        QVERIFY2(r.status.toString().contains(ns->name() + QStringLiteral("/nope")),
                 qPrintable(r.status.toString()));
    }

    void createGetListDelete()
    {
        const QString name = QStringLiteral("cm-crud");
        QJsonObject cm = configMap(ns->name(), name, {{QStringLiteral("k"), QStringLiteral("v")}});
        QJsonObject meta = cm.value(QStringLiteral("metadata")).toObject();
        meta.insert(QStringLiteral("labels"),
                    QJsonObject{{QStringLiteral("tier"), QStringLiteral("x")}});
        cm.insert(QStringLiteral("metadata"), meta);
        auto created = await(client->create(ResourceType::configMaps(), ns->name(), cm));
        QVERIFY2(created.ok(), qPrintable(created.status.toString()));
        const QString uid = created.value.value(QStringLiteral("metadata"))
                                .toObject()
                                .value(QStringLiteral("uid"))
                                .toString();
        QVERIFY(!uid.isEmpty());

        auto again = await(client->create(ResourceType::configMaps(), ns->name(), cm));
        QVERIFY(!again.ok());
        QCOMPARE(again.status.httpCode, 409);
        QCOMPARE(again.status.reason, QStringLiteral("AlreadyExists"));
        QVERIFY(again.status.message.contains(QLatin1String("already exists")));

        auto got = await(client->get(ResourceType::configMaps(), ns->name(), name));
        QVERIFY2(got.ok(), qPrintable(got.status.toString()));
        QCOMPARE(got.value.value(QStringLiteral("data")).toObject().value(QStringLiteral("k")),
                 QJsonValue(QStringLiteral("v")));
        QCOMPARE(got.value.value(QStringLiteral("kind")).toString(), QStringLiteral("ConfigMap"));

        ListOptions sel;
        sel.labelSelector = QStringLiteral("tier=x");
        auto listed = await(client->list(ResourceType::configMaps(), ns->name(), sel));
        QVERIFY2(listed.ok(), qPrintable(listed.status.toString()));
        QCOMPARE(listed.value.items.size(), 1);
        QCOMPARE(listed.value.items.first().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("ConfigMap"));
        QCOMPARE(listed.value.items.first().value(QStringLiteral("apiVersion")).toString(),
                 QStringLiteral("v1"));
        QVERIFY(!listed.value.resourceVersion.isEmpty());
        ListOptions field;
        field.fieldSelector = QStringLiteral("metadata.name=") + name;
        QCOMPARE(
            await(client->list(ResourceType::configMaps(), ns->name(), field)).value.items.size(),
            1);
        field.fieldSelector = QStringLiteral("metadata.name=other");
        QCOMPARE(
            await(client->list(ResourceType::configMaps(), ns->name(), field)).value.items.size(),
            0);

        // Preconditions: a wrong uid is refused, the right one deletes.
        DeleteOptions wrong;
        wrong.preconditionUid = QStringLiteral("00000000-0000-0000-0000-000000000000");
        Status s = await(client->remove(ResourceType::configMaps(), ns->name(), name, wrong));
        QCOMPARE(s.httpCode, 409);
        QCOMPARE(s.reason, QStringLiteral("Conflict"));
        QVERIFY2(s.message.contains(QLatin1String("does not match the UID in record")),
                 qPrintable(s.message));
        DeleteOptions right;
        right.preconditionUid = uid;
        right.propagationPolicy = QStringLiteral("Background");
        s = await(client->remove(ResourceType::configMaps(), ns->name(), name, right));
        QVERIFY2(s.ok(), qPrintable(s.toString()));
        QCOMPARE(await(client->get(ResourceType::configMaps(), ns->name(), name)).status.httpCode,
                 404);
        s = await(client->remove(ResourceType::configMaps(), ns->name(), name));
        QCOMPARE(s.httpCode, 404);
    }

    void invalidObjectListsFieldErrors()
    {
        // (An invalid name never reaches the server: the client refuses it first. A label
        // value is the server's to judge.)
        QJsonObject bad = configMap(ns->name(), QStringLiteral("bad-labels"));
        QJsonObject meta = bad.value(QStringLiteral("metadata")).toObject();
        meta.insert(QStringLiteral("labels"),
                    QJsonObject{{QStringLiteral("tier"), QStringLiteral("not valid!")}});
        bad.insert(QStringLiteral("metadata"), meta);
        auto r = await(client->create(ResourceType::configMaps(), ns->name(), bad));
        QVERIFY(!r.ok());
        QCOMPARE(r.status.httpCode, 422);
        QCOMPARE(r.status.reason, QStringLiteral("Invalid"));
        QVERIFY(!r.status.details.isEmpty());
        QVERIFY2(r.status.details.first().startsWith(QLatin1String("metadata.labels: ")),
                 qPrintable(r.status.details.join(QLatin1Char('|'))));
        QVERIFY(r.status.toString().contains(QLatin1String("\n  - metadata.labels: ")));
        // The client's own check: Invalid, no HTTP code, the rule in the message.
        auto refused = await(client->create(ResourceType::configMaps(), ns->name(),
                                            configMap(ns->name(), QStringLiteral("Bad_Name"))));
        QCOMPARE(refused.status.kind, Status::Kind::Invalid);
        QVERIFY2(refused.status.message.contains(QLatin1String("RFC 1123 subdomain")),
                 qPrintable(refused.status.message));
    }

    void serverSideApply()
    {
        const QString name = QStringLiteral("cm-ssa");
        const auto type = ResourceType::configMaps();
        // Create through apply.
        auto a1 = await(client->apply(
            type, ns->name(),
            configMap(ns->name(), name, {{QStringLiteral("a"), QStringLiteral("1")}})));
        QVERIFY2(a1.ok(), qPrintable(a1.status.toString()));
        const QJsonArray managed = a1.value.value(QStringLiteral("metadata"))
                                       .toObject()
                                       .value(QStringLiteral("managedFields"))
                                       .toArray();
        QCOMPARE(managed.size(), 1);
        QCOMPARE(managed.first().toObject().value(QStringLiteral("manager")).toString(),
                 QStringLiteral("veladesk"));
        QCOMPARE(managed.first().toObject().value(QStringLiteral("operation")).toString(),
                 QStringLiteral("Apply"));

        // Update through apply.
        auto a2 = await(client->apply(
            type, ns->name(),
            configMap(ns->name(), name, {{QStringLiteral("a"), QStringLiteral("2")}})));
        QVERIFY2(a2.ok(), qPrintable(a2.status.toString()));
        QCOMPARE(a2.value.value(QStringLiteral("data")).toObject().value(QStringLiteral("a")),
                 QJsonValue(QStringLiteral("2")));

        // Another manager wants the same field: a conflict, reported with the field.
        WriteOptions other;
        other.fieldManager = QStringLiteral("someone-else");
        auto conflict = await(client->apply(
            type, ns->name(),
            configMap(ns->name(), name, {{QStringLiteral("a"), QStringLiteral("3")}}), other));
        QVERIFY(!conflict.ok());
        QCOMPARE(conflict.status.httpCode, 409);
        QCOMPARE(conflict.status.reason, QStringLiteral("Conflict"));
        QVERIFY2(conflict.status.message.contains(QLatin1String("veladesk")),
                 qPrintable(conflict.status.message));
        QVERIFY2(conflict.status.details.join(QLatin1Char('\n')).contains(QLatin1String(".data.a")),
                 qPrintable(conflict.status.details.join(QLatin1Char('\n'))));
        QCOMPARE(await(client->get(type, ns->name(), name))
                     .value.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("a")),
                 QJsonValue(QStringLiteral("2")));

        // Forced, the other manager takes the field over.
        other.force = true;
        auto forced = await(client->apply(
            type, ns->name(),
            configMap(ns->name(), name, {{QStringLiteral("a"), QStringLiteral("3")}}), other));
        QVERIFY2(forced.ok(), qPrintable(forced.status.toString()));
        QCOMPARE(forced.value.value(QStringLiteral("data")).toObject().value(QStringLiteral("a")),
                 QJsonValue(QStringLiteral("3")));
    }

    void dryRunChangesNothing()
    {
        const auto type = ResourceType::configMaps();
        const QString name = QStringLiteral("cm-dry");
        WriteOptions dry;
        dry.dryRun = true;
        auto c = await(client->create(type, ns->name(), configMap(ns->name(), name), dry));
        QVERIFY2(c.ok(), qPrintable(c.status.toString()));
        QCOMPARE(await(client->get(type, ns->name(), name)).status.httpCode, 404);
        auto a = await(client->apply(type, ns->name(), configMap(ns->name(), name), dry));
        QVERIFY2(a.ok(), qPrintable(a.status.toString()));
        QCOMPARE(await(client->get(type, ns->name(), name)).status.httpCode, 404);

        auto real = await(client->apply(
            type, ns->name(),
            configMap(ns->name(), name, {{QStringLiteral("x"), QStringLiteral("1")}})));
        QVERIFY(real.ok());
        const QString rv = real.value.value(QStringLiteral("metadata"))
                               .toObject()
                               .value(QStringLiteral("resourceVersion"))
                               .toString();
        auto changed = await(client->apply(
            type, ns->name(),
            configMap(ns->name(), name, {{QStringLiteral("x"), QStringLiteral("2")}}), dry));
        QVERIFY(changed.ok());
        // The dry run answers with the would-be object ...
        QCOMPARE(changed.value.value(QStringLiteral("data")).toObject().value(QStringLiteral("x")),
                 QJsonValue(QStringLiteral("2")));
        // ... and the stored one is untouched.
        auto stored = await(client->get(type, ns->name(), name));
        QCOMPARE(stored.value.value(QStringLiteral("data")).toObject().value(QStringLiteral("x")),
                 QJsonValue(QStringLiteral("1")));
        QCOMPARE(stored.value.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("resourceVersion"))
                     .toString(),
                 rv);
        DeleteOptions dryDelete;
        dryDelete.dryRun = true;
        QVERIFY(await(client->remove(type, ns->name(), name, dryDelete)).ok());
        QVERIFY(await(client->get(type, ns->name(), name)).ok());
    }

    void applyStatusSubresource()
    {
        const auto type = ResourceType::appDeployments();
        const QString name = QStringLiteral("ad-status");
        const QJsonObject ad{
            {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
            {QStringLiteral("kind"), QStringLiteral("AppDeployment")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("appRevisions"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("revisionName"), QStringLiteral("app-v1")}}}}}}};
        auto created = await(client->apply(type, ns->name(), ad));
        QVERIFY2(created.ok(), qPrintable(created.status.toString()));
        QVERIFY(!created.value.contains(QStringLiteral("status")) ||
                created.value.value(QStringLiteral("status")).toObject().isEmpty());
        QJsonObject withStatus = ad;
        withStatus.remove(QStringLiteral("spec"));
        withStatus.insert(QStringLiteral("status"),
                          QJsonObject{{QStringLiteral("phase"), QStringLiteral("Rolling")}});
        auto st = await(client->applyStatus(type, ns->name(), withStatus));
        QVERIFY2(st.ok(), qPrintable(st.status.toString()));
        auto got = await(client->get(type, ns->name(), name));
        QCOMPARE(got.value.value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("phase"))
                     .toString(),
                 QStringLiteral("Rolling"));
        // The spec is untouched by the status apply.
        QCOMPARE(got.value.value(QStringLiteral("spec")).toObject(),
                 created.value.value(QStringLiteral("spec")).toObject());
    }

    void paginationReturnsEveryObjectOnce()
    {
        ScopedNamespace pns(client, QStringLiteral("vdk-pages"));
        QVERIFY(pns.ok());
        const int count = 2000;
        const auto type = ResourceType::configMaps();
        // All creates in flight at once over the one connection (HTTP/2 streams).
        QList<QFuture<Result<QJsonObject>>> creates;
        // Labelled: the namespace also holds kube-root-ca.crt, put there by the controllers.
        for (int i = 0; i < count; ++i) {
            QJsonObject cm =
                configMap(pns.name(), QStringLiteral("cm-%1").arg(i, 4, 10, QLatin1Char('0')));
            QJsonObject meta = cm.value(QStringLiteral("metadata")).toObject();
            meta.insert(QStringLiteral("labels"),
                        QJsonObject{{QStringLiteral("vdk-page"), QStringLiteral("yes")}});
            cm.insert(QStringLiteral("metadata"), meta);
            creates << client->create(type, pns.name(), cm);
        }
        int failed = 0;
        QString firstError;
        for (auto& f : creates) {
            auto r = await(f, 180000);
            if (!r.ok()) {
                if (firstError.isEmpty())
                    firstError = r.status.toString();
                ++failed;
            }
        }
        QVERIFY2(
            failed == 0,
            qPrintable(QStringLiteral("%1 creates failed, first: %2").arg(failed).arg(firstError)));

        // Page by page, as a caller that paginates itself, to see the pages.
        ListOptions o;
        o.limit = 500;
        o.labelSelector = QStringLiteral("vdk-page=yes");
        QString token;
        int pages = 0;
        QSet<QString> names;
        int total = 0;
        QList<qsizetype> pageSizes;
        do {
            auto page = await(client->listPage(type, pns.name(), o, token));
            QVERIFY2(page.ok(), qPrintable(page.status.toString()));
            QVERIFY(page.value.items.size() <= 500);
            ++pages;
            pageSizes << page.value.items.size();
            total += int(page.value.items.size());
            for (const QJsonObject& item : page.value.items)
                names.insert(item.value(QStringLiteral("metadata"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString());
            token = page.value.continueToken;
        } while (!token.isEmpty());
        qDebug() << "page sizes" << pageSizes;
        // 2000 / 500: four full pages; the server may hand out a token after the fourth
        // (it cannot know the rest is empty without looking), then the last page is empty.
        QVERIFY2(pages == 4 || (pages == 5 && pageSizes.last() == 0),
                 qPrintable(QStringLiteral("%1 pages").arg(pages)));
        QCOMPARE(total, count);
        QCOMPARE(names.size(), count);

        // list() follows `continue` itself.
        auto all = await(client->list(type, pns.name(), o));
        QVERIFY2(all.ok(), qPrintable(all.status.toString()));
        QCOMPARE(all.value.items.size(), count);
        QSet<QString> allNames;
        for (const QJsonObject& item : all.value.items)
            allNames.insert(item.value(QStringLiteral("metadata"))
                                .toObject()
                                .value(QStringLiteral("name"))
                                .toString());
        QCOMPARE(allNames, names);
        QVERIFY(allNames.contains(QStringLiteral("cm-0000")));
        QVERIFY(allNames.contains(QStringLiteral("cm-1999")));
    }

    void http2AndConnectionReuse()
    {
        auto c = adminClient();
        QVERIFY(c);
        Request req;
        req.path = QStringLiteral("/version");
        int opened = 0;
        for (int i = 0; i < 10; ++i) {
            Response r = await(c->send(req));
            QVERIFY2(r.status.ok(), qPrintable(r.status.toString()));
            QCOMPARE(r.httpVersion, 20); // the API server offers h2 over TLS
            opened += r.newConnections;
        }
        QCOMPARE(opened, 1); // one connection, reused for the nine after the first
        // Many at once share it as HTTP/2 streams.
        QList<QFuture<Response>> many;
        for (int i = 0; i < 50; ++i)
            many << c->send(req);
        for (auto& f : many) {
            Response r = await(f);
            QVERIFY(r.status.ok());
            opened += r.newConnections;
        }
        QCOMPARE(opened, 1);
    }

    void cancelAllFinishesFutures()
    {
        auto c = adminClient();
        QVERIFY(c);
        QList<QFuture<Result<ObjectList>>> fs;
        for (int i = 0; i < 20; ++i)
            fs << c->list(ResourceType::configMaps(), {});
        c->cancelAll();
        int cancelled = 0;
        for (auto& f : fs) {
            auto r = await(f);
            if (r.status.kind == Status::Kind::Cancelled)
                ++cancelled;
            else
                QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        }
        // Every future finished; at least the ones still queued were cancelled.
        QVERIFY(cancelled > 0);
    }
};

QTEST_GUILESS_MAIN(TestKubeRest)
#include "tst_kube_rest.moc"
