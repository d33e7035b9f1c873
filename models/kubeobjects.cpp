#include "models/kubeobjects.h"

#include "kube/rollout/objecttree.h"

namespace veladesk {

namespace {
QJsonObject metadata(const QJsonObject& o)
{
    return o.value(QLatin1String("metadata")).toObject();
}
QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}
QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toObject();
}
} // namespace

QString kubeName(const QJsonObject& object)
{
    return str(metadata(object), "name");
}
QString objectUid(const QJsonObject& object)
{
    return str(metadata(object), "uid");
}

QString labelValue(const QJsonObject& object, const char* key)
{
    return obj(metadata(object), "labels").value(QLatin1String(key)).toString();
}

QDateTime creationTime(const QJsonObject& object)
{
    return QDateTime::fromString(str(metadata(object), "creationTimestamp"), Qt::ISODate);
}

QString formatAge(const QDateTime& since, const QDateTime& now)
{
    return kube::rollout::shortAge(since, now); // the object tree's and `veladesk tree`'s too
}

} // namespace veladesk
