#include "kube/events.h"

#include <QPromise>

#include <algorithm>

namespace kube {

namespace {

// Field selector values escape '\', ',' and '=' (k8s.io/apimachinery/pkg/fields).
QString escapeFieldValue(QString v)
{
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    v.replace(QLatin1Char(','), QStringLiteral("\\,"));
    v.replace(QLatin1Char('='), QStringLiteral("\\="));
    return v;
}

QDateTime parseTime(const QJsonValue& v)
{
    const QString s = v.toString();
    if (s.isEmpty())
        return {};
    return QDateTime::fromString(s, Qt::ISODateWithMs);
}

} // namespace

ListOptions eventListOptions(const ObjectRef& ref)
{
    QStringList parts;
    parts << QStringLiteral("involvedObject.kind=") + escapeFieldValue(ref.kind);
    parts << QStringLiteral("involvedObject.name=") + escapeFieldValue(ref.name);
    if (!ref.namespaceName.isEmpty())
        parts << QStringLiteral("involvedObject.namespace=") + escapeFieldValue(ref.namespaceName);
    if (!ref.uid.isEmpty())
        parts << QStringLiteral("involvedObject.uid=") + escapeFieldValue(ref.uid);
    ListOptions o;
    o.fieldSelector = parts.join(QLatin1Char(','));
    return o;
}

QDateTime eventTime(const QJsonObject& e)
{
    const QDateTime series = parseTime(
        e.value(QStringLiteral("series")).toObject().value(QStringLiteral("lastObservedTime")));
    if (series.isValid())
        return series;
    for (const char* field : {"lastTimestamp", "eventTime", "firstTimestamp"}) {
        const QDateTime t = parseTime(e.value(QLatin1String(field)));
        if (t.isValid())
            return t;
    }
    return parseTime(
        e.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("creationTimestamp")));
}

void sortEventsByTime(QList<QJsonObject>& events)
{
    QList<QPair<QDateTime, QJsonObject>> keyed;
    keyed.reserve(events.size());
    for (const QJsonObject& e : events)
        keyed.append({eventTime(e), e});
    auto name = [](const QJsonObject& e) {
        return e.value(QStringLiteral("metadata"))
            .toObject()
            .value(QStringLiteral("name"))
            .toString();
    };
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first)
            return a.first < b.first;
        return name(a.second) < name(b.second);
    });
    for (qsizetype i = 0; i < keyed.size(); ++i)
        events[i] = keyed.at(i).second;
}

QFuture<Result<QList<QJsonObject>>> listEvents(Client& client, const ObjectRef& ref)
{
    // An empty namespace lists cluster-wide (events of cluster-scoped objects live in
    // "default", those of namespaced ones in the object's namespace).
    const QString ns = ref.namespaceName;
    return client.list(ResourceType::events(), ns, eventListOptions(ref))
        .then([](Result<ObjectList> r) {
            if (!r)
                return Result<QList<QJsonObject>>::failure(r.status);
            QList<QJsonObject> events = r.value.items;
            sortEventsByTime(events);
            return Result<QList<QJsonObject>>::success(events);
        });
}

Watch* watchEvents(Client& client, const ObjectRef& ref, QObject* parent)
{
    return client.watch(ResourceType::events(), ref.namespaceName, eventListOptions(ref), parent);
}

} // namespace kube
