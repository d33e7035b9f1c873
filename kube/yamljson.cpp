#include "kube/yamljson.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>

namespace kube {

namespace {

// YAML 1.2 core schema resolution of a plain scalar. Returns an undefined value for
// "this is a string".
QJsonValue resolvePlainScalar(const QString& s)
{
    if (s.isEmpty() || s == QLatin1String("~") || s == QLatin1String("null") ||
        s == QLatin1String("Null") || s == QLatin1String("NULL"))
        return QJsonValue(QJsonValue::Null);
    if (s == QLatin1String("true") || s == QLatin1String("True") || s == QLatin1String("TRUE"))
        return QJsonValue(true);
    if (s == QLatin1String("false") || s == QLatin1String("False") || s == QLatin1String("FALSE"))
        return QJsonValue(false);

    static const QRegularExpression decInt(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression octInt(QStringLiteral("^0o[0-7]+$"));
    static const QRegularExpression hexInt(QStringLiteral("^0x[0-9a-fA-F]+$"));
    static const QRegularExpression flt(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    static const QRegularExpression inf(QStringLiteral("^[-+]?\\.(inf|Inf|INF)$"));
    static const QRegularExpression nan(QStringLiteral("^\\.(nan|NaN|NAN)$"));

    bool ok = false;
    if (decInt.match(s).hasMatch()) {
        const qlonglong v = s.toLongLong(&ok, 10);
        if (ok)
            return QJsonValue(qint64(v));
        return QJsonValue(s.toDouble()); // too large for 64 bits: keep the magnitude
    }
    if (octInt.match(s).hasMatch()) {
        const qlonglong v = s.mid(2).toLongLong(&ok, 8);
        if (ok)
            return QJsonValue(qint64(v));
    }
    if (hexInt.match(s).hasMatch()) {
        const qlonglong v = s.mid(2).toLongLong(&ok, 16);
        if (ok)
            return QJsonValue(qint64(v));
    }
    if (flt.match(s).hasMatch()) {
        const double v = s.toDouble(&ok);
        if (ok)
            return QJsonValue(v);
    }
    // JSON cannot carry infinities or NaN; they stay strings rather than becoming null.
    Q_UNUSED(inf);
    Q_UNUSED(nan);
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue scalarToJson(const YAML::Node& node)
{
    const QString text = QString::fromStdString(node.Scalar());
    const std::string& tag = node.Tag();
    // yaml-cpp: "?" for plain scalars without a tag, "!" for quoted/block scalars.
    if (tag == "!" || tag == "tag:yaml.org,2002:str" || tag == "!!str")
        return QJsonValue(text);
    if (tag == "?" || tag.empty()) {
        const QJsonValue v = resolvePlainScalar(text);
        return v.isUndefined() ? QJsonValue(text) : v;
    }
    if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
        tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
        const QJsonValue v = resolvePlainScalar(text);
        return v.isUndefined() ? QJsonValue(text) : v;
    }
    // Unknown local tags: the text is the value.
    return QJsonValue(text);
}

} // namespace

QJsonValue yamlToJson(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Scalar:
        return scalarToJson(node);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node& item : node)
            array.append(yamlToJson(item));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key = it->first; // a copy: it-> yields a temporary proxy
            // Non-scalar keys cannot exist in JSON; their YAML text stands in for them.
            const QString name = key.IsScalar() ? QString::fromStdString(key.Scalar())
                                                : QString::fromStdString(YAML::Dump(key));
            object.insert(name, yamlToJson(it->second));
        }
        return object;
    }
    }
    return QJsonValue(QJsonValue::Null);
}

Result<QList<QJsonObject>> parseYamlDocuments(const QByteArray& data, const QString& sourceName)
{
    using R = Result<QList<QJsonObject>>;
    std::vector<YAML::Node> docs;
    try {
        docs = YAML::LoadAll(data.toStdString());
    } catch (const YAML::Exception& e) {
        // yaml-cpp marks are 0-based; editors count from 1.
        return R::failure(Status::error(Status::Kind::Invalid,
                                        QStringLiteral("%1:%2:%3: invalid YAML: %4")
                                            .arg(sourceName)
                                            .arg(e.mark.line + 1)
                                            .arg(e.mark.column + 1)
                                            .arg(QString::fromStdString(e.msg)),
                                        sourceName, QStringLiteral("InvalidYAML")));
    }
    QList<QJsonObject> out;
    int index = 0;
    for (const YAML::Node& doc : docs) {
        ++index;
        if (!doc || doc.IsNull())
            continue;
        if (!doc.IsMap()) {
            const YAML::Mark m = doc.Mark();
            return R::failure(Status::error(
                Status::Kind::Invalid,
                QStringLiteral("%1:%2:%3: document %4 is not a mapping (a Kubernetes object)")
                    .arg(sourceName)
                    .arg(m.line + 1)
                    .arg(m.column + 1)
                    .arg(index),
                sourceName, QStringLiteral("InvalidYAML")));
        }
        out.append(yamlToJson(doc).toObject());
    }
    return R::success(out);
}

