#pragma once
// KubeVela Applications and ApplicationRevisions (core.oam.dev/v1beta1) as value types,
// and the offline half of revision recording (hashing, numbering, the revision object).
// See ../shared/reference/SEMANTICS.md for the semantics followed here.

#include "kube/status.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace kube::rollout {

// Label and annotation keys shared by KubeVela and VelaDesk.
namespace labels {
inline constexpr char appName[] = "app.oam.dev/name";
inline constexpr char appRevisionHash[] = "app.oam.dev/app-revision-hash";
inline constexpr char component[] = "app.oam.dev/component";
inline constexpr char appRevision[] = "app.oam.dev/appRevision";
inline constexpr char appDeployment[] = "app.oam.dev/appDeployment";
inline constexpr char revisionOnly[] = "app.oam.dev/revision-only"; // annotation
inline constexpr char managedBy[] = "app.kubernetes.io/managed-by";
// AppDeployment annotation: the spec of the last plan applied to completion (JSON), written by
// the Status step; "revert" of an interrupted apply applies it again.
inline constexpr char lastCompletedSpec[] = "veladesk.io/last-completed-spec";
} // namespace labels

inline QString key(const char* k)
{
    return QString::fromLatin1(k);
}

struct EnvVar
{
    QString name;
    QString value;
    bool operator==(const EnvVar&) const = default;
};

// The properties of a `webservice` component, parsed and checked.
struct WebServiceProperties
{
    QString image;
    int port = 80;
    QStringList cmd;
    QList<EnvVar> env;
    QString cpu;    // e.g. "500m"; requests = limits
    QString memory; // e.g. "128Mi"; requests = limits
    QString imagePullPolicy;
    bool addRevisionLabel = false;
};

struct Component
{
    QString name;
    QString type;           // "webservice" is the only type VelaDesk renders
    QJsonObject properties; // as written
    QJsonArray traits;      // kept, ignored

    bool isSupported() const { return type == QLatin1String("webservice"); }
    // The ports the component serves (webservice: `port`, default 80). Empty if unsupported.
    QList<int> ports() const;
    // Fails with Invalid "not supported: <type>" for other types, or naming the bad property
    // (`field` prefixes the property path in messages, e.g. "spec.components[0].properties").
    Result<WebServiceProperties> webService(const QString& field = {}) const;

    static Result<Component> fromJson(const QJsonObject& json, const QString& field = {});
    QJsonObject toJson() const;
};

struct Application
{
    QString name;
    QString namespaceName;
    QString uid;
    QJsonObject annotations;
    QList<Component> components;
    QJsonObject spec;   // spec as written (what the revision hash covers)
    QJsonObject object; // the whole object as read or written, status included

    bool revisionOnly() const;
    const Component* component(const QString& name) const;

    // Parses an Application object (apiVersion core.oam.dev/v1beta1, kind Application).
    static Result<Application> fromJson(const QJsonObject& object);
};

struct AppRevision
{
    QString name;     // <app>-v<N>
    QString appName;  // label app.oam.dev/name, else from spec.application
    int revision = 0; // N, parsed from the name
    QString hash;     // label app.oam.dev/app-revision-hash
    QString namespaceName;
    QString creationTimestamp;
    Application application; // snapshot from spec.application
    QJsonObject object;

    // Last dash-separated token of the name ("example-app-v1" -> "v1").
    QString suffix() const;
    static Result<AppRevision> fromJson(const QJsonObject& object);
};

// "<app>-v<N>" -> N; 0 when the name does not have that form.
int revisionNumberOf(const QString& revisionName, const QString& appName = {});
QString revisionSuffix(const QString& revisionName);

// Hash of an Application spec (status and metadata excluded): SHA-256 over the canonical
// compact JSON (keys sorted), first 16 hex digits. KubeVela uses its own hash function, so
// VelaDesk's hashes are stable among themselves but not equal to KubeVela's.
QString specHash(const QJsonObject& spec);

// What recording a revision for `app` requires, given the revisions that exist.
struct RevisionDecision
{
    Status status;       // an error when no revision can be recorded (the number would overflow)
    bool record = false; // false: the spec hash equals the latest revision's
    QString name;        // revision to record (or the unchanged latest)
    int revision = 0;
    QString hash;
    QJsonObject revisionObject; // the ApplicationRevision to create, when record
    QJsonObject latestRevision; // value for Application status.latestRevision
};
// `app` must carry metadata.uid (owner reference). `existing` are this app's revisions;
// `latestStatus` is the Application's current status.latestRevision (may be empty).
RevisionDecision decideRevision(const QJsonObject& app, const QList<AppRevision>& existing,
                                const QJsonObject& latestStatus = {});

} // namespace kube::rollout
