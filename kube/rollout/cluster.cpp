#include "kube/rollout/cluster.h"

#include "kube/names.h"
#include "kube/rollout/await.h"
#include "kube/yamljson.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <limits>

namespace kube::rollout {

using detail::await;

namespace {

const QString kCrdName = QStringLiteral("appdeployments.core.oam.dev");

Status invalid(const QString& message, const QString& object = {})
{
    return Status::error(Status::Kind::Invalid, message, object, QStringLiteral("Invalid"));
}

QString metaString(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String("metadata")).toObject().value(QLatin1String(key)).toString();
}

bool crdEstablished(const QJsonObject& crd)
{
    for (const QJsonValue& c :
         crd.value(QLatin1String("status")).toObject().value(QLatin1String("conditions")).toArray())
        if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Established") &&
            c.toObject().value(QLatin1String("status")).toString() == QLatin1String("True"))
            return true;
    return false;
}

} // namespace

Status checkAppDeploymentCrd(Client& client)
{
    Result<QJsonObject> crd =
        await(client.get(ResourceType::customResourceDefinitions(), {}, kCrdName));
    if (crd.ok())
        return crdEstablished(crd.value)
                   ? Status::success()
                   : invalid(
                         ktr("kube::rollout", "the AppDeployment CRD (%1) is not established yet")
                             .arg(kCrdName));
    if (crd.status.isNotFound())
        return invalid(ktr("kube::rollout",
                           "the AppDeployment CRD (%1) is not installed in this cluster: run "
                           "`veladesk setup` first")
                           .arg(kCrdName),
                       QStringLiteral("CustomResourceDefinition/") + kCrdName);
    return crd.status;
}

Result<SetupResult> setupCluster(Client& client)
{
    using R = Result<SetupResult>;
    SetupResult out;
    Result<QList<QJsonObject>> docs =
        parseYamlDocuments(appDeploymentCrdYaml(), QStringLiteral("appdeployments CRD"));
    if (!docs)
        return R::failure(docs.status);
    for (const QJsonObject& crd : docs.value) {
        const QString name = metaString(crd, "name");
        Result<QJsonObject> live =
            await(client.get(ResourceType::customResourceDefinitions(), {}, name));
        if (live.ok()) {
            out.present << name;
            continue;
        }
        if (!live.status.isNotFound())
            return R::failure(live.status);
        Result<QJsonObject> created =
            await(client.create(ResourceType::customResourceDefinitions(), {}, crd));
        if (!created && !created.status.isConflict())
            return R::failure(created.status);
        // Wait until the API server serves it (Established), at most 30 s.
        bool established = false;
        for (int i = 0; i < 60 && !established; ++i) {
            Result<QJsonObject> now =
                await(client.get(ResourceType::customResourceDefinitions(), {}, name));
            established = now.ok() && crdEstablished(now.value);
            if (!established)
                QThread::msleep(500);
        }
        if (!established)
            return R::failure(Status::error(
                Status::Kind::Transport,
                ktr("kube::rollout", "created CRD %1 but it was not established within 30 s")
                    .arg(name)));
        out.installed << name;
    }
    return R::success(out);
}

Result<bool> kubeVelaRunning(Client& client, KubeVelaMode mode)
{
    if (mode == KubeVelaMode::Present)
        return Result<bool>::success(true);
    if (mode == KubeVelaMode::Absent)
        return Result<bool>::success(false);
    Result<ObjectList> deps =
        await(client.list(ResourceType::deployments(), QStringLiteral("vela-system")));
    if (!deps) {
        if (deps.status.isNotFound() || deps.status.httpCode == 403)
            return Result<bool>::success(false);
        return Result<bool>::failure(deps.status);
    }
    for (const QJsonObject& d : deps.value.items) {
        const QString name = metaString(d, "name");
        const QString label = d.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("labels"))
                                  .toObject()
                                  .value(QLatin1String("app.kubernetes.io/name"))
                                  .toString();
        if (name != QLatin1String("vela-core") && !name.endsWith(QLatin1String("-vela-core")) &&
            label != QLatin1String("vela-core"))
            continue;
        if (d.value(QLatin1String("status"))
                .toObject()
                .value(QLatin1String("availableReplicas"))
                .toInt() > 0)
            return Result<bool>::success(true);
    }
    return Result<bool>::success(false);
}

