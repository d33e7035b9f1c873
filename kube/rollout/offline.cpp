#include "kube/rollout/offline.h"

namespace kube::rollout {

Result<OfflineRender> renderOffline(const QList<SourceDocument>& documents,
                                    const QString& defaultNamespace)
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
                QStringLiteral("kind %1 is not an Application, ApplicationRevision or "
                               "AppDeployment")
                    .arg(kind.isEmpty() ? QStringLiteral("(none)") : kind)));
        }
    }
    RenderOptions options;
    options.namespaceName = defaultNamespace;
    for (const auto& [source, plan] : plans) {
        out.plans << plan;
        const RenderResult r = render(plan, out.revisions, options);
        for (Issue i : r.issues) {
            i.field = source + QStringLiteral(": AppDeployment ") + plan.name +
                      QStringLiteral(": ") + i.field;
            out.issues << i;
        }
        if (!r.ok())
            continue;
        out.objects << renderAppDeployment(plan, options);
        out.objects << r.jsonObjects();
    }
    return R::success(out);
}

} // namespace kube::rollout
