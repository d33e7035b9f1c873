#include "kube/rollout/applier.h"

#include "kube/names.h"
#include "kube/rollout/await.h"
#include "kube/rollout/cluster.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace kube::rollout {

using detail::await;

QString applyStepName(ApplyStep step)
{
    switch (step) {
    case ApplyStep::Validate:
        return QStringLiteral("validate");
    case ApplyStep::DryRun:
        return QStringLiteral("dry-run");
    case ApplyStep::AppDeployment:
        return QStringLiteral("appdeployment");
    case ApplyStep::Deployments:
        return QStringLiteral("deployments");
    case ApplyStep::ReadinessGuard:
        return QStringLiteral("readiness");
    case ApplyStep::Services:
        return QStringLiteral("services");
    case ApplyStep::VirtualService:
        return QStringLiteral("virtualservice");
    case ApplyStep::Prune:
        return QStringLiteral("prune");
    case ApplyStep::Status:
        return QStringLiteral("status");
    }
    return {};
}

QList<ApplyStep> allApplySteps()
{
    return {ApplyStep::Validate,       ApplyStep::DryRun,         ApplyStep::AppDeployment,
            ApplyStep::Deployments,    ApplyStep::ReadinessGuard, ApplyStep::Services,
            ApplyStep::VirtualService, ApplyStep::Prune,          ApplyStep::Status};
}

