#include "kube/rollout/objecttree.h"

#include "kube/rollout/application.h"
#include "kube/rollout/render.h"

#include <QJsonArray>
#include <algorithm>

namespace kube::rollout {

namespace {

int kindRank(const QString& kind)
{
    static const QHash<QString, int> order = [] {
        QHash<QString, int> h;
        int i = 0;
        for (const char* k :
             {"ApplicationRevision", "AppDeployment", "Deployment", "ReplicaSet", "Pod", "Gateway",
              "Service", "EndpointSlice", "VirtualService", "HTTPRoute"})
            h.insert(QLatin1String(k), i++);
        return h;
    }();
    return order.value(kind, int(order.size()));
}

// By kind, then name, then key; each node's rank is looked up once (a namespace's pods are
// thousands of siblings).
void sortChildren(QList<TreeNode>& nodes)
{
    if (nodes.size() < 2)
        return;
    QList<std::pair<int, qsizetype>> order;
    order.reserve(nodes.size());
    for (qsizetype i = 0; i < nodes.size(); ++i)
        order.append({kindRank(nodes[i].kind), i});
    std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first)
            return a.first < b.first;
        const TreeNode& x = nodes[a.second];
        const TreeNode& y = nodes[b.second];
        if (x.name != y.name)
            return x.name < y.name;
        return x.key < y.key;
    });
    QList<TreeNode> sorted;
    sorted.reserve(nodes.size());
    for (const auto& o : order)
        sorted.append(std::move(nodes[o.second]));
    nodes = std::move(sorted);
}

Health finish(TreeNode& node)
{
    sortChildren(node.children);
    Health w = node.health.health == Health::NotChecked ? Health::Healthy : node.health.health;
    for (TreeNode& c : node.children)
        w = worse(w, finish(c));
    node.worst = w;
    return w;
}

TreeNode objectNode(const QString& kind, const QString& apiVersion, const ObjectMeta& meta,
                    HealthState health, QString info)
{
    TreeNode n;
    n.key = kind + QLatin1Char('/') + meta.name;
    n.kind = kind;
    n.apiVersion = apiVersion;
    n.name = meta.name;
    n.uid = meta.uid;
    n.resourceVersion = meta.resourceVersion;
    n.created = meta.created;
    n.health = std::move(health);
    n.info = std::move(info);
    return n;
}

TreeNode missingNode(const QString& kind, const QString& apiVersion, const QString& name,
                     HealthState health)
{
    TreeNode n;
    n.role = TreeNode::Role::Missing;
    n.key = QLatin1Char('!') + kind + QLatin1Char('/') + name;
    n.kind = kind;
    n.apiVersion = apiVersion;
    n.name = name;
    n.health = std::move(health);
    n.info = ktr("kube::rollout", "not found");
    return n;
}

// A reference to an object that is shown (or could be looked at) elsewhere.
TreeNode linkNode(const TreeNode& target, const QString& namespaceName, QString info)
{
    TreeNode n = target;
    n.children.clear();
    n.role = TreeNode::Role::Link;
    n.namespaceName = namespaceName;
    n.key = QStringLiteral("->") + target.kind + QLatin1Char('/') + target.name +
            (namespaceName.isEmpty() ? QString() : QLatin1Char('@') + namespaceName);
    n.info = std::move(info);
    return n;
}

// "1 ready endpoint", "2 ready endpoints" (in the user's language)
QString readyEndpoints(qsizetype n)
{
    return n == 1 ? ktr("kube::rollout", "1 ready endpoint")
                  : ktr("kube::rollout", "%1 ready endpoints").arg(n);
}

// "1 replica", "3 replicas"
QString replicasText(qsizetype n)
{
    return n == 1 ? ktr("kube::rollout", "1 replica") : ktr("kube::rollout", "%1 replicas").arg(n);
}

HealthState hs(Health h, const QString& reason, const QString& message)
{
    return HealthState{h, reason, message};
}

// Combines a node's own health with problems found in its relations: the worst wins; the
// messages of everything at that level are joined.
HealthState combine(const HealthState& own, const QList<HealthState>& problems)
{
    Health w = own.health;
    for (const HealthState& p : problems)
        w = worse(w, p.health);
    if (w == own.health && !isUnhealthy(w) && w != Health::Progressing)
        return own;
    QStringList reasons, messages;
    for (const HealthState& s : QList<HealthState>{own} + problems) {
        if (s.health != w)
            continue;
        if (!s.reason.isEmpty() && !reasons.contains(s.reason))
            reasons << s.reason;
        if (!s.message.isEmpty())
            messages << s.message;
    }
    return HealthState{w, reasons.join(QLatin1Char(',')), messages.join(QStringLiteral("; "))};
}

class Builder
{
public:
    Builder(const QString& app, const InspectedObjects& in, const PodIndex& pods,
            const TreeOptions& options)
        : m_app(app), m_in(in), m_pods(pods), m_options(options)
    {
    }

    TreeNode build();

private:
    bool revisionOfApp(const QString& revision) const
    {
        return !revision.isEmpty() &&
               (m_revNames.contains(revision) || revisionNumberOf(revision, m_app) > 0);
    }
    // The AppDeployment (of this application) that owns an object, by owner reference or label.
    QString ownerAd(const ObjectMeta& meta) const
    {
        for (const OwnerRef& o : meta.owners)
            if (o.kind == QLatin1String("AppDeployment") && m_adUids.contains(o.uid))
                return m_adUids.value(o.uid);
        const QString label = meta.label(labels::appDeployment);
        return m_adNames.contains(label) ? label : QString();
    }
    bool belongs(const ObjectMeta& meta, const QString& revision) const
    {
        return meta.label(labels::appName) == m_app || revisionOfApp(revision) ||
               !ownerAd(meta).isEmpty();
    }
    void place(TreeNode node, const QString& ad)
    {
        if (!ad.isEmpty() && m_adNodes.contains(ad))
            m_adNodes[ad].children << std::move(node);
        else
            m_root.children << std::move(node);
    }

