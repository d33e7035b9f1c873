#pragma once
// Colours YAML as the server's objects print (block style): keys, comments, quoted strings,
// numbers, booleans and null, list dashes; tints readable on light and dark palettes.

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace veladesk {

class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument* document);
    // Brighter tints for a dark background.
    void setDark(bool dark);

protected:
    void highlightBlock(const QString& text) override;

private:
    bool m_dark = false;
    QRegularExpression m_key;
    QRegularExpression m_scalar;
};

} // namespace veladesk
