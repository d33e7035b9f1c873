#include "models/kubeobjects.h"

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

} // namespace veladesk