    TreeNode deploymentNode(const DeploymentState& d) const;
    TreeNode replicaSetNode(const ReplicaSetState& r) const;
    TreeNode podNode(const PodState& p) const;
    TreeNode serviceNode(const ServiceState& s);
    TreeNode routeNode(const QString& kind, const QString& apiVersion, const ObjectMeta& meta,
                       const HealthState& own, const QString& info,
                       const QList<RouteBackend>& backends, const QList<ParentGateway>& gateways,
                       bool istio);

    const QString& m_app;
    const InspectedObjects& m_in;
    const PodIndex& m_pods;
    TreeOptions m_options;
    QSet<QString> m_revNames;
    QHash<QString, QString> m_adUids; // uid -> name
    QSet<QString> m_adNames;
    QMap<QString, TreeNode> m_adNodes;
    QHash<QString, QList<const ReplicaSetState*>> m_rsByOwner;
    QHash<QString, QList<const EndpointSliceState*>> m_slicesByService;
    QHash<QString, TreeNode> m_serviceNodes; // by name, once built (for the route links)
    QHash<QString, int> m_readyEndpoints;    // by Service name
    TreeNode m_root;
};

TreeNode Builder::podNode(const PodState& p) const
{
    QString info = ktr("kube::rollout", "%1, %2/%3 ready, %4 restarts")
                       .arg(p.displayStatus())
                       .arg(p.readyContainers())
                       .arg(p.appContainers())
                       .arg(p.restarts());
    if (!p.node.isEmpty())
        info += ktr("kube::rollout", ", node %1").arg(p.node);
    return objectNode(QStringLiteral("Pod"), QStringLiteral("v1"), p.meta, p.health(), info);
}

TreeNode Builder::replicaSetNode(const ReplicaSetState& r) const
{
    QString info = ktr("kube::rollout", "%1/%2 ready").arg(r.readyReplicas).arg(r.replicas);
    if (!r.revision.isEmpty())
        info += ktr("kube::rollout", ", revision %1").arg(r.revision);
    TreeNode n = objectNode(QStringLiteral("ReplicaSet"), QStringLiteral("apps/v1"), r.meta,
                            r.health(), info);
    const QList<const PodState*> owned = m_pods.ownedBy(r.meta.uid);
    n.children.reserve(owned.size());
    for (const PodState* p : owned)
        n.children << podNode(*p);
    return n;
}

TreeNode Builder::deploymentNode(const DeploymentState& d) const
{
    QString info = ktr("kube::rollout", "%1/%2 ready").arg(d.readyReplicas).arg(d.replicas);
    if (const QString rev = d.meta.label(labels::appRevision); !rev.isEmpty())
        info += QStringLiteral(", ") + rev;
    TreeNode n = objectNode(QStringLiteral("Deployment"), QStringLiteral("apps/v1"), d.meta,
                            d.health(), info);
    for (const ReplicaSetState* r : m_rsByOwner.value(d.meta.uid))
        n.children << replicaSetNode(*r);
    return n;
}

TreeNode Builder::serviceNode(const ServiceState& s)
{
    int ready = 0, notReady = 0;
    const QList<const EndpointSliceState*> slices = m_slicesByService.value(s.meta.name);
    for (const EndpointSliceState* e : slices) {
        ready += e->readyCount();
        notReady += e->notReadyCount();
    }
    m_readyEndpoints.insert(s.meta.name, ready);

    QStringList ports;
    for (const ServicePort& p : s.ports)
        ports << QString::number(p.port);
    QString info = readyEndpoints(ready);
    if (notReady > 0)
        info += ktr("kube::rollout", ", %1 not ready").arg(notReady);
    if (!ports.isEmpty())
        info += ktr("kube::rollout", ", port %1").arg(ports.join(QLatin1Char(',')));

    HealthState health;
    QList<TreeNode> notes;
    if (s.meta.deleting) {
        health = hs(Health::Progressing, QStringLiteral("Deleting"),
                    ktr("kube::rollout", "Pending deletion"));
    } else if (s.selectsPods()) {
        const QList<const PodState*> selected = m_pods.selectedBy(s.selector);
        if (selected.isEmpty()) {
            health = hs(Health::Degraded, QStringLiteral("NoPodsSelected"),
                        ktr("kube::rollout", "the selector %1 matches no pod")
                            .arg(selectorText(s.selector)));
            TreeNode note;
            note.role = TreeNode::Role::Note;
            note.key = QStringLiteral("#no-pods");
            note.name = ktr("kube::rollout", "no pod matches the selector");
            note.health = health;
            note.info = ktr("kube::rollout", "selector %1").arg(selectorText(s.selector));
            notes << note;
        } else if (ready == 0) {
            const bool anyReadyPod = std::any_of(selected.begin(), selected.end(),
                                                 [](const PodState* p) { return p->ready; });
            const bool anyStarting =
                std::any_of(selected.begin(), selected.end(), [](const PodState* p) {
                    return p->health().health == Health::Progressing;
                });
            const qsizetype n = selected.size();
            if (anyReadyPod)
                health = hs(Health::Progressing, QStringLiteral("EndpointsNotPublished"),
                            ktr("kube::rollout",
                                "%1 pod(s) selected, none is a ready endpoint yet (ready "
                                "pods not in an EndpointSlice)")
                                .arg(n));
            else if (anyStarting)
                health = hs(Health::Progressing, QStringLiteral("NoReadyEndpoints"),
                            ktr("kube::rollout",
                                "%1 pod(s) selected, none is a ready endpoint yet (pods "
                                "starting)")
                                .arg(n));
            else
                health =
                    hs(Health::Degraded, QStringLiteral("NoReadyEndpoints"),
                       ktr("kube::rollout", "%1 pod(s) selected, none is a ready endpoint").arg(n));
        }
        info += selected.size() == 1
                    ? ktr("kube::rollout", ", selects 1 pod")
                    : ktr("kube::rollout", ", selects %1 pods").arg(selected.size());
    } else {
        info += ktr("kube::rollout", ", no selector");
    }
    TreeNode n = objectNode(QStringLiteral("Service"), QStringLiteral("v1"), s.meta, health, info);
    for (const EndpointSliceState* e : slices) {
        const int r = e->readyCount(), nr = e->notReadyCount();
        HealthState eh;
        if (e->meta.deleting)
            eh = hs(Health::Progressing, QStringLiteral("Deleting"),
                    ktr("kube::rollout", "Pending deletion"));
        else if (r == 0 && nr > 0)
            eh = hs(health.health == Health::Degraded ? Health::Degraded : Health::Progressing,
                    QStringLiteral("NoReadyEndpoints"),
                    ktr("kube::rollout", "%1 endpoint(s), none ready").arg(nr));
        n.children << objectNode(QStringLiteral("EndpointSlice"),
                                 QStringLiteral("discovery.k8s.io/v1"), e->meta, eh,
                                 ktr("kube::rollout", "%1 ready, %2 not ready").arg(r).arg(nr));
    }
    n.children << notes;
    m_serviceNodes.insert(s.meta.name, n);
    return n;
}