QString stepStateName(StepResult::State state)
{
    switch (state) {
    case StepResult::State::NotRun:
        return QStringLiteral("not run");
    case StepResult::State::Running:
        return QStringLiteral("running");
    case StepResult::State::Done:
        return QStringLiteral("done");
    case StepResult::State::Skipped:
        return QStringLiteral("skipped");
    case StepResult::State::Failed:
        return QStringLiteral("FAILED");
    case StepResult::State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString ApplyReport::toString() const
{
    QStringList lines;
    for (const StepResult& s : steps) {
        QString line = QStringLiteral("  %1 %2").arg(applyStepName(s.step).leftJustified(15),
                                                     stepStateName(s.state));
        if (!s.message.isEmpty())
            line += QStringLiteral(": ") + s.message;
        lines << line;
    }
    if (!status.ok())
        lines << QStringLiteral("error: ") + status.toString();
    return lines.join(QLatin1Char('\n'));
}

namespace {

const QString kConditionType = QStringLiteral("Ready");

QString metaString(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String("metadata")).toObject().value(QLatin1String(key)).toString();
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString objectKey(const ResourceType& t, const QString& name)
{
    return t.kind + QLatin1Char('/') + name;
}

} // namespace

// An error in a step: the Status to report and the condition reason to write.
struct StepError
{
    Status status;
    QString reason;
};

struct Applier::Private
{
    std::shared_ptr<Client> client;
    AppDeploymentPlan plan;
    ApplyOptions options;
    Applier* q = nullptr;

    std::atomic<bool> cancelled{false};
    std::atomic<bool> running{false};
    QFuture<void> worker;
    mutable QMutex mutex;
    ApplyReport lastReport;

    // State of one run.
    ApplyReport report;
    QString ns;
    QList<AppRevision> revisions;
    RenderOptions renderOptions;
    QJsonObject liveAppDeployment; // before this run, empty when it did not exist
    QString liveUid; // the AppDeployment's uid before this run, empty when it did not exist
    QString uid;     // the AppDeployment's uid once applied
    RenderResult rendered;
    QList<QPair<ResourceType, QJsonObject>> liveObjects; // per rendered object (empty if absent)
    QSet<int> adopt;                                     // indexes of rendered objects to adopt
    QList<QPair<ResourceType, QJsonObject>> toPrune;
    bool appDeploymentWritten = false;

    StepResult& step(ApplyStep s) { return report.steps[int(s)]; }
    bool isCancelled() const { return cancelled.load(); }

    void begin(ApplyStep s, const QString& description)
    {
        step(s).state = StepResult::State::Running;
        Q_EMIT q->stepStarted(s, description);
    }
    void progress(ApplyStep s, const QString& message) { Q_EMIT q->stepProgress(s, message); }
    void finish(ApplyStep s, StepResult::State state, const QString& message)
    {
        step(s).state = state;
        step(s).message = message;
        Q_EMIT q->stepFinished(step(s));
    }

    ApplyReport execute();
    std::optional<StepError> validateStep();
    std::optional<StepError> dryRunStep();
    std::optional<StepError> appDeploymentStep();
    std::optional<StepError> applyRole(ApplyStep s, RenderedObject::Role role);
    std::optional<StepError> readinessStep();
    std::optional<StepError> pruneStep();
    std::optional<StepError> statusStep();
    Status writeStatus(const QString& phase, const QString& conditionStatus, const QString& reason,
                       const QString& message);
    std::optional<StepError> adoptObject(int index, bool dryRun);

    Status cancelledStatus() const
    {
        return Status::error(Status::Kind::Cancelled, QStringLiteral("cancelled by the operator"),
                             {}, QStringLiteral("Cancelled"));
    }
    WriteOptions writeOptions(bool dryRun) const
    {
        WriteOptions w;
        w.dryRun = dryRun;
        // Ownership was checked before anything was written: VelaDesk is the authority for
        // the fields it sets on the objects it owns, so conflicts with other managers (e.g. a
        // hand edit) are taken back, correcting drift.
        w.force = true;
        w.fieldManager = options.fieldManager;
        return w;
    }
};

Applier::Applier(std::shared_ptr<Client> client, AppDeploymentPlan plan, ApplyOptions options,
                 QObject* parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<kube::rollout::ApplyStep>();
    qRegisterMetaType<kube::rollout::StepResult>();
    qRegisterMetaType<kube::rollout::ApplyReport>();
    d->client = std::move(client);
    d->plan = std::move(plan);
    d->options = std::move(options);
    d->q = this;
}

Applier::~Applier()
{
    if (d->worker.isRunning()) {
        d->cancelled = true;
        d->worker.waitForFinished();
    }
}

void Applier::start()
{
    if (d->running.exchange(true))
        return;
    d->cancelled = false;
    d->worker = QtConcurrent::run([this]() {
        const ApplyReport r = d->execute();
        {
            QMutexLocker lock(&d->mutex);
            d->lastReport = r;
        }
        d->running = false;
        Q_EMIT finished(r);
    });
}

ApplyReport Applier::run()
{
    if (d->running.exchange(true))
        return report();
    d->cancelled = false;
    const ApplyReport r = d->execute();
    {
        QMutexLocker lock(&d->mutex);
        d->lastReport = r;
    }
    d->running = false;
    Q_EMIT finished(r);
    return r;
}

void Applier::cancel()
{
    d->cancelled = true;
}

bool Applier::isRunning() const
{
    return d->running.load();
}

ApplyReport Applier::report() const
{
    QMutexLocker lock(&d->mutex);
    return d->lastReport;
}

ApplyReport Applier::Private::execute()
{
    report = ApplyReport{};
    for (ApplyStep s : allApplySteps())
        report.steps << StepResult{s, StepResult::State::NotRun, {}, {}};
    appDeploymentWritten = false;
    adopt.clear();
    liveObjects.clear();
    toPrune.clear();

    using StepFn = std::optional<StepError> (Private::*)();
    struct Entry
    {
        ApplyStep step;
        StepFn fn;
    };
    const QList<Entry> steps{{ApplyStep::Validate, &Private::validateStep},
                             {ApplyStep::DryRun, &Private::dryRunStep},
                             {ApplyStep::AppDeployment, &Private::appDeploymentStep},
                             {ApplyStep::Deployments, nullptr},
                             {ApplyStep::ReadinessGuard, &Private::readinessStep},
                             {ApplyStep::Services, nullptr},
                             {ApplyStep::VirtualService, nullptr},
                             {ApplyStep::Prune, &Private::pruneStep},
                             {ApplyStep::Status, &Private::statusStep}};
    for (const Entry& e : steps) {
        if (options.dryRun && int(e.step) > int(ApplyStep::DryRun)) {
            step(e.step).state = StepResult::State::Skipped;
            step(e.step).message = QStringLiteral("--dry-run");
            continue;
        }
        std::optional<StepError> err;
        if (isCancelled()) {
            err = StepError{cancelledStatus(), QStringLiteral("Cancelled")};
        } else if (e.step == ApplyStep::Deployments) {
            err = applyRole(e.step, RenderedObject::Role::Deployment);
        } else if (e.step == ApplyStep::Services) {
            err = applyRole(e.step, RenderedObject::Role::Service);
        } else if (e.step == ApplyStep::VirtualService) {
            err = applyRole(e.step, RenderedObject::Role::VirtualService);
        } else {
            err = (this->*e.fn)();
        }
        if (!err)
            continue;
        const bool wasCancelled = err->status.kind == Status::Kind::Cancelled;
        StepResult& sr = step(e.step);
        sr.state = wasCancelled ? StepResult::State::Cancelled : StepResult::State::Failed;
        sr.message = err->status.message;
        Q_EMIT q->stepFinished(sr);
        report.status = err->status;
        if (appDeploymentWritten) {
            QStringList done, notDone;
            for (const StepResult& s : report.steps)
                (s.state == StepResult::State::Done || s.state == StepResult::State::Skipped
                     ? done
                     : notDone)
                    << applyStepName(s.step);
            const QString msg =
                QStringLiteral("%1 failed: %2 (done: %3; not done: %4)")
                    .arg(applyStepName(e.step), err->status.toString(),
                         done.join(QStringLiteral(", ")), notDone.join(QStringLiteral(", ")));
            const Status st =
                writeStatus(QStringLiteral("Failed"), QStringLiteral("False"), err->reason, msg);
            if (!st.ok())
                progress(e.step,
                         QStringLiteral("could not write the Failed status: ") + st.toString());
        }
        return report;
    }
    return report;
}

std::optional<StepError> Applier::Private::validateStep()
{
    const ApplyStep s = ApplyStep::Validate;
    begin(s, QStringLiteral("read revisions and live objects, validate the plan, check ownership"));
    auto fail = [](Status st) { return StepError{std::move(st), QStringLiteral("Invalid")}; };
    auto invalid = [&](const QString& msg) {
        return fail(Status::error(Status::Kind::Invalid, msg,
                                  QStringLiteral("AppDeployment/") + plan.name,
                                  QStringLiteral("Invalid")));
    };
    if (!options.namespaceName.isEmpty() && !plan.namespaceName.isEmpty() &&
        options.namespaceName != plan.namespaceName)
        return invalid(QStringLiteral("the plan's namespace (%1) does not match --namespace %2")
                           .arg(plan.namespaceName, options.namespaceName));
    if (plan.name.isEmpty())
        return invalid(QStringLiteral("metadata.name: required"));
    ns = !plan.namespaceName.isEmpty()      ? plan.namespaceName
         : !options.namespaceName.isEmpty() ? options.namespaceName
                                            : client->defaultNamespace();
    plan.namespaceName = ns;
    if (Status st = checkAppDeploymentCrd(*client); !st)
        return fail(st);
    Result<QList<AppRevision>> revs = listRevisions(*client, ns);
    if (!revs)
        return fail(revs.status);
    revisions = revs.value;
    renderOptions = RenderOptions{};
    renderOptions.namespaceName = ns;
    {
        Result<Discovery> disc = await(client->discovery());
        if (!disc)
            return fail(disc.status);
        renderOptions.virtualServiceVersion = disc.value.firstServedVersion(
            QStringLiteral("networking.istio.io"), QStringLiteral("virtualservices"),
            {QStringLiteral("v1"), QStringLiteral("v1beta1")});
    }
    if (plan.traffic && renderOptions.virtualServiceVersion.isEmpty())
        return invalid(QStringLiteral(
            "the cluster serves no VirtualService (networking.istio.io v1 or v1beta1): "
            "install Istio's CRDs"));
    Result<QJsonObject> liveAd = await(client->get(ResourceType::appDeployments(), ns, plan.name));
    if (!liveAd && !liveAd.status.isNotFound())
        return fail(liveAd.status);
    liveAppDeployment = liveAd.ok() ? liveAd.value : QJsonObject();
    liveUid = metaString(liveAppDeployment, "uid");
    renderOptions.ownerUid = liveUid.isEmpty() ? RenderOptions::placeholderUid() : liveUid;
    rendered = render(plan, revisions, renderOptions);
    report.issues = rendered.issues;
    for (const Issue& i : rendered.issues)
        if (!i.isError())
            progress(s, i.toString());
    if (!rendered.ok()) {
        QStringList errors;
        for (const Issue& i : rendered.issues)
            if (i.isError())
                errors << i.field + QStringLiteral(": ") + i.message;
        Status st = Status::error(
            Status::Kind::Invalid,
            errors.size() == 1
                ? QStringLiteral("the plan is invalid, nothing was changed: ") + errors.first()
                : QStringLiteral("the plan is invalid (%1 errors), nothing was changed")
                      .arg(errors.size()),
            QStringLiteral("AppDeployment/") + plan.name, QStringLiteral("Invalid"));
        if (errors.size() > 1)
            st.details = errors;
        return fail(st);
    }

    // Ownership of every object to write.
    QStringList conflicts;
    for (int i = 0; i < rendered.objects.size(); ++i) {
        if (isCancelled())
            return StepError{cancelledStatus(), QStringLiteral("Cancelled")};
        const RenderedObject& o = rendered.objects.at(i);
        Result<QJsonObject> live = await(client->get(o.type, ns, o.name()));
        if (!live && !live.status.isNotFound())
            return fail(live.status);
        liveObjects << qMakePair(o.type, live.ok() ? live.value : QJsonObject());
        step(s).objects << o.displayName();
        if (!live.ok())
            continue;
        const Ownership own = ownershipOf(live.value, plan.name, liveUid);
        if (own.state == Ownership::State::ThisAppDeployment)
            continue;
        if (options.adopt) {
            adopt.insert(i);
            progress(s, QStringLiteral("%1 is owned by %2: adopting it (--adopt)")
                            .arg(o.displayName(), own.owner));
        } else {
            conflicts << QStringLiteral(
                             "%1 exists and is not owned by AppDeployment %2 (owner: %3)")
                             .arg(o.displayName(), plan.name, own.owner);
        }
    }
    if (!conflicts.isEmpty()) {
        const QString tail =
            QStringLiteral("not overwritten, nothing was changed (use --adopt to take over)");
        Status st = Status::error(
            Status::Kind::Invalid,
            conflicts.size() == 1
                ? conflicts.first() + QStringLiteral("; ") + tail
                : QStringLiteral("%1 objects exist that AppDeployment %2 does not own; %3")
                      .arg(conflicts.size())
                      .arg(plan.name, tail),
            QStringLiteral("AppDeployment/") + plan.name, QStringLiteral("OwnershipConflict"));
        if (conflicts.size() > 1)
            st.details = conflicts;
        return StepError{st, QStringLiteral("OwnershipConflict")};
    }

    // What this AppDeployment owns and the plan no longer names.
    if (!liveUid.isEmpty()) {
        QSet<QString> planned;
        for (const RenderedObject& o : rendered.objects)
            planned.insert(objectKey(o.type, o.name()));
        QList<ResourceType> types{ResourceType::deployments(), ResourceType::services()};
        if (!renderOptions.virtualServiceVersion.isEmpty())
            types.prepend(ResourceType::virtualServices(renderOptions.virtualServiceVersion));
        ListOptions lo;
        Result<QString> selector =
            LabelSelector().equals(key(labels::appDeployment), plan.name).toString();
        if (!selector)
            return fail(selector.status);
        lo.labelSelector = selector.value;
        for (const ResourceType& t : types) {
            Result<ObjectList> list = await(client->list(t, ns, lo));
            if (!list)
                return fail(list.status);
            for (const QJsonObject& o : list.value.items)
                if (!planned.contains(objectKey(t, metaString(o, "name"))) &&
                    ownershipOf(o, plan.name, liveUid).state == Ownership::State::ThisAppDeployment)
                    toPrune << qMakePair(t, o);
        }
    }
    finish(s, StepResult::State::Done,
           QStringLiteral("%1 objects planned, %2 to prune, %3 revisions known")
               .arg(rendered.objects.size())
               .arg(toPrune.size())
               .arg(revisions.size()));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::adoptObject(int index, bool dryRun)
{
    // Replace the owner references: drop other controllers (an object has one controller),
    // keep the rest, add ours. A JSON merge patch replaces the whole list.
    const RenderedObject& o = rendered.objects.at(index);
    const QJsonObject live = liveObjects.at(index).second;
    QJsonArray refs;
    for (const QJsonValue& v : live.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("ownerReferences"))
                                   .toArray())
        if (!v.toObject().value(QLatin1String("controller")).toBool())
            refs.append(v);
    for (const QJsonValue& v : o.object.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("ownerReferences"))
                                   .toArray())
        refs.append(v);
    const QJsonObject patch{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("ownerReferences"), refs},
                     {QStringLiteral("resourceVersion"), metaString(live, "resourceVersion")}}}};
    Request req;
    req.method = "PATCH";
    req.path = o.type.objectPath(ns, o.name());
    req.contentType = "application/merge-patch+json";
    req.body = QJsonDocument(patch).toJson(QJsonDocument::Compact);
    req.object = o.displayName();
    req.query.addQueryItem(QStringLiteral("fieldManager"), options.fieldManager);
    if (dryRun)
        req.query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    const Response r = await(client->send(req));
    if (!r.status)
        return StepError{r.status, QStringLiteral("AdoptFailed")};
    return std::nullopt;
}

