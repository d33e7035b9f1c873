#include "ui/objectdetailspane.h"

#include "kube/rollout/inspect.h"
#include "models/objectdetails.h"
#include "ui/yamlhighlighter.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace veladesk {

using kube::rollout::Health;

namespace {

QLabel* plainLabel(QWidget* parent, const QString& name)
{
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    l->setTextFormat(Qt::PlainText); // server text, never rich text
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return l;
}

QPlainTextEdit* monoView(QWidget* parent, const QString& name)
{
    auto* t = new QPlainTextEdit(parent);
    t->setObjectName(name);
    t->setReadOnly(true);
    t->setLineWrapMode(QPlainTextEdit::NoWrap);
    t->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    t->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return t;
}

QColor healthColor(Health h)
{
    switch (h) {
    case Health::Healthy:
        return QColor(0x2e, 0xa0, 0x43);
    case Health::Progressing:
        return QColor(0xc0, 0x80, 0x00);
    case Health::Missing:
        return QColor(0xe0, 0x70, 0x00);
    case Health::Degraded:
        return QColor(0xd0, 0x30, 0x30);
    default:
        return QColor(0x80, 0x80, 0x80);
    }
}

QString stateText(const kube::rollout::ContainerState& c)
{
    if (c.state.isEmpty())
        return QObject::tr("not reported yet");
    QString s = c.state;
    if (!c.reason.isEmpty())
        s += QStringLiteral(" (%1)").arg(c.reason);
    if (c.state == QLatin1String("terminated"))
        s += QObject::tr(", exit code %1").arg(c.exitCode);
    if (!c.message.isEmpty())
        s += QStringLiteral(": ") + c.message;
    return s;
}

} // namespace

ObjectDetailsPane::ObjectDetailsPane(ObjectDetails* details, QWidget* parent)
    : QWidget(parent), m_details(details)
{
    setObjectName(QStringLiteral("objectDetails"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("objectDetailsTabs"));
    layout->addWidget(m_tabs);

    // Summary
    auto* scroll = new QScrollArea(m_tabs);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* summary = new QWidget(scroll);
    auto* s = new QVBoxLayout(summary);
    m_title = plainLabel(summary, QStringLiteral("detailsTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_health = plainLabel(summary, QStringLiteral("detailsHealth"));
    m_message = plainLabel(summary, QStringLiteral("detailsMessage"));
    m_info = plainLabel(summary, QStringLiteral("detailsInfo"));
    m_created = plainLabel(summary, QStringLiteral("detailsCreated"));
    s->addWidget(m_title);
    s->addWidget(m_health);
    s->addWidget(m_message);
    s->addWidget(m_info);
    s->addWidget(m_created);
    auto addList = [&](const QString& title, const QString& name) {
        auto* l = new QLabel(title, summary);
        l->setFont(bold);
        s->addWidget(l);
        auto* list = new QListWidget(summary);
        list->setObjectName(name);
        list->setAccessibleName(title);
        list->setToolTip(tr("%1: Enter or double-click shows that object").arg(title));
        list->setMaximumHeight(90);
        list->setUniformItemSizes(true);
        s->addWidget(list);
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
            Q_EMIT navigate(item->data(Qt::UserRole).toString(),
                            item->data(Qt::UserRole + 1).toString());
        });
        return list;
    };
    m_owners = addList(tr("Owner"), QStringLiteral("detailsOwners"));
    m_owned = addList(tr("Owns"), QStringLiteral("detailsOwned"));
    m_containersTitle = new QLabel(tr("Containers"), summary);
    m_containersTitle->setFont(bold);
    s->addWidget(m_containersTitle);
    m_containers = new QTreeWidget(summary);
    m_containers->setObjectName(QStringLiteral("detailsContainers"));
    m_containers->setAccessibleName(tr("Containers"));
    m_containers->setToolTip(tr("The pod's containers: image, readiness, restarts, state"));
    m_containers->setRootIsDecorated(false);
    m_containers->setHeaderLabels({tr("Container"), tr("Image"), tr("Ready"), tr("Restarts"),
                                   tr("State"), tr("Last termination")});
    m_containers->setMinimumHeight(90);
    m_containers->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    s->addWidget(m_containers);
    s->addStretch(1);
    scroll->setWidget(summary);
    m_tabs->addTab(scroll, tr("&Summary"));

    // YAML
    auto* yamlTab = new QWidget(m_tabs);
    auto* y = new QVBoxLayout(yamlTab);
    y->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    m_managedFields = new QCheckBox(tr("Show &managedFields"), yamlTab);
    m_managedFields->setObjectName(QStringLiteral("showManagedFields"));
    m_managedFields->setAccessibleName(tr("Show managedFields"));
    m_managedFields->setToolTip(tr("Show metadata.managedFields in the YAML (hidden by default, "
                                   "as kubectl get -o yaml)"));
    m_copy = new QPushButton(tr("Cop&y YAML"), yamlTab);
    m_copy->setObjectName(QStringLiteral("copyYaml"));
    m_copy->setAccessibleName(tr("Copy YAML"));
    m_copy->setToolTip(tr("Copy the object's YAML to the clipboard"));
    m_yamlState = plainLabel(yamlTab, QStringLiteral("yamlState"));
    bar->addWidget(m_managedFields);
    bar->addWidget(m_yamlState, 1);
    bar->addWidget(m_copy);
    y->addLayout(bar);
    m_yaml = monoView(yamlTab, QStringLiteral("objectYaml"));
    m_highlighter = new YamlHighlighter(m_yaml->document());
    m_highlighter->setDark(palette().color(QPalette::Base).lightness() < 128);
    y->addWidget(m_yaml, 1);
    m_tabs->addTab(yamlTab, tr("&YAML"));
    connect(m_managedFields, &QCheckBox::toggled, this, &ObjectDetailsPane::updateYaml);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_yaml->toPlainText()); });

    // Events
    auto* eventsTab = new QWidget(m_tabs);
    auto* e = new QVBoxLayout(eventsTab);
    e->setContentsMargins(4, 4, 4, 4);
    m_eventsState = plainLabel(eventsTab, QStringLiteral("eventsState"));
    e->addWidget(m_eventsState);
    m_events = monoView(eventsTab, QStringLiteral("objectEvents"));
    e->addWidget(m_events, 1);
    m_tabs->addTab(eventsTab, tr("&Events"));

    connect(m_details, &ObjectDetails::objectChanged, this, &ObjectDetailsPane::onObject);
    connect(m_details, &ObjectDetails::eventsChanged, this, &ObjectDetailsPane::onEvents);
    showNode(nullptr, nullptr, {});
}

void ObjectDetailsPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setDark(palette().color(QPalette::Base).lightness() < 128);
    QWidget::changeEvent(event);
}

void ObjectDetailsPane::showNode(const kube::rollout::TreeNode* node,
                                 const kube::rollout::PodState* pod,
                                 const QList<kube::rollout::ObjectName>& owned)
{
    if (!node) {
        m_title->setText(tr("Select an object in the tree"));
        for (QLabel* l : {m_health, m_message, m_info, m_created})
            l->clear();
        m_owned->clear();
        m_containers->clear();
        m_containers->setVisible(false);
        m_containersTitle->setVisible(false);
        return;
    }
    using Role = kube::rollout::TreeNode::Role;
    QString title = node->kind + QLatin1Char(' ') + node->name;
    if (node->role == Role::Link)
        title += tr("  (referenced here)");
    if (!node->namespaceName.isEmpty())
        title += tr("  in namespace %1").arg(node->namespaceName);
    m_title->setText(title);
    const Health h = node->health.health;
    m_health->setText(h == Health::NotChecked
                          ? tr("Health: not checked")
                          : tr("Health: %1%2")
                                .arg(kube::rollout::healthName(h),
                                     node->health.reason.isEmpty()
                                         ? QString()
                                         : QStringLiteral(" (%1)").arg(node->health.reason)));
    QPalette pal = m_health->palette();
    pal.setColor(QPalette::WindowText,
                 h == Health::Healthy ? palette().color(QPalette::WindowText) : healthColor(h));
    m_health->setPalette(pal);
    m_message->setText(node->health.message);
    m_message->setVisible(!node->health.message.isEmpty());
    m_info->setText(node->info);
    m_created->setText(
        node->created.isValid()
            ? tr("Created %1 (%2 ago)")
                  .arg(node->created.toString(Qt::ISODate),
                       kube::rollout::shortAge(node->created, QDateTime::currentDateTimeUtc()))
            : QString());

    m_owned->clear();
    for (const kube::rollout::ObjectName& o : owned) {
        auto* item = new QListWidgetItem(o.kind + QLatin1Char('/') + o.name, m_owned);
        item->setData(Qt::UserRole, o.kind);
        item->setData(Qt::UserRole + 1, o.name);
    }
    if (owned.isEmpty())
        new QListWidgetItem(tr("(none)"), m_owned);

    m_containers->clear();
    m_containers->setVisible(pod != nullptr);
    m_containersTitle->setVisible(pod != nullptr);
    if (pod) {
        for (const kube::rollout::ContainerState& c : pod->containers) {
            QString last;
            if (c.hasLastTermination)
                last = tr("%1, exit code %2%3")
                           .arg(c.lastReason.isEmpty() ? tr("terminated") : c.lastReason,
                                QString::number(c.lastExitCode),
                                c.lastFinished.isValid()
                                    ? tr(", %1 ago")
                                          .arg(kube::rollout::shortAge(
                                              c.lastFinished, QDateTime::currentDateTimeUtc()))
                                    : QString());
            auto* item = new QTreeWidgetItem(
                m_containers,
                {c.init ? c.name + tr(" (init)") : c.name, c.image, c.ready ? tr("yes") : tr("no"),
                 QString::number(c.restarts), stateText(c), last.isEmpty() ? tr("none") : last});
            if (c.state == QLatin1String("waiting") && !c.reason.isEmpty() &&
                c.reason != QLatin1String("ContainerCreating"))
                item->setForeground(4, healthColor(Health::Degraded));
        }
    }
}