TreeNode Builder::routeNode(const QString& kind, const QString& apiVersion, const ObjectMeta& meta,
                            const HealthState& own, const QString& info,
                            const QList<RouteBackend>& backends,
                            const QList<ParentGateway>& gateways, bool istio)
{
    TreeNode n = objectNode(kind, apiVersion, meta, {}, info);
    QList<HealthState> problems;
    for (const ParentGateway& g : gateways) {
        const QString gwApi = istio ? QStringLiteral("networking.istio.io/v1")
                                    : QStringLiteral("gateway.networking.k8s.io/v1");
        if (!g.namespaceName.isEmpty() || g.kind != QLatin1String("Gateway") ||
            (istio ? !m_in.istioGatewaysServed : !m_in.gatewayApiServed)) {
            TreeNode t;
            t.kind = g.kind;
            t.apiVersion = gwApi;
            t.name = g.name;
            t.health =
                hs(Health::NotChecked, {},
                   !g.namespaceName.isEmpty()
                       ? ktr("kube::rollout", "in namespace %1: not inspected").arg(g.namespaceName)
                   : g.kind != QLatin1String("Gateway")
                       ? ktr("kube::rollout", "a %1: not inspected").arg(g.kind)
                       : ktr("kube::rollout", "this cluster does not serve the Gateway kind"));
            n.children << linkNode(t, g.namespaceName, t.health.message);
            continue;
        }
        const QMap<QString, GatewayState>& map = istio ? m_in.istioGateways : m_in.gateways;
        const auto it = map.constFind(g.name);
        if (it == map.cend()) {
            const HealthState missing =
                hs(Health::Missing, QStringLiteral("GatewayNotFound"),
                   ktr("kube::rollout", "Gateway %1 does not exist").arg(g.name));
            n.children << linkNode(missingNode(QStringLiteral("Gateway"), gwApi, g.name, missing),
                                   {}, ktr("kube::rollout", "not found"));
            problems << hs(
                Health::Degraded, missing.reason,
                ktr("kube::rollout", "attached to Gateway %1, which does not exist").arg(g.name));
            continue;
        }
        QString gInfo = it->istio ? it->listeners.join(QStringLiteral("; "))
                                  : ktr("kube::rollout", "class %1").arg(it->className);
        if (!g.sectionName.isEmpty())
            gInfo += ktr("kube::rollout", ", listener %1").arg(g.sectionName);
        TreeNode target = objectNode(QStringLiteral("Gateway"), gwApi, it->meta, it->health(), {});
        n.children << linkNode(target, {}, gInfo);
    }
    for (const RouteBackend& b : backends) {
        const QString weight = ktr("kube::rollout", "weight %1").arg(b.weight);
        if (b.external || !b.namespaceName.isEmpty() || b.kind != QLatin1String("Service") ||
            (!b.group.isEmpty())) {
            TreeNode t;
            t.kind = b.external ? QStringLiteral("Host") : b.kind;
            t.name = b.external ? b.host : b.name;
            t.health = hs(Health::NotChecked, {},
                          b.external ? ktr("kube::rollout", "outside the cluster: not inspected")
                                     : ktr("kube::rollout", "in namespace %1: not inspected")
                                           .arg(b.namespaceName.isEmpty() ? m_options.namespaceName
                                                                          : b.namespaceName));
            n.children << linkNode(t, b.namespaceName,
                                   ktr("kube::rollout", "%1, %2").arg(weight, t.health.message));
            continue;
        }
        const auto svc = m_serviceNodes.constFind(b.name);
        if (svc == m_serviceNodes.cend()) {
            TreeNode t =
                missingNode(QStringLiteral("Service"), QStringLiteral("v1"), b.name,
                            hs(Health::Missing, QStringLiteral("ServiceNotFound"),
                               ktr("kube::rollout", "Service %1 does not exist").arg(b.name)));
            n.children << linkNode(t, {}, weight + ktr("kube::rollout", ", not found"));
            problems << hs(
                Health::Degraded, QStringLiteral("BackendNotFound"),
                ktr("kube::rollout", "routes to Service %1, which does not exist").arg(b.name));
            continue;
        }
        const int ready = m_readyEndpoints.value(b.name);
        n.children << linkNode(*svc, {},
                               ktr("kube::rollout", "%1, %2").arg(weight, readyEndpoints(ready)));
        if (b.weight > 0 && ready == 0)
            problems << hs(
                Health::Degraded, QStringLiteral("NoReadyEndpoints"),
                ktr("kube::rollout", "gives weight %1 to Service %2, which has no ready endpoint")
                    .arg(b.weight)
                    .arg(b.name));
    }
    // Keys are unique among siblings: two destinations may name one Service differently
    // (svc and svc.ns.svc.cluster.local).
    QSet<QString> keys;
    for (TreeNode& c : n.children) {
        const QString base = c.key;
        for (int k = 2; keys.contains(c.key); ++k)
            c.key = base + QLatin1Char('#') + QString::number(k);
        keys.insert(c.key);
    }
    n.health = meta.deleting ? hs(Health::Progressing, QStringLiteral("Deleting"),
                                  ktr("kube::rollout", "Pending deletion"))
                             : combine(own, problems);
    return n;
}

