#include "ui/diffhighlighter.h"

namespace veladesk {

void DiffHighlighter::highlightBlock(const QString& text)
{
    QTextCharFormat f;
    if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---"))) {
        f.setFontWeight(QFont::Bold);
    } else if (text.startsWith(QLatin1Char('+'))) {
        f.setForeground(QColor(0x2e, 0xa0, 0x43));
        f.setBackground(QColor(0x2e, 0xa0, 0x43, 40));
    } else if (text.startsWith(QLatin1Char('-'))) {
        f.setForeground(QColor(0xd0, 0x40, 0x40));
        f.setBackground(QColor(0xd0, 0x40, 0x40, 40));
    } else if (text.startsWith(QLatin1String("@@"))) {
        f.setForeground(QColor(0x3b, 0x82, 0xc4));
    } else if (text.startsWith(QLatin1Char('#'))) {
        f.setForeground(QColor(0x90, 0x90, 0x90));
    } else {
        return;
    }
    setFormat(0, int(text.size()), f);
}

} // namespace veladesk
