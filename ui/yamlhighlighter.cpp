#include "ui/yamlhighlighter.h"

namespace veladesk {

YamlHighlighter::YamlHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document),
      // "  - key:" / "key:" (a key may be quoted); group 1 is the dash, group 2 the key
      m_key(QStringLiteral("^\\s*(-\\s+)?((?:\"[^\"]*\"|'[^']*'|[^\\s#'\"][^:#]*?)):(?=\\s|$)")),
      // what follows "key: " or "- "
      m_scalar(
          QStringLiteral("^(?:\\s*-\\s+|\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s#'\"][^:#]*?):\\s+)(.*)$"))
{
}

void YamlHighlighter::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString& text)
{
    const QColor keyColor = m_dark ? QColor(0x7c, 0xb7, 0xf0) : QColor(0x1f, 0x5f, 0xa8);
    const QColor stringColor = m_dark ? QColor(0x9c, 0xd6, 0x8a) : QColor(0x2a, 0x7a, 0x2a);
    const QColor literalColor = m_dark ? QColor(0xd8, 0xa0, 0xf0) : QColor(0x8a, 0x3a, 0xa8);
    const QColor commentColor(0x90, 0x90, 0x90);

    const qsizetype hash =
        text.trimmed().startsWith(QLatin1Char('#')) ? text.indexOf(QLatin1Char('#')) : -1;
    if (hash >= 0) {
        QTextCharFormat f;
        f.setForeground(commentColor);
        f.setFontItalic(true);
        setFormat(int(hash), int(text.size() - hash), f);
        return;
    }
    const QRegularExpressionMatch key = m_key.match(text);
    if (key.hasMatch()) {
        QTextCharFormat f;
        f.setForeground(keyColor);
        setFormat(int(key.capturedStart(2)), int(key.capturedLength(2)), f);
        if (key.capturedLength(1) > 0) {
            QTextCharFormat dash;
            dash.setForeground(commentColor);
            setFormat(int(key.capturedStart(1)), 1, dash);
        }
    }
    const QRegularExpressionMatch scalar = m_scalar.match(text);
    if (!scalar.hasMatch())
        return;
    const QString value = scalar.captured(1).trimmed();
    if (value.isEmpty() || value.endsWith(QLatin1Char(':')))
        return;
    static const QRegularExpression number(QStringLiteral("^-?(\\d+)(\\.\\d+)?([eE][-+]?\\d+)?$"));
    QTextCharFormat f;
    if (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\'')))
        f.setForeground(stringColor);
    else if (value == QLatin1String("true") || value == QLatin1String("false") ||
             value == QLatin1String("null") || value == QLatin1String("{}") ||
             value == QLatin1String("[]") || number.match(value).hasMatch())
        f.setForeground(literalColor);
    else if (value == QLatin1String("|") || value == QLatin1String("|-") ||
             value == QLatin1String(">"))
        f.setForeground(commentColor);
    else
        f.setForeground(stringColor);
    setFormat(int(scalar.capturedStart(1)), int(scalar.capturedLength(1)), f);
}

} // namespace veladesk