TreeNode Builder::build()
{
    // The application's revisions and the AppDeployments that name them.
    QList<const AppRevisionState*> revisions;
    for (const AppRevisionState& r : m_in.revisions)
        if (r.appName == m_app)
            revisions << &r;
    std::sort(revisions.begin(), revisions.end(),
              [](const AppRevisionState* a, const AppRevisionState* b) {
                  return a->revision < b->revision;
              });
    for (const AppRevisionState* r : revisions)
        m_revNames.insert(r->meta.name);
    QList<const InspectedAppDeployment*> ads;
    for (const InspectedAppDeployment& a : m_in.appDeployments) {
        bool ours = false;
        for (const RevisionPlacement& rp : a.plan.appRevisions)
            ours = ours || revisionOfApp(rp.revisionName);
        for (const QString& rev : a.plan.weightsByRevision().keys())
            ours = ours || revisionOfApp(rev);
        if (ours || a.meta.label(labels::appName) == m_app) {
            ads << &a;
            m_adNames.insert(a.meta.name);
            if (!a.meta.uid.isEmpty())
                m_adUids.insert(a.meta.uid, a.meta.name);
        }
    }

    // Root.
    const auto app = m_in.applications.constFind(m_app);
    if (app == m_in.applications.cend()) {
        m_root = missingNode(QStringLiteral("Application"), QStringLiteral("core.oam.dev/v1beta1"),
                             m_app,
                             hs(Health::Missing, QStringLiteral("NotFound"),
                                ktr("kube::rollout", "Application %1 does not exist").arg(m_app)));
        m_root.key = QStringLiteral("Application/") + m_app;
    } else {
        m_root = objectNode(QStringLiteral("Application"), QStringLiteral("core.oam.dev/v1beta1"),
                            app->meta,
                            app->meta.deleting ? hs(Health::Progressing, QStringLiteral("Deleting"),
                                                    ktr("kube::rollout", "Pending deletion"))
                                               : HealthState::healthy(),
                            app->latestRevision.isEmpty()
                                ? ktr("kube::rollout", "no revision recorded")
                                : ktr("kube::rollout", "latest %1").arg(app->latestRevision));
    }

    // What the plans say per revision (for the revision rows).
    QHash<QString, QStringList> planned;
    for (const InspectedAppDeployment* a : ads) {
        const QMap<QString, int> weights = a->plan.weightsByRevision();
        for (const RevisionPlacement& rp : a->plan.appRevisions)
            planned[rp.revisionName] << ktr("kube::rollout", "%1: %2, weight %3")
                                            .arg(a->meta.name, replicasText(rp.replicas()))
                                            .arg(weights.value(rp.revisionName));
    }
    for (const AppRevisionState* r : revisions) {
        QString info = QStringLiteral("#%1").arg(r->revision);
        if (app != m_in.applications.cend() && app->latestRevision == r->meta.name)
            info += ktr("kube::rollout", " (latest)");
        if (!r->images.isEmpty())
            info += QStringLiteral(", ") + r->images.join(QLatin1Char(','));
        if (const QStringList p = planned.value(r->meta.name); !p.isEmpty())
            info += ktr("kube::rollout", ", in plan %1").arg(p.join(QStringLiteral("; ")));
        m_root.children << objectNode(
            QStringLiteral("ApplicationRevision"), QStringLiteral("core.oam.dev/v1beta1"), r->meta,
            r->meta.deleting ? hs(Health::Progressing, QStringLiteral("Deleting"),
                                  ktr("kube::rollout", "Pending deletion"))
                             : HealthState::healthy(),
            info);
    }
    for (const InspectedAppDeployment* a : ads) {
        TreeNode n = objectNode(QStringLiteral("AppDeployment"),
                                QStringLiteral("core.oam.dev/v1beta1"), a->meta, a->health(),
                                a->plan.status.phase.isEmpty() ? ktr("kube::rollout", "no status")
                                                               : a->plan.status.phase);
        m_adNodes.insert(a->meta.name, n);
    }

    for (const ReplicaSetState& r : m_in.replicaSets)
        if (const OwnerRef* c = r.meta.controller())
            m_rsByOwner[c->uid] << &r;
    for (const EndpointSliceState& e : m_in.endpointSlices)
        if (!e.serviceName.isEmpty())
            m_slicesByService[e.serviceName] << &e;

    // Deployments: the application's, and those its plans name.
    QHash<QString, QString> expectedDeployments; // name -> "AppDeployment/revision/replicas"
    QHash<QString, QString> expectedDeploymentAd;
    QHash<QString, QString> expectedServices; // name -> AppDeployment
    for (const InspectedAppDeployment* a : ads) {
        for (const RevisionPlacement& rp : a->plan.appRevisions) {
            const auto rev = m_in.revisions.constFind(rp.revisionName);
            if (rev == m_in.revisions.cend()) {
                m_adNodes[a->meta.name].children << missingNode(
                    QStringLiteral("ApplicationRevision"), QStringLiteral("core.oam.dev/v1beta1"),
                    rp.revisionName,
                    hs(Health::Missing, QStringLiteral("NotFound"),
                       ktr("kube::rollout", "the plan names revision %1, which does not exist")
                           .arg(rp.revisionName)));
                continue;
            }
            for (const QString& component : rev->components) {
                const QString name = deploymentName(component, rp.revisionName);
                expectedDeployments.insert(name,
                                           ktr("kube::rollout", "for revision %1 (%2)")
                                               .arg(rp.revisionName, replicasText(rp.replicas())));
                expectedDeploymentAd.insert(name, a->meta.name);
            }
        }
        if (a->plan.traffic)
            for (const HttpRule& rule : a->plan.traffic->http)
                for (const WeightedTarget& t : rule.weightedTargets)
                    expectedServices.insert(serviceName(t.revisionName, t.componentName, t.port),
                                            a->meta.name);
    }
    for (const DeploymentState& d : m_in.deployments) {
        const bool expected = expectedDeployments.contains(d.meta.name);
        if (!belongs(d.meta, d.meta.label(labels::appRevision)) && !expected)
            continue;
        QString ad = ownerAd(d.meta);
        if (ad.isEmpty() && expected && d.meta.owners.isEmpty())
            ad = expectedDeploymentAd.value(d.meta.name);
        TreeNode n = deploymentNode(d);
        if (!expected && !ad.isEmpty())
            n.info += ktr("kube::rollout", ", not in the plan");
        place(std::move(n), ad);
    }
    for (auto it = expectedDeployments.cbegin(); it != expectedDeployments.cend(); ++it) {
        if (m_in.deployments.contains(it.key()))
            continue;
        const QString ad = expectedDeploymentAd.value(it.key());
        const bool rolling =
            m_in.appDeployments.value(ad).plan.status.phase == QLatin1String("Rolling");
        place(missingNode(
                  QStringLiteral("Deployment"), QStringLiteral("apps/v1"), it.key(),
                  rolling
                      ? hs(Health::Progressing, QStringLiteral("NotCreatedYet"),
                           ktr("kube::rollout",
                               "planned %1; the apply in progress has not created it yet")
                               .arg(it.value()))
                      : hs(Health::Missing, QStringLiteral("NotFound"),
                           ktr("kube::rollout", "planned by AppDeployment %1 %2, does not exist")
                               .arg(ad, it.value()))),
              ad);
    }

    // Routes first decide which Services are the application's (a hand-written HTTPRoute to
    // the application's Services brings them in), then Services are built, then routes.
    auto routeBelongs = [&](const ObjectMeta& meta, const QList<RouteBackend>& backends) {
        if (belongs(meta, {}) || m_adNames.contains(meta.name))
            return true;
        for (const RouteBackend& b : backends) {
            if (!b.namespaceName.isEmpty() || b.external)
                continue;
            if (expectedServices.contains(b.name))
                return true;
            const auto s = m_in.services.constFind(b.name);
            if (s != m_in.services.cend() &&
                (belongs(s->meta, s->selector.value(key(labels::appRevision)))))
                return true;
            for (const QString& rev : std::as_const(m_revNames))
                if (b.name.startsWith(rev + QLatin1Char('-')))
                    return true;
        }
        return false;
    };
    QList<const VirtualServiceState*> vss;
    QList<const HTTPRouteState*> routes;
    QSet<QString> routedServices;
    for (const VirtualServiceState& v : m_in.virtualServices)
        if (routeBelongs(v.meta, v.destinations)) {
            vss << &v;
            for (const RouteBackend& b : v.destinations)
                if (b.namespaceName.isEmpty() && !b.external)
                    routedServices.insert(b.name);
        }
    for (const HTTPRouteState& h : m_in.httpRoutes)
        if (routeBelongs(h.meta, h.backends)) {
            routes << &h;
            for (const RouteBackend& b : h.backends)
                if (b.namespaceName.isEmpty() && b.kind == QLatin1String("Service") &&
                    b.group.isEmpty())
                    routedServices.insert(b.name);
        }

    for (const ServiceState& s : m_in.services) {
        const bool expected = expectedServices.contains(s.meta.name);
        if (!belongs(s.meta, s.selector.value(key(labels::appRevision))) && !expected &&
            !routedServices.contains(s.meta.name))
            continue;
        QString ad = ownerAd(s.meta);
        if (ad.isEmpty() && expected && s.meta.owners.isEmpty())
            ad = expectedServices.value(s.meta.name);
        place(serviceNode(s), ad);
    }
    for (auto it = expectedServices.cbegin(); it != expectedServices.cend(); ++it) {
        if (m_in.services.contains(it.key()))
            continue;
        const bool rolling =
            m_in.appDeployments.value(it.value()).plan.status.phase == QLatin1String("Rolling");
        place(missingNode(
                  QStringLiteral("Service"), QStringLiteral("v1"), it.key(),
                  rolling ? hs(Health::Progressing, QStringLiteral("NotCreatedYet"),
                               ktr("kube::rollout", "the apply in progress has not created it yet"))
                          : hs(Health::Missing, QStringLiteral("NotFound"),
                               ktr("kube::rollout",
                                   "planned by AppDeployment %1 for its traffic, does not exist")
                                   .arg(it.value()))),
              it.value());
    }

    for (const VirtualServiceState* v : vss) {
        QString ad = ownerAd(v->meta);
        if (ad.isEmpty() && m_adNames.contains(v->meta.name) && v->meta.owners.isEmpty())
            ad = v->meta.name;
        place(routeNode(QStringLiteral("VirtualService"), QStringLiteral("networking.istio.io/v1"),
                        v->meta, HealthState::healthy(),
                        ktr("kube::rollout", "hosts %1").arg(v->hosts.join(QLatin1Char(','))),
                        v->destinations, v->gateways, true),
              ad);
    }
    for (const HTTPRouteState* h : routes) {
        const QString ad = ownerAd(h->meta);
        place(routeNode(QStringLiteral("HTTPRoute"), QStringLiteral("gateway.networking.k8s.io/v1"),
                        h->meta, h->health(),
                        h->hostnames.isEmpty() ? ktr("kube::rollout", "any hostname")
                                               : ktr("kube::rollout", "hostnames %1")
                                                     .arg(h->hostnames.join(QLatin1Char(','))),
                        h->backends, h->parents, false),
              ad);
    }

    for (auto it = m_adNodes.begin(); it != m_adNodes.end(); ++it)
        m_root.children << std::move(*it);
    finish(m_root);
    return m_root;
}

