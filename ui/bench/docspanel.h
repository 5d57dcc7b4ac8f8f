#pragma once

// The docs panel: search the session's docs as you type, read a page as it
// was indexed, follow its links inside the panel. Every page shown is a
// lookup (opened when shown, closed when left, so its dwell time is known);
// every search the tester meant is recorded with its result count and the
// result opened (see SearchRecorder). The docs index runs on a DocsWorker.

#include "sessions/docindex/docindextypes.h"

#include <QStringList>
#include <QUrl>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace devzero::ui {

class BenchSession;
class DocsWorker;
class PageView;
class SearchRecorder;
class SearchResultModel;

class DocsPanel : public QWidget
{
    Q_OBJECT
public:
    // Opens `url` outside the bench (the system browser by default); a seam
    // so that tests never start a browser.
    using UrlOpener = std::function<bool(const QUrl &)>;

    // `source` empty: every source of the index. `revision`: the docs
    // commit the session reads (pages fall back to the current revision).
    DocsPanel(BenchSession *session, const QString &indexPath, const QString &clonesDir, const QString &source,
              const QString &revision, QWidget *parent = nullptr);
    ~DocsPanel() override;

    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    void setSearchPauseMs(int ms);

    // What the tester is reading, for notes: the page and the section at
    // the top of the view (empty when no page is shown).
    QString currentPage() const;
    QString currentAnchor() const;
    QString readingDescription() const; // "Getting started › Install the CLI"

    QLineEdit *searchBox() const { return m_search; }
    QLineEdit *urlBox() const { return m_url; }
    QListView *resultList() const { return m_results; }
    PageView *pageView() const { return m_page; }
    SearchResultModel *resultModel() const { return m_model; }
    bool isWaiting() const { return m_waiting > 0; } // a worker job is outstanding

public slots:
    void focusSearch();
    void focusUrl();
    void goBack();
    void openOnSite();
    void showPage(const QString &path, const QString &anchor, const QString &how);
    void flushPendingSearch();
    void leavePage(); // closes the current page's lookup

signals:
    void readingChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void runSearch();
    void searchEntered();
    void openResult(const QModelIndex &index);
    void linkClicked(const QUrl &url);
    void resolveAndShow(const QString &url, const QString &how, bool externalOnFailure);
    void openExternal(const QUrl &url);
    void showInfo(const QString &text);
    void showResultsView();
    void updateHeader();

    BenchSession *m_session;
    DocsWorker *m_worker = nullptr;
    QString m_source;
    QString m_revision;
    UrlOpener m_openUrl;

    QLineEdit *m_search = nullptr;
    QLineEdit *m_url = nullptr;
    QWidget *m_urlRow = nullptr;
    QLabel *m_info = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_resultsLabel = nullptr;
    QLabel *m_emptyHint = nullptr;
    QListView *m_results = nullptr;
    SearchResultModel *m_model = nullptr;
    QWidget *m_pagePane = nullptr;
    QPushButton *m_back = nullptr;
    QLabel *m_title = nullptr;
    QPushButton *m_site = nullptr;
    PageView *m_page = nullptr;
    QTimer *m_debounce = nullptr;
    SearchRecorder *m_recorder = nullptr;

    int m_searchRequest = 0;
    int m_pageRequest = 0;
    int m_waiting = 0;
    QString m_shownQuery;
    bool m_settleOnArrival = false;

    docindex::PageInfo m_pageInfo; // path empty: no page shown
    QString m_anchor;              // the section navigated to
    qint64 m_lookupId = 0;
    QList<QPair<QString, QString>> m_history; // pages shown, oldest first
};

} // namespace devzero::ui
