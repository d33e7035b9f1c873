// Server-supplied text is shown as plain text, never as markup (issue 9). Qt renders an item
// tooltip, a widget tooltip or a QLabel in Qt::AutoText as rich text when Qt::mightBeRichText()
// says so: a first line with a tag in it, e.g. an Event message
// "<h1 style='color:red'>HUGE RED</h1><a href=x>click me</a>" became a red headline and a link
// in the log pane's tooltip. The window here has no cluster; the hostile text reaches it the way
// server text does (the namespace store fed with objects as a watch delivers them, the panes
// given server errors) and every place that shows it is checked three ways: the string a model
// or widget holds shows the text literally when rendered as Qt renders it, labels are
// Qt::PlainText, and a grab of the rendered tooltip or label has no red pixel.

#include "models/applicationsmodel.h"
#include "models/clustersession.h"
#include "models/logmodel.h"
#include "models/namespacestore.h"
#include "models/podsmodel.h"
#include "models/revisionsmodel.h"
#include "models/rolloutcontroller.h"
#include "models/rolloutplanmodel.h"
#include "tests/models/fixtures.h"
#include "ui/applypane.h"
#include "ui/mainwindow.h"
#include "ui/previewpane.h"
#include "ui/rollouteditor.h"

#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QJsonArray>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>
#include <QTreeView>

using namespace veladesk;
using Kind = NamespaceStore::Kind;

namespace {

const QString kHostile =
    QStringLiteral("<h1 style='color:red'>HUGE RED</h1><a href=x>click me</a>");

// What a user reads where Qt shows `text` in Qt::AutoText (a tooltip, a QLabel by default).
QString shownAsAutoText(const QString& text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

// Pixels of the hostile style's red (CSS red, #ff0000). VelaDesk's own error red (#d03030, used
// for failed applies and preview errors) is not counted.
int redPixels(const QImage& image)
{
    int n = 0;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor c = QColor::fromRgb(img.pixel(x, y));
            if (c.red() >= 235 && c.green() <= 50 && c.blue() <= 50)
                ++n;
        }
    return n;
}

// Where the images go: the plain-text/ folder of VELADESK_SCREENSHOT_DIR (not the screenshots
// the AppStream metainfo lists); "" when not set.
QString shotDir()
{
    const QString dir = qEnvironmentVariable("VELADESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return {};
    QDir().mkpath(dir + QStringLiteral("/plain-text"));
    return dir + QStringLiteral("/plain-text");
}

QLabel* visibleToolTip()
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w->objectName() == QLatin1String("qtooltip_label") && w->isVisible())
            return qobject_cast<QLabel*>(w);
    return nullptr;
}

// Hovers `index` of `view` as the mouse would (a QHelpEvent on its viewport) and returns the
// tooltip Qt shows, or nullptr.
QLabel* hoverToolTip(QAbstractItemView* view, const QModelIndex& index)
{
    QToolTip::hideText();
    view->scrollTo(index);
    const QPoint pos = view->visualRect(index).center();
    QHelpEvent event(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event);
    QTest::qWait(50);
    return visibleToolTip();
}

QJsonObject hostileEvent()
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("e1")}}},
        {QStringLiteral("type"), QStringLiteral("Normal")},
        {QStringLiteral("reason"), QStringLiteral("Pulled")},
        {QStringLiteral("involvedObject"),
         QJsonObject{{QStringLiteral("kind"), QStringLiteral("Pod")},
                     {QStringLiteral("name"), QStringLiteral("testsvc-v1-abc")}}},
        {QStringLiteral("message"), kHostile}};
}

QJsonObject hostilePod()
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("name"), QStringLiteral("testsvc-v1-abc")},
             {QStringLiteral("uid"), QStringLiteral("p1")},
             {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app.oam.dev/appRevision"),
                                                     QStringLiteral("example-app-v1")}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")},
                     {QStringLiteral("containerStatuses"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("ready"), false},
                          {QStringLiteral("state"),
                           QJsonObject{{QStringLiteral("waiting"),
                                        QJsonObject{{QStringLiteral("reason"), kHostile}}}}}}}}}}};
}

// The revisions fixture with a hostile image in example-app-v1.
QList<QJsonObject> hostileRevisions()
{
    QList<QJsonObject> out = fixtures::items(QStringLiteral("applicationrevisions.json"));
    QJsonObject r = out[0];
    QJsonObject spec = r[QLatin1String("spec")].toObject();
    QJsonObject app = spec[QLatin1String("application")].toObject();
    QJsonObject appSpec = app[QLatin1String("spec")].toObject();
    QJsonArray components = appSpec[QLatin1String("components")].toArray();
    QJsonObject c = components[0].toObject();
    QJsonObject props = c[QLatin1String("properties")].toObject();
    props[QStringLiteral("image")] = kHostile;
    c[QStringLiteral("properties")] = props;
    components[0] = c;
    appSpec[QStringLiteral("components")] = components;
    app[QStringLiteral("spec")] = appSpec;
    spec[QStringLiteral("application")] = app;
    r[QStringLiteral("spec")] = spec;
    out[0] = r;
    return out;
}

