#include "kube/rollout/application.h"

#include "kube/yamljson.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <limits>

namespace kube::rollout {

namespace {

Status invalid(const QString& field, const QString& message)
{
    Status s = Status::error(Status::Kind::Invalid,
                             field.isEmpty() ? message : field + QStringLiteral(": ") + message);
    s.reason = QStringLiteral("Invalid");
    return s;
}

QString join(const QString& prefix, const QString& name)
{
    return prefix.isEmpty() ? name : prefix + QLatin1Char('.') + name;
}

// Canonical JSON: object keys sorted (QJsonObject already iterates in key order), compact.
QByteArray canonical(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        QByteArray out = "{";
        bool first = true;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!first)
                out += ',';
            first = false;
            out += QJsonDocument(QJsonArray{it.key()})
                       .toJson(QJsonDocument::Compact)
                       .mid(1)
                       .chopped(1);
            out += ':';
            out += canonical(it.value());
        }
        return out + '}';
    }
    case QJsonValue::Array: {
        const QJsonArray a = value.toArray();
        QByteArray out = "[";
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            out += canonical(a.at(i));
        }
        return out + ']';
    }
    default:
        return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    }
}

} // namespace

QList<int> Component::ports() const
{
    if (!isSupported())
        return {};
    const QJsonValue p = properties.value(QLatin1String("port"));
    if (p.isUndefined() || p.isNull())
        return {80};
    if (p.isDouble())
        return {p.toInt()};
    return {};
}

Result<WebServiceProperties> Component::webService(const QString& field) const
{
    using R = Result<WebServiceProperties>;
    if (!isSupported())
        return R::failure(invalid(field.isEmpty() ? QStringLiteral("component ") + name
                                                  : join(field, QStringLiteral("type")),
                                  ktr("kube::rollout", "not supported: %1").arg(type)));
    const QString pf = field.isEmpty() ? QString() : join(field, QStringLiteral("properties"));
    auto f = [&](const char* prop) { return join(pf, QString::fromLatin1(prop)); };
    WebServiceProperties w;
    const QJsonValue image = properties.value(QLatin1String("image"));
    if (!image.isString() || image.toString().isEmpty())
        return R::failure(
            invalid(f("image"), ktr("kube::rollout", "required (a container image)")));
    w.image = image.toString();
    const QJsonValue port = properties.value(QLatin1String("port"));
    if (!port.isUndefined() && !port.isNull()) {
        const double d = port.toDouble(-1);
        // Range first: converting an out-of-range double to int is undefined behaviour.
        if (!port.isDouble() || !(d >= 1 && d <= 65535) || d != double(int(d)))
            return R::failure(
                invalid(f("port"), ktr("kube::rollout", "must be an integer 1..65535")));
        w.port = int(d);
    }
    const QJsonValue cmd = properties.value(QLatin1String("cmd"));
    if (!cmd.isUndefined() && !cmd.isNull()) {
        if (!cmd.isArray())
            return R::failure(invalid(f("cmd"), ktr("kube::rollout", "must be a list of strings")));
        for (const QJsonValue& c : cmd.toArray()) {
            if (!c.isString())
                return R::failure(
                    invalid(f("cmd"), ktr("kube::rollout", "must be a list of strings")));
            w.cmd << c.toString();
        }
    }
    const QJsonValue env = properties.value(QLatin1String("env"));
    if (!env.isUndefined() && !env.isNull()) {
        if (!env.isArray())
            return R::failure(
                invalid(f("env"), ktr("kube::rollout", "must be a list of {name, value}")));
        const QJsonArray a = env.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject e = a.at(i).toObject();
            const QString ef = f("env") + QStringLiteral("[%1]").arg(i);
            if (!e.value(QLatin1String("name")).isString() ||
                e.value(QLatin1String("name")).toString().isEmpty())
                return R::failure(
                    invalid(ef + QStringLiteral(".name"), QStringLiteral("required")));
            const QJsonValue v = e.value(QLatin1String("value"));
            QString value;
            if (v.isString())
                value = v.toString();
            else if (v.isDouble())
                value = jsonNumberText(v); // exactly as written: 1234567, not 1.23457e+06
            else if (v.isBool())
                value = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            else if (!v.isUndefined() && !v.isNull())
                return R::failure(invalid(ef + QStringLiteral(".value"),
                                          ktr("kube::rollout", "must be a string")));
            w.env << EnvVar{e.value(QLatin1String("name")).toString(), value};
        }
    }
    auto quantity = [&](const char* prop, QString* out) -> Status {
        const QJsonValue v = properties.value(QLatin1String(prop));
        if (v.isUndefined() || v.isNull())
            return Status::success();
        if (v.isString())
            *out = v.toString();
        else if (v.isDouble())
            *out = jsonNumberText(v); // a number of bytes or cores, exactly as written
        else
            return invalid(
                f(prop), ktr("kube::rollout", "must be a quantity such as \"500m\" or \"128Mi\""));
        return Status::success();
    };
    if (Status s = quantity("cpu", &w.cpu); !s)
        return R::failure(s);
    if (Status s = quantity("memory", &w.memory); !s)
        return R::failure(s);
    const QJsonValue pull = properties.value(QLatin1String("imagePullPolicy"));
    if (!pull.isUndefined() && !pull.isNull()) {
        static const QStringList allowed{QStringLiteral("Always"), QStringLiteral("IfNotPresent"),
                                         QStringLiteral("Never")};
        if (!pull.isString() || !allowed.contains(pull.toString()))
            return R::failure(
                invalid(f("imagePullPolicy"),
                        ktr("kube::rollout", "must be one of Always, IfNotPresent, Never")));
        w.imagePullPolicy = pull.toString();
    }
    const QJsonValue arl = properties.value(QLatin1String("addRevisionLabel"));
    if (!arl.isUndefined() && !arl.isNull()) {
        if (!arl.isBool())
            return R::failure(
                invalid(f("addRevisionLabel"), ktr("kube::rollout", "must be true or false")));
        w.addRevisionLabel = arl.toBool();
    }
    return R::success(w);
}

