#include "kube/rollout/httproute.h"

#include <QRegularExpression>
#include <QSet>

namespace kube::rollout::detail {

namespace {

const QString kRevisionHeader = QStringLiteral("x-veladesk-revision");
const QString kGatewayGroup = QStringLiteral("gateway.networking.k8s.io");

// Limits of the HTTPRoute CRD (gateway-api v1.6, standard channel).
constexpr int kMaxRules = 16;
constexpr int kMaxBackendRefs = 16;
constexpr int kMaxMatchesPerRule = 64;
constexpr int kMaxMatches = 128;
constexpr int kMaxHostnames = 16;
constexpr int kMaxParentRefs = 32;

Issue error(const QString& field, const QString& message)
{
    return Issue{Issue::Severity::Error, field, message};
}
Issue warning(const QString& field, const QString& message)
{
    return Issue{Issue::Severity::Warning, field, message};
}

bool matchesPattern(const QString& text, const QRegularExpression& re)
{
    return re.match(text).hasMatch();
}

bool isHostname(const QString& host)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return host.size() <= 253 && matchesPattern(host, re);
}

bool isIpv4(const QString& host)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]+(\\.[0-9]+){3}$"));
    return matchesPattern(host, re);
}

bool isDnsLabel(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return s.size() <= 63 && matchesPattern(s, re);
}

bool isDnsSubdomain(const QString& s)
{
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return s.size() <= 253 && matchesPattern(s, re);
}

bool isHeaderName(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9!#$%&'*+\\-.^_`|~]+$"));
    return s.size() <= 256 && matchesPattern(s, re);
}

// Why an Exact or PathPrefix value is refused by the CRD's rules; empty when it is not.
QString pathProblem(const QString& value)
{
    static const QRegularExpression chars(
        QStringLiteral("^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$"));
    if (!value.startsWith(QLatin1Char('/')))
        return ktr("kube::rollout", "must be an absolute path starting with '/'");
    for (const char* bad : {"//", "/./", "/../", "%2f", "%2F", "#"})
        if (value.contains(QLatin1String(bad)))
            return ktr("kube::rollout", "must not contain '%1'").arg(QLatin1String(bad));
    if (value.endsWith(QLatin1String("/..")) || value.endsWith(QLatin1String("/.")))
        return ktr("kube::rollout", "must not end with '/.' or '/..'");
    if (!matchesPattern(value, chars))
        return ktr("kube::rollout", "holds characters a path may not");
    return {};
}

// An Istio StringMatch ({exact|prefix|regex: value}) as an HTTPRoute type and value.
struct StringMatch
{
    QString kind; // "exact", "prefix", "regex"
    QString value;
    QString problem;
};
StringMatch stringMatch(const QJsonValue& v)
{
    StringMatch m;
    const QJsonObject o = v.toObject();
    if (!v.isObject() || o.size() != 1) {
        m.problem = ktr("kube::rollout", "must hold exactly one of exact, prefix or regex");
        return m;
    }
    m.kind = o.begin().key();
    if (m.kind != QLatin1String("exact") && m.kind != QLatin1String("prefix") &&
        m.kind != QLatin1String("regex")) {
        m.problem = ktr("kube::rollout", "%1 is not exact, prefix or regex").arg(m.kind);
        return m;
    }
    if (!o.begin().value().isString() || o.begin().value().toString().isEmpty())
        m.problem = ktr("kube::rollout", "%1 must be a non-empty string").arg(m.kind);
    m.value = o.begin().value().toString();
    return m;
}

QString headerType(const QString& kind)
{
    return kind == QLatin1String("regex") ? QStringLiteral("RegularExpression")
                                          : QStringLiteral("Exact");
}

