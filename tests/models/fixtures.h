#pragma once
// Loads the recorded API JSON under tests/models/fixtures/.

#include "kube/rollout/application.h"
#include "kube/rollout/plan.h"
#include "kube/watch.h"
#include "models/namespacestore.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QList>
#include <QString>
#include <QTest>
#include <QTextDocument>

namespace fixtures {

inline QString path(const QString& name)
{
    return qEnvironmentVariable("VELADESK_SOURCE_DIR", QStringLiteral(VELADESK_TEST_SOURCE_DIR)) +
           QStringLiteral("/tests/models/fixtures/") + name;
}

inline QJsonDocument document(const QString& name)
{
    QFile f(path(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(f.fileName()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture %s: %s", qPrintable(f.fileName()), qPrintable(error.errorString()));
    return doc;
}

inline QJsonObject object(const QString& name)
{
    return document(name).object();
}

// The items of a List fixture.
inline QList<QJsonObject> items(const QString& name)
{
    QList<QJsonObject> out;
    for (const QJsonValue& v : object(name).value(QLatin1String("items")).toArray())
        out << v.toObject();
    return out;
}

// A recorded watch batch: a JSON array of {"type": "ADDED|MODIFIED|DELETED", "object": {...}}.
inline QList<kube::WatchEvent> events(const QString& name)
{
    QList<kube::WatchEvent> out;
    for (const QJsonValue& v : document(name).array()) {
        const QJsonObject o = v.toObject();
        kube::WatchEvent e;
        const QString type = o.value(QLatin1String("type")).toString();
        e.type = type == QLatin1String("ADDED")     ? kube::WatchEvent::Type::Added
                 : type == QLatin1String("DELETED") ? kube::WatchEvent::Type::Deleted
                                                    : kube::WatchEvent::Type::Modified;
        e.object = o.value(QLatin1String("object")).toObject();
        out << e;
    }
    return out;
}

// The ApplicationRevisions of a List fixture, parsed by the engine (all apps).
inline QList<kube::rollout::AppRevision>
revisions(const QString& name = QStringLiteral("applicationrevisions.json"))
{
    QList<kube::rollout::AppRevision> out;
    for (const QJsonObject& o : items(name)) {
        auto r = kube::rollout::AppRevision::fromJson(o);
        if (!r.ok())
            qFatal("fixture %s: %s", qPrintable(name), qPrintable(r.status.toString()));
        out << r.value;
    }
    return out;
}

// An AppDeployment fixture, parsed by the engine.
inline kube::rollout::AppDeploymentPlan plan(const QString& name)
{
    auto p = kube::rollout::AppDeploymentPlan::fromJson(object(name));
    if (!p.ok())
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(p.status.toString()));
    return p.value;
}

// What a tooltip (or a QLabel in Qt::AutoText) shows for `text`: rendered as rich text when
// Qt::mightBeRichText() says so, as Qt does, else the text itself. Server text must come out
// unchanged (models/plaintext.h).
inline QString shownText(const QString& text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

// Fills `store` as the watches' first lists would, and delivers the change signals now.
inline void fill(veladesk::NamespaceStore& store, const QString& applications,
                 const QString& revisions, const QList<QJsonObject>& appDeployments = {},
                 const QList<QJsonObject>& deployments = {},
                 const QList<QJsonObject>& virtualServices = {})
{
    using Kind = veladesk::NamespaceStore::Kind;
    store.resetKind(Kind::Applications,
                    applications.isEmpty() ? QList<QJsonObject>() : items(applications));
    store.resetKind(Kind::ApplicationRevisions,
                    revisions.isEmpty() ? QList<QJsonObject>() : items(revisions));
    store.resetKind(Kind::AppDeployments, appDeployments);
    store.resetKind(Kind::Deployments, deployments);
    store.resetKind(Kind::VirtualServices, virtualServices);
    store.flushChanges();
}

} // namespace fixtures
