#pragma once
// YAML <-> JSON conversion. Kubernetes objects are handled as QJsonObject throughout.

#include "kube/status.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

namespace YAML {
class Node;
}

namespace kube {

// Plain scalars follow YAML 1.2 core schema (true/false, null, ints, floats);
// quoted scalars stay strings.
QJsonValue yamlToJson(const YAML::Node& node);
// Every non-empty document of a (multi-document) YAML stream. Errors name sourceName,
// line and column.
Result<QList<QJsonObject>> parseYamlDocuments(const QByteArray& data, const QString& sourceName);
Result<QList<QJsonObject>> parseYamlFile(const QString& path);
// Block-style YAML with keys in insertion order of QJsonObject (alphabetical).
QByteArray toYaml(const QJsonValue& value);
QByteArray toYaml(const QList<QJsonObject>& documents); // joined by "---"

} // namespace kube
