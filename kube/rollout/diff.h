#pragma once
// Live vs planned objects: the drift view of `veladesk diff` and the GUI's preview.

#include "kube/resource.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace kube::rollout {

struct ObjectDiff
{
    enum class Change
    {
        Create,
        Update,
        Unchanged,
        Delete
    };
    Change change = Change::Unchanged;
    ResourceType type;
    QString name;
    QString namespaceName;
    QJsonObject live;    // normalised (see normalizeForDiff); empty for Create
    QJsonObject planned; // normalised server dry-run result (or rendered object); empty for Delete
    QString unifiedDiff; // of the YAML of both; empty when Unchanged
    QString displayName() const; // "Deployment/testsvc-v1"
};

// Drops what the server owns and changes on every write (managedFields, resourceVersion,
// generation, creationTimestamp, uid, selfLink, status, the deployment revision annotation),
// so that a diff shows what the plan changes and what drifted.
QJsonObject normalizeForDiff(QJsonObject object);

// Bounds of a line diff: each side at most this many lines and bytes. Larger texts get the
// two header lines and a "# diff not shown: ..." line saying which limit was hit.
inline constexpr qsizetype kMaxDiffLines = 200000;
inline constexpr qsizetype kMaxDiffBytes = 32 * 1024 * 1024;

// Unified diff (like `diff -u`) of two texts, `context` lines around each change.
// Empty when the texts are equal. Time and memory linear in the input (O(NP) algorithm).
QString unifiedDiff(const QByteArray& before, const QByteArray& after, const QString& beforeName,
                    const QString& afterName, int context = 3);

// Builds one ObjectDiff; either side may be empty.
ObjectDiff diffObjects(const ResourceType& type, const QJsonObject& live,
                       const QJsonObject& planned);

// How many of `diffs` would change something (create, update or delete).
int countChanges(const QList<ObjectDiff>& diffs);

} // namespace kube::rollout