// headers / queryParams of an Istio match as HTTPRoute {type, name, value} entries.
QJsonArray nameValueMatches(const QJsonObject& istio, const QString& field, const QString& what,
                            QList<Issue>* issues)
{
    QJsonArray out;
    for (auto it = istio.begin(); it != istio.end(); ++it) {
        const QString f = field + QLatin1Char('.') + it.key();
        if (!isHeaderName(it.key()) && issues)
            *issues << error(f, ktr("kube::rollout", "\"%1\" is not a %2 name an HTTPRoute accepts")
                                    .arg(it.key(), what));
        const StringMatch m = stringMatch(it.value());
        if (!m.problem.isEmpty()) {
            if (issues)
                *issues << error(f, m.problem);
            continue;
        }
        if (m.kind == QLatin1String("prefix")) {
            if (issues)
                *issues << error(f + QStringLiteral(".prefix"),
                                 ktr("kube::rollout",
                                     "an HTTPRoute matches a %1 exactly or by regular "
                                     "expression, not by prefix: use regex "
                                     "\"^%2.*\", or route this plan with "
                                     "virtualservice")
                                     .arg(what, QRegularExpression::escape(m.value)));
            continue;
        }
        out.append(QJsonObject{{QStringLiteral("type"), headerType(m.kind)},
                               {QStringLiteral("name"), it.key()},
                               {QStringLiteral("value"), m.value}});
    }
    return out;
}

// One Istio HTTPMatchRequest as an HTTPRoute match; problems go to `issues` when given.
QJsonObject translateMatch(const QJsonObject& m, const QString& field, QList<Issue>* issues)
{
    QJsonObject out{
        {QStringLiteral("path"), QJsonObject{{QStringLiteral("type"), QStringLiteral("PathPrefix")},
                                             {QStringLiteral("value"), QStringLiteral("/")}}}};
    for (auto it = m.begin(); it != m.end(); ++it) {
        const QString f = field + QLatin1Char('.') + it.key();
        const QString k = it.key();
        if (k == QLatin1String("uri")) {
            const StringMatch s = stringMatch(it.value());
            if (!s.problem.isEmpty()) {
                if (issues)
                    *issues << error(f, s.problem);
                continue;
            }
            const QString type = s.kind == QLatin1String("exact") ? QStringLiteral("Exact")
                                 : s.kind == QLatin1String("prefix")
                                     ? QStringLiteral("PathPrefix")
                                     : QStringLiteral("RegularExpression");
            if (s.kind != QLatin1String("regex")) {
                const QString problem = pathProblem(s.value);
                if (!problem.isEmpty() && issues)
                    *issues << error(f + QLatin1Char('.') + s.kind,
                                     ktr("kube::rollout", "\"%1\" %2 (an HTTPRoute path)")
                                         .arg(s.value, problem));
            }
            out.insert(QStringLiteral("path"), QJsonObject{{QStringLiteral("type"), type},
                                                           {QStringLiteral("value"), s.value}});
        } else if (k == QLatin1String("headers")) {
            const QJsonArray h =
                nameValueMatches(it.value().toObject(), f, ktr("kube::rollout", "header"), issues);
            if (!h.isEmpty())
                out.insert(QStringLiteral("headers"), h);
        } else if (k == QLatin1String("queryParams")) {
            const QJsonArray q = nameValueMatches(it.value().toObject(), f,
                                                  ktr("kube::rollout", "query parameter"), issues);
            if (!q.isEmpty())
                out.insert(QStringLiteral("queryParams"), q);
        } else if (k == QLatin1String("method")) {
            static const QStringList methods{
                QStringLiteral("GET"),     QStringLiteral("HEAD"),   QStringLiteral("POST"),
                QStringLiteral("PUT"),     QStringLiteral("DELETE"), QStringLiteral("CONNECT"),
                QStringLiteral("OPTIONS"), QStringLiteral("TRACE"),  QStringLiteral("PATCH")};
            const StringMatch s = stringMatch(it.value());
            if (s.problem.isEmpty() && s.kind == QLatin1String("exact") &&
                methods.contains(s.value)) {
                out.insert(QStringLiteral("method"), s.value);
            } else if (issues) {
                *issues << error(f, ktr("kube::rollout",
                                        "an HTTPRoute matches a method exactly, one of "
                                        "%1")
                                        .arg(methods.join(QStringLiteral(", "))));
            }
        } else if (k == QLatin1String("name")) {
            if (issues)
                *issues << warning(f, ktr("kube::rollout",
                                          "Istio's match name (for logs and metrics) "
                                          "has no HTTPRoute counterpart: not carried"));
        } else if (issues) {
            *issues << error(f, ktr("kube::rollout", "an HTTPRoute cannot match on %1 (an Istio "
                                                     "VirtualService field): route this plan with "
                                                     "virtualservice, or drop it")
                                    .arg(k));
        }
    }
    return out;
}