// The Failed AppDeployment fixture with a hostile phase and condition message.
QJsonObject hostileAppDeployment()
{
    QJsonObject ad = fixtures::object(QStringLiteral("appdeployment-failed.json"));
    QJsonObject status = ad[QLatin1String("status")].toObject();
    status[QStringLiteral("phase")] = kHostile;
    QJsonArray conditions = status[QLatin1String("conditions")].toArray();
    QJsonObject c = conditions[0].toObject();
    c[QStringLiteral("message")] = kHostile;
    conditions[0] = c;
    status[QStringLiteral("conditions")] = conditions;
    ad[QStringLiteral("status")] = status;
    return ad;
}

} // namespace

class TestPlainText : public QObject
{
    Q_OBJECT
    std::unique_ptr<MainWindow> window;

    // The label shows the hostile text literally: plain text format, no red pixel.
    void checkLabel(QLabel* label, const char* what)
    {
        QVERIFY2(label, what);
        QVERIFY2(label->text().contains(kHostile) || label->toolTip().contains(kHostile) ||
                     shownAsAutoText(label->toolTip()).contains(kHostile),
                 what);
        if (label->text().contains(kHostile)) {
            QVERIFY(label->isVisible());
            const QImage image = label->grab().toImage();
            if (!shotDir().isEmpty())
                image.save(shotDir() +
                           QStringLiteral("/hostile-label-%1.png").arg(label->objectName()));
            const int red = redPixels(image);
            QVERIFY2(
                red == 0,
                qPrintable(QStringLiteral("%1: %2 red pixels").arg(QLatin1String(what)).arg(red)));
            QVERIFY2(label->textFormat() == Qt::PlainText,
                     qPrintable(QStringLiteral("%1: text format %2")
                                    .arg(QLatin1String(what))
                                    .arg(int(label->textFormat()))));
        }
        if (!label->toolTip().isEmpty())
            QVERIFY2(shownAsAutoText(label->toolTip()).contains(kHostile),
                     qPrintable(QStringLiteral("%1 tooltip shows: %2")
                                    .arg(QLatin1String(what), shownAsAutoText(label->toolTip()))));
    }