std::optional<StepError> Applier::Private::dryRunStep()
{
    const ApplyStep s = ApplyStep::DryRun;
    begin(s, QStringLiteral("server-side dry-run of every object"));
    auto rejected = [](Status st) {
        return StepError{std::move(st), QStringLiteral("DryRunRejected")};
    };
    const QJsonObject ad = renderAppDeployment(plan, renderOptions);
    Result<QJsonObject> adDry =
        await(client->apply(ResourceType::appDeployments(), ns, ad, writeOptions(true)));
    if (!adDry)
        return rejected(adDry.status);
    step(s).objects << QStringLiteral("AppDeployment/") + plan.name;
    report.dryRunDiffs << diffObjects(ResourceType::appDeployments(), liveAppDeployment,
                                      adDry.value);
    // Render again with the uid the server gave (or will keep) so the dry-run sees the real
    // owner references.
    RenderOptions dryOptions = renderOptions;
    const QString dryUid = metaString(adDry.value, "uid");
    if (!dryUid.isEmpty())
        dryOptions.ownerUid = dryUid;
    const RenderResult dryRendered = render(plan, revisions, dryOptions);
    for (int i = 0; i < dryRendered.objects.size(); ++i) {
        if (isCancelled())
            return StepError{cancelledStatus(), QStringLiteral("Cancelled")};
        const RenderedObject& o = dryRendered.objects.at(i);
        if (adopt.contains(i)) {
            // The owner reference rewrite and the apply cannot be chained in one dry-run:
            // check the rewrite only.
            if (auto err = adoptObject(i, true))
                return rejected(err->status);
            progress(s, o.displayName() + QStringLiteral(": adoption accepted (dry-run)"));
            continue;
        }
        Result<QJsonObject> r = await(client->apply(o.type, ns, o.object, writeOptions(true)));
        if (!r)
            return rejected(r.status);
        report.dryRunDiffs << diffObjects(o.type, liveObjects.at(i).second, r.value);
        step(s).objects << o.displayName();
        progress(s, o.displayName() + QStringLiteral(": accepted"));
    }
    for (const auto& [type, obj] : toPrune) {
        DeleteOptions del;
        del.dryRun = true;
        del.preconditionUid = metaString(obj, "uid");
        const Status st = await(client->remove(type, ns, metaString(obj, "name"), del));
        if (!st.ok() && !st.isNotFound())
            return rejected(st);
        report.dryRunDiffs << diffObjects(type, obj, {});
    }
    finish(s, StepResult::State::Done,
           QStringLiteral("%1 objects accepted, %2 deletions accepted")
               .arg(dryRendered.objects.size() + 1)
               .arg(toPrune.size()));
    return std::nullopt;
}

