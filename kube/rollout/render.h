#pragma once
// Validation and rendering of a plan into Kubernetes objects. Pure functions, no I/O:
// the GUI calls them on every edit, the applier before sending anything.
//
// What is rendered (SEMANTICS.md, with VelaDesk's fixes):
//  - a Deployment per (revision in spec.appRevisions, webservice component of that revision),
//    named <component>-<last dash-token of the revision>, replicas from the placement, labels
//    app.oam.dev/{appDeployment,appRevision,component}, controller owner reference to the
//    AppDeployment. Its selector and pod template ALWAYS carry app.oam.dev/component and
//    app.oam.dev/appRevision (whatever addRevisionLabel says): the per-revision Service selects
//    on both, and two revisions' Deployments must not have overlapping selectors;
//  - a Service per distinct weighted target, <revision>-<component>-<port>, one TCP port,
//    selecting component AND revision;
//  - one VirtualService named after the AppDeployment when spec.traffic is set: hosts, gateways,
//    one http route per rule with its match kept, route destinations host=<service>,
//    weight, headers.response.set["x-veladesk-revision"]=<revision>.

#include "kube/resource.h"
#include "kube/rollout/application.h"
#include "kube/rollout/plan.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace kube::rollout {

struct Issue
{
    enum class Severity
    {
        Error,
        Warning
    };
    Severity severity = Severity::Error;
    QString field;   // e.g. "spec.traffic.http[0].weightedTargets[1].weight"
    QString message; // e.g. "weights of this rule sum to 90, must be exactly 100"
    bool isError() const { return severity == Severity::Error; }
    QString toString() const; // "error: <field>: <message>"
    bool operator==(const Issue&) const = default;
};

bool hasErrors(const QList<Issue>& issues);
QStringList issueMessages(const QList<Issue>& issues);

// Checks made before anything is sent:
//  - metadata.name present and a DNS-1123 subdomain; every revisionName of spec.appRevisions
//    exists in `revisions` and appears once; replicas >= 0; placement with a clusterSelector
//    naming a cluster: error (one cluster only);
//  - every component of a deployed revision has a supported type ("not supported: <type>");
//  - traffic: hosts non-empty; at least one http rule; each rule has targets; weights 0..100
//    and summing to exactly 100 per rule; each target's revision exists and has the component;
//    the port is one of the component's ports (warning otherwise); a target with weight > 0
//    needs replicas > 0 for its revision; no duplicate (revision, component, port) per rule.
// `revisions` are the ApplicationRevisions of the plan's namespace (any app).
QList<Issue> validate(const AppDeploymentPlan& plan, const QList<AppRevision>& revisions);

struct RenderOptions
{
    QString namespaceName = QStringLiteral("default"); // used when the plan has none
    // uid of the AppDeployment for owner references. Offline render uses this placeholder;
    // the applier puts the real uid here after creating/applying the AppDeployment.
    QString ownerUid = placeholderUid();
    QString virtualServiceVersion = QStringLiteral("v1"); // "v1" or "v1beta1" (discovery)
    // Deployment name -> "HorizontalPodAutoscaler/<name>": another controller scales these
    // Deployments, so their spec.replicas is not rendered (issue 8).
    QMap<QString, QString> replicasManagedBy;
    static QString placeholderUid()
    {
        return QStringLiteral("00000000-0000-0000-0000-000000000000");
    }
};

struct RenderedObject
{
    enum class Role
    {
        Deployment,
        Service,
        VirtualService
    };
    Role role = Role::Deployment;
    ResourceType type;
    QJsonObject object;    // complete object: apiVersion, kind, metadata (name, namespace), spec
    QString revisionName;  // Deployment, Service
    QString componentName; // Deployment, Service
    QString name() const;
    QString namespaceName() const;
    QString displayName() const; // "Deployment/testsvc-v1"
};

struct RenderResult
{
    QList<Issue> issues;           // validate()'s findings; objects are empty when any is an error
    QList<RenderedObject> objects; // Deployments, then Services, then the VirtualService
    bool ok() const { return !hasErrors(issues); }
    QList<QJsonObject> jsonObjects() const;
};

// Validates, then renders. Deterministic: same input, same output (goldens rely on it).
RenderResult render(const AppDeploymentPlan& plan, const QList<AppRevision>& revisions,
                    const RenderOptions& options = {});

// The AppDeployment object itself as VelaDesk writes it (spec only, namespace filled).
QJsonObject renderAppDeployment(const AppDeploymentPlan& plan, const RenderOptions& options = {});

QString deploymentName(const QString& componentName, const QString& revisionName);
QString serviceName(const QString& revisionName, const QString& componentName, int port);

// Ownership of a live object relative to an AppDeployment.
struct Ownership
{
    enum class State
    {
        None,
        ThisAppDeployment,
        Other
    };
    State state = State::None;
    QString
        owner; // "AppDeployment/other", "Rollout/x (argoproj.io/v1alpha1)", "no owner reference"
};
// ThisAppDeployment when a controller (or any) owner reference has kind AppDeployment and
// `appDeploymentUid` (or, when uid is empty, name `appDeploymentName`).
Ownership ownershipOf(const QJsonObject& live, const QString& appDeploymentName,
                      const QString& appDeploymentUid);

} // namespace kube::rollout
