#include "models/objectdetails.h"

#include "kube/rollout/objecttree.h"
#include "kube/yamljson.h"

#include <QJsonArray>
#include <algorithm>

namespace veladesk {

namespace {
QString str(const QJsonObject& o, const char* k)
{
    return o.value(QLatin1String(k)).toString();
}
QDateTime timeOf(const QJsonObject& o, const char* k)
{
    const QString s = str(o, k);
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}
// Terminal-style text: no control characters from the server.
QString oneLine(QString s)
{
    for (QChar& c : s)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char(' ');
    return s;
}
} // namespace

ObjectEvent ObjectEvent::fromJson(const QJsonObject& e)
{
    ObjectEvent ev;
    ev.type = str(e, "type");
    ev.reason = str(e, "reason");
    ev.message = str(e, "message").trimmed();
    ev.source = str(e, "reportingComponent");
    if (ev.source.isEmpty())
        ev.source = str(e.value(QLatin1String("source")).toObject(), "component");
    ev.count = std::max(1, e.value(QLatin1String("count")).toInt(1));
    const QJsonObject series = e.value(QLatin1String("series")).toObject();
    if (!series.isEmpty())
        ev.count = std::max(ev.count, series.value(QLatin1String("count")).toInt(1));
    ev.last = timeOf(series, "lastObservedTime");
    if (!ev.last.isValid())
        ev.last = timeOf(e, "lastTimestamp");
    if (!ev.last.isValid())
        ev.last = timeOf(e, "eventTime");
    if (!ev.last.isValid())
        ev.last = timeOf(e.value(QLatin1String("metadata")).toObject(), "creationTimestamp");
    return ev;
}

ObjectDetails::ObjectDetails(QObject* parent) : QObject(parent) {}

void ObjectDetails::setConnection(std::shared_ptr<kube::Client> client,
                                  const QString& namespaceName)
{
    if (client == m_client && namespaceName == m_namespace)
        return;
    m_client = std::move(client);
    m_namespace = namespaceName;
    setTarget({});
}

void ObjectDetails::setTarget(const ObjectRef& ref)
{
    if (ref == m_target && m_state != State::Empty)
        return;
    m_target = ref;
    ++m_generation;
    m_object = {};
    m_events.clear();
    m_eventsError.clear();
    m_message.clear();
    m_state = ref.isEmpty() ? State::Empty : State::Loading;
    Q_EMIT objectChanged();
    Q_EMIT eventsChanged();
    if (!ref.isEmpty()) {
        fetchObject();
        fetchEvents();
    }
}

void ObjectDetails::refresh()
{
    if (m_target.isEmpty())
        return;
    fetchObject();
    fetchEvents();
}

void ObjectDetails::refreshEvents()
{
    if (!m_target.isEmpty())
        fetchEvents();
}

kube::ResourceType ObjectDetails::resourceTypeOf(const QString& kind, const QString& apiVersion)
{
    using kube::ResourceType;
    const QString group = apiVersion.contains(QLatin1Char('/'))
                              ? apiVersion.section(QLatin1Char('/'), 0, 0)
                              : QString();
    const QString version = apiVersion.section(QLatin1Char('/'), -1);
    if (kind == QLatin1String("ReplicaSet"))
        return ResourceType::replicaSets();
    if (kind == QLatin1String("HTTPRoute"))
        return ResourceType::httpRoutes(version);
    if (kind == QLatin1String("Gateway") && group == QLatin1String("gateway.networking.k8s.io"))
        return ResourceType::gatewayApiGateways(version);
    return ResourceType::forKind(apiVersion, kind);
}

void ObjectDetails::fetchObject()
{
    const kube::ResourceType type = resourceTypeOf(m_target.kind, m_target.apiVersion);
    if (!m_client || type.resource.isEmpty()) {
        m_state = State::Failed;
        m_message = m_client ? tr("%1 objects cannot be read here").arg(m_target.kind)
                             : tr("not connected");
        Q_EMIT objectChanged();
        return;
    }
    const quint64 generation = m_generation;
    m_client->get(type, m_namespace, m_target.name)
        .then(this, [this, generation](kube::Result<QJsonObject> r) {
            if (generation != m_generation)
                return;
            if (r.ok()) {
                m_state = State::Loaded;
                m_object = r.value;
                m_message.clear();
            } else {
                m_state = State::Failed;
                m_object = {};
                m_message =
                    r.status.isNotFound()
                        ? tr("%1 %2 does not exist (any more)").arg(m_target.kind, m_target.name)
                        : r.status.toString();
            }
            Q_EMIT objectChanged();
        });
}

void ObjectDetails::fetchEvents()
{
    if (!m_client)
        return;
    kube::ListOptions options;
    options.fieldSelector = QStringLiteral("involvedObject.kind=%1,involvedObject.name=%2")
                                .arg(m_target.kind, m_target.name);
    if (!m_target.uid.isEmpty())
        options.fieldSelector += QStringLiteral(",involvedObject.uid=") + m_target.uid;
    const quint64 generation = m_generation;
    m_client->list(kube::ResourceType::events(), m_namespace, options)
        .then(this, [this, generation](kube::Result<kube::ObjectList> r) {
            if (generation != m_generation)
                return;
            m_events.clear();
            if (r.ok()) {
                m_eventsError.clear();
                for (const QJsonObject& e : r.value.items)
                    m_events << ObjectEvent::fromJson(e);
                std::stable_sort(
                    m_events.begin(), m_events.end(),
                    [](const ObjectEvent& a, const ObjectEvent& b) { return a.last < b.last; });
            } else {
                m_eventsError = r.status.toString();
            }
            Q_EMIT eventsChanged();
        });
}

QString ObjectDetails::yamlOf(const QJsonObject& object, bool foldManagedFields)
{
    if (object.isEmpty())
        return {};
    QJsonObject o = object;
    QString header;
    if (foldManagedFields) {
        QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
        const QJsonArray managed = meta.value(QLatin1String("managedFields")).toArray();
        if (meta.contains(QLatin1String("managedFields"))) {
            meta.remove(QStringLiteral("managedFields"));
            o.insert(QStringLiteral("metadata"), meta);
            header = QStringLiteral("# metadata.managedFields: %1 entr%2 folded\n")
                         .arg(managed.size())
                         .arg(managed.size() == 1 ? QStringLiteral("y") : QStringLiteral("ies"));
        }
    }
    return header + QString::fromUtf8(kube::toYaml(o));
}

QString ObjectDetails::eventsText(const QList<ObjectEvent>& events, const QDateTime& now)
{
    if (events.isEmpty())
        return {};
    struct Row
    {
        QString last, type, reason, from, message;
    };
    QList<Row> rows{{QStringLiteral("LAST SEEN"), QStringLiteral("TYPE"), QStringLiteral("REASON"),
                     QStringLiteral("FROM"), QStringLiteral("MESSAGE")}};
    for (const ObjectEvent& e : events) {
        QString last = kube::rollout::shortAge(e.last, now);
        if (e.count > 1)
            last += QStringLiteral(" (x%1)").arg(e.count);
        rows << Row{last, oneLine(e.type), oneLine(e.reason), oneLine(e.source),
                    oneLine(e.message)};
    }
    qsizetype w[4] = {0, 0, 0, 0};
    for (const Row& r : rows) {
        w[0] = std::max(w[0], r.last.size());
        w[1] = std::max(w[1], r.type.size());
        w[2] = std::max(w[2], r.reason.size());
        w[3] = std::max(w[3], r.from.size());
    }
    QString out;
    for (const Row& r : rows)
        out += r.last.leftJustified(w[0] + 2) + r.type.leftJustified(w[1] + 2) +
               r.reason.leftJustified(w[2] + 2) + r.from.leftJustified(w[3] + 2) + r.message +
               QLatin1Char('\n');
    return out;
}

} // namespace veladesk