// Gateway API precedence of a match: exact path, longest prefix, method, most headers, most
// query parameters. A regular expression path's rank is implementation-specific: it is left out
// of the comparison.
struct Precedence
{
    QString pathType;
    QString path;
    QList<int> key;
};
Precedence precedenceOf(const QJsonObject& match)
{
    Precedence p;
    const QJsonObject path = match.value(QLatin1String("path")).toObject();
    p.pathType = path.value(QLatin1String("type")).toString();
    p.path = path.value(QLatin1String("value")).toString();
    const bool exact = p.pathType == QLatin1String("Exact");
    const bool prefix = p.pathType == QLatin1String("PathPrefix");
    p.key = {exact ? 1 : 0, exact || prefix ? int(p.path.size()) : 0,
             match.contains(QLatin1String("method")) ? 1 : 0,
             int(match.value(QLatin1String("headers")).toArray().size()),
             int(match.value(QLatin1String("queryParams")).toArray().size())};
    return p;
}

// Gateway API PathPrefix: by path elements, a trailing '/' ignored.
bool underPrefix(QString prefix, const QString& path)
{
    while (prefix.size() > 1 && prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    return prefix == QLatin1String("/") || path == prefix ||
           path.startsWith(prefix + QLatin1Char('/'));
}

// Some path may match both.
bool pathsOverlap(const Precedence& a, const Precedence& b)
{
    const QString exact = QStringLiteral("Exact"), prefix = QStringLiteral("PathPrefix");
    if ((a.pathType != exact && a.pathType != prefix) ||
        (b.pathType != exact && b.pathType != prefix))
        return true;
    if (a.pathType == exact && b.pathType == exact)
        return a.path == b.path;
    if (a.pathType == prefix && b.pathType == exact)
        return underPrefix(a.path, b.path);
    if (a.pathType == exact && b.pathType == prefix)
        return underPrefix(b.path, a.path);
    return underPrefix(a.path, b.path) || underPrefix(b.path, a.path);
}

} // namespace

QJsonArray httpRouteMatches(const QJsonArray& istioMatch)
{
    QJsonArray out;
    for (const QJsonValue& m : istioMatch)
        out.append(translateMatch(m.toObject(), {}, nullptr));
    if (out.isEmpty())
        out.append(translateMatch({}, {}, nullptr));
    return out;
}

