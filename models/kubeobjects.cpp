#include "models/kubeobjects.h"

#include <QJsonArray>
#include <QRegularExpression>

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
QJsonArray arr(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toArray();
}
QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toObject();
}
QStringList strings(const QJsonArray& a)
{
    QStringList out;
    for (const QJsonValue& v : a)
        out << v.toString();
    return out;
}
int intOf(const QJsonValue& v, int fallback)
{
    if (v.isDouble())
        return v.toInt(fallback);
    if (v.isString()) {
        bool ok = false;
        const int n = v.toString().toInt(&ok);
        return ok ? n : fallback;
    }
    return fallback;
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

int revisionNumber(const QString& revisionName)
{
    static const QRegularExpression re(QStringLiteral("-v(\\d+)$"));
    const auto m = re.match(revisionName);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString deploymentNameFor(const QString& revisionName, const QString& componentName)
{
    return componentName + QLatin1Char('-') + revisionName.section(QLatin1Char('-'), -1);
}

QString serviceNameFor(const QString& revisionName, const QString& componentName, int port)
{
    return revisionName + QLatin1Char('-') + componentName + QLatin1Char('-') +
           QString::number(port);
}

RevisionInfo RevisionInfo::fromJson(const QJsonObject& revision)
{
    RevisionInfo r;
    r.name = kubeName(revision);
    r.appName = labelValue(revision, labels::appName);
    const QJsonObject app = obj(obj(revision, "spec"), "application");
    if (r.appName.isEmpty())
        r.appName = kubeName(app);
    if (r.appName.isEmpty()) {
        // fall back to the owner reference, then to the name without "-vN"
        for (const QJsonValue& v : arr(metadata(revision), "ownerReferences"))
            if (str(v.toObject(), "kind") == QLatin1String("Application"))
                r.appName = str(v.toObject(), "name");
        if (r.appName.isEmpty() && revisionNumber(r.name) >= 0)
            r.appName = r.name.section(QLatin1Char('-'), 0, -2);
    }
    r.number = revisionNumber(r.name);
    r.created = creationTime(revision);
    for (const QJsonValue& v : arr(obj(app, "spec"), "components")) {
        const QJsonObject c = v.toObject();
        const QJsonObject props = obj(c, "properties");
        ComponentInfo info;
        info.name = str(c, "name");
        info.type = str(c, "type");
        info.image = str(props, "image");
        info.port = intOf(props.value(QLatin1String("port")), 80);
        r.components.append(info);
    }
    return r;
}

AppDeploymentInfo AppDeploymentInfo::fromJson(const QJsonObject& appDeployment)
{
    AppDeploymentInfo a;
    a.name = kubeName(appDeployment);
    const QJsonObject status = obj(appDeployment, "status");
    a.phase = str(status, "phase");
    for (const QJsonValue& v : arr(status, "conditions")) {
        const QJsonObject c = v.toObject();
        if (str(c, "status") != QLatin1String("True") && a.conditionMessage.isEmpty())
            a.conditionMessage = str(c, "message");
    }
    const QJsonObject spec = obj(appDeployment, "spec");
    for (const QJsonValue& v : arr(spec, "appRevisions")) {
        const QJsonObject r = v.toObject();
        int replicas = 0;
        for (const QJsonValue& p : arr(r, "placement"))
            replicas +=
                intOf(obj(p.toObject(), "distribution").value(QLatin1String("replicas")), 0);
        a.revisions.append({str(r, "revisionName"), replicas});
    }
    if (spec.contains(QLatin1String("traffic"))) {
        const QJsonObject traffic = obj(spec, "traffic");
        a.hasTraffic = true;
        a.hosts = strings(arr(traffic, "hosts"));
        a.gateways = strings(arr(traffic, "gateways"));
        const QJsonArray http = arr(traffic, "http");
        if (!http.isEmpty()) {
            for (const QJsonValue& v : arr(http.first().toObject(), "weightedTargets")) {
                const QJsonObject t = v.toObject();
                a.targets.append({str(t, "revisionName"), str(t, "componentName"),
                                  intOf(t.value(QLatin1String("port")), 0),
                                  intOf(t.value(QLatin1String("weight")), 0)});
            }
        }
    }
    return a;
}

bool AppDeploymentInfo::namesRevision(const QString& revisionName) const
{
    for (const auto& r : revisions)
        if (r.first == revisionName)
            return true;
    for (const auto& t : targets)
        if (t.revisionName == revisionName)
            return true;
    return false;
}

QList<QPair<QString, int>> virtualServiceWeights(const QJsonObject& virtualService)
{
    QList<QPair<QString, int>> out;
    const QJsonArray http = arr(obj(virtualService, "spec"), "http");
    if (http.isEmpty())
        return out;
    const QJsonArray route = arr(http.first().toObject(), "route");
    for (const QJsonValue& v : route) {
        const QJsonObject r = v.toObject();
        // Istio: a single route without weight gets all the traffic.
        const int weight = r.contains(QLatin1String("weight"))
                               ? intOf(r.value(QLatin1String("weight")), 0)
                               : (route.size() == 1 ? 100 : 0);
        out.append({str(obj(r, "destination"), "host"), weight});
    }
    return out;
}

} // namespace veladesk