QString oneLine(QString text)
{
    // Terminal safety: server text must not move the cursor or change colours.
    for (QChar& c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\r' || u == u'\t')
            c = QLatin1Char(' ');
        else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            c = QChar(0xfffd);
    }
    return text;
}

QString roleName(TreeNode::Role role)
{
    switch (role) {
    case TreeNode::Role::Object:
        return QStringLiteral("object");
    case TreeNode::Role::Link:
        return QStringLiteral("link");
    case TreeNode::Role::Missing:
        return QStringLiteral("missing");
    case TreeNode::Role::Note:
        return QStringLiteral("note");
    }
    return {};
}

void summarizeInto(const TreeNode& n, TreeSummary* s)
{
    // Links repeat an object shown elsewhere (or refer to a missing one, which makes the node
    // that refers to it unhealthy); notes explain their parent's health: neither is counted.
    if (n.role == TreeNode::Role::Object || n.role == TreeNode::Role::Missing) {
        ++s->nodes;
        s->counts[n.health.health] += 1;
        if (isUnhealthy(n.health.health))
            s->problems
                << QStringLiteral("%1/%2: %3").arg(n.kind, n.name, oneLine(n.health.toString()));
    }
    for (const TreeNode& c : n.children)
        summarizeInto(c, s);
}