Status Applier::Private::writeStatus(const QString& phase, const QString& conditionStatus,
                                     const QString& reason, const QString& message)
{
    AppDeploymentStatus st;
    st.phase = phase;
    st.conditions << Condition{kConditionType, conditionStatus, reason, message, now()};
    if (phase == QLatin1String("Completed"))
        for (const RevisionPlacement& r : plan.appRevisions)
            st.placement << PlacementStatus{r.revisionName,
                                            {PlacementStatus::Cluster{QString(), r.replicas()}}};
    const QJsonObject body{
        {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("AppDeployment")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), plan.name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("status"), st.toJson()}};
    Result<QJsonObject> r =
        await(client->applyStatus(ResourceType::appDeployments(), ns, body, writeOptions(false)));
    return r.status;
}

std::optional<StepError> Applier::Private::appDeploymentStep()
{
    const ApplyStep s = ApplyStep::AppDeployment;
    begin(s, QStringLiteral("apply the AppDeployment, phase Rolling"));
    const QJsonObject ad = renderAppDeployment(plan, renderOptions);
    Result<QJsonObject> r =
        await(client->apply(ResourceType::appDeployments(), ns, ad, writeOptions(false)));
    if (!r)
        return StepError{r.status, QStringLiteral("ApplyFailed")};
    appDeploymentWritten = true;
    uid = metaString(r.value, "uid");
    // Server-side apply leaves fields that another manager set (e.g. `traffic` written by a
    // client-side `kubectl apply`) even when the plan drops them: the stored plan must be
    // exactly this one, so replace the spec's top-level fields with a merge patch.
    const QJsonObject wanted = ad.value(QLatin1String("spec")).toObject();
    const QJsonObject stored = r.value.value(QLatin1String("spec")).toObject();
    if (stored != wanted) {
        QJsonObject specPatch = wanted;
        for (auto it = stored.begin(); it != stored.end(); ++it)
            if (!wanted.contains(it.key()))
                specPatch.insert(it.key(), QJsonValue::Null);
        Request req;
        req.method = "PATCH";
        req.path = ResourceType::appDeployments().objectPath(ns, plan.name);
        req.contentType = "application/merge-patch+json";
        req.body = QJsonDocument(QJsonObject{{QStringLiteral("spec"), specPatch}})
                       .toJson(QJsonDocument::Compact);
        req.object = QStringLiteral("AppDeployment/") + plan.name;
        req.query.addQueryItem(QStringLiteral("fieldManager"), options.fieldManager);
        const Response pr = await(client->send(req));
        if (!pr.status)
            return StepError{pr.status, QStringLiteral("ApplyFailed")};
        progress(s, QStringLiteral("removed spec fields set by another field manager"));
    }
    step(s).objects << QStringLiteral("AppDeployment/") + plan.name;
    if (uid != liveUid) {
        // Created now (or recreated): owner references need the real uid.
        renderOptions.ownerUid = uid;
        rendered = render(plan, revisions, renderOptions);
    }
    const Status st =
        writeStatus(QStringLiteral("Rolling"), QStringLiteral("False"), QStringLiteral("Rolling"),
                    QStringLiteral("VelaDesk is applying the plan"));
    if (!st.ok())
        return StepError{st, QStringLiteral("StatusFailed")};
    finish(s, StepResult::State::Done,
           QStringLiteral("AppDeployment/%1 %2 (uid %3), phase Rolling")
               .arg(plan.name,
                    liveUid.isEmpty() ? QStringLiteral("created") : QStringLiteral("updated"),
                    uid));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::applyRole(ApplyStep s, RenderedObject::Role role)
{
    const QString what = role == RenderedObject::Role::Deployment ? QStringLiteral("Deployments")
                         : role == RenderedObject::Role::Service  ? QStringLiteral("Services")
                                                                 : QStringLiteral("VirtualService");
    begin(s, QStringLiteral("server-side apply of the ") + what);
    int count = 0;
    for (int i = 0; i < rendered.objects.size(); ++i) {
        const RenderedObject& o = rendered.objects.at(i);
        if (o.role != role)
            continue;
        if (isCancelled())
            return StepError{cancelledStatus(), QStringLiteral("Cancelled")};
        if (adopt.contains(i)) {
            if (auto err = adoptObject(i, false))
                return err;
            progress(s, o.displayName() + QStringLiteral(": adopted"));
        }
        Result<QJsonObject> r = await(client->apply(o.type, ns, o.object, writeOptions(false)));
        if (!r)
            return StepError{r.status, QStringLiteral("ApplyFailed")};
        step(s).objects << o.displayName();
        progress(s, o.displayName() + QStringLiteral(": applied"));
        ++count;
    }
    if (count == 0) {
        finish(s, StepResult::State::Skipped,
               role == RenderedObject::Role::VirtualService
                   ? QStringLiteral("no traffic in the plan")
                   : QStringLiteral("nothing to apply"));
        return std::nullopt;
    }
    finish(s, StepResult::State::Done,
           QStringLiteral("%1 applied: %2")
               .arg(count)
               .arg(step(s).objects.join(QStringLiteral(", "))));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::readinessStep()
{
    const ApplyStep s = ApplyStep::ReadinessGuard;
    begin(s, QStringLiteral("wait for a ready replica of every revision that gets traffic"));
    // The Deployments behind targets with weight > 0.
    QStringList waitFor;
    if (plan.traffic)
        for (const HttpRule& rule : plan.traffic->http)
            for (const WeightedTarget& t : rule.weightedTargets) {
                const QString dn = deploymentName(t.componentName, t.revisionName);
                if (t.weight > 0 && !waitFor.contains(dn))
                    waitFor << dn;
            }
    if (waitFor.isEmpty()) {
        finish(s, StepResult::State::Skipped, QStringLiteral("no revision gets traffic"));
        return std::nullopt;
    }
    if (options.force) {
        finish(
            s, StepResult::State::Skipped,
            QStringLiteral("--force: not waiting for %1").arg(waitFor.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    QElapsedTimer timer;
    timer.start();
    QStringList pending = waitFor;
    QMap<QString, QString> lastState;
    while (true) {
        QStringList still;
        for (const QString& dn : pending) {
            Result<QJsonObject> dep = await(client->get(ResourceType::deployments(), ns, dn));
            if (!dep)
                return StepError{dep.status, QStringLiteral("ReadinessCheckFailed")};
            const QJsonObject st = dep.value.value(QLatin1String("status")).toObject();
            const int ready = st.value(QLatin1String("readyReplicas")).toInt();
            if (ready >= 1) {
                progress(s, QStringLiteral("Deployment/%1: %2 ready").arg(dn).arg(ready));
                step(s).objects << QStringLiteral("Deployment/") + dn;
                continue;
            }
            still << dn;
            const QString state = QStringLiteral("%1/%2 ready")
                                      .arg(ready)
                                      .arg(dep.value.value(QLatin1String("spec"))
                                               .toObject()
                                               .value(QLatin1String("replicas"))
                                               .toInt());
            if (lastState.value(dn) != state)
                progress(s, QStringLiteral("Deployment/%1: waiting, %2").arg(dn, state));
            lastState[dn] = state;
        }
        pending = still;
        if (pending.isEmpty())
            break;
        if (timer.elapsed() >= options.readinessTimeout.count()) {
            QStringList details;
            for (const QString& dn : pending)
                details << QStringLiteral("Deployment/%1 (%2)").arg(dn, lastState.value(dn));
            return StepError{
                Status::error(Status::Kind::Transport,
                              QStringLiteral("no ready replica within %1 s: %2; traffic was not "
                                             "switched (use --force to route anyway)")
                                  .arg(options.readinessTimeout.count() / 1000)
                                  .arg(details.join(QStringLiteral(", "))),
                              {}, QStringLiteral("ReadinessTimeout")),
                QStringLiteral("ReadinessTimeout")};
        }
        // Sleep in small slices so cancel() is honoured quickly.
        QElapsedTimer nap;
        nap.start();
        while (nap.elapsed() < options.pollInterval.count()) {
            if (isCancelled())
                return StepError{cancelledStatus(), QStringLiteral("Cancelled")};
            QThread::msleep(50);
        }
    }
    finish(s, StepResult::State::Done,
           QStringLiteral("ready: %1").arg(waitFor.join(QStringLiteral(", "))));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::pruneStep()
{
    const ApplyStep s = ApplyStep::Prune;
    begin(s, QStringLiteral("delete what this AppDeployment owns and the plan no longer names"));
    if (toPrune.isEmpty()) {
        finish(s, StepResult::State::Skipped, QStringLiteral("nothing to prune"));
        return std::nullopt;
    }
    // Order: VirtualService (traffic removed), Services, then Deployments; the routing was
    // already switched away from removed revisions in the VirtualService step.
    auto rank = [](const ResourceType& t) {
        return t.kind == QLatin1String("VirtualService") ? 0
               : t.kind == QLatin1String("Service")      ? 1
                                                         : 2;
    };
    QList<QPair<ResourceType, QJsonObject>> ordered = toPrune;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    for (const auto& [type, obj] : ordered) {
        if (isCancelled())
            return StepError{cancelledStatus(), QStringLiteral("Cancelled")};
        DeleteOptions del;
        del.propagationPolicy = QStringLiteral("Background");
        del.preconditionUid = metaString(obj, "uid");
        const QString name = metaString(obj, "name");
        const Status st = await(client->remove(type, ns, name, del));
        if (!st.ok() && !st.isNotFound())
            return StepError{st, QStringLiteral("PruneFailed")};
        step(s).objects << objectKey(type, name);
        progress(s, objectKey(type, name) + QStringLiteral(": deleted"));
    }
    finish(s, StepResult::State::Done,
           QStringLiteral("deleted: ") + step(s).objects.join(QStringLiteral(", ")));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::statusStep()
{
    const ApplyStep s = ApplyStep::Status;
    begin(s, QStringLiteral("phase Completed"));
    QStringList parts;
    for (const RevisionPlacement& r : plan.appRevisions)
        parts << QStringLiteral("%1: %2 replicas, weight %3")
                     .arg(r.revisionName)
                     .arg(r.replicas())
                     .arg(plan.weightsByRevision().value(r.revisionName));
    const Status st = writeStatus(QStringLiteral("Completed"), QStringLiteral("True"),
                                  QStringLiteral("Completed"),
                                  parts.isEmpty() ? QStringLiteral("no revisions deployed")
                                                  : parts.join(QStringLiteral("; ")));
    if (!st.ok())
        return StepError{st, QStringLiteral("StatusFailed")};
    step(s).objects << QStringLiteral("AppDeployment/") + plan.name;
    finish(s, StepResult::State::Done, QStringLiteral("phase Completed"));
    return std::nullopt;
}

} // namespace kube::rollout