    void checkToolTipRole(const QModelIndex& index, const char* what)
    {
        const QString tip = index.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("HUGE RED")), what);
        QVERIFY2(shownAsAutoText(tip).contains(kHostile),
                 qPrintable(QStringLiteral("%1: the tooltip shows \"%2\"")
                                .arg(QLatin1String(what), shownAsAutoText(tip))));
    }

    void checkRenderedToolTip(QAbstractItemView* view, const QModelIndex& index, const char* what)
    {
        QLabel* tip = hoverToolTip(view, index);
        QVERIFY2(tip, what);
        const QImage image = tip->grab().toImage();
        QToolTip::hideText();
        if (!shotDir().isEmpty())
            image.save(shotDir() +
                       QStringLiteral("/hostile-tooltip-%1.png").arg(QLatin1String(what)));
        const int red = redPixels(image);
        QVERIFY2(red == 0, qPrintable(QStringLiteral("%1: %2 red pixels in the tooltip (%3x%4)")
                                          .arg(QLatin1String(what))
                                          .arg(red)
                                          .arg(image.width())
                                          .arg(image.height())));
        QVERIFY2(shownAsAutoText(tip->text()).contains(kHostile) ||
                     (tip->textFormat() == Qt::PlainText && tip->text().contains(kHostile)),
                 qPrintable(QStringLiteral("%1: the tooltip shows \"%2\"")
                                .arg(QLatin1String(what), shownAsAutoText(tip->text()))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A kubeconfig path is not server text, but it reaches the same banner as the server's
        // answers when connecting fails.
        window = std::make_unique<MainWindow>(
            kube::KubeConfigOptions{QStringLiteral("/nonexistent/") + kHostile, {}, {}});
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        NamespaceStore* store = window->session()->store();
        store->resetKind(Kind::Applications, fixtures::items(QStringLiteral("applications.json")));
        store->resetKind(Kind::ApplicationRevisions, hostileRevisions());
        store->resetKind(Kind::AppDeployments, {hostileAppDeployment()});
        store->resetKind(Kind::Pods, {hostilePod()});
        store->applyEvents(Kind::Events, {{kube::WatchEvent::Type::Added, hostileEvent()}});
        store->flushChanges();
        window->podsModel()->flush();
        QVERIFY(window->selectApplication(QStringLiteral("example-app")));
    }

    void cleanupTestCase() { window.reset(); }

    // The reproduction: the Event's message in the log pane's tooltip.
    void logPaneToolTip()
    {
        const LogModel* log = window->logModel();
        int row = -1;
        for (int i = 0; i < log->rowCount(); ++i)
            if (log->entry(i).source == QLatin1String("event"))
                row = i;
        QVERIFY(row >= 0);
        const QModelIndex index = log->index(row, LogModel::Message);
        checkToolTipRole(index, "log message");
        window->showDock(QStringLiteral("logDock"));
        auto* view = window->findChild<QTreeView*>(QStringLiteral("logView"));
        checkRenderedToolTip(view, view->model()->index(row, LogModel::Message), "log");
    }

    void modelToolTips()
    {
        const ApplicationsModel* apps = window->applicationsModel();
        const int app = apps->rowOf(QStringLiteral("example-app"));
        QVERIFY(app >= 0);
        checkToolTipRole(apps->index(app, ApplicationsModel::Phase), "applications: phase");
        checkRenderedToolTip(window->applicationsView(), apps->index(app, ApplicationsModel::Phase),
                             "applications");

        const RevisionsModel* revisions = window->revisionsModel();
        QVERIFY(revisions->rowCount() > 0);
        checkToolTipRole(revisions->index(0, RevisionsModel::Images), "revisions: image");

        const PodsModel* pods = window->podsModel();
        QCOMPARE(pods->rowCount(), 1);
        checkToolTipRole(pods->index(0, PodsModel::Phase), "pods: phase");
        window->showDock(QStringLiteral("podsDock"));
        QAbstractItemView* podsView = window->podsView();
        checkRenderedToolTip(podsView, podsView->model()->index(0, PodsModel::Phase), "pods");
    }

    void labels()
    {
        // the editor's header: the AppDeployment's phase, its condition message as tooltip
        checkLabel(window->editor()->findChild<QLabel*>(QStringLiteral("planPhase")),
                   "editor phase");
        // the connection banner (the failure's message)
        checkLabel(window->findChild<QLabel*>(QStringLiteral("connectionBanner")),
                   "connection banner");

        // a server error in the preview pane and in the apply pane's report
        window->showDock(QStringLiteral("previewDock"));
        window->previewPane()->setError(kHostile);
        checkLabel(window->previewPane()->findChild<QLabel*>(QStringLiteral("previewStatus")),
                   "preview status");
        window->showDock(QStringLiteral("applyDock"));
        kube::rollout::ApplyReport report;
        report.status = kube::Status::error(kube::Status::Kind::Http, kHostile,
                                            QStringLiteral("AppDeployment/example-appdeploy"));
        window->applyPane()->finished(report);
        checkLabel(window->applyPane()->findChild<QLabel*>(QStringLiteral("applyReport")),
                   "apply report");
    }

    // A Lease holder is whatever another tool wrote into spec.holderIdentity: the applications
    // pane's tooltip, the editor's banner and the apply pane's "refused" report show it as text.
    void leaseHolder()
    {
        QJsonObject lease = fixtures::object(QStringLiteral("applylease-cli.json"));
        QJsonObject spec = lease[QLatin1String("spec")].toObject();
        spec[QStringLiteral("holderIdentity")] = kHostile;
        lease[QStringLiteral("spec")] = spec;
        NamespaceStore* store = window->session()->store();
        const QDateTime renewed = kube::rollout::ApplyLeaseInfo::fromJson(lease)->renewTime;
        store->setClock([renewed] { return renewed.addSecs(5); }); // the Lease is live
        store->resetKind(Kind::ApplyLeases, {lease});
        store->flushChanges();

        const ApplicationsModel* apps = window->applicationsModel();
        const int app = apps->rowOf(QStringLiteral("example-app"));
        QVERIFY(apps->index(app, ApplicationsModel::Phase)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("apply in progress by\n<h1")));
        checkToolTipRole(apps->index(app, ApplicationsModel::Phase), "applications: holder");
        checkRenderedToolTip(window->applicationsView(), apps->index(app, ApplicationsModel::Phase),
                             "applications-holder");
        QTRY_VERIFY(!window->editor()->applyNoticeText().isEmpty());
        checkLabel(window->editor()->findChild<QLabel*>(QStringLiteral("applyNotice")),
                   "editor apply banner");

        kube::rollout::ApplyReport refused;
        refused.status = kube::Status::error(kube::Status::Kind::Http, QStringLiteral("refused"),
                                             QStringLiteral("AppDeployment/example-appdeploy"));
        refused.heldBy = kube::rollout::ApplyLeaseInfo::fromJson(lease);
        window->showDock(QStringLiteral("applyDock"));
        window->applyPane()->finished(refused);
        checkLabel(window->applyPane()->findChild<QLabel*>(QStringLiteral("applyReport")),
                   "apply report: holder");
        if (!shotDir().isEmpty())
            window->grab().save(shotDir() + QStringLiteral("/hostile-holder.png"));
        store->resetKind(Kind::ApplyLeases, {});
        store->setClock([] { return QDateTime::currentDateTimeUtc(); });
    }
};

QTEST_MAIN(TestPlainText)
#include "tst_plaintext.moc"
