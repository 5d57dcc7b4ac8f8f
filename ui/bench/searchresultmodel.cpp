#include "ui/bench/searchresultmodel.h"

namespace devzero::ui {

SearchResultModel::SearchResultModel(QObject *parent) : QAbstractListModel(parent) {}

void SearchResultModel::setResults(const QList<docindex::SearchResult> &results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QString SearchResultModel::snippetHtml(const QString &snippet)
{
    QString html = snippet.simplified().toHtmlEscaped();
    html.replace(QString::fromUtf16(docindex::kHighlightOpen), QStringLiteral("<b>"));
    html.replace(QString::fromUtf16(docindex::kHighlightClose), QStringLiteral("</b>"));
    return html;
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_results.size())
        return {};
    const docindex::SearchResult &r = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.heading.isEmpty() || r.heading == r.title ? r.title : QString(r.title + QStringLiteral(" \u203a ") + r.heading);
    case LocationRole:
        return r.anchor.isEmpty() ? r.path : QString(r.path + QLatin1Char('#') + r.anchor);
    case SnippetHtmlRole:
        return snippetHtml(r.snippet);
    case Qt::ToolTipRole:
        return r.path;
    case Qt::AccessibleTextRole:
        return QString(r.title + QStringLiteral(", ") + r.heading + QStringLiteral(": ") + r.snippet);
    case PathRole:
        return r.path;
    case AnchorRole:
        return r.anchor;
    }
    return {};
}

} // namespace devzero::ui
