#pragma once
// Loads the recorded API JSON under tests/models/fixtures/.

#include "kube/watch.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QList>
#include <QString>
#include <QTest>

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

} // namespace fixtures
