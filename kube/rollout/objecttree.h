#pragma once
// The object tree of one application (issue 15), built from the inspected objects of its
// namespace (inspect.h), with the health of each node: its own (inspect.h) and the relations
// between objects:
//   - a Service that selects no pods (a "no pods selected" node under it), or whose selected
//     pods give it no ready endpoint;
//   - a route (VirtualService, HTTPRoute) to a Service that does not exist (a Missing node), or
//     that gives weight to a Service without a ready endpoint; a route to a missing Gateway;
//   - a Deployment or Service the AppDeployment plans and that does not exist (Missing).
//
// Shape (children sorted by kind, then name; keys unique among siblings):
//   Application
//   ├─ ApplicationRevision ...
//   ├─ AppDeployment
//   │  ├─ Deployment ─ ReplicaSet ─ Pod
//   │  ├─ Service ─ EndpointSlice (and "no pods selected")
//   │  └─ VirtualService / HTTPRoute ─ Gateway (link), Service (link, with its weight)
//   └─ objects of the application that no AppDeployment owns (same shapes)
// The GUI (models/objecttreemodel.h) and `veladesk tree` build the same tree with this.

#include "kube/client.h"
#include "kube/rollout/inspect.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace kube::rollout {

struct TreeNode
{
    enum class Role
    {
        Object,  // an object of the namespace
        Link,    // a reference to an object shown elsewhere in the tree (a route's Service)
        Missing, // a reference to an object that does not exist
        Note,    // a finding that is not an object ("no pods selected")
    };
    Role role = Role::Object;
    QString key; // unique among siblings: "<Kind>/<name>", links "-><Kind>/<name>"
    QString kind;
    QString apiVersion; // of the object (for reading it); "" for notes
    QString name;
    QString namespaceName; // "" for the tree's namespace
    QString uid;
    QString resourceVersion;
    QDateTime created;
    HealthState health;
    QString info; // one line: "2/2 ready", "weight 50", ...
    QList<TreeNode> children;
    Health worst = Health::Healthy; // the worst health of this node and its descendants

    bool operator==(const TreeNode&) const = default;
    // Equal but for the children (what a row shows).
    bool sameRow(const TreeNode& other) const;
};

struct TreeSummary
{
    int nodes = 0;
    QMap<Health, int> counts;
    // Unhealthy nodes (isUnhealthy) as "Kind/name: <health>", in tree order.
    QStringList problems;
    bool healthy() const { return problems.isEmpty(); }
};

struct TreeOptions
{
    QString namespaceName; // for messages and the JSON output
};

// The tree of application `appName`. Returns a root of kind Application; when the
// Application object does not exist the root is a Missing node (its revisions and
// AppDeployments are still shown when they exist).
TreeNode buildObjectTree(const QString& appName, const InspectedObjects& objects,
                         const PodIndex& pods, const TreeOptions& options = {});

// True when the namespace has the Application or one of its revisions.
bool applicationExists(const QString& appName, const InspectedObjects& objects);

TreeSummary summarize(const TreeNode& root);

struct ObjectName
{
    QString kind;
    QString apiVersion;
    QString name;
    bool operator==(const ObjectName&) const = default;
};
// The objects of the namespace with an owner reference to `uid` (sorted by kind, then name).
QList<ObjectName> ownedObjects(const QString& uid, const InspectedObjects& objects,
                               const PodIndex& pods);

struct InspectedNamespace
{
    InspectedObjects objects;
    PodIndex pods;
};
// Blocking (command line, tests; never on the GUI thread): lists every kind the tree shows in
// `namespaceName`, all at once; kinds the server does not serve (per discovery) are left empty
// and marked not served. Fails with the first list that failed (naming its kind).
Result<InspectedNamespace> readInspectedNamespace(Client& client, const QString& namespaceName);

// "45s", "12m", "3h", "5d" (kubectl's short style); "" for an invalid time.
QString shortAge(const QDateTime& since, const QDateTime& now);

// `veladesk tree`: the tree drawn as kubectl-tree does (NAME column with ├─ └─ │), HEALTH, AGE,
// INFO and, for nodes that are not healthy, the reason and message.
QString treeToText(const TreeNode& root, const QDateTime& now);
// `veladesk tree -o json`: {application, namespace, healthy, summary, tree: {...children}}.
QJsonObject treeToJson(const TreeNode& root, const TreeOptions& options, const QDateTime& now);

} // namespace kube::rollout