Result<Component> Component::fromJson(const QJsonObject& json, const QString& field)
{
    using R = Result<Component>;
    Component c;
    const QJsonValue name = json.value(QLatin1String("name"));
    if (!name.isString() || name.toString().isEmpty())
        return R::failure(invalid(join(field, QStringLiteral("name")), QStringLiteral("required")));
    c.name = name.toString();
    const QJsonValue type = json.value(QLatin1String("type"));
    if (!type.isString() || type.toString().isEmpty())
        return R::failure(invalid(join(field, QStringLiteral("type")), QStringLiteral("required")));
    c.type = type.toString();
    const QJsonValue props = json.value(QLatin1String("properties"));
    if (!props.isUndefined() && !props.isNull() && !props.isObject())
        return R::failure(invalid(join(field, QStringLiteral("properties")),
                                  ktr("kube::rollout", "must be a map")));
    c.properties = props.toObject();
    c.traits = json.value(QLatin1String("traits")).toArray();
    return R::success(c);
}

QJsonObject Component::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name}, {QStringLiteral("type"), type}};
    if (!properties.isEmpty())
        o.insert(QStringLiteral("properties"), properties);
    if (!traits.isEmpty())
        o.insert(QStringLiteral("traits"), traits);
    return o;
}

bool Application::revisionOnly() const
{
    return annotations.value(key(labels::revisionOnly)).toString() == QLatin1String("true");
}

const Component* Application::component(const QString& componentName) const
{
    for (const Component& c : components)
        if (c.name == componentName)
            return &c;
    return nullptr;
}

