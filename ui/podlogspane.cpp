#include "ui/podlogspane.h"

#include "models/plaintext.h"
#include "models/podlogmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace veladesk {

struct PodLogsPane::StreamEntry
{
    QString pod;
    QString container;
    std::unique_ptr<kube::PodLogStream> stream;
    qint64 undelivered = 0; // the stream's undeliveredLines() already counted as dropped
};

PodLogsPane::PodLogsPane(QWidget* parent)
    : QWidget(parent), m_model(new PodLogModel(this)), m_filter(new QSortFilterProxyModel(this))
{
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(PodLogModel::MatchRole);
    m_filter->setDynamicSortFilter(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto* bar = new QHBoxLayout;
    m_title = new QLabel(tr("Select a pod in the Pods pane or a revision"), this);
    m_title->setObjectName(QStringLiteral("podLogsTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    bar->addWidget(m_title, 1);

    auto* containerLabel = new QLabel(tr("Cont&ainer:"), this);
    m_container = new QComboBox(this);
    m_container->setObjectName(QStringLiteral("podLogsContainer"));
    m_container->setAccessibleName(tr("Container"));
    m_container->setToolTip(tr("The container whose log is shown (kubectl logs -c)"));
    m_container->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_container->setEnabled(false);
    containerLabel->setBuddy(m_container);
    bar->addWidget(containerLabel);
    bar->addWidget(m_container);

    m_previous = new QCheckBox(tr("&Previous"), this);
    m_previous->setObjectName(QStringLiteral("podLogsPrevious"));
    m_previous->setAccessibleName(tr("Previous instance"));
    m_previous->setToolTip(tr("The log of the previous (terminated) instance of the container, "
                              "as kubectl logs --previous"));
    bar->addWidget(m_previous);
    m_follow = new QCheckBox(tr("Follow up&dates"), this);
    m_follow->setObjectName(QStringLiteral("podLogsFollow"));
    m_follow->setAccessibleName(tr("Follow"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the stream open and show new lines as they come (kubectl "
                            "logs -f); the view stays at the end unless you scroll up"));
    bar->addWidget(m_follow);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("podLogsSearch"));
    m_search->setAccessibleName(tr("Search the log"));
    m_search->setToolTip(tr("Highlight the lines that contain this text"));
    m_search->setPlaceholderText(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    bar->addWidget(m_search);
    m_onlyMatching = new QCheckBox(tr("&Matching only"), this);
    m_onlyMatching->setObjectName(QStringLiteral("podLogsOnlyMatching"));
    m_onlyMatching->setAccessibleName(tr("Matching lines only"));
    m_onlyMatching->setToolTip(tr("Show only the lines that contain the search text"));
    bar->addWidget(m_onlyMatching);
    m_copy = new QPushButton(tr("Cop&y"), this);
    m_copy->setObjectName(QStringLiteral("podLogsCopy"));
    m_copy->setAccessibleName(tr("Copy log lines"));
    m_copy->setToolTip(tr("Copy the selected lines (all shown lines when none is selected)"));
    bar->addWidget(m_copy);
    layout->addLayout(bar);

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("podLogsView"));
    m_view->setAccessibleName(tr("Pod log"));
    m_view->setToolTip(tr("The log lines, prefixed with their pod when several pods are "
                          "followed"));
    m_view->setModel(m_filter);
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* copyAction = new QAction(tr("&Copy"), m_view);
    copyAction->setObjectName(QStringLiteral("copyPodLogsAction"));
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copyAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view, 1);

    auto* status = new QHBoxLayout;
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("podLogsState"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status->addWidget(m_state, 1);
    m_droppedLabel = new QLabel(this);
    m_droppedLabel->setObjectName(QStringLiteral("podLogsDropped"));
    m_droppedLabel->setTextFormat(Qt::PlainText);
    m_droppedLabel->setVisible(false);
    status->addWidget(m_droppedLabel);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("podLogsCounts"));
    m_counts->setTextFormat(Qt::PlainText);
    status->addWidget(m_counts);
    layout->addLayout(status);

    connect(copyAction, &QAction::triggered, this, &PodLogsPane::copyLines);
    connect(m_copy, &QPushButton::clicked, this, &PodLogsPane::copyLines);
    connect(m_container, &QComboBox::activated, this, [this] { startStreams(); });
    connect(m_previous, &QCheckBox::toggled, this, [this] { startStreams(); });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        m_stickToBottom = on;
        startStreams();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_model->setSearch(text);
        m_filter->setFilterFixedString(m_onlyMatching->isChecked() ? QStringLiteral("true")
                                                                   : QString());
        updateCounts();
    });
    connect(m_onlyMatching, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setFilterFixedString(on ? QStringLiteral("true") : QString());
        updateCounts();
    });
    // Following: stay at the end unless the user scrolled up.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar* sb = m_view->verticalScrollBar();
        m_stickToBottom = m_follow->isChecked() && sb->value() >= sb->maximum() - 1;
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_stickToBottom)
            m_view->scrollToBottom();
        updateCounts();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &PodLogsPane::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &PodLogsPane::updateCounts);
    connect(m_model, &PodLogModel::droppedChanged, this, &PodLogsPane::updateCounts);
    updateState();
    updateCounts();
}

