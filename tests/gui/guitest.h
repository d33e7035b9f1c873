#pragma once
// Helpers of the GUI tests: those of scenario.h, and screenshots.

#include "scenario.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QColor>
#include <QDir>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QPalette>
#include <QPixmap>
#include <QTest>
#include <QWidget>

namespace guitest {

// Saves a screenshot of `widget` when VELADESK_SCREENSHOT_DIR is set.
inline void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("VELADESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50); // let pending layouts and paints settle
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget->grab().save(path))
        qWarning("could not save %s", qPrintable(path));
}

// A dark platform palette, as a desktop in dark mode gives the application.
inline QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xb8));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return dark;
}

// The window on namespace `ns` of `kubeconfig`, 1280x800, not shown yet.
inline std::unique_ptr<veladesk::MainWindow> windowOn(const QString& kubeconfig, const QString& ns)
{
    kube::KubeConfigOptions options;
    options.kubeconfigPath = kubeconfig;
    options.namespaceName = ns;
    auto window = std::make_unique<veladesk::MainWindow>(options);
    window->resize(1280, 800);
    return window;
}

// Alt+letter clashes of `window`: two visible labels (with a buddy) or buttons of the window,
// with whichever dock is raised (each in turn), or one of them and a menu, that share a
// mnemonic; "Alt+F: menu &File; QCheckBox \"x\" [&Filter]", one line each. Works in
// any language: a translation's "(&F)" is the mnemonic F.
inline QStringList mnemonicClashes(QMainWindow* window)
{
    QMap<QChar, QStringList> owners;
    for (QAction* menu : window->menuBar()->actions())
        if (const QKeySequence k = QKeySequence::mnemonic(menu->text()); !k.isEmpty())
            owners[k.toString().back().toUpper()] << QStringLiteral("menu ") + menu->text();
    for (QDockWidget* dock : window->findChildren<QDockWidget*>()) {
        dock->show();
        dock->raise();
        QTest::qWait(20);
        for (QWidget* w : window->findChildren<QWidget*>()) {
            if (!w->isVisible())
                continue;
            QString text;
            if (auto* l = qobject_cast<QLabel*>(w); l && l->buddy())
                text = l->text();
            else if (auto* b = qobject_cast<QAbstractButton*>(w))
                text = b->text();
            const QKeySequence k = QKeySequence::mnemonic(text);
            if (k.isEmpty())
                continue;
            const QString who =
                QStringLiteral("%1 \"%2\" [%3]")
                    .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text);
            QStringList& list = owners[k.toString().back().toUpper()];
            if (!list.contains(who))
                list << who;
        }
    }
    QStringList clashes;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        if (it.value().size() > 1)
            clashes << QStringLiteral("Alt+%1: %2")
                           .arg(it.key())
                           .arg(it.value().join(QStringLiteral("; ")));
    return clashes;
}

} // namespace guitest
