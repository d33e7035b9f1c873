#pragma once
// Helpers of the GUI tests: those of scenario.h, and screenshots.

#include "scenario.h"
#include "ui/mainwindow.h"

#include <QColor>
#include <QDir>
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

} // namespace guitest