PodLogsPane::~PodLogsPane()
{
    stopStreams();
}

QList<kube::PodLogStream*> PodLogsPane::streams() const
{
    QList<kube::PodLogStream*> list;
    for (const auto& e : m_streams)
        list << e->stream.get();
    return list;
}

void PodLogsPane::setConnection(std::shared_ptr<kube::Client> client, const QString& namespaceName)
{
    if (client == m_client && namespaceName == m_namespace)
        return;
    if (namespaceName != m_namespace)
        m_target.clear(); // the selection was of another namespace
    m_client = std::move(client);
    m_namespace = namespaceName;
    if (m_active) {
        resolve();
        return;
    }
    ++m_generation;
    stopStreams();
    m_pods.clear();
    m_resolved = QStringLiteral("\n"); // none: read the target when the pane is shown
    m_resolving = false;
    m_model->clear();
    updateState();
}

void PodLogsPane::showPod(const QString& name)
{
    setTarget(name.isEmpty() ? QString() : QStringLiteral("pod/") + name);
}

void PodLogsPane::showRevision(const QString& revision)
{
    setTarget(revision.isEmpty() ? QString() : QStringLiteral("revision/") + revision);
}

void PodLogsPane::clearTarget()
{
    setTarget({});
}

void PodLogsPane::setTarget(const QString& target)
{
    if (target == m_target)
        return;
    m_target = target;
    if (m_active)
        resolve();
}

void PodLogsPane::setActive(bool active)
{
    m_active = active;
    if (active && m_target != m_resolved && !m_resolving)
        resolve();
}

void PodLogsPane::setMaxLines(int lines)
{
    m_model->setMaxLines(lines);
}

// Finds the target's pods (async), then starts their streams.
void PodLogsPane::resolve()
{
    const quint64 generation = ++m_generation;
    stopStreams();
    m_model->clear();
    m_pods.clear();
    m_multiple = false;
    m_resolved = m_target;
    m_resolveError.clear();
    m_resolving = false;
    m_title->setText(m_target.isEmpty() ? tr("Select a pod in the Pods pane or a revision")
                                        : m_target);
    if (m_target.isEmpty() || !m_client) {
        m_container->clear();
        m_container->setEnabled(false);
        updateState();
        return;
    }
    m_resolving = true;
    updateState();
    kube::resolveLogTarget(m_client, m_namespace, m_target, true)
        .then(this, [this, generation](kube::Result<kube::LogTargetPods> r) {
            if (generation != m_generation)
                return; // another target since
            m_resolving = false;
            if (!r.ok()) {
                m_resolveError = r.status.message;
                updateState();
                return;
            }
            m_pods = r.value.pods;
            m_multiple = r.value.multiple; // a revision: prefixed even with one pod
            if (r.value.multiple)
                m_title->setText(m_pods.size() == 1 ? tr("%1 (1 pod)").arg(r.value.description)
                                                    : tr("%1 (%2 pods)")
                                                          .arg(r.value.description,
                                                               QString::number(m_pods.size())));
            else
                m_title->setText(r.value.description);
            // Containers: those of every pod, in order; keep the user's choice if still there.
            const QString chosen = m_container->currentText();
            QStringList names;
            for (const QJsonObject& pod : std::as_const(m_pods))
                for (const QString& c : kube::containerNames(pod))
                    if (!names.contains(c))
                        names << c;
            m_container->clear();
            m_container->addItems(names);
            QString pick = names.contains(chosen) ? chosen : QString();
            if (pick.isEmpty() && !m_pods.isEmpty())
                pick = kube::defaultContainer(m_pods.first());
            m_container->setCurrentText(pick);
            m_container->setEnabled(names.size() > 1);
            startStreams();
        });
}

