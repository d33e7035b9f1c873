#pragma once
// The translation check of the GUI tests: walks a window's visible widgets and returns every
// user-facing string that is still English (issue 14, item 3).
//
// What is read: window and dock titles, labels, button texts, group box titles, tab texts and
// tab tooltips, menu and action texts and tooltips, line edit placeholders, the items of combo
// boxes that are not data pickers, progress bar formats, the header labels (and header
// tooltips) of every item view, chart titles and axis titles, and every widget's tooltip,
// accessible name and accessible description (what a screen reader says).
// Not read: what the cluster sends (names, phases, messages), view cells, editors' contents.
//
// A string counts as untranslated when it has no CJK character and still holds an English
// word once the names that stay as they are (VelaDesk, Kubernetes kinds, kubectl, YAML,
// shortcut keys, ...) and data tokens (anything with a digit, '/', '.', ':', '-', '_', '=' or
// '@': object names, versions, paths, URLs) are taken out.

#include "ui/translation.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMutex>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSet>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTranslator>
#include <QTreeView>
#include <atomic>

namespace guitest {

inline bool hasCjk(const QString& s)
{
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0x3000 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) ||
            (u >= 0xFF00 && u <= 0xFFEF))
            return true;
    }
    return false;
}

// The English words left in `text` (empty: nothing to translate, or translated).
inline QStringList englishWords(const QString& shown)
{
    QString text = shown;
    if (Qt::mightBeRichText(text))
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    text.replace(QLatin1String("&&"), QLatin1String("\x01")).remove(QLatin1Char('&'));
    if (text.trimmed().isEmpty() || hasCjk(text))
        return {};
    // names that are the same in every language
    static const QStringList keep = {QStringLiteral("VelaDesk"),
                                     QStringLiteral("veladesk"),
                                     QStringLiteral("Kubernetes"),
                                     QStringLiteral("kubectl"),
                                     QStringLiteral("KubeVela"),
                                     QStringLiteral("Istio"),
                                     QStringLiteral("Gateway API"),
                                     QStringLiteral("Application"),
                                     QStringLiteral("ApplicationRevision"),
                                     QStringLiteral("AppDeployment"),
                                     QStringLiteral("Deployment"),
                                     QStringLiteral("Service"),
                                     QStringLiteral("VirtualService"),
                                     QStringLiteral("HTTPRoute"),
                                     QStringLiteral("Gateway"),
                                     QStringLiteral("Pod"),
                                     QStringLiteral("ReplicaSet"),
                                     QStringLiteral("EndpointSlice"),
                                     QStringLiteral("Lease"),
                                     QStringLiteral("HPA"),
                                     QStringLiteral("HorizontalPodAutoscaler"),
                                     QStringLiteral("CRD"),
                                     QStringLiteral("ControllerRevision"),
                                     QStringLiteral("Namespace"),
                                     QStringLiteral("Node"),
                                     QStringLiteral("YAML"),
                                     QStringLiteral("JSON"),
                                     QStringLiteral("URL"),
                                     QStringLiteral("HTTP"),
                                     QStringLiteral("HTTPS"),
                                     QStringLiteral("TLS"),
                                     QStringLiteral("API"),
                                     QStringLiteral("UTC"),
                                     QStringLiteral("Host"),
                                     QStringLiteral("kubeconfig"),
                                     QStringLiteral("managedFields"),
                                     QStringLiteral("Ctrl"),
                                     QStringLiteral("Shift"),
                                     QStringLiteral("Alt"),
                                     QStringLiteral("Esc"),
                                     QStringLiteral("Return"),
                                     QStringLiteral("Enter"),
                                     QStringLiteral("Del")};
    static const QRegularExpression tokens(QStringLiteral("[^\\s()\\[\\],;\"'`“”]+"));
    static const QRegularExpression data(QStringLiteral("[0-9/.:\\-_=@%*]"));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    for (const QString& k : keep)
        text.replace(
            QRegularExpression(QStringLiteral("\\b%1s?\\b").arg(QRegularExpression::escape(k))),
            QStringLiteral(" "));
    QStringList left;
    for (auto it = tokens.globalMatch(text); it.hasNext();) {
        const QString t = it.next().captured();
        if (!data.match(t).hasMatch() && word.match(t).hasMatch())
            left << t;
    }
    return left;
}

