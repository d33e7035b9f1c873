#pragma once
// Loads the recorded API JSON under tests/models/fixtures/.

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

inline QJsonObject object(const QString& name)
{
    QFile f(path(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(f.fileName()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture %s: %s", qPrintable(f.fileName()), qPrintable(error.errorString()));
    return doc.object();
}

// The items of a List fixture.
inline QList<QJsonObject> items(const QString& name)
{
    QList<QJsonObject> out;
    for (const QJsonValue& v : object(name).value(QLatin1String("items")).toArray())
        out << v.toObject();
    return out;
}

} // namespace fixtures