Result<QList<AppRevision>> listRevisions(Client& client, const QString& ns, const QString& appName)
{
    using R = Result<QList<AppRevision>>;
    ListOptions options;
    if (!appName.isEmpty()) {
        Result<QString> selector = LabelSelector().equals(key(labels::appName), appName).toString();
        if (!selector)
            return R::failure(selector.status);
        options.labelSelector = selector.value;
    }
    Result<ObjectList> list = await(client.list(ResourceType::applicationRevisions(), ns, options));
    if (!list)
        return R::failure(list.status);
    QList<AppRevision> out;
    for (const QJsonObject& o : list.value.items) {
        Result<AppRevision> r = AppRevision::fromJson(o);
        if (!r)
            return R::failure(r.status);
        out << r.value;
    }
    std::sort(out.begin(), out.end(), [](const AppRevision& a, const AppRevision& b) {
        return a.appName != b.appName ? a.appName < b.appName : a.revision < b.revision;
    });
    return R::success(out);
}

Result<QList<Application>> listApplications(Client& client, const QString& ns)
{
    using R = Result<QList<Application>>;
    Result<ObjectList> list = await(client.list(ResourceType::applications(), ns));
    if (!list)
        return R::failure(list.status);
    QList<Application> out;
    for (const QJsonObject& o : list.value.items) {
        Result<Application> a = Application::fromJson(o);
        if (!a)
            return R::failure(a.status);
        out << a.value;
    }
    return R::success(out);
}

Result<AppApplyResult> applyApplication(Client& client, const QJsonObject& application,
                                        const QString& nsIn, KubeVelaMode mode)
{
    using R = Result<AppApplyResult>;
    Result<Application> parsed = Application::fromJson(application);
    if (!parsed)
        return R::failure(parsed.status);
    for (qsizetype i = 0; i < parsed.value.components.size(); ++i) {
        Result<WebServiceProperties> ws =
            parsed.value.components.at(i).webService(QStringLiteral("spec.components[%1]").arg(i));
        if (!ws) {
            Status s = ws.status;
            s.setMessage(tx("kube::rollout", "Application %1: %2 (nothing applied)")
                             .arg(parsed.value.name, s.text()));
            return R::failure(s);
        }
    }
    QString ns = nsIn;
    if (!parsed.value.namespaceName.isEmpty()) {
        if (!ns.isEmpty() && ns != parsed.value.namespaceName)
            return R::failure(
                invalid(ktr("kube::rollout", "the namespace of the Application (%1) does not match "
                                             "--namespace %2")
                            .arg(parsed.value.namespaceName, ns)));
        ns = parsed.value.namespaceName;
    }
    if (ns.isEmpty())
        ns = client.defaultNamespace();

    AppApplyResult out;
    out.applicationName = parsed.value.name;
    Result<bool> vela = kubeVelaRunning(client, mode);
    if (!vela)
        return R::failure(vela.status);
    out.kubeVelaRecords = vela.value;

    // What the user wrote, without status and server-owned metadata.
    QJsonObject body = application;
    body.remove(QStringLiteral("status"));
    QJsonObject meta = body.value(QLatin1String("metadata")).toObject();
    for (const char* k :
         {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields"})
        meta.remove(QLatin1String(k));
    meta.insert(QStringLiteral("namespace"), ns);
    body.insert(QStringLiteral("metadata"), meta);
    WriteOptions wo;
    wo.force =
        true; // the file is the source of truth, as `kubectl apply --server-side --force-conflicts`
    Result<QJsonObject> applied = await(client.apply(ResourceType::applications(), ns, body, wo));
    if (!applied)
        return R::failure(applied.status);
    if (out.kubeVelaRecords) {
        out.message = ktr("kube::rollout",
                          "application/%1 applied; KubeVela's controller records the revision")
                          .arg(out.applicationName);
        return R::success(out);
    }

    Result<QList<AppRevision>> existing = listRevisions(client, ns, out.applicationName);
    if (!existing)
        return R::failure(existing.status);
    const QJsonObject latestStatus = applied.value.value(QLatin1String("status"))
                                         .toObject()
                                         .value(QLatin1String("latestRevision"))
                                         .toObject();
    const RevisionDecision d = decideRevision(applied.value, existing.value, latestStatus);
    if (!d.status) {
        Status s = d.status;
        s.message =
            ktr("kube::rollout", "application/%1 was applied but no revision was recorded: %2")
                .arg(out.applicationName, s.message);
        return R::failure(s);
    }
    out.revisionName = d.name;
    out.recorded = d.record;
    if (d.record) {
        Result<QJsonObject> created =
            await(client.create(ResourceType::applicationRevisions(), ns, d.revisionObject));
        if (!created) {
            Status s = created.status;
            s.setMessage(tx("kube::rollout",
                            "application/%1 was applied but recording revision %2 failed: %3 "
                            "(apply the file again to record it)")
                             .arg(out.applicationName, d.name, s.text()));
            return R::failure(s);
        }
    }
    if (d.record || latestStatus != d.latestRevision) {
        const QJsonObject statusPatch{
            {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
            {QStringLiteral("kind"), QStringLiteral("Application")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), out.applicationName},
                                                     {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("latestRevision"), d.latestRevision}}}};
        Result<QJsonObject> st =
            await(client.applyStatus(ResourceType::applications(), ns, statusPatch, wo));
        if (!st) {
            Status s = st.status;
            s.setMessage(tx("kube::rollout",
                            "revision %1 recorded but status.latestRevision of application/%2 "
                            "could not be written: %3")
                             .arg(d.name, out.applicationName, s.text()));
            return R::failure(s);
        }
    }
    out.message = d.record
                      ? ktr("kube::rollout", "application/%1 applied; revision %2 recorded")
                            .arg(out.applicationName, d.name)
                      : ktr("kube::rollout",
                            "application/%1 applied; spec unchanged, latest revision is still %2")
                            .arg(out.applicationName, d.name);
    return R::success(out);
}

