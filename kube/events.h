#pragma once
// Events of one object (core/v1 Events, as kubectl describe shows them): every event the
// server still keeps about it, including those from before the caller started looking, and a
// watch for new ones. Selected on the server with the involvedObject field selector (kind,
// name, namespace and, when known, uid, so a deleted object's namesake is not mixed in).

#include "kube/client.h"
#include "kube/watch.h"

#include <QDateTime>
#include <QJsonObject>

namespace kube {

struct ObjectRef
{
    QString kind;          // "Pod", "Deployment", "ApplicationRevision", ...
    QString namespaceName; // empty for cluster-scoped objects
    QString name;
    QString uid; // optional
};

// The field selector and options that select the events of `ref`.
ListOptions eventListOptions(const ObjectRef& ref);

// When the event last happened: series.lastObservedTime, lastTimestamp, eventTime,
// firstTimestamp, then metadata.creationTimestamp (the first one set).
QDateTime eventTime(const QJsonObject& event);
// Oldest first; ties by name.
void sortEventsByTime(QList<QJsonObject>& events);

// Every event of `ref` the server has, oldest first.
QFuture<Result<QList<QJsonObject>>> listEvents(Client& client, const ObjectRef& ref);

// A watch of the events of `ref`: synced() delivers those already there (not sorted: use
// sortEventsByTime), events() the new and updated ones (an event seen again has a higher
// count and a newer lastTimestamp). Call start() on it; owned by `parent`.
Watch* watchEvents(Client& client, const ObjectRef& ref, QObject* parent = nullptr);

} // namespace kube
