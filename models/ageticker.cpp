#include "models/ageticker.h"

namespace veladesk {

AgeTicker::AgeTicker(QAbstractItemModel* model, std::function<void()> repaint) : m_model(model)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, std::move(repaint));
    connect(model, &QAbstractItemModel::rowsInserted, this, &AgeTicker::follow);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AgeTicker::follow);
    connect(model, &QAbstractItemModel::modelReset, this, &AgeTicker::follow);
}

void AgeTicker::follow()
{
    if (m_model->rowCount() == 0)
        m_timer.stop();
    else if (!m_timer.isActive())
        m_timer.start();
}

} // namespace veladesk