Result<PlanDiff> diffPlan(Client& client, const AppDeploymentPlan& planIn, const QString& nsIn,
                          std::optional<RoutingApi> routing)
{
    using R = Result<PlanDiff>;
    PlanDiff out;
    AppDeploymentPlan plan = planIn;
    const QString ns = !plan.namespaceName.isEmpty() ? plan.namespaceName
                       : !nsIn.isEmpty()             ? nsIn
                                                     : client.defaultNamespace();
    plan.namespaceName = ns;
    if (Status s = checkAppDeploymentCrd(client); !s)
        return R::failure(s);
    Result<QList<AppRevision>> revisions = listRevisions(client, ns);
    if (!revisions)
        return R::failure(revisions.status);
    RenderOptions options;
    options.namespaceName = ns;
    Result<QMap<QString, QString>> hpas = replicasManagedByHpa(client, ns);
    if (!hpas)
        return R::failure(hpas.status);
    options.replicasManagedBy = hpas.value;
    Result<Discovery> disc = await(client.discovery());
    if (!disc)
        return R::failure(disc.status);
    const ServedRouting served = servedRouting(disc.value);
    options.virtualServiceVersion = served.virtualServiceVersion;
    if (!served.httpRouteVersion.isEmpty())
        options.httpRouteVersion = served.httpRouteVersion;
    Result<QJsonObject> liveAd = await(client.get(ResourceType::appDeployments(), ns, plan.name));
    if (!liveAd && !liveAd.status.isNotFound())
        return R::failure(liveAd.status);
    // The routing API as the applier would choose it (routing.h).
    Result<RoutingChoice> choice =
        chooseRouting(plan, liveAd.ok() ? liveAd.value : QJsonObject(), served, routing);
    if (!choice)
        return R::failure(choice.status);
    out.routing = choice.value;
    setPlannedRouting(plan, choice.value.api);
    options.routing = choice.value.api;
    out.issues = validate(plan, revisions.value, options.routing);
    if (hasErrors(out.issues))
        return R::success(out);

    // The AppDeployment: live vs server dry-run; its uid (real, or the dry-run's) goes into
    // the owner references so the dry-run of every other object is realistic.
    WriteOptions dry;
    dry.dryRun = true;
    dry.force = true;
    const QJsonObject adObject = renderAppDeployment(plan, options);
    Result<QJsonObject> adDry =
        await(client.apply(ResourceType::appDeployments(), ns, adObject, dry));
    if (!adDry)
        return R::failure(adDry.status);
    out.objects << diffObjects(ResourceType::appDeployments(),
                               liveAd.ok() ? liveAd.value : QJsonObject(), adDry.value);
    const QString uid =
        liveAd.ok() ? metaString(liveAd.value, "uid") : metaString(adDry.value, "uid");
    options.ownerUid = uid.isEmpty() ? RenderOptions::placeholderUid() : uid;
    const RenderResult rendered = render(plan, revisions.value, options);
    out.issues = rendered.issues;

    QSet<QString> planned;
    for (const RenderedObject& o : rendered.objects) {
        planned.insert(o.type.kind + QLatin1Char('/') + o.name());
        Result<QJsonObject> live = await(client.get(o.type, ns, o.name()));
        if (!live && !live.status.isNotFound())
            return R::failure(live.status);
        if (live.ok()) {
            const Ownership own = ownershipOf(live.value, plan.name, liveAd.ok() ? uid : QString());
            if (own.state != Ownership::State::ThisAppDeployment)
                out.issues << Issue{
                    Issue::Severity::Warning, o.displayName(),
                    ktr("kube::rollout",
                        "exists and is not owned by this AppDeployment (owner: %1); "
                        "apply refuses to overwrite it unless --adopt")
                        .arg(own.owner)};
        }
        Result<QJsonObject> dryRun = await(client.apply(o.type, ns, o.object, dry));
        if (!dryRun)
            return R::failure(dryRun.status);
        out.objects << diffObjects(o.type, live.ok() ? live.value : QJsonObject(), dryRun.value);
    }
    // Deletions: what this AppDeployment owns and the plan no longer names.
    if (liveAd.ok()) {
        QList<ResourceType> types{ResourceType::deployments(), ResourceType::services()};
        if (!served.virtualServiceVersion.isEmpty())
            types << ResourceType::virtualServices(served.virtualServiceVersion);
        if (!served.httpRouteVersion.isEmpty())
            types << httpRoutes(served.httpRouteVersion);
        ListOptions lo;
        Result<QString> selector =
            LabelSelector().equals(key(labels::appDeployment), plan.name).toString();
        if (!selector)
            return R::failure(selector.status);
        lo.labelSelector = selector.value;
        for (const ResourceType& t : types) {
            Result<ObjectList> list = await(client.list(t, ns, lo));
            if (!list)
                return R::failure(list.status);
            for (const QJsonObject& o : list.value.items) {
                if (planned.contains(t.kind + QLatin1Char('/') + metaString(o, "name")))
                    continue;
                if (ownershipOf(o, plan.name, uid).state != Ownership::State::ThisAppDeployment)
                    continue;
                out.objects << diffObjects(t, o, {});
            }
        }
    }
    return R::success(out);
}

