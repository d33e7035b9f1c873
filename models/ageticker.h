#pragma once
// Ages ("5m") are relative to now, so a model's Age column changes without any new data.
// AgeTicker calls `repaint` once a second while `model` has rows and stays idle while it is
// empty; it follows the model's own row signals, so the model only says how to repaint.

#include <QAbstractItemModel>
#include <QTimer>
#include <functional>

namespace veladesk {

class AgeTicker : public QObject
{
public:
    AgeTicker(QAbstractItemModel* model, std::function<void()> repaint);

private:
    void follow();

    QAbstractItemModel* m_model;
    QTimer m_timer;
};

} // namespace veladesk