void validateHttpRoute(const AppDeploymentPlan& plan, QList<Issue>* issues)
{
    const Traffic& traffic = *plan.traffic;
    const QString tf = QStringLiteral("spec.traffic");
    if (traffic.gateways.isEmpty())
        *issues << warning(tf + QStringLiteral(".gateways"),
                           ktr("kube::rollout",
                               "no gateways: the HTTPRoute attaches to no Gateway, so "
                               "nothing routes through it"));
    if (traffic.gateways.size() > kMaxParentRefs)
        *issues << error(tf + QStringLiteral(".gateways"),
                         ktr("kube::rollout", "%1 gateways; an HTTPRoute takes at most %2")
                             .arg(traffic.gateways.size())
                             .arg(kMaxParentRefs));
    QSet<QString> seenGateways;
    for (qsizetype i = 0; i < traffic.gateways.size(); ++i) {
        const QString g = traffic.gateways.at(i);
        const QString f = tf + QStringLiteral(".gateways[%1]").arg(i);
        if (g == QLatin1String("mesh")) {
            *issues << error(f, ktr("kube::rollout",
                                    "\"mesh\" is Istio's name for the sidecars; an "
                                    "HTTPRoute attaches to Gateways only: name a "
                                    "Gateway, or route this plan with virtualservice"));
            continue;
        }
        const GatewayRef ref = parseGatewayRef(g);
        if (!isDnsSubdomain(ref.name) ||
            (g.contains(QLatin1Char('/')) && !isDnsLabel(ref.namespaceName))) {
            *issues << error(f, ktr("kube::rollout", "\"%1\" is not a Gateway as name or "
                                                     "namespace/name")
                                    .arg(g));
            continue;
        }
        const QString canonical = ref.display(QStringLiteral("."));
        if (seenGateways.contains(canonical))
            *issues << error(f, ktr("kube::rollout", "Gateway %1 is listed twice").arg(g));
        seenGateways.insert(canonical);
    }

    int hostnames = 0;
    for (qsizetype i = 0; i < traffic.hosts.size(); ++i) {
        const QString h = traffic.hosts.at(i).trimmed();
        const QString f = tf + QStringLiteral(".hosts[%1]").arg(i);
        if (h.isEmpty() || h == QLatin1String("*"))
            continue; // empty: validate() says so; "*": every host, no hostnames
        ++hostnames;
        if (isIpv4(h))
            *issues << error(f, ktr("kube::rollout", "%1: an HTTPRoute hostname cannot be an IP "
                                                     "address")
                                    .arg(h));
        else if (!isHostname(h))
            *issues << error(f,
                             ktr("kube::rollout", "%1 is not a hostname an HTTPRoute accepts "
                                                  "(lower-case DNS name, optionally starting with "
                                                  "\"*.\")")
                                 .arg(h));
    }
    if (hostnames > kMaxHostnames)
        *issues << error(tf + QStringLiteral(".hosts"),
                         ktr("kube::rollout", "%1 hosts; an HTTPRoute takes at most %2 hostnames")
                             .arg(hostnames)
                             .arg(kMaxHostnames));

    if (traffic.http.size() > kMaxRules)
        *issues << error(tf + QStringLiteral(".http"),
                         ktr("kube::rollout", "%1 rules; an HTTPRoute takes at most %2")
                             .arg(traffic.http.size())
                             .arg(kMaxRules));
    qsizetype totalMatches = 0;
    QList<QList<Precedence>> precedence;
    for (qsizetype i = 0; i < traffic.http.size(); ++i) {
        const HttpRule& rule = traffic.http.at(i);
        const QString hf = tf + QStringLiteral(".http[%1]").arg(i);
        if (rule.weightedTargets.size() > kMaxBackendRefs)
            *issues << error(hf + QStringLiteral(".weightedTargets"),
                             ktr("kube::rollout", "%1 targets; an HTTPRoute rule takes at most %2")
                                 .arg(rule.weightedTargets.size())
                                 .arg(kMaxBackendRefs));
        if (rule.match.size() > kMaxMatchesPerRule)
            *issues << error(hf + QStringLiteral(".match"),
                             ktr("kube::rollout", "%1 matches; an HTTPRoute rule takes at most %2")
                                 .arg(rule.match.size())
                                 .arg(kMaxMatchesPerRule));
        totalMatches += std::max<qsizetype>(1, rule.match.size());
        QList<Precedence> ranks;
        for (qsizetype j = 0; j < rule.match.size(); ++j) {
            const QString mf = hf + QStringLiteral(".match[%1]").arg(j);
            if (!rule.match.at(j).isObject()) {
                *issues << error(mf, ktr("kube::rollout", "must be an object"));
                continue;
            }
            ranks << precedenceOf(translateMatch(rule.match.at(j).toObject(), mf, issues));
        }
        if (rule.match.isEmpty())
            ranks << precedenceOf(translateMatch({}, {}, nullptr));
        precedence << ranks;
    }
    if (totalMatches > kMaxMatches)
        *issues << error(tf + QStringLiteral(".http"),
                         ktr("kube::rollout", "%1 matches in all; an HTTPRoute takes at most %2")
                             .arg(totalMatches)
                             .arg(kMaxMatches));

    // Istio tries the rules in order; an HTTPRoute the most specific match first.
    for (qsizetype j = 1; j < precedence.size(); ++j) {
        bool warned = false;
        for (qsizetype i = 0; i < j && !warned; ++i)
            for (const Precedence& later : precedence.at(j)) {
                for (const Precedence& earlier : precedence.at(i))
                    if (later.pathType != QLatin1String("RegularExpression") &&
                        earlier.pathType != QLatin1String("RegularExpression") &&
                        later.key > earlier.key && pathsOverlap(later, earlier)) {
                        *issues << warning(
                            tf + QStringLiteral(".http[%1].match").arg(j),
                            ktr("kube::rollout",
                                "an HTTPRoute tries the most specific match first "
                                "(exact path, longest prefix, method, headers, query "
                                "parameters), not the rules' order: a request that "
                                "matches http[%1] and http[%2] goes to http[%2] (a "
                                "VirtualService sends it to http[%1])")
                                .arg(i)
                                .arg(j));
                        warned = true;
                        break;
                    }
                if (warned)
                    break;
            }
    }
}