QFuture<Result<PlanDiff>> diffPlanAsync(std::shared_ptr<Client> client, AppDeploymentPlan plan,
                                        QString ns, std::optional<RoutingApi> routing)
{
    // Not the global pool: diffPlan blocks on requests whose exec credential plugins run on
    // the global pool, so with few cores the diffs could take every thread those need.
    static QThreadPool pool;
    return QtConcurrent::run(
        &pool, [client, plan, ns, routing]() { return diffPlan(*client, plan, ns, routing); });
}

ResourceType horizontalPodAutoscalerType()
{
    return ResourceType{QStringLiteral("autoscaling"), QStringLiteral("v2"),
                        QStringLiteral("horizontalpodautoscalers"),
                        QStringLiteral("HorizontalPodAutoscaler"), true};
}

QString hpaTargetDeployment(const QJsonObject& hpa)
{
    const QJsonObject ref = hpa.value(QLatin1String("spec"))
                                .toObject()
                                .value(QLatin1String("scaleTargetRef"))
                                .toObject();
    if (ref.value(QLatin1String("kind")).toString() == QLatin1String("Deployment") &&
        ref.value(QLatin1String("apiVersion")).toString().startsWith(QLatin1String("apps/")))
        return ref.value(QLatin1String("name")).toString();
    return {};
}

Result<QMap<QString, QString>> replicasManagedByHpa(Client& client, const QString& ns)
{
    using R = Result<QMap<QString, QString>>;
    QMap<QString, QString> out;
    Result<ObjectList> list = await(client.list(horizontalPodAutoscalerType(), ns));
    if (list.status.isNotFound())
        return R::success(out);
    if (!list)
        return R::failure(list.status);
    for (const QJsonObject& h : list.value.items)
        if (const QString target = hpaTargetDeployment(h); !target.isEmpty())
            out.insert(target, QStringLiteral("HorizontalPodAutoscaler/") + metaString(h, "name"));
    return R::success(out);
}

