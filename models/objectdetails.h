#pragma once
// Details of the object selected in the object tree (issue 15): its YAML as the server has it
// (read with a GET, metadata.managedFields folded unless asked for) and its Events (a list with
// an involvedObject field selector, as `kubectl describe` does). UI-free: every request goes
// through the Client's futures, continued on this object's thread; answers for an earlier
// selection are dropped (a generation number). The widget (ui/objectdetailspane.*) shows what
// this holds, always as plain text.

#include "kube/client.h"
#include "kube/resource.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

namespace veladesk {

struct ObjectRef
{
    QString kind;
    QString apiVersion;
    QString name;
    QString uid; // when known: events are matched on it too
    bool isEmpty() const { return kind.isEmpty() || name.isEmpty(); }
    bool operator==(const ObjectRef&) const = default;
};

// An Event about the object (core/v1), as `kubectl describe` lists them.
struct ObjectEvent
{
    QString type; // Normal, Warning
    QString reason;
    QString message;
    QString source; // reportingController or source.component
    int count = 1;
    QDateTime last; // lastTimestamp, eventTime or creationTimestamp
    static ObjectEvent fromJson(const QJsonObject& event);
};

class ObjectDetails : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Empty,   // nothing selected
        Loading, // the first answer for this object is awaited
        Loaded,
        Failed, // the object could not be read (message())
    };
    Q_ENUM(State)

    explicit ObjectDetails(QObject* parent = nullptr);

    void setConnection(std::shared_ptr<kube::Client> client, const QString& namespaceName);
    // Reads the object and its events (an empty ref clears). The same ref again re-reads only
    // when refresh() is called.
    void setTarget(const ObjectRef& ref);
    ObjectRef target() const { return m_target; }
    // Reads both again (the object changed on the server, or its events did).
    void refresh();
    void refreshEvents();

    State state() const { return m_state; }
    QString message() const { return m_message; }
    QJsonObject object() const { return m_object; }
    QList<ObjectEvent> events() const { return m_events; }
    QString eventsError() const { return m_eventsError; }

    // The object as YAML; with foldManagedFields, metadata.managedFields is left out and a
    // comment at the top says how many entries were folded.
    static QString yamlOf(const QJsonObject& object, bool foldManagedFields);
    // kubectl describe's Events table: LAST SEEN, TYPE, REASON, FROM, MESSAGE (newest last).
    static QString eventsText(const QList<ObjectEvent>& events, const QDateTime& now);
    // Where objects of a kind are read (the tree's kinds); kind "" when unknown.
    static kube::ResourceType resourceTypeOf(const QString& kind, const QString& apiVersion);

Q_SIGNALS:
    void objectChanged();
    void eventsChanged();

private:
    void fetchObject();
    void fetchEvents();

    std::shared_ptr<kube::Client> m_client;
    QString m_namespace;
    ObjectRef m_target;
    quint64 m_generation = 0;
    State m_state = State::Empty;
    QString m_message;
    QJsonObject m_object;
    QList<ObjectEvent> m_events;
    QString m_eventsError;
};

} // namespace veladesk