QString nodeLabel(const TreeNode& n)
{
    if (n.role == TreeNode::Role::Note)
        return QLatin1Char('(') + n.name + QLatin1Char(')');
    QString label = n.kind + QLatin1Char('/') + n.name;
    if (!n.namespaceName.isEmpty())
        label += QStringLiteral(" (namespace ") + n.namespaceName + QLatin1Char(')');
    if (n.role == TreeNode::Role::Link)
        label = QStringLiteral("→ ") + label;
    return label;
}

struct TextRow
{
    QString name, health, age, info;
};

void textRows(const TreeNode& n, const QString& prefix, const QString& childPrefix,
              const QDateTime& now, QList<TextRow>* rows)
{
    QString health =
        n.health.health == Health::NotChecked ? QStringLiteral("-") : healthName(n.health.health);
    QString info = oneLine(n.info);
    if (n.health.health != Health::Healthy && n.health.health != Health::NotChecked &&
        (!n.health.reason.isEmpty() || !n.health.message.isEmpty())) {
        QString why = n.health.reason;
        if (!n.health.message.isEmpty())
            why += (why.isEmpty() ? QString() : QStringLiteral(": ")) + n.health.message;
        info += (info.isEmpty() ? QString() : QStringLiteral(" — ")) + oneLine(why);
    }
    rows->append(TextRow{prefix + oneLine(nodeLabel(n)), health,
                         n.role == TreeNode::Role::Object || n.role == TreeNode::Role::Link
                             ? shortAge(n.created, now)
                             : QString(),
                         info});
    for (qsizetype i = 0; i < n.children.size(); ++i) {
        const bool last = i == n.children.size() - 1;
        textRows(n.children[i], childPrefix + (last ? QStringLiteral("└─") : QStringLiteral("├─")),
                 childPrefix + (last ? QStringLiteral("  ") : QStringLiteral("│ ")), now, rows);
    }
}

QJsonObject nodeJson(const TreeNode& n, const QDateTime& now)
{
    QJsonObject o{{QStringLiteral("kind"), n.kind},
                  {QStringLiteral("name"), n.name},
                  {QStringLiteral("role"), roleName(n.role)},
                  {QStringLiteral("health"),
                   QJsonObject{{QStringLiteral("status"), healthName(n.health.health)},
                               {QStringLiteral("reason"), n.health.reason},
                               {QStringLiteral("message"), n.health.message}}},
                  {QStringLiteral("info"), n.info}};
    if (!n.apiVersion.isEmpty())
        o.insert(QStringLiteral("apiVersion"), n.apiVersion);
    if (!n.namespaceName.isEmpty())
        o.insert(QStringLiteral("namespace"), n.namespaceName);
    if (!n.uid.isEmpty())
        o.insert(QStringLiteral("uid"), n.uid);
    if (n.created.isValid()) {
        o.insert(QStringLiteral("creationTimestamp"), n.created.toString(Qt::ISODate));
        o.insert(QStringLiteral("age"), shortAge(n.created, now));
    }
    if (!n.children.isEmpty()) {
        QJsonArray children;
        for (const TreeNode& c : n.children)
            children.append(nodeJson(c, now));
        o.insert(QStringLiteral("children"), children);
    }
    return o;
}

