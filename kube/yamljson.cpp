#include "kube/yamljson.h"
#include "kube/readbounded.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace kube {

namespace {

// Significant digits and decimal exponent of a decimal number's text: "0.0150" -> ("15", -3),
// "1.5e3" -> ("15", 2): value = 0.d1d2... x 10^(exponent + 1). Empty digits for zero.
QPair<QByteArray, qint64> decimalValue(const QByteArray& text)
{
    QByteArray digits;
    qint64 pointPos = -1; // digits before the decimal point
    qsizetype i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        ++i;
    qint64 exponent = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.') {
            pointPos = digits.size();
        } else if (c == 'e' || c == 'E') {
            bool ok = false;
            exponent = text.mid(i + 1).toLongLong(&ok);
            if (!ok || exponent > 100000 || exponent < -100000)
                exponent = exponent < 0 ? -100000 : 100000;
            break;
        } else {
            digits += c;
        }
    }
    if (pointPos < 0)
        pointPos = digits.size();
    qsizetype lead = 0;
    while (lead < digits.size() && digits[lead] == '0')
        ++lead;
    digits = digits.mid(lead);
    pointPos -= lead;
    while (!digits.isEmpty() && digits.endsWith('0'))
        digits.chop(1);
    if (digits.isEmpty())
        return {QByteArray(), 0};
    return {digits, exponent + pointPos - 1};
}

} // namespace