Result<Application> Application::fromJson(const QJsonObject& object)
{
    using R = Result<Application>;
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (!kind.isEmpty() && kind != QLatin1String("Application"))
        return R::failure(
            invalid(QStringLiteral("kind"), QStringLiteral("expected Application, got ") + kind));
    Application app;
    app.object = object;
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    app.name = meta.value(QLatin1String("name")).toString();
    if (app.name.isEmpty())
        return R::failure(invalid(QStringLiteral("metadata.name"), QStringLiteral("required")));
    app.namespaceName = meta.value(QLatin1String("namespace")).toString();
    app.uid = meta.value(QLatin1String("uid")).toString();
    app.annotations = meta.value(QLatin1String("annotations")).toObject();
    const QJsonValue spec = object.value(QLatin1String("spec"));
    if (!spec.isObject())
        return R::failure(invalid(QStringLiteral("spec"), QStringLiteral("required")));
    app.spec = spec.toObject();
    const QJsonValue comps = app.spec.value(QLatin1String("components"));
    if (!comps.isArray())
        return R::failure(
            invalid(QStringLiteral("spec.components"), ktr("kube::rollout", "must be a list")));
    const QJsonArray a = comps.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString field = QStringLiteral("spec.components[%1]").arg(i);
        if (!a.at(i).isObject())
            return R::failure(invalid(field, ktr("kube::rollout", "must be a map")));
        Result<Component> c = Component::fromJson(a.at(i).toObject(), field);
        if (!c)
            return R::failure(c.status);
        if (app.component(c.value.name))
            return R::failure(
                invalid(field + QStringLiteral(".name"),
                        ktr("kube::rollout", "duplicate component name %1").arg(c.value.name)));
        app.components << c.value;
    }
    return R::success(app);
}

QString revisionSuffix(const QString& revisionName)
{
    return revisionName.section(QLatin1Char('-'), -1);
}

int revisionNumberOf(const QString& revisionName, const QString& appName)
{
    if (!appName.isEmpty() && !revisionName.startsWith(appName + QStringLiteral("-v")))
        return 0;
    static const QRegularExpression re(QStringLiteral("-v(\\d+)$"));
    const QRegularExpressionMatch m = re.match(revisionName);
    if (!m.hasMatch())
        return 0;
    // A number beyond int saturates (so that nothing is numbered below it), it does not wrap
    // or become 0.
    bool ok = false;
    const int n = m.captured(1).toInt(&ok);
    return ok ? n : std::numeric_limits<int>::max();
}

QString AppRevision::suffix() const
{
    return revisionSuffix(name);
}

Result<AppRevision> AppRevision::fromJson(const QJsonObject& object)
{
    using R = Result<AppRevision>;
    AppRevision r;
    r.object = object;
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    r.name = meta.value(QLatin1String("name")).toString();
    if (r.name.isEmpty())
        return R::failure(invalid(QStringLiteral("metadata.name"), QStringLiteral("required")));
    r.namespaceName = meta.value(QLatin1String("namespace")).toString();
    r.creationTimestamp = meta.value(QLatin1String("creationTimestamp")).toString();
    const QJsonObject lbls = meta.value(QLatin1String("labels")).toObject();
    r.hash = lbls.value(key(labels::appRevisionHash)).toString();
    QJsonObject snapshot = object.value(QLatin1String("spec"))
                               .toObject()
                               .value(QLatin1String("application"))
                               .toObject();
    // The v1beta1 CRD declares spec.application.metadata without properties, so the API server
    // prunes it: take the Application's name from the label, else from the revision name.
    QJsonObject snapMeta = snapshot.value(QLatin1String("metadata")).toObject();
    if (snapMeta.value(QLatin1String("name")).toString().isEmpty()) {
        QString appName = lbls.value(key(labels::appName)).toString();
        if (appName.isEmpty())
            appName = r.name.section(QLatin1Char('-'), 0, -2);
        snapMeta.insert(QStringLiteral("name"), appName);
        snapshot.insert(QStringLiteral("metadata"), snapMeta);
    }
    Result<Application> app = Application::fromJson(snapshot);
    if (!app) {
        Status s = app.status;
        s.message = QStringLiteral("ApplicationRevision ") + r.name +
                    QStringLiteral(": spec.application.") + s.message;
        return R::failure(s);
    }
    r.application = app.value;
    r.appName = lbls.value(key(labels::appName)).toString();
    if (r.appName.isEmpty())
        r.appName = r.application.name;
    r.revision = revisionNumberOf(r.name, r.appName);
    return R::success(r);
}

QString specHash(const QJsonObject& spec)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical(spec), QCryptographicHash::Sha256).toHex().left(16));
}