void problemsJson(const TreeNode& n, const QString& path, QJsonArray* out)
{
    const QString here = path + QLatin1Char('/') + n.kind + QLatin1Char('/') + n.name;
    if ((n.role == TreeNode::Role::Object || n.role == TreeNode::Role::Missing) &&
        isUnhealthy(n.health.health))
        out->append(QJsonObject{{QStringLiteral("kind"), n.kind},
                                {QStringLiteral("name"), n.name},
                                {QStringLiteral("path"), here.mid(1)},
                                {QStringLiteral("health"), healthName(n.health.health)},
                                {QStringLiteral("reason"), n.health.reason},
                                {QStringLiteral("message"), n.health.message}});
    for (const TreeNode& c : n.children)
        problemsJson(c, here, out);
}

} // namespace

bool TreeNode::sameRow(const TreeNode& o) const
{
    return role == o.role && key == o.key && kind == o.kind && apiVersion == o.apiVersion &&
           name == o.name && namespaceName == o.namespaceName && uid == o.uid &&
           resourceVersion == o.resourceVersion && created == o.created && health == o.health &&
           info == o.info && worst == o.worst;
}

TreeNode buildObjectTree(const QString& appName, const InspectedObjects& objects,
                         const PodIndex& pods, const TreeOptions& options)
{
    return Builder(appName, objects, pods, options).build();
}

bool applicationExists(const QString& appName, const InspectedObjects& objects)
{
    if (objects.applications.contains(appName))
        return true;
    return std::any_of(objects.revisions.begin(), objects.revisions.end(),
                       [&](const AppRevisionState& r) { return r.appName == appName; });
}

QList<ObjectName> ownedObjects(const QString& uid, const InspectedObjects& objects,
                               const PodIndex& pods)
{
    QList<ObjectName> out;
    if (uid.isEmpty())
        return out;
    auto scan = [&](const auto& map, const char* kind, const char* apiVersion) {
        for (const auto& o : map)
            if (o.meta.ownedBy(uid))
                out << ObjectName{QLatin1String(kind), QLatin1String(apiVersion), o.meta.name};
    };
    scan(objects.revisions, "ApplicationRevision", "core.oam.dev/v1beta1");
    scan(objects.deployments, "Deployment", "apps/v1");
    scan(objects.replicaSets, "ReplicaSet", "apps/v1");
    scan(objects.services, "Service", "v1");
    scan(objects.endpointSlices, "EndpointSlice", "discovery.k8s.io/v1");
    scan(objects.virtualServices, "VirtualService", "networking.istio.io/v1");
    scan(objects.httpRoutes, "HTTPRoute", "gateway.networking.k8s.io/v1");
    for (const PodState* p : pods.ownedBy(uid))
        out << ObjectName{QStringLiteral("Pod"), QStringLiteral("v1"), p->meta.name};
    std::sort(out.begin(), out.end(), [](const ObjectName& a, const ObjectName& b) {
        const int ra = kindRank(a.kind), rb = kindRank(b.kind);
        return ra != rb ? ra < rb : a.name < b.name;
    });
    return out;
}

TreeSummary summarize(const TreeNode& root)
{
    TreeSummary s;
    summarizeInto(root, &s);
    return s;
}