void PodLogsPane::startStreams()
{
    stopStreams();
    m_model->clear();
    if (m_pods.isEmpty() || !m_client) {
        updateState();
        return;
    }
    m_model->setPrefixed(m_multiple || m_pods.size() > 1);
    kube::PodLogOptions options;
    options.follow = m_follow->isChecked();
    options.previous = m_previous->isChecked();
    kube::PodLogLimits limits;
    limits.maxLines = m_model->maxLines();
    const QString chosen = m_container->currentText();
    for (const QJsonObject& pod : std::as_const(m_pods)) {
        auto e = std::make_unique<StreamEntry>();
        e->pod =
            pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        e->container =
            kube::containerNames(pod).contains(chosen) ? chosen : kube::defaultContainer(pod);
        options.container = e->container;
        e->stream =
            std::make_unique<kube::PodLogStream>(m_client, m_namespace, e->pod, options, limits);
        StreamEntry* entry = e.get();
        connect(entry->stream.get(), &kube::PodLogStream::linesAdded, this,
                [this, entry](const QList<kube::LogLine>& lines, qint64) {
                    // Lines the stream dropped before delivering them count as dropped too.
                    const qint64 undelivered = entry->stream->undeliveredLines();
                    m_model->addDropped(undelivered - entry->undelivered);
                    entry->undelivered = undelivered;
                    m_model->append(entry->pod, entry->container, lines);
                });
        connect(entry->stream.get(), &kube::PodLogStream::stateChanged, this,
                &PodLogsPane::updateState);
        m_streams.push_back(std::move(e));
    }
    for (const auto& e : m_streams)
        e->stream->start();
    updateState();
    Q_EMIT streamsStarted();
}

void PodLogsPane::stopStreams()
{
    for (const auto& e : m_streams)
        e->stream->disconnect(this);
    m_streams.clear(); // ~PodLogStream ends its request
}

// One line for all streams: what they do, and why those that failed or reconnect do.
void PodLogsPane::updateState()
{
    QString text;
    if (!m_client) {
        text = tr("Not connected");
    } else if (m_target.isEmpty()) {
        text.clear();
    } else if (m_resolving) {
        text = tr("Finding the pods of %1…").arg(m_target);
    } else if (!m_resolveError.isEmpty()) {
        text = tr("Cannot read the logs of %1: %2").arg(m_target, m_resolveError);
    } else {
        int connecting = 0, streaming = 0, finished = 0;
        QStringList problems;
        const bool several = m_streams.size() > 1;
        for (const auto& e : m_streams) {
            const kube::PodLogStream* s = e->stream.get();
            const QString who = several ? e->pod + QStringLiteral(": ") : QString();
            switch (s->state()) {
            case kube::LogStreamState::Idle:
            case kube::LogStreamState::Connecting:
                ++connecting;
                break;
            case kube::LogStreamState::Streaming:
                ++streaming;
                break;
            case kube::LogStreamState::Finished:
                ++finished;
                break;
            case kube::LogStreamState::Reconnecting:
                problems << who + tr("connection lost, resuming (resumed %1 times so far): %2")
                                      .arg(s->resumes())
                                      .arg(s->stateMessage());
                break;
            case kube::LogStreamState::Failed:
                problems << who + tr("failed: %1").arg(s->stateMessage());
                break;
            }
        }
        QStringList parts;
        const int n = int(m_streams.size());
        auto part = [&](int count, const QString& one, const QString& some) {
            if (count == 0)
                return;
            parts << (n == 1 ? one : some.arg(count));
        };
        part(connecting, tr("Connecting…"), tr("%1 connecting"));
        part(streaming, m_follow->isChecked() ? tr("Following") : tr("Reading"),
             m_follow->isChecked() ? tr("%1 following") : tr("%1 reading"));
        part(finished, tr("End of log"), tr("%1 at the end of their log"));
        parts << problems;
        text = parts.join(QStringLiteral("; "));
    }
    m_state->setText(text);
    m_state->setToolTip(plainToolTip(text));
}

void PodLogsPane::updateCounts()
{
    const QLocale locale;
    QString counts = m_model->rowCount() == 1
                         ? tr("1 line")
                         : tr("%1 lines").arg(locale.toString(m_model->rowCount()));
    if (!m_model->search().isEmpty())
        counts += tr(", %1 matching").arg(locale.toString(m_model->matchCount()));
    m_counts->setText(counts);
    const qint64 dropped = m_model->droppedLines();
    m_droppedLabel->setVisible(dropped > 0);
    m_droppedLabel->setText(
        tr("%1 lines dropped (the pane keeps the newest %2)")
            .arg(locale.toString(dropped), locale.toString(m_model->maxLines())));
}

int PodLogsPane::copyLines()
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    if (rows.isEmpty()) {
        for (int r = 0; r < m_filter->rowCount(); ++r)
            lines << m_filter->index(r, 0).data().toString();
    } else {
        for (const QModelIndex& i : std::as_const(rows))
            lines << i.data().toString();
    }
    if (!lines.isEmpty())
        QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    return int(lines.size());
}

} // namespace veladesk