QJsonObject renderHttpRoute(const AppDeploymentPlan& plan, const RenderOptions& options,
                            const QJsonObject& metadata)
{
    const Traffic& traffic = *plan.traffic;
    QJsonArray parentRefs;
    for (const QString& g : traffic.gateways) {
        const GatewayRef ref = parseGatewayRef(g);
        QJsonObject p{{QStringLiteral("group"), kGatewayGroup},
                      {QStringLiteral("kind"), QStringLiteral("Gateway")},
                      {QStringLiteral("name"), ref.name}};
        if (!ref.namespaceName.isEmpty())
            p.insert(QStringLiteral("namespace"), ref.namespaceName);
        parentRefs.append(p);
    }
    QJsonArray rules;
    for (const HttpRule& rule : traffic.http) {
        QJsonArray backendRefs;
        for (const WeightedTarget& t : rule.weightedTargets) {
            const QJsonObject header{{QStringLiteral("name"), kRevisionHeader},
                                     {QStringLiteral("value"), t.revisionName}};
            backendRefs.append(QJsonObject{
                {QStringLiteral("group"), QString()},
                {QStringLiteral("kind"), QStringLiteral("Service")},
                {QStringLiteral("name"), serviceName(t.revisionName, t.componentName, t.port)},
                {QStringLiteral("port"), t.port},
                {QStringLiteral("weight"), t.weight},
                {QStringLiteral("filters"),
                 QJsonArray{
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("ResponseHeaderModifier")},
                                 {QStringLiteral("responseHeaderModifier"),
                                  QJsonObject{{QStringLiteral("set"), QJsonArray{header}}}}}}}});
        }
        rules.append(QJsonObject{{QStringLiteral("matches"), httpRouteMatches(rule.match)},
                                 {QStringLiteral("backendRefs"), backendRefs}});
    }
    QJsonObject spec{{QStringLiteral("rules"), rules}};
    if (!parentRefs.isEmpty())
        spec.insert(QStringLiteral("parentRefs"), parentRefs);
    bool everyHost = false;
    QStringList hostnames;
    for (const QString& h : traffic.hosts) {
        if (h.trimmed() == QLatin1String("*"))
            everyHost = true;
        else
            hostnames << h.trimmed();
    }
    if (!everyHost && !hostnames.isEmpty())
        spec.insert(QStringLiteral("hostnames"), QJsonArray::fromStringList(hostnames));
    return QJsonObject{
        {QStringLiteral("apiVersion"), kGatewayGroup + QLatin1Char('/') + options.httpRouteVersion},
        {QStringLiteral("kind"), QStringLiteral("HTTPRoute")},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("spec"), spec}};
}

} // namespace kube::rollout::detail
