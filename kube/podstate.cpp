#include "kube/podstate.h"

#include <QJsonArray>

namespace kube {

bool podReady(const QJsonObject& pod)
{
    for (const QJsonValue& c :
         pod.value(QLatin1String("status")).toObject().value(QLatin1String("conditions")).toArray())
        if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return c.toObject().value(QLatin1String("status")).toString() == QLatin1String("True");
    return false;
}

bool beingDeleted(const QJsonObject& object)
{
    const QJsonValue t = object.value(QLatin1String("metadata"))
                             .toObject()
                             .value(QLatin1String("deletionTimestamp"));
    return !t.isUndefined() && !t.isNull();
}

bool podServing(const QJsonObject& pod)
{
    return !beingDeleted(pod) &&
           pod.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString() ==
               QLatin1String("Running") &&
           podReady(pod);
}

bool endpointReady(const QJsonObject& endpoint)
{
    const QJsonValue r =
        endpoint.value(QLatin1String("conditions")).toObject().value(QLatin1String("ready"));
    return r.isUndefined() || r.isNull() || r.toBool();
}

QString endpointPodName(const QJsonObject& endpoint)
{
    const QJsonObject ref = endpoint.value(QLatin1String("targetRef")).toObject();
    if (ref.value(QLatin1String("kind")).toString() != QLatin1String("Pod"))
        return {};
    return ref.value(QLatin1String("name")).toString();
}

} // namespace kube