class UntranslatedFinder
{
public:
    // Widgets whose texts are data (the context and namespace pickers).
    QSet<const QWidget*> dataWidgets;
    // Places ("where" as in findings()) that show a message of the engine (kube/) verbatim: the
    // engine's messages stay English (they are many, and shared with logs and the CLI).
    QSet<QString> engineText;

    // "where: text" for each English string, once each.
    QStringList findings() const { return m_findings; }

    void check(const QString& where, const QString& text)
    {
        if (engineText.contains(where) || englishWords(text).isEmpty())
            return;
        const QString line = QStringLiteral("%1: \"%2\"").arg(where, text);
        if (!m_findings.contains(line))
            m_findings << line;
    }

    static QString nameOf(const QObject* o)
    {
        return QStringLiteral("%1#%2").arg(QString::fromLatin1(o->metaObject()->className()),
                                           o->objectName());
    }

    void checkAction(const QAction* a, const QString& where)
    {
        if (a->isSeparator())
            return;
        const QString at = where + QLatin1Char('/') + nameOf(a);
        check(at + QStringLiteral(" text"), a->text());
        if (a->toolTip() != QString(a->text()).remove(QLatin1Char('&')))
            check(at + QStringLiteral(" tooltip"), a->toolTip());
        if (a->menu())
            checkMenu(a->menu(), at);
    }

    void checkMenu(const QMenu* menu, const QString& where)
    {
        check(where + QStringLiteral(" menu title"), menu->title());
        for (const QAction* a : menu->actions())
            checkAction(a, where);
    }

    void checkView(const QAbstractItemView* view, const QString& where)
    {
        const QAbstractItemModel* m = view->model();
        if (!m)
            return;
        const auto* tree = qobject_cast<const QTreeView*>(view);
        const auto* table = qobject_cast<const QTableView*>(view);
        const QHeaderView* header = tree    ? tree->header()
                                    : table ? table->horizontalHeader()
                                            : nullptr;
        if (!header || header->isHidden())
            return;
        for (int c = 0; c < m->columnCount(); ++c) {
            if (header->isSectionHidden(c))
                continue;
            const QString at = QStringLiteral("%1 header %2").arg(where).arg(c);
            check(at, m->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
            check(at + QStringLiteral(" tooltip"),
                  m->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString());
        }
    }

    void checkChart(const QChart* chart, const QString& where)
    {
        check(where + QStringLiteral(" chart title"), chart->title());
        for (const QAbstractAxis* axis : chart->axes())
            check(where + QStringLiteral(" axis title"), axis->titleText());
    }

    // The widget and its visible descendants.
    void walk(QWidget* root)
    {
        QList<QWidget*> all{root};
        all += root->findChildren<QWidget*>();
        for (QWidget* w : std::as_const(all)) {
            if (!w->isVisible() || dataWidgets.contains(w))
                continue;
            const QString at = nameOf(w);
            if (w->isWindow())
                check(at + QStringLiteral(" window title"),
                      QString(w->windowTitle()).remove(QLatin1String("[*]")));
            if (!w->toolTip().isEmpty())
                check(at + QStringLiteral(" tooltip"), w->toolTip());
            check(at + QStringLiteral(" accessible name"), w->accessibleName());
            check(at + QStringLiteral(" accessible description"), w->accessibleDescription());
            if (auto* l = qobject_cast<QLabel*>(w))
                check(at, l->text());
            else if (auto* b = qobject_cast<QAbstractButton*>(w))
                check(at, b->text());
            else if (auto* g = qobject_cast<QGroupBox*>(w))
                check(at, g->title());
            else if (auto* d = qobject_cast<QDockWidget*>(w))
                check(at + QStringLiteral(" title"), d->windowTitle());
            else if (auto* e = qobject_cast<QLineEdit*>(w))
                check(at + QStringLiteral(" placeholder"), e->placeholderText());
            else if (auto* p = qobject_cast<QProgressBar*>(w))
                check(at + QStringLiteral(" format"), p->format());
            else if (auto* c = qobject_cast<QComboBox*>(w)) {
                check(at + QStringLiteral(" placeholder"), c->placeholderText());
                for (int i = 0; i < c->count(); ++i) {
                    check(QStringLiteral("%1 item %2").arg(at).arg(i), c->itemText(i));
                    check(QStringLiteral("%1 item %2 tooltip").arg(at).arg(i),
                          c->itemData(i, Qt::ToolTipRole).toString());
                }
            } else if (auto* t = qobject_cast<QTabBar*>(w)) {
                for (int i = 0; i < t->count(); ++i) {
                    check(QStringLiteral("%1 tab %2").arg(at).arg(i), t->tabText(i));
                    check(QStringLiteral("%1 tab %2 tooltip").arg(at).arg(i), t->tabToolTip(i));
                }
            } else if (auto* v = qobject_cast<QAbstractItemView*>(w))
                checkView(v, at);
            else if (auto* cv = qobject_cast<QChartView*>(w); cv && cv->chart())
                checkChart(cv->chart(), at);
            else if (auto* mb = qobject_cast<QMenuBar*>(w))
                for (const QAction* a : mb->actions())
                    checkAction(a, at);
            for (const QAction* a : w->actions())
                checkAction(a, at);
        }
    }

private:
    QStringList m_findings;
};

// Installed after the application's translators (so asked first), it answers nothing and notes
// each text of VelaDesk's contexts that the zh_CN translation lacks, shown or not: a tooltip
// never hovered, a message of a state not reached in the test, ...
class MissingTranslations : public QTranslator
{
public:
    explicit MissingTranslations(QObject* parent = nullptr) : QTranslator(parent)
    {
        m_ok = m_real.load(QStringLiteral(":/i18n/veladesk_zh_CN.qm"));
    }
    bool loaded() const { return m_ok; }
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char* disambiguation,
                      int n) const override
    {
        const QByteArray ctx(context);
        m_lookups.fetch_add(1);
        if ((ctx.startsWith("veladesk::") || ctx == "Cli" || ctx == "Gui" || ctx == "QObject") &&
            source && *source && m_real.translate(context, source, disambiguation, n).isEmpty()) {
            QMutexLocker lock(&m_mutex);
            m_missing.insert(QStringLiteral("%1: \"%2\"")
                                 .arg(QString::fromUtf8(ctx), QString::fromUtf8(source)));
        }
        return {};
    }
    int lookups() const { return m_lookups.load(); }
    QStringList missing() const
    {
        QMutexLocker lock(&m_mutex);
        QStringList list(m_missing.cbegin(), m_missing.cend());
        list.sort();
        return list;
    }

private:
    QTranslator m_real;
    bool m_ok = false;
    mutable QMutex m_mutex;
    mutable QSet<QString> m_missing;
    mutable std::atomic<int> m_lookups{0};
};

