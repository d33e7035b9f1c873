#pragma once
// YAML <-> JSON conversion. Kubernetes objects are handled as QJsonObject throughout.
//
// Bounds (docs/architecture.md, "Bounded resources"): every YAML input VelaDesk reads is
// parsed here, with these limits; hitting one is an Invalid status naming the source, line
// and column.

#include "kube/status.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

namespace kube {

// At most this many bytes of YAML per input (a file, a pasted document).
inline constexpr qsizetype kMaxYamlBytes = 8 * 1024 * 1024;
// At most this many documents per input.
inline constexpr int kMaxYamlDocuments = 10000;
// Mappings and sequences nested at most this deep.
inline constexpr int kMaxYamlDepth = 100;
// A document may expand (aliases resolved) to at most kYamlExpansionBase + 8 x input bytes
// "units" (one per node plus one per character of every scalar), never more than
// kMaxYamlExpansion: an alias bomb stops there, after microseconds.
inline constexpr qint64 kYamlExpansionBase = 1024 * 1024;
inline constexpr qint64 kMaxYamlExpansion = 64 * 1024 * 1024;
qint64 yamlExpansionBudget(qsizetype inputBytes);

// Plain scalars follow the YAML 1.2 core schema (true/false, null, ints, floats); quoted
// scalars stay strings. Numbers reach JSON exactly or not at all: an integer beyond 64 bits
// or a decimal with more digits than a double keeps is an error (quote it to keep its text).
// Every document of a (multi-document) YAML stream, null for empty ones.
Result<QList<QJsonValue>> parseYamlValues(const QByteArray& data, const QString& sourceName);
// Every non-empty document of a (multi-document) YAML stream; each must be a mapping. Errors
// name sourceName, line and column.
Result<QList<QJsonObject>> parseYamlDocuments(const QByteArray& data, const QString& sourceName);
// Reads at most kMaxYamlBytes (+1 to tell that there was more).
Result<QList<QJsonObject>> parseYamlFile(const QString& path);

// The text JSON gives a number: integers digit for digit, other numbers the shortest text
// that reads back as the same double ("0.1", "1e+21"). What a number in a string field
// (an env value, a quantity) becomes.
QString jsonNumberText(const QJsonValue& number);

// Block-style YAML with keys in insertion order of QJsonObject (alphabetical).
QByteArray toYaml(const QJsonValue& value);
QByteArray toYaml(const QList<QJsonObject>& documents); // joined by "---"

} // namespace kube
