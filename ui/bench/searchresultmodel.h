#pragma once

// The docs search results as a list model: one row per section found.

#include "sessions/docindex/docindextypes.h"

#include <QAbstractListModel>

namespace devzero::ui {

class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { TitleRole = Qt::UserRole + 1, LocationRole, SnippetHtmlRole, PathRole, AnchorRole };

    explicit SearchResultModel(QObject *parent = nullptr);

    void setResults(const QList<docindex::SearchResult> &results);
    const QList<docindex::SearchResult> &results() const { return m_results; }
    const docindex::SearchResult &result(int row) const { return m_results.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The snippet as HTML: escaped, with the index's highlight markers as <b>.
    static QString snippetHtml(const QString &snippet);

private:
    QList<docindex::SearchResult> m_results;
};

} // namespace devzero::ui