// The translators' watcher of the running test (set by runUnderZhCn).
inline MissingTranslations*& missingTranslations()
{
    static MissingTranslations* watcher = nullptr;
    return watcher;
}

// A test slot's check: every text looked up so far had its translation (shown or not).
inline void verifyNoMissingTranslation()
{
    const MissingTranslations* watcher = missingTranslations();
    QVERIFY(watcher);
    QVERIFY2(watcher->lookups() > 100, "the translators were not asked");
    const QStringList missing = watcher->missing();
    for (const QString& m : missing)
        qWarning("no zh_CN translation: %s", qPrintable(m));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
}

// main() of a zh_CN window test: the environment of a Chinese desktop (LANG=zh_CN.UTF-8, the
// other locale variables unset) before Qt reads it, the translators installed as app/gui.cpp
// does (what they loaded into *loaded), MissingTranslations over them, then the test class.
template <typename Test> int runUnderZhCn(int argc, char** argv, QStringList* loaded = nullptr)
{
    qputenv("LANG", "zh_CN.UTF-8");
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    qunsetenv("LANGUAGE");
    QApplication app(argc, argv);
    const QStringList files = veladesk::installTranslators(&app);
    if (loaded)
        *loaded = files;
    MissingTranslations watcher; // asked first: notes, answers nothing
    if (!watcher.loaded() || !QCoreApplication::installTranslator(&watcher))
        qFatal("cannot load :/i18n/veladesk_zh_CN.qm");
    missingTranslations() = &watcher;
    Test test;
    const int failed = QTest::qExec(&test, argc, argv);
    missingTranslations() = nullptr;
    return failed;
}

} // namespace guitest
