#include "kube/rollout/offline.h"

namespace kube::rollout {

Result<OfflineRender> renderOffline(const QList<SourceDocument>& documents,
                                    const QString& defaultNamespace,
                                    std::optional<RoutingApi> routing, const QString& homeCluster)
{
    using R = Result<OfflineRender>;
    OfflineRender out;
    QList<QPair<QString, AppDeploymentPlan>> plans;
    for (const SourceDocument& doc : documents) {
        const QString kind = doc.object.value(QLatin1String("kind")).toString();
        auto fail = [&](const Status& s) {
            Status e = s;
            e.message = doc.source + QStringLiteral(": ") + s.message;
            return R::failure(e);
        };
        if (kind == QLatin1String("Application")) {
            QJsonObject app = doc.object;
            QJsonObject meta = app.value(QLatin1String("metadata")).toObject();
            if (meta.value(QLatin1String("namespace")).toString().isEmpty())
                meta.insert(QStringLiteral("namespace"), defaultNamespace);
            app.insert(QStringLiteral("metadata"), meta);
            Result<Application> parsed = Application::fromJson(app);
            if (!parsed)
                return fail(parsed.status);
            for (qsizetype i = 0; i < parsed.value.components.size(); ++i) {
                Result<WebServiceProperties> ws = parsed.value.components.at(i).webService(
                    QStringLiteral("spec.components[%1]").arg(i));
                if (!ws)
                    return fail(ws.status);
            }
            const RevisionDecision d = decideRevision(app, out.revisions);
            if (!d.status)
                return fail(d.status);
            if (!d.record)
                continue;
            Result<AppRevision> rev = AppRevision::fromJson(d.revisionObject);
            if (!rev)
                return fail(rev.status);
            out.revisions << rev.value;
        } else if (kind == QLatin1String("ApplicationRevision")) {
            Result<AppRevision> rev = AppRevision::fromJson(doc.object);
            if (!rev)
                return fail(rev.status);
            out.revisions << rev.value;
        } else if (kind == QLatin1String("AppDeployment")) {
            Result<AppDeploymentPlan> plan = AppDeploymentPlan::fromJson(doc.object);
            if (!plan)
                return fail(plan.status);
            plans << qMakePair(doc.source, plan.value);
        } else {
            return fail(Status::error(
                Status::Kind::Invalid,
                ktr("kube::rollout", "kind %1 is not an Application, ApplicationRevision or "
                                     "AppDeployment")
                    .arg(kind.isEmpty() ? ktr("kube::rollout", "(none)") : kind)));
        }
    }
    RenderOptions options;
    options.namespaceName = defaultNamespace;
    options.homeCluster = homeCluster;
    // Offline, both APIs count as served: the cluster decides only when it is asked.
    const ServedRouting served{QStringLiteral("v1"), QStringLiteral("v1")};
    for (const auto& [source, plan] : plans) {
        out.plans << plan;
        RenderResult r;
        const Result<RoutingChoice> choice = chooseRouting(plan, {}, served, routing);
        options.routing = choice ? std::optional<RoutingApi>(choice.value.api) : std::nullopt;
        if (choice || !plannedRouting(plan).ok())
            r = render(plan, out.revisions, options); // reports an annotation it cannot read
        else
            r.issues << Issue{
                Issue::Severity::Error,
                QStringLiteral("metadata.annotations[%1]").arg(QLatin1String(routingAnnotation)),
                choice.status.message};
        for (Issue i : r.issues) {
            i.field = source + QStringLiteral(": AppDeployment ") + plan.name +
                      QStringLiteral(": ") + i.field;
            out.issues << i;
        }
        if (!r.ok())
            continue;
        out.objects << renderAppDeployment(plan, options);
        out.objects << r.jsonObjects();
        for (qsizetype i = 0; i <= r.objects.size(); ++i)
            out.objectClusters << homeCluster;
        // Every other cluster of the plan: its share (render.h, RenderOptions::cluster).
        const QStringList clusters = plan.clusters(homeCluster);
        out.multiCluster = out.multiCluster || clusters.size() > 1;
        for (const QString& c : clusters.mid(1)) {
            RenderOptions member = options;
            member.cluster = c;
            const RenderResult m = render(plan, out.revisions, member);
            out.objects << m.jsonObjects();
            for (qsizetype i = 0; i < m.objects.size(); ++i)
                out.objectClusters << c;
        }
    }
    return R::success(out);
}

} // namespace kube::rollout