void ObjectDetailsPane::onObject()
{
    m_owners->clear();
    switch (m_details->state()) {
    case ObjectDetails::State::Empty:
        m_yamlState->setText(tr("Nothing selected"));
        break;
    case ObjectDetails::State::Loading:
        m_yamlState->setText(
            tr("Reading %1 %2…").arg(m_details->target().kind, m_details->target().name));
        break;
    case ObjectDetails::State::Loaded:
        m_yamlState->setText(tr("As the server has it (resourceVersion %1)")
                                 .arg(m_details->object()
                                          .value(QLatin1String("metadata"))
                                          .toObject()
                                          .value(QLatin1String("resourceVersion"))
                                          .toString()));
        break;
    case ObjectDetails::State::Failed:
        m_yamlState->setText(m_details->message());
        break;
    }
    const kube::rollout::ObjectMeta meta = kube::rollout::ObjectMeta::fromJson(m_details->object());
    for (const kube::rollout::OwnerRef& o : meta.owners) {
        auto* item = new QListWidgetItem(o.kind + QLatin1Char('/') + o.name +
                                             (o.controller ? tr("  (controller)") : QString()),
                                         m_owners);
        item->setData(Qt::UserRole, o.kind);
        item->setData(Qt::UserRole + 1, o.name);
    }
    if (meta.owners.isEmpty())
        new QListWidgetItem(m_details->state() == ObjectDetails::State::Loaded ? tr("(none)")
                                                                               : QString(),
                            m_owners);
    updateYaml();
}

void ObjectDetailsPane::updateYaml()
{
    const int scroll = m_yaml->verticalScrollBar() ? m_yaml->verticalScrollBar()->value() : 0;
    m_yaml->setPlainText(ObjectDetails::yamlOf(m_details->object(), !m_managedFields->isChecked()));
    m_yaml->verticalScrollBar()->setValue(scroll);
}

void ObjectDetailsPane::onEvents()
{
    const QList<ObjectEvent> events = m_details->events();
    if (!m_details->eventsError().isEmpty())
        m_eventsState->setText(tr("Cannot list events: %1").arg(m_details->eventsError()));
    else if (m_details->target().isEmpty())
        m_eventsState->clear();
    else if (events.isEmpty())
        m_eventsState->setText(tr("No events for %1 %2 (the API server keeps them for an hour).")
                                   .arg(m_details->target().kind, m_details->target().name));
    else
        m_eventsState->setText(tr("%n event(s)", nullptr, int(events.size())));
    m_events->setPlainText(ObjectDetails::eventsText(events, QDateTime::currentDateTimeUtc()));
}

} // namespace veladesk