Result<QList<QJsonObject>> parseYamlFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QList<QJsonObject>>::failure(Status::error(
            Status::Kind::Invalid,
            QStringLiteral("cannot read %1: %2").arg(path, file.errorString()), path));
    return parseYamlDocuments(file.readAll(), path);
}

// ---------------------------------------------------------------------------------------------
// Emitter: block style, two-space indent, sequences inside mappings not indented (kubectl's
// style), strings quoted only when a YAML 1.2 (or 1.1) reader would take them for something
// else.

namespace {

bool isYaml11Special(const QString& s)
{
    static const QStringList words = {
        QStringLiteral("y"),   QStringLiteral("Y"),   QStringLiteral("yes"), QStringLiteral("Yes"),
        QStringLiteral("YES"), QStringLiteral("n"),   QStringLiteral("N"),   QStringLiteral("no"),
        QStringLiteral("No"),  QStringLiteral("NO"),  QStringLiteral("on"),  QStringLiteral("On"),
        QStringLiteral("ON"),  QStringLiteral("off"), QStringLiteral("Off"), QStringLiteral("OFF"),
        QStringLiteral("=")};
    if (words.contains(s))
        return true;
    // YAML 1.1 numbers with underscores, sexagesimals, binary, old-style octal.
    static const QRegularExpression numberish(
        QStringLiteral("^[-+]?(0b[01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|[0-9][0-9_]*|"
                       "[0-9][0-9_]*\\.[0-9_]*([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?|"
                       "\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
    return numberish.match(s).hasMatch();
}

bool needsQuotes(const QString& s)
{
    if (s.isEmpty())
        return true;
    if (!resolvePlainScalar(s).isUndefined() || isYaml11Special(s))
        return true;
    const QChar first = s.front();
    if (QStringLiteral("-?:,[]{}#&*!|>'\"%@`").contains(first)) {
        // "-foo", "?x", ":x" are plain-safe only when not followed by a space; keep it simple
        // and allow them only as in "-foo" (common in args).
        const bool indicatorOk =
            (first == QLatin1Char('-') || first == QLatin1Char('?') || first == QLatin1Char(':')) &&
            s.size() > 1 && !s.at(1).isSpace();
        if (!indicatorOk)
            return true;
    }
    if (first.isSpace() || s.back().isSpace() || s.endsWith(QLatin1Char(':')))
        return true;
    if (s.contains(QLatin1String(": ")) || s.contains(QLatin1String(" #")) ||
        s.contains(QLatin1String(":\t")) || s.contains(QLatin1String("\t#")))
        return true;
    if (s.startsWith(QLatin1String("---")) || s.startsWith(QLatin1String("...")))
        return true;
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0xfeff)
            return true;
    }
    return false;
}

QByteArray doubleQuoted(const QString& s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0xfeff)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out.toUtf8();
}

QByteArray scalarText(const QString& s)
{
    if (!needsQuotes(s))
        return s.toUtf8();
    // Single quotes read best when there is nothing to escape.
    bool simple = true;
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0xfeff)
            simple = false;
    if (simple) {
        QString q = s;
        q.replace(QLatin1Char('\''), QLatin1String("''"));
        return "'" + q.toUtf8() + "'";
    }
    return doubleQuoted(s);
}

QByteArray numberText(const QJsonValue& v)
{
    const double d = v.toDouble();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.007199254740992e15)
        return QByteArray::number(v.toInteger(qint64(d)));
    if (!std::isfinite(d))
        return std::isnan(d) ? QByteArray(".nan") : (d > 0 ? QByteArray(".inf") : "-.inf");
    QByteArray t = QByteArray::number(d, 'g', std::numeric_limits<double>::max_digits10);
    // Shortest text that reads back as the same double.
    for (int prec = 1; prec <= std::numeric_limits<double>::max_digits10; ++prec) {
        const QByteArray c = QByteArray::number(d, 'g', prec);
        if (c.toDouble() == d) {
            t = c;
            break;
        }
    }
    return t;
}

