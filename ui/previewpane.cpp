#include "ui/previewpane.h"

#include "kube/yamljson.h"
#include "ui/diffhighlighter.h"

#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace veladesk {

using kube::rollout::ObjectDiff;

namespace {
QString changeName(ObjectDiff::Change c)
{
    switch (c) {
    case ObjectDiff::Change::Create:
        return PreviewPane::tr("create");
    case ObjectDiff::Change::Update:
        return PreviewPane::tr("update");
    case ObjectDiff::Change::Unchanged:
        return PreviewPane::tr("unchanged");
    case ObjectDiff::Change::Delete:
        return PreviewPane::tr("delete");
    }
    return {};
}
QColor changeColor(ObjectDiff::Change c)
{
    switch (c) {
    case ObjectDiff::Change::Create:
        return QColor(0x2e, 0xa0, 0x43);
    case ObjectDiff::Change::Update:
        return QColor(0xe0, 0xa0, 0x00);
    case ObjectDiff::Change::Unchanged:
        return QColor(0x90, 0x90, 0x90);
    case ObjectDiff::Change::Delete:
        return QColor(0xd0, 0x30, 0x30);
    }
    return {};
}
} // namespace

PreviewPane::PreviewPane(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("previewPane"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_status = new QLabel(tr("Press Preview (Ctrl+P) to see what Apply would change."), this);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setTextFormat(Qt::PlainText); // the server's dry-run errors
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* split = new QSplitter(Qt::Horizontal, this);
    m_list = new QListWidget(split);
    m_list->setObjectName(QStringLiteral("previewList"));
    m_list->setAccessibleName(tr("Objects to change"));
    m_list->setToolTip(tr("Each object the plan creates, updates or deletes; select one to "
                          "see its YAML or diff"));
    m_text = new QPlainTextEdit(split);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_text->document());
    split->addWidget(m_list);
    split->addWidget(m_text);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({260, 800});
    layout->addWidget(split, 1);
    connect(m_list, &QListWidget::currentRowChanged, this, &PreviewPane::showEntry);
}

void PreviewPane::clear()
{
    m_stale = false;
    m_status->setPalette(QPalette());
    m_renderedYaml.clear();
    m_diffs.clear();
    m_list->clear();
    m_text->clear();
    m_status->setText(tr("Press Preview (Ctrl+P) to see what Apply would change."));
}

void PreviewPane::setRendered(const QList<QJsonObject>& objects)
{
    m_renderedYaml = QString::fromUtf8(kube::toYaml(objects));
    m_diffs.clear();
    m_list->clear();
    auto* all =
        new QListWidgetItem(tr("All objects (YAML to apply, %1)").arg(objects.size()), m_list);
    QFont f = all->font();
    f.setBold(true);
    all->setFont(f);
    m_list->setCurrentRow(0);
}

void PreviewPane::setBusy(const QString& message)
{
    m_stale = false;
    m_status->setPalette(QPalette());
    m_status->setText(message);
}

void PreviewPane::markStale()
{
    if (m_list->count() == 0 || m_stale)
        return;
    m_stale = true;
    m_status->setText(tr("The plan changed since this preview: press Preview (Ctrl+P) again. ") +
                      m_status->text());
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, QColor(0xc0, 0x80, 0x00));
    m_status->setPalette(pal);
}

void PreviewPane::setDiffs(const QList<ObjectDiff>& diffs)
{
    m_diffs = diffs;
    while (m_list->count() > 1)
        delete m_list->takeItem(1);
    for (const ObjectDiff& d : diffs) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  %2").arg(changeName(d.change), -9).arg(d.displayName()), m_list);
        item->setForeground(changeColor(d.change));
    }
    const int changes = kube::rollout::countChanges(diffs);
    m_status->setText(
        changes == 0
            ? tr("Server-side dry-run: nothing would change (%1 objects).").arg(diffs.size())
            : tr("Server-side dry-run: %1 of %2 objects would change. Select one to see "
                 "its diff against the live object.")
                  .arg(changes)
                  .arg(diffs.size()));
    // show the first change
    for (int i = 0; i < diffs.size(); ++i)
        if (diffs[i].change != ObjectDiff::Change::Unchanged) {
            m_list->setCurrentRow(i + 1);
            return;
        }
}

void PreviewPane::setError(const QString& message)
{
    m_status->setText(tr("Preview failed: %1").arg(message));
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    m_status->setPalette(pal);
}

void PreviewPane::showEntry(int row)
{
    if (row < 0) {
        m_text->clear();
        return;
    }
    if (row == 0) {
        m_text->setPlainText(m_renderedYaml);
        return;
    }
    const ObjectDiff& d = m_diffs.value(row - 1);
    switch (d.change) {
    case ObjectDiff::Change::Unchanged:
        m_text->setPlainText(tr("# %1: live object equals the plan\n").arg(d.displayName()) +
                             QString::fromUtf8(kube::toYaml(d.live)));
        break;
    case ObjectDiff::Change::Create:
        m_text->setPlainText(d.unifiedDiff.isEmpty() ? QString::fromUtf8(kube::toYaml(d.planned))
                                                     : d.unifiedDiff);
        break;
    default:
        m_text->setPlainText(d.unifiedDiff);
        break;
    }
}

int PreviewPane::objectCount() const
{
    return int(m_diffs.size());
}
QString PreviewPane::entryText(int row) const
{
    return row < m_list->count() ? m_list->item(row)->text() : QString();
}
QString PreviewPane::currentText() const
{
    return m_text->toPlainText();
}
void PreviewPane::selectEntry(int row)
{
    m_list->setCurrentRow(row);
}

} // namespace veladesk