QString jsonNumberText(const QJsonValue& v)
{
    // Qt's JSON writer: integers digit for digit, other numbers in the shortest text that
    // reads back as the same double.
    return QString::fromUtf8(
        QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

namespace {

// YAML 1.2 core schema resolution of a plain scalar. Returns an undefined value for
// "this is a string". A number that no 64-bit JSON reader keeps exactly (an integer beyond
// 64 bits, a decimal with more digits than a double holds) sets *problem and returns an
// undefined value.
QJsonValue resolvePlainScalar(const QString& s, QString* problem = nullptr)
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

    auto tooLarge = [&]() {
        if (problem)
            *problem = ktr("kube", "the integer %1 does not fit in 64 bits, the most a "
                                   "Kubernetes API server keeps exactly; quote it to pass it "
                                   "as text")
                           .arg(s);
        return QJsonValue(QJsonValue::Undefined);
    };
    bool ok = false;
    if (decInt.match(s).hasMatch()) {
        const qlonglong v = s.toLongLong(&ok, 10);
        return ok ? QJsonValue(qint64(v)) : tooLarge();
    }
    if (octInt.match(s).hasMatch()) {
        const qlonglong v = s.mid(2).toLongLong(&ok, 8);
        return ok ? QJsonValue(qint64(v)) : tooLarge();
    }
    if (hexInt.match(s).hasMatch()) {
        const qlonglong v = s.mid(2).toLongLong(&ok, 16);
        return ok ? QJsonValue(qint64(v)) : tooLarge();
    }
    if (flt.match(s).hasMatch()) {
        const double v = s.toDouble(&ok);
        // The value must survive the double JSON readers parse it into: same significant
        // digits and exponent ("1.50" and "1.5" are the same number, 0.1000000000000000001
        // is not 0.1).
        if (ok && std::isfinite(v) &&
            decimalValue(s.toLatin1()) == decimalValue(jsonNumberText(QJsonValue(v)).toLatin1()))
            return QJsonValue(v);
        if (problem)
            *problem = ktr("kube", "the number %1 has more digits or a larger exponent than a "
                                   "64-bit floating point number keeps, so it would not reach "
                                   "the cluster as written; quote it to pass it as text")
                           .arg(s);
        return QJsonValue(QJsonValue::Undefined);
    }
    // JSON cannot carry infinities or NaN (.inf, .nan): they stay strings rather than
    // becoming null.
    return QJsonValue(QJsonValue::Undefined);
}

// Thrown inside the builder only; parseYamlDocuments() turns it into a Status.
struct BuildError
{
    YAML::Mark mark;
    QString message;
};

// Builds QJsonValues from yaml-cpp's parser events, without yaml-cpp's node graph. This is
// where every YAML input gets its bounds: an alias to a node that is still open (it would
// contain itself) is an error; aliases may not expand a document beyond a budget
// (nodes + characters, see yamljson.h); nesting is limited. Aliased values are shared
// (QJsonValue is implicitly shared), so the budget check, not memory, stops an alias bomb.
class JsonBuilder : public YAML::EventHandler
{
public:
    JsonBuilder(qint64 budget, qsizetype inputSize) : m_budget(budget), m_inputSize(inputSize) {}

    bool hasDocument = false;
    QJsonValue document;
    YAML::Mark rootMark; // of the document's first node

    void OnDocumentStart(const YAML::Mark& mark) override
    {
        m_stack.clear();
        m_anchors.clear();
        m_names.clear();
        m_size = 0;
        hasDocument = false;
        document = QJsonValue();
        rootMark = mark;
        m_haveRootMark = false;
    }
    void OnDocumentEnd() override {}

    void OnAnchor(const YAML::Mark&, const std::string& name) override { m_pendingName = name; }

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        nameAnchor(anchor, mark);
        add(mark, QJsonValue(QJsonValue::Null), 1, anchor, QStringLiteral("null"));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        auto it = m_anchors.find(anchor);
        if (!m_haveRootMark) {
            rootMark = mark;
            m_haveRootMark = true;
        }
        if (it == m_anchors.end()) {
            // yaml-cpp registers an anchor when its node starts: the alias sits inside the
            // node it names.
            throw BuildError{mark, ktr("kube", "the alias *%1 refers to a node that contains "
                                               "it (a self-referencing alias); JSON cannot "
                                               "hold a cycle")
                                       .arg(anchorName(anchor))};
        }
        add(mark, it->second.value, it->second.size, 0, it->second.keyText, true,
            anchorName(anchor));
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override
    {
        nameAnchor(anchor, mark);
        const QString text = QString::fromStdString(value);
        const bool isKey = !m_stack.empty() && m_stack.back().isMap && !m_stack.back().haveKey;
        QJsonValue v;
        // yaml-cpp: "?" for plain scalars without a tag, "!" for quoted/block scalars. Keys
        // are names: their text is kept as written.
        if (isKey || tag == "!" || tag == "tag:yaml.org,2002:str" || tag == "!!str") {
            v = text;
        } else if (tag == "?" || tag.empty() || tag == "tag:yaml.org,2002:int" ||
                   tag == "tag:yaml.org,2002:float" || tag == "tag:yaml.org,2002:bool" ||
                   tag == "tag:yaml.org,2002:null") {
            QString problem;
            v = resolvePlainScalar(text, &problem);
            if (!problem.isEmpty())
                throw BuildError{mark, problem};
            if (v.isUndefined())
                v = text;
        } else {
            v = text; // unknown local tags: the text is the value
        }
        add(mark, v, 1 + qint64(value.size()), anchor, text);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        nameAnchor(anchor, mark);
        open(mark, false, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        nameAnchor(anchor, mark);
        open(mark, true, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        bool isMap = false;
        QJsonObject object;
        QJsonArray array;
        bool haveKey = false;
        QString key;
        YAML::anchor_t anchor = 0;
        qint64 sizeAtStart = 0;
        YAML::Mark mark;
    };
    struct Anchored
    {
        QJsonValue value;
        qint64 size = 0;
        QString keyText; // for scalars used as mapping keys
    };

    void nameAnchor(YAML::anchor_t anchor, const YAML::Mark& mark)
    {
        if (!m_haveRootMark) {
            rootMark = mark;
            m_haveRootMark = true;
        }
        if (anchor && !m_pendingName.empty())
            m_names[anchor] = QString::fromStdString(m_pendingName);
        m_pendingName.clear();
    }
    QString anchorName(YAML::anchor_t anchor) const
    {
        auto it = m_names.find(anchor);
        return it == m_names.end() ? QString::number(anchor) : it->second;
    }

    void grow(const YAML::Mark& mark, qint64 units, bool viaAlias, const QString& alias)
    {
        m_size += units;
        if (m_size <= m_budget)
            return;
        if (viaAlias)
            throw BuildError{mark,
                             ktr("kube", "the alias *%1 expands this document beyond %2 nodes and "
                                         "characters, the limit for %3 bytes of YAML (an alias "
                                         "bomb?)")
                                 .arg(alias)
                                 .arg(m_budget)
                                 .arg(m_inputSize)};
        throw BuildError{mark, ktr("kube", "the document is larger than %1 nodes and "
                                           "characters, the limit for %2 bytes of YAML")
                                   .arg(m_budget)
                                   .arg(m_inputSize)};
    }

    void open(const YAML::Mark& mark, bool isMap, YAML::anchor_t anchor)
    {
        if (int(m_stack.size()) >= kMaxYamlDepth)
            throw BuildError{mark, ktr("kube", "nested deeper than %1 levels").arg(kMaxYamlDepth)};
        grow(mark, 1, false, {});
        Frame f;
        f.isMap = isMap;
        f.anchor = anchor;
        f.sizeAtStart = m_size - 1;
        f.mark = mark;
        m_stack.push_back(std::move(f));
    }

    void close()
    {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        const QJsonValue v = f.isMap ? QJsonValue(f.object) : QJsonValue(f.array);
        const qint64 size = m_size - f.sizeAtStart;
        m_size = f.sizeAtStart; // add() counts it again
        add(f.mark, v, size, f.anchor, {}, false, {}, true);
    }

    // Places a finished value into its parent (or as the document).
    void add(const YAML::Mark& mark, const QJsonValue& v, qint64 size, YAML::anchor_t anchor,
             const QString& keyText, bool viaAlias = false, const QString& alias = {},
             bool counted = false)
    {
        if (counted)
            m_size += size;
        else
            grow(mark, size, viaAlias, alias);
        if (anchor)
            m_anchors[anchor] = Anchored{v, size, keyText};
        if (m_stack.empty()) {
            hasDocument = true;
            document = v;
            return;
        }
        Frame& parent = m_stack.back();
        if (!parent.isMap) {
            parent.array.append(v);
            return;
        }
        if (!parent.haveKey) {
            if (v.isObject() || v.isArray())
                throw BuildError{mark, ktr("kube", "a mapping key must be a scalar, not a %1")
                                           .arg(v.isObject() ? QStringLiteral("mapping")
                                                             : QStringLiteral("sequence"))};
            parent.key = keyText;
            parent.haveKey = true;
            return;
        }
        parent.object.insert(parent.key, v);
        parent.haveKey = false;
    }

    qint64 m_budget;
    qsizetype m_inputSize;
    qint64 m_size = 0;
    std::vector<Frame> m_stack;
    std::unordered_map<YAML::anchor_t, Anchored> m_anchors;
    std::unordered_map<YAML::anchor_t, QString> m_names;
    std::string m_pendingName;
    bool m_haveRootMark = false;
};

Status yamlError(const QString& sourceName, const YAML::Mark& mark, const QString& message)
{
    // yaml-cpp marks are 0-based; editors count from 1.
    return Status::error(Status::Kind::Invalid,
                         ktr("kube", "%1:%2:%3: invalid YAML: %4")
                             .arg(sourceName, QString::number(mark.line + 1),
                                  QString::number(mark.column + 1), message),
                         sourceName, QStringLiteral("InvalidYAML"));
}

} // namespace

qint64 yamlExpansionBudget(qsizetype inputBytes)
{
    return std::min<qint64>(kMaxYamlExpansion, kYamlExpansionBase + 8 * qint64(inputBytes));
}

namespace {

// Calls onDocument(value, mark of its first node, 1-based index) for every document.
template <typename F>
Status parseStream(const QByteArray& data, const QString& sourceName, F onDocument)
{
    if (data.size() > kMaxYamlBytes)
        return Status::error(Status::Kind::Invalid,
                             ktr("kube", "%1: more than %2 bytes of YAML, the most VelaDesk "
                                         "reads from one input")
                                 .arg(sourceName, QString::number(kMaxYamlBytes)),
                             sourceName, QStringLiteral("TooLarge"));
    std::istringstream in(data.toStdString());
    try {
        YAML::Parser parser(in);
        JsonBuilder builder(yamlExpansionBudget(data.size()), data.size());
        int index = 0;
        while (parser.HandleNextDocument(builder)) {
            if (++index > kMaxYamlDocuments)
                return yamlError(sourceName, builder.rootMark,
                                 ktr("kube", "more than %1 documents").arg(kMaxYamlDocuments));
            if (Status s = onDocument(builder.hasDocument ? builder.document
                                                          : QJsonValue(QJsonValue::Null),
                                      builder.rootMark, index);
                !s)
                return s;
        }
    } catch (const BuildError& e) {
        return yamlError(sourceName, e.mark, e.message);
    } catch (const YAML::Exception& e) {
        return yamlError(sourceName, e.mark, QString::fromStdString(e.msg));
    }
    return Status::success();
}

} // namespace

Result<QList<QJsonValue>> parseYamlValues(const QByteArray& data, const QString& sourceName)
{
    QList<QJsonValue> out;
    Status s = parseStream(data, sourceName, [&](const QJsonValue& v, const YAML::Mark&, int) {
        out.append(v);
        return Status::success();
    });
    if (!s)
        return Result<QList<QJsonValue>>::failure(s);
    return Result<QList<QJsonValue>>::success(out);
}

Result<QList<QJsonObject>> parseYamlDocuments(const QByteArray& data, const QString& sourceName)
{
    QList<QJsonObject> out;
    Status s =
        parseStream(data, sourceName, [&](const QJsonValue& doc, const YAML::Mark& m, int index) {
            if (doc.isNull() || doc.isUndefined())
                return Status::success();
            if (!doc.isObject())
                return Status::error(Status::Kind::Invalid,
                                     ktr("kube", "%1:%2:%3: document %4 is not a mapping (a "
                                                 "Kubernetes object)")
                                         .arg(sourceName, QString::number(m.line + 1),
                                              QString::number(m.column + 1),
                                              QString::number(index)),
                                     sourceName, QStringLiteral("InvalidYAML"));
            out.append(doc.toObject());
            return Status::success();
        });
    if (!s)
        return Result<QList<QJsonObject>>::failure(s);
    return Result<QList<QJsonObject>>::success(out);
}

Result<QList<QJsonObject>> parseYamlFile(const QString& path)
{
    using R = Result<QList<QJsonObject>>;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(
            Status::error(Status::Kind::Invalid,
                          ktr("kube", "cannot read %1: %2").arg(path, file.errorString()), path));
    // Read at most one byte past the limit: a huge file (or /dev/zero) is never loaded.
    const QByteArray data = readBounded(file, kMaxYamlBytes);
    return parseYamlDocuments(data, path);
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
    // Integers (and integral doubles within 64 bits) digit for digit: through a double,
    // 9007199254740993 would come out as 9007199254740992.
    constexpr qint64 none = std::numeric_limits<qint64>::min();
    const qint64 i = v.toInteger(none);
    if (i != none || v.toDouble() == double(none))
        return QByteArray::number(i);
    const double d = v.toDouble();
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
        const QByteArray key = scalarText(it.key());
        if (key.size() > 1000) {
            // YAML limits implicit keys to 1024 characters: a longer one is an explicit key
            // ("? key" then ": value" on the next line).
            out += "? " + key + '\n' + pad;
        } else {
            out += key;
        }
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