Result<InspectedNamespace> readInspectedNamespace(Client& client, const QString& ns)
{
    Result<Discovery> discovery = client.discovery().result();
    if (!discovery.ok())
        return Result<InspectedNamespace>::failure(discovery.status);
    const Discovery& d = discovery.value;
    const QString vsVersion = d.firstServedVersion(
        QStringLiteral("networking.istio.io"), QStringLiteral("virtualservices"),
        {QStringLiteral("v1"), QStringLiteral("v1beta1"), QStringLiteral("v1alpha3")});
    const QString istioGwVersion = d.firstServedVersion(
        QStringLiteral("networking.istio.io"), QStringLiteral("gateways"),
        {QStringLiteral("v1"), QStringLiteral("v1beta1"), QStringLiteral("v1alpha3")});
    const bool gatewayApi = d.has(QStringLiteral("gateway.networking.k8s.io"), QStringLiteral("v1"),
                                  QStringLiteral("httproutes"));
    const bool appDeployments = d.has(QStringLiteral("core.oam.dev"), QStringLiteral("v1beta1"),
                                      QStringLiteral("appdeployments"));
    const bool kubeVela = d.has(QStringLiteral("core.oam.dev"), QStringLiteral("v1beta1"),
                                QStringLiteral("applications"));

    InspectedNamespace out;
    out.objects.istioGatewaysServed = !istioGwVersion.isEmpty();
    out.objects.gatewayApiServed = gatewayApi;
    struct Pending
    {
        ResourceType type;
        QFuture<Result<ObjectList>> list;
        std::function<void(const QJsonObject&)> put;
    };
    QList<Pending> lists;
    auto add = [&](bool served, const ResourceType& type, auto put) {
        if (served)
            lists << Pending{type, client.list(type, ns), put};
    };
    InspectedObjects& o = out.objects;
    add(kubeVela, ResourceType::applications(), [&o](const QJsonObject& j) {
        ApplicationState v = ApplicationState::fromJson(j);
        o.applications.insert(v.meta.name, v);
    });
    add(kubeVela, ResourceType::applicationRevisions(), [&o](const QJsonObject& j) {
        AppRevisionState v = AppRevisionState::fromJson(j);
        o.revisions.insert(v.meta.name, v);
    });
    add(appDeployments, ResourceType::appDeployments(), [&o](const QJsonObject& j) {
        InspectedAppDeployment v = InspectedAppDeployment::fromJson(j);
        o.appDeployments.insert(v.meta.name, v);
    });
    add(true, ResourceType::deployments(), [&o](const QJsonObject& j) {
        DeploymentState v = DeploymentState::fromJson(j);
        o.deployments.insert(v.meta.name, v);
    });
    add(true, ResourceType::replicaSets(), [&o](const QJsonObject& j) {
        ReplicaSetState v = ReplicaSetState::fromJson(j);
        o.replicaSets.insert(v.meta.name, v);
    });
    add(true, ResourceType::services(), [&o](const QJsonObject& j) {
        ServiceState v = ServiceState::fromJson(j);
        o.services.insert(v.meta.name, v);
    });
    add(true, ResourceType::endpointSlices(), [&o](const QJsonObject& j) {
        EndpointSliceState v = EndpointSliceState::fromJson(j);
        o.endpointSlices.insert(v.meta.name, v);
    });
    add(!vsVersion.isEmpty(), ResourceType::virtualServices(vsVersion), [&o](const QJsonObject& j) {
        VirtualServiceState v = VirtualServiceState::fromJson(j);
        o.virtualServices.insert(v.meta.name, v);
    });
    add(!istioGwVersion.isEmpty(), ResourceType::gateways(istioGwVersion),
        [&o](const QJsonObject& j) {
            GatewayState v = GatewayState::fromJson(j);
            o.istioGateways.insert(v.meta.name, v);
        });
    add(gatewayApi, ResourceType::httpRoutes(), [&o](const QJsonObject& j) {
        HTTPRouteState v = HTTPRouteState::fromJson(j);
        o.httpRoutes.insert(v.meta.name, v);
    });
    add(gatewayApi, ResourceType::gatewayApiGateways(), [&o](const QJsonObject& j) {
        GatewayState v = GatewayState::fromJson(j);
        o.gateways.insert(v.meta.name, v);
    });
    PodIndex& pods = out.pods;
    add(true, ResourceType::pods(),
        [&pods](const QJsonObject& j) { pods.put(PodState::fromJson(j)); });
    for (Pending& p : lists) {
        Result<ObjectList> r = p.list.result();
        if (!r.ok()) {
            Status s = r.status;
            if (s.object.isEmpty())
                s.object = p.type.resource;
            s.setMessage(tx("kube::rollout", "cannot list %1 in namespace %2: %3")
                             .arg(p.type.resource, ns, s.text()));
            return Result<InspectedNamespace>::failure(s);
        }
        for (const QJsonObject& j : r.value.items)
            p.put(j);
    }
    return Result<InspectedNamespace>::success(std::move(out));
}

QString shortAge(const QDateTime& since, const QDateTime& now)
{
    if (!since.isValid() || !now.isValid())
        return {};
    const qint64 s = std::max<qint64>(0, since.secsTo(now));
    if (s < 120)
        return QString::number(s) + QLatin1Char('s');
    if (s < 2 * 3600)
        return QString::number(s / 60) + QLatin1Char('m');
    if (s < 2 * 86400)
        return QString::number(s / 3600) + QLatin1Char('h');
    return QString::number(s / 86400) + QLatin1Char('d');
}

QString treeToText(const TreeNode& root, const QDateTime& now)
{
    QList<TextRow> rows{TextRow{QStringLiteral("NAME"), QStringLiteral("HEALTH"),
                                QStringLiteral("AGE"), QStringLiteral("INFO")}};
    textRows(root, {}, {}, now, &rows);
    qsizetype wName = 0, wHealth = 0, wAge = 0;
    for (const TextRow& r : rows) {
        wName = std::max(wName, r.name.size());
        wHealth = std::max(wHealth, r.health.size());
        wAge = std::max(wAge, r.age.size());
    }
    QString out;
    for (const TextRow& r : rows) {
        QString line = r.name.leftJustified(wName + 2) + r.health.leftJustified(wHealth + 2) +
                       r.age.leftJustified(wAge + 2) + r.info;
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out += line + QLatin1Char('\n');
    }
    const TreeSummary s = summarize(root);
    if (s.healthy())
        out += ktr("kube::rollout", "\n%1 objects, none unhealthy\n").arg(s.nodes);
    else
        out += ktr("kube::rollout", "\n%1 of %2 objects unhealthy:\n  %3\n")
                   .arg(s.problems.size())
                   .arg(s.nodes)
                   .arg(s.problems.join(QStringLiteral("\n  ")));
    return out;
}

QJsonObject treeToJson(const TreeNode& root, const TreeOptions& options, const QDateTime& now)
{
    const TreeSummary s = summarize(root);
    QJsonObject counts{{QStringLiteral("objects"), s.nodes}};
    for (auto it = s.counts.cbegin(); it != s.counts.cend(); ++it)
        counts.insert(healthName(it.key()), it.value());
    QJsonArray problems;
    problemsJson(root, {}, &problems);
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("veladesk.io/v1alpha1")},
                       {QStringLiteral("kind"), QStringLiteral("ObjectTree")},
                       {QStringLiteral("application"), root.name},
                       {QStringLiteral("namespace"), options.namespaceName},
                       {QStringLiteral("healthy"), s.healthy()},
                       {QStringLiteral("summary"), counts},
                       {QStringLiteral("problems"), problems},
                       {QStringLiteral("tree"), nodeJson(root, now)}};
}

} // namespace kube::rollout