std::optional<AppDeploymentPlan> lastCompletedPlan(const QJsonObject& appDeployment)
{
    const QString completed = appDeployment.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("annotations"))
                                  .toObject()
                                  .value(key(labels::lastCompletedSpec))
                                  .toString();
    if (completed.isEmpty())
        return std::nullopt;
    const QJsonDocument spec = QJsonDocument::fromJson(completed.toUtf8());
    if (!spec.isObject())
        return std::nullopt;
    QJsonObject object = appDeployment;
    object.insert(QStringLiteral("spec"), spec.object());
    object.remove(QStringLiteral("status"));
    Result<AppDeploymentPlan> last = AppDeploymentPlan::fromJson(object);
    if (!last)
        return std::nullopt;
    last.value.status = {};
    // It routed through the API recorded with it (plans completed before issue 12 have none:
    // they routed through a VirtualService).
    const std::optional<RoutingApi> api = parseRoutingApi(
        last.value.annotations.value(QLatin1String(lastCompletedRoutingAnnotation)).toString());
    setPlannedRouting(last.value, api.value_or(RoutingApi::VirtualService));
    return last.value;
}

Result<AppDeploymentState> readAppDeploymentState(Client& client, const QString& ns,
                                                  const QString& name)
{
    using R = Result<AppDeploymentState>;
    Result<QJsonObject> ad = await(client.get(ResourceType::appDeployments(), ns, name));
    if (!ad)
        return R::failure(ad.status);
    Result<AppDeploymentPlan> plan = AppDeploymentPlan::fromJson(ad.value);
    if (!plan)
        return R::failure(plan.status);
    AppDeploymentState out;
    out.plan = plan.value;
    if (Result<std::optional<RoutingApi>> r = plannedRouting(out.plan); r.ok())
        out.routing = r.value;
    ListOptions lo;
    Result<QString> selector = LabelSelector().equals(key(labels::appDeployment), name).toString();
    if (!selector)
        return R::failure(selector.status);
    lo.labelSelector = selector.value;
    Result<ObjectList> deps = await(client.list(ResourceType::deployments(), ns, lo));
    if (!deps)
        return R::failure(deps.status);
    const QMap<QString, int> weights = out.plan.weightsByRevision();
    QStringList order;
    for (const RevisionPlacement& r : out.plan.appRevisions)
        order << r.revisionName;
    for (auto it = weights.begin(); it != weights.end(); ++it)
        if (!order.contains(it.key()))
            order << it.key();
    QMap<QString, RevisionState> states;
    for (const QJsonObject& d : deps.value.items) {
        if (ownershipOf(d, name, out.plan.uid).state != Ownership::State::ThisAppDeployment)
            continue;
        const QString rev = d.value(QLatin1String("metadata"))
                                .toObject()
                                .value(QLatin1String("labels"))
                                .toObject()
                                .value(key(labels::appRevision))
                                .toString();
        if (!order.contains(rev))
            order << rev;
        RevisionState& s = states[rev];
        // Saturating: the server's numbers are not trusted to keep an int sum in range.
        s.readyReplicas = int(
            std::min<qint64>(qint64(s.readyReplicas) + d.value(QLatin1String("status"))
                                                           .toObject()
                                                           .value(QLatin1String("readyReplicas"))
                                                           .toInt(),
                             std::numeric_limits<int>::max()));
        s.deployments << metaString(d, "name");
    }
    Result<QMap<QString, QString>> hpas = replicasManagedByHpa(client, ns);
    if (!hpas)
        return R::failure(hpas.status);
    for (const QString& rev : order) {
        RevisionState s = states.value(rev);
        s.revisionName = rev;
        s.desiredReplicas = out.plan.replicasOf(rev);
        s.weight = weights.value(rev);
        std::sort(s.deployments.begin(), s.deployments.end());
        for (const QString& d : s.deployments)
            if (hpas.value.contains(d))
                s.replicasManagedBy.insert(d, hpas.value.value(d));
        out.revisions << s;
    }

    Result<std::optional<ApplyLeaseInfo>> lease = readApplyLease(client, ns, name);
    if (!lease)
        return R::failure(lease.status);
    out.lease = lease.value;
    const ApplyActivity activity = applyActivity(out.plan.status.phase, out.lease);
    out.applyInProgress = activity == ApplyActivity::InProgress;
    out.interrupted = activity == ApplyActivity::Interrupted;
    out.lastCompleted = lastCompletedPlan(ad.value);
    return R::success(out);
}

} // namespace kube::rollout