RevisionDecision decideRevision(const QJsonObject& app, const QList<AppRevision>& existing,
                                const QJsonObject& latestStatus)
{
    RevisionDecision d;
    const QJsonObject meta = app.value(QLatin1String("metadata")).toObject();
    const QString appName = meta.value(QLatin1String("name")).toString();
    const QString ns = meta.value(QLatin1String("namespace")).toString();
    const QJsonObject spec = app.value(QLatin1String("spec")).toObject();
    d.hash = specHash(spec);

    // The latest revision: highest number among existing ones and the status pointer (a
    // number beyond int saturates rather than wrapping or reading as 0).
    const double statusNumber = latestStatus.value(QLatin1String("revision")).toDouble();
    int maxNumber = statusNumber >= double(std::numeric_limits<int>::max())
                        ? std::numeric_limits<int>::max()
                    : statusNumber > 0 ? int(statusNumber)
                                       : 0;
    const AppRevision* latest = nullptr;
    for (const AppRevision& r : existing) {
        if (r.appName != appName)
            continue;
        maxNumber = std::max(maxNumber, r.revision);
        if (!latest || r.revision > latest->revision)
            latest = &r;
    }
    if (latest && latest->revision == maxNumber) {
        // Compare the stored snapshot too: a revision KubeVela recorded carries KubeVela's
        // hash in its label, which VelaDesk's hash never equals.
        if (latest->hash == d.hash || specHash(latest->application.spec) == d.hash) {
            if (!latest->hash.isEmpty())
                d.hash = latest->hash;
            d.record = false;
            d.name = latest->name;
            d.revision = latest->revision;
            d.latestRevision = QJsonObject{{QStringLiteral("name"), d.name},
                                           {QStringLiteral("revision"), d.revision},
                                           {QStringLiteral("revisionHash"), d.hash}};
            return d;
        }
    }
    d.record = true;
    if (maxNumber == std::numeric_limits<int>::max()) {
        d.status = Status::error(
            Status::Kind::Invalid,
            ktr("kube::rollout", "Application %1: the latest revision number is %2, the largest "
                                 "VelaDesk can count to; no further revision can be recorded")
                .arg(appName)
                .arg(maxNumber),
            QStringLiteral("Application/") + appName, QStringLiteral("RevisionLimit"));
        return d;
    }
    d.revision = maxNumber + 1;
    d.name = appName + QStringLiteral("-v") + QString::number(d.revision);
    d.latestRevision = QJsonObject{{QStringLiteral("name"), d.name},
                                   {QStringLiteral("revision"), d.revision},
                                   {QStringLiteral("revisionHash"), d.hash}};

    // Snapshot: the Application as applied, without server-managed metadata and status.
    QJsonObject snapMeta;
    for (const char* k : {"name", "namespace", "labels", "annotations", "uid", "generation"})
        if (meta.contains(QLatin1String(k)))
            snapMeta.insert(QLatin1String(k), meta.value(QLatin1String(k)));
    const QJsonObject snapshot{
        {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("Application")},
        {QStringLiteral("metadata"), snapMeta},
        {QStringLiteral("spec"), spec}};
    QJsonObject revMeta{
        {QStringLiteral("name"), d.name},
        {QStringLiteral("labels"),
         QJsonObject{{key(labels::appName), appName}, {key(labels::appRevisionHash), d.hash}}}};
    if (!ns.isEmpty())
        revMeta.insert(QStringLiteral("namespace"), ns);
    const QString uid = meta.value(QLatin1String("uid")).toString();
    if (!uid.isEmpty())
        revMeta.insert(QStringLiteral("ownerReferences"),
                       QJsonArray{QJsonObject{
                           {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
                           {QStringLiteral("kind"), QStringLiteral("Application")},
                           {QStringLiteral("name"), appName},
                           {QStringLiteral("uid"), uid},
                           {QStringLiteral("controller"), true}}});
    // applicationConfiguration is required by the v1beta1 CRD (an embedded resource); KubeVela
    // stored the rendered ApplicationConfiguration there. VelaDesk renders at rollout time, so
    // it records an empty one.
    const QJsonObject appConfig{
        {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1alpha2")},
        {QStringLiteral("kind"), QStringLiteral("ApplicationConfiguration")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), appName}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("components"), QJsonArray{}}}}};
    d.revisionObject =
        QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
                    {QStringLiteral("kind"), QStringLiteral("ApplicationRevision")},
                    {QStringLiteral("metadata"), revMeta},
                    {QStringLiteral("spec"),
                     QJsonObject{{QStringLiteral("application"), snapshot},
                                 {QStringLiteral("applicationConfiguration"), appConfig}}}};
    return d;
}

} // namespace kube::rollout