// A multi-line string as a literal block, when it round-trips that way.
bool literalBlockFits(const QString& s)
{
    if (!s.contains(QLatin1Char('\n')))
        return false;
    for (const QChar c : s)
        if ((c.unicode() < 0x20 && c != QLatin1Char('\n')) || c.unicode() == 0x7f ||
            c.unicode() == 0xfeff)
            return false;
    // Leading spaces on the first line would need an indentation indicator; lines with only
    // trailing spaces are fine inside a literal block.
    if (s.front().isSpace())
        return false;
    // More than one trailing newline needs "|+"; keep to "|" and "|-".
    if (s.endsWith(QLatin1String("\n\n")))
        return false;
    return true;
}

void emitLiteral(QByteArray& out, const QString& s, int indent)
{
    out += s.endsWith(QLatin1Char('\n')) ? "|\n" : "|-\n";
    QString body = s;
    if (body.endsWith(QLatin1Char('\n')))
        body.chop(1);
    const QByteArray pad(indent, ' ');
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (!line.isEmpty())
            out += pad + line.toUtf8();
        out += '\n';
    }
}

bool isEmptyCollection(const QJsonValue& v)
{
    return (v.isObject() && v.toObject().isEmpty()) || (v.isArray() && v.toArray().isEmpty());
}

bool isScalarLike(const QJsonValue& v)
{
    return !(v.isObject() || v.isArray()) || isEmptyCollection(v);
}

QByteArray inlineScalar(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return "null";
    case QJsonValue::Bool:
        return v.toBool() ? "true" : "false";
    case QJsonValue::Double:
        return numberText(v);
    case QJsonValue::String:
        return scalarText(v.toString());
    case QJsonValue::Array:
        return "[]";
    case QJsonValue::Object:
        return "{}";
    }
    return "null";
}

void emitValue(QByteArray& out, const QJsonValue& v, int indent);

// Emits "key: value" lines of an object at `indent`; the first line's indentation is already
// written when firstInline is set (the "- " of a sequence item).
void emitObject(QByteArray& out, const QJsonObject& o, int indent, bool firstInline)
{
    bool first = true;
    const QByteArray pad(indent, ' ');
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!(first && firstInline))
            out += pad;
        first = false;
        out += scalarText(it.key());
        const QJsonValue v = it.value();
        if (v.isString() && literalBlockFits(v.toString())) {
            out += ": ";
            emitLiteral(out, v.toString(), indent + 2);
        } else if (isScalarLike(v)) {
            out += ": " + inlineScalar(v) + '\n';
        } else if (v.isArray()) {
            out += ":\n";
            emitValue(out, v, indent); // kubectl style: "- " at the key's indentation
        } else {
            out += ":\n";
            emitValue(out, v, indent + 2);
        }
    }
}

// Emits "- item" lines at `indent`; the first "- " goes right after what is already written
// when firstInline is set (a sequence directly inside a sequence: "- - a").
void emitArray(QByteArray& out, const QJsonArray& a, int indent, bool firstInline)
{
    const QByteArray pad(indent, ' ');
    bool first = true;
    for (const QJsonValue& v : a) {
        if (!(first && firstInline))
            out += pad;
        first = false;
        out += "- ";
        if (v.isString() && literalBlockFits(v.toString())) {
            emitLiteral(out, v.toString(), indent + 2);
        } else if (isScalarLike(v)) {
            out += inlineScalar(v) + '\n';
        } else if (v.isObject()) {
            emitObject(out, v.toObject(), indent + 2, true);
        } else {
            emitArray(out, v.toArray(), indent + 2, true);
        }
    }
}

void emitValue(QByteArray& out, const QJsonValue& v, int indent)
{
    if (v.isObject() && !v.toObject().isEmpty())
        emitObject(out, v.toObject(), indent, false);
    else if (v.isArray() && !v.toArray().isEmpty())
        emitArray(out, v.toArray(), indent, false);
    else if (v.isString() && literalBlockFits(v.toString()))
        emitLiteral(out, v.toString(), indent + 2);
    else
        out += QByteArray(indent, ' ') + inlineScalar(v) + '\n';
}

} // namespace

QByteArray toYaml(const QJsonValue& value)
{
    QByteArray out;
    emitValue(out, value, 0);
    return out;
}

QByteArray toYaml(const QList<QJsonObject>& documents)
{
    QByteArray out;
    bool first = true;
    for (const QJsonObject& doc : documents) {
        if (!first)
            out += "---\n";
        first = false;
        out += toYaml(QJsonValue(doc));
    }
    return out;
}

} // namespace kube
